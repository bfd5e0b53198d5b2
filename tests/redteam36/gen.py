"""Round 36 campaign generators (blind: written from README, docs/spam.md, docs/python.md
and rules/default.toml only).  Every family is built from the SMS Spam Collection's own
spam texts; each copy keeps a real payload (a number, a link, a keyword to reply, a handle
on another app, or "answer here with ...").

Two payload modes:
  blind : the call to action is spelt at random from a bank a docs-reader would write.
  recon : the attacker runs the public engine locally (pip install) and keeps only the
          copies a fresh engine does not read as a way back / promotion (`Oracle`).
"""
from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "sms_spam_collection.tsv"
MAXLEN = 140


def load_corpus(path=CORPUS):
    """(spam, ham) texts of the SMS Spam Collection; ([], []) where the file is absent."""
    spam, ham = [], []
    if not Path(path).is_file():
        return spam, ham
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if "\t" not in line:
                continue
            label, text = line.rstrip("\n").split("\t", 1)
            if label == "spam":
                spam.append(text.strip())
            elif label == "ham":
                ham.append(text.strip())
    return spam, ham


SPAM, HAM = load_corpus()

# --------------------------------------------------------------------------- payloads
PHONE_RE = re.compile(r"\b0\d{9,10}\b|\b0\d{3,4}[ -]\d{3}[ -]?\d{3,4}\b")
URL_RE = re.compile(r"\b(?:https?://)?(?:www\.)?([a-z0-9-]+)\.((?:co\.uk|com|net|biz|org|tv|mobi))(?:/\S*)?", re.I)
SC_RE = re.compile(r"\b(?:txt|text|send|reply)\s+(?:the word\s+)?([A-Z]{2,10})\s+(?:to|2)\s+(\d{5})\b", re.I)
CODE_RE = re.compile(r"\b\d{5}\b")

BRANDS = ["getzed", "urawinner", "txttowin", "ringtoneking", "luxbox943", "prize4u", "smszone", "bigwinuk",
          "dbuknet", "tonez4u", "freefonehub", "hotdate4u"]
HANDLES = ["miatreats", "lilyxvip", "jadecandy", "rubyluxe", "tashaboo", "ellabellz", "winbotuk",
           "prizedesk", "zedtones", "luxboxuk", "cashqueen", "chloebabe"]
APPS_OFF = ["tiktok", "the ghost app", "the yellow one", "OF", "kik", "tele", "the blue bird app",
            "threads", "the ghost", "vinted", "depop", "twitch"]


def _strip_rest(core):
    core = SC_RE.sub("", core)
    core = URL_RE.sub("", core)
    core = PHONE_RE.sub("", core)
    core = re.sub(r"\b\d{4,}\b", "", core)
    core = re.sub(r"\b(?:txt|text|send|reply)\s+[A-Z]{2,10}\b(?:\s+(?:to|2))?", "", core)
    return re.sub(r"\s+", " ", core).strip()


def extract_payload(text):
    core, p = _extract(text)
    return _strip_rest(core), p


def _extract(text):
    """-> (core text without its contact, payload dict)."""
    m = SC_RE.search(text)
    if m:
        core = (text[:m.start()] + text[m.end():])
        return core, {"kind": "sc", "kw": m.group(1).upper(), "code": m.group(2)}
    m = URL_RE.search(text)
    if m:
        core = text[:m.start()] + text[m.end():]
        return core, {"kind": "url", "name": m.group(1).lower(), "tld": m.group(2).lower()}
    m = PHONE_RE.search(text)
    if m:
        core = text[:m.start()] + text[m.end():]
        return core, {"kind": "phone", "num": re.sub(r"\D", "", m.group(0))}
    return text, {"kind": "dm"}


DIGW = "zero one two three four five six seven eight nine".split()
DIGW_OH = ["oh", *DIGW[1:]]
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()


def cardinal(n):
    if n < 10:
        return DIGW[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + DIGW[n % 10])
    if n < 1000:
        rest = n % 100
        return DIGW[n // 100] + " hundred" + ("" if rest == 0 else " and " + cardinal(rest))
    if n < 1_000_000:
        rest = n % 1000
        return cardinal(n // 1000) + " thousand" + ("" if rest == 0 else " " + cardinal(rest))
    return " ".join(DIGW[int(c)] for c in str(n))


def groups(num, rng):
    cuts = rng.choice([(4, 3), (5, 3), (4, 4), (3, 4), (5, 2)])
    out, i = [], 0
    for c in cuts:
        out.append(num[i:i + c])
        i += c
    out.append(num[i:])
    return [g for g in out if g]


KEYCAP = {str(i): f"{i}\ufe0f\u20e3" for i in range(10)}
SEPS_EMOJI = ["❤", "🔴", "✨", "💋", "🌸", "⭐", "🍒"]
DOT_UNREAD_GUESS = ["+", "|", "~", "—", "..", "❤", "🔴", "period", "full stop", "d0t", "٫", "⁘", "💋", "✨"]
DOT_BLIND = ["dot", "[.]", "(.)", "·", "•", ",", "_", "/", "dotcom", "døt", "point", "(dot)", *DOT_UNREAD_GUESS]


def spell_phone(num, rng, k=None):
    g = groups(num, rng)
    k = rng.randrange(14) if k is None else k
    if k == 0:
        return num
    if k == 1:
        return " ".join(g)
    if k == 2:
        return "-".join(g)
    if k == 3:
        return " ".join(rng.choice([DIGW, DIGW_OH])[int(c)] for c in num)
    if k == 4:
        return " then ".join(g)
    if k == 5:
        sep = rng.choice(SEPS_EMOJI)
        return sep.join(num)
    if k == 6:
        return "".join(KEYCAP[c] for c in num)
    if k == 7:
        return num.replace("0", "O")
    if k == 8:  # cardinal groups with a zero in front ("oh")
        return ", ".join(("oh " if x.startswith("0") else "") + cardinal(int(x)) for x in g)
    if k == 9:  # words between groups
        fill = ["mate", "babe", "ok", "x", "pls", "asap", "hun", "now"]
        return " ".join(itertools.chain.from_iterable((x, rng.choice(fill)) for x in g))[:-1].rstrip()
    if k == 10:  # whole number as a big cardinal, leading zero said
        return "a zero then " + cardinal(int(num[1:7])) + " then " + cardinal(int(num[7:]))
    if k == 11:
        return ".".join(num)
    if k == 12:
        return " ".join(num)
    return g[0] + " " + " ".join(DIGW[int(c)] for c in "".join(g[1:]))


def spell_url(name, tld, rng, k=None, sep=None):
    k = rng.randrange(6) if k is None else k
    parts = tld.split(".")
    if k == 0:
        return f"{name}.{tld}"
    if k == 1:
        sep = sep or rng.choice(DOT_BLIND)
        return f"{name} {sep} " + f" {sep} ".join(parts)
    if k == 2:
        return rng.choice([f"google {name}", f"just search {name} on google", f"look {name} up online",
                           f"type {name} in ur browser", f"find {name} on google"])
    if k == 3:
        return f"go to {name} and put {' '.join(parts)} on the end"
    if k == 4:
        return f"{name}{rng.choice(['❤', '🔴', '✨', '|', '~'])}{parts[0]}"
    return f"{name} " + rng.choice(["Ⓒⓞⓜ", "period com", "full stop com", "d0t c0m"])


def spell_code(code, rng, k=None):
    k = rng.randrange(5) if k is None else k
    if k == 0:
        return code
    if k == 1:
        return " ".join(code)
    if k == 2:
        return " ".join(DIGW[int(c)] for c in code)
    if k == 3:
        return code[:2] + " " + code[2:]
    return rng.choice(SEPS_EMOJI).join(code)


VERB_PHONE = ["call", "ring", "bell", "phone", "give us a call on", "whatsapp", "WA", "text", "dial",
              "hit up", "buzz", "voice note me on", "holla at", "rng", "cal"]
VERB_URL = ["visit", "go to", "check", "head to", "pop over to", "see", "log on to", "try", "have a look at"]


def new_style(rng):
    """'pick' mode: one way of writing the call to action for the whole campaign."""
    return {"phone": rng.randrange(14), "url": rng.randrange(6), "sep": rng.choice(DOT_BLIND),
            "code": rng.randrange(5), "sc": rng.randrange(7)}


def payload_text(p, rng, mode="blind", style=None):
    kind = p["kind"]
    if style:
        if kind == "phone":
            return f"{rng.choice(VERB_PHONE)} {spell_phone(p['num'], rng, style['phone'])}"
        if kind == "url":
            sp = spell_url(p["name"], p["tld"], rng, style["url"], style["sep"])
            return sp if sp.split()[0] in ("google", "just", "look", "type", "find", "go") else f"{rng.choice(VERB_URL)} {sp}"
        if kind == "sc":
            k = style["sc"]
            kw = p["kw"]
            code = spell_code(p["code"], rng, style["code"])
            return [f"text {kw} to {code}", f"reply {kw.lower()}", f"{kw.title()}? reply now", f"send {kw} to {code}",
                    dm_ask(rng), f"msg {kw.lower()} to {code}", f"type {kw.lower()} back here"][k]
        return dm_ask(rng)
    if mode == "reconlink":
        # recon, but only a number or a link a victim types (no handle, no "answer here")
        if kind == "phone" and rng.random() < 0.3:
            return f"{rng.choice(VERB_PHONE)} {spell_phone(p['num'], rng)}"
        if kind == "url":
            return url_ask(p, rng, mode)
        if kind == "sc" and rng.random() < 0.5:
            return f"text {rng.choice([p['kw'], p['kw'].lower()])} to {spell_code(p['code'], rng)}"
        return url_ask({"name": p.get("brand") or rng.choice(HANDLES), "tld": rng.choice(["com", "co.uk", "net"])}, rng, mode)
    if kind == "phone":
        if mode == "recon" and rng.random() < 0.6:
            # the recon attacker also falls back to ways back it found unread
            return rng.choice([dm_ask(rng), handle_ask(rng), url_ask({"name": rng.choice(HANDLES), "tld": "com"}, rng, mode)])
        return f"{rng.choice(VERB_PHONE)} {spell_phone(p['num'], rng)}"
    if kind == "url":
        return url_ask(p, rng, mode)
    if kind == "sc":
        kw = p["kw"]
        k = rng.randrange(7)
        kwv = rng.choice([kw, kw.lower(), kw.title(), " ".join(kw)])
        if k == 0:
            return f"text {kwv} to {spell_code(p['code'], rng)}"
        if k == 1:
            return f"{rng.choice(['reply', 'answer', 'respond with', 'just write', 'hit reply and type', 'send back'])} {kw.lower()}"
        if k == 2:
            return f"{kw.title()}? {rng.choice(['reply now', 'answer here', 'say it back'])}"
        if k == 3:
            return f"send {kwv} to {spell_code(p['code'], rng)}"
        if k == 4:
            return dm_ask(rng)
        if k == 5:
            return f"msg {kwv} to {spell_code(p['code'], rng)}"
        return f"type {kw.lower()} back here"
    if kind == "handle":
        return handle_ask(rng)
    return dm_ask(rng)


def url_ask(p, rng, mode):
    sp = spell_url(p["name"], p["tld"], rng)
    if sp.split()[0] in ("google", "just", "look", "type", "find", "go"):
        return sp
    return f"{rng.choice(VERB_URL)} {sp}"


def dm_ask(rng):
    return rng.choice([
        "msg back ur address and we send it", "tell me ur postcode here and it ships",
        "drop ur email here and i'll send it", "just answer here with ur name n town",
        "answer this with ur full name + postcode", "write back ur house no. and postcode",
        "pop ur address in a reply and its on its way", "reply here w ur addy",
        "send ur email back here to get it", "tell me where to post it",
        "answer with ur name, street and town", "leave ur address in ur reply",
    ])


def handle_ask(rng):
    h = rng.choice(HANDLES)
    app = rng.choice(APPS_OFF)
    return rng.choice([f"find {h} on {app}", f"{app} {h}", f"search {h} on {app}",
                       f"im {h} on {app}", f"my vip page, just search {h}", f"add {h} on {app}"])


# --------------------------------------------------------------------------- paraphrase
SYN = [
    (r"\bcongratulations\b|\bcongrats\b", ["well done", "nice one", "woohoo", "guess what", "big news", "yay"]),
    (r"\byou have won\b|\byou've won\b|\bhas won\b|\bhave won\b|\bwon\b", ["got", "bagged", "landed", "r getting", "picked up", "scored"]),
    (r"\bwinners?\b", ["lucky one", "pick", "chosen one", "top name"]),
    (r"\bprizes?\b", ["reward", "gift", "surprise", "package", "treat", "goodie"]),
    (r"\bclaim\b", ["get", "collect", "pick up", "grab", "sort"]),
    (r"\bfree\b", ["on us", "at no charge", "for nothing", "zero cost", "gratis", "no cost"]),
    (r"\bcash\b", ["money", "dosh", "quid", "funds"]),
    (r"\burgent!?\b", ["important", "time sensitive", "quick one", "heads up"]),
    (r"\bmobile\b", ["phone", "handset", "cell", "fone"]),
    (r"\btxt\b|\btext\b", ["msg", "message", "send", "ping"]),
    (r"\bguaranteed\b", ["for sure", "100%", "sure thing", "certain"]),
    (r"\bawarded\b|\baward\b", ["given", "set aside", "kept"]),
    (r"\bringtones?\b|\btones?\b", ["tune", "song", "track"]),
    (r"\bentry\b", ["spot", "place", "go"]),
    (r"\bdraw\b", ["pick", "selection", "round"]),
    (r"\boffer\b", ["deal", "thing", "chance"]),
    (r"\bcustomer\b", ["user", "member", "person", "friend"]),
    (r"\bselected\b", ["picked", "chosen", "singled out"]),
    (r"\bvouchers?\b", ["credit", "code", "card"]),
    (r"\bbonus\b", ["extra", "top-up", "more"]),
    (r"\bdating\b", ["meeting people", "chatting", "hooking up"]),
    (r"\blatest\b", ["newest", "new", "fresh"]),
    (r"\bsexy\b", ["cheeky", "naughty", "hot"]),
    (r"\bnokia\b", ["phone", "handset"]),
    (r"\bcamcorder\b", ["video cam", "camera"]),
    (r"\bholiday\b", ["trip", "getaway", "break"]),
    (r"\bunsubscribe\b|\bopt out\b|\bstop\b", [""]),
    (r"\bcall\b", ["ring", "buzz", "bell"]),
    (r"\bcompetition\b|\bcomp\b", ["game", "contest thing"]),
    (r"\bchat\b", ["talk", "natter"]),
    (r"\bweekly\b|\bwkly\b", ["every week", "each wk"]),
    (r"\bdelivery\b", ["drop off", "shipping"]),
    (r"\bchristmas\b|\bxmas\b", ["the holidays", "crimbo"]),
    (r"\blucky\b", ["fortunate", "chosen"]),
    (r"\bmin(?:ute)?s?\b", ["mins", "minutes"]),
    (r"\bstatement\b", ["note", "summary"]),
    (r"\baccount\b", ["acct", "profile"]),
]
SYN = [(re.compile(p, re.I), alts) for p, alts in SYN]
MONEY_RE = re.compile(r"[£$]\s?(\d[\d,]*)(?:\.\d\d)?")
JUNK_RE = re.compile(r"\b(?:T&C'?s?|T&Cs?|\d+p\s?/?\s?(?:min|msg|pm|wk)|\d+p\b|\d+\+|18\+|over18'?s|PO ?Box\s?\S+|std txt rate|SAE|cs\b|16\+)[^.!?]*", re.I)
SPEAK = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bare\b", "r"), (r"\bto\b", "2"), (r"\bfor\b", "4"),
         (r"\btonight\b", "2nite"), (r"\bplease\b", "pls"), (r"\bthanks\b", "thx"), (r"\bbecause\b", "coz"),
         (r"\bwith\b", "w"), (r"\bpeople\b", "ppl"), (r"\btomorrow\b", "2moro"), (r"\bbefore\b", "b4")]
UNSPEAK = [(r"\bu\b", "you"), (r"\bur\b", "your"), (r"\br\b", "are"), (r"\b2\b", "to"), (r"\b4\b", "for"),
           (r"\b2nite\b", "tonight"), (r"\bpls\b", "please"), (r"\bur\b", "your"), (r"\bb4\b", "before")]
FILLERS = ["honestly", "fyi", "btw", "no joke", "seriously", "ok so", "listen", "right", "quick one",
           "not gonna lie", "tbh", "oh and", "also", "hey", "sooo", "real talk", "lol", "ngl"]
TAILS = ["x", "xx", ":)", ";)", "!!", "🙂", "😉", "cheers", "ta", "tnx", "asap", "today only", "b quick",
         "dont miss it", "while it lasts", "hurry", "soon as"]


def money(m, rng):
    v = int(m.group(1).replace(",", "") or 0)
    if v >= 1000 and v % 1000 == 0:
        k = v // 1000
        return rng.choice([f"{k}k", f"{k} grand", f"{cardinal(k)} thousand quid", f"{v} quid", f"{k}K pounds"])
    return rng.choice([f"{v} quid", f"{v} pounds", f"{cardinal(v)} pounds" if v < 1000 else f"{v} pounds", f"{v}GBP"])


def sentences(text):
    text = re.sub(r"\s+", " ", text).strip()
    parts = re.split(r"(?<=[.!?])\s+|\.{2,}\s*|\s-\s|,\s(?=[A-Za-z])", text)
    return [p.strip(" .,!-") for p in parts if p and len(p.strip(" .,!-")) > 2]


def paraphrase_sentence(s, rng, speak=None):
    s = JUNK_RE.sub("", s)
    s = MONEY_RE.sub(lambda m: money(m, rng), s)
    for pat, alts in SYN:
        if rng.random() < 0.85:
            s = pat.sub(lambda m, alts=alts: rng.choice(alts), s)
    # active / passive-ish rewrites
    s = re.sub(r"\b(?:u|you) (?:got|bagged|landed|r getting|picked up|scored) (?:a |an )?(.+)",
               lambda m: rng.choice([f"{m.group(1)} is yours", f"we kept {m.group(1)} 4 u", f"u get {m.group(1)}",
                                     f"{m.group(1)} has ur name on it", f"there's {m.group(1)} waiting 4 u"]), s, flags=re.I)
    if speak is None:
        speak = rng.random() < 0.5
    for pat, rep in (SPEAK if speak else UNSPEAK):
        if rng.random() < 0.7:
            s = re.sub(pat, rep, s, flags=re.I)
    s = re.sub(r"\s+", " ", s).strip(" ,.")
    # case
    r = rng.random()
    if r < 0.2:
        s = s.lower()
    elif r < 0.3:
        s = s.upper() if len(s) < 30 else s
    elif r < 0.6 and s:
        s = s[0].upper() + s[1:]
    return s


def paraphrase(core, rng, keep=None):
    sents = [x for x in sentences(core) if x]
    if not sents:
        sents = [core]
    if len(sents) > 2 and rng.random() < 0.5:
        drop = rng.randrange(len(sents))
        sents = sents[:drop] + sents[drop + 1:]
    if len(sents) > 1 and rng.random() < 0.5:
        rng.shuffle(sents)
    speak = rng.random() < 0.5
    out = [paraphrase_sentence(x, rng, speak) for x in sents]
    out = [o for o in out if o]
    if rng.random() < 0.6:
        out.insert(0, rng.choice(FILLERS))
    return out


def assemble(parts, cta, rng, limit=MAXLEN, tail=True):
    """Join the pieces, always keep the call to action, cut the pieces to fit."""
    joiners = [". ", "! ", ", ", " - ", "... ", " / "]
    j = rng.choice(joiners)
    end = " " + rng.choice(TAILS) if tail and rng.random() < 0.6 else ""
    body = list(parts)
    pos = rng.choice(["end", "end", "mid", "start"])
    while True:
        if pos == "start":
            text = cta[0].upper() + cta[1:] + j + j.join(body) + end
        elif pos == "mid" and len(body) > 1:
            text = j.join([*body[:1], cta, *body[1:]]) + end
        else:
            text = j.join([*body, cta]) + end
        text = re.sub(r"\s+", " ", text).strip()
        if len(text) <= limit:
            return text
        if len(body) > 1:
            body.pop(rng.randrange(len(body)))
            continue
        if body and len(body[0]) > 10:
            body[0] = body[0][: max(10, len(body[0]) - (len(text) - limit) - 1)].rsplit(" ", 1)[0]
            continue
        return text  # too long: the caller draws another copy


# --------------------------------------------------------------------------- ingredients
NAMES = ["Sam", "Jess", "Priya", "Tom", "Aisha", "Liam", "Chloe", "Dan", "Megan", "Ravi", "Zoe", "Kai", "Ellie",
         "Jordan", "Noor", "Ben", "Freya", "Omar", "Hannah", "Luca", "Maya", "Josh", "Sophie", "Adam"]
CITIES = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Brum", "Manc", "Sheffield", "Nottingham", "Brighton",
          "Newcastle", "Leicester", "York", "Bath", "Derby", "Hull", "Croydon"]
INTERESTS = ["the gym", "football", "baking", "k-pop", "fishing", "gaming", "yoga", "festivals", "running",
             "the Arsenal game", "that cooking show", "anime", "knitting", "cars", "crypto", "the pub quiz"]
HOOKS = [
    "hey {name}! saw ur post about {interest}, same here haha",
    "{name} its me from {city}, we met at {interest} ages ago",
    "hi {name}, {friend} said u were into {interest} too",
    "omg {name} r u the one from {city}? {friend} mentioned u",
    "{name}!! {friend} from {interest} gave me ur @",
    "hey {name} hope {city} is treating u well, {friend} says hi",
    "{name} sorry random msg, {friend} and me were talking {interest} n ur name came up",
    "yo {name}, still doing {interest}? {friend} told me",
    "hi {name} fellow {interest} fan from {city} here",
    "{name}? its {friend}'s mate from {city}",
]


def hook(rng, target_idx):
    r = random.Random(hash((target_idx, rng.random())))
    return r.choice(HOOKS).format(name=r.choice(NAMES), city=r.choice(CITIES), interest=r.choice(INTERESTS),
                                  friend=r.choice(NAMES))


TRANSL = {  # small phrase book, mixed in per copy
    "es": ["hola guapo", "mira esto", "es para ti", "no te lo pierdas", "hoy solo", "que suerte", "escríbeme"],
    "fr": ["salut toi", "regarde ça", "c'est pour toi", "vite vite", "incroyable", "bisous", "à toute"],
    "de": ["hallo du", "schau mal", "das ist für dich", "nur heute", "echt jetzt", "bis bald", "na los"],
    "pt": ["oi amor", "olha isso", "é pra você", "só hoje", "que sorte", "beijos", "corre"],
    "hi": ["arre yaar", "dekho na", "sirf aaj", "tumhare liye", "jaldi karo", "kya baat", "mast hai"],
    "pl": ["cześć", "patrz", "dla ciebie", "tylko dziś", "szybko", "buziaki", "serio"],
}
EMOJI = list("🎉🎁💰🔥✨💥🍾🎊🤑💎⭐🌟🥳😍😱💯🙌👀📲📞💌🎶🍀")
ART = ["*~*~*", "<3 <3", "(づ｡◕‿‿◕｡)づ", "★彡", "¸.·´¯`·.¸", ">>>", "=^.^=", "~~~", "♪♫", "o(^▽^)o", "(╯°□°)╯"]


def open_lines(rng):
    """A chatty, ordinary-looking opener from the corpus's ham, lightly respelt."""
    h = rng.choice([x for x in HAM_SHORT])
    return h


HAM_SHORT = [h for h in HAM if 15 <= len(h) <= 70 and not re.search(r"\d{4,}|http|www", h)]
SPAM_WITH_PAYLOAD = []
for _t in SPAM:
    _core, _p = extract_payload(_t)
    if _p["kind"] != "dm":
        SPAM_WITH_PAYLOAD.append((_t, _core, _p))
SPAM_ANY = [(t, *extract_payload(t)) for t in SPAM]


# --------------------------------------------------------------------------- oracle
class Oracle:
    """The recon attacker's local copy of the public engine: does a fresh sender that sends
    this text to 4 strangers then get refused a 5th with an unrelated ordinary text (the
    day's lower limit armed: the text was read as a way back or a pitch)?"""

    def __init__(self):
        from policy import Engine, MemoryGraph
        from policy.clock import VirtualClock
        self.graph = MemoryGraph()
        self.clock = VirtualClock(1.7e9)
        self.engine = Engine.from_file("rules/default.toml", storage="memory://", graph=self.graph, clock=self.clock)
        self.n = 0
        self.cache = {}
        self.rng = random.Random(99)

    def reads(self, text):
        if text in self.cache:
            return self.cache[text]
        from policy import SendRequest
        self.n += 1
        s = f"probe{self.n}"
        ts = [f"{s}_t{i}" for i in range(5)]
        for t in ts:
            self.graph.follow(t, s)
        read = False
        for t in ts[:4]:
            d = self.engine.check(SendRequest(s, (t,), text))
            self.clock.advance(30)
            if not d.allowed:
                read = True
                break
        if not read:
            d = self.engine.check(SendRequest(s, (ts[4],), self.rng.choice(HAM_SHORT) + " " + self.rng.choice(HAM_SHORT)))
            read = not d.allowed
        self.clock.advance(30)
        self.cache[text] = read
        return read


# --------------------------------------------------------------------------- families
class Family:
    name = "?"
    gap = (120, 900)          # seconds between sends
    group_every = 0            # >0: every n-th target slot is a new group of 4 strangers instead

    def __init__(self, rng, mode, oracle=None):
        self.rng = rng
        self.mode = mode
        self.oracle = oracle
        self.setup()

    def setup(self):
        t, core, p = self.rng.choice(SPAM_WITH_PAYLOAD)
        self.orig, self.core, self.p = t, core, dict(p, brand=self.rng.choice(BRANDS))

    @property
    def style(self):
        if self.mode != "pick":
            return None
        if not hasattr(self, "_style"):
            self._style = new_style(self.rng)
        return self._style

    def cta(self, p=None):
        return payload_text(p or self.p, self.rng, self.mode, self.style)

    def copy(self, target):  # one payload text
        raise NotImplementedError

    def payload_copy(self, target):
        tries = 25 if self.mode.startswith("recon") else 1
        text = None
        for _ in range(tries):
            for _ in range(20):
                text = self.copy(target)
                if len(text) <= MAXLEN:
                    break
            text = text[:MAXLEN]
            if not self.mode.startswith("recon") or not self.oracle.reads(text):
                return text
        return text

    def messages(self, target):
        """[(text, carries_payload)] for one stranger (or one group)."""
        return [(self.payload_copy(target), True)]


class Paraphrase(Family):
    name = "paraphrase"

    def copy(self, target):
        return assemble(paraphrase(self.core, self.rng), self.cta(), self.rng)


class Mix3(Family):
    name = "mix3"

    def setup(self):
        picks = self.rng.sample(SPAM_WITH_PAYLOAD, 3)
        self.cores = [c for _, c, _ in picks]
        self.pays = [p for _, _, p in picks]
        self.orig = " || ".join(t for t, _, _ in picks)

    def copy(self, target):
        k = self.rng.choice([2, 3])
        sents = []
        for core in self.rng.sample(self.cores, k):
            ss = paraphrase(core, self.rng)
            ss = [x for x in ss if x not in FILLERS] or ss
            sents.append(self.rng.choice(ss))
        self.rng.shuffle(sents)
        return assemble(sents, self.cta(self.rng.choice(self.pays)), self.rng)


class Hooked(Family):
    name = "hook"

    def copy(self, target):
        h = hook(self.rng, target)
        body = paraphrase(self.core, self.rng)
        body = [x for x in body if x not in FILLERS][:2]
        return assemble([h, *body], self.cta(), self.rng)


class ChatPlus(Family):
    name = "chatplus"

    def copy(self, target):
        chat = self.rng.choice(HAM_SHORT)
        lead = self.rng.choice(["btw", "oh and", "also", "ps", "random but", "anyway", "side note", "lol also"])
        bit = self.rng.choice(paraphrase(self.core, self.rng)) if self.rng.random() < 0.5 else ""
        parts = [chat, f"{lead} {bit}".strip()] if bit else [chat]
        return assemble(parts, (lead + " " if not bit else "") + self.cta(), self.rng)


class Convo(Family):
    name = "convo"

    def messages(self, target):
        opener = hook(self.rng, target)
        if self.rng.random() < 0.5:
            opener = opener + " " + self.rng.choice(["how r u?", "hows things", "u ok?", "been ages!", "wyd"])
        payload = self.payload_copy(target)
        return [(opener[:MAXLEN], False), ("WAIT", False), (payload, True)]

    def copy(self, target):
        return assemble(paraphrase(self.core, self.rng)[:2], self.cta(), self.rng)


class Drip(Paraphrase):
    name = "drip"
    gap = (4000, 5200)


class GroupMix(Paraphrase):
    name = "groupmix"
    group_every = 2


class Polyglot(Family):
    name = "polyglot"

    def copy(self, target):
        langs = self.rng.sample(list(TRANSL), 2)
        body = paraphrase(self.core, self.rng)
        for _ in range(self.rng.choice([1, 2, 3])):
            body.insert(self.rng.randrange(len(body) + 1), self.rng.choice(TRANSL[self.rng.choice(langs)]))
        return assemble(body, self.cta(), self.rng)


class EmojiArt(Family):
    name = "emoji"

    def copy(self, target):
        body = paraphrase(self.core, self.rng)
        out = []
        for s in body:
            w = s.split()
            for _ in range(max(1, len(w) // 3)):
                w.insert(self.rng.randrange(len(w) + 1), self.rng.choice(EMOJI))
            out.append(" ".join(w))
        art = self.rng.choice(ART)
        cta = self.cta()
        return assemble([art + " " + out[0], *out[1:]], f"{self.rng.choice(EMOJI)} {cta} {self.rng.choice(EMOJI)}", self.rng)


G_OPEN = ["hey", "hi", "hiya", "yo", "oi", "hello", "heyy", "sup", "morning", "evening", "psst", "hey you", "ok so"]
G_WHO = ["its {n} here", "{n} here", "me again", "u dont know me but", "random one", "quick one", "just me",
         "{n} from last week", "so um", "not a bot lol"]
G_NEWS = [
    "{amt} is sitting in ur name", "ur number came up in our {thing}", "u got picked for a {gift}",
    "theres a {gift} with ur name on it", "u r 1 of {k} ppl chosen for a {gift}", "we owe u {amt}",
    "a {gift} is waiting 4 u", "ur {gift} didnt get collected", "{amt} back is yours, no catch",
    "fancy a {gift}? its urs", "we put {amt} aside 4 u", "someone wants 2 meet u {when}",
    "a {gift} is going spare & its urs", "ur on the list 4 {amt}", "{k} lucky ppl get a {gift}, ur 1",
]
G_THING = ["monthly pick", "lucky pick", "weekly round", "member pick", "phone number round", "big giveaway round",
           "spring round", "loyalty round", "summer pick"]
G_GIFT = ["new phone", "weekend in Spain", "hamper", "shopping spree", "2 night break", "video phone", "iPod",
          "PS5", "cruise", "gift box", "camcorder", "set of tunes", "500 min bundle", "mystery box", "flight 4 2"]
G_AMT = ["a grand", "2k", "£900", "500 quid", "£2,000", "250 pounds", "£1500", "5 grand", "£350", "a few hundred quid"]
G_WHEN = ["2nite", "this wknd", "asap", "b4 fri", "2moro", "later", "by sunday"]
G_URG = ["ends {when}", "only till {when}", "gone {when}", "dont sit on it", "expires {when}", "be quick",
         "last chance", "act {when}", "before it goes", "ticking clock", ""]


def grammar_body(rng):
    def f(s):
        return s.format(n=rng.choice(NAMES), amt=rng.choice(G_AMT), thing=rng.choice(G_THING),
                               gift=rng.choice(G_GIFT), k=rng.randrange(3, 60), when=rng.choice(G_WHEN))
    parts = [f"{rng.choice(G_OPEN)} {f(rng.choice(G_WHO))}", f(rng.choice(G_NEWS))]
    if rng.random() < 0.6:
        parts.append(f(rng.choice(G_NEWS)))
    u = f(rng.choice(G_URG))
    if u:
        parts.append(u)
    if rng.random() < 0.4:
        parts[1:] = rng.sample(parts[1:], len(parts) - 1)
    return parts


class Grammar(Family):
    name = "grammar"

    def copy(self, target):
        return assemble(grammar_body(self.rng), self.cta(), self.rng)


class CtaZoo(Family):
    """One corpus text, barely touched; only the call to action is spelt anew each copy."""
    name = "ctazoo"

    def setup(self):
        super().setup()
        self.fixed = [x for x in paraphrase(self.core, random.Random(7)) if x not in FILLERS][:3]

    def copy(self, target):
        return assemble(self.fixed, self.cta(), self.rng, tail=False)


class HookGrammarDrip(Family):
    """Grammar pitch + personal hook, paced ~1 stranger an hour (the kitchen sink)."""
    name = "sink"
    gap = (3000, 4000)

    def copy(self, target):
        return assemble([hook(self.rng, target), *grammar_body(self.rng)[1:]], self.cta(), self.rng)


FAMILIES = [Paraphrase, Mix3, Hooked, ChatPlus, Convo, Drip, GroupMix, Polyglot, EmojiArt, Grammar, CtaZoo,
            HookGrammarDrip]


SAY_DOT = [" full stop ", " , ", " — ", " .. ", " period "]


class SayDot(Family):
    """No engine needed: the link's dot said as a docs-reader would after reading that
    "dot", "dawt", "punto", "nokta", "(.)", "[.]" are all read: "full stop", a spaced comma,
    a dash, two dots.  One spelling per campaign (as a real template would have), the text
    paraphrased per copy.  Phone and short-code spam point to a landing page instead."""
    name = "saydot"

    def setup(self):
        super().setup()
        self.sep = self.rng.choice(SAY_DOT)
        if self.p["kind"] == "url":
            self.site = (self.p["name"], self.p["tld"])
        else:
            self.site = (self.p["brand"], self.rng.choice(["com", "co.uk", "net"]))

    def cta(self, p=None):
        if self.mode.startswith("recon"):
            return super().cta(p)
        name, tld = self.site
        link = name + self.sep + self.sep.join(tld.split("."))
        return f"{self.rng.choice(VERB_URL)} {link}"

    def copy(self, target):
        body = paraphrase(self.core, self.rng)
        if self.rng.random() < 0.5:
            body.insert(0, hook(self.rng, target))
        return assemble(body, self.cta(), self.rng)


FAMILIES.append(SayDot)
