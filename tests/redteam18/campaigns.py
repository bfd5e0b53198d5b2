"""Round 18: twelve direct-message spam families of 2025-2026, written blind.

Written by an outside red-team helper who read only the public rules (README.md without
its detection tables, docs/policy.md, rules/default.toml) and the harness
(tests/redteam13/sim.py), never the reader, the fingerprint, the promotion list nor any
earlier round's campaigns. Each family is ``family(rng) -> gen(rng, i) -> sim.Msg``: the
outer call fixes what one spammer keeps for its whole day (its alias, its contact, its
pace), the inner call spins one copy.

Hard families (no link, number or address: the way back is a plain reply, a name to
search, or an app euphemism; heavy spin): recovery_agent, inheritance_lawyer,
wfh_recruiter, brand_collab, ticket_presale, puppy_deposit.
Ordinary families (a link, a number or a handle): stimulus_grant, tech_support,
ai_companion, tax_refund, utility_shutoff, tagged_video.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from tests.redteam13.sim import Msg

MAX = 140
Gen = Callable[[random.Random, int], Msg]

# --------------------------------------------------------------------------- helpers

ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
# Latin -> Cyrillic / Greek look-alikes
HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "c": "\u0441", "p": "\u0440",
        "x": "\u0445", "y": "\u0443", "i": "\u0456", "A": "\u0391", "E": "\u0395",
        "O": "\u039f", "T": "\u03a4", "H": "\u0397", "K": "\u039a"}
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
FIRST = ["Lena", "Marcus", "Priya", "Dmitri", "Sofia", "Jamal", "Keiko", "Olivia", "Mateo",
         "Ngozi", "Hannah", "Ravi", "Chloe", "Tobias", "Amara", "Lucas", "Yara", "Elif",
         "Grace", "Kwame", "Ines", "Bruno", "Mei", "Aaliyah", "Felix", "Nadia"]
LAST = ["Whitfield", "Okafor", "Lindqvist", "Moreau", "Castellanos", "Brennan", "Haddad",
        "Kowalski", "Tanaka", "Ferreira", "Abernathy", "Sato", "Delacroix", "Mensah",
        "Vasquez", "Hartley", "Novak", "Quinlan", "Oyelaran", "Stroud"]


def pick(rng: random.Random, options):
    return options[rng.randrange(len(options))]


def maybe(rng: random.Random, p: float, text: str, other: str = "") -> str:
    return text if rng.random() < p else other


def typo(rng: random.Random, text: str, rate: float = 0.025) -> str:
    """Swap, drop or double a letter here and there, as a hurried human would."""
    out = list(text)
    i = 0
    while i < len(out) - 1:
        if out[i].isalpha() and out[i + 1].isalpha() and rng.random() < rate:
            kind = rng.randrange(3)
            if kind == 0:
                out[i], out[i + 1] = out[i + 1], out[i]
                i += 1
            elif kind == 1:
                del out[i]
            else:
                out.insert(i, out[i])
                i += 1
        i += 1
    return "".join(out)


def homoglyph(rng: random.Random, text: str, rate: float = 0.15) -> str:
    return "".join(HOMO[ch] if ch in HOMO and rng.random() < rate else ch for ch in text)


def leet(rng: random.Random, text: str, rate: float = 0.3) -> str:
    return "".join(LEET[ch] if ch in LEET and rng.random() < rate else ch for ch in text)


def invisible(rng: random.Random, text: str, rate: float = 0.08) -> str:
    out = []
    for ch in text:
        out.append(ch)
        if ch.isalpha() and rng.random() < rate:
            out.append(pick(rng, ZW))
    return "".join(out)


def smash(rng: random.Random, text: str, style: str) -> str:
    """Apply a spammer's habit of obfuscation to a whole text."""
    if style == "typo":
        return typo(rng, text)
    if style == "homo":
        return homoglyph(rng, text)
    if style == "leet":
        return leet(rng, text, 0.2)
    if style == "zw":
        return invisible(rng, text)
    if style == "mix":
        return invisible(rng, homoglyph(rng, typo(rng, text, 0.02), 0.08), 0.04)
    return text


def dress(rng: random.Random, text: str, style: str, keep: tuple[str, ...] = ()) -> str:
    """``smash`` a text that fits, keeping it within 140 characters (never cut: a cut copy
    could lose its way back) and every ``keep`` (a link, a number, a name to search)
    intact, as a spammer who wants to be found writes; the plain text when every try
    overflows."""
    pieces = [text]
    for k in keep:
        if not k:
            continue
        nxt: list[str] = []
        for piece in pieces:
            if piece in keep:
                nxt.append(piece)
                continue
            bits = piece.split(k)
            for j, bit in enumerate(bits):
                if j:
                    nxt.append(k)
                nxt.append(bit)
        pieces = nxt
    for _ in range(10):
        out = "".join(p if p in keep else smash(rng, p, style) for p in pieces)
        if len(out) <= MAX:
            return out
    return text[:MAX]


def case(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.15:
        return text.lower()
    if r < 0.22:
        return text.upper()
    return text


def fit(rng: random.Random, build: Callable[[], str], fallback: str) -> str:
    """A copy of at most 140 characters: re-spin until it fits, else the fallback."""
    for _ in range(40):
        text = build().strip()
        if 0 < len(text) <= MAX:
            return text
    return fallback[:MAX]


def join(*bits: str) -> str:
    return " ".join(b for b in bits if b)


def word_code(rng: random.Random, k: int = 5) -> str:
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(k))


def phone_us(rng: random.Random) -> str:
    return f"{pick(rng, ['833', '844', '855', '866', '877', '888'])}{rng.randrange(200, 999)}{rng.randrange(1000, 9999)}"


def show_phone(rng: random.Random, digits: str) -> str:
    """One number, written a different way per copy."""
    a, b, c = digits[:3], digits[3:6], digits[6:]
    style = rng.randrange(6)
    if style == 0:
        return f"1-{a}-{b}-{c}"
    if style == 1:
        return f"({a}) {b}-{c}"
    if style == 2:
        return f"+1 {a} {b} {c}"
    if style == 3:
        return f"{a}.{b}.{c}"
    if style == 4:
        return " ".join(digits)
    return f"{a} {b} {c}"


def name(rng: random.Random) -> tuple[str, str]:
    return pick(rng, FIRST), pick(rng, LAST)


def pace(rng: random.Random, lo: float, hi: float) -> float:
    return rng.uniform(lo, hi)


# --------------------------------------------------------------------------- ordinary

def stimulus_grant(rng: random.Random) -> Gen:
    """A federal/state relief grant 'approved' for you, claim by a link. One domain per
    spammer, a fresh path per copy; homoglyphs and invisible characters."""
    dom = pick(rng, ["relief-fund", "usgrant-claim", "benefits-payout", "stimulus4u",
                     "fedaid-portal", "grantdesk-us"]) + str(rng.randrange(10, 99))
    tld = pick(rng, [".info", ".site", ".online", ".co", ".top"])
    style = pick(rng, ["homo", "zw", "typo", "plain"])
    gpace = pace(rng, 400, 1500)

    def gen(rng: random.Random, i: int) -> Msg:
        amount = pick(rng, ["$3,200", "$1,400", "$2,850", "$6,400", "$1,900", "$4,750"])
        link = f"{dom}{tld}/{word_code(rng, rng.randrange(4, 7))}"

        def build() -> str:
            head = pick(rng, ["NOTICE:", "Update:", "\U0001F1FA\U0001F1F8", "Good news!",
                              "Heads up -", "Reminder:", ""])
            body = pick(rng, [
                f"your household qualifies for the {amount} relief grant",
                f"a {amount} energy relief payment is pending in your name",
                f"you were selected for a one-time {amount} hardship grant",
                f"{amount} from the 2026 family support program is unclaimed",
                f"your {amount} stimulus deposit is on hold",
            ])
            tail = pick(rng, ["confirm eligibility", "claim before Friday", "verify to release it",
                              "it expires in 48h", "finish the form"])
            return join(head, case(rng, body) + pick(rng, [".", ",", " -", "!"]), tail,
                        pick(rng, [":", "here", "at", "->"]), link)
        text = dress(rng, fit(rng, build, f"relief grant pending {link}"), style, (link,))
        return Msg([text], n=1, pace=gpace)
    return gen


def tech_support(rng: random.Random) -> Gen:
    """'Your device is infected', call 'support' on one toll-free number per spammer, written
    a new way each time; sometimes the number is its own second part."""
    digits = phone_us(rng)
    brand = pick(rng, ["Microsoft", "Windows Defender", "Apple Security", "Norton", "McAfee",
                       "Account Security Team"])
    split = rng.random() < 0.4
    gpace = pace(rng, 300, 1200)

    def gen(rng: random.Random, i: int) -> Msg:
        def build() -> str:
            alert = pick(rng, ["\u26a0\ufe0f ALERT", "Security warning", "\U0001F6A8 Warning",
                               "Important", "System notice", ""])
            what = pick(rng, [
                f"{rng.randrange(2, 7)} trojans were detected on a device signed into your account",
                "your PC sent spyware traffic from your IP address",
                "suspicious login + malware found on your device",
                "your iCloud/Outlook storage is infected and will be locked",
                "hackers accessed your device, your banking is at risk",
            ])
            act = pick(rng, [f"Call {brand} now", f"Contact {brand} support", "Do NOT restart, call",
                             "speak to a certified tech", f"call the {brand} helpline"])
            return join(alert, what + ".", act)

        text = fit(rng, build, "malware found on your device, call support")
        num = show_phone(rng, digits)
        if split:
            parts = [dress(rng, text, "typo", (brand,)), pick(rng, ["toll free: ", "line: ", "", "\u260e "]) + num]
        else:
            full = f"{text} {num}"
            parts = [full if len(full) <= MAX else f"{brand} alert: device infected, call {num}"]
        return Msg(parts, n=1, gap=rng.uniform(5, 25), pace=gpace)
    return gen


def ai_companion(rng: random.Random) -> Gen:
    """An 'AI girlfriend' app, pushed as if a person wrote: lowercase, emoji, a link in a
    bio-style short domain per spammer; sometimes a small group."""
    app = pick(rng, ["luvi", "mira", "aria", "kissu", "hera", "solace", "nyx"])
    dom = f"{app}{pick(rng, ['-ai', 'ai', '.chat', 'x'])}{pick(rng, ['.app', '.me', '.ai', '.fun'])}"
    gpace = pace(rng, 300, 1000)

    def gen(rng: random.Random, i: int) -> Msg:
        link = f"{dom}/{word_code(rng, 4)}"

        def build() -> str:
            hook = pick(rng, [
                "lonely tonight? \U0001F97A", "she actually texts back \U0001F60F",
                "ok this ai gf is scary good", "no more dry texting lol",
                "she remembers everything u tell her \U0001F495", "u deserve someone who listens",
                "i talk to her every night ngl",
            ])
            sell = pick(rng, [
                "voice notes + pics, first chat free", "no filters, no judgement",
                "made her look exactly how i like", "24/7, never leaves u on read",
                "custom personality, she flirts back",
            ])
            call = pick(rng, ["try", "meet her", "\U0001F449", "link:", "->", "she's at"])
            return join(hook, sell, call, link, maybe(rng, 0.4, "\U0001F48B"))
        text = dress(rng, fit(rng, build, f"ai gf free {link}"), pick(rng, ["plain", "zw", "leet"]),
                     (link,))
        n = 1 if rng.random() < 0.7 else rng.randrange(2, 4)
        return Msg([text], n=n, pace=gpace)
    return gen


def tax_refund(rng: random.Random) -> Gen:
    """A tax authority 'refund' to verify by a link: the agency changes with the copy (IRS,
    HMRC, CRA, ATO), the domain is one per spammer but with a rotating subdomain."""
    base = pick(rng, ["refund-status", "taxreturn-verify", "e-refund", "taxportal-secure"])
    tld = pick(rng, [".com", ".net", ".help", ".support"])
    gpace = pace(rng, 400, 1400)

    def gen(rng: random.Random, i: int) -> Msg:
        agency, cur = pick(rng, [("IRS", "$"), ("HMRC", "\u00a3"), ("CRA", "C$"), ("ATO", "A$")])
        amt = f"{cur}{rng.randrange(180, 1900)}.{rng.randrange(10, 99)}"
        link = f"{word_code(rng, 3)}.{base}{tld}"

        def build() -> str:
            return join(
                pick(rng, [f"{agency}:", f"[{agency}]", f"{agency} notice -", f"From {agency}:"]),
                pick(rng, [f"you are owed a refund of {amt}", f"a {amt} overpayment refund is ready",
                           f"your {amt} refund failed to deposit", f"we owe you {amt} from last year"]),
                pick(rng, ["update your bank details", "verify your identity", "submit the form",
                           "confirm within 24 hours"]),
                pick(rng, ["at", "via", ":", "->"]),
                link,
            )
        text = fit(rng, build, f"refund {amt} verify {link}")
        return Msg([dress(rng, text, pick(rng, ["plain", "homo", "typo"]), (link,))], n=1, pace=gpace)
    return gen


def utility_shutoff(rng: random.Random) -> Gen:
    """'Your power/water will be cut today', call the billing desk: a number per spammer,
    but every second spammer takes a new number every 4 copies (cheap VoIP lines)."""
    rotate = rng.random() < 0.5
    numbers = [phone_us(rng) for _ in range(8)]
    gpace = pace(rng, 300, 1200)

    def gen(rng: random.Random, i: int) -> Msg:
        digits = numbers[(i // 4) % len(numbers)] if rotate else numbers[0]
        co = pick(rng, ["Electric", "Power & Light", "Energy", "Water Dept", "Gas Co", "Utilities"])
        when = pick(rng, ["at 4PM today", "within 2 hours", "in 45 min", "by end of day", "tonight"])
        num = show_phone(rng, digits)

        def build() -> str:
            return join(
                pick(rng, ["FINAL NOTICE:", "URGENT", "Disconnection notice:", "\u26a1", "Attn:"]),
                pick(rng, [f"your {co} service will be shut off {when}",
                           f"{co} disconnection scheduled {when} for past-due balance",
                           f"a crew is dispatched to cut your {co} service {when}"]),
                pick(rng, ["- to avoid it call billing", ". Pay now by phone", ". Call to stop it",
                           ". Questions? call"]),
                num,
            )
        text = fit(rng, build, f"service shut off {when}, call {num}")
        return Msg([dress(rng, text, pick(rng, ["plain", "zw", "typo"]), (num,))], n=1, pace=gpace)
    return gen


def tagged_video(rng: random.Random) -> Gen:
    """'Is this you in this video??' with a link. Half the spammers burn a new short-link
    domain per copy (a link rotator), the other half keep one and vary the path."""
    rotator = rng.random() < 0.5
    fixed = f"{pick(rng, ['vid', 'clip', 'watch', 'tag', 'pix'])}{word_code(rng, 3)}.{pick(rng, ['click', 'link', 'live', 'cc'])}"
    gpace = pace(rng, 200, 900)

    def gen(rng: random.Random, i: int) -> Msg:
        dom = (f"{pick(rng, ['v', 'tg', 'see', 'ph'])}{word_code(rng, 4)}.{pick(rng, ['click', 'link', 'xyz', 'lol'])}"
               if rotator else fixed)
        link = f"{dom}/{word_code(rng, 5)}"

        def build() -> str:
            return join(case(rng, join(
                pick(rng, ["omg", "wait", "lmaooo", "bro", "hey", "um", "ok so", ""]),
                pick(rng, ["is this u in this video??", "somebody tagged u in this \U0001F633",
                           "ur in this clip, did u know?", "who posted this of you",
                           "why r u in this vid \U0001F602", "this looks exactly like u"]),
                pick(rng, ["", "\U0001F440", "\U0001F62D", "\U0001F62C"]))), link)
        text = fit(rng, build, f"is this u {link}")
        return Msg([dress(rng, text, pick(rng, ["plain", "zw", "leet"]), (link,))],
                   n=1, pace=gpace)
    return gen


# --------------------------------------------------------------------------- hard

def recovery_agent(rng: random.Random) -> Gen:
    """A 'victim' vouches for a fund-recovery hacker: no link, the way back is a name to
    search (one per spammer), the story spun a new way per copy, sometimes in 2 parts."""
    first, last = name(rng)
    agent = pick(rng, [f"{first} {last}", f"Agent {last}", f"{first}.{last[:4].lower()}",
                       f"Mr {last}", f"{first} {last[0]}."])
    where = pick(rng, ["on IG", "on Insta", "on Telegram", "on TikTok", "on LinkedIn", "online"])
    two = rng.random() < 0.5
    gpace = pace(rng, 500, 1800)

    def gen(rng: random.Random, i: int) -> Msg:
        lost = pick(rng, ["4.2 BTC", "$38k", "my savings", "$12,600 in USDT", "everything",
                          "2 eth", "my pension money", "$71,000"])
        scam = pick(rng, ["a fake trading site", "a pig butchering guy", "a romance scammer",
                          "an 'investment manager'", "a fake exchange", "some forex mentor"])
        story = pick(rng, [
            f"I lost {lost} to {scam} last spring",
            f"got scammed out of {lost} by {scam}",
            f"{scam} took {lost} from me",
            f"after {scam} wiped me out ({lost})",
        ])
        fix = pick(rng, [f"{agent} traced it and I got it back",
                         f"{agent} recovered it in under 2 weeks",
                         f"only {agent} managed to get it back",
                         f"{agent} helped me get most of it back"])
        push = pick(rng, [f"look them up {where}", f"search {agent} {where}",
                          f"you can find {agent} {where}", f"{agent} is {where}, legit",
                          "just mention my name"])
        opener = pick(rng, ["Hi,", "Hello dear,", "hey sorry to bother,", "Not a bot lol,",
                            "Saw your comment about being scammed,", ""])
        if two:
            p1 = fit(rng, lambda: join(opener, story + ",", pick(rng, ["it was awful", "i was broken",
                                                                         "i almost gave up"])),
                     story)
            p2 = fit(rng, lambda: join(fix + ".", push), f"{agent} {where}")
            parts = [dress(rng, p1, "typo"), dress(rng, p2, pick(rng, ["plain", "zw"]), (agent,))]
        else:
            one = fit(rng, lambda: join(opener, story + ".", fix + ",", push), f"{fix}. {push}")
            parts = [dress(rng, one, pick(rng, ["typo", "mix", "plain"]), (agent,))]
        return Msg(parts, n=1, gap=rng.uniform(15, 60), pace=gpace)
    return gen


def inheritance_lawyer(rng: random.Random) -> Gen:
    """A foreign solicitor / lottery office: an unclaimed estate or a draw win. No contact:
    'are you the right person? reply' (the way back is this very conversation)."""
    first, last = name(rng)
    title = pick(rng, ["Barrister", "Solicitor", "Attorney", "Dr.", "Notary"])
    city = pick(rng, ["Lisbon", "Lome", "Madrid", "Accra", "Amsterdam", "Kuala Lumpur", "Zurich"])
    gpace = pace(rng, 600, 2000)

    def gen(rng: random.Random, i: int) -> Msg:
        sum_ = pick(rng, ["4.7 million", "2,300,000 EUR", "$8.5M", "1.9 million pounds",
                          "USD 5,200,000", "a large sum"])

        def build() -> str:
            intro = pick(rng, [f"I am {title} {last}, {city}.", f"{title} {first} {last} here ({city}).",
                               f"Good day, this is {title} {last} writing from {city}.",
                               f"Greetings from {city}, {title} {last}."])
            why = pick(rng, [
                f"A late client who shares your surname left {sum_} unclaimed.",
                f"Your name was drawn in the international draw for {sum_}.",
                f"An estate of {sum_} has no next of kin and I traced it to you.",
                f"A dormant account ({sum_}) lists a relative with your name.",
            ])
            ask = pick(rng, ["Kindly confirm you received this.", "Are you the right person?",
                             "Reply so I can explain privately.", "Please respond, time is short.",
                             "Answer me with your full name.", "Can we discuss?"])
            order = rng.randrange(3)
            if order == 0:
                return join(intro, why, ask)
            if order == 1:
                return join(why, ask, f"- {title} {last}")
            return join(maybe(rng, 0.5, "Confidential."), why, intro, ask)
        text = fit(rng, build, f"{title} {last}: an estate of {sum_} for you. Reply.")
        return Msg([dress(rng, text, pick(rng, ["plain", "typo", "homo"]))], n=1, pace=gpace)
    return gen


def wfh_recruiter(rng: random.Random) -> Gen:
    """A 'recruiter' for remote part-time work who wants the chat moved to 'the green app' /
    'the blue plane one': an app euphemism, no handle, no number, 1 to 3 short parts."""
    first, _ = name(rng)
    agency = pick(rng, ["a staffing agency", "an HR team", "a recruitment firm", "a remote team",
                        "a hiring partner"])
    gpace = pace(rng, 500, 1600)

    def gen(rng: random.Random, i: int) -> Msg:
        hi = pick(rng, [f"Hi, I'm {first} from {agency}", f"hello! {first} here, {agency}",
                        f"Hey :) my name is {first}, I work with {agency}",
                        f"Good afternoon, {first} ({agency})"])
        job = pick(rng, [
            f"we have flexible online work, {rng.randrange(2, 5)}h a day, paid daily",
            f"part time from your phone, {pick(rng, ['$200', '$350', '$90-480', '300+'])} a day",
            "simple remote role, no experience, training given",
            "we're hiring people to rate apps from home",
        ])
        move = pick(rng, [
            "can we talk on the green app? easier there",
            "do you use the blue plane app? I'll explain there",
            "it's easier on WA, send me your number?",
            "let's continue on the app with the green bubble",
            "are you on tele? I can send details there",
            "I only do interviews on the green one, ok?",
        ])
        shape = rng.randrange(3)
        if shape == 0:
            parts = [fit(rng, lambda: join(hi + ",", job + ".", move), f"{hi}. {move}")]
        elif shape == 1:
            parts = [fit(rng, lambda: hi + pick(rng, ["", " \U0001F60A", " \U0001F44B"]), hi),
                     fit(rng, lambda: join(job + ".", move), move)]
        else:
            parts = [fit(rng, lambda: hi, hi), fit(rng, lambda: job, job), fit(rng, lambda: move, move)]
        style = pick(rng, ["plain", "typo", "zw"])
        return Msg([dress(rng, case(rng, p), style) for p in parts], n=1,
                   gap=rng.uniform(8, 40), pace=gpace)
    return gen


def brand_collab(rng: random.Random) -> Gen:
    """A fake brand deal for 'creators': free product + commission, the fee comes later.
    The way back is a reply ('interested?'), the brand name spun, sometimes a small group."""
    brand = pick(rng, ["Lumera Skin", "NOVA Active", "Peachy Threads", "Koa Coffee", "Veyra",
                       "Glowbar", "Oak & Ivy", "Hydra Lab"])
    gpace = pace(rng, 400, 1500)

    def gen(rng: random.Random, i: int) -> Msg:
        def build() -> str:
            return join(
                pick(rng, ["Hey love!", "Hi there \U0001F338", "Hiii", "Hello creator!", "Hey!",
                           "Hi babe,"]),
                pick(rng, ["we love your feed", "your content caught our eye",
                           "our team picked your page", "your vibe fits our new launch",
                           "adored your last post"]),
                pick(rng, [f"- {brand} is looking for ambassadors", f"and {brand} wants to collab",
                           f"for a paid {brand} partnership", f"for the {brand} summer drop"]),
                pick(rng, ["\u2728", "\U0001F4AB", "", "!"]),
                pick(rng, ["Free products + 20% commission.", "PR package on us.",
                           "We cover shipping.", "Paid collab, no follower minimum."]),
                pick(rng, ["Interested?", "Want the details?", "Say yes and I'll send the brief",
                           "Shall I tell you more?", "Answer here if keen"]),
            )
        text = fit(rng, build, f"Hey! {brand} wants to collab with you, interested?")
        n = 1 if rng.random() < 0.6 else rng.randrange(2, 5)
        return Msg([dress(rng, text, pick(rng, ["plain", "typo", "leet", "zw"]), (brand,))], n=n,
                   pace=gpace)
    return gen


def ticket_presale(rng: random.Random) -> Gen:
    """Someone 'can't go anymore' and sells tickets or a presale code at face value; the
    artist, seats and excuse change per copy; reply to buy. Casual, typo-ridden, split."""
    artists = ["Sabrina", "Chappell", "Olivia R", "the Weeknd", "Bad Bunny", "Coldplay",
               "Tyler", "Billie", "Travis", "Dua", "SZA", "Oasis"]
    fav = rng.sample(artists, 3)
    gpace = pace(rng, 500, 1700)

    def gen(rng: random.Random, i: int) -> Msg:
        art = pick(rng, fav)
        seats = pick(rng, ["2 floor tix", "2 GA tickets", "a pair of lower bowl seats",
                           "one pit ticket", "2 seats sec 112", "the early entry code"])
        excuse = pick(rng, ["my friend bailed", "i have a work trip now", "family stuff came up",
                            "bought too many oops", "cant make it anymore", "got sick"])
        price = pick(rng, ["face value", "at cost", "cheaper than resale", "under face",
                           "just what i paid"])
        close = pick(rng, ["lmk if u want them", "msg me if interested", "u want?",
                           "first to reply gets it", "interested??"])
        if rng.random() < 0.5:
            parts = [fit(rng, lambda: join(pick(rng, ["heyy", "hi", "yo", "sorry random"]),
                                           f"selling {seats} for {art}", price), f"{seats} {art}"),
                     fit(rng, lambda: join(excuse, close), close)]
        else:
            parts = [fit(rng, lambda: join(excuse + " so", f"{seats} for {art} going {price},", close),
                         f"{seats} {art} {close}")]
        return Msg([dress(rng, case(rng, p), "typo") for p in parts], n=1,
                   gap=rng.uniform(5, 30), pace=gpace)
    return gen


def puppy_deposit(rng: random.Random) -> Gen:
    """A breeder 'rehoming' puppies: vet checked, papers, a deposit holds one. The way back
    is a reply for photos; the breed and litter spin, 2 or 3 parts, each short."""
    breed_pool = ["French bulldog", "Frenchie", "mini goldendoodle", "teacup Yorkie",
                  "Pomeranian", "corgi", "cavapoo", "husky", "British shorthair kitten"]
    breeds = rng.sample(breed_pool, 2)
    first, _ = name(rng)
    gpace = pace(rng, 500, 1800)

    def gen(rng: random.Random, i: int) -> Msg:
        breed = pick(rng, breeds)
        left = rng.randrange(1, 4)
        p1 = fit(rng, lambda: join(pick(rng, ["Hello,", "Hi!", "Hey there,", "Good morning,"]),
                                   pick(rng, [f"we have {left} {breed} babies left",
                                              f"{left} {breed} pups ready for new homes",
                                              f"rehoming our last {breed}"]),
                                   pick(rng, ["\U0001F436", "\U0001F43E", "\u2764\ufe0f", ""])),
                 f"{breed} pups left")
        p2 = fit(rng, lambda: join(pick(rng, ["vet checked,", "vaccinated,", "shots done,", "dewormed,"]),
                                   pick(rng, ["papers included,", "microchipped,", "potty trained,"]),
                                   pick(rng, ["a small deposit holds one", "we can deliver",
                                              "only serious homes", "deposit reserves yours"])),
                 "vet checked, deposit holds one")
        p3 = fit(rng, lambda: pick(rng, ["want pictures?", "reply for pics and price",
                                         f"message me back, {first}", "shall i send videos?"]),
                 "want pics?")
        parts = [p1, p2, p3] if rng.random() < 0.5 else [p1, f"{p2}. {p3}"[:MAX]]
        style = pick(rng, ["plain", "typo", "homo"])
        return Msg([dress(rng, p, style) for p in parts], n=1,
                   gap=rng.uniform(10, 45), pace=gpace)
    return gen


FAMILIES: dict[str, Callable[[random.Random], Gen]] = {
    "stimulus_grant": stimulus_grant,
    "tech_support": tech_support,
    "ai_companion": ai_companion,
    "tax_refund": tax_refund,
    "utility_shutoff": utility_shutoff,
    "tagged_video": tagged_video,
    "recovery_agent": recovery_agent,
    "inheritance_lawyer": inheritance_lawyer,
    "wfh_recruiter": wfh_recruiter,
    "brand_collab": brand_collab,
    "ticket_presale": ticket_presale,
    "puppy_deposit": puppy_deposit,
}
