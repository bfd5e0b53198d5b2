"""Round 15: spintax spam campaigns from an outside red team, to measure the near-duplicate
detector against spinners the project did not write.

Every family has its own base texts (2024-2026 SMS and DM spam) and a spinner built the
way bulk-sender tools build theirs: nested spintax, then a word pass (synonyms, fillers,
SMS-speak), then a surface pass (emoji, case, punctuation), optionally sentence
reordering. Nothing here is derived from the project's own spinner or fingerprint code.

    python -m tests.redteam15.campaigns [family ...]   # 5 example copies a family
"""
from __future__ import annotations

import random
import re
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass

from tests.redteam13.sim import Msg

# ---------------------------------------------------------------- spintax


def expand(template: str, rng: random.Random) -> str:
    """Expand nested spintax ``{a|b|{c|d}}``: one pick per brace, at any depth."""
    text, _ = _sequence(template, 0, rng, top=True)
    return text


def _sequence(s: str, i: int, rng: random.Random, top: bool) -> tuple[str, int]:
    # Recursive descent: a sequence stops at "|" or "}" unless it is the whole template.
    out: list[str] = []
    while i < len(s):
        c = s[i]
        if c == "{":
            options, i = [], i + 1
            while True:
                text, i = _sequence(s, i, rng, top=False)
                options.append(text)
                if i >= len(s) or s[i] == "}":
                    i += 1
                    break
                i += 1  # the "|"
            out.append(rng.choice(options))
        elif not top and c in "|}":
            return "".join(out), i
        else:
            out.append(c)
            i += 1
    return "".join(out), i


# ---------------------------------------------------------------- word pass

# Synonym rings of this red team's own choosing: any member may stand for any other.
_RINGS = [
    ["claim", "collect", "redeem", "grab", "get"],
    ["now", "right now", "asap", "immediately", "today"],
    ["free", "complimentary", "no-cost", "FREE"],
    ["prize", "reward", "gift", "bonus"],
    ["account", "acct", "profile"],
    ["verify", "confirm", "validate", "re-verify"],
    ["urgent", "important", "action needed", "time sensitive"],
    ["package", "parcel", "shipment", "delivery", "item"],
    ["money", "cash", "funds"],
    ["details", "info", "information"],
    ["quick", "fast", "easy", "simple"],
    ["earn", "make", "take home"],
    ["hi", "hey", "hello", "hiya"],
    ["call", "ring", "phone", "dial"],
    ["cancel", "stop", "reverse"],
    ["suspended", "locked", "frozen", "on hold", "restricted"],
    ["expires", "ends", "runs out", "lapses"],
    ["big", "huge", "massive"],
    ["join", "hop in", "come in"],
]
SYNONYMS = {w: [x for x in ring if x != w] for ring in _RINGS for w in ring}

FILLERS = ["hey", "ok so", "honestly", "btw", "fyi", "quick one", "just so u know", "psst", "heads up",
           "ngl", "real talk", "no joke", "omg", "listen", "lol"]

# SMS-speak: whole words only, applied per word with the family's probability.
SMS = {"you": "u", "your": "ur", "you're": "ur", "are": "r", "to": "2", "for": "4", "please": "pls",
       "before": "b4", "tonight": "2nite", "today": "2day", "thanks": "thx", "message": "msg",
       "people": "ppl", "with": "w/", "because": "bc", "really": "rly", "tomorrow": "tmrw",
       "text": "txt", "great": "gr8", "see": "c", "why": "y", "okay": "ok", "about": "abt"}

_WORD = re.compile(r"^([^\w<]*)([\w'-]+)([^\w>]*)$")


def _match_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def word_pass(text: str, rng: random.Random, syn: float, sms: float) -> str:
    """Swap synonyms and SMS-speak per word; tokens like <link> are left alone."""
    out = []
    for tok in text.split(" "):
        m = _WORD.match(tok)
        if not m or "<" in tok:
            out.append(tok)
            continue
        pre, word, post = m.groups()
        low = word.lower()
        if low in SYNONYMS and rng.random() < syn:
            word = _match_case(rng.choice(SYNONYMS[low]), word)
        elif low in SMS and rng.random() < sms:
            word = SMS[low]
        out.append(pre + word + post)
    return " ".join(out)


def add_fillers(text: str, rng: random.Random, k: int) -> str:
    """Interjections at the start or after a sentence break, as spinners pad copies."""
    parts = re.split(r"(?<=[.!?])\s+", text)
    for _ in range(k):
        j = rng.randrange(len(parts))
        parts[j] = rng.choice(FILLERS) + rng.choice([", ", " ", "... ", " - "]) + parts[j]
    return " ".join(parts)


def reorder(text: str, rng: random.Random) -> str:
    """Shuffle the sentences: the same pitch, another order."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", text) if p]
    rng.shuffle(parts)
    return " ".join(parts)


# ---------------------------------------------------------------- surface pass


def add_emoji(text: str, rng: random.Random, pool: list[str], k: int) -> str:
    words = text.split(" ")
    for _ in range(k):
        pos = rng.choice([0, len(words), rng.randrange(len(words) + 1)])
        words.insert(pos, rng.choice(pool) * rng.choice([1, 1, 2]))
    return " ".join(words)


def recase(text: str, rng: random.Random) -> str:
    """One of the case habits of a spinner: lower, SHOUT a word, Title words, all caps."""
    mode = rng.choice(["lower", "shout", "title", "upper", "shout"])
    if mode == "lower":
        return re.sub(r"[A-Z][a-z]", lambda m: m.group(0).lower(), text)
    if mode == "upper":
        return text.upper()  # fill() reads <LINK> as <link>
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 3]
    for i in rng.sample(idx, min(len(idx), rng.randint(1, 3))):
        words[i] = words[i].upper() if mode == "shout" else words[i].capitalize()
    return " ".join(words)


def repunct(text: str, rng: random.Random) -> str:
    """Punctuation drift: !! and ??, dropped commas, ellipses, a dash for a full stop."""
    text = re.sub(r"!", lambda m: rng.choice(["!", "!!", "!!!", "."]), text)
    text = re.sub(r"\?", lambda m: rng.choice(["?", "??", "?!"]), text)
    text = re.sub(r",", lambda m: rng.choice([",", "", " -", ","]), text)
    text = re.sub(r"\.(?=\s)", lambda m: rng.choice([".", "!", "...", " -", "."]), text)
    return text


# ---------------------------------------------------------------- contacts

SHORTENERS = ["bit.ly", "tinyurl.com", "t.co", "rb.gy", "is.gd", "cutt.ly", "s.id", "t.ly", "shorturl.at"]
TLDS = ["top", "xyz", "info", "live", "click", "icu", "vip", "cc", "life", "online", "support", "help"]


def short_link(rng: random.Random) -> str:
    return f"{rng.choice(SHORTENERS)}/{''.join(rng.choices(string.ascii_letters + string.digits, k=7))}"


def lookalike(rng: random.Random, brands: list[str]) -> str:
    # A brand, a scare word and a cheap TLD: the shape of 2024-2026 smishing domains.
    b = rng.choice(brands)
    w = rng.choice(["secure", "verify", "help", "login", "alert", "id", "update", "care", "pay"])
    sep = rng.choice(["-", "", "."])
    name = rng.choice([f"{b}{sep}{w}", f"{w}{sep}{b}", f"{b}{sep}{w}{rng.randint(1, 99)}"])
    path = rng.choice(["", "/", f"/{''.join(rng.choices(string.ascii_lowercase, k=5))}"])
    return rng.choice(["", "https://", "https://www."]) + f"{name}.{rng.choice(TLDS)}" + path


def phone(rng: random.Random) -> str:
    d = "".join(str(rng.randint(0, 9)) for _ in range(7))
    area = rng.choice(["888", "877", "866", "844", "209", "302", "415", "646"])
    return rng.choice([f"+1 ({area}) {d[:3]}-{d[3:]}", f"1-{area}-{d[:3]}-{d[3:]}", f"{area}.{d[:3]}.{d[3:]}"])


def handle(rng: random.Random, stems: list[str]) -> str:
    return "@" + rng.choice(stems) + rng.choice(["_", "", "."]) + rng.choice(
        ["signals", "official", "fx", "vip", "trades", "alpha", "pro"]) + rng.choice(["", str(rng.randint(1, 99))])


FIRST = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Mason", "Sophia", "Lucas", "Mia", "Ethan", "Chloe", "Ryan"]


# ---------------------------------------------------------------- a family's spinner


@dataclass
class Spinner:
    """The knobs of one spam tool's pass over an expanded template (probabilities)."""
    syn: float = 0.0        # per word: swap in a synonym
    sms: float = 0.0        # per word: SMS-speak
    fillers: float = 0.0    # per copy: 1-2 interjections
    emoji: float = 0.0      # per copy: 1-3 emoji
    case: float = 0.0       # per copy: a case habit
    punct: float = 0.0      # per copy: punctuation drift
    reorder: float = 0.0    # per copy: shuffle the sentences
    pool: tuple[str, ...] = ("🎁", "✅", "🔥", "👉", "💰")

    def __call__(self, template: str, rng: random.Random) -> str:
        t = expand(template, rng)
        if rng.random() < self.reorder:
            t = reorder(t, rng)
        t = word_pass(t, rng, self.syn, self.sms)
        if rng.random() < self.fillers:
            t = add_fillers(t, rng, rng.randint(1, 2))
        if rng.random() < self.case:
            t = recase(t, rng)
        if rng.random() < self.punct:
            t = repunct(t, rng)
        if rng.random() < self.emoji:
            t = add_emoji(t, rng, list(self.pool), rng.randint(1, 3))
        return re.sub(r" {2,}", " ", t).strip()


def fill(text: str, ctx: dict[str, str]) -> str:
    # Case-insensitive: a SHOUTED copy must still carry the real link.
    return re.sub(r"<(\w+)>", lambda m: ctx[m.group(1).lower()], text)


def tactic(rng: random.Random) -> dict:
    """A spammer's sending habit, drawn as redteam13's: mostly single sends, some small
    groups, some slow and paced, some split in two parts."""
    kind = rng.choices(["single", "split", "group", "slow"], [0.45, 0.2, 0.15, 0.2])[0]
    return {"kind": kind, "n": rng.randint(2, 4) if kind == "group" else 1,
            "pace": rng.uniform(1500, 2400) if kind == "slow" else rng.uniform(30, 300)}


def _split(text: str, rng: random.Random) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) < 2:
        return [text]
    k = rng.randrange(1, len(sentences))
    return [" ".join(sentences[:k]), " ".join(sentences[k:])]


FAMILIES: dict[str, Callable] = {}


def campaign(name: str, templates: list[str], spinner: Spinner, *,
             fixed: Callable[[random.Random], dict] = lambda r: {},
             fresh: Callable[[random.Random], dict] = lambda r: {},
             min_len: int = 0, max_len: int = 140) -> None:
    """Register a family: ``fixed`` draws the spammer's own contacts once (a campaign
    reuses its number or domain), ``fresh`` draws per copy (a new link each time)."""
    def fam(rng: random.Random):
        tac = tactic(rng)
        ctx = fixed(rng)

        def gen(r: random.Random, i: int) -> Msg:
            # Re-spin a copy out of the family's length band, as a spammer would, rather
            # than cut its link.
            for _ in range(40):
                text = fill(spinner(r.choice(templates), r), {**ctx, **fresh(r)})
                if min_len <= len(text) <= max_len:
                    break
            else:
                text = text[:max_len]
            parts = _split(text, r) if tac["kind"] == "split" else [text]
            return Msg(parts, n=tac["n"], pace=tac["pace"])
        return gen
    FAMILIES[name] = fam


# ---------------------------------------------------------------- families

# 1. Light spin (2-3 slots a template): a prize, one link per spammer.
campaign("prize_light", [
    "Congratulations! Your number was picked for a {$500|$750|$1,000} Walmart gift card. Claim it before midnight: <link>",
    "You have been selected as this week's {winner|lucky winner} of an iPhone 16 Pro. Confirm your shipping {details|address} at <link>",
    "Costco member {reward|survey}: you earned a free Dyson V15. Just pay {$2.95|$3.99} shipping at <link>",
    "{Final notice|Reminder}: your unclaimed Amazon prize expires in 24 hours. Collect it here <link> {today|now}",
    "Your T-Mobile points are about to expire! Redeem them for a {Galaxy S25|PS5|$300 voucher} at <link>",
], Spinner(syn=0.1, emoji=0.2, punct=0.2, case=0.1, pool=("🎁", "🎉", "✅", "🏆")),
    fixed=lambda r: {"link": lookalike(r, ["prize", "rewards", "winner", "giftcard", "claim"])})

# 2. Heavy spin (a slot every 2-3 words): a parcel fee, one domain per spammer.
campaign("parcel_heavy", [
    "{USPS|US Postal|Royal Mail|Evri}: {your|the} {parcel|package|shipment} {is|has been} {held|on hold|paused} {at|in} "
    "{our|the} {depot|hub|warehouse} {due to|over} {an incomplete|a missing|a wrong} {address|house number}. "
    "{Update|Fix|Confirm} {it|your details} {within|in} {12|24|48} {hours|hrs}: <link>",
    "{We|Our courier} {tried|attempted} {to deliver|delivery of} {your|ur} {item|order} {today|this morning} "
    "{but|and} {nobody|no one} {was|answered} {home|in}. {Pick|Book|Choose} {a|your} {new|second} {slot|date} {at|here} <link>",
    "{Your|The} {delivery|shipment} {has|now has} {a|an} {unpaid|outstanding} {customs|redelivery} {fee|charge} "
    "{of|:} {$1.99|$2.30|£1.45}. {Pay|Settle} {now|today} {or|else} {it|the parcel} {goes|is sent} {back|home} <link>",
    "{Hi|Hello} <name>, {parcel|package} {#|no.} {US|GB}{4471|8820|1935} {is|got} {stuck|held} {at|in} {customs|the depot}. "
    "{Release|Clear} {it|the item} {for|with} {a|one} {small|tiny} {fee|payment}: <link>",
], Spinner(syn=0.35, fillers=0.3, emoji=0.3, punct=0.4, case=0.2, pool=("📦", "🚚", "⚠️", "❗")),
    fixed=lambda r: {"link": lookalike(r, ["usps", "royalmail", "evri", "parcel", "track"])},
    fresh=lambda r: {"name": r.choice(FIRST)})

# 3. Spin + sentence reordering: crypto signals, one handle per spammer.
campaign("crypto_reorder", [
    "{BTC|Bitcoin} {is|looks} {ready|set} {to pump|for a breakout} {this week|soon}. {Our|My} {calls|signals} {made|hit} "
    "{+212%|+180%|+96%} {last month|in May}. {DM|Message} <handle> {for|to get} {a|the} {free|VIP} {spot|entry}.",
    "{I|We} {only|just} {take|accept} {20|30} {new|fresh} {members|traders} {a week|weekly}. {Solana|SOL} {memecoin|presale} "
    "{calls|alerts} {daily|every day}. {Ask|Ping} <handle> {for|about} {an invite|access}.",
    "{Withdrew|Cashed out} {$4,800|$7,250|$12k} {today|this week}. {Thanks|Big thanks} {to|go to} <handle> {for|and} {the|their} "
    "{signals|strategy}! {You|U} {can|should} {join|try} {too|as well}.",
    "{No|Zero} {experience|skills} {needed|required}. {Copy|Mirror} {our|my} {trades|entries} {and|to} {earn|make} {daily|weekly}. "
    "{Text|Msg} <handle> {on|via} {Telegram|TG} {today|now}.",
], Spinner(syn=0.2, sms=0.1, emoji=0.4, punct=0.3, reorder=0.8, pool=("🚀", "📈", "💰", "🔥", "💎")),
    fixed=lambda r: {"handle": handle(r, ["crypto", "btc", "moon", "whale", "sol", "chain"])})

# 4. Spin + a new short link per copy: remote-job recruiters.
campaign("job_newlink", [
    "{Hi|Hello}, {I'm|this is} <name> {from|at} {a|an} {staffing|recruiting} {agency|team}. {We offer|Our client has} "
    "{remote|part-time} {work|jobs}, {$300-$900|$200-$500} {a day|daily}. {Details|Apply}: <link>",
    "{Your|Ur} {resume|CV} {was|has been} {shortlisted|approved} {for|by} {Amazon|TikTok Shop|Temu} {product|app} "
    "{review|rating} {work|tasks}. {Pay|Salary} {is|:} {$150|$220} {daily|a day}. <link>",
    "{Part time|Flexible} {job|role}: {60-90|30-60} {min|minutes} {a day|daily}, {from home|on your phone}, "
    "{$1,000+|$2,500} {weekly|a week}. {Ask|Contact} {me|<name>} {here|at} <link>",
    "{Good news|Congrats}! {HR|Our HR} {picked|chose} {you|your profile} {for|to} {a|an} {online|remote} {assistant|tasker} "
    "{role|position}. {Start|Onboard} {today|tomorrow} {via|at} <link>",
], Spinner(syn=0.2, sms=0.1, fillers=0.15, emoji=0.3, punct=0.3, case=0.1, pool=("💼", "✅", "💵", "📲")),
    fresh=lambda r: {"link": short_link(r), "name": r.choice(FIRST)})

# 5. Spin, no contact at all: a loan pitch whose way back is the reply.
campaign("loan_nocontact", [
    "{Approved|Pre-approved}: {you|u} {qualify|are eligible} for {up to|as much as} {$5,000|$3,500|$8,000} {today|tonight}, "
    "{bad credit ok|no credit check}. Reply YES {to|and we} {accept|release the funds}",
    "{Still|Are you still} {behind|late} on {rent|bills|your car note}? {We|I} {can|could} {deposit|send} {$1,500|$2,000} "
    "{by|before} {tomorrow|Friday}. {Just|Simply} reply {here|back} {to|and I'll} {start|begin}",
    "{Your|The} {loan|cash advance} {request|application} {is|was} {ready|approved} {for|to} {release|payout}. "
    "{Confirm|Text back} {your|ur} {amount|name} {to|and we} {send|wire} {it|the money} {today|now}",
    "{Hey|Hi} {there|friend}, {need|short on} {cash|money} {before|till} {payday|the 1st}? {Same day|Instant} {approval|deposit}, "
    "{any|all} {credit|scores} {ok|welcome}. {Reply|Answer} {YES|1}",
], Spinner(syn=0.25, sms=0.4, fillers=0.2, emoji=0.2, punct=0.3, case=0.15, pool=("💵", "✅", "👍", "🙌")))

# 6. Medium spin + SMS-speak, one phone number per spammer: fake subscription renewal.
campaign("subscription_phone", [
    "{Your|Ur} {Norton|McAfee|Geek Squad} {subscription|plan} {renewed|was renewed} {today|automatically} for {$399.99|$489.00}. "
    "{Not you|Didn't approve this}? {Call|Ring} <phone>",
    "{Apple|PayPal} {invoice|receipt}: {your|ur} {order|charge} of {$749.99|$1,289.00} {is|was} {approved|processed}. "
    "{To cancel|For a refund} {call|phone} <phone> {within|in} {24h|24 hours}",
    "{Amazon|Walmart+} {Prime|membership} {annual|yearly} {renewal|charge} {of|:} {$139|$219.99} {will post|posts} {tonight|today}. "
    "{Please|To stop it} {call|ring} <phone>",
    "{Your|Ur} {Netflix|Disney+} {account|membership} {will be|is} {suspended|paused}, {payment|billing} {failed|declined}. "
    "{Please|Pls} {call|phone} <phone> {today|now}",
], Spinner(syn=0.2, sms=0.45, emoji=0.15, punct=0.3, case=0.2, pool=("⚠️", "❗", "📞", "🔔")),
    fixed=lambda r: {"phone": phone(r)})

# 7. Heavy spin + a new look-alike domain per copy: bank and wallet account notices.
campaign("account_newdomain", [
    "{Chase|Wells Fargo|BofA|PayPal} {alert|security alert}: {unusual|suspicious} {sign-in|login} {from|in} {Lagos|a new device|Ohio}. "
    "{Your|Ur} {account|card} {is|has been} {locked|restricted|limited}. {Verify|Restore} {now|access}: <link>",
    "{Dear|Hi} {customer|user}, {we|our team} {noticed|detected} {a|an} {$1,240|$980|$2,300} {Zelle|wire} {transfer|payment} "
    "{to|for} {J. Miller|R. Khan}. {Not you|Didn't send it}? {Stop|Cancel} {it|the transfer} {here|at} <link>",
    "{Coinbase|Binance|MetaMask}: {your|ur} {wallet|account} {needs|requires} {re-verification|KYC} {by|before} "
    "{Friday|tonight}. {Avoid|Prevent} {a|the} {freeze|suspension}: <link>",
    "{IRS|HMRC}: {you|u} {are|r} {owed|due} {a|an} {refund|rebate} {of|for} {$812.40|£326.11}. {Submit|Confirm} {your|ur} "
    "{details|bank info} {to|and} {receive|get} {it|the payment}: <link>",
], Spinner(syn=0.35, sms=0.15, fillers=0.2, emoji=0.2, punct=0.45, case=0.3, pool=("⚠️", "🔒", "❗", "🚨")),
    fresh=lambda r: {"link": lookalike(r, ["chase", "wellsfargo", "bofa", "paypal", "coinbase", "irs", "zelle"])})

# 8. Short texts (40-70 characters) with spin: an unpaid toll, a prize, a plain ping.
campaign("short_spin", [
    "{E-ZPass|SunPass|FasTrak}: unpaid toll {$4.15|$6.99}, pay {today|now}: <link>",
    "{u|you} {won|got} {a|1} {free|FREE} {gift|reward}! {claim|grab} {it|now} <link>",
    "{Your|Ur} {order|parcel} is {held|on hold}. {Fix|Update} {address|info}: <link>",
    "{hey|hi} {is this|r u} <name>? {we|I} {got|have} {ur|your} {tax refund|refund check} {here|ready}",
    "{Last|Final} {chance|call}: {$200|$500} {cash|bonus} {waiting|pending} 4 u <link>",
], Spinner(syn=0.2, sms=0.3, emoji=0.3, punct=0.3, case=0.2, pool=("🎁", "💸", "⚠️", "👀")),
    fixed=lambda r: {"link": short_link(r)}, fresh=lambda r: {"name": r.choice(FIRST)}, min_len=40, max_len=72)


# ---------------------------------------------------------------- examples


def examples(name: str, k: int = 5, seed: int = 7) -> list[str]:
    """``k`` copies of a family, as one spammer of it would send them (parts joined by ' || ')."""
    rng = random.Random(f"examples:{name}:{seed}")
    gen = FAMILIES[name](rng)
    return [" || ".join(gen(rng, i).parts) for i in range(k)]


if __name__ == "__main__":
    for fam_name in sys.argv[1:] or FAMILIES:
        print(f"## {fam_name}")
        for copy in examples(fam_name):
            print(f"- ({len(copy)}) {copy}")
        print()
