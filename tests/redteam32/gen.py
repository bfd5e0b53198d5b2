"""Round 32 generators: campaigns as an LLM-equipped spammer writes them.

Every copy is a fresh rewording of a real corpus spam (facts extracted, then
re-said with another structure, order, tone, casing, abbreviations, emoji),
personalised with the recipient's name; only the way back (the campaign's own
contact, or one of a small pool it owns) stays.  Nothing here reads the
engine's contact reader: ways back are chosen blind.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

# ../shared/data next to the repository (the test skips where it is absent)
DEFAULT_CORPUS = str(Path(__file__).resolve().parents[2].parent / "shared" / "data"
                     / "sms_spam_collection.tsv")
W = "\ue000"   # the way back's place while the words around it are transformed
N = "\ue001"   # the recipient's name's place (rotating rewordings)


def load_corpus(path: str = DEFAULT_CORPUS):
    """(ham texts that fit a message, spam texts), read at run time: nothing of the corpus is kept here."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        rows = [(lab, t.strip()) for lab, _, t in (line.rstrip("\n").partition("\t") for line in fh)]
    return [t for lab, t in rows if lab == "ham" and 2 <= len(t) <= 140], [t for lab, t in rows if lab == "spam"]


NAMES = ("Mia Liam Olivia Noah Emma Oliver Ava Elijah Sophia Lucas Amelia Mason Isla Ethan Harper "
         "Leo Aisha Omar Fatima Yusuf Priya Arjun Ana Diego Lucia Mateo Chloe Jack Grace Kai Zoe "
         "Ruby Finn Hannah Theo Maya Sam Jade Ryan Ellie Tom Lily Ben Nia Josh Freya Dan Amara "
         "Kofi Chen Wei Yuki Hana Sara Ali Nina Max Tariq Layla Ivy Rosa Marco Jon Kate Abby Luke").split()
WORDS = "glow lucky prime vault swift nova peak gold zen cash win star club vip deal gift hub max".split()


# ---------------------------------------------------------------- facts
CATS = [
    ("date", r"dating|flirt|admirer|sexy|horny|xxx|girls?\b|lonely|singles|babe|chat ?(svc|line)|date\b"),
    ("trip", r"holiday|cruise|bahamas|travel|flight|hotel|spain|canary|tenerife"),
    ("money", r"loan|debt|insurance|credit|ppi|compensation|accident|bonus points|statement|redeemed"),
    ("phone", r"upgrade|contract|camera|nokia|motorola|latest.*(phone|mobile)|tariff|line rental|video ?phone"),
    ("tones", r"ringtone|\btones?\b|poly|logo|\bgames?\b|wallpaper|download|club"),
    ("voucher", r"voucher|shopping|discount|\boffer|meal|store|gift|hmv|tesco|bonus"),
    ("prize", r"."),
]
MODERN = {"phone": ["iPhone 16", "Galaxy S25", "Pixel 9 Pro", "iPhone 16 Pro"],
          "prize": ["PS5", "AirPods Pro", "Apple Watch", "iPad Air", "£500 Amazon card"],
          "voucher": ["£250 Amazon voucher", "Tesco gift card", "£300 Shein credit", "£100 Uber Eats code"],
          "trip": ["Bahamas cruise", "week in Ibiza", "Dubai trip for 2", "Tenerife break"],
          "tones": ["ringtone pack", "TikTok coins", "Spotify Premium", "Netflix year"],
          "date": ["private pics", "a date tonight", "my spicy page", "a video call"],
          "money": ["£3,200 refund", "£1,500 payout", "tax rebate", "£2k loan"]}


def facts(src: str, rng: random.Random) -> dict:
    low = src.lower()
    cat = next(c for c, rx in CATS if re.search(rx, low))
    m = re.search(r"£\s?([\d,]+)|([\d,]{3,6})\s?(?:pounds|cash)", src)
    amt = (m.group(1) or m.group(2)).replace(",", "") if m else rng.choice(["250", "500", "1000", "2000"])
    amt = f"£{int(amt):,}" if amt.isdigit() and 50 <= int(amt) < 100000 else "£500"
    kw = re.search(r"(?:txt|text|send|reply|rply)\s+(?:the word:?\s*)?\"?([A-Z]{2,8})\b", src)
    return {"cat": cat, "amt": amt, "item": rng.choice(MODERN[cat]), "kw": kw.group(1) if kw else None,
            "clauses": clauses(src)}


BOILER = re.compile(r"\d{4,}|www|http|\.co|t&c|ts&cs|po ?box|\d+p\b|ppm|18\+|16\+|stop|opt ?out|"
                    r"cost|/msg|min\b|rcvd|txt|text|call|reply|send|claim code|ltd", re.I)


def clauses(src: str) -> list:
    out = []
    for c in re.split(r"[.!?:;\n]+|\s-\s", src):
        c = c.strip(" ,*>-")
        if 14 <= len(c) <= 60 and len(c.split()) >= 3 and not BOILER.search(c):
            out.append(c)
    return out


# ---------------------------------------------------------------- contacts
def make_contact(rng: random.Random, kind: str) -> dict:
    u = rng.choice(NAMES).lower()
    if kind == "phone":
        return {"kind": kind, "nat": "07" + "".join(rng.choice("0123456789") for _ in range(9))}
    if kind == "link":
        if rng.random() < 0.5:
            host = rng.choice(["bit.ly", "t.ly", "tinyurl.com", "rb.gy", "cutt.ly", "is.gd"])
            path = "".join(rng.choice("abcdefghkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
            return {"kind": kind, "host": host, "path": path, "name": host.split(".")[0]}
        name = rng.choice(WORDS) + rng.choice(WORDS) + rng.choice(["", "uk", "24", "hq"])
        return {"kind": kind, "host": name + "." + rng.choice(["shop", "top", "xyz", "live", "club", "co.uk", "site", "vip"]),
                "path": "", "name": name}
    if kind == "handle":
        return {"kind": kind, "user": u + rng.choice([".", "_", ""]) + rng.choice(WORDS) + str(rng.randint(2, 99))}
    if kind == "email":
        return {"kind": kind, "user": rng.choice(WORDS) + rng.choice([".", "", "_"]) + rng.choice(["desk", "team", u]),
                "dom": rng.choice(["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk"])}
    return {"kind": "keyword", "word": rng.choice(["WIN", "YES", "GIFT", "CLAIM", "GO", "CASH", "PRIZE", "VIP"]),
            "short": rng.choice(["80086", "87066", "83355", "61200", "69988"])}


DIG = "zero one two three four five six seven eight nine".split()
KEYCAP = {d: d + "\ufe0f\u20e3" for d in "0123456789"}


def _grp(s, *sizes):
    ends = [sum(sizes[:i + 1]) for i in range(len(sizes))]
    return [s[e - n:e] for e, n in zip(ends, sizes, strict=False)]


def _url(c):
    return c["host"] + ("/" + c["path"] if c["path"] else "")


def _dots(c, dot, slash="/"):
    return c["host"].replace(".", dot) + (slash + c["path"] if c["path"] else "")


def _mixwords(n, rng):
    return " ".join(DIG[int(d)] if rng.random() < 0.5 else d for d in n)


PHONE = {
    "plain": lambda c, r: c["nat"],
    "grouped": lambda c, r: c["nat"][:5] + " " + c["nat"][5:],
    "intl": lambda c, r: "+44 " + c["nat"][1:5] + " " + c["nat"][5:],
    "intl_tight": lambda c, r: "+44" + c["nat"][1:],
    "zero_zero": lambda c, r: "0044 " + c["nat"][1:],
    "intl_paren0": lambda c, r: "+44 (0)" + c["nat"][1:5] + " " + c["nat"][5:],
    "dashes": lambda c, r: "-".join(_grp(c["nat"], 4, 3, 4)),
    "dots": lambda c, r: ".".join(_grp(c["nat"], 4, 3, 4)),
    "slashes": lambda c, r: " / ".join(_grp(c["nat"], 4, 3, 4)),
    "paren": lambda c, r: "(" + c["nat"][:4] + ") " + c["nat"][4:7] + " " + c["nat"][7:],
    "pairs": lambda c, r: c["nat"][:3] + " " + " ".join(_grp(c["nat"][3:], 2, 2, 2, 2)),
    "spaced": lambda c, r: " ".join(c["nat"]),
    "dotted_each": lambda c, r: ".".join(c["nat"]),
    "words": lambda c, r: " ".join(DIG[int(d)] for d in c["nat"]).replace("zero", "oh", 1),
    "words_hyphen": lambda c, r: "-".join(DIG[int(d)] for d in c["nat"]),
    "half_words": lambda c, r: c["nat"][:5] + " " + " ".join(DIG[int(d)] for d in c["nat"][5:]),
    "mixed_words": lambda c, r: _mixwords(c["nat"], r),
    "O_and_l": lambda c, r: c["nat"].replace("0", "O").replace("1", "l")[:5] + " " + c["nat"].replace("0", "O").replace("1", "l")[5:],
    "keycaps": lambda c, r: "".join(KEYCAP[d] for d in c["nat"]),
    "no_zero": lambda c, r: c["nat"][1:5] + " " + c["nat"][5:] + " (uk)",
    "wa_me": lambda c, r: "wa.me/44" + c["nat"][1:],
    "whatsapp_num": lambda c, r: "WhatsApp +44 " + c["nat"][1:],
    "tel_uri": lambda c, r: "tel:+44" + c["nat"][1:],
    "emoji_phone": lambda c, r: "\U0001f4de " + c["nat"],
    "starts_ends": lambda c, r: c["nat"][:5] + " then " + c["nat"][5:],
    "double_words": lambda c, r: c["nat"][:2] + " double " + DIG[int(c["nat"][2])] + " " + c["nat"][4:],
}
LINK = {
    "plain": lambda c, r: _url(c),
    "https": lambda c, r: "https://" + _url(c),
    "www": lambda c, r: "www." + _url(c),
    "spaced_dots": lambda c, r: _dots(c, " . ", " / "),
    "bracket_dot": lambda c, r: _dots(c, "[.]"),
    "paren_dot": lambda c, r: _dots(c, "(.)"),
    "dot_word": lambda c, r: _dots(c, "(dot)"),
    "dot_words": lambda c, r: _dots(c, " dot ", " slash "),
    "no_dot": lambda c, r: c["host"].replace(".", "") + "/" + c["path"] if c["path"] else c["name"] + " + ." + c["host"].split(".", 1)[1],
    "ideo_stop": lambda c, r: _dots(c, "\u3002"),
    "one_dot_leader": lambda c, r: _dots(c, "\u2024"),
    "middle_dot": lambda c, r: _dots(c, "\u00b7"),
    "small_stop": lambda c, r: _dots(c, "\ufe52"),
    "space_before_tld": lambda c, r: _dots(c, " ."),
    "hxxps": lambda c, r: "hxxps://" + _url(c),
    "upper": lambda c, r: _url(c).upper() if not c["path"] else c["host"].upper() + "/" + c["path"],
    "google_it": lambda c, r: c["host"] + "/ + " + c["path"] if c["path"] else "google '" + c["host"].replace(".", " ") + "'",
    "comma_dot": lambda c, r: _dots(c, ","),
    "dot_emoji": lambda c, r: _dots(c, "\u26ab"),
    "arrow_path": lambda c, r: c["host"] + (" \u27a1\ufe0f " + c["path"] if c["path"] else ""),
    "linktree": lambda c, r: "linktr.ee/" + c["name"],
    "personal_path": lambda c, r: _url(c) + ("-" if c["path"] else "/") + r.choice(NAMES).lower(),
    "at_dot_end": lambda c, r: c["host"].replace(".", " dot ", 1) if not c["path"] else _dots(c, " dot "),
    "bare_name_tld": lambda c, r: c["name"] + " (." + c["host"].split(".", 1)[1] + ")" + (" /" + c["path"] if c["path"] else ""),
}
HANDLE = {
    "tme": lambda c, r: "t.me/" + c["user"],
    "tme_spaced": lambda c, r: "t . me / " + c["user"],
    "tg_colon": lambda c, r: "tg: " + c["user"],
    "at_telegram": lambda c, r: "@" + c["user"] + " on telegram",
    "tele": lambda c, r: "tele @" + c["user"],
    "telegrm": lambda c, r: "telegrm " + c["user"],
    "plane_emoji": lambda c, r: "\u2708\ufe0f " + c["user"],
    "paper_plane_app": lambda c, r: "the paper plane app: " + c["user"],
    "tg_arrow": lambda c, r: "TG \u2192 " + c["user"],
    "snap": lambda c, r: "snap: " + c["user"],
    "sc": lambda c, r: "sc " + c["user"],
    "ghost": lambda c, r: "\U0001f47b " + c["user"],
    "ghost_app": lambda c, r: "the ghost app, " + c["user"],
    "snp": lambda c, r: "s.n.a.p " + c["user"],
    "ig_at": lambda c, r: "ig @" + c["user"],
    "insta": lambda c, r: "insta " + c["user"],
    "camera_emoji": lambda c, r: "\U0001f4f8 " + c["user"],
    "the_gram": lambda c, r: "my gram is " + c["user"],
    "discord": lambda c, r: "discord " + c["user"],
    "dc": lambda c, r: "dc: " + c["user"],
    "disc0rd": lambda c, r: "disc0rd " + c["user"],
    "signal": lambda c, r: "signal " + c["user"].replace("_", ".") + ".01",
    "kik": lambda c, r: "kik " + c["user"],
    "line_id": lambda c, r: "line id " + c["user"],
    "wechat": lambda c, r: "wechat: " + c["user"],
    "whats_user": lambda c, r: "whatsapp username " + c["user"],
    "same_user_tg": lambda c, r: "same @ as here on tele",
    "bio": lambda c, r: "the link in my bio",
    "pinned": lambda c, r: "my pinned post",
    "profile_pic": lambda c, r: "the number on my profile",
    "threads": lambda c, r: "threads @" + c["user"],
    "tiktok": lambda c, r: "tiktok " + c["user"],
}
EMAIL = {
    "plain": lambda c, r: c["user"] + "@" + c["dom"],
    "at_dot": lambda c, r: c["user"] + " at " + c["dom"].replace(".", " dot "),
    "paren": lambda c, r: c["user"] + " (at) " + c["dom"].replace(".", " (dot) "),
    "bracket": lambda c, r: c["user"] + "[at]" + c["dom"].replace(".", "[.]"),
    "spaced": lambda c, r: c["user"] + " @ " + c["dom"].replace(".", " . "),
    "at_only": lambda c, r: c["user"] + " at " + c["dom"].split(".")[0],
    "fw_at": lambda c, r: c["user"] + "\uff20" + c["dom"],
    "no_tld": lambda c, r: c["user"] + "@" + c["dom"].split(".")[0],
    "my_mail": lambda c, r: "my " + c["dom"].split(".")[0] + " is " + c["user"],
    "g_mail": lambda c, r: c["user"] + " at g mail",
    "envelope": lambda c, r: c["user"] + " \U0001f4e7 " + c["dom"].split(".")[0],
    "the_dot": lambda c, r: c["user"].replace(".", " dot ") + " at " + c["dom"],
    "mailto": lambda c, r: "mailto:" + c["user"] + "@" + c["dom"],
    "at_emoji": lambda c, r: c["user"] + " \U0001f170\ufe0f " + c["dom"],
}
KEYWORD = {
    "reply": lambda c, r: "reply " + c["word"],
    "txt_to": lambda c, r: "txt " + c["word"] + " to " + c["short"],
    "send_to": lambda c, r: "send " + c["word"] + " to " + c["short"],
    "reply_with": lambda c, r: "reply with " + c["word"].lower(),
    "quote": lambda c, r: "just reply '" + c["word"].lower() + "'",
    "type_below": lambda c, r: "type " + c["word"] + " below",
    "respond_word": lambda c, r: "respond with the word " + c["word"],
    "emoji_reply": lambda c, r: "reply \U0001f381 n i'll send it",
    "say_yes": lambda c, r: "say " + c["word"].lower() + " n it's urs",
    "spelled": lambda c, r: "reply " + "-".join(c["word"]),
    "spaced": lambda c, r: "reply " + " ".join(c["word"]),
    "leet": lambda c, r: "r3ply " + c["word"].replace("I", "1").replace("O", "0").replace("E", "3"),
    "leet_short": lambda c, r: "txt " + c["word"] + " 2 " + c["short"].replace("0", "O"),
    "short_words": lambda c, r: "text " + c["word"] + " to " + " ".join(DIG[int(d)] for d in c["short"]),
    "dm_me": lambda c, r: "DM me '" + c["word"].lower() + "'",
    "hit_reply": lambda c, r: "hit reply with " + c["word"],
    "drop_emoji": lambda c, r: "drop a \U0001f525 here",
}
STYLES = {"phone": PHONE, "link": LINK, "handle": HANDLE, "email": EMAIL, "keyword": KEYWORD}

# ---------------------------------------------------------------- unicode tricks
def _offset_map(up, low, dig, holes=None):
    m = {}
    for i in range(26):
        m[chr(65 + i)] = chr(up + i)
        m[chr(97 + i)] = chr(low + i)
    for i in range(10):
        if dig:
            m[str(i)] = chr(dig + i)
    m.update(holes or {})
    return m


FW = {chr(c): chr(c + 0xFEE0) for c in range(33, 127)}
CIRC = {**{chr(65 + i): chr(0x24B6 + i) for i in range(26)}, **{chr(97 + i): chr(0x24D0 + i) for i in range(26)},
        **{str(i): chr(0x2460 + i - 1) for i in range(1, 10)}, "0": "\u24ea"}
CYR = dict(zip("aeopcxyiABEKMHOPCTX03", "аеорсхуіАВЕКМНОРСТХОЗ", strict=False))
GRK = dict(zip("ABEHIKMNOPTXYZovu0", "ΑΒΕΗΙΚΜΝΟΡΤΧΥΖονυΟ", strict=False))
TRICKS = {
    "fullwidth": lambda s: "".join(FW.get(ch, ch) for ch in s),
    "math_bold": lambda s: "".join(_offset_map(0x1D400, 0x1D41A, 0x1D7CE).get(ch, ch) for ch in s),
    "math_sans": lambda s: "".join(_offset_map(0x1D5D4, 0x1D5EE, 0x1D7EC).get(ch, ch) for ch in s),
    "math_mono": lambda s: "".join(_offset_map(0x1D670, 0x1D68A, 0x1D7F6).get(ch, ch) for ch in s),
    "math_double": lambda s: "".join(_offset_map(0x1D538, 0x1D552, 0x1D7D8, dict(zip("CHNPQRZ", "ℂℍℕℙℚℝℤ", strict=False))).get(ch, ch) for ch in s),
    "circled": lambda s: "".join(CIRC.get(ch, ch) for ch in s),
    "zwj": lambda s: "\u200d".join(s),
    "zwsp": lambda s: "\u200b".join(s),
    "soft_hyphen": lambda s: "\u00ad".join(s),
    "combining": lambda s: "".join(ch + "\u0332" if ch.isalnum() else ch for ch in s),
    "cyrillic": lambda s: "".join(CYR.get(ch, ch) for ch in s),
    "greek": lambda s: "".join(GRK.get(ch, ch) for ch in s),
    "spaced": lambda s: " ".join(s.replace(" ", "  ")),
}
UNI_BASE = {"phone": "grouped", "link": "plain", "handle": "tme", "email": "plain", "keyword": "txt_to"}
TRADE = re.compile(r"\b(?:won|win|winner|prize|cash|reward|claim|free|gift|call|text|txt|reply|voucher|bonus|"
                   r"offer|payout|refund|loan|pics|iphone)\b|£[\d,]+", re.I)


# What the README says is read ("t me slash x", "winprize dawt com", "my ig is x22", "x22 at gmail",
# digits spelled or in other scripts, "link's in my bio", "reply WIN"): an attacker who read it writes these less.
README_SAYS_READ = {"phone": {"words", "words_hyphen", "half_words", "mixed_words", "keycaps"},
                    "link": {"dot_words", "dot_word", "at_dot_end"}, "handle": {"tme_spaced", "ig_at", "insta", "the_gram", "bio"},
                    "email": {"at_only", "at_dot", "g_mail"}, "keyword": {"reply", "reply_with", "quote"}}


def pick_styles(rng: random.Random, kind: str, n: int) -> list:
    names = list(STYLES[kind])
    weights = [0.3 if s in README_SAYS_READ[kind] else 1.0 for s in names]
    out = []
    while len(out) < n:
        s = rng.choices(names, weights)[0]
        if s not in out:
            out.append(s)
    return out


def all_spellings():
    """(family, kind, style, trick) for every spelling the generators can write."""
    out = [("plain", k, s, None) for k, d in STYLES.items() for s in d]
    out += [("unicode", k, UNI_BASE[k], t) for k in STYLES for t in TRICKS]
    return out


def render(contact: dict, style: str, trick: str | None, rng: random.Random) -> str:
    text = STYLES[contact["kind"]][style](contact, rng)
    return TRICKS[trick](text) if trick else text


# ---------------------------------------------------------------- rewording
GREET = {"casual": ["hey {n}", "hiya {n}", "{n}!!", "yo {n}", "omg {n}", "{n} \U0001f44b", "heyy {n} \U0001f60a", "hi {n}"],
         "formal": ["Dear {n},", "Hello {n},", "Good afternoon {n},", "Hi {n},", "{n}, a quick note:"],
         "urgent": ["{n} \u2014 URGENT", "\u26a0\ufe0f {n}", "{n}, final notice", "ATTN {n}", "{n}!! last chance"]}
HOOK = {
    "prize": ["your number came up in this week's draw ({amt})", "{amt} is sitting in your name and nobody's collected it",
              "we tried to reach you twice about {amt}", "you're one of 5 picked for the {item}", "that {item} from the giveaway? it's yours",
              "{amt} got approved for you this morning", "the {amt} payout still shows as unpaid", "you came out on top in our monthly draw",
              "ur entry was picked, {amt} or the {item}", "guess who just landed {amt}? u"],
    "voucher": ["there's a {item} set aside for you", "your {item} is ready to use", "you've unlocked a {item}, no purchase needed",
                "we owe you a {item} from last month", "dinner's on us this week \u2014 {item}", "a {item} is waiting on your account"],
    "phone": ["your upgrade to the {item} is due", "you can swap to a {item} today at no extra cost", "the {item} is yours with your next renewal",
              "we've held a {item} for you, contract holders only", "11 months in? the {item} is on us"],
    "tones": ["your {item} is unlocked", "grab the {item} we set up for you", "you've got {item} credits waiting",
              "new {item} dropped, yours is activated", "ur {item} code is live"],
    "date": ["someone here has a crush on you \U0001f440", "i'm new in town and bored tonight", "saw you in my suggestions and had to say hi",
             "been wanting to message u for ages", "i've got {item} you might like", "someone who knows you wants to meet up"],
    "money": ["you're owed a {item}", "a {item} is pending on your file", "your account shows {amt} not yet paid out",
              "you qualify for a {item}, checked this morning", "your {amt} compensation got approved"],
    "trip": ["you've been picked for a {item}", "the {item} is booked in your name, just confirm", "pack your bags \u2014 {item} + {amt} spending money",
             "your {item} voucher ends soon", "2 seats on the {item} are on hold for u"],
}
# The register an LLM is told to write in once the README's examples of promotion words are read:
# a friend passing something on, no trade vocabulary.
SOFT_HOOK = {
    "prize": ["remember the raffle at the summer fair? your ticket came up", "they drew names yesterday and yours was one of them",
              "there's {amt} with your name on it from the spring draw, they can't reach you", "the {item} from that competition went to you apparently",
              "my cousin runs the draw and you were picked, {amt}", "your entry from march finally came through lol"],
    "voucher": ["the shop said there's a {item} on your account", "they've put a {item} aside for you, just needs your ok",
                "u left a {item} unused, it runs out sunday", "the store's holding a {item} for u, mine came through yesterday"],
    "phone": ["your handset's due a swap, the {item} is an option for you", "your plan lets you switch to the {item} now",
              "the network said your {item} is ready to go out"],
    "tones": ["the {item} you asked about is set up", "your {item} is switched on, it just needs linking", "got u the {item} like i promised"],
    "date": ["i've seen you around and wanted to say hi properly", "bit shy but i think you're cute", "i'm in your area this weekend and don't know anyone",
             "been meaning to message you for ages tbh", "you seem fun, i'm bored and new here"],
    "money": ["your file shows {amt} owed back to you", "the overpayment came through, {amt} is yours to take back",
              "my mentor showed me how to make {amt} a week, he's helping a few people", "you're due {amt} back from the bank, mine took 10 mins"],
    "trip": ["there's a spare place on the {item}, thought of you", "your name came up for the {item} in june", "they've still got your {item} booked, needs confirming"]}
SOFT_DETAIL = ["honestly worth 2 mins", "no pressure", "thought you'd want to know", "don't leave it too long", "they said by friday",
               "i did mine already", "sorry if random", "say i sent you"]
SOFT_CTA = {"phone": ["ring them on {w}", "the lady's number is {w}", "text {w} and say i sent you", "{w}, ask for dave", "call {w} when u can"],
            "link": ["it's all on {w}", "have a look, {w}", "sorted mine at {w}", "{w} has the details", "open {w}"],
            "handle": ["i'm on {w}", "message me there: {w}", "talk on {w}?", "{w} is better for me", "add me, {w}"],
            "email": ["write to {w}", "their email is {w}", "send a line to {w}", "i'm on {w} mostly"],
            "keyword": ["{w}", "just {w}", "{w} if u want it"]}
DETAIL = ["no catch, promise", "it ends tonight", "takes 2 mins", "only 3 left", "it's legit", "we just need to confirm it's you",
          "don't let it expire", "nothing to pay upfront", "offer closes at midnight", "second reminder", "u deserve it tbh",
          "sorry for the late msg", "it goes back in the pool tmrw", "hurry"]
CTA = {"phone": ["call {w}", "ring {w} before 8pm", "text {w}", "whatsapp me on {w}", "msg {w} to sort it", "{w} \u2014 call now",
                 "give {w} a ring", "my number: {w}"],
       "link": ["tap {w}", "details at {w}", "go to {w}", "open {w} on ur phone", "it's all on {w}", "{w} \u2190 there",
                "check {w}", "sign in at {w}"],
       "handle": ["add me {w}", "msg me on {w}", "find me: {w}", "hmu {w}", "talk there, {w}", "{w} \u2014 message me",
                  "i'm more active on {w}"],
       "email": ["email {w}", "drop a line to {w}", "send ur details to {w}", "write to {w}", "contact {w}"],
       "keyword": ["{w}", "just {w}", "{w} to get it", "{w} before midnight", "{w} \u2014 that's it"]}
SIGN = {"casual": ["xx", "\u2728", "\U0001f60a", "lol", "ty!", "\U0001f64f", ""], "formal": ["Kind regards, the rewards team", "Thank you.", "Regards, Claims Dept", ""],
        "urgent": ["\u23f0", "!!!", "ACT NOW", ""]}
ABBR = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bare\b", "r"), (r"\bfor\b", "4"), (r"\bto\b", "2"),
        (r"\bplease\b", "pls"), (r"\bbefore\b", "b4"), (r"\bmessage\b", "msg"), (r"\btonight\b", "2nite"),
        (r"\bthanks\b", "thx"), (r"\btomorrow\b", "tmrw"), (r"\bgreat\b", "gr8")]
SYN = [(r"\bgrab\b", ["get", "collect", "pick up"]), (r"\bpicked\b", ["chosen", "selected"]), (r"\bwaiting\b", ["pending", "ready"]),
       (r"\btoday\b", ["now", "asap", "today"]), (r"\bsoon\b", ["shortly", "soon"]), (r"\bwon\b", ["won", "bagged", "landed"])]
EMOJI = ["\U0001f381", "\U0001f4b0", "\U0001f525", "\U0001f389", "\u2728", "\U0001f440", "\U0001f4f2", "\U0001f64c", "\U0001f911", "\U0001f618"]


def tone_pass(text: str, tone: str, rng: random.Random, fold: bool = False) -> str:
    for rx, alts in SYN:
        if rng.random() < 0.5:
            text = re.sub(rx, rng.choice(alts), text)
    if tone in ("casual", "soft"):
        for rx, rep in ABBR:
            if rng.random() < (0.6 if tone == "casual" else 0.25):
                text = re.sub(rx, rep, text, flags=re.I)
        if rng.random() < 0.5:
            text = text.lower()
    elif tone == "urgent":
        text = re.sub(r"\b(now|today|tonight|last|final|asap)\b", lambda m: m.group(0).upper(), text, flags=re.I)
    if fold:   # the folded: digits for letters, spaced trade words
        text = TRADE.sub(lambda m: fold_word(m.group(0), rng), text)
    if rng.random() < 0.6:
        text += " " + "".join(rng.sample(EMOJI, rng.randint(1, 2)))
    return re.sub(r"\s+", " ", text).strip()


def fold_word(w: str, rng: random.Random) -> str:
    r = rng.random()
    return (w.translate(str.maketrans("eoiaEOIA", "30143014")) if r < 0.4 else " ".join(w.upper()) if r < 0.7
            else w[0] + "*" + w[2:] if len(w) > 3 else w)


def reword(src: str, rng: random.Random, name: str | None, wayback: str | None, kind: str,
           tone: str | None = None, fold: bool = False, code: bool = False, trick: str | None = None,
           f: dict | None = None, limit: int = 140) -> str:
    """A fresh rewording of corpus spam `src` for one recipient: sentences, order, facts kept, tone."""
    f = f or facts(src, rng)
    tone = tone or rng.choice(["casual", "formal", "urgent"] + ([] if trick else ["soft", "soft", "soft", "casual"]))
    soft = tone == "soft"
    for attempt in range(30):
        greet = rng.choice(GREET["casual" if soft else tone]).format(n=N) if name and rng.random() < 0.9 else ""
        hook = rng.choice((SOFT_HOOK if soft else HOOK)[f["cat"]]).format(amt=f["amt"], item=f["item"])
        if not soft and attempt < 10 and f["clauses"] and rng.random() < 0.35:
            hook = rng.choice(f["clauses"]) if rng.random() < 0.5 else hook + ", " + rng.choice(f["clauses"]).lower()
        parts = [hook]
        if rng.random() < 0.6 - attempt * 0.03:
            parts.append(rng.choice(SOFT_DETAIL if soft else DETAIL))
        if code and rng.random() < (0.3 if soft else 0.8):
            parts.append(rng.choice(["ref ", "code ", "ID: ", "#"]) + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(rng.randint(4, 7))))
        rng.shuffle(parts)
        if wayback is not None:
            cta = rng.choice((SOFT_CTA if soft else CTA)[kind]).format(w=W)
            parts.insert(rng.choice([0, len(parts), len(parts)]) if attempt < 15 else len(parts), cta)
        sep = rng.choice([". ", "! ", " \u2014 ", ", ", " ... ", "\n"])
        body = sep.join(p[0].upper() + p[1:] if tone not in ("casual", "soft") else p for p in parts)
        if name and not greet and rng.random() < 0.7:
            body += rng.choice([", " + N, " " + N + "!", " (" + N + ")"])
        sign = rng.choice(SIGN["casual" if soft else tone]) if rng.random() < 0.5 and attempt < 20 else ""
        text = tone_pass(" ".join(x for x in (greet, body, sign) if x), tone, rng, fold)
        if trick:
            text = TRADE.sub(lambda m: TRICKS[trick](m.group(0)) if rng.random() < 0.7 else m.group(0), text)
        text = text.replace(N, name or "")
        out = text.replace(W, wayback) if wayback is not None else text
        if len(out) <= limit and (wayback is None or W in text):
            return out
    return (name + " " if name else "") + (wayback or "")


OPENERS = ["hey {n}! think we met at jess's bday? ur face looks so familiar haha", "hi {n} \U0001f60a your posts always make my day tbh",
           "{n}?? is this your new account lol", "hello {n}, sorry to bother, where was that beach pic taken? looks unreal",
           "omg {n} we have like 6 mutuals, how have we never talked", "hey {n}, random q \u2014 do u still do photography?",
           "{n} hiii, just moved near you, any good coffee spots?", "good morning {n} \u2600\ufe0f hope ur week's going ok",
           "hey {n} love ur taste in music, who's that band in ur story", "hi {n}, i think my cousin knows you from uni?"]
SECOND = {"date": ["btw i'm barely on here, {w} if u wanna chat more \U0001f618", "anyway this app glitches, talk on {w}?",
                   "i post my other pics somewhere else, {w} x"],
          "money": ["i've been making {amt} a week on the side, my mentor's on {w}", "not to be weird but a {item} helped me loads, ask at {w}",
                    "my uncle sorts refunds like this, {w}"],
          "any": ["oh and there's a {item} going for people around here, {w}", "btw check {w}, they sent me {amt} lol",
                  "totally random but {w} gave me a {item}, try it"]}


def opener(rng: random.Random, name: str) -> str:
    return tone_pass(rng.choice(OPENERS).format(n=N), "casual", rng).replace(N, name)


def second(f: dict, rng: random.Random, wayback: str) -> str:
    pool = SECOND.get(f["cat"], []) + SECOND["any"]
    for _ in range(20):
        t = tone_pass(rng.choice(pool).format(w=W, amt=f["amt"], item=f["item"]), "casual", rng)
        out = t.replace(W, wayback)
        if len(out) <= 140 and W in t:
            return out
    return wayback


SHORT_HOOK = {"date": ["r u single?", "hot pics \U0001f525", "bored? \U0001f618", "u up?", "pics 4 u", "lonely 2nite?"],
              "money": ["refund due", "{amt} owed 2 u", "loan ok'd", "got {amt} back?", "ur payout"],
              "any": ["won {amt}", "{amt} 4 u", "ur gift's here", "{item} 4 u", "u won!", "ur reward", "\U0001f381 4 u", "it's urs"]}


def short_text(f: dict, rng: random.Random, name: str, wayback: str, below: int) -> str:
    """Under `below` letters and digits, way back included."""
    for attempt in range(40):
        hook = rng.choice(SHORT_HOOK.get(f["cat"], SHORT_HOOK["any"])).format(amt=f["amt"].replace(",", ""), item=f["item"].split()[0])
        parts = [hook, wayback] if rng.random() < 0.6 else [wayback, hook]
        if attempt < 20 and rng.random() < 0.6:
            parts.insert(0, name)
        t = rng.choice([" ", " \u2014 ", "! ", " \U0001f449 ", ": "]).join(parts)
        if rng.random() < 0.5:
            t += " " + rng.choice(EMOJI)
        if sum(ch.isalnum() for ch in t) < below:
            return t
    return wayback


def split_parts(text: str, wayback: str, rng: random.Random) -> list:
    """One message in 2 or 3 parts, the way back itself cut between two of them."""
    i = text.find(wayback)
    if i < 0:
        return [text]
    cut = wayback.rfind(" ", 0, len(wayback) // 2 + 3)
    cut = cut if cut > 0 else max(1, len(wayback) // 2)
    parts = [text[:i] + wayback[:cut], wayback[cut:] + text[i + len(wayback):]]
    if len(parts[0]) > 60 and rng.random() < 0.5:
        sp = parts[0].find(" ", len(parts[0]) // 2 - 10)
        if 0 < sp < len(parts[0]) - len(wayback[:cut]):
            parts = [parts[0][:sp], parts[0][sp + 1:], parts[1]]
    return [p.strip() or "." for p in parts]
