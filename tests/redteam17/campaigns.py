"""Round 17: twelve families of direct-message spam as seen in 2025-2026, written blind.

Written from scratch by an outside red-team helper who read only README.md,
docs/policy.md, rules/default.toml and the round-13 harness (sim.py, run.py).

Each family is ``family(rng) -> gen`` where ``gen(rng, i) -> sim.Msg``: the
outer call fixes what a spammer keeps for the day (its handle, number, wallet,
brand, pacing), the inner one writes one copy (spintax, names, typos, leetspeak,
invisible characters, emoji, parts, small groups).

Half are ordinary (a link, number, handle or payment tag is the way back) and half
hard (no contact at all: the way back is a reply, or a name to search, spun hard).
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections.abc import Callable

from tests.redteam13.sim import Msg

Gen = Callable[[random.Random, int], Msg]
LIMIT = 140

# --------------------------------------------------------------------------- helpers

_SPIN = re.compile(r"\{([^{}]*)\}")
_ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "l": "1"}
_LOOK = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "i": "\u0456"}
EMOJI = ["😊", "🙂", "😉", "🔥", "💯", "✨", "🙏", "👀", "💸", "🚀", "❤️", "😘", "🥺", "✅", "⚠️",
         "📦", "🎉", "🎁", "💰", "📈", "🤝", "😅", "🌸", "👋"]
FIRST = ["Jessica", "Mark", "Daniel", "Amy", "Kevin", "Linda", "Tom", "Rachel", "Chris", "Olivia",
         "Sam", "Priya", "Mateo", "Hannah", "Jake", "Sofia", "Noah", "Emma", "Ryan", "Grace",
         "Lucas", "Mia", "Ethan", "Chloe", "Ben", "Aisha", "Leo", "Nina", "Omar", "Zoe"]
CITY = ["Austin", "Leeds", "Phoenix", "Toronto", "Lagos", "Manila", "Denver", "Dublin", "Miami",
        "Lyon", "Seattle", "Bristol", "Tampa", "Perth", "Hanoi", "Atlanta", "Madrid", "Oslo"]


def spin(rng: random.Random, text: str) -> str:
    """Resolve nested spintax ``{a|b|c}``, innermost first."""
    while True:
        new = _SPIN.sub(lambda m: rng.choice(m.group(1).split("|")), text, count=1)
        if new == text:
            return re.sub(r"  +", " ", text).strip()
        text = new


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    k = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:
        return word[:k] + word[k + 1] + word[k] + word[k + 2:]
    if op == 1:
        return word[:k] + word[k + 1:]
    if op == 2:
        return word[:k] + word[k] + word[k:]
    return word[:k] + rng.choice(string.ascii_lowercase) + word[k + 1:]


def noise(rng: random.Random, text: str, level: float) -> str:
    """Typos, leetspeak, look-alikes, case flips and invisible characters, ``level`` in 0..1."""
    words = text.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < 0.10 * level:
            w = _typo(rng, w)
        elif r < 0.16 * level:
            w = "".join(_LEET.get(c, c) if rng.random() < 0.5 else c for c in w)
        elif r < 0.22 * level:
            w = "".join(_LOOK.get(c, c) if rng.random() < 0.6 else c for c in w)
        elif r < 0.25 * level:
            w = w.upper()
        if len(w) > 3 and rng.random() < 0.12 * level:
            k = rng.randrange(1, len(w))
            w = w[:k] + rng.choice(_ZW) + w[k:]
        out.append(w)
    text = " ".join(out)
    if rng.random() < 0.3 * level:
        text = text.lower()
    return text


def deco(rng: random.Random, text: str, p: float = 0.5) -> str:
    """Maybe an emoji or two at the start or the end."""
    if rng.random() < p:
        text = text + " " + "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 2)))
    if rng.random() < p / 3:
        text = rng.choice(EMOJI) + " " + text
    return text


def fit(rng: random.Random, make: Callable[[], str], limit: int = LIMIT) -> str:
    """A text the API takes: re-spin until it fits, else cut at a word."""
    text = ""
    for _ in range(40):
        text = make()
        if 0 < len(unicodedata.normalize("NFC", text)) <= limit:
            return text
    cut = unicodedata.normalize("NFC", text)[:limit]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


def code(rng: random.Random, n: int = 6, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def in_parts(r: random.Random, s: Callable[[str], str], abc: tuple[str, str, str],
             cuts: tuple[float, float], level: float,
             gaps: tuple[tuple[float, float], tuple[float, float]],
             pace: Callable[[], float]) -> Msg:
    """A greeting a, then b and c: in one message (b c), two (a; b c) or three, as the
    draw falls under ``cuts``; the greeting alone a little less noisy."""
    a, b, c = abc
    mode = r.random()
    if mode < cuts[0]:
        return Msg([fit(r, lambda: noise(r, s(b) + " " + s(c), level))], pace=pace())
    if mode < cuts[1]:
        return Msg([fit(r, lambda: noise(r, s(a), level - 0.1)),
                    fit(r, lambda: noise(r, s(b) + " " + s(c), level))],
                   gap=r.uniform(*gaps[0]), pace=pace())
    return Msg([fit(r, lambda p=p: noise(r, s(p), level)) for p in (a, b, c)],
               gap=r.uniform(*gaps[1]), pace=pace())


def pacing(rng: random.Random, lo: float, hi: float) -> Callable[[], float]:
    """A spammer's own rhythm: a base pace for the day, jittered per message."""
    base = rng.uniform(lo, hi)
    return lambda: base * rng.uniform(0.7, 1.3)


def group_size(rng: random.Random, p_group: float, lo: int = 2, hi: int = 5) -> int:
    return rng.randint(lo, hi) if rng.random() < p_group else 1


def handle_for(rng: random.Random, stems: list[str]) -> str:
    return f"{rng.choice(stems)}{rng.choice(['', '_', '.'])}{rng.randint(7, 999)}"


def new_domain(rng: random.Random, words: list[str], tlds: list[str]) -> str:
    a, b = rng.sample(words, 2)
    sep = rng.choice(["-", "", "-"])
    return f"{a}{sep}{b}{rng.choice(['', str(rng.randint(1, 99))])}.{rng.choice(tlds)}"


def link_style(rng: random.Random, domain: str, path: str = "") -> str:
    """A link as a spammer writes it to slip past filters."""
    name, _, tld = domain.rpartition(".")
    full = domain + path
    return rng.choice([
        f"https://{full}", full, f"{name}[.]{tld}{path}", f"{name} dot {tld}{path}",
        f"{name} . {tld}{path}", f"www.{full}", f"{name}(.){tld}{path}",
    ])


# --------------------------------------------------------------------------- 1 crypto (ordinary)

def crypto_signals(rng: random.Random) -> Gen:
    """Crypto 'signals' group / copy-trading, one Telegram handle per spammer."""
    handle = handle_for(rng, ["alphawhale", "btcmentor", "solsignals", "cryptoqueen", "moonpicks",
                              "degen_calls", "eth_sniper", "chartwizard"])
    pace = pacing(rng, 200, 2400)
    p2 = rng.random() < 0.5

    def way(r: random.Random) -> str:
        return r.choice([f"t.me/{handle}", f"tg: @{handle}", f"telegram ➡️ {handle}",
                         f"t me slash {handle}", f"find me on telegram {handle}",
                         f"@{handle} on tele", f"t[.]me/{handle}"])

    pitch = ("{Hey|Hi|Yo|Hello|GM} {fam|friend|<name>}{,|!|} {our|my} {VIP |private |}"
             "{signals|calls|copy-trade} {group|channel|room} {hit|printed|did} "
             "{+{38|41|57|62|120}%|{3|4|5}x} on ${SOL|PEPE|BTC|TAO|SUI} {this week|yesterday|since monday}"
             "{!|.|!!} {{only |}{10|15|20} {seats|spots} {left|open}|free {entry|access} {today|till friday}}")

    def gen(r: random.Random, i: int) -> Msg:
        name = r.choice(FIRST)
        if p2:
            a = fit(r, lambda: deco(r, noise(r, spin(r, pitch).replace("<name>", name), 0.4)))
            b = fit(r, lambda: spin(r, "{join|come in|check it|proof inside}{:| ->| 👉} ") + way(r))
            return Msg([a, b], n=group_size(r, 0.15), gap=r.uniform(5, 40), pace=pace())
        one = fit(r, lambda: deco(r, noise(r, spin(r, pitch).replace("<name>", name), 0.4)
                                  + " " + way(r), 0.3))
        return Msg([one], n=group_size(r, 0.15), pace=pace())

    return gen


# --------------------------------------------------------------------------- 2 fake job (hard)

def job_tasks(rng: random.Random) -> Gen:
    """Recruiter for 'app rating / order boosting' tasks. No contact: the way back is a reply."""
    agency = rng.choice(["Talentbridge", "Nexa Staffing", "BrightPath HR", "Lumen Careers", "Apex Remote",
                         "Hirewell Group", "Cobalt Talent"])
    recruiter = rng.choice(FIRST)
    pace = pacing(rng, 600, 4000)
    parts = rng.choice([1, 2, 2, 3])
    hello = ("{Hi|Hello|Good {morning|afternoon|day}|Hey there}{ <name>|}{,|!|.|} "
             "{I'm|this is|my name is} <me> {from|with|at} <ag>{.|,|!}")
    role = ("{We have|There's|I have} a {flexible|part-time|remote|home-based} {role|position|opening} "
            "{rating|reviewing|optimizing} {apps|hotels|products|videos} {online|from your phone}, "
            "{60|90} {min|minutes} a day, {$|}{200|250|300}-{600|800|900}{/day| daily| a day}")
    ask = ("{Would you be|Are you|Is this something you'd be} {interested|open to hearing more|up for it}"
           "{?|??| ?} {Just|Simply|Kindly} {answer|respond|write back} {here|to me|when free}{.|!| 🙂|}")

    def gen(r: random.Random, i: int) -> Msg:
        name = r.choice(FIRST)

        def s(t: str) -> str:
            return spin(r, t).replace("<name>", name).replace("<me>", recruiter).replace("<ag>", agency)

        def mk(t: str, lvl: float = 0.6) -> str:
            return fit(r, lambda: deco(r, noise(r, s(t), lvl), 0.25))

        h = spin(r, hello).replace("<name>", name).replace("<me>", recruiter).replace("<ag>", agency)
        h = fit(r, lambda: noise(r, h, 0.5))
        ro = mk(role)
        a = mk(ask)
        if parts == 1:
            return Msg([fit(r, lambda: noise(r, s(role) + ". " + s(ask), 0.6))], pace=pace())
        if parts == 2:
            return Msg([h, fit(r, lambda: noise(r, s(role) + ". " + s(ask), 0.6))],
                       gap=r.uniform(10, 90), pace=pace())
        return Msg([h, ro, a], gap=r.uniform(8, 60), pace=pace())

    return gen


# --------------------------------------------------------------------------- 3 romance (hard)

def wrong_number(rng: random.Random) -> Gen:
    """Pig-butchering 'wrong number' opener: short, friendly, no contact; waits for a reply."""
    pace = pacing(rng, 300, 3600)
    me = rng.choice(FIRST)
    follow_up = rng.random() < 0.6
    openers = [
        "{Hi|Hey|Hello} <name>{,|!|} {are we|r we} still {on for|doing} {golf|dinner|tennis|coffee|yoga} "
        "{Saturday|sunday|tmrw|this weekend}{?|??}",
        "{Hey|Hi} is this <name>{?|??} {Amy|Linda|my cousin|Dr. Lee} gave me {this|your} {contact|name} "
        "for {the dog groomer|the villa in Bali|a piano teacher|the wine tasting}",
        "<name>{,|} {did you|have you} {land|get home|arrive} {safely|ok|alright}{?| 🙂|?? 😊}",
        "{Hi|Hello}{ <name>|}{, |! }{long time no see|it's been ages|how have you been}{!|,} "
        "{still in|back from} <city>{?|??}",
        "{Sorry|oops|my bad}{,|} {wrong chat|I think I {messaged|texted} the wrong person}{ 😅|}. "
        "{you have a {nice|lovely} {name|profile pic}|{but |}{nice|lucky} to meet you {anyway|though}}",
    ]
    second = ("{Oh|oops|ah} {sorry|my bad|so embarrassing}{,|} {wrong person|wrong account}{ 😅|}. "
              "{I'm|My name is} <me>, {from|living in} <city>. {Maybe it's fate|Nice to meet you}{?| 🙂|}")

    def gen(r: random.Random, i: int) -> Msg:
        name, city = r.choice(FIRST), r.choice(CITY)

        def s(t: str) -> str:
            return spin(r, t).replace("<name>", name).replace("<city>", city).replace("<me>", me)

        first = fit(r, lambda: deco(r, noise(r, s(r.choice(openers)), 0.5), 0.35))
        if follow_up and r.random() < 0.7:
            return Msg([first, fit(r, lambda: noise(r, s(second), 0.4))], gap=r.uniform(30, 240),
                       pace=pace())
        return Msg([first], pace=pace())

    return gen


# --------------------------------------------------------------------------- 4 adult bait (hard)

def adult_bait(rng: random.Random) -> Gen:
    """Lonely-girl bait: a tease, then 'reply' or a name to search on 'the orange/blue app'."""
    first, last = rng.choice(["kira", "lily", "mia", "jade", "sasha", "ivy", "nova"]), \
        rng.choice(["sunny", "rose", "moon", "bae", "x", "kitten", "luv"])
    age = rng.randint(19, 26)
    pace = pacing(rng, 200, 3000)
    tease = ["hey {stranger|cutie|you}{ 👀| 🙈| 😘|}", "{u up|r u awake|bored}{?|??} {🥺|😇|}",
             "{hiii|heyy|hello} {handsome|there}{ 🌸| 💕|}"]
    lure = ("{just|recently} {moved to|got to} <city>, <age>{f| F|yo}, {bored|lonely|kinda shy} "
            "{tonight|this week}{.|,} {you seem {sweet|cute|fun}|{liked|saw} your {pic|profile}}{,|.} "
            "{wanna|want to|shall we} {chat|talk|get to know each other}{?|??}")
    way = ["{answer|reply|text back} if u want {more|my pics|to see more} {😈|😘|🙈}",
           "{search|look up|find} '<f> <l>' on the {orange|blue|ghost} app{,| -} {same pic|it's me|my real pics}",
           "{dont|don't} {ignore|leave} me {pls|please}{ 🥺|}",
           "{my|the} {spicy|private} {page|pics} {is|are} under <f> <l>{, you know where| 😏}"]

    def gen(r: random.Random, i: int) -> Msg:
        city = r.choice(CITY)

        def s(t: str) -> str:
            return (spin(r, t).replace("<city>", city).replace("<age>", str(age))
                    .replace("<f>", first).replace("<l>", last))

        parts = [fit(r, lambda: noise(r, s(r.choice(tease)), 0.5))]
        if r.random() < 0.8:
            parts.append(fit(r, lambda: noise(r, s(lure), 0.6)))
        if r.random() < 0.6:
            parts.append(fit(r, lambda: noise(r, s(r.choice(way)), 0.5)))
        return Msg(parts, gap=r.uniform(15, 120), pace=pace())

    return gen


# --------------------------------------------------------------------------- 5 giveaway (ordinary)

def giveaway(rng: random.Random) -> Gen:
    """Fake brand giveaway, a fresh throwaway domain per copy."""
    brand = rng.choice(["Stanley", "Apple", "Shein", "Costco", "Temu", "Sephora", "PS5", "Dyson"])
    words = ["gift", "reward", "claim", "promo", "winner", "bonus", "club", "center", "vip", "hub", "lucky"]
    tlds = ["top", "xyz", "shop", "click", "icu", "live", "vip", "cfd", "sbs"]
    pace = pacing(rng, 100, 2000)
    text = ("{🎉 |🎁 |}{Congrats|Congratulations|Good news}{ <name>|}{!|!!|,} {You were|you've been|you are} "
            "{selected|picked|chosen} {in|for} our <brand> {anniversary|holiday|summer|customer} "
            "{giveaway|draw|reward} (<prize>). {Confirm|Claim|Pay {$1.99|$2.95|€1} shipping} "
            "{within 24h|today|before midnight}{:| ->| here:}")
    prizes = ["$500 gift card", "Dyson Airwrap", "iPhone 17", "40oz tumbler", "$750 voucher", "PS5 Pro"]

    def gen(r: random.Random, i: int) -> Msg:
        name = r.choice(FIRST)
        dom = new_domain(r, [brand.lower(), *words], tlds)

        def mk() -> str:
            t = spin(r, text).replace("<name>", name).replace("<brand>", brand).replace(
                "<prize>", r.choice(prizes))
            return noise(r, t, 0.25) + " " + link_style(r, dom, r.choice(["", "/" + code(r, 5)]))

        return Msg([fit(r, mk)], n=group_size(r, 0.3, 2, 6), pace=pace())

    return gen


# --------------------------------------------------------------------------- 6 toll / parcel / bank (ordinary)

def toll_parcel(rng: random.Random) -> Gen:
    """Smishing: unpaid toll, held parcel, bank lock, each copy a new domain."""
    kind = rng.choice(["toll", "parcel", "bank"])
    pace = pacing(rng, 60, 1200)
    words = {"toll": ["ezpass", "toll", "sunpass", "fastrak", "pay", "dmv", "road", "txtag"],
             "parcel": ["usps", "evri", "dhl", "track", "parcel", "redeliver", "post", "ups"],
             "bank": ["secure", "chase", "wells", "verify", "online", "bank", "login", "alert"]}[kind]
    tlds = ["top", "xin", "cc", "vip", "info", "com-pay.icu", "online", "sbs", "world"]
    texts = {
        "toll": ("{E-ZPass|The Toll Roads|SunPass|FasTrak|<state> DMV}{:| Notice:| Final notice:} "
                 "{you have|there is} an {unpaid|outstanding} toll of ${3.25|4.15|6.99|11.69}. "
                 "{Pay|Settle it} {by <date>|within 12h} to avoid a ${50|75|100} {late fee|fine}:"),
        "parcel": ("{USPS|Evri|DHL|Royal Mail|UPS}{:| -} {your|the} {package|parcel} {is on hold|couldn't be "
                   "delivered|is at our warehouse} {due to|because of} an {incomplete|invalid} {address|zip code}. "
                   "{Update|Confirm} {it|details} {within 24h|today}:"),
        "bank": ("{Chase|Wells Fargo|HSBC|Barclays|BofA} {Alert|Security}: {a {sign-in|payment} of "
                 "${482.10|1,209.00|96.40} {was|is} {held|blocked}|your {card|account} is {locked|restricted}}. "
                 "{If this wasn't you|To {unlock|verify}}, {visit|go to}"),
    }[kind]

    def gen(r: random.Random, i: int) -> Msg:
        dom = new_domain(r, words, tlds)

        def mk() -> str:
            t = spin(r, texts).replace("<state>", r.choice(["NY", "TX", "FL", "CA"])).replace(
                "<date>", f"{r.randint(1, 12)}/{r.randint(1, 28)}")
            return noise(r, t, 0.2) + " " + link_style(r, dom, r.choice(["", "/i/" + code(r, 4), "/?c=" + code(r)]))

        parts = [fit(r, mk)]
        if r.random() < 0.25:
            parts.append(spin(r, "{(Reply Y then reopen this message to activate the link)|"
                                 "(reply Y, then exit and reopen to click)}"))
        return Msg(parts, gap=r.uniform(2, 15), pace=pace())

    return gen


# --------------------------------------------------------------------------- 7 fake support (hard)

def fake_support(rng: random.Random) -> Gen:
    """'Safety team' impersonation: suspicious login, answer here. No link, no number."""
    brand = rng.choice(["Meta", "Instagram", "Coinbase", "Binance", "PayPal", "the Safety Center", "Trust & Safety"])
    agent = rng.choice(FIRST)
    pace = pacing(rng, 300, 3600)
    a = ("{Hello|Hi|Dear user}{,|.} {this is|I'm} <agent> {from|with} <brand> {support|security|account "
         "protection}{.|,}{ Ticket #<tk>.|}")
    b = ("{We|Our system} {detected|noticed|flagged} a {sign-in|login|withdrawal request} from <city> "
         "on {a new|an unknown} {device|iPhone|Windows PC} {at <hh>:<mm>|earlier today}.")
    c = ("{If this {wasn't|was not} you|If you don't recognize it}, {answer|respond to} this "
         "{message|chat} {within {30|45|60} {min|minutes}|asap} so {we|I} can {secure|lock|protect} "
         "{it|your account|your funds}.")

    def gen(r: random.Random, i: int) -> Msg:
        city = r.choice(CITY)

        def s(t: str) -> str:
            return (spin(r, t).replace("<agent>", agent).replace("<brand>", brand).replace("<city>", city)
                    .replace("<tk>", code(r, 6, string.digits)).replace("<hh>", f"{r.randint(0, 23):02d}")
                    .replace("<mm>", f"{r.randint(0, 59):02d}"))

        return in_parts(r, s, (a, b, c), (0.35, 0.7), 0.5, ((5, 40), (5, 30)), pace)

    return gen


# --------------------------------------------------------------------------- 8 marketplace (ordinary)

def marketplace(rng: random.Random) -> Gen:
    """Tickets or a rental the seller 'can't use', one phone number per spammer, written many ways."""
    digits = f"{rng.choice([212, 305, 415, 646, 702, 773, 818])}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
    spelled = dict(zip("0123456789", ["zero", "one", "two", "three", "four", "five", "six", "seven",
                                      "eight", "nine"], strict=True))
    pace = pacing(rng, 300, 3000)
    kind = rng.choice(["tickets", "rental", "puppy"])
    texts = {
        "tickets": ("{Hey|Hi}{!|,} {selling|got} {2|two|4} {tix|tickets} {for|to} {Taylor Swift|Oasis|Bad Bunny|"
                    "the Eagles|Sabrina Carpenter} {at|in} <city>, {can't|cannot} {go|make it} {anymore|now}, "
                    "{face value|below cost}. {zelle|venmo|paypal f&f} only{.|,}"),
        "rental": ("{1br|studio|2 bed} {apartment|flat} in <city> {available|free} {now|from the 1st}, "
                   "${850|900|1,050}/mo {utilities incl|all bills in}. {I'm|im} {abroad|working offshore}, "
                   "{keys by courier|can ship keys}{.|,}"),
        "puppy": ("{Rehoming|giving away} {2|3} {golden|frenchie|yorkie} {puppies|pups}, {vet checked|"
                  "vaccinated}, {just pay|only} {shipping|transport} ${150|200}{.|!}"),
    }[kind]

    def phone(r: random.Random) -> str:
        d = digits
        style = r.randrange(6)
        if style == 0:
            return f"({d[:3]}) {d[3:6]}-{d[6:]}"
        if style == 1:
            return f"{d[:3]}.{d[3:6]}.{d[6:]}".replace("1", "I").replace("0", "O")
        if style == 2:
            return " ".join(spelled[c] for c in d[:3]) + f" {d[3:6]} {d[6:]}"
        if style == 3:
            return "-".join(d)
        if style == 4:
            return f"+1 {d[:3]} {d[3:6]} {d[6:]}"
        return d[:5] + "_" + d[5:]

    def gen(r: random.Random, i: int) -> Msg:
        city = r.choice(CITY)
        lead = spin(r, "{text|call|whatsapp|msg} {me|} {at|on|:}")

        def mk() -> str:
            return deco(r, noise(r, spin(r, texts).replace("<city>", city), 0.3), 0.2) + f" {lead} " + phone(r)

        if r.random() < 0.35:
            one = fit(r, lambda: deco(r, noise(r, spin(r, texts).replace("<city>", city), 0.3), 0.2))
            return Msg([one, f"{lead} {phone(r)}"], gap=r.uniform(5, 30), n=group_size(r, 0.2, 2, 4), pace=pace())
        return Msg([fit(r, mk)], n=group_size(r, 0.2, 2, 4), pace=pace())

    return gen


# --------------------------------------------------------------------------- 9 debt relief (hard)

def debt_relief(rng: random.Random) -> Gen:
    """'Hardship program' loans/debt relief. No contact: answer with your balance."""
    me = rng.choice(FIRST)
    pace = pacing(rng, 600, 4400)
    a = ("{Hi|Hello|Hey}{ <name>|}{,|!|.} {<me> here|it's <me>} {about|re:|regarding} "
         "{your|the} {card balances|credit card debt|loan application|student loans}{.|!|}")
    b = ("{Under|With} the {new|2026|updated} {state|federal|<st>} {hardship|relief|forgiveness} "
         "{program|guidelines} {many|most} {folks|people|families} {cut|reduce|lower} {it|their debt} "
         "{by|up to} {40|50|60}%{.|!}")
    c = ("{Want|Would you like} {me to check|to see} {if you qualify|your options}{?|??} "
         "{Just|Only} {answer|reply|write back} {with|w/} {your rough balance|how much you owe|your state}{.|!| 🙂|}")

    def gen(r: random.Random, i: int) -> Msg:
        name = r.choice(FIRST)

        def s(t: str) -> str:
            return (spin(r, t).replace("<name>", name).replace("<me>", me)
                    .replace("<st>", r.choice(["Texas", "Ohio", "Florida", "NY"])))

        return in_parts(r, s, (a, b, c), (0.4, 0.75), 0.6, ((10, 60), (10, 60)), pace)

    return gen


# --------------------------------------------------------------------------- 10 charity (ordinary)

def charity(rng: random.Random) -> Gen:
    """Disaster relief collection, one payment tag per spammer, into small groups."""
    tag = rng.choice(["HelpFamilies", "ReliefNow", "FloodAid", "HopeForKids", "WarmMeals", "RebuildTogether"]) \
        + str(rng.randint(1, 99))
    pay = rng.choice(["cashapp", "venmo", "paypal", "zelle"])
    pace = pacing(rng, 300, 3000)
    text = ("{The|This week's} {floods|wildfires|earthquake|hurricane} {in|near} <place> left {200|300|1,200|"
            "hundreds of} {families|kids|elders} {homeless|without food}. {We're|We are} {volunteers|a small "
            "church team} {delivering|buying} {water|meals|meds|blankets}{.|!} {Anything helps|Every $ counts|"
            "Even $5 helps}{ 🙏|🙏🙏|}")
    places = ["Valencia", "Asheville", "LA", "Gaza", "Myanmar", "Texas hill country", "Cebu", "Jamaica"]

    def gen(r: random.Random, i: int) -> Msg:
        def way() -> str:
            t = r.choice([f"{pay} ${tag}", f"{pay}: ${tag}", f"{pay} @{tag}", f"{pay} → {tag}",
                          f"${tag} on {pay}", f"{pay} {tag.lower()}"])
            return t

        def mk() -> str:
            return noise(r, spin(r, text).replace("<place>", r.choice(places)), 0.25) + " " + way()

        if r.random() < 0.3:
            body = fit(r, lambda: noise(r, spin(r, text).replace("<place>", r.choice(places)), 0.25))
            return Msg([body, way()], n=group_size(r, 0.5, 2, 6), gap=r.uniform(5, 40), pace=pace())
        return Msg([fit(r, mk)], n=group_size(r, 0.5, 2, 6), pace=pace())

    return gen


# --------------------------------------------------------------------------- 11 badge / appeal (ordinary)

def badge_phish(rng: random.Random) -> Gen:
    """Copyright strike / verified badge phishing, a new look-alike domain per copy."""
    pace = pacing(rng, 120, 2400)
    words = ["meta", "appeal", "support", "verify", "badge", "help", "center", "business", "review", "case"]
    tlds = ["help", "site", "com.co", "pages.dev", "online", "support", "page", "vercel.app"]
    texts = [
        ("{⚠️ |}{Your|This} {account|page} {was|has been} {reported|flagged} for {copyright|trademark} "
         "{infringement|violation}. {Appeal|Submit an appeal} {within 24h|in 48 hours} or it {will be|gets} "
         "{disabled|deleted}:"),
        ("{Congrats|Good news}{!|,} {your|the} {account|profile} {is eligible|qualifies} for the {blue|verified} "
         "{badge|checkmark} {free|at no cost} {this month|until <date>}. {Verify|Complete} {here|your request}:"),
        ("{Meta|Insta} {Business|Support}: {unusual activity|a policy strike} on {your|this} {page|account}. "
         "{Confirm|Review} {ownership|your info} {to avoid|before} {suspension|removal}:"),
    ]

    def gen(r: random.Random, i: int) -> Msg:
        dom = new_domain(r, words, tlds)

        def mk() -> str:
            t = spin(r, r.choice(texts)).replace("<date>", f"{r.randint(1, 28)}/{r.randint(1, 12)}")
            return noise(r, t, 0.3) + " " + link_style(r, dom, r.choice(["", "/case/" + code(r, 7, string.digits)]))

        return Msg([fit(r, mk)], pace=pace())

    return gen


# --------------------------------------------------------------------------- 12 AI side hustle (hard)

def ai_hustle(rng: random.Random) -> Gen:
    """'AI tool' / course / faceless-channel side hustle. No link: 'want me to show you?'."""
    pace = pacing(rng, 400, 4000)
    a = ("{honestly|ngl|lol} i {used to hate|was stuck in} my {9-5|job|warehouse shift} {and|but} "
         "{these last|the past} {2|3|4} months {an AI tool|ChatGPT + one app|a little AI setup} "
         "{writes and posts|makes} my {faceless videos|tiktoks|etsy designs} {for me|on autopilot}")
    b = ("{brings|makes|adds} {about|like|~} {$800|$1.2k|$2k|900 bucks} {a week|weekly|extra each week}"
         "{ now|}{.|!|,} {im|i'm} {showing|teaching} {the exact setup|how} to {5|7|10} {people|ppl} "
         "{this week|for free|before i stop}{.|,}")
    c = ("{want in|interested|want me to show you|should i send it}{?|??| ?}{ 👀| 🚀| 💸|} "
         "{just say|drop|type} {yes|me|a 👋}{ here|}")

    def gen(r: random.Random, i: int) -> Msg:
        shape = r.random()
        if shape < 0.3:
            return Msg([fit(r, lambda: noise(r, spin(r, a) + ". " + spin(r, c), 0.6))],
                       pace=pace())
        if shape < 0.7:
            return Msg([fit(r, lambda: noise(r, spin(r, a), 0.6)),
                        fit(r, lambda: noise(r, spin(r, b) + " " + spin(r, c), 0.6))],
                       gap=r.uniform(10, 60), pace=pace())
        return Msg([fit(r, lambda p=p: deco(r, noise(r, spin(r, p), 0.6), 0.3)) for p in (a, b, c)],
                   gap=r.uniform(8, 45), pace=pace())

    return gen


FAMILIES: dict[str, Callable[[random.Random], Gen]] = {
    "crypto_signals": crypto_signals,      # ordinary: one Telegram handle
    "job_tasks": job_tasks,                # hard: reply
    "wrong_number": wrong_number,          # hard: reply
    "adult_bait": adult_bait,              # hard: reply or a name to search
    "giveaway": giveaway,                  # ordinary: a new domain per copy
    "toll_parcel": toll_parcel,            # ordinary: a new domain per copy
    "fake_support": fake_support,          # hard: reply
    "marketplace": marketplace,            # ordinary: one phone number, many spellings
    "debt_relief": debt_relief,            # hard: reply with a balance
    "charity": charity,                    # ordinary: one payment tag, small groups
    "badge_phish": badge_phish,            # ordinary: a new domain per copy
    "ai_hustle": ai_hustle,                # hard: reply
}
