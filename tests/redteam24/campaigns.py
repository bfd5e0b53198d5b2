"""Round 24's spam campaigns, written blind from README, docs/*.md and rules/default.toml.

Each campaign is one sender for a simulated day (tests.redteam24.harness): every ``pace()``
seconds it takes a new unit of strangers (1, or a new group of 2 to 4), sends the messages of
``plan()`` to it (kind "opener": nothing to act on; any other kind carries a way back or a
piece of one) and writes every copy, and every retry, anew (``text``).

Payloads are built from the corpus's real spam (``corpus.gist``: numbers, links and codes cut,
every trade word of docs/spam.md said otherwise) and a way back the docs say is still missed
or that they do not mention."""
from __future__ import annotations

import random
import re
import string

from tests.redteam24.corpus import gist, ham_sentences

LIMIT = 140


def fit(*parts: str, sep: str = " ") -> str:
    """Join the parts; trim the first (the carrier) word by word until it fits 140."""
    parts = [p for p in parts if p]
    text = sep.join(parts)
    while len(text) > LIMIT and parts and " " in parts[0]:
        parts[0] = parts[0].rsplit(" ", 1)[0]
        text = sep.join(parts)
    return text[:LIMIT]


# ----------------------------------------------------------------------------- ways back

def phone(rng: random.Random) -> str:
    return "07" + "".join(rng.choice(string.digits) for _ in range(9))


def groups(num: str, rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(num):
        n = rng.choice((2, 3, 3, 4))
        out.append(num[i:i + n])
        i += n
    return out


_ROMAN = ["nulla", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]


def roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out or "nulla"


def way_roman(num: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        body = rng.choice((" ", "-", ".", " / ")).join(_ROMAN[int(d)] for d in num)
    else:
        body = ", ".join(roman(int(g)) if int(g) else "nulla" for g in groups(num, rng))
    lead = rng.choice(("my digits in old money:", "ring me on", "roman style, my cell:",
                       "numbers the ancient way ->", "my mobile (caesar edition):", "buzz me"))
    return f"{lead} {body}"


def _expr(v: int, rng: random.Random) -> str:
    k = rng.random()
    if v > 3 and k < 0.3:
        a = rng.randint(1, v - 1)
        return f"{a}+{v - a}"
    if k < 0.55:
        b = rng.randint(1, 50)
        return f"{v + b}-{b}"
    if k < 0.8 and v % 2 == 0 and v:
        return f"2x{v // 2}"
    return f"{v * 3}/3"


def way_arith(num: str, rng: random.Random) -> str:
    gs = groups(num, rng)
    body = rng.choice((", ", " | ", " then ", " ; ")).join(
        ("0" * (len(g) - len(g.lstrip("0"))) + _expr(int(g), rng)) if g.lstrip("0") else g for g in gs)
    lead = rng.choice(("do the maths for my cell:", "my number, solve it:", "work it out & buzz me:",
                       "little puzzle = my mobile:", "figure these out and ring:"))
    return f"{lead} {body}"


_LANGS = {
    "it": "zero uno due tre quattro cinque sei sette otto nove",
    "fi": "nolla yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän",
    "sw": "sifuri moja mbili tatu nne tano sita saba nane tisa",
    "hu": "nulla egy kettő három négy öt hat hét nyolc kilenc",
    "eo": "nul unu du tri kvar kvin ses sep ok naŭ",
    "cy": "dim un dau tri pedwar pump chwech saith wyth naw",
    "cs": "nula jedna dva tři čtyři pět šest sedm osm devět",
    "ro": "zero unu doi trei patru cinci șase șapte opt nouă",
    "la": "nihil unus duo tres quattuor quinque sex septem octo novem",
    "ga": "náid aon dó trí ceathair cúig sé seacht ocht naoi",
}


def way_foreign(num: str, rng: random.Random) -> str:
    lang = rng.choice(list(_LANGS))
    words = _LANGS[lang].split()
    body = " ".join(words[int(d)] for d in num)
    lead = rng.choice(("my cell:", "numero:", "ring", "mob", "digits ->", "here:"))
    return f"{lead} {body}"


def way_and(num: str, rng: random.Random) -> str:
    j = rng.choice((" and ", " & ", " n ", " and then ", " plus "))
    body = j.join(groups(num, rng))
    return f"{rng.choice(('buzz', 'ring me on', 'my mob is', 'hit me up on', 'tap in'))} {body}"


_LOWER = {"0": "o", "1": "l", "2": "z", "5": "s", "6": "b", "9": "g", "3": "e", "4": "a"}


def way_lower(num: str, rng: random.Random) -> str:
    p = rng.uniform(0.6, 1.0)
    body = "".join(_LOWER[d] if d in _LOWER and rng.random() < p else d for d in num)
    if rng.random() < 0.5:
        body = " ".join(groups(body, rng))
    return f"{rng.choice(('ring', 'buzz me', 'mob', 'my cell', 'tap in'))} {body}"


_KEYPAD = {"2": "abc", "3": "def", "4": "ghi", "5": "jkl", "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz"}
_VANITY_WORDS = ["FUN", "LUV", "HOT", "JOY", "WOW", "YES", "GO", "PLAY", "KISS", "TALK", "NOW", "BABE",
                 "MEET", "DATE", "SUNNY", "LUCK", "TREAT", "GLOW", "HUGS", "GOLD"]


def way_vanity(prefix: str, rng: random.Random) -> str:
    ws = rng.sample(_VANITY_WORDS, rng.choice((2, 3)))
    sep = rng.choice((" ", "-", " . "))
    return f"{rng.choice(('dial', 'ring', 'tap', 'buzz', 'phone'))} {prefix} {sep.join(ws)}"


_APPS = ["the yellow app with the little ghost", "the green app with the phone bubble",
         "the blue bird place", "the app with the camera logo", "the paper plane app",
         "the app where pics vanish", "the purple camera app", "that swipey app with the flame",
         "the one with the blue paper plane", "the other app with the ghost"]
_SAME = ["same name as on here", "same name as here", "my name there is my name here",
         "look for this same name", "same pic same name", "i use the exact same name"]


def way_app(rng: random.Random) -> str:
    return f"{rng.choice(('find me on', 'im on', 'come say hi on', 'catch me on', 'add me on'))} " \
           f"{rng.choice(_APPS)}, {rng.choice(_SAME)}"


_CO_A = ["Silverline", "Bluewater", "Northgate", "Brightpath", "Redwood", "Greenleaf", "Highfield",
         "Oakmere", "Sunridge", "Kingsway", "Harbour", "Crestview"]
_CO_B = ["Travel Partners", "Consumer Services", "Holdings", "Media Group", "Leisure", "Assist",
         "Connect", "Promotions Team", "Lifestyle", "Solutions"]


def way_google(co: str, rng: random.Random) -> str:
    verb = rng.choice(("google", "look up", "search", "type into google", "find"))
    return f"{verb} {co} {rng.choice(('and ask for Dana', 'ask for me', 'the desk will sort it', 'theyll know', ''))}".strip()


_PIC = ["it's all on my page", "check my pfp", "dm me for the link", "scan the square in my newest pic",
        "the code is in my second photo", "it's in the pic on my page, zoom in",
        "everything you need is in my latest post", "look at my header photo", "my pfp says it all",
        "the qr in my pic takes you there", "screenshot my pic and scan it"]


def way_pic(rng: random.Random) -> str:
    return rng.choice(_PIC)


_HOSTS = ["posteo de", "mailfence", "tuta io", "runbox", "disroot", "gmx ch", "mail ee", "inbox lv",
          "seznam cz", "o2 pl", "laposte net", "web de"]
_FIRST = ["dana", "kelly", "rosie", "mia", "jade", "lana", "nina", "tara", "zoe", "ella"]


def way_email(local: str, rng: random.Random) -> str:
    host = rng.choice(_HOSTS)
    forms = (f"drop a line to {local} on {host}", f"inbox me: {local}, {host}", f"mail {local} over at {host}",
             f"{local} is my name on {host}", f"my mailbox is {local} at {host}")
    return rng.choice(forms)


def way_username(rng: random.Random) -> str:
    return rng.choice((
        "my number is my username here, just put 07 in front", "the digits after my name on here are my cell",
        "add 07 to the numbers in my name and ring", "my handle minus the letters = my mobile",
        "my @ here has my digits, stick a 07 before them", "take the numbers from my name, thats my phone"))


def way_chat(rng: random.Random) -> str:
    return rng.choice((
        "just pop your answer into this very chat", "a quick yes in this thread and its yours",
        "tell me in here which one you fancy", "send me a thumbs up right in this box",
        "answer me in this window", "leave me a word right here and I will sort it"))


def way_handle(name: str, rng: random.Random) -> str:
    return rng.choice((f"@{name}", f"follow @{name}", f"@{name} has more", f"all on @{name}"))


def way_any(state: dict, rng: random.Random) -> str:
    k = rng.randrange(10)
    return [lambda: way_roman(state["num"], rng), lambda: way_arith(state["num"], rng),
            lambda: way_foreign(state["num"], rng), lambda: way_and(state["num"], rng),
            lambda: way_lower(state["num"], rng), lambda: way_app(rng),
            lambda: way_google(state["co"], rng), lambda: way_pic(rng),
            lambda: way_email(state["local"], rng), lambda: way_username(rng)][k]()


# ----------------------------------------------------------------------------- campaigns

class Campaign:
    name = ""
    unit_size = 1
    pace_range = (1820.0, 1980.0)   # 12 strangers in 6 hours is the strangers rule: just under

    def __init__(self, rng: random.Random, sid: str) -> None:
        self.rng = rng
        self.sid = sid
        self.state = {"num": phone(rng), "co": f"{rng.choice(_CO_A)} {rng.choice(_CO_B)}",
                      "local": rng.choice(_FIRST) + rng.choice(("k", "x", "price", "b", "ward")),
                      "handle": rng.choice(_FIRST) + rng.choice(("treats", "goodies", "deals", "vibes"))}
        self.refused_codes: set[str] = set()

    def plan(self) -> list[tuple[float, str]]:
        return [(0.0, "payload")]

    def pace(self) -> float:
        return self.rng.uniform(*self.pace_range)

    def next_size(self) -> int:
        return self.unit_size

    def carrier(self, maxlen: int = 80) -> str:
        return gist(self.rng, maxlen)

    def way(self) -> str:
        raise NotImplementedError

    def text(self, kind: str) -> str:
        return fit(self.carrier(), self.way(), sep=rng_sep(self.rng))

    def after_refusal(self, codes: set[str]) -> None:
        self.refused_codes |= codes


def rng_sep(rng: random.Random) -> str:
    return rng.choice((" ", ". ", "! ", " - ", "... ", " :) ", "\n"))


class Roman(Campaign):
    """The number in Roman numerals, digit by digit or group by group."""
    name = "roman"

    def way(self) -> str:
        return way_roman(self.state["num"], self.rng)


class Arith(Campaign):
    """The number's groups as sums, differences, products and quotients."""
    name = "arith"

    def way(self) -> str:
        return way_arith(self.state["num"], self.rng)


class Foreign(Campaign):
    """The digits spelt in a language the docs do not list (Italian, Finnish, Swahili, ...)."""
    name = "foreign"

    def way(self) -> str:
        return way_foreign(self.state["num"], self.rng)


class AndJoined(Campaign):
    """The number in groups joined by "and", "&", "n", "plus"."""
    name = "andjoined"

    def way(self) -> str:
        return way_and(self.state["num"], self.rng)


class LowerLetters(Campaign):
    """Lower-case look-alike letters for digits (o, l, z, s, b, g, e, a)."""
    name = "lowerdigits"

    def way(self) -> str:
        return way_lower(self.state["num"], self.rng)


class Vanity(Campaign):
    """A premium prefix then keypad words with spaces ("0906 LUV NOW")."""
    name = "vanity"

    def __init__(self, rng: random.Random, sid: str) -> None:
        super().__init__(rng, sid)
        self.prefix = rng.choice(("0906", "0871", "0905", "0909", "0330"))

    def way(self) -> str:
        return way_vanity(self.prefix, self.rng)


class AppWords(Campaign):
    """An app described in words and "same name as here"."""
    name = "appwords"

    def way(self) -> str:
        return way_app(self.rng)


class GoogleCompany(Campaign):
    """A company's name in plain words to search for."""
    name = "googleco"

    def way(self) -> str:
        return way_google(self.state["co"], self.rng)


class PicPointer(Campaign):
    """A QR code or the details in a picture on the profile; "dm me for the link"."""
    name = "picpointer"

    def way(self) -> str:
        return way_pic(self.rng)


class RareMail(Campaign):
    """An e-mail address said with a host that is not gmail/yahoo/outlook."""
    name = "raremail"

    def way(self) -> str:
        return way_email(self.state["local"], self.rng)


class UsernameNumber(Campaign):
    """"My number is my username here": the way back is the sender's own name."""
    name = "username"

    def way(self) -> str:
        return way_username(self.rng)


_TWO_HOP = {
    "you": ["thee", "yourself", "ye"], "your": ["thy", "thine", "yer"], "have": ["possess", "hold"],
    "get": ["procure", "land", "bag"], "to": ["towards", "unto"], "for": ["fore", "on behalf of"],
    "the": ["yon", "da"], "is": ["be", "doth be"], "a": ["one", "some"], "and": ["plus", "as well as"],
    "this": ["yonder", "dis"], "now": ["presently", "anon"], "send": ["dispatch", "post over"],
    "me": ["yours truly", "moi"], "new": ["fresh", "novel"], "just": ["merely", "simply"],
    "with": ["alongside", "amid"], "we": ["us lot", "our crew"], "are": ["be", "art"],
    "on": ["upon", "atop"], "in": ["within", "inside of"], "of": ["o'", "outta"],
}


def two_hop(text: str, rng: random.Random) -> str:
    def sub(m: re.Match) -> str:
        w = m.group(0)
        alts = _TWO_HOP.get(w.lower())
        return rng.choice(alts) if alts and rng.random() < 0.8 else w
    return re.sub(r"[A-Za-z']+", sub, text)


class SynonymChat(Campaign):
    """Spam rewritten with synonyms of synonyms ("thee", "fore", "towards"), answer in this chat."""
    name = "synsyn"

    def text(self, kind: str) -> str:
        return fit(two_hop(self.carrier(90), self.rng), way_chat(self.rng), sep=rng_sep(self.rng))


def spin(template: str, rng: random.Random) -> str:
    """Nested spintax {a|b{c|d}}: innermost first."""
    pat = re.compile(r"\{([^{}]*)\}")
    while True:
        m = pat.search(template)
        if not m:
            return re.sub(r"\s{2,}", " ", template).strip()
        template = template[:m.start()] + rng.choice(m.group(1).split("|")) + template[m.end():]


_SPIN = ("{{hey|hiya|heya|oi|yo} {there|you|stranger|{lovely|gorgeous} {one|human}}|{evening|morning|afternoon} "
         "{all|lovely}|{so|ok so} {random|weird} {question|thing}}{!|,|...|.} "
         "{{I|we} {{have|got} {something|a {little|tiny|sweet} {surprise|something}} {for you|with your name on it}|"
         "{put|kept} {something|a bit} {aside|by} for {you|ya}}|{a {little|small} {bird|birdie} {told|said to} me|"
         "{word|news} {is|goes}} {you {deserve|need} a {treat|{good|proper} {weekend|night}}|"
         "{{it's|its} your {turn|lucky week}}}}{.|!|!!|,} "
         "{{I'll|i will|I can} {explain|tell {all|you more}|fill you in}|{more|details|the rest} {{on|via} "
         "{request|ask}|{when|if} you {want|fancy}}}{,|.|;} ")
_SPIN_WAY = ["{{dm|message} me {for|and I'll send} the link|{it's|its} all on my page|{check|see} my {pfp|header pic}}",
             "{scan|snap} the {code|square} in my {newest|latest|second} {pic|photo}",
             "{{I'm|im} on|{find|add} me on} {the {yellow|purple} {ghost|camera} app|the app with the "
             "{flame|paper plane}}{,| -} same name {as here|as on here}"]


class Spintax3(Campaign):
    """A lure spun from a 3-level spintax, a spun pointer to the profile or an app in words."""
    name = "spintax3"

    def text(self, kind: str) -> str:
        return fit(spin(_SPIN, self.rng), spin(self.rng.choice(_SPIN_WAY), self.rng))


class Split3(Campaign):
    """An opener (a real ham sentence), then the number in 3 pieces, each with words of its own."""
    name = "split3"

    def __init__(self, rng: random.Random, sid: str) -> None:
        super().__init__(rng, sid)
        self.pieces = [self.state["num"][:4], self.state["num"][4:7], self.state["num"][7:]]
        self.i = 0

    def plan(self) -> list[tuple[float, str]]:
        return [(0.0, "opener"), (300.0, "p0"), (620.0, "p1"), (950.0, "p2")]

    def text(self, kind: str) -> str:
        r = self.rng
        if kind == "opener":
            return fit(self.carrier(90), r.choice(("anyway", "so yeah", "lol", "")), "")
        p = self.pieces[int(kind[1])]
        forms = [["ring {} later", "start w {} ok", "first bit {} hun", "so {} is the start"],
                 ["then {} ok", "next {} babe", "middle is {} x", "then {} right"],
                 ["and {} ends it", "last {} xx", "finish with {} :)", "end {} ok"]][int(kind[1])]
        return r.choice(forms).format(p)


class BenignThen(Campaign):
    """A real ordinary text to each stranger first; 2 to 5 hours later the payload."""
    name = "benignthen"
    pace_range = (1850.0, 2000.0)

    def plan(self) -> list[tuple[float, str]]:
        return [(0.0, "opener"), (self.rng.uniform(7200, 18000), "payload")]

    def text(self, kind: str) -> str:
        if kind == "opener":
            return self.rng.choice(ham_sentences(120))
        return fit(self.carrier(60), way_any(self.state, self.rng), sep=rng_sep(self.rng))


class HamCamo(Campaign):
    """The payload among different real ordinary sentences."""
    name = "hamcamo"

    def text(self, kind: str) -> str:
        r = self.rng
        w = way_any(self.state, r)
        a = r.choice(ham_sentences(50))
        b = r.choice(ham_sentences(40))
        core = gist(r, 40) if r.random() < 0.5 else ""
        out = f"{a} {core} {w}. {b}".replace("  ", " ")
        while len(out) > LIMIT and b:
            b = b.rsplit(" ", 1)[0] if " " in b else ""
            out = f"{a} {core} {w}. {b}".replace("  ", " ").strip()
        return out[:LIMIT]


_ML = {
    "es": ["tengo algo guardado para ti", "te ha tocado algo bonito esta semana", "hay un regalito con tu nombre",
           "te espera una sorpresa", "mi insta es {h}", "buscame en insta como {h}", "estoy en snap como {h}",
           "escribeme al whats, soy {h}"],
    "fr": ["j'ai quelque chose de côté pour toi", "ton nom est sorti cette semaine", "une petite surprise t'attend",
           "mon insta c'est {h}", "ajoute moi sur snap: {h}", "retrouve moi sur insta, {h}"],
    "pt": ["tenho uma coisinha guardada pra voce", "seu nome saiu essa semana", "tem um mimo te esperando",
           "meu insta é {h}", "me chama no zap, sou {h}", "me acha no snap como {h}"],
    "hi": ["aapke liye kuch khaas rakha hai", "is hafte aapka naam nikla hai", "ek chhota sa surprise aapka intezaar kar raha",
           "mera insta {h} hai", "snap pe add karo, {h}", "insta pe dhoondo {h} naam se"],
    "it": ["ho qualcosa da parte per te", "questa settimana è uscito il tuo nome", "ti aspetta una sorpresina",
           "il mio insta è {h}", "cercami su snap come {h}"],
    "de": ["ich hab was für dich zurückgelegt", "diese woche wurde dein name gezogen", "eine kleine überraschung wartet",
           "mein insta ist {h}", "such mich auf snap als {h}"],
}


class MultiLang(Campaign):
    """The pitch in Spanish, French, Portuguese, Hinglish, Italian or German; a handle with no digit."""
    name = "multilang"

    def text(self, kind: str) -> str:
        r = self.rng
        lang = r.choice(list(_ML))
        lines = _ML[lang]
        pitch = [x for x in lines if "{h}" not in x]
        way = [x for x in lines if "{h}" in x]
        h = self.state["handle"]
        opener = r.choice(("hola", "salut", "oi", "namaste", "ciao", "hallo", "hey", "")) if r.random() < 0.6 else ""
        mix = gist(r, 40) if r.random() < 0.4 else ""
        return fit(mix, f"{opener} {r.choice(pitch)}{r.choice(('!', '...', ' :)', ','))} "
                   f"{r.choice(way).format(h=h)}".strip())


_BREAK = {"a": ["*", "4"], "e": ["*", "3"], "i": ["*", "!"], "o": ["*", "0"], "u": ["*"]}


def broken(text: str, rng: random.Random) -> str:
    """Words broken: vowels for symbols, a word cut in two, letters dotted or hyphenated."""
    out = []
    for w in text.split():
        k = rng.random()
        if len(w) >= 5 and k < 0.3:
            cut = rng.randint(2, len(w) - 2)
            w = w[:cut] + rng.choice((" ", "- ", " ~ ")) + w[cut:]
        elif len(w) >= 4 and k < 0.55:
            w = "".join(rng.choice(_BREAK[c.lower()]) if c.lower() in _BREAK and rng.random() < 0.5 else c for c in w)
        elif len(w) >= 3 and k < 0.7:
            w = rng.choice((".", "-", "'")).join(w)
        out.append(w)
    return " ".join(out)


class Broken(Campaign):
    """Real spam with its trade words kept but broken (c*ngr*ts, pri ze, w.i.n), a bare @name."""
    name = "broken"

    def text(self, kind: str) -> str:
        from tests.redteam24.corpus import softened_spam
        r = self.rng
        raw = r.choice(softened_spam())
        raw = re.sub(r"(https?://\S+|www\.\S+|\S*\d\S*)", " ", raw)
        raw = re.sub(r"\s{2,}", " ", raw).strip()
        if len(raw) > 90:
            raw = raw[:90].rsplit(" ", 1)[0]
        return fit(broken(raw, r), way_handle(self.state["handle"], r))


class Offers50(Campaign):
    """50 different real spam texts in rotation, each softened and respun, any way back of the pool."""
    name = "offers50"

    def __init__(self, rng: random.Random, sid: str) -> None:
        super().__init__(rng, sid)
        from tests.redteam24.corpus import softened_spam
        self.offers = rng.sample(softened_spam(), 50)
        self.k = 0

    def text(self, kind: str) -> str:
        from tests.redteam24.corpus import soften
        raw = self.offers[self.k % 50]
        self.k += 1
        return fit(soften(raw, self.rng, 80), way_any(self.state, self.rng), sep=rng_sep(self.rng))


class GroupsMixed(Campaign):
    """New groups of 2 to 4 strangers and one-to-one copies in turn, every copy another way back."""
    name = "groupsmixed"
    pace_range = (3600.0, 4800.0)

    def next_size(self) -> int:
        return self.rng.choice((1, 2, 3, 4))

    def way(self) -> str:
        return way_any(self.state, self.rng)


FAMILIES = [Roman, Arith, Foreign, AndJoined, LowerLetters, Vanity, AppWords, GoogleCompany, PicPointer,
            RareMail, UsernameNumber, SynonymChat, Spintax3, Split3, BenignThen, HamCamo, MultiLang, Broken,
            Offers50, GroupsMixed]


class Mix(Campaign):
    """Each sender draws 3 families; each unit of strangers gets one of them at random."""
    name = "mix"

    def __init__(self, rng: random.Random, sid: str) -> None:
        super().__init__(rng, sid)
        self.parts = [cls(rng, sid) for cls in rng.sample(FAMILIES, 3)]
        for p in self.parts:
            p.state = self.state
        self.cur = self.parts[0]

    def next_size(self) -> int:
        self.cur = self.rng.choice(self.parts)
        return self.cur.next_size()

    def plan(self) -> list[tuple[float, str]]:
        return [(d, f"{self.parts.index(self.cur)}:{k}") for d, k in self.cur.plan()]

    def text(self, kind: str) -> str:
        i, k = kind.split(":", 1)
        return self.parts[int(i)].text(k)

    def pace(self) -> float:
        return self.cur.pace()


TACTICS = {cls.name: cls for cls in [*FAMILIES, Mix]}
