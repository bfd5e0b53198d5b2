"""Round 23 spam campaigns, written blind from README.md, docs/*.md and rules/default.toml.

Each tactic is a class whose instances are one spam sender. The harness (run.py) asks
``units()`` for the next target unit size, ``plan()`` for the messages a unit gets
(delays and kinds), and ``text(kind)`` for a fresh text at the moment of each send, so
every copy (and every retry after a refusal) is a different text.
"""
from __future__ import annotations

import random
import re
import string
from typing import ClassVar

from tests.redteam23 import corpus

# --------------------------------------------------------------------------- helpers

SYN = {
    "free": ["free", "complimentary", "no-cost", "gratis", "on the house", "zero cost"],
    "win": ["win", "bag", "take home", "scoop", "land", "grab"],
    "won": ["won", "bagged", "landed", "scooped", "been picked for"],
    "prize": ["prize", "reward", "award", "payout", "jackpot", "gift"],
    "call": ["call", "ring", "phone", "dial", "buzz"],
    "text": ["text", "txt", "sms", "message", "send"],
    "now": ["now", "today", "asap", "right away", "b4 midnight", "this evening"],
    "cash": ["cash", "money", "dosh", "funds", "pounds"],
    "claim": ["claim", "collect", "pick up", "get", "secure"],
    "urgent": ["urgent", "important", "time-sensitive", "final notice", "attention"],
    "mobile": ["mobile", "phone", "handset", "cell", "fone"],
    "chat": ["chat", "talk", "natter", "flirt", "have fun"],
    "tickets": ["tickets", "tkts", "seats", "passes"],
    "week": ["week", "wk", "7 days"],
    "you": ["you", "u", "ya", "you"],
    "your": ["your", "ur", "yr", "your"],
}
FILLERS = ["", "", "", "hey,", "ok so", "psst", "hiya!", "listen:", "quick one:", "good news -", "btw", "oi!"]
ENDS = ["", "", "", "!", "!!", " :)", " x", " ;-)", " ...", " ok?", " cheers"]


def spin(rng: random.Random, text: str) -> str:
    def sub(m: re.Match) -> str:
        w = m.group(0)
        alts = SYN.get(w.lower())
        if not alts or rng.random() < 0.3:
            return w
        r = rng.choice(alts)
        return r.upper() if w.isupper() and len(w) > 1 else r
    return re.sub(r"[A-Za-z]+", sub, text)


def fit(text: str, limit: int = 140) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rstrip()


def dress(rng: random.Random, text: str) -> str:
    f = rng.choice(FILLERS)
    return fit((f + " " + text if f else text) + rng.choice(ENDS))


def uk_number(rng: random.Random) -> str:
    pre = rng.choice(["09061", "09066", "09050", "08712", "08707", "0871", "07781", "07900", "09058"])
    return pre + "".join(rng.choice(string.digits) for _ in range(11 - len(pre)))


def shortcode(rng: random.Random) -> str:
    return rng.choice("678") + "".join(rng.choice(string.digits) for _ in range(4))


def shortlink(rng: random.Random) -> str:
    host = rng.choice(["bit.ly", "tinyurl.com", "t.co", "is.gd", "rb.gy", "cutt.ly", "ow.ly"])
    slug = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(4, 7)))
    return f"{host}/{slug}"


def keyword(rng: random.Random) -> str:
    return rng.choice(["WIN", "CLAIM", "GO", "YES", "PRIZE", "CASH", "JOIN", "SEXY", "TONE", "FUN", "PLAY", "GOLD"])


DIGIT_WORDS = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DIGIT_WORDS_ALT = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


# --------------------------------------------------------------------------- paraphrases
# Hand-written sentence-level paraphrases of corpus offers: (slots..., way-back slot).
# {N} = number, {K} = keyword, {S} = shortcode, {L} = link.
OFFERS = [
    # "Free entry in 2 a wkly comp to win FA Cup final tkts 21st May 2005. Text FA to 87121"
    [["Fancy going to the cup final this year?", "Two seats at the big football final could be yours.",
      "Footie fans, the final is closer than you think.", "Imagine watching the final from the stands."],
     ["Our weekly draw picks someone every Friday.", "Each week we give a pair away.", "One lucky fan gets picked weekly.",
      "A new pair goes out every week."],
     ["Text {K} to {S} to be in it.", "Send {K} to {S} and you're entered.", "Just message {K} to {S}.",
      "Put {K} in a text to {S}, std rate."]],
    # "URGENT! You have won a 1 week FREE membership in our £100,000 Prize Jackpot! Txt CLAIM to 81010"
    [["Your number came up in this month's draw.", "Good news, your mobile was picked by our system.",
      "You've been selected, no joke.", "Your line was chosen in the monthly pick."],
     ["A week's membership of the hundred grand jackpot club is yours.", "That means 7 days in the 100k jackpot pool at no charge.",
      "You get seven days of jackpot membership on us.", "Seven days in our big money pool, nothing to pay."],
     ["Send {K} to {S} to activate.", "Reply {K} to {S} before it lapses.", "Message {K} to {S} to switch it on.",
      "To take it up text {K} to {S}."]],
    # "Had your mobile 11 months or more? U R entitled to Update ... Call The Mobile Update Co FREE on 08002986030"
    [["Had the same phone for almost a year?", "Is your handset getting old?", "Been on the same mobile 11 months?",
      "Still using last year's phone?"],
     ["You're due a brand new colour camera phone at no cost.", "You can upgrade to the newest camera handset, nothing to pay.",
      "You qualify for a new model with a camera, on us.", "A shiny new camera phone is waiting for you, zero charge."],
     ["Ring the update team on {N}.", "Phone our upgrade line {N}.", "Call {N} and quote your number.",
      "Just dial {N} to sort it."]],
    # "Please call our customer service representative on 0800 169 6031 ... WON a guaranteed £1000 cash"
    [["This is your second attempt to reach you.", "We've tried to get hold of you twice now.",
      "We have been unable to contact you.", "Apologies for chasing, this is our last try."],
     ["A guaranteed thousand pounds or a bigger award is waiting.", "You're down for a guaranteed grand in money.",
      "Your name is on a guaranteed 1000 quid payout.", "There's a sure thousand with your name on it."],
     ["Call our team on {N} between 10am and 9pm.", "Our advisors are on {N} from 10 to 9.",
      "Please ring {N}, lines open 10am-9pm.", "Phone {N} today, open till 9."]],
    # "Hi I'm sue. ... Text me live - I'm in my bedroom now. text SUE to 89555."
    [["Hi, I'm Kelly, 21 and new in your area.", "Hey it's Tasha, just moved nearby.", "Hiya, I'm Jade and I'm bored tonight.",
      "Hello, Amber here, 22, lonely tonight."],
     ["I'm home alone and fancy some fun company.", "Looking for someone naughty to talk to.",
      "I'd love to get to know you better, if u know what I mean.", "I'm in bed and can't sleep, keep me company."],
     ["Text {K} to {S} and I'll reply.", "Send {K} to {S} to talk to me live.", "Msg {K} to {S}, I'm waiting.",
      "Put {K} to {S} and we can start."]],
    # "SIX chances to win CASH! From 100 to 20,000 pounds txt> CSH11 and send to 87575."
    [["Six shots at a money payout this week.", "You get 6 goes at up to twenty grand.", "Up to 20 thousand quid in 6 draws.",
      "There are six chances to walk away with thousands."],
     ["Amounts run from a hundred to twenty thousand.", "Anything between 100 and 20000 could land.",
      "Smallest payout is a ton, biggest is 20k.", "Between 100 and 20k per draw."],
     ["Send {K} to {S} now.", "Message {K} to {S} to play.", "Txt {K} to {S}, 18 plus.", "Text {K} to {S} before Sunday."]],
    # link offers
    [["Your parcel could not be delivered today.", "We missed you with a delivery.", "A package for you is on hold.",
      "Delivery failed: no one was home."],
     ["Rebook the slot to avoid it going back.", "Choose a new time or it returns to sender.", "Confirm your address to release it.",
      "A small redelivery fee applies."],
     ["Go to {L}", "Visit {L} to rebook", "Rebook here: {L}", "Details at {L}"]],
    [["Thousands are making money from home right now.", "My cousin quit her job after this.", "I made 400 quid last week on my phone.",
      "Easy side money, no experience."],
     ["It takes ten minutes a day.", "All you need is your phone.", "I can show you how it works.", "No selling, no catch."],
     ["Check {L}", "Start at {L}", "Sign up via {L}", "Have a look: {L}"]],
]


class Campaign:
    name = "base"
    unit_size = 1          # strangers per unit (1 = one-to-one)
    min_pace, max_pace = 120, 600  # seconds between units

    def __init__(self, rng: random.Random, sid: str):
        self.rng = rng
        self.sid = sid
        self.setup()

    def setup(self) -> None:
        self.number = uk_number(self.rng)
        self.short = shortcode(self.rng)
        self.kw = keyword(self.rng)
        self.link = shortlink(self.rng)
        self.offer = self.rng.choice(OFFERS)

    def pace(self) -> float:
        return self.rng.uniform(self.min_pace, self.max_pace)

    def plan(self) -> list[tuple[float, str]]:
        return [(0.0, "payload")]

    def after_refusal(self, codes: set[str]) -> None:
        pass

    def fill(self, tpl: str) -> str:
        return tpl.format(N=self.number, K=self.kw, S=self.short, L=self.link)

    def paraphrase(self, offer=None) -> str:
        offer = offer or self.offer
        parts = [self.rng.choice(slot) for slot in offer]
        body, wayback = parts[:-1], parts[-1]
        if self.rng.random() < 0.5:
            body.reverse()
        if self.rng.random() < 0.3:
            body = body[:1]
        pos = self.rng.choice(["end", "end", "start"])
        seq = [*body, wayback] if pos == "end" else [wayback, *body]
        return self.fill(" ".join(seq))

    def text(self, kind: str) -> str:
        raise NotImplementedError


class Paraphrase(Campaign):
    """Each copy rewritten at sentence level from hand-written paraphrases, same offer, same way back."""
    name = "paraphrase"

    def text(self, kind: str) -> str:
        return dress(self.rng, self.paraphrase())


class Camouflage(Campaign):
    """One or two real ham sentences (different each copy) around a corpus spam payload."""
    name = "camouflage"

    def setup(self) -> None:
        super().setup()
        self.hams = corpus.ham_sentences(55)
        pool = [s for s in corpus.spam_with_number(90)]
        self.payload = self.rng.choice(pool)

    def text(self, kind: str) -> str:
        p = self.payload
        room = 140 - len(p) - 1
        hs = [h for h in (self.rng.choice(self.hams) for _ in range(6)) if len(h) < room]
        if not hs:
            return fit(p)
        before = hs[0]
        after = hs[1] if len(hs) > 1 and len(before) + len(hs[1]) + 2 < room else ""
        if self.rng.random() < 0.5:
            return fit(f"{before} {p} {after}")
        return fit(f"{before} {after} {p}")


class NumberVariation(Campaign):
    """A different number, shortcode or short link per copy; words spun."""
    name = "numvary"

    def text(self, kind: str) -> str:
        self.number = uk_number(self.rng)
        self.short = shortcode(self.rng)
        self.link = shortlink(self.rng)
        self.kw = keyword(self.rng)
        return dress(self.rng, spin(self.rng, self.paraphrase(self.rng.choice(OFFERS))))


def number_in_words(rng: random.Random, num: str) -> str:
    words = DIGIT_WORDS if rng.random() < 0.5 else DIGIT_WORDS_ALT
    style = rng.choice(["words", "spaced", "dashes", "mixed", "letters"])
    if style == "words":
        return " ".join(words[int(c)] for c in num)
    if style == "spaced":
        return " ".join(num)
    if style == "dashes":
        return "-".join(num[i:i + 2] for i in range(0, len(num), 2))
    if style == "letters":  # O for 0, l for 1, S for 5, B for 8
        return num.translate(str.maketrans("0158", "OlSB"))
    return " ".join(words[int(c)] if rng.random() < 0.5 else c for c in num)


class Spelled(Campaign):
    """The number spelled in words, spaced, dashed, written with letters, or split over two messages."""
    name = "spelled"

    def setup(self) -> None:
        super().setup()
        self.offer = self.rng.choice(OFFERS[2:4])  # offers with a phone number
        self.split = self.rng.random() < 0.4

    def plan(self):
        if self.split:
            return [(0.0, "part1"), (self.rng.uniform(20, 300), "part2")]
        return [(0.0, "payload")]

    def text(self, kind: str) -> str:
        n = self.number
        if kind == "part1":
            body = " ".join(self.rng.choice(slot) for slot in self.offer[:-1])
            return dress(self.rng, f"{body} Ring {number_in_words(self.rng, n[:5])}")
        if kind == "part2":
            return self.rng.choice(["then ", "...", "rest is ", "and ", "+ "]) + number_in_words(self.rng, n[5:])
        tpl = self.rng.choice(self.offer[-1]).replace("{N}", number_in_words(self.rng, n))
        body = " ".join(self.rng.choice(slot) for slot in self.offer[:-1])
        return fit(body + " " + tpl.format(N=n, K=self.kw, S=self.short, L=self.link))


class TwoStep(Campaign):
    """An innocent opener to each stranger (real ham, different each copy), the payload later."""
    name = "twostep"

    def setup(self) -> None:
        super().setup()
        self.openers = [h for h in corpus.ham_sentences(70) if len(re.sub(r"[^A-Za-z0-9]", "", h)) >= 10
                        and not re.search(r"\d{5}", h)]

    def plan(self):
        return [(0.0, "opener"), (self.rng.uniform(1800, 5400), "payload")]

    def text(self, kind: str) -> str:
        if kind == "opener":
            return self.rng.choice(self.openers)
        return dress(self.rng, self.paraphrase())


class Markov(Campaign):
    """Word-level order-2 Markov salad over the spam corpus, with a way back appended."""
    name = "markov"
    _chain = None

    @classmethod
    def chain(cls):
        if cls._chain is None:
            _, spam = corpus.load()
            ch: dict[tuple[str, str], list[str]] = {}
            starts = []
            for s in spam:
                w = s.split()
                if len(w) < 3:
                    continue
                starts.append((w[0], w[1]))
                for a, b, c in zip(w, w[1:], w[2:], strict=False):
                    ch.setdefault((a, b), []).append(c)
            cls._chain = (ch, starts)
        return cls._chain

    def text(self, kind: str) -> str:
        ch, starts = self.chain()
        a, b = self.rng.choice(starts)
        out = [a, b]
        for _ in range(self.rng.randint(8, 16)):
            nxt = ch.get((a, b))
            if not nxt:
                break
            c = self.rng.choice(nxt)
            out.append(c)
            a, b = b, c
        # strip corpus numbers so the way back is the sender's own
        salad = re.sub(r"\d{5,}", "", " ".join(out))
        way = self.rng.choice([f"call {self.number}", f"txt {self.kw} to {self.short}", f"go to {self.link}"])
        return fit(salad[: 138 - len(way)] + " " + way)


class Groups(Campaign):
    """New groups of up to 19 strangers; on a refusal with no wait, smaller groups."""
    name = "groups"
    unit_size = 19
    min_pace, max_pace = 300, 900

    def after_refusal(self, codes: set[str]) -> None:
        pass

    def text(self, kind: str) -> str:
        return dress(self.rng, spin(self.rng, self.paraphrase()))


class Slow(Campaign):
    """Real corpus spam with its way back, a different one each copy, paced under every printed threshold."""
    name = "slow"
    min_pace, max_pace = 4400, 5200  # ~ 1 every 75-85 minutes: under 12/6h and 20/day

    def setup(self) -> None:
        super().setup()
        self.pool = corpus.spam_with_number(140)

    def text(self, kind: str) -> str:
        return self.rng.choice(self.pool)


class Short(Campaign):
    """Payloads under 32 letters and digits, different each copy."""
    name = "short"

    def text(self, kind: str) -> str:
        r = self.rng
        forms = [
            lambda: f"txt {keyword(r)} to {shortcode(r)}",
            lambda: f"{r.choice(['call', 'ring', 'tel'])} {uk_number(r)}",
            lambda: f"{shortlink(r)} {r.choice(['prize', 'ur gift', 'claim', 'won!', 'free'])}",
            lambda: f"{r.choice(['U won', 'winner!', 'ur prize:', 'Free £100'])} {shortlink(r)}",
            lambda: f"{r.choice(['reply', 'send'])} {keyword(r)} to {shortcode(r)} {r.choice(['now', 'x', '!!', 'hun'])}",
            lambda: f"{r.choice(['bored?', 'lonely?', 'horny?'])} txt {r.choice(['JEN', 'SUE', 'KAT', 'MIA'])} {shortcode(r)}",
        ]
        return r.choice(forms)()


ZW = ["\u200b", "\u200c", "\u200d", "\u2060"]
EMOJI = ["🔥", "💰", "🎉", "✨", "😘", "⭐", "📱"]
ACCENT = {"a": "áàâäã", "e": "éèêë", "i": "íìîï", "o": "óòôöõ", "u": "úùûü", "c": "ç", "n": "ñ", "y": "ýÿ"}


def unicode_mangle(rng: random.Random, text: str) -> str:
    mode = rng.choice(["accent", "fullwidth", "zw", "emoji", "mixed"])
    out = []
    for ch in text:
        m = mode if mode != "mixed" else rng.choice(["accent", "fullwidth", "zw", "emoji", "none"])
        if m == "accent" and ch.lower() in ACCENT and rng.random() < 0.6:
            ch = rng.choice(ACCENT[ch.lower()])
        elif m == "fullwidth" and "!" <= ch <= "~" and rng.random() < 0.7:
            ch = chr(ord(ch) + 0xFEE0)
        elif m == "zw" and ch.isalnum() and rng.random() < 0.5:
            ch = ch + rng.choice(ZW)
        elif m == "emoji" and ch.isalpha() and rng.random() < 0.12:
            ch = ch + rng.choice(EMOJI)
        out.append(ch)
    return "".join(out)


class Unicode(Campaign):
    """Paraphrased corpus spam with accents, fullwidth, zero-width or emoji between letters."""
    name = "unicode"

    def text(self, kind: str) -> str:
        for _ in range(20):
            t = unicode_mangle(self.rng, dress(self.rng, self.paraphrase()))
            if len(t) <= 140:
                return t
        return t[:140]


class Handles(Campaign):
    """A way back as an account on another app, said many ways, with a pitch in plain words."""
    name = "handles"

    def setup(self) -> None:
        super().setup()
        self.handle = self.rng.choice(["mia", "jess", "kat", "lola", "prize", "cashdesk"]) + \
            self.rng.choice(["_", ".", ""]) + self.rng.choice(["wins", "x", "desk", "vip"]) + str(self.rng.randint(10, 99))

    def text(self, kind: str) -> str:
        r, h = self.rng, self.handle
        ways = [f"add me on snap {h}", f"my telegram is {h}", f"find me on kik: {h}",
                f"wa me at {self.number}", f"insta {h} dm me", f"im {h} on the ghost app",
                f"telegram → {h}", f"sc: {h}", f"hmu on ig {h}", f"{h} on tg, message me"]
        pitch = r.choice([
            "Cash giveaway for my followers, first 10 get 200 quid.",
            "Lonely girl here, want to see more of me?",
            "I turned 100 into 2000 last week, happy to show you how.",
            "Looking for a sugar baby, weekly allowance.",
            "Free phone upgrade for the first 20 people.",
            "Your number won our draw, message to collect the money.",
        ])
        return dress(r, f"{pitch} {r.choice(ways)}" if r.random() < 0.6 else f"{r.choice(ways)} {pitch}")


LURES = ["bored tonight, text me", "message me on whatsapp babe", "ring me, I've got something for you",
         "call me, I'll explain the money thing", "I'm new here, text me hun", "got the job details, ring me",
         "need a favour, call this", "you won't regret it, text me", "add me on whatsapp for the pics",
         "the 500 pounds is yours, just call"]
KEYCAP = "\ufe0f\u20e3"
SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
BOLD = "".join(chr(0x1D7CE + i) for i in range(10))
CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"
DOUBLE = {"0": "oh", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
          "7": "seven", "8": "eight", "9": "nine"}


def obfuscate_number(rng: random.Random, n: str) -> str:
    style = rng.choice(["letters", "pieces", "keycap", "super", "bold", "circled", "double", "hyphen", "reverse", "sum"])
    if style == "letters":
        return n.translate(str.maketrans("0158", "OlSB"))
    if style == "pieces":
        cut = [n[:2], n[2:5], n[5:8], n[8:]]
        return rng.choice([" and ", " then ", ", next ", " after that "]).join(cut)
    if style == "keycap":
        return "".join(c + KEYCAP for c in n)
    if style == "super":
        return "".join(SUPER[int(c)] for c in n)
    if style == "bold":
        return "".join(BOLD[int(c)] for c in n)
    if style == "circled":
        return "".join(CIRCLED[int(c)] for c in n)
    if style == "double":
        out, i = [], 0
        while i < len(n):
            if i + 1 < len(n) and n[i] == n[i + 1]:
                out.append("double " + DOUBLE[n[i]])
                i += 2
            else:
                out.append(DOUBLE[n[i]])
                i += 1
        return "-".join(out)
    if style == "hyphen":
        return "-".join(DOUBLE[c] for c in n)
    if style == "reverse":
        return f"{n[::-1]} (read it backwards)"
    a = int(n[1:]) - 1000
    return f"0 then {a} plus 1000"


class BareNumber(Campaign):
    """A lure with no trade words and a phone number obfuscated a different way each copy."""
    name = "barenumber"

    def setup(self) -> None:
        super().setup()
        self.number = "07" + "".join(self.rng.choice(string.digits) for _ in range(9))

    def text(self, kind: str) -> str:
        lure = self.rng.choice(LURES)
        num = obfuscate_number(self.rng, self.number)
        t = f"{lure} {num}" if self.rng.random() < 0.7 else f"{num} {lure}"
        return fit(dress(self.rng, t))


def obfuscate_link(rng: random.Random, host: str, slug: str) -> str:
    h, tld = host.rsplit(".", 1)
    style = rng.choice(["paren", "space", "slashword", "ideo", "leader", "spaced", "wordsdot", "bracket"])
    if style == "paren":
        return f"{h}(.){tld}/{slug}"
    if style == "space":
        return f"{h} {tld} / {slug}"
    if style == "slashword":
        return f"{h}.{tld} slash {slug}"
    if style == "ideo":
        return f"{h}\u3002{tld}/{slug}"
    if style == "leader":
        return f"{h}\u2024{tld}/{slug}"
    if style == "spaced":
        return " ".join(f"{host}/{slug}")
    if style == "wordsdot":
        return f"{h} dot {tld} forward slash {slug}"
    return f"{h}[.]{tld}/{slug}"


class DotlessLinks(Campaign):
    """A short link written without a plain dot, a different way each copy, with a plain-words pitch."""
    name = "dotless"

    def setup(self) -> None:
        super().setup()
        self.host = self.rng.choice(["bit.ly", "tinyurl.com", "cutt.ly", "rb.gy", "is.gd"])
        self.slug = "".join(self.rng.choice(string.ascii_letters + string.digits) for _ in range(5))

    def text(self, kind: str) -> str:
        pitch = self.rng.choice([
            "your parcel is waiting, rebook here", "pics of me here hun", "how I made 2k this month",
            "you've been picked, details", "your refund is ready", "see who's been looking at your profile",
            "the job I told you about", "photos from saturday lol, is this you?"])
        link = obfuscate_link(self.rng, self.host, self.slug)
        return fit(dress(self.rng, f"{pitch} {link}" if self.rng.random() < 0.7 else f"{link} {pitch}"))


class ReplyHere(Campaign):
    """A pitch whose way back is the conversation itself: 'just answer this message'."""
    name = "replyhere"

    def text(self, kind: str) -> str:
        r = self.rng
        amount = r.choice(["900 pounds", "a thousand quid", "£750", "2 grand", "an iPhone 15", "a weekend in Paris"])
        a = r.choice([f"{amount} has been set aside with your name on it.", f"Your account is due {amount}.",
                      f"We owe you {amount} from last year's overpayment.", f"There's {amount} waiting for you."])
        b = r.choice(["Answer this message to get it sent out.", "Just reply here with your full name.",
                      "Write back YES and it's done.", "Reply with your bank's name to release it.",
                      "Send me a message back and I'll arrange it."])
        return dress(r, f"{a} {b}" if r.random() < 0.7 else f"{b} {a}")


PLAIN_PITCHES = [
    "I made 2k this month from my phone and I can show you how",
    "lonely and looking for a generous friend tonight",
    "we're giving away 50 phones to our followers this week",
    "you've been picked to test the new headphones, you keep them",
    "I help people clear their debts in weeks, no fees upfront",
    "my trading group doubled our money in march",
    "spicy pictures you won't find anywhere else",
    "the 300 pound refund from your energy supplier is ready",
]


class Profile(Campaign):
    """A plain-words pitch pointing at the sender's own profile (pinned post, highlights, about)."""
    name = "profile"

    def text(self, kind: str) -> str:
        r = self.rng
        way = r.choice(["details are on my page", "check the pinned post on my profile", "tap my pic, it's all there",
                        "see my highlights for how", "it's in the about section of my page",
                        "first post on my profile explains", "everything's on my page, go look",
                        "look at my stories for the sign-up", "the form is pinned on my account"])
        pitch = r.choice(PLAIN_PITCHES)
        return dress(r, f"{pitch}, {way}" if r.random() < 0.7 else f"{way}: {pitch}")


class Vanity(Campaign):
    """A vanity phone number (letters on the keypad), the pitch in plain words, spun per copy."""
    name = "vanity"

    def setup(self) -> None:
        super().setup()
        self.vanity = self.rng.choice(["0800 WIN CASH", "0800-GET-PRIZE", "0871 HOT GIRL", "0800 FREE FONE",
                                       "0906 BABE 4U", "0800 DEBT FREE", "0800-LOANS-NOW"])

    def text(self, kind: str) -> str:
        r = self.rng
        v = self.vanity
        v = r.choice([v, v.lower(), v.replace(" ", "-"), v.replace("-", " "), " ".join(v.split())])
        call = r.choice(["call", "ring", "phone", "dial", "just call"])
        pitch = spin(r, r.choice(PLAIN_PITCHES))
        return dress(r, f"{pitch}, {call} {v}" if r.random() < 0.7 else f"{call} {v}, {pitch}")


class SearchFor(Campaign):
    """A name to search (search engine, hashtag, an app's search, an account said without @), pitch plain."""
    name = "searchfor"

    def setup(self) -> None:
        super().setup()
        self.key = self.rng.choice(["prizedesk", "mialovesu", "cashkingdom", "freefoneuk", "debtgone", "tradewithjess"]) + \
            str(self.rng.randint(2, 99))

    def text(self, kind: str) -> str:
        r, k = self.rng, self.key
        way = r.choice([f"google {k}", f"search {k} on the app store", f"look up #{k}", f"search {k} on here",
                        f"type {k} into youtube", f"{k} on the blue app", f"find {k} on telegram search",
                        f"my other account is {k}", f"search '{k}'"])
        pitch = r.choice(PLAIN_PITCHES)
        return dress(r, f"{pitch}, {way}" if r.random() < 0.7 else f"{way} - {pitch}")


class EmailSaid(Campaign):
    """An e-mail address said in words, a different way each copy, pitch plain."""
    name = "emailsaid"

    def setup(self) -> None:
        super().setup()
        self.user = self.rng.choice(["mia.wins", "prizeteam", "jess4u", "claimsdesk", "refunds.uk"]) + str(self.rng.randint(1, 99))
        self.host = self.rng.choice(["gmail", "protonmail", "outlook", "yahoo", "hotmail"])

    def text(self, kind: str) -> str:
        r, u, h = self.rng, self.user, self.host
        ud = u.replace(".", " dot ")
        addr = r.choice([f"{ud} at {h} dot com", f"{u} (at) {h} (dot) com", f"{u} [at] {h}", f"{u} on {h}",
                         f"{u} at {h}", f"{ud} @ {h}", f"{u}＠{h}．com", f"{u}, it is a {h} address"])
        ask = r.choice(["email me", "write to", "drop a mail to", "send your details to", "contact"])
        pitch = r.choice(PLAIN_PITCHES)
        return dress(r, f"{pitch}, {ask} {addr}" if r.random() < 0.7 else f"{ask} {addr}: {pitch}")


class Mix(Campaign):
    """Two or three of the above at random, alternated per copy."""
    name = "mix"
    KINDS: ClassVar[list[type[Campaign]]] = [Paraphrase, Camouflage, NumberVariation, Markov, Unicode, Short, Handles, Slow,
             BareNumber, DotlessLinks, Profile, Vanity, SearchFor, EmailSaid, ReplyHere]

    def setup(self) -> None:
        super().setup()
        kinds = self.rng.sample(self.KINDS, self.rng.randint(2, 3))
        self.parts = [k(self.rng, self.sid) for k in kinds]
        for p in self.parts:  # one sender: one number, link, keyword
            p.number, p.short, p.kw, p.link = self.number, self.short, self.kw, self.link
        self.min_pace = min(p.min_pace for p in self.parts)
        self.max_pace = max(p.max_pace for p in self.parts if p.max_pace < 4000) if any(
            p.max_pace < 4000 for p in self.parts) else 5200

    def text(self, kind: str) -> str:
        return self.rng.choice(self.parts).text("payload")


TACTICS = {c.name: c for c in [Paraphrase, Camouflage, NumberVariation, Spelled, TwoStep, Markov,
                                Groups, Slow, Short, Unicode, Handles,
                                BareNumber, DotlessLinks, ReplyHere, Profile, Vanity,
                                SearchFor, EmailSaid, Mix]}
