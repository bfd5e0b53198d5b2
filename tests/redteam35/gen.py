"""Round 35's texts: what ordinary people write in direct messages, written blind.

Every builder takes a random.Random and returns a text of at most 140 characters (the
platform's limit: the client would not let a longer one be sent). The SMS Spam Collection's
ham texts are used as ordinary chat when the file is there.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

MAX_CHARS = 140
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "sms_spam_collection.tsv"


def stable(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def load_ham(path: Path = CORPUS) -> list[str]:
    """The corpus's ham texts that fit a message; [] when the file is absent."""
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        label, _, text = line.partition("\t")
        text = text.strip()
        if label.strip().lower() == "ham" and 0 < len(text) <= MAX_CHARS:
            out.append(text)
    return out


def fit(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1].rstrip() + "…"


NAMES = ("Maria", "Tom", "Aisha", "Jonas", "Priya", "Liam", "Sofia", "Kenji", "Chloe", "Omar",
         "Ana", "Ben", "Fatima", "Lucas", "Emma", "Raj", "Zoe", "Mateo", "Hana", "Sam",
         "Lea", "Diego", "Nina", "Arjun", "Grace", "Yusuf", "Ines", "Max", "Amara", "Leo",
         "Julia", "Kwame", "Mia", "Ravi", "Elif", "Noah", "Sara", "Tariq", "Lucy", "Joao",
         "Dewi", "Putri", "Carlos", "Bea", "Ollie", "Meera", "Hugo", "Layla", "Finn", "Rosa")
SURNAMES = ("lopez", "smith", "khan", "muller", "patel", "obrien", "rossi", "tanaka", "martin",
            "haddad", "silva", "jones", "ali", "costa", "brown", "singh", "wright", "garcia")


def handle(rng: random.Random) -> str:
    n = rng.choice(NAMES).lower()
    return rng.choice((f"{n}_{rng.choice(SURNAMES)}", f"{n}{rng.randint(1, 99)}",
                       f"{n}.{rng.choice(SURNAMES)}", f"the{n}{rng.choice(('x', 'official', ''))}"))


def phone(rng: random.Random) -> str:
    d = lambda k: "".join(str(rng.randrange(10)) for _ in range(k))  # noqa: E731
    return rng.choice((f"07{d(3)} {d(6)}", f"+44 7{d(3)} {d(6)}", f"({d(3)}) {d(3)}-{d(4)}",
                       f"+1 {d(3)} {d(3)} {d(4)}", f"+34 6{d(2)} {d(3)} {d(3)}",
                       f"+55 11 9{d(4)}-{d(4)}", f"+91 9{d(4)} {d(5)}", f"+62 81{d(2)}-{d(4)}-{d(4)}"))


def email(rng: random.Random) -> str:
    return f"{rng.choice(NAMES).lower()}.{rng.choice(SURNAMES)}{rng.choice(('', '88', '.work'))}@" \
           f"{rng.choice(('gmail.com', 'outlook.com', 'proton.me', 'icloud.com', 'fastmail.com'))}"


def code(rng: random.Random, n: int, alphabet: str = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


# ---- everyday chat ------------------------------------------------------------------------------

CHAT = (
    "hey how was your weekend?", "omg did you see the final last night", "lol no way",
    "running 10 min late sorry!!", "can you grab milk on the way home", "I'm outside",
    "haha that's so you", "what time are we meeting tomorrow?", "ok see you at 7 then",
    "did you finish the episode? no spoilers pls", "I miss you guys so much",
    "wait what happened with the flat in the end", "my train got cancelled again 🙃",
    "honestly same", "thank you!! you're the best", "call me when you're free x",
    "are you coming to Jen's thing on Friday", "just landed ✈️", "home safe, night night",
    "that meme you sent me 😂😂", "can't stop thinking about those tacos",
    "good luck with the interview today!! you've got this", "how's your mum doing?",
    "yes!! let's do it", "nah I'm too tired tonight, rain check?", "sending hugs ❤️",
    "is it cold where you are? it's freezing here", "I'll bring the wine",
    "did you ever get your parcel back?", "the dog ate my charger. again.",
    "do you have Netflix or Prime? want to watch the new season together",
    "brb cooking", "still on for coffee at 11?", "sorry just saw this!", "hahaha stop",
    "ugh mondays", "ok ok I'll go to the gym with you", "what are you wearing to the wedding",
    "can you send me the photos from last night?", "Happy Friday!!", "I'm so proud of you",
    "did you hear back from the landlord?", "he actually said that??", "yesss finally",
    "I left my umbrella at yours", "we should plan a trip this summer", "ok voice note incoming",
    "mood", "same tbh", "k", "👍", "❤️", "😂", "lmaooo", "no", "yes", "true", "omw",
    "what's the plan for new year's eve?", "can't wait for tonight 🎉", "who's driving?",
    "fireworks were insane", "happy new year!!! 🥳", "hangover level 100",
    "did you make any resolutions", "gym at 7am tomorrow, hold me to it",
    "the kids loved the present, thank you!", "what's your wifi password again",
)

REACTIONS = ("lol", "haha", "😂", "omg", "wait", "no way", "stoppp", "hahaha", "ikr", "yes!!",
             "ok", "sure", "👍", "❤️", "😭", "true", "same", "lmao", "nice", "wow", "?", "!!",
             "ya", "yep", "hmm", "what", "nooo", "🔥", "ok cool", "thx", "brb")


def chat(rng: random.Random, ham: list[str]) -> str:
    if ham and rng.random() < 0.55:
        return rng.choice(ham)
    r = rng.random()
    if r < 0.15:
        return numbers_text(rng)
    if r < 0.25:
        return rng.choice(REACTIONS)
    return rng.choice(CHAT)


def burst_line(rng: random.Random, ham: list[str]) -> str:
    if rng.random() < 0.45:
        return rng.choice(REACTIONS)
    return chat(rng, ham)


# ---- numbers ------------------------------------------------------------------------------------

def numbers_text(rng: random.Random) -> str:
    d = lambda k: "".join(str(rng.randrange(10)) for _ in range(k))  # noqa: E731
    h, m = rng.randint(1, 12), rng.choice(("00", "15", "30", "45", "05", "50"))
    street = rng.choice(("Elm Rd", "High St", "Calle Mayor", "Rua Augusta", "Jl. Sudirman",
                         "Maple Ave", "Station Rd", "Baker St", "Kurfürstendamm"))
    opts = (
        f"flight is {rng.choice(('BA', 'LH', 'AA', 'U2', 'FR', 'QR', 'GA'))}{rng.randint(100, 9999)}, "
        f"lands {h}:{m} terminal {rng.randint(1, 5)}",
        f"it's {rng.randint(1, 220)} {street}, flat {rng.randint(1, 40)}, "
        f"postcode {rng.choice(('LS6 2AB', 'SW1A 1AA', 'M14 5RT', '10115', '28013', 'EH8 9YL'))}",
        f"order #{d(7)} says delivered but nothing here??",
        f"tracking: 1Z{code(rng, 6)}{d(10)} - says out for delivery",
        f"Royal Mail tracking {code(rng, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{d(9)}GB, should be there tmrw",
        f"{rng.choice(('2-1', '3-2', '0-0', '4-1', '1-1'))} final score!! {rng.randint(78, 95)}th "
        f"minute winner 😱",
        f"BTC at {rng.randint(38, 130)}k again lol, eth {rng.randint(1800, 5200)}",
        f"we owe {rng.randint(12, 90)}.{d(2)} each for the airbnb, I'll send details",
        f"train {h}:{m} from platform {rng.randint(1, 14)}, coach {rng.choice('ABCDEFG')} seat "
        f"{rng.randint(1, 80)}",
        f"door code is {d(4)}#, then 3rd floor",
        f"gate {rng.choice('ABCDE')}{rng.randint(1, 40)} boarding {h}:{m}",
        f"table for {rng.randint(2, 9)} at {h}:{m}, booking ref {code(rng, 6)}",
        f"the lakers won {rng.randint(98, 130)}-{rng.randint(90, 128)} lmao",
        f"it was £{rng.randint(3, 60)}.{d(2)} for the lot, {rng.randint(2, 6)} of us",
        f"meet at {h}:{m} by exit {rng.randint(1, 9)}",
        f"my new pin for the shared locker is {d(4)}",
        f"{rng.randint(5, 42)}km run this morning in {rng.randint(25, 240)} min 💪",
        f"pickup {h}:{m}pm, gate {rng.randint(1, 12)}, car is a grey Corolla {code(rng, 3)} {d(3)}",
    )
    return fit(rng.choice(opts))


# ---- sharing ------------------------------------------------------------------------------------

def link(rng: random.Random) -> tuple[str, str]:
    """A link an ordinary person shares, and its kind."""
    c = lambda k: code(rng, k, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789_-")  # noqa
    kinds = (
        ("youtube", f"https://youtu.be/{c(11)}"),
        ("youtube", f"https://www.youtube.com/watch?v={c(11)}"),
        ("spotify", f"https://open.spotify.com/track/{c(22)}"),
        ("spotify", f"https://open.spotify.com/playlist/{c(22)}"),
        ("maps", f"https://maps.app.goo.gl/{c(17)}"),
        ("news", f"https://www.bbc.co.uk/news/articles/c{c(10).lower()}o"),
        ("news", f"https://www.theguardian.com/world/2026/dec/{rng.randint(1, 30)}/"
                 f"{rng.choice(('storm', 'election', 'transport', 'climate'))}-live"),
        ("eventbrite", f"https://www.eventbrite.co.uk/e/{rng.randint(10**11, 10**12 - 1)}"),
        ("gofundme", f"https://gofund.me/{c(8).lower()}"),
        ("tiktok", f"https://vm.tiktok.com/ZM{c(7)}/"),
        ("insta", f"https://www.instagram.com/reel/{c(11)}/"),
        ("x", f"https://x.com/{handle(rng)}/status/{rng.randint(10**18, 10**19 - 1)}"),
        ("airbnb", f"https://www.airbnb.com/rooms/{rng.randint(10**7, 10**9)}"),
        ("doc", f"https://docs.google.com/document/d/{c(20)}/edit"),
    )
    return rng.choice(kinds)


SHARE_LEAD = {
    "youtube": ("you HAVE to watch this 😂", "this is the video I was telling you about",
                "ok this guy explains it so well", "watch till the end lol"),
    "spotify": ("this song has been on repeat all week", "made us a road trip playlist!",
                "new album is so good", "our song 🥹"),
    "maps": ("here's the place", "meet here, there's parking round the back",
             "this is the restaurant for saturday", "pin for the cabin"),
    "news": ("did you see this?? crazy", "this is near your mum's isn't it?",
             "ugh read this", "finally some good news"),
    "eventbrite": ("tickets for the gig are up, shall we?", "free workshop on saturday, fancy it?",
                   "got us on the list for this"),
    "gofundme": ("my cousin's house flooded, anything helps or just share 🙏",
                 "for Mr Ahmed from school, his shop burnt down",
                 "raising money for Coco's surgery, thank you for reading"),
    "tiktok": ("this is literally us", "😭😭😭", "the dog at the end"),
    "insta": ("look at this view", "your fave baker posted this", "lmao this reel"),
    "x": ("this thread is wild", "someone posted our street lol", "ratio'd"),
    "airbnb": ("what about this one for the trip? £{p} a night split {n} ways",
               "found a cabin, sleeps {n}, £{p}/night"),
    "doc": ("notes from the meeting", "here's the packing list, add stuff", "trip itinerary 👇"),
}


def share(rng: random.Random) -> str:
    kind, url = link(rng)
    lead = rng.choice(SHARE_LEAD[kind]).format(p=rng.randint(60, 240), n=rng.randint(3, 8))
    return fit(f"{lead} {url}" if rng.random() < 0.8 else f"{url} {lead}")


def split_bill(rng: random.Random, payer: str) -> str:
    amount = f"{rng.randint(9, 65)}.{rng.randint(0, 99):02d}"
    what = rng.choice(("dinner", "the cab", "pizza", "concert tix", "the airbnb", "brunch",
                       "groceries", "Jake's present"))
    return fit(rng.choice((
        f"Venmo me ${amount} for {what} when u can! @{payer}",
        f"your share of {what} is £{amount}, paypal.me/{payer} 🙏",
        f"sent a Venmo request for {what} (${amount}), no rush",
        f"{what} came to {amount} each, monzo.me/{payer}/{amount} x",
        f"can you pix me R$ {amount} pro {what}? chave: {payer}@gmail.com",
    )))


# ---- announcements to contacts -----------------------------------------------------------------

def new_contact(rng: random.Random, me: str) -> str:
    return fit(rng.choice((
        f"Hi! New number: {phone(rng)}. Old phone died, please save this one 🙏",
        f"heads up I changed my number, it's {phone(rng)} now. text me so I have yours!",
        f"New number who dis 😅 {phone(rng)} — lost all my contacts, send me yours",
        f"I'm moving off this app mostly, my new handle is @{handle(rng)} on bluesky/insta",
        f"changed my @ to @{handle(rng)}, same person lol",
        f"new email for anything work related: {email(rng)} (old one gets deleted in Jan)",
        f"hi, it's {me}! got a new phone, my whatsapp is now {phone(rng)}",
        f"Lost my phone at the airport 😩 temporary number {phone(rng)} till I sort it",
        f"my signal is {phone(rng)} if you want to move chats there",
    )))


def event_invite(rng: random.Random, me: str) -> str:
    day = rng.choice(("Saturday", "Sat 10th", "Friday", "Sunday the 4th", "next Sat", "the 17th"))
    kind, url = link(rng)
    place = rng.choice(("mine", "The Crown", "Rosa's", "the park by the lake", "Flat 3, 12 Elm Rd",
                        "the climbing wall", "Lucky Star karaoke", "our new flat"))
    return fit(rng.choice((
        f"Hey! I'm doing a little housewarming at {place} on {day} from 7pm, would love to see you 🏠",
        f"It's my 30th!! Drinks at {place}, {day} 8pm onwards. Plus ones welcome 🎉",
        f"Quiz night at {place} {day} 7.30, need a team of 6, you in?",
        f"Hiking {day}, meeting 9am at the station car park. ~12km, pub after. Let me know!",
        f"Board game night at {place} {day}, bring snacks, I'll do chilli",
        f"Doing a charity 10k on {day}, come cheer at the finish (around 11)? 🏃‍♀️",
        f"baby shower for Jess on {day} 2pm at {place}! RSVP to me by Wed pls 💕",
        f"tickets for our comedy night {day}: https://www.eventbrite.co.uk/e/"
        f"{rng.randint(10**11, 10**12 - 1)} - come!!",
        f"we're having a leaving do for Dan {day} at {place}, 7ish, see you there?",
        f"5-a-side {day} 6pm, we're short a player, can you make it?",
        f"picnic {day} 1pm, here's the spot {url if kind == 'maps' else 'https://maps.app.goo.gl/'}"
        f"{'' if kind == 'maps' else code(rng, 17)}",
    )))


def greeting(rng: random.Random, name: str | None) -> str:
    who = f" {name}" if name and rng.random() < 0.5 else ""
    return fit(rng.choice((
        f"Happy New Year{who}!! 🎆 wishing you all the best for 2027 ❤️",
        f"HNY{who}! 🥂 thanks for being in my life this year",
        f"Happy new year{who} 🎉✨ hope 2027 is your year!",
        f"Feliz año nuevo{who}! 🥳 que este año te traiga mucha felicidad",
        f"Happy 2027{who}!! missing you, let's catch up soon x",
        f"bonne année{who} 🎇 plein de bonheur pour 2027!",
        f"Happy New Year{who}! May this year bring health, peace and lots of laughs 🙏",
    )))


def thanks_for_wishes(rng: random.Random) -> str:
    return rng.choice(("thank you so much!! ❤️", "aww thank you 🥹", "thanks!! love you",
                       "thank youuu 🎂", "thank you! hope you're well x", "thanks lovely 💕",
                       "thank you!!! let's catch up soon", "haha thanks, feeling old 😅"))


# ---- groups ------------------------------------------------------------------------------------

def group_opener(rng: random.Random) -> str:
    return fit(rng.choice((
        "made a group for the trip! flights are £89 return from STN, thoughts?",
        "group chat for Sam's surprise party, DON'T tell him 🤫",
        "ok new chat for the flat, rent due on the 1st, bins on Tuesday",
        "hiking crew 🥾 who's in for sunday?",
        "book club! next one is Tomorrow and Tomorrow and Tomorrow, 14th at mine",
        "secret santa group 🎅 budget £20, names drawn friday",
        "NYE plans chat, my place or out?",
        "wedding planning chat 💍 venue visit sat 11am",
    )))


# ---- small business ---------------------------------------------------------------------------

BUSINESSES = (
    ("cakes", "Bella's Bakes"), ("nails", "Glow Nail Studio"), ("barber", "Fade Street Barbers"),
    ("cafe", "Little Fox Café"), ("tattoo", "Ink & Anchor"), ("yoga", "Sunrise Yoga"),
    ("bikes", "Spoke Repair Co"), ("florist", "Petal & Stem"),
)


def slug(biz: str) -> str:
    return "".join(ch for ch in biz.lower() if ch.isalnum())[:14]


def business_answer(rng: random.Random, biz: str, name: str | None) -> str:
    hi = f"Hi {name}! " if name and rng.random() < 0.6 else "Hi! "
    book = f"https://calendly.com/{slug(biz)}/30min"
    return fit(hi + rng.choice((
        f"Yes we're open {rng.randint(8, 10)}am-{rng.randint(5, 7)}pm Mon-Sat, closed Sundays",
        f"a custom cake for 12 is £{rng.randint(45, 90)}, we need 5 days notice",
        f"we're at {rng.randint(2, 80)} Market St, next to the post office 😊",
        f"you can book here: {book}",
        f"prices: gel £{rng.randint(20, 30)}, acrylic full set £{rng.randint(30, 45)}, "
        f"removal £{rng.randint(5, 10)}",
        f"skin fade is £{rng.randint(15, 25)}, beard trim +£{rng.randint(5, 8)}. walk-ins till 4",
        "thank you so much for the lovely review!! ❤️",
        f"your order #{rng.randint(1000, 9999)} is ready for collection 🙌",
        f"sorry we're fully booked sat, we have {rng.randint(9, 16)}:00 on tuesday?",
        "yes we deliver within 5 miles, £4 or free over £40",
        f"our number is {phone(rng)} if easier to call",
    )))


def business_followup(rng: random.Random, biz: str, name: str | None) -> str:
    hi = f"Hi {name}, " if name and rng.random() < 0.6 else "Hi, "
    book = f"https://calendly.com/{slug(biz)}/30min"
    return fit(hi + rng.choice((
        f"saw your comment asking about prices! cut & blow dry £{rng.randint(30, 45)}, "
        f"book at {book}",
        f"you asked under our post: we're at {rng.randint(2, 80)} Market St, open till 6 today",
        f"thanks for asking about the cakes! DM'ing you our price list: 6in £{rng.randint(25, 35)}, "
        f"8in £{rng.randint(38, 50)}",
        f"re your comment: yes the {rng.choice(('blue', 'large', 'vegan', 'gift'))} one is back in "
        f"stock, £{rng.randint(12, 60)}",
        f"just following up on your question, we have slots thu {rng.randint(9, 17)}:00, "
        f"reply here to book",
    )))


# ---- creators -----------------------------------------------------------------------------------

FAN_NOTES = ("your last video helped me so much, thank you", "love your work!! 😍",
             "how do you edit your videos?", "what camera do you use?",
             "saw you live in Bristol, amazing show", "can I use your track in my school project?",
             "you're the reason I started drawing", "when's the next drop?",
             "any tips for someone starting out?", "your recipe worked first try!!")


def creator_reply(rng: random.Random, name: str | None) -> str:
    nm = f" {name}" if name and rng.random() < 0.4 else ""
    return fit(rng.choice((
        f"thank you so much{nm}!! 🙏", "aw this made my day ❤️", f"thanks{nm}!! means a lot",
        "I use a Sony a7 iv and edit in Resolve 😊", "thank you!! next drop is friday 6pm",
        "yes of course, just credit me 🙌", "start small and post every week, you'll get there!",
        f"ahh thank you{nm}, so glad it helped", "🥹🥹 thank you", "thank you for watching!",
    )))


# ---- recruiters -------------------------------------------------------------------------------

ROLES = ("Senior Backend Engineer", "Product Designer", "Data Analyst", "iOS Developer",
         "Site Reliability Engineer", "Account Executive", "Nurse (band 6)", "Staff ML Engineer")


def recruiter_pitch(rng: random.Random, name: str, firm: str, role: str, job_id: int) -> str:
    return fit(rng.choice((
        f"Hi {name}, I'm hiring a {role} at {firm} (remote, EU). Your profile looks a great fit - "
        f"open to a chat?",
        f"Hey {name}! {firm} is looking for a {role}. Details: {firm.lower()}.com/jobs/{job_id}. "
        f"Interested?",
        f"Hi {name}, saw your talk on {rng.choice(('Rust', 'Figma', 'SQL', 'Kubernetes', 'Swift'))}. "
        f"We have a {role} role at {firm}, €{rng.randint(60, 90)}-{rng.randint(95, 130)}k. Chat?",
    )))


def recruiter_followup(rng: random.Random) -> str:
    return rng.choice(("Great! Are you free for a 20 min call thu or fri?",
                       "thanks for getting back to me! sending the JD now",
                       "no worries at all, good luck with everything!",
                       "Perfect, what's the best email to send the invite to?"))


# ---- parents' rep / coach / teacher -------------------------------------------------------------

def parents_notice(rng: random.Random) -> str:
    return fit(rng.choice((
        f"Hi all, reminder: trip money (£{rng.randint(8, 20)}) due Friday. Pay on ParentPay or cash "
        f"in an envelope. Thanks!",
        f"U10s match Sat {rng.randint(9, 10)}:30 at Riverside pitch {rng.randint(1, 4)} "
        f"(postcode LS6 4QR). Arrive 15 min early, white kit ⚽",
        "Training cancelled tonight due to the frozen pitch, see you Thursday 6pm",
        f"Nativity tickets: 2 per family, {rng.randint(2, 4)}pm show. Reply with how many you need",
        f"Swim gala Sunday, coach leaves school 7:45am sharp. Packed lunch + £{rng.randint(3, 6)}",
        "Hi! Collecting for Ms Patel's leaving gift, £5 suggested, no pressure at all 💐",
        f"Reminder: parents' evening slots are at https://schoolcloud.co.uk/{code(rng, 8).lower()}",
    )))


def parent_reply(rng: random.Random) -> str:
    return rng.choice(("thanks! will do", "2 please 😊", "noted, thanks for organising!",
                       "can I pay cash on monday?", "👍", "Leo will be there", "sorry he's ill this week",
                       "thank you for all you do!"))


# ---- landlord / tenant --------------------------------------------------------------------------

def landlord_text(rng: random.Random) -> str:
    return fit(rng.choice((
        f"Hi, rent of £{rng.randint(650, 1450)} due on the 1st, sort code "
        f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)} acc "
        f"{rng.randint(10**7, 10**8 - 1)}. Thanks!",
        f"the plumber is coming tue between {rng.randint(8, 11)} and {rng.randint(12, 3 + 12) - 12}pm "
        f"for the boiler, is that ok?",
        f"Gas safety check on the {rng.randint(2, 28)}th at {rng.randint(9, 16)}:00, engineer is "
        f"called Dave, {phone(rng)}",
        "Happy new year! Reminder the bins change to Wednesday from January",
        "got your message about the leak, I'll send someone tomorrow morning",
    )))


def tenant_text(rng: random.Random) -> str:
    return fit(rng.choice((
        "Hi, the kitchen tap is leaking again, could someone take a look?",
        f"rent sent! ref {code(rng, 2)}{rng.randint(1000, 9999)}",
        "tuesday is fine, I'll be in after 10", "the heating is off again 🥶",
        "thanks for sorting it so quickly!", f"could I pay on the {rng.randint(3, 6)}th this month?",
    )))


# ---- marketplace seller -------------------------------------------------------------------------

ITEMS = ("bike", "desk", "pram", "guitar", "sofa", "lamp", "jacket", "tent", "PS5", "iPhone 13",
         "standing desk", "coffee machine")


def buyer_ask(rng: random.Random, item: str) -> str:
    return rng.choice((f"hi is the {item} still available?", f"hi! would you take less for the {item}?",
                       f"is the {item} still for sale", f"interested in the {item}, where are you based?",
                       "still available?", f"can I see more pics of the {item}"))


def seller_answer(rng: random.Random, item: str, price: int, tel: str) -> str:
    return fit(rng.choice((
        f"Hi yes it is! £{price} collected from Leeds LS6 or £{price + 8} posted, text me on {tel}",
        f"Yes still available, £{price}, can do £{price - 5} if you collect today. {tel}",
        f"hiya, yes! {item} is £{price}, no offers sorry. call/whatsapp {tel}",
        "sorry it's pending collection, I'll let you know if it falls through",
        f"still here! £{price}, I'm near the Arndale, cash or paypal",
    )))


# ---- new users ----------------------------------------------------------------------------------

def newcomer_hello(rng: random.Random, me: str, name: str) -> str:
    return fit(rng.choice((
        f"hi {name}! thanks for the follow, I'm new here 👋",
        f"hey {name}, it's {me} from the book club, found you!",
        f"{name}! finally joined lol, how does this app work",
        f"hello! saw you follow me, are you the {name} from yoga? 😊",
        f"hi {name}, {me} here (Priya's friend), lovely to meet you at the wedding!",
    )))


# ---- other languages ------------------------------------------------------------------------------

LANGS = ("es", "pt", "hi", "ar", "id")

LANG_CHAT = {
    "es": ("¿quedamos a las 8 en la plaza?", "jajaja no puedo más 😂", "ya llegué, estoy en la puerta",
           "mi vuelo es el IB3166, llego a las 14:35", "te paso la ubicación: https://maps.app.goo.gl/{c}",
           "son 23,50€ cada uno por la cena", "mi nuevo número es +34 6{d2} {d3} {d3}",
           "¡feliz año nuevo! 🥂 que 2027 sea increíble", "¿viste el partido? 3-1 qué golazo",
           "mañana a las 10 en la calle Mayor 14, 2ºB", "bizum de 15€ para el regalo de Ana porfa"),
    "pt": ("bora tomar um café amanhã às 10?", "kkkkkk não acredito", "chego às 19h30, me espera",
           "meu número novo é +55 11 9{d4}-{d4}", "faz um pix de R$ 42,50 pra mim? chave é meu cpf",
           "olha esse vídeo https://youtu.be/{c}", "feliz ano novo!! 🎆 muita saúde pra vc",
           "o jogo foi 2x1, que sofrimento", "rua Augusta 1200, apto 54, interfone 54",
           "pedido #{d6} chegou quebrado 😩"),
    "hi": ("kal milte hai 5 baje, theek hai?", "haha yaar tu pagal hai 😂", "main pahunch gaya, gate 3 pe hu",
           "mera naya number 9{d4} {d5} hai, save kar lo", "happy new year bhai!! 2027 mein party pakki 🎉",
           "train 12951 hai, 4:35 pe chalegi platform 2 se", "bill 1,240 aaya, 310 each, gpay kar de",
           "ye dekh https://youtu.be/{c} bahut funny hai", "mummy ne bola ghar jaldi aana",
           "India ne 287 banaye, kya match tha"),
    "ar": ("صباح الخير، كيف حالك؟", "نلتقي الساعة ٨ عند المقهى", "كل عام وانتم بخير 🎉",
           "رقمي الجديد 050 {d3} {d4}", "وصلت الحمد لله", "رحلتي EK{d3} تصل الساعة 21:40",
           "هذا الموقع https://maps.app.goo.gl/{c}", "ههههه والله ضحكتني", "المباراة انتهت 2-2",
           "السعر 150 درهم للشخص"),
    "id": ("besok jam 7 di warung biasa ya", "wkwkwk parah banget", "aku udah sampai, di lobi",
           "nomor baruku 0812-{d4}-{d4}, save ya", "selamat tahun baru!! 🎆 semoga sehat selalu",
           "transfer 75rb ke BCA {d10} a.n. Dewi ya", "lihat ini https://vt.tiktok.com/ZS{c}/",
           "pesawat GA{d3} delay 45 menit", "skor akhir 2-0, Indonesia menang!",
           "alamatnya Jl. Sudirman No. {d2}, Jakarta"),
}

LANG_INVITE = {
    "es": "¡Hola! Cumpleaños de Lucía el sábado a las 20h en casa (calle Mayor 14). ¿Vienes? 🎂",
    "pt": "Oi! Churrasco domingo 13h lá em casa, Rua das Flores 88. Traz bebida! 🍖",
    "hi": "Arre sun, Saturday ko mere ghar pe Diwali party hai, 8 baje. Aana zaroor! 🪔",
    "ar": "مرحبا! عزومة عشاء يوم الجمعة الساعة 9 في بيتنا، أهلاً وسهلاً 🌙",
    "id": "Halo! Arisan hari Minggu jam 4 sore di rumahku ya, Jl. Melati 12. Ditunggu! 🙏",
}


def lang_text(rng: random.Random, lang: str) -> str:
    d = lambda k: "".join(str(rng.randrange(10)) for _ in range(k))  # noqa: E731
    t = rng.choice(LANG_CHAT[lang])
    return fit(t.format(c=code(rng, 11, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
                        d2=d(2), d3=d(3), d4=d(4), d5=d(5), d6=d(6), d10=d(10)))
