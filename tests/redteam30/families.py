"""2026 DM spam families (my own) and the corpus loader. {W} is the way back slot."""
import csv
import re
from pathlib import Path

FAMILIES = {
    "crypto": [
        "Join my free crypto signals group, 92% win rate last month. Daily calls on BTC and SOL. {W}",
        "I turned $300 into $4,800 in 9 days copying one trader. She still takes new people. {W}",
        "New presale token launching tonight, early buyers 40x. Only 50 spots left. {W}",
        "My mentor manages forex accounts, you keep 80% of profit, withdraw anytime. {W}",
        "Airdrop live: connect and claim 0.5 ETH before midnight. {W}",
    ],
    "romance": [
        "hey cutie, saw you in the comments and couldn't stop thinking about you. see my pics {W}",
        "I'm new in town and kinda lonely tonight... want to see more of me? {W}",
        "my private pics are too spicy for here 🙈 {W}",
        "hi handsome, I don't usually do this but you seem different. talk to me {W}",
        "bored and alone, 22f, looking for someone fun to chat with {W}",
    ],
    "job": [
        "Earn $400 a day from home, 2 hours, no experience. We train you. {W}",
        "Hiring remote assistants, $35/hr, flexible hours, paid weekly. {W}",
        "Simple app review task job, get paid per review, start today. {W}",
        "Our agency needs brand reps, free products plus commission. {W}",
        "Part time data entry, $600 weekly, apply in 2 minutes. {W}",
    ],
    "parcel": [
        "Your parcel could not be delivered, address incomplete. Reschedule within 24h: {W}",
        "Customs fee of $1.99 pending on your package. Pay to release: {W}",
        "Delivery attempt failed today. Confirm your details to avoid return: {W}",
        "Your order is on hold at our depot. Update address: {W}",
    ],
    "phishing": [
        "Your account will be suspended for copyright violation. Appeal within 24h: {W}",
        "Unusual login detected on your account. Secure it now: {W}",
        "You've been selected for the blue verified badge. Confirm here: {W}",
        "Your bank card has been locked after a suspicious payment. Unlock: {W}",
        "Security team: verify your identity or lose access today {W}",
    ],
    "giveaway": [
        "Congrats! You were picked in our iPhone 17 giveaway. Claim before it expires {W}",
        "We're giving $500 to 50 followers this week, you're one of them {W}",
        "You won a $1000 gift card in our anniversary draw! {W}",
        "Free PS5 for the first 20 who follow the steps {W}",
    ],
    "loan": [
        "Need cash fast? Instant loans up to $5,000, bad credit ok, same day. {W}",
        "Pre-approved for a $3,000 personal loan, no credit check. {W}",
        "Debt relief program: cut your payments by half, free consultation. {W}",
        "Payday advance in 10 minutes, no paperwork. {W}",
    ],
    "support": [
        "Hi, this is the platform support team. We noticed issues on your profile, contact us {W}",
        "Your payment failed and your subscription will end. Our agent can help: {W}",
        "Hacked account? Our recovery team gets it back in 1 hour. {W}",
        "Refund of $249 pending for you, call our billing desk {W}",
    ],
    "ticket": [
        "Selling 2 tickets for tonight's show, below face value, quick deal {W}",
        "Cheap followers and likes, 10k for $15, real accounts {W}",
        "Designer bags at 80% off, factory direct, last stock {W}",
    ],
}

CONTACT_RE = re.compile(r"(https?://\S+|www\.\S+|\S+\.(com|net|co\.uk|org|biz)\S*|\+?\d[\d \-]{4,}\d)", re.I)


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sms_spam_collection.tsv"


def available() -> bool:
    return CORPUS.is_file()


def load_corpus(path=CORPUS):
    spam, ham = [], []
    with open(path, encoding="utf-8", errors="replace") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(r)
        for row in r:
            if len(row) < 2:
                continue
            (spam if row[0] == "spam" else ham).append(row[1].strip())
    return spam, ham


def corpus_template(text):
    """A corpus spam with its own numbers/links removed, with a way-back slot."""
    t = CONTACT_RE.sub("", text)
    t = re.sub(r"\s+", " ", t).strip()
    t = t[:95]
    if " " in t[60:]:
        t = t[:t.rfind(" ")]
    return t + " {W}"
