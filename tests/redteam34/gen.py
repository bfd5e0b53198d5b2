"""Round 34: the issue's second campaign simulation on the SMS Spam Collection, written blind.

Each spam sender starts from a real corpus spam text and keeps the corpus's own ways back
(premium numbers, shortcodes with a keyword, .co.uk / .com sites, "reply STOP", claim codes,
PO boxes, "£1000 prize"), re-written with fresh values and spelt as a 2026 spammer would to
get past a filter that has read the same corpus. Deterministic per seed: every choice comes
from a random.Random seeded by strings, never from hash().
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS_PATHS = (ROOT.parent / "shared" / "data" / "sms_spam_collection.tsv",
                Path("/work/shared/data/sms_spam_collection.tsv"))
MAX_CHARS = 140


def corpus_path() -> Path | None:
    for p in CORPUS_PATHS:
        if p.is_file():
            return p
    return None


def load_corpus() -> tuple[list[str], list[str]] | None:
    """(spam, ham) texts, or None when the corpus is absent (callers skip)."""
    p = corpus_path()
    if p is None:
        return None
    spam, ham = [], []
    for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
        label, _, text = line.partition("\t")
        if label == "spam":
            spam.append(text.strip())
        elif label == "ham":
            ham.append(text.strip())
    return spam, ham


def stable(s: str) -> int:
    return int.from_bytes(hashlib.sha256(s.encode()).digest()[:8], "big")


NAMES = ("Amy", "Ben", "Chloe", "Dan", "Ella", "Finn", "Grace", "Harry", "Isla", "Jack", "Kate",
         "Liam", "Mia", "Noah", "Olivia", "Priya", "Quinn", "Ravi", "Sophie", "Tom", "Uma",
         "Vik", "Wendy", "Xav", "Yasmin", "Zoe", "Aisha", "Callum", "Deepa", "Ewan", "Fatima",
         "Gareth", "Hannah", "Imran", "Jess", "Kieran", "Lucy", "Mo", "Niamh", "Owen")

# ---- the corpus's ways back, found in its texts (the generator's own reading) ----------------

RX = {
    "premium": re.compile(r"\b0[89]\d[\d ]{7,10}\d\b"),
    "shortcode": re.compile(r"\b(?:txt|text|send|reply)\b[^.!?]{0,25}?\b[6-8]\d{4}\b", re.I),
    "site": re.compile(r"(?:https?://)?(?:www\.\s?)?(?:[\w-]+\.\s?)+(?:co\.uk|com|net|biz|tv)\S*", re.I),
    "stop": re.compile(r"\b(?:reply|txt|text|send)?\s*stop\b\S*", re.I),
    "claimcode": re.compile(r"\b(?:claim|prize|bonus|quote|ref)\W{0,3}(?:code|no)\b\W*\w*", re.I),
    "pobox": re.compile(r"\bp\.?o\.?\s?box\s?\w+(?:[ ,]+[A-Z0-9]{2,4}\s?[0-9][A-Z]{2})?", re.I),
    "prize": re.compile(r"£\s?[\d,]+(?:\.\d\d)?(?:\s?(?:cash|prize|pounds?))?", re.I),
}
STRIP = re.compile(r"\b\d{5,}\b|\b\d+p(?:pm|/min|/msg)?\b|\b\w*@\w+|\bT&Cs?\S*|\b18\+|"
                   r"\bcall\s*$|\bto\s*$", re.I)
WAY_ORDER = ("premium", "shortcode", "site", "pobox", "claimcode", "stop", "prize")


def ways_in(text: str) -> list[str]:
    return [w for w in WAY_ORDER if RX[w].search(text)]


def lure_of(text: str) -> str:
    for w in WAY_ORDER:
        if w != "prize":
            text = RX[w].sub(" ", text)
    text = STRIP.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .,:;-!")
    return text


# ---- spellings a 2026 spammer gives each way back ----------------------------------------------

DIGIT_WORDS = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
LEET = {"0": "O", "1": "l", "5": "S", "8": "B", "2": "Z", "6": "b"}
KEYCAP = {d: d + "\ufe0f\u20e3" for d in "0123456789"}
FULLWIDTH = {d: chr(0xFF10 + int(d)) for d in "0123456789"}


def _groups(d: str, sizes: tuple[int, ...]) -> list[str]:
    out, i = [], 0
    for s in sizes:
        out.append(d[i:i + s])
        i += s
    if i < len(d):
        out[-1] += d[i:]
    return [g for g in out if g]


def number_spellings(d: str, verb: str) -> dict[str, str]:
    """d: 11 digits such as 09061701461. Each spelling says 'call this number'."""
    g = _groups(d, (5, 3, 3))
    return {
        "grouped": f"{verb} {' '.join(g)}",
        "dotted": f"{verb} {d[:4]}.{d[4:7]}.{d[7:]}",
        "dashed": f"{verb} {d[:4]}-{d[4:7]}-{d[7:9]}-{d[9:]}",
        "slashed": f"{verb} {d[:4]}/{d[4:7]}/{d[7:]}",
        "spaced": f"{verb} {' '.join(d)}",
        "intl": f"{verb} +44 {d[1:4]} {d[4:7]} {d[7:]}",
        "paren": f"{verb} (0){d[1:5]}-{d[5:]}",
        "leet": f"{verb} {''.join(LEET.get(c, c) for c in d)}",
        "leet_grouped": f"{verb} {' '.join(''.join(LEET.get(c, c) for c in x) for x in g)}",
        "words_mixed": f"{verb} {d[:5]} then {d[5:8]} then {d[8:]}",
        "ext_mixed": f"{verb} {d[:4]} (ask for Dave) {d[4:]}",
        "half_words": f"{verb} {d[:4]} {' '.join(DIGIT_WORDS[int(c)] for c in d[4:8])} {d[8:]}",
        "spelt": f"{verb} {' '.join(DIGIT_WORDS[int(c)] for c in d)}",
        "keycap": f"{verb} {''.join(KEYCAP[c] for c in d[:5])} {d[5:]}",
        "fullwidth": f"{verb} {''.join(FULLWIDTH[c] for c in d)}",
        "at_start": f"{d[:5]} {d[5:]} is the line, {verb} it",
        "split_sentences": f"{verb} {d[:5]}. Then dial {d[5:]}.",
        "underscored": f"{verb} {d[:4]}_{d[4:7]}_{d[7:]}",
        "reversed": f"{verb} (read it backwards) {d[::-1]}",
        "plus_joined": f"{verb} {d[:4]}+{d[4:7]}+{d[7:]}",
        "nospace_verb": f"{verb}{d}",
    }


def shortcode_spellings(k: str, c: str) -> dict[str, str]:
    kk = "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(k))
    cw = " ".join(("oh" if ch == "0" else DIGIT_WORDS[int(ch)]) for ch in c)
    return {
        "plain": f"txt {k} to {c}",
        "oddcase_leet": f"txt {kk} to {c.replace('0', 'O')}",
        "dotted_kw": f"text {'.'.join(k)} to {c[:2]} {c[2:]}",
        "quoted_words": f"send '{k.lower()}' 2 {cw}",
        "arrow": f"txt {k}\u27a1\ufe0f{c}",
        "dashed_code": f"text the word {k.lower()} (caps) to {'-'.join(c)}",
        "code_first": f"{c}: txt {k} now",
        "reply_spaced": f"reply {' '.join(k)} to {c[:3]} {c[3:]}",
        "hash_kw": f"txt #{k} to {c[:3]}.{c[3:]}",
        "split_sentence": f"Text {k}. To {c[:3]}. Then {c[3:]}.",
        "kw_after": f"to {c} send {k.lower()}!",
        "fullwidth_code": f"txt {k} to {''.join(FULLWIDTH[ch] for ch in c)}",
    }


def site_spellings(name: str, tld: str) -> dict[str, str]:
    parts = tld.split(".")
    dots = lambda sep: name + sep + sep.join(parts)  # noqa: E731
    return {
        "plain": f"www.{name}.{tld}",
        "dot_words": "www dot " + name + " dot " + " dot ".join(parts),
        "bracket_dot": dots("[.]"),
        "paren_dot": dots(" (dot) "),
        "spaced_letters": "w w w . " + name + " . " + " . ".join(parts),
        "camel": name.capitalize() + "." + ".".join(p.capitalize() for p in parts),
        "ideographic": dots("\u3002"),
        "space_dot": dots(" "),
        "comma_dot": dots(","),
        "middot": dots("\u00b7"),
        "http_spaced": "h t t p s : / / " + dots(" . "),
        "dotcom_word": name + " dot" + "".join(parts) if tld == "com" else name + " dotcodotuk",
        "google_it": f"google '{name} {' '.join(parts)}'",
        "bracket_word": dots("[dot]"),
        "bullet": dots("\u2022"),
        "dot_space": name + ". " + ". ".join(parts),
        "hyphen_name": f"{name[:4]}-{name[4:]}.{tld}",
    }


def stop_spellings() -> dict[str, str]:
    return {
        "plain": "reply STOP to end",
        "oddcase": "rEpLy StOp 2 end",
        "dotted": "reply S.T.O.P",
        "zero": "rply ST0P to opt out",
        "quoted": "to opt out send 'Stop'",
        "arrow": "STOP\u27a1\ufe0freply",
        "hyphen": "Reply-STOP=unsub",
        "spaced": "reply s t o p",
    }


def claim_spellings(code: str) -> dict[str, str]:
    return {
        "plain": f"claim code {code}",
        "colon_dash": f"claim c0de: {code[:2]}-{code[2:]}",
        "ref_hash": f"Ref# {code.lower()}",
        "dotted_word": f"quote c.o.d.e {code}",
        "spaced": f"your code is {' '.join(code)}",
        "k_spelling": f"claim kode {code}",
        "equals": f"CLAIM-CODE={code}",
        "code_first": f"{code} is ur claim code",
    }


def pobox_spellings(box: str, pc: str) -> dict[str, str]:
    a, b = pc.split()
    return {
        "plain": f"PO Box {box} {pc}",
        "dotted_zero": f"P.O. B0x {box[:2]} {box[2:]}, {a}{b}",
        "joined": f"pobox{box} ldn {pc.lower()}",
        "words": f"P O Box {'-'.join(DIGIT_WORDS[int(c)] for c in box)}",
        "box_first": f"Box {box} (P.O.) {a}-{b}",
        "abbrev": f"PO Bx {box}/{a}{b}",
        "pob": f"p.o.b. {box} {pc}",
    }


def prize_spellings(amount: int) -> dict[str, str]:
    s = str(amount)
    return {
        "plain": f"£{s} prize",
        "comma": f"£{amount:,} cash",
        "k": f"£{amount // 1000}k" if amount >= 1000 else f"£{s} award",
        "gbp_leet": f"{s.replace('0', 'O')} GBP",
        "spaced": "£ " + " ".join(s),
        "quid": f"{s} quid",
        "euro_dot": f"GBP{amount // 1000}.{s[-3:]}" if amount >= 1000 else f"GBP {s}",
        "oo": f"£{s[0]}{s[1:].replace('0', 'o')}",
    }


# The probe's ways back: fixed values, every spelling.
def all_spellings(rng: random.Random | None = None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for verb, num in (("call", "09067143388"), ("ring", "08712403917"), ("ring", "08009414167")):
        kind = {"09": "premium", "08": "national"}[num[:2]] if num[:4] != "0800" else "freephone"
        out += [(f"{kind}/{k}", v) for k, v in number_spellings(num, verb).items()]
    out += [(f"shortcode/{k}", v) for k, v in shortcode_spellings("WIN", "80086").items()]
    out += [(f"shortcode2/{k}", v) for k, v in shortcode_spellings("GOLD", "69912").items()]
    out += [(f"site_couk/{k}", v) for k, v in site_spellings("luckyprizehub", "co.uk").items()]
    out += [(f"site_com/{k}", v) for k, v in site_spellings("txtwinnerz", "com").items()]
    out += [(f"stop/{k}", v) for k, v in stop_spellings().items()]
    out += [(f"claimcode/{k}", v) for k, v in claim_spellings("X7K2Q").items()]
    out += [(f"pobox/{k}", v) for k, v in pobox_spellings("4217", "W1J 6HL").items()]
    out += [(f"prize/{k}", v) for k, v in prize_spellings(1000).items()]
    return out


# ---- spinning: synonym sets, fillers, reordering, typos, emoji, a rewrite per copy -------------

SYN = [
    ("won", "bagged", "scored", "landed", "been picked for", "secured"),
    ("win", "grab", "score", "bag", "land", "pick up"),
    ("prize", "reward", "award", "jackpot", "payout", "gift"),
    ("claim", "collect", "redeem", "pick up", "unlock", "get"),
    ("call", "ring", "phone", "dial", "give a bell to"),
    ("free", "complimentary", "no-cost", "on the house", "zero-cost"),
    ("urgent", "important", "time-sensitive", "pressing", "priority"),
    ("congratulations", "congrats", "great news", "well done", "amazing news"),
    ("now", "today", "asap", "right away", "straight away", "this minute"),
    ("guaranteed", "assured", "confirmed", "certain", "locked in"),
    ("cash", "money", "funds", "dosh", "pounds"),
    ("mobile", "phone", "handset", "cell", "device"),
    ("txt", "text", "message", "sms", "send"),
    ("draw", "raffle", "lottery", "sweepstake", "ballot"),
    ("latest", "newest", "brand-new", "most recent", "up-to-date"),
    ("offer", "deal", "promo", "special", "bargain"),
    ("customer", "client", "user", "member", "subscriber"),
    ("selected", "chosen", "picked", "shortlisted", "drawn"),
    ("entry", "ticket", "spot", "place", "chance"),
    ("weekly", "every week", "wkly", "each week"),
    ("contact", "reach", "get hold of", "get in touch with"),
    ("attempt", "try", "go"),
    ("you", "u", "ya", "you"),
    ("your", "ur", "yr", "your"),
    ("to", "2", "to"),
    ("for", "4", "for"),
]
SYN_MAP = {}
for _set in SYN:
    for _w in _set:
        SYN_MAP.setdefault(_w, _set)
FILLERS = ("honestly", "just so you know", "btw", "fyi", "no joke", "seriously", "quick one",
           "heads up", "genuinely", "for real", "literally", "as promised", "good news",
           "don't miss this", "only today", "trust me", "no catch", "believe it or not")
OPENERS = ("Quick heads-up:", "Hope you're well!", "Following up on this -", "Hey there,",
           "Good news!", "Just a reminder:", "Great news for you:", "Psst,", "FYI:",
           "Hello again!", "Sorry to bother you, but", "Important update:", "Hi!")
CLOSERS = ("Don't miss out!", "Act fast.", "Limited time only.", "Thanks!", "Cheers.",
           "Good luck!", "Speak soon.", "Offer ends tonight.", "Hurry!", "xx", "Enjoy!")
EMOJI = ("🎉", "💰", "🔥", "✅", "🎁", "👉", "⭐", "🏆", "📱", "😊", "💸", "🤑", "‼️")
REWRITES = (  # a language model's paraphrase frames of the pitch
    "{p}",
    "We're pleased to tell you that {p}",
    "Our records show {p}",
    "Just letting you know {p}",
    "As a valued member, {p}",
    "Good afternoon! {p}",
    "This is a friendly reminder that {p}",
    "You might not believe it, but {p}",
    "Following our recent draw, {p}",
    "In case you missed it: {p}",
)
SIGNATURES = ("- Claire, Rewards Team", "~ Team PrizeDesk", "Regards, Mark (Claims)",
              "-- UK Awards Office", "Best, Jen x", "- The Promo Crew", "Cheers, Dave @ HQ")


def _typo(w: str, rng: random.Random) -> str:
    if len(w) < 4 or not w.isalpha():
        return w
    i = rng.randrange(1, len(w) - 2)
    r = rng.random()
    if r < 0.4:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if r < 0.7:
        return w[:i] + w[i + 1:]
    return w[:i] + w[i] + w[i:]


def spin_words(text: str, rng: random.Random, level: float) -> str:
    out = []
    for tok in text.split():
        core = tok.strip(".,!?:;").lower()
        tail = tok[len(tok.rstrip(".,!?:;")):]
        if core in SYN_MAP and rng.random() < 0.5 + 0.4 * level:
            out.append(rng.choice(SYN_MAP[core]) + tail)
            continue
        if rng.random() < 0.12 * level and core not in ("£",) and not any(c.isdigit() for c in tok):
            continue  # dropped
        if rng.random() < 0.07 * level:
            tok = _typo(tok, rng)
        if rng.random() < 0.2 * level:
            tok = tok.lower() if rng.random() < 0.5 else tok.upper()
        out.append(tok)
        if rng.random() < 0.06 * level:
            out.append(rng.choice(FILLERS) + ",")
        if rng.random() < 0.04 * level:
            out.append(rng.choice(EMOJI))
    return " ".join(out)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def spin(text: str, rng: random.Random, level: float = 1.0) -> str:
    ss = sentences(text)
    if len(ss) > 1 and rng.random() < 0.6 * level:
        rng.shuffle(ss)
    body = spin_words(" ".join(ss), rng, level)
    if rng.random() < 0.7 * level:
        body = rng.choice(REWRITES).format(p=body[:1].lower() + body[1:] if body else body)
    if rng.random() < 0.5 * level:
        body = rng.choice(OPENERS) + " " + body
    if rng.random() < 0.4 * level:
        body = body + " " + rng.choice(CLOSERS)
    if rng.random() < 0.5 * level:
        e = rng.choice(EMOJI)
        body = e + " " + body if rng.random() < 0.5 else body + " " + e
    return body


# ---- campaigns -------------------------------------------------------------------------------

SITE_WORDS = ("prize", "win", "claim", "lucky", "txt", "mob", "tone", "award", "cash", "gift",
              "uk", "hub", "zone", "club", "direct", "deals", "now", "box", "pro", "365")
KEYWORDS = ("WIN", "GOLD", "PRIZE", "CLAIM", "CASH", "TONES", "GO", "YES", "LUCKY", "BONUS",
            "MUSIC", "DRAW", "SPIN", "VIP", "FREE", "JACKPOT")
POSTCODES = ("W1J 6HL", "SW7 3SS", "EC2A 4BX", "M60 2LA", "N17 9PL", "BS1 4DJ", "LS1 3ED",
             "WC1N 3XX", "G2 8DU", "CF10 1EP")
SHORT_LURES = ("u won!", "ur prize waits", "urgent, claim", "winner!", "final notice",
               "2nd attempt", "u r selected", "cash 4 u", "ur reward", "last chance",
               "claim now", "todays winner", "prize alert", "gift 4 u", "act now")


@dataclass
class Way:
    kind: str
    value: dict = field(default_factory=dict)
    spellings: list[str] = field(default_factory=list)

    def render(self, rng: random.Random, spelling: str | None = None) -> tuple[str, str]:
        s = spelling or rng.choice(self.spellings)
        v = self.value
        if self.kind == "premium":
            return number_spellings(v["num"], v["verb"])[s], s
        if self.kind == "shortcode":
            return shortcode_spellings(v["kw"], v["code"])[s], s
        if self.kind == "site":
            return site_spellings(v["name"], v["tld"])[s], s
        if self.kind == "stop":
            return stop_spellings()[s], s
        if self.kind == "claimcode":  # a fresh code per copy, as the corpus's claim codes
            code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(5))
            return claim_spellings(code)[s], s
        if self.kind == "pobox":
            return pobox_spellings(v["box"], v["pc"])[s], s
        return prize_spellings(v["amount"])[s], s


def _spelling_names(kind: str) -> list[str]:
    probe = {"premium": number_spellings("09000000000", "call"),
             "shortcode": shortcode_spellings("WIN", "80086"),
             "site": site_spellings("abcdefgh", "co.uk"), "stop": stop_spellings(),
             "claimcode": claim_spellings("ABCDE"), "pobox": pobox_spellings("1234", "W1 1AA"),
             "prize": prize_spellings(1000)}[kind]
    return [k for k in probe if k != "plain"]


def make_way(kind: str, rng: random.Random, n_spellings: int) -> Way:
    names = _spelling_names(kind)
    spellings = rng.sample(names, min(len(names), n_spellings))
    if kind == "premium":
        pre = rng.choice(("0906", "0907", "0905", "0871", "0870", "0909", "0800"))
        v = {"num": pre + "".join(str(rng.randrange(10)) for _ in range(7)),
             "verb": rng.choice(("call", "ring", "dial", "phone", "call now on"))}
    elif kind == "shortcode":
        v = {"kw": rng.choice(KEYWORDS), "code": str(rng.choice((6, 8))) + "".join(
            str(rng.randrange(10)) for _ in range(4))}
    elif kind == "site":
        v = {"name": "".join(rng.sample(SITE_WORDS, 2)) + str(rng.randrange(10, 99)),
             "tld": rng.choice(("co.uk", "co.uk", "com"))}
    elif kind == "pobox":
        v = {"box": str(rng.randrange(1000, 9999)), "pc": rng.choice(POSTCODES)}
    elif kind == "prize":
        v = {"amount": rng.choice((500, 750, 1000, 1450, 2000, 3000, 5000))}
    else:
        v = {}
    return Way(kind, v, spellings)


def _fit(parts_before: list[str], lure: str, parts_after: list[str], limit: int = MAX_CHARS) -> str:
    fixed = " ".join(p for p in parts_before + parts_after if p)
    room = limit - len(fixed) - 2
    words = lure.split()
    while words and len(" ".join(words)) > room:
        words.pop()
    mid = " ".join(words)
    text = " ".join(p for p in [*parts_before, mid, *parts_after] if p)
    return text[:limit]


def alnum(s: str) -> int:
    return sum(c.isalnum() for c in s)


class Campaign:
    """One spam sender's campaign: its base texts, its ways back and how it spells them."""

    def __init__(self, rng: random.Random, spam: list[str], k_templates: int = 1,
                 n_spellings: int = 1) -> None:
        self.rng = rng
        usable = [t for t in spam if ways_in(t) and len(lure_of(t)) >= 30]
        self.bases = rng.sample(usable, min(k_templates, len(usable)))
        self.lures = [lure_of(b) for b in self.bases]
        kinds: list[str] = []
        for b in self.bases:
            for w in ways_in(b):
                if w not in kinds:
                    kinds.append(w)
        # every campaign keeps a contact way back (a number, a shortcode or a site)
        if not any(k in kinds for k in ("premium", "shortcode", "site")):
            kinds.insert(0, rng.choice(("premium", "shortcode", "site")))
        self.ways = {k: make_way(k, rng, n_spellings) for k in kinds}
        self.base_kinds = [[w for w in ways_in(b) if w in self.ways] or [kinds[0]]
                           for b in self.bases]
        self.sig = rng.choice(SIGNATURES)
        self.last_styles: list[str] = []

    def _ways_for(self, t: int, spelling_fixed: bool) -> tuple[list[str], list[str]]:
        """The rendered ways back for template t (a contact first, at most 2 others)."""
        kinds = self.base_kinds[t]
        contact = [k for k in kinds if k in ("premium", "shortcode", "site")]
        if not contact:
            contact = [k for k in self.ways if k in ("premium", "shortcode", "site")][:1]
        rest = [k for k in kinds if k not in contact][:2]
        chosen = contact[:1] + rest
        texts, styles = [], []
        for k in chosen:
            way = self.ways[k]
            txt, s = way.render(self.rng, way.spellings[0] if spelling_fixed else None)
            texts.append(txt)
            styles.append(f"{k}/{s}")
        return texts, styles

    def copy(self, name: str | None, template: int | None = None, spin_level: float = 0.0,
             personal: bool = False, fixed: bool = False) -> str:
        rng = self.rng
        t = rng.randrange(len(self.bases)) if template is None else template % len(self.bases)
        lure = self.lures[t]
        if spin_level:
            lure = spin(lure, rng, spin_level)
        ways, self.last_styles = self._ways_for(t, fixed)
        if rng.random() < 0.3 and len(ways) > 1:
            rng.shuffle(ways)
        before, after = [], []
        if personal and name:
            before.append(rng.choice((f"Hi {name},", f"{name}!", f"Dear {name},",
                                      f"Hey {name} -", f"{name.upper()}:")))
        if rng.random() < 0.25 and ways:  # the way back moved to the start
            before.append(ways.pop(0) + ".")
        after += ways
        if personal:
            after.append(f"Ref {rng.randrange(100, 999)}{rng.choice('ABCDEFGHKLMNPRSTXZ')}")
            after.append(self.sig)
        text = _fit(before, lure, after)
        return text

    def split(self, name: str | None, spin_level: float = 0.6) -> list[str]:
        """One message in 2 or 3 parts; a number may be cut across two of them."""
        rng = self.rng
        t = rng.randrange(len(self.bases))
        lure = spin(self.lures[t], rng, spin_level)
        ways, self.last_styles = self._ways_for(t, False)
        greet = f"Hi {name}," if name and rng.random() < 0.5 else ""
        words = lure.split()
        if rng.random() < 0.5 or len(words) < 8:
            p1 = _fit([greet], " ".join(words), ["(1/2)"])
            p2 = _fit([], "", ways)
            return [p1, p2]
        cut = len(words) // 2
        p1 = _fit([greet], " ".join(words[:cut]), ["..."])
        w0 = ways[0]
        m = len(w0) // 2
        p2 = _fit([], " ".join(words[cut:]), [w0[:m]])
        p3 = _fit([], "", [w0[m:], *ways[1:]])
        return [p1, p2, p3]

    def short(self, name: str | None) -> str:
        """Under 32 letters and digits, each copy different."""
        rng = self.rng
        contact = next(k for k in self.ways if k in ("premium", "shortcode", "site"))
        way = self.ways[contact]
        for _ in range(40):
            w, s = way.render(rng)
            bits = [rng.choice(SHORT_LURES)]
            if name and rng.random() < 0.4:
                bits.insert(0, name + ",")
            if rng.random() < 0.5:
                bits.append(rng.choice(EMOJI))
            bits.insert(rng.randrange(len(bits) + 1), w)
            text = " ".join(bits)
            if alnum(text) < 32 and len(text) <= MAX_CHARS:
                self.last_styles = [f"{contact}/{s}"]
                return text
        fallback = {"premium": "grouped"}.get(contact, "plain")
        w, s = way.render(rng, fallback)
        self.last_styles = [f"{contact}/{s}"]
        return w


# ---- ordinary users' own texts -----------------------------------------------------------------

OWN_HAM = (
    "my new number is {mob}, old one's dead. save it!",
    "call me on {mob} when you're outside",
    "the booking ref is {ref}, table for 4 at 7.30",
    "here's the link for saturday: {site}",
    "wifi password is {ref}{n}",
    "meet at gate {n}, train leaves 14.{n}0",
    "did you see this? {site} lol",
    "can you send me the £{n}0 for the tickets? sort code 20-{n}0-{n}1",
    "won £{n} on the quiz machine haha drinks on me",
    "parcel tracking code {ref}, should arrive tomorrow",
    "I'm at flat {n}, {pc}, buzz twice",
    "mum's landline is 0161 {n}{n}4 {n}{n}20 if you need her",
    "stop texting me memes during the meeting 😂",
    "reply when you can, no rush x",
    "text me when you get home safe",
    "free tonight? thinking pizza and a film",
    "congrats on the new job!! so proud of you 🎉",
    "the dentist is 020 7946 0{n}{n}{n}, they close at 5",
)
FRIEND_SITES = ("bbc.co.uk/news", "youtu.be/dQw4w9WgXcQ", "www.rightmove.co.uk/properties/1",
                "maps.app.goo.gl/xyz12", "amazon.co.uk/dp/B0C1", "docs.google.com/doc1")


def own_ham(rng: random.Random) -> str:
    t = rng.choice(OWN_HAM)
    return t.format(mob="07" + "".join(str(rng.randrange(10)) for _ in range(3)) + " " +
                    "".join(str(rng.randrange(10)) for _ in range(6)),
                    ref="".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
                    site=rng.choice(FRIEND_SITES), n=rng.randrange(1, 9),
                    pc=rng.choice(POSTCODES))


ORDINARY_WORDS = (
    "lunch", "weather", "train", "garden", "kettle", "sunday", "walk", "dog", "cinema",
    "shopping", "football", "coffee", "rain", "weekend", "holiday", "kitchen", "car", "work",
    "office", "bus", "dinner", "pasta", "birthday", "cake", "school", "book", "music", "sofa",
    "window", "jumper", "beach", "park", "bike", "tea", "bread", "sister", "brother", "match",
    "film", "late", "early", "tomorrow", "tonight", "maybe", "really", "pretty", "nice", "busy",
    "tired", "quick", "long", "funny", "cold", "warm", "lovely", "still", "again", "soon",
)


def ordinary_salad(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(ORDINARY_WORDS) for _ in range(n))
