"""Round 33: 2026 campaigns whose ways back go through today's platforms, and their spellings.

Every way back is (family, form, obfuscation) rendered for one campaign's identity. The
catalogue (``STYLES``) is what the generators draw from and what ``probe.py`` lists.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sms_spam_collection.tsv"
MAX_CHARS = 140
SHORT_ALNUM = 32  # duplicates.min_chars: texts under 32 letters and digits are not traced as long


def load_corpus(path: Path = CORPUS) -> tuple[list[str], list[str]]:
    spam: list[str] = []
    ham: list[str] = []
    for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        label, _, text = line.partition("\t")
        if i == 0 and label.strip().lower() == "label":
            continue
        (spam if label == "spam" else ham if label == "ham" else []).append(text.strip())
    return spam, ham


def alnum(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


NAMES = ("Ana Ben Chloe Dev Emma Finn Grace Hugo Isla Jay Kira Leo Maya Nico Omar Priya Quinn "
         "Rosa Sam Tara Umar Vera Will Xena Yusuf Zoe Ali Bea Cole Dina Eli Fay Gus Hana Ivan "
         "Jade Kofi Lina Mo Nora").split()

# ---- ways back -------------------------------------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_HANDLE_A = ("airdrop vip remote task mia luna crypto support bonus parcel promo kira lucky "
             "hr gold nova cash desk").split()
_HANDLE_B = ("desk hub club team help drop official 24 x pro co online vault jobs").split()


def identity(rng: random.Random) -> dict[str, str]:
    def code(n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    cc, rest, total = rng.choice((("44", "77009", 12), ("1", "20255", 11), ("234", "8031", 13),
                                 ("91", "98765", 12), ("62", "81234", 12), ("55", "119876", 13)))
    handle = rng.choice(_HANDLE_A) + rng.choice(("_", ".", "")) + rng.choice(_HANDLE_B)
    handle += str(rng.randint(1, 99)) if rng.random() < 0.5 else ""
    return {
        "num": cc + rest + code(total - len(cc) - len(rest), string.digits),
        "code": code(rng.randint(7, 10)), "wa": code(22), "inv": code(16),
        "sig": code(32, string.ascii_letters + string.digits + "_-"),
        "h": handle, "bot": handle.replace(".", "_").title().replace("_", "") + "Bot",
        "ref": code(6, string.ascii_lowercase + string.digits), "gid": "1FAIpQLS" + code(18),
        "hex": code(32, "0123456789abcdef"), "app": str(rng.randint(1_000_000_000, 6_999_999_999)),
        "eth": "0x" + code(40, "0123456789abcdef"), "btc": "bc1q" + code(38, "023456789acdefghjklm"
                                                                         "npqrstuvwxyz"),
        "trc": "T" + code(33, _B58),
    }


URL, HANDLE = "url", "handle"
# family -> (app word for pointers, [(form, kind, template)])
FAMILIES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "whatsapp": ("WhatsApp", [
        ("wa.me", URL, "wa.me/{num}"), ("wa.me?text", URL, "wa.me/{num}?text=INFO"),
        ("group", URL, "chat.whatsapp.com/{wa}"), ("api", URL, "api.whatsapp.com/send?phone={num}"),
    ]),
    "telegram": ("Telegram", [
        ("bot-start", URL, "t.me/{bot}?start={ref}"), ("invite", URL, "t.me/+{inv}"),
        ("joinchat", URL, "telegram.me/joinchat/{inv}"), ("at-bot", HANDLE, "tg @{bot}"),
    ]),
    "discord": ("Discord", [
        ("gg", URL, "discord.gg/{code}"), ("invite", URL, "discord.com/invite/{code}"),
        ("app-invite", URL, "discordapp.com/invite/{code}"),
    ]),
    "signal": ("Signal", [
        ("group", URL, "signal.group/#{sig}"), ("me", URL, "signal.me/#p/+{num}"),
    ]),
    "linkinbio": ("linktree", [
        ("linktree", URL, "linktr.ee/{h}"), ("beacons", URL, "beacons.ai/{h}"),
        ("lnkbio", URL, "lnk.bio/{h}"), ("biolink", URL, "bio.link/{h}"),
        ("carrd", URL, "{hd}.carrd.co"),
    ]),
    "google": ("Google form", [
        ("forms.gle", URL, "forms.gle/{code}"), ("sites", URL, "sites.google.com/view/{hd}"),
        ("form", URL, "docs.google.com/forms/d/e/{gid}/viewform"),
        ("doc", URL, "docs.google.com/document/d/{gid}"),
    ]),
    "notion": ("booking page", [
        ("notion.site", URL, "{hd}.notion.site/Start-{hex}"), ("notion.so", URL, "notion.so/{hd}"),
        ("calendly", URL, "calendly.com/{hd}/15min"), ("cal.com", URL, "cal.com/{hd}"),
    ]),
    "appstore": ("app", [
        ("apple", URL, "apps.apple.com/app/id{app}"),
        ("play", URL, "play.google.com/store/apps/details?id=com.{hd}.app"),
        ("testflight", URL, "testflight.apple.com/join/{code}"),
    ]),
    "payment": ("PayPal", [
        ("paypal.me", URL, "paypal.me/{hd}"), ("cash.app", URL, "cash.app/${hd}"),
        ("revolut", URL, "revolut.me/{hd}"), ("wise", URL, "wise.com/pay/me/{hd}"),
        ("venmo", HANDLE, "venmo @{hd}"), ("cashtag", HANDLE, "cashapp ${hd}"),
    ]),
    "crypto": ("wallet", [
        ("erc20", HANDLE, "{eth}"), ("btc", HANDLE, "{btc}"), ("trc20", HANDLE, "USDT TRC20 {trc}"),
        ("ens", HANDLE, "{hd}.eth"),
    ]),
    "shortener": ("site", [
        ("lnk.to", URL, "lnk.to/{code}"), ("shorturl.gg", URL, "shorturl.gg/{code}"),
        ("qrlk.io", URL, "qrlk.io/{code}"), ("tapto.win", URL, "tapto.win/{code}"),
        ("go2.ink", URL, "go2.ink/{code}"), ("rb.gy", URL, "rb.gy/{code}"),
    ]),
}
FAMILY_NAMES = tuple(FAMILIES)

URL_OBFS = ("https", "markdown", "angle", "hxxps", "spaces", "paren-dot", "bracket-dot",
            "brace-dot", "zero-width", "space-in-domain", "line-break", "upper", "url-encoded",
            "copy-browser", "dot-words", "fullwidth", "ideographic-dot", "hxxp-bracket")
HANDLE_OBFS = ("spaces", "zero-width", "upper", "line-break", "copy", "grouped", "paren-dot")
POINTERS = ("qr", "highlights")


def _host_path(u: str) -> tuple[str, str]:
    host, sep, path = u.partition("/")
    return host, sep + path


def _zw(s: str, rng: random.Random) -> str:
    out = []
    for i, ch in enumerate(s):
        out.append(ch)
        if 0 < i < len(s) - 1 and ch.isalnum() and rng.random() < 0.35:
            out.append(rng.choice("\u200b\u200c\u200d\u2060"))
    return "".join(out)


def _spaces(s: str, rng: random.Random, n: int = 3) -> str:
    cut = sorted(rng.sample(range(2, max(3, len(s) - 1)), min(n, max(1, len(s) - 3))))
    parts, last = [], 0
    for c in cut:
        parts.append(s[last:c])
        last = c
    return " ".join([*parts, s[last:]])


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


_URL_WRAP = {"https": "https://{}", "angle": "<https://{}>", "hxxps": "hxxps://{}",
             "copy-browser": "copy this into your browser: {}", "zero-width": "{}"}
_HOST_DOT = {"paren-dot": "(dot)", "bracket-dot": "[.]", "brace-dot": "{dot}",
             "ideographic-dot": "\u3002", "dot-words": " dot ", "hxxp-bracket": "[.]"}


def _space_in_domain(host: str) -> str:
    labels = host.split(".")
    i = max(range(len(labels)), key=lambda j: len(labels[j]))
    if len(labels[i]) <= 3:
        return host.replace(".", " .", 1)
    k = len(labels[i]) // 2
    labels[i] = labels[i][:k] + " " + labels[i][k:]
    return ".".join(labels)


def obfuscate(raw: str, kind: str, obf: str, app: str, rng: random.Random) -> str:
    """One way back, spelt as 2026 spammers spell it; a person can still follow it."""
    pointers = {"plain": raw, "qr": f"scan the QR in my pfp, it opens my {app}",
                "highlights": f"link to my {app} in my highlights"}
    if obf in pointers:
        return pointers[obf]
    word, _, val = raw.rpartition(" ") if kind == HANDLE else ("", "", raw)
    word += " " if word else ""
    if obf == "spaces":
        return word + _spaces(val, rng) + " (remove the spaces)"
    if kind == HANDLE:
        k = len(val) // 2
        return {
            "zero-width": lambda: word + _zw(val, rng), "upper": lambda: raw.upper(),
            "line-break": lambda: word + val[:k] + "\n" + val[k:],
            "copy": lambda: f"copy this exactly: {raw}",
            "grouped": lambda: word + " ".join(val[i:i + 4] for i in range(0, len(val), 4)),
            "paren-dot": lambda: word + val.replace(".", " (dot) ").replace("@", "(at) ")
            .replace("$", "(dollar) "),
        }[obf]()
    host, path = _host_path(raw)
    if obf in _URL_WRAP:
        return _URL_WRAP[obf].format(_zw(raw, rng) if obf == "zero-width" else raw)
    if obf in _HOST_DOT:
        out = host.replace(".", _HOST_DOT[obf])
        if obf == "dot-words":
            return out + path.replace("/", " slash ", 1)
        return ("hxxp://" if obf == "hxxp-bracket" else "") + out + path
    if obf == "url-encoded":
        enc = quote(path[1:], safe="")
        enc = "".join(f"%{ord(c):02X}" if c.isalnum() and i < 2 else c for i, c in enumerate(enc))
        return f"https://{host}/{enc}"
    return {
        "markdown": lambda: f"[{rng.choice(('claim', 'join', 'open', 'start'))}](https://{raw})",
        "space-in-domain": lambda: _space_in_domain(host) + path,
        "line-break": lambda: host + "\n" + path if path else host.replace(".", ".\n", 1),
        "upper": lambda: host.upper() + (path.upper() if re.fullmatch(r"[/\d?=+#a-z.]*", path)
                                         else path),
        "fullwidth": lambda: _fullwidth(host) + path,
    }[obf]()


@dataclass(frozen=True)
class Style:
    family: str
    form: str
    kind: str
    template: str
    obf: str

    @property
    def key(self) -> str:
        return f"{self.family}/{self.form}/{self.obf}"


def _catalogue() -> list[Style]:
    styles: list[Style] = []
    n = 0
    for fam, (_app, forms) in FAMILIES.items():
        for j, (form, kind, tpl) in enumerate(forms):
            pool = URL_OBFS if kind == URL else HANDLE_OBFS
            picked = ["plain", *(pool[(n + k * 5) % len(pool)] for k in range(5))]
            if kind == URL and j == 0:  # every URL obfuscation on each family's first form
                picked = ["plain", *pool]
            n += 1
            styles += [Style(fam, form, kind, tpl, o) for o in dict.fromkeys(picked)]
        styles += [Style(fam, "pointer", HANDLE, forms[0][2], p) for p in POINTERS]
    return styles


STYLES = _catalogue()


def render(style: Style, ident: dict[str, str], rng: random.Random) -> str:
    hd = re.sub(r"[^a-z0-9]", "", ident["h"].lower())
    raw = style.template.format(hd=hd, **ident)
    return obfuscate(raw, style.kind, style.obf, FAMILIES[style.family][0], rng)


# ---- pitches ---------------------------------------------------------------------------------

SYN: dict[str, tuple[str, ...]] = {
    "hi": ("hi", "hey", "hello", "hiya", "yo", "heyy", "good evening"),
    "join": ("join", "hop in", "come in", "enter", "get in"),
    "tap": ("tap", "click", "open", "hit", "use"),
    "grab": ("grab", "collect", "take", "pick up", "get"),
    "msg": ("message", "DM", "text", "ping", "write to"),
    "now": ("now", "today", "tonight", "asap", "before midnight", "in the next hour"),
    "big": ("big", "huge", "massive", "serious", "real"),
    "easy": ("easy", "simple", "quick", "no-stress", "chill"),
    "spot": ("spot", "place", "seat", "slot"),
    "pay": ("paid", "rewarded", "credited", "settled"),
}
FILLERS = ("btw", "honestly", "no joke", "fr", "ok so", "real quick", "🙏", "✨", "🔥", "!!",
           "trust me", "lol", "👇", "💯", "just saying")
THEMES: dict[str, tuple[tuple[str, ...], ...]] = {  # leads, calls to action, corpus swaps
    "crypto": (("the {big} airdrop closes {now}", "your wallet qualified for the token drop",
        "our signal group did 3x this week", "BTC desk opened 20 new {spot}s"),
        ("{join} here", "{tap} to {grab} yours", "ask the bot", "{msg} me the word GO"),
        ("token bonus", "USDT", "wallet", "airdrop")),
    "jobs": (("{easy} remote task job, 30 min a day, {pay} daily",
        "HR here, part-time online work for you", "like videos and get {pay} per task",
        "we hire reviewers from home, no CV"),
        ("{msg} the recruiter", "{tap} to apply", "{join} the task group", "see the brief"),
        ("daily pay", "bonus", "phone", "task")),
    "giveaway": (("you got picked in our giveaway", "last {spot} in the gift card draw is yours",
        "our birthday giveaway picked your account", "you won the iPhone 17 raffle"),
        ("{grab} it here", "{tap} to confirm", "{msg} us to ship it", "{join} to receive"),
        ("gift card", "reward", "phone", "voucher")),
    "adult": (("so bored alone {now} 😘", "my private pics are not here 🙈",
        "new in town, looking for fun", "I saw you and had to write 💋"),
        ("find me here", "{msg} me there", "come see", "{join} my private page"),
        ("private pics", "night", "phone", "date")),
    "support": (("unusual login on your account, verify {now}",
        "your page will be disabled in 24h", "security team: confirm you are the owner",
        "your refund is pending approval"),
        ("{msg} support", "{tap} to verify", "open your ticket", "contact the agent"),
        ("refund", "account", "phone", "review")),
    "delivery": (("your parcel is on hold, address incomplete", "courier missed you {now}",
        "package waiting, small customs fee", "we could not deliver your order"),
        ("reschedule here", "{tap} to track", "{msg} the courier", "pay the fee here"),
        ("parcel", "delivery", "phone", "fee")),
}
THEME_NAMES = tuple(THEMES)
_BAD = re.compile(r"\d|txt|www|http|call|reply|send|stop|unsub|£|\$|@|ppm|p/m|text|chat|per|"
                  r"\w\.\w|click|visit|dload|msg", re.I)
_SWAP = ((r"\b(prize|award|cash|camera|holiday|vouchers?|ringtones?|tones?)\b", 0),
         (r"\b(won|awarded)\b", 1), (r"\b(mobile|phone|nokia)\b", 2), (r"\b(draw|quiz)\b", 3))
_README = ((r"claim your prize", "take it"), (r"valued customer", "dear friend"),
           (r"free entry", "a spot"))


def fragments(spam: list[str]) -> list[str]:
    """Clauses of corpus spam without its own numbers or links, to be re-pitched."""
    out: list[str] = []
    for text in spam:
        for part in re.split(r"(?<=[.!?])\s+|\s*[,;:]\s*|\s+-\s+", text):
            part = part.strip(" .!?")
            if 18 <= len(part) <= 64 and not _BAD.search(part):
                out.append(part)
    return sorted(set(out))


def repitch(fragment: str, theme: str) -> str:
    sub = THEMES[theme][2]
    for pat, i in _SWAP:
        fragment = re.sub(pat, sub[i], fragment, flags=re.I)
    for pat, rep in _README:
        fragment = re.sub(pat, rep, fragment, flags=re.I)
    return fragment


def fill(template: str, rng: random.Random | None) -> str:
    """{word} -> a synonym: a random one (spun) or the first (fixed)."""
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(SYN[m[1]]) if rng else SYN[m[1]][0],
                  template)


_LEET = {"o": "0", "e": "3", "i": "1", "a": "4", "s": "5"}
_HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441"}
_SPEAK = ((r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bto\b", "2"), (r"\bfor\b", "4"),
          (r"\btonight\b", "2nite"), (r"\bare\b", "r"), (r"\bplease\b", "pls"))


def fold(text: str, rng: random.Random) -> str:
    """Digits for letters, look-alikes, spacing, case, invisible characters, text speak."""
    for pat, rep in _SPEAK:
        if rng.random() < 0.5:
            text = re.sub(pat, rep, text, flags=re.I)
    out = []
    for ch in text:
        r = rng.random()
        if ch.lower() in _LEET and r < 0.12:
            ch = _LEET[ch.lower()]
        elif ch in _HOMO and r < 0.25:
            ch = _HOMO[ch]
        elif ch == " " and r < 0.15:
            ch = "  "
        elif ch.isalpha() and r < 0.08:
            ch = ch.swapcase()
        elif ch.isalpha() and r < 0.11:
            ch += "\u200b"
        out.append(ch)
    return "".join(out)


@dataclass
class Template:
    lead: str
    fragment: str
    cta: str


@dataclass
class Campaign:
    family: str
    theme: str
    idents: list[dict[str, str]]
    styles: list[Style]
    templates: list[Template]
    signature: str
    rng: random.Random
    last_style: str = ""

    def wayback(self, fixed: bool = False) -> str:
        rng = self.rng
        styles = self.styles
        style = styles[0] if fixed else rng.choice(styles)
        self.last_style = style.key
        ident = self.idents[0] if fixed else rng.choice(self.idents)
        return render(style, ident, random.Random(0) if fixed else rng)

    def copy(self, name: str | None, *, spin: bool, personal: bool, fold_it: bool = False,
             template: Template | None = None, fixed_way: bool = False) -> str:
        rng = self.rng
        t = template or self.templates[0]
        r = rng if spin else None
        lead, cta = fill(t.lead, r), fill(t.cta, r)
        lead_s, frag_s = lead[0].upper() + lead[1:] + ".", t.fragment + "."
        greet = f"{fill('{hi}', r).capitalize()} {name}," if name else ""
        sents = [lead_s, frag_s]
        filler = rng.choice(FILLERS) if spin and rng.random() < 0.7 else ""
        if spin:
            rng.shuffle(sents)
            sents.insert(rng.randrange(3), filler)
        way = self.wayback(fixed=fixed_way)
        tail = f"{cta[0].upper() + cta[1:]}: {way}"
        if personal:
            code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(5))
            tail += f" (ref {code}) {self.signature}"
        if len(tail) > MAX_CHARS - 10:
            tail = way
        parts = [greet, *sents]
        for drop in (frag_s, filler, greet, lead_s):
            if len(" ".join(p for p in [*parts, tail] if p)) <= MAX_CHARS:
                break
            parts = [p for p in parts if p != drop]
        pitch = " ".join(p for p in parts if p)
        if fold_it and pitch:
            pitch = fold(pitch, rng)
        return f"{pitch} {tail}" if pitch else tail

    def short(self, name: str | None) -> str:
        rng = self.rng
        way = self.wayback()
        hook = rng.choice(("gift 4 u", "u won", "job 4 u", "drop live", "bonus", "😘 here",
                           "pkg held", "urgent", "free", "$$$", "🎁", "ur turn", "verify",
                           "hot pics"))
        for parts in ([name, hook, way], [hook, way], [name, way], [way]):
            text = " ".join(p for p in parts if p)
            if alnum(text) < SHORT_ALNUM:
                return text
        return way

    def split(self, name: str | None) -> list[str]:
        rng = self.rng
        text = self.copy(name, spin=True, personal=rng.random() < 0.5)
        head, _, way = text.rpartition(": ")
        mode = rng.randrange(3)
        if mode == 0 or len(way) < 10 or " " in way:
            return [head, "👉 " + way]
        if mode == 1:
            k = len(way) // 2
            return [head + " " + way[:k], way[k:] + " (join the 2 bits)"]
        cut = head.find(".") + 1 or len(head) // 2
        return [p for p in (head[:cut], head[cut:].strip(), way) if p]


def campaign(rng: random.Random, frags: list[str], family: str, *, k_templates: int = 1,
             n_idents: int = 1, n_styles: int = 1, short: bool = False) -> Campaign:
    theme = rng.choice(THEME_NAMES)
    th = THEMES[theme]
    fam_styles = [s for s in STYLES if s.family == family]
    if short:  # spellings short enough for a text under 32 letters and digits
        probe = identity(random.Random(0))
        fam_styles = ([s for s in fam_styles if alnum(render(s, probe, random.Random(0))) <= 24]
                      or [s for s in fam_styles if s.obf in POINTERS])
    styles = rng.sample(fam_styles, min(n_styles, len(fam_styles)))
    templates = [Template(rng.choice(th[0]), repitch(rng.choice(frags), theme),
                          rng.choice(th[1])) for _ in range(k_templates)]
    sig = rng.choice(("- Mia", "~ Team Nova", "xx Luna", "- HR Desk", "(support)", "- Kai"))
    return Campaign(family, theme, [identity(rng) for _ in range(n_idents)], styles, templates,
                    sig, rng)


# ---- ordinary links and payment handles between friends (ham, and the probe) ---------------

FRIEND_LINKS = (
    "did you see this? https://www.bbc.co.uk/news/uk-68123456",
    "this is the article I meant theguardian.com/world/2026/mar/04/floods",
    "lol watch this youtu.be/dQw4w9WgXcQ",
    "the song from last night https://www.youtube.com/watch?v=kJQP7kiw5Fk",
    "booked us a table at 8, menu's here www.lucianostrattoria.co.uk",
    "we're here, come find us maps.app.goo.gl/xYz12AbCd",
    "meet at the north gate https://goo.gl/maps/Qw3rTy12",
    "made a road trip playlist open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M",
    "dinner was 23.40 each, paypal.me/sarahjones whenever Ben",
    "can you send me 12 for the cab? my paypal.me/tomk",
    "venmo me @maya-lee-22 for the concert tickets pls",
    "cash app me $jdoe88 for the pizza, 9 each", "revolut.me/annak for the flat deposit, thanks!",
    "notes for thursday docs.google.com/document/d/1aBcD2eFgH3iJkL",
    "made a group for the trip chat.whatsapp.com/Gk2a9LpQxT7bZ",
    "we're playing at 9, server is discord.gg/mates42",
    "mum made a family group, join here chat.whatsapp.com/FaMiLy2026xyz",
    "my tutor's booking page is calendly.com/mrs-patel-maths, she's great",
    "sign up for the school fair stalls forms.gle/SchoolFair26",
    "our band finally has a linktree! linktr.ee/thedamplanterns",
    "the club's new site sites.google.com/view/hillside-harriers",
    "here's the trip plan in notion notion.so/ourtrip/Lisbon-2026",
    "get this game, we can play together apps.apple.com/app/id1482155847",
    "the android one play.google.com/store/apps/details?id=com.duolingo",
    "just text me on whatsapp when you land, wa.me/447700900461 is my new one",
    "my new number is 07700 900461, save it", "telegram group for the course t.me/+QwErTy12AsDf",
    "I'm @sam_runs on insta if you want the pics",
    "send the refund to my wallet 0x52908400098527886E0F7030069857D2E4169EE7",
    "it's under my ens sam.eth now", "the recipe: bbcgoodfood.com/recipes/easy-pancakes",
    "tickets are on sale at ticketmaster.co.uk now!!",
    "the flat listing rightmove.co.uk/properties/14237891",
    "joined signal finally, the group link is signal.group/#CjQKIHhGro",
    "the photos from the wedding are on photos.app.goo.gl/AbC123xyz",
    "cinema at 7? showtimes on odeon.co.uk",
    "the vet's number is 020 7946 0018 if Bella gets worse",
    "I put the pics in the dropbox, dropbox.com/sh/abc123/photos",
    "it's on the school's calendar, calendar.google.com/calendar/u/0/r",
    "match highlights on bbc.co.uk/sport/football", "ok send it to my paypal, same email as always",
    "split the airbnb? airbnb.co.uk/rooms/51234567",
    "her wedding list is at johnlewis.com/wedding-list",
    "github.com/sam/dotfiles has my config if you want it",
    "my strava is strava.com/athletes/1234567, follow me!", "paid you back on venmo, check it",
    "I'll paypal you tonight for the tickets", "the menu is a QR code on the table, just scan it",
    "my holiday pics are in my highlights if you want to see Lisbon",
    "add me on discord, same name as here", "join the family whatsapp group, mum will add you",
    "my telegram is the same as my insta", "the band's tour dates are on our linktree",
    "fill in the google form Sarah sent for the fair", "book a slot on my calendly, whatever suits",
    "send it to my cash app, same as last time", "I put the shopping list in our notion",
    "download the app from the app store, it's free",
    "the wifi password is on the QR by the fridge",
    "check the link in my bio for the fundraiser, thank you all!!",
)
