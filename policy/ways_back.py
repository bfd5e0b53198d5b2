"""The reader of a text's ways back: what it asks its reader to act on.

A campaign needs its readers to act: a phone number or short code (4 digits or more,
however split, or spelled out), a link or domain (also "site DOT com", "site(.)com"), an
e-mail address, a handle on another app, a keyword to reply, an amount of money.
``read_contacts`` reads them however they are written; the links rules count them
(``policy/checks/contacts.py``), the fingerprint keeps them (``policy/fingerprint.py``).
``contact_key`` is one number however it is dialled; ``year_only_contact`` a year alone,
a way back only toward strangers. A promotion's words, the other way back a text can
carry, are read in ``policy/promotion.py``.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from policy.normalize import (
    _ANY_DIGIT,
    _BEFORE_NFKC,
    _CAPITAL_LOOKALIKES,
    _CONTROLS,
    _INVISIBLE,
    _LEET,
    _LETTERS,
    _LOOKALIKES_KEEP_SYMBOLS,
    _SPACED,
    _unseen,
    unconfuse,
)

# Dots a reader reads as the dot of a link or a number ("winprize。club", "077·009"):
# the ideographic full stop (NFKC maps the halfwidth one to it), middle dots, bullets.
_DOTS = str.maketrans({"\u3002": ".", "\u00b7": ".", "\u2022": ".", "\u2219": ".",
                       "\u30fb": ".", "\u2027": ".", "\u22c5": ".",
                       # round 3: more dots a reader reads as one
                       "\u2e31": ".", "\u2981": ".", "\u25e6": ".", "\u2218": ".",
                       "\u25cf": ".", "\ua78f": ".", "\u2024": ".", "\u70b9": ".",
                       # round 5: full stops of other scripts, a runic dot
                       "\ua60e": ".", "\u16eb": ".", "\u2e33": "."})
# The full stops that end every sentence of Urdu, Amharic and Syriac read as a dot only
# glued between a Latin letter or digit and a Latin letter ("winprize\u0701com"), not
# before a space ("204\u06d4 10 ..." is two sentences).
_SENTENCE_STOPS = re.compile(r"(?<=[A-Za-z0-9])[\u06d4\u1362\u0701\u0702]"
                             r"(?=[A-Za-z]|\s?(?:com|net|org|biz|xyz|info)\b)")
_SLASHES = str.maketrans({"\u2044": "/", "\u2215": "/", "\u29f8": "/"})
# Symbols and emoji (not currency) read as a gap: "0🔥8🔥0", "snap → name".
_SYMBOLS = re.compile(r"[^\x00-\x7f\w\s$€£¢¥₹₽₿\u0080-\u024f\u2010-\u2015\u2212]")
# Number words, dot words and app names of other scripts, read before the look-alike
# letters turn Cyrillic into Latin ("ноль" would read "hoль").
_FOREIGN_WORDS = {
    # a digit word becomes its digit alone, so that "ноль восемь" reads "0 8" as "zero
    # eight" does; a dot word or an app's name keeps spaces around it
    "ноль": "0", "нуль": "0", "один": "1", "одна": "1", "два": "2", "две": "2",
    "три": "3", "четыре": "4", "пять": "5", "шесть": "6", "семь": "7",
    "восемь": "8", "девять": "9", "точка": " dot ", "тг": " telegram ",
    "телеграм": " telegram ", "телеграмм": " telegram ", "телега": " telegram ",
    "ватсап": " whatsapp ", "вотсап": " whatsapp ", "вацап": " whatsapp ",
    "电报": " telegram ", "飞机": " telegram ", "微信": " wechat ",
    # Arabic digit words, each a word of its own (round 31: "واتس صفر خمسة صفر واحد ...";
    # "الاثنين", Monday, is one word, not "ال" and "اثنين")
    "صفر": "0", "واحد": "1", "اثنين": "2", "اثنان": "2", "ثلاثة": "3", "ثلاث": "3",
    "أربعة": "4", "اربعة": "4", "خمسة": "5", "ستة": "6", "سبعة": "7", "ثمانية": "8",
    "تسعة": "9",
    # Arabic apps' names (round 31: "سناب: saudi_gifts")
    "سناب": " snap ", "سناب شات": " snapchat ", "واتس": " whatsapp ", "واتساب": " whatsapp ",
    "وتساب": " whatsapp ", "تلجرام": " telegram ", "تليجرام": " telegram ",
    "تيليجرام": " telegram ", "انستا": " insta ", "انستقرام": " instagram ",
    "انستغرام": " instagram ",
}
_CJK_WORDS = frozenset(("电报", "飞机", "微信"))
# Top-level domains of other scripts, as IDNA writes them ("winprize.рф").
_IDN_TLDS = {"рф": "xn--p1ai", "中国": "xn--fiqs8s", "中國": "xn--fiqz9s", "公司": "xn--55qx5d",
             "网络": "xn--io0a7i", "在线": "xn--3ds443g", "укр": "xn--j1amh", "бел": "xn--90ais"}
_CJK_NUMERAL = "[〇零一二三四五六七八九两壹贰貳叁參肆伍陆陸柒捌玖幺洞]"
_FOREIGN = re.compile("|".join(sorted(map(re.escape, _CJK_WORDS), key=len, reverse=True))
                      # a word of a script with spaces stands alone ("опять" is no "пять")
                      + r"|(?<![^\W\d_])(?:" + "|".join(sorted(map(re.escape, set(_FOREIGN_WORDS)
                                                                   - _CJK_WORDS),
                                                               key=len, reverse=True))
                      + r")(?![^\W\d_])"
                      + r"|[〇零一二三四五六七八九两幺洞]{5,}"  # 4 are idioms: "三三两两"
                      # in groups, or in the numerals of cheques ("壹叁捌 零零壹贰 叁肆伍陆")
                      + r"|" + _CJK_NUMERAL + r"(?:[\s\-]*+" + _CJK_NUMERAL + r"){6,}"
                      + r"|(?<=[a-z0-9][.\u3002\uff0e])(?:" + "|".join(_IDN_TLDS) + ")",
                      re.IGNORECASE)  # the text keeps its capitals ("reply WIN"): any case
_FOREIGN_HINT = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff\u3007]")
_CJK_DIGITS = str.maketrans("〇零一二三四五六七八九两壹贰貳叁參肆伍陆陸柒捌玖幺洞",
                            "00123456789212233456678910")
_NUMERAL_SEPARATORS = re.compile(r"[\s\-]")


# Ways back in the words of other languages (round 31, blind: its spam in Portuguese,
# Spanish, French, Hindi, Indonesian, Pidgin, Tagalog, Arabic, Russian, Turkish, German):
# "link na bio", "enlace en mi perfil", "lien dans ma bio", "ссылка в профиле", "الرابط في
# البايو", "link profilde"; an app, a word for its channel or group and an account
# ("telegram kanalı @x", "grupo no tlg @x", "telegram pe join karo @x"); a site's dot said
# before a country's ending ("colis-suivi point fr", "x punkt de", "x точка ру", "x com br");
# a reply word named as one ("manda la palabra INFO", "envie a palavra QUERO"), or after
# Indonesian "ketik" ("ketik YA"). Read in the text as written, case folded.
# What each reading below needs, tested as substrings of the case-folded text (a regex of
# them all cost 50 µs a text): most texts have none of them
_BIO_HINTS = ("bio", "perfil", "profil", "профил", "البايو", "البروفايل", "البيو", "kata kunci")
_DOT_HINTS = (" point ", " punkt ", "точка", " ponto ", " punto ", " titik ", " nokta ", " com ")
_NAMED_HINTS = ("palabra", "palavra", "mot ", "wort ", "kata")
_INVITE_HINTS = ("scame", "grega", "scríbeme", "scribeme", "háblame", "hablame", "chama", "chame",
                 "adiciona", "ajout", "cris-moi", "cris moi", "pishi", "пиш", "добав", "schreib",
                 "hubungi")
_ANY_CAPITALS = re.compile(r"[A-Z]{2}")
_CAPS_WORD = re.compile(r"\b[A-ZÊÔ]{2,7}\b")
_REPLY_WORDS_ABROAD = frozenset("SI SIM OUI JA EVET HAAN HAA OO QUERO QUIERO EU YO INFO MAU GANHAR "
                                "GANAR PREMIO PRÊMIO PRIX BONUS BÔNUS VIP REG DAFTAR YA".split())
_BIO_WORDS = (r"(?:bio|b[i1]o'?da|bioda|perfil|profil|profilde|profilimde|профиле|профиль|bio'da"
              r"|البايو|البروفايل|البيو)")
_LINK_ABROAD = re.compile(
    # "link" then words of another language ("link na bio", "link en la bio", "link dey my
    # bio", "link di bio", "link sa bio ko"; English "link in the bio lab" is read apart)
    r"(?<![^\W\d_])links?\s++(?:(?:na|no|en|la|el|dans|ma|di|sa|do|da|meu|minha|mi|dey|fel|fi|tá"
    r"|ta|está|esta|ada|ke|ko|my)\s++){1,3}(?:bio|perfil|profil)(?![^\W\d_])"
    r"|(?<![^\W\d_])link\s++(?:bio|profil(?:de|imde)?)\s++(?:me|mein|pe|mai)\b"
    r"|\blinki?\s++(?:bio'?(?:da|mda)|profil(?:de|imde))\b"
    # or a word for the link, the address or the bio of another language
    r"|(?<![^\W\d_])(?:enlace|enlaces|lien|liens|ссылка|ссылки|ссылку|الرابط|اللينك|adresi)"
    r"(?:\s+[^\s.!?]+){0,4}?\s+" + _BIO_WORDS + r"(?![^\W\d_])")
_CHANNEL_HANDLE = re.compile(
    r"\b(?:telegram|tlg|tg|tele|whatsapp|wa|zap|insta|instagram|ig|tiktok|discord|snap)\s++"
    r"(?:(?:kanal[ıi]?|channel|canal|grupo|grup|group|gruppe|grupa|pe|par|join|karo|vip|oficial"
    r"|official|no|na|em|en|di|ka|ki|sur|auf|me|ne|mein|ke)\s++){1,3}"
    r"@([a-z0-9_.]{3,32}+)(?![a-z0-9_])"
    r"|\b(?:grupo|grup|group|canal|kanal[ıi]?|channel)\s++(?:no|na|en|di|on|em|de|do|da)\s++"
    r"(?:telegram|tlg|tg|tele|whatsapp|wa|zap|discord)\s*+[:\-]?\s*+@([a-z0-9_.]{3,32}+)(?![a-z0-9_])")
_DOT_ABROAD = re.compile(
    r"(?<![a-z0-9@._/-])([a-z][a-z0-9-]{2,30}+)\s++(?:point|punkt|точка|ponto|punto|titik|nokta)\s++"
    r"(fr|de|ru|ру|br|es|it|pt|in|id|tr|mx|ar|co|ng|ph|pl|at|ch|be|nl|com\s+br|com\s+mx"
    r"|co\s+id|com\s+tr)(?![^\W\d_])"
    r"|(?<![a-z0-9@._/-])([a-z][a-z0-9-]{3,30}+)\s++com\s++(br|mx|tr|ng|ph|pk|my)\b")
_KEYWORD_ABROAD = re.compile(  # the named word in capitals, as written
    r"(?<![^\W\d_])(?i:palabra|palavra|mot|wort|kata(?:\s+kunci)?)(?![^\W\d_])\s*+[:\-]?\s*+[\"'«“]?"
    r"([A-Z][A-Z0-9]{1,11}+)\b")
_BARE_KATA_KUNCI = re.compile(r"(?<![^\W\d_])kata\s+kunci\s*+(?:$|[.!?,:;])")  # alone, a way back
# After "ketik": a form's field or a roll call is talk ("Ketik NIK kamu", "Ketik HADIR di grup")
_KETIK_FIELDS = frozenset("nik nama nim nis hadir alamat izin sakit rekap".split())
_KETIK_AFTER = re.compile(r"\s+(?:kamu|mu|anda|di\s+(?:grup|group|kolom|form|formulir|catatan|chat|sini))\b", re.I)
_WORDY_TLDS = frozenset("de in es it at be co ar id pt".split())
_CHANNEL_WORD = re.compile(r"\b(?:kanal[ıi]?|channel|canal|grupo|grup|group|gruppe|grupa|join|vip|oficial|official)\b")
_NO_HANDLE_APP = re.compile(r"^(?:whatsapp|wa|zap)\b|\b(?:whatsapp|wa|zap)\s*+[:\-]?\s*+@")
_NAMED_AFTER = re.compile(r"\s+(?:diye|olarak|adl[ıi]|isimli|ka|ki|ke|ne|ko)\b")
_OTHERS = re.compile(r"(?<![^\W\d_])(?:ton|ta|tes|son|leur|tu|su|sua|seu|teu|tua|dela|dele|her|his|him|your"
                     r"|твой|свой|твою|свою|твоём|её|ее|его|их|dia|kamu|mu|niya|nila)(?![^\W\d_])")
_OWNER_AFTER = re.compile(r"(?:'?(?:nya|mu))?\s++(?:dela|dele|deles|delas|do|da|dos|das|de|del|du|des|d'|dia|itu"
                          r"|niya|nila|ng|ni|bta3\w*|حق\w*|تبع\w*|у|toko)(?![^\W\d_])")
_HINDI_THIRD = re.compile(r"(?<![^\W\d_])(?:uska|uski|uske|usne|unka|unki|unke|unhone)(?![^\W\d_])")
_NEGATED_AFTER = re.compile(r"\s+(?:mat|nahi|nahin)\b")
_DASH_OR_DIGIT = re.compile(r"[-0-9]")
_WORD_NEXT = re.compile(r"\s+[^\W\d_]")
_VERB_ENDS = ("ar", "er", "ir", "or")
_ADRESI_OK = re.compile(r"(?:giriş|güncel|site|sitenin|erişim|yeni)\s+(?:giriş\s+)?$")


def _pointed_abroad(folded: str) -> bool:
    """A link in the bio said in another language, the sender's own: not someone else's
    ("o link na bio dela", "le lien dans sa bio", "uska link bio me hai"), not a negation."""
    for m in _LINK_ABROAD.finditer(folded):
        span = m.group()
        if (_OTHERS.search(span) or " no dey " in f" {span} "
                or (span.startswith("lien") and " sa " in f" {span} ")):
            continue
        if _OWNER_AFTER.match(folded, m.end()) or _NEGATED_AFTER.match(folded, m.end()):
            continue
        start = max(0, m.start() - 40)
        if _HINDI_THIRD.search(folded, start, min(len(folded), m.end() + 40)):
            continue
        if span.startswith("adresi") and not _ADRESI_OK.search(folded, max(0, m.start() - 30), m.start()):
            continue
        return True
    return False


# A reply word of a campaign after a verb of another language ("manda QUERO", "responde
# SIM", "escribe QUIERO", "répondez OUI", "balas YA", "Antworte mit JA", "reply OO"), or
# before one ("EVET yaz", "HAAN likh ke bhejo"); in capitals, not offered as a choice
# ("responde SI o NO", "Antworte mit JA oder NEIN" are talk), from a closed list: any other
# word in capitals there is talk's emphasis ("manda FOTO", "réponds VITE", "Mande KKK")
_ABROAD_REPLY_WORDS = (r"SI|SIM|OUI|JA|EVET|HAAN|HAA|OO|QUERO|QUIERO|EU\s+QUERO|YO\s+QUIERO|INFO"
                       r"|MAU|GANHAR|GANAR|PREMIO|PRÊMIO|PRIX|BONUS|BÔNUS|VIP|REG|DAFTAR")
_REPLY_ABROAD = re.compile(
    r"(?i:(?<![^\W\d_])(?:manda|mande|mandem|responde|responda|respondé|contesta|contestá|escribe"
    r"|escreve|digita|digite|comenta|comente|envía|envia|envie|répondez|réponds|repondez|reponds"
    r"|tapez|écrivez|ecrivez|balas|ketik|kirim|antworte|antworten|schreib|schreibe|sende|reply"
    r"|send|type)\s++(?:(?:con|com|avec|mit|la|a|le|das|un|uma|una)\s++){0,2})"
    r"(" + _ABROAD_REPLY_WORDS + r")(?![^\W\d_])(?!\s*+(?i:o|ou|or|atau|oder|veya|или|ya\s+da|/)\s)"
    r"|(?<![^\W\d_])(EVET|HAAN|HAA|JA|SI|SIM|OUI)\s++(?i:yaz|yazın|likh|likho|bhejo|schreib|escribe"
    r"|manda)(?![^\W\d_])"
    # Indonesian "ya" (yes) only after its verbs: Spanish "Contesta YA" is "answer now"
    r"|(?<![^\W\d_])(?i:balas|ketik|kirim)\s++(YA)(?![^\W\d_])")
_KETIK = re.compile(r"\b[Kk]etik\s++([A-Z][A-Z0-9]{1,11}+)\b")  # in capitals: "ketik aja" is talk


def _abroad(text: str, folded: str) -> tuple[bool, list[str]]:
    """Ways back in the words of other languages: (a pointer to the profile, which has no
    key; the "d:", "h:", "k:" keys of the others)."""
    out: list[str] = []
    pointed = any(hint in folded for hint in _BIO_HINTS) and (
        _pointed_abroad(folded) or _BARE_KATA_KUNCI.search(folded) is not None)
    for m in (_CHANNEL_HANDLE.finditer(folded) if "@" in folded else ()):
        if m.group(1) and not _CHANNEL_WORD.search(m.group()):
            continue  # "insta pe @x ki post" (a mention), no channel's word
        if _NO_HANDLE_APP.search(m.group()) or _NAMED_AFTER.match(folded, m.end()):
            continue  # WhatsApp has no @ for groups; "@x diye", "@x ka video"
        out.append("h:" + (m.group(1) or m.group(2)).strip("._"))
    for m in (_DOT_ABROAD.finditer(folded) if any(h in folded for h in _DOT_HINTS) else ()):
        if m.group(1):
            tld = m.group(2).replace("ру", "ru").replace(" ", ".")
            if (m.group(2) in _WORDY_TLDS and _DASH_OR_DIGIT.search(m.group(1)) is None
                    and _WORD_NEXT.match(folded, m.end()) is not None):
                continue  # "mon point de vue", "ein Punkt in Mathe": a word goes on
            out.append(f"d:{m.group(1)}.{tld}")
        else:
            name = m.group(3)
            if not (_ANY_DIGIT.search(name) or (len(name) >= 6 and not name.endswith(_VERB_ENDS))):
                continue  # Portuguese "com" is "with": "sair com BR", "conversar com br"
            out.append(f"d:{name}.com.{m.group(4)}")
    if any(hint in folded for hint in _NAMED_HINTS):
        out.extend("k:" + m.group(1).lower() for m in _KEYWORD_ABROAD.finditer(text)
                   if m.group(1).lower() not in _NOT_KEYWORDS)
    if "etik" in text:  # "ketik YA": "ya" is Indonesian "yes", its campaigns' keyword
        out.extend("k:" + m.group(1).lower() for m in _KETIK.finditer(text)
                   if m.group(1).lower() not in _KETIK_NOT
                   and not _KETIK_AFTER.match(text, m.end()))
    for m in (_INVITED_ABROAD.finditer(folded) if any(h in folded for h in _INVITE_HINTS)
              else ()):
        name = m.group(1).strip("._")
        if _HANDLE_MARK.search(name) or "." in name:
            out.append("h:" + name)
    replies = _REPLY_WORDS_ABROAD.intersection(_CAPS_WORD.findall(text)) if (
        _ANY_CAPITALS.search(text)) else ()
    for m in (_REPLY_ABROAD.finditer(text) if replies else ()):
        key = "k:" + "".join((m.group(1) or m.group(2) or m.group(3)).lower().split())
        if key not in out:
            out.append(key)
    return pointed, out


def _foreign(match: re.Match[str]) -> str:
    word = match.group().lower()
    if word in _IDN_TLDS:
        return _IDN_TLDS[word]
    spoken = _FOREIGN_WORDS.get(word)
    if spoken is not None:
        return spoken
    return " " + _NUMERAL_SEPARATORS.sub("", word).translate(_CJK_DIGITS) + " "  # one number


# What a campaign wants its readers to act on: a phone number or short code (4 digits
# or more, however split, or spelled out), a link or domain (also "site DOT com",
# "site(.)com"), an e-mail address, an amount of money. Each pattern runs only when
# a cheap test of the text says it may match (most texts have no digit, no dot).
_TLD = (r"(?:com|net|org|co|uk|biz|info|io|ly|me|xyz|ru|cn|de|fr|us|tv|app|link|site|online"
        r"|shop|club|top|win|vip|bet|live|click|store|pro|cc|ws|mobi"
        # free and cheap domains campaigns favour, and country codes that are no word
        r"|tk|ml|ga|cf|gq|gg|ai|pw|su|sh|gl|gd|li|lt|lv|ro|pl|cz|sk|hu|gr|pt|se|fi|dk|ch"
        r"|nl|eu|es|ca|au|jp|kr|br|mx|za|ng|ke|pk|bd|ph|vn|th|sg|tw|hk|fm|gy|icu|cyou|buzz"
        r"|gdn|sbs|cfd|kim|lol|dev"
        # a later probe's: adult and gambling ones (not "xxx": "c u soon.xxx" is kisses)
        r"|porn|adult|casino|poker|loans|bingo|couk"
        # round 3: more of the most abused, no English word
        r"|fyi|cam|bond|wang|xin|pics|autos|ltd|guru|asia|tokyo|nyc|lat"
        # round 7: more that campaigns use and talk does not put after a dot
        r"|wiki|ink|skin|hair|sexy|porn|adult|tube|webcam|beauty|makeup|mom|bio"
        r"|ae|ua|ar|cl|ee|nu|im|eth|sol|bnb"
        # reserved for examples and tests (RFC 2606, 6761): a campaign written for a
        # test, or a lab, reads as one written for real
        r"|example|invalid|localhost|test|internal"
        r"|xn--[a-z0-9-]+"
        # word-like, but never after a name and a dot in the corpus's ordinary texts; the
        # words a sentence starts with ("today", "one", "free", "fun") need a path
        r"|cash|best|money|site|online|email|bet|games|casino|loans?|credit|finance|deals"
        r"|gifts?|promo|zone|bid|trade|racing|download|stream|monster|quest)")
# Top-level domains that are also words ("going.to the", "her.life will"): a domain only
# with a path after them ("winprize.in/claim"), like a one-letter name ("t.me/x").
_WORDY_TLD_PATH = re.compile(
    r"\s*(?:in|to|is|it|be|at|no|my|am|so|do|go|id|fun|space|website|tech|stream"
    r"|download|loan|work|review|party|date|racing|bid|trade|men|science|cricket|faith|host"
    r"|press|life|world|today|news|email|support|page|rest|bar|monster|quest|onion"
    # the cheap new ones scam pages favour (red team, round 13)
    r"|homes|boats|yachts|motorcycles|autos|cloud|fit|center|click|link|live|store|shop"
    r"|help|lol|beauty|hair|skin|makeup|cyou)/")
# Any top-level domain of 2 or 3 letters with a path, after a name of 4 characters or more
# ("linktr.ee/x"): "my.bad/sorry" and "good.morning/night" are no links.
_ANY_TLD_PATH = re.compile(r"\s*[a-z]{2,3}/")
_ANY_TLD = re.compile(r"[a-z]{2,24}+(?![a-z0-9.-])")  # after "www." or "//": any, last
# Generic top-level domains that are words ("help", "support", "center"; those of _TLD
# are read before): a domain after a name cut by a hyphen, the look-alike of a brand ("ig-verify.help",
# "wallet-helpdesk.support"); no ordinary text of the corpus has such a name before a dot.
_HYPHENED = re.compile(r"(?=[a-z0-9]*[a-z]{2})[a-z0-9]++(?:-(?=[a-z0-9]*[a-z])[a-z0-9]++)++")
_GENERIC_TLD = re.compile(
    r"(?:\s*(?:help|support|center|centre|services?|agency|digital|network|website|financial"
    r"|exchange|capital|security|secure|claims|bonus)"
    # cheap new ones scam pages favour, written right after the dot only ("long-term. Live
    # with it" is talk; red team, round 13)
    r"|(?:homes|boats|yachts|motorcycles|autos|rest|cloud|tech|fit|space|click|link|live"
    r"|store|shop|online|site|app|pay|delivery|express|tracking))(?=\.?(?:[\s/?#)\]'\"!,]|$))")
# Between the digits of a number: spaces, dots, dashes (any), slashes, bars, brackets,
# underscores ("077–009", "077|009", "(077)(009)"), at most 2 in a row; not ":" or ","
# (times and lists of numbers in ordinary texts).
_NUMBER_SEP = r"[\s.\-/|()\[\]_\u2010-\u2015\u2212]"
_NUMBER = re.compile(r"\d(?:" + _NUMBER_SEP + r"{0,2}\d){3,}|[£$€]\s*\d"
                     r"|\d\s*(?:p|ppm|gbp|usd|eur)\b")
# A domain is two letters or digits, a dot (or "dot", "(.)", "[.]"), a top-level domain;
# found from its separators (few in a text) rather than tried at every character.
# The dot said in other languages: Turkish and Arabic "nokta", German "punkt", Spanish
# and Italian "punto", Portuguese "ponto", Vietnamese "chấm", Indonesian "titik", Tagalog
# "tuldok", Japanese "ドット", Korean "닷"
_NOKTA_WORDS = ("nokta", "noqta")
_PUNTO_WORDS = ("punkt", "punto", "ponto")
_BARE_DOT_WORDS = ("cham", "titik", "tuldok", "\u30c8\u30c3\u30c8", "\u1103\u1161\u11ba")  # NFKD, marks dropped
_BARE_SEPARATORS = (",", "point", *_NOKTA_WORDS, *_PUNTO_WORDS, *_BARE_DOT_WORDS)  # no "." after
_BARE_TLD_NAMES = "com|org|biz|xyz|ru|ly|io|tk|ml|gq|cf|icu|cyou|buzz|sbs|cfd|gdn"
_BARE_TLDS = r"(?:" + _BARE_TLD_NAMES + r")(?![a-z])"
# A comma or "punkt" only before a bare top-level domain (looked ahead: most commas of a
# text are not looked at again).
# The dot words before the domains campaigns favour too ("nokta net", "nokta tv" are
# Turkish talk; "point" only before a bare one: "match point win" is talk)
_DOT_WORD_TLD_NAMES = _BARE_TLD_NAMES + "|top|club|vip|site|online|win"
_DOT_WORD_TLDS = r"(?:" + _DOT_WORD_TLD_NAMES + r")(?![a-z])"
# "nokta info" too ("punto info" is an information point in Italian)
_NOKTA_TLDS = r"(?:" + _DOT_WORD_TLD_NAMES + r"|info)(?![a-z])"
# The top-level domains read after each dot word (the others: bare ones only)
_AFTER_DOT_WORD = {**dict.fromkeys(_NOKTA_WORDS, re.compile(r"\s*" + _NOKTA_TLDS)),
                   **dict.fromkeys(_PUNTO_WORDS, re.compile(r"\s*" + _DOT_WORD_TLDS))}
_SEPARATOR = re.compile(r"[(\[{<'\"*\-_]\s*(?:\.|dot|d0t)\s*[)\]}>'\"*\-_]|\bd0t\b"
                        r"|\bpoint\b(?=\s*" + _BARE_TLDS + r")"
                        r"|\b(?:" + "|".join(_NOKTA_WORDS) + r")\b(?=\s*" + _NOKTA_TLDS + r")"
                        r"|\b(?:" + "|".join(_PUNTO_WORDS) + r")\b(?=\s*" + _DOT_WORD_TLDS + r")"
                        # the others before a bare top-level domain only: "online", "top",
                        # "club" are loanwords ("ban tổ chức chấm online": the committee
                        # grades online)
                        r"|\b(?:" + "|".join(_BARE_DOT_WORDS) + r")\b(?=\s*" + _BARE_TLDS + r")"
                        # ... or after a name with a digit, before any of the common ones
                        r"|,(?=" + _BARE_TLDS + r")|(?<=[0-9]),(?=" + _DOT_WORD_TLDS
                        + r"|net|cc|me|co|site|shop|info|live|app)|\.|dot")
_TLD_AT = re.compile(r"\s*" + _TLD + r"(?![a-z])")
# Link shorteners, named with the dot left out or spaced ("bitly/x7Kq2", "goo gl/x"):
# with a path after them, never words of talk.
# Each: (the domain, how it is written); one group each, so the match says which.
_SHORTENERS = (("bit.ly", r"bit[\s-]?ly"), ("tinyurl.com", r"tinyurl(?:[\s-]?com)?"),
               ("goo.gl", r"goo[\s-]?gl"), ("cutt.ly", r"cutt[\s-]?ly"),
               ("rebrand.ly", r"rebrand[\s-]?ly"), ("ow.ly", r"ow[\s-]?ly"),
               ("is.gd", r"is[\s-]?gd"), ("tiny.cc", r"tiny[\s-]?cc"), ("rb.gy", r"rb[\s-]?gy"),
               ("shorturl.at", r"shorturl[\s-]?at"), ("buff.ly", r"buff[\s-]?ly"),
               ("lnkd.in", r"lnkd[\s-]?in"), ("t.co", r"t[\s-]co"), ("v.gd", r"v[\s-]?gd"),
               # round 7: link-in-bio pages and shorteners on names too short to read as
               # a domain, only as written
               ("tr.ee", r"tr\.ee"), ("lnk.bio", r"lnk\.bio"), ("tap.bio", r"tap\.bio"),
               ("bl.ink", r"bl\.ink"), ("cli.re", r"cli\.re"), ("tny.im", r"tny\.im"),
               ("u.nu", r"u\.nu"), ("n9.cl", r"n9\.cl"), ("qr.ae", r"qr\.ae"), ("s.id", r"s\.id"),
               ("t.ly", r"t\.ly"), ("x.gd", r"x\.gd"), ("bit.do", r"bit\.do"), ("wa.me", r"wa\.me"),
               ("discord.gg", r"discord\.gg"), ("beacons.ai", r"beacons\.ai"),
               ("lnk.to", r"lnk\.to"))
_SHORTENER = re.compile(r"\b(?:" + "|".join(f"({written})" for _, written in _SHORTENERS)
                        # ("slash" is read as "/" before it: "tinyurl then a slash then x")
                        + r")(?:(?:\s+then)?(?:\s+a)?\s?/\s?(?:then\s+)?"
                        r"(?!(?:what|where|who|how|it|the|that|this|then)\b)[a-z0-9]"
                        # or a space and a code with a digit ("bitly 3xyz9")
                        r"|\s(?=[a-z]*\d)[a-z0-9]{4,12}\b)")
# a shortener's name and a space before a code ("bitly 3xyz9"; not "is gd": "is good")
_SHORTENERS_SPACED = ("bitly ", "bit ly ", "tinyurl ", "cuttly ", "cutt ly ", "rbgy ", "rb gy ",
                      "googl ", "goo gl ")
_DIGIT = re.compile(r"\d")
_DECADES = {"twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5",
            "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9"}
_TENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
         "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
         "nineteen": "19", **{word: digit + "0" for word, digit in _DECADES.items()}}
_UNITS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))
_INNER_I = re.compile(r"[A-Za-z]*[a-z]I[a-z][A-Za-z]*")
_INNER_I_PAIRS = ("eIe", "nIy", "bIu", "aIk")  # teIegram, onIyfans, bIuesky, kakaotaIk
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_WEB = re.compile(r"https?:|[a-z][a-z0-9+.-]{1,15}://|xn--[a-z0-9]|www\s*(?:[.,]|dot\b|\(\.\)|\[\.\])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# round 37: the radio alphabet's digits that are no words of talk (read as English number
# words are, and in a run of foreign ones)
_RADIO_DIGITS = {"niner": "9", "fower": "4", "fife": "5"}
_NUMBER_WORDS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2",
                 "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "double": "d", "hundred": "00", "thousand": "000",
                 **_RADIO_DIGITS,
                 # round 3: es, pt, it, fr, de (accents stripped first)
                 "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4",
                 "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
                 "dois": "2", "quatro": "4", "sete": "7", "oito": "8", "nove": "9",
                 "due": "2", "tre": "3", "quattro": "4", "cinque": "5", "sei": "6",
                 "sette": "7", "otto": "8", "deux": "2", "trois": "3", "quatre": "4",
                 "cinq": "5", "sept": "7", "huit": "8", "neuf": "9", "null": "0",
                 "eins": "1", "zwei": "2", "drei": "3", "vier": "4", "funf": "5",
                 "fuenf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9"}
# Digits in words of languages whose words meet English ones ("een", "bir", "do", "teen"):
# read only in a run of 7 or more number words with 3 different digits or more
# (nl, tr, pl, sv, and Hindi written in Latin letters; accents stripped first).
_RUN_NUMBER_WORDS = {"nul": "0", "een": "1", "twee": "2", "drie": "3", "vijf": "5", "zes": "6",
                     "zeven": "7", "negen": "9",
                     "sifir": "0", "bir": "1", "iki": "2", "uc": "3", "dort": "4", "bes": "5",
                     "alti": "6", "yedi": "7", "sekiz": "8", "dokuz": "9",
                     "jeden": "1", "dwa": "2", "trzy": "3", "cztery": "4", "piec": "5",
                     "szesc": "6", "siedem": "7", "osiem": "8", "dziewiec": "9",
                     "noll": "0", "ett": "1", "tva": "2", "fyra": "4", "fem": "5", "sex": "6",
                     "sju": "7", "atta": "8", "nio": "9",
                     "shunya": "0", "shoonya": "0", "ek": "1", "do": "2", "teen": "3",
                     "char": "4", "chaar": "4", "paanch": "5", "panch": "5", "chhe": "6",
                     "chah": "6", "saat": "7", "aath": "8", "nau": "9",
                     # round 7: Indonesian and Malay, Tagalog
                     "nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3",
                     "empat": "4", "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8",
                     "lapan": "8", "sembilan": "9", "sero": "0", "isa": "1", "dalawa": "2",
                     "tatlo": "3", "apat": "4", "anim": "6", "pito": "7", "walo": "8",
                     "siyam": "9",
                     # round 24: Welsh, Esperanto, Latin, Swahili, Finnish, Hungarian, Czech
                     # and Slovak, Romanian, Russian in Latin letters, Danish and Norwegian
                     "dim": "0", "un": "1", "dau": "2", "tri": "3", "pedwar": "4", "pump": "5",
                     "chwech": "6", "saith": "7", "wyth": "8", "naw": "9",
                     "unu": "1", "du": "2", "kvar": "4", "kvin": "5", "ses": "6", "sep": "7",
                     "ok": "8", "nulla": "0", "nihil": "0", "unus": "1", "duo": "2",
                     "quattuor": "4", "quinque": "5", "septem": "7", "octo": "8",
                     "novem": "9", "sifuri": "0", "moja": "1", "mbili": "2", "tatu": "3",
                     "nne": "4", "tano": "5", "sita": "6", "saba": "7", "nane": "8", "tisa": "9",
                     "nolla": "0", "yksi": "1", "kaksi": "2", "kolme": "3", "nelja": "4",
                     "viisi": "5", "kuusi": "6", "seitseman": "7", "kahdeksan": "8",
                     "yhdeksan": "9", "egy": "1", "ketto": "2", "harom": "3", "negy": "4",
                     "ot": "5", "hat": "6", "het": "7", "nyolc": "8", "kilenc": "9",
                     "nula": "0", "jedna": "1", "dva": "2", "ctyri": "4",
                     "pet": "5", "sest": "6", "sedm": "7", "osm": "8", "devet": "9",
                     "styri": "4", "sedem": "7", "osem": "8", "devat": "9",
                     "doi": "2", "trei": "3", "patru": "4", "cinci": "5", "sase": "6",
                     "sapte": "7", "opt": "8", "noua": "9", "odin": "1", "chetyre": "4",
                     "pyat": "5", "shest": "6", "sem": "7", "vosem": "8", "devyat": "9",
                     "fire": "4", "seks": "6", "syv": "7", "otte": "8",
                     "doua": "2", "dwy": "2", "pum": "5", "chwe": "6", "dve": "2",
                     "devjat": "9", "chetire": "4", "piat": "5",
                     # round 37: the radio alphabet ("zero niner zero six fower niner tree
                     # fife ait ..."); its words of talk count beside 4 others only
                     **_RADIO_DIGITS, "tree": "3", "ait": "8", "wun": "1", "too": "2"}
# Words of those languages that are words of talk too ("ok", "un", "hat", "pet", "fire",
# "dim", "opt"): they count in a run only beside 4 of the others ("ok 7:30, 8:45, 9:15",
# "j'ai eu un 12, un 14, un 15" are talk; a review of round 24's reader)
_RUN_AMBIGUOUS = frozenset("ok un du het hat pet sem sep ses fire tri dim naw ot opt doi dwy "
                           "pum dve tree ait wun too".split())
# English digit words that are no words of talk ("one", "oh", "o" are): they count as the
# unambiguous foreign ones do beside "tree", "ait", "wun", "too"
_STRONG_ENGLISH = frozenset(("zero", "nought", "two", "three", "four", "five", "six", "seven",
                             "eight", "nine"))
_RUN_MIN = 7
_RUN_WORDS = frozenset(_RUN_NUMBER_WORDS)
# Words a number's groups may be joined with ("077 then 81 then 482", "0 7 7 dash 8 1"):
# a number only at a phone number's length (10 digits or more, 3 groups or more).
# ("and" joins lists and years in talk: "2023 and 2024 and 2025")
_JOINING_WORDS = frozenset(("then", "next", "dash", "space", "plus", "comma", "followed", "by",
                            "hyphen", "dot"))  # ("slash" is read as "/" before them)
_GLUED = re.compile(r"(?:zero|one|two|three|four|five|six|seven|eight|nine|double|nought){3,}")
_GLUED_WORD = re.compile(r"zero|one|two|three|four|five|six|seven|eight|nine|double|nought")
_WORDS_AND_DIGITS = re.compile(r"[a-z]+|\d+")
_DIGIT_RUN = re.compile(r"\d(?:" + _NUMBER_SEP + r"{0,2}\d)+")
# One digit at a time between symbols ("0*8*0*0*1*2*3", emoji read as "*"): 7 digits or
# more, a phone number's; arithmetic and scores ("2+2=4", "3🔥2🔥1") have fewer, or
# numbers of several digits ("10 + 5 = 15").
# Groups of digits split by a spaced dash, dot or slash ("0800 - 123 - 456", an address
# "185 . 12 . 34 . 56"): three groups or more, 7 digits or more ("90 - 85 - 77" and
# "2023 - 2024" are not numbers).
_SPACED_NUMBER = re.compile(r"(?<!\d)\d++(?:(?:\s[-./\u2010-\u2015\u2212]\s|\s{1,4}+)\d++)+")
_SPREAD_HINT = re.compile(r"[*~+=#<>^]")
_SPACED_DASH = re.compile(r"\s[-./\u2010-\u2015\u2212]\s")  # (gaps of 1 or 2: _NUMBER's)
_SYMBOL_DIGITS = re.compile(r"(?<!\d)\d(?:(?:[*~+=#<>^]++|\s[*~+=#<>^]++\s)\d){6,}+(?!\d)")
# ... or groups of up to 4 digits ("+44+800+123+456", "0800*123*456"), 9 digits or more
# ("950+120+80", "11 ~ 22 ~ 33 ~ 44" are sums and lists), "=" left out ("12 * 12 = 144")
_SYMBOL_GROUPS = re.compile(r"(?<!\d)\d{1,4}+(?:(?:[*~+#<>^]++|\s[*~+#<>^]++\s)\d{1,4}+){2,}+"
                            r"(?!\d)")
_NOT_DIGIT = re.compile(r"\D")
# A short code sent a word to, its digits an emoji apart ("msg subpoly to 8🌸1🌸6🌸1🌸8": "*" by
# then) or a space apart after "2" for "to" ("send sue 2 8 9 5 5 5": the code's own key, beside
# the whole run's that the spaced-number reader gives), and a phone number from its "0" or "+"
# whose digits are so apart ("0🔥8🔥0🔥0 1🔥2🔥3 4🔥5🔥6"): round 36 ("the answer to 2*2*2*2*2 is
# 32" is talk)
_SENT_A_WORD_TO = r"\b(?:send|text|txt|msg|sms|type)\s++[a-z0-9]{2,12}+\s++(?:to|2)\s*+:?\s*+"
_GAPPED_CODE = re.compile(_SENT_A_WORD_TO + r"(\d(?:\s?[*~+#<>^]\s?\d){4,5}+)(?![\d*~+#<>^])")
_SPACED_CODE = re.compile(_SENT_A_WORD_TO + r"(\d(?: \d){4,5}+)(?! ?\d)")
_GAPPED_GROUPS = re.compile(r"(?<![\d*~#<>^])(?:\+\s?[1-9]|0)(?:(?:\s?[*~+#<>^]\s?|\s)\d){9,13}+(?!\d)")
# Top-level domains that are no word and no abbreviation a text ends a sentence or a list
# with: read after a comma ("winprize,com"), after a dot and a space ("winprize. com")
# and with digits for letters ("winprize.c0m"), where the others would read ordinary
# texts ("ok,me too", "done. me too", "at 12.10") as links.
_BARE_TLD = re.compile(r"\s*" + _BARE_TLDS)
_DIGIT_TLD = re.compile(r"com|net|org|biz|info|xyz|site|club|shop|online|click|win|vip")
_TLD_DIGITS = str.maketrans("01345", "oieas")  # "c0m", "n3t", "b1z", "5ite"
_TLD_TOKEN = re.compile(r" ?[a-z0-9]{2,6}(?![a-z0-9])")


def _mixed_number(letters: str) -> re.Pattern[str]:
    """Runs of groups of digits and ``letters``, a digit in each group."""
    group = f"(?=[{letters}]*+\\d)[0-9{letters}]++"
    return re.compile(r"(?<![A-Za-z0-9])" + group + "(?:" + _NUMBER_SEP + "{1,2}+" + group
                      + r")*+(?![A-Za-z0-9])")


# Digits with look-alike letters among them ("09O6I79OI25", "0906 l79 OI25"): each group
# has a digit, the whole run has 4; letters-only groups ("lol 1000") end the run. A
# capital S, Z or B for 5, 2 or 8 ("O8OO l23 4S6"), a small b for 6 (round 34: "OBOO94l4lb7")
# only in a run of a phone number's length, 9 or more, that starts with a 0 or has one
# between digits: "S21/S22/S23", "B737 B747", "music of the 60S 70S 80S", "7lb" stay codes
# and words.
_MIXED_NUMBER = _mixed_number("OoIlSZBb")
_WITHOUT_B = _mixed_number("OoIlSZB")
# a phone number cut in groups, some of them look-alikes only ("call O9b4O SbZ Z4l", round
# 34): from a 0, 10 to 12 in all, 2 digits at least, or 1 after "call" ("lol 1000" is no phone
# number's length)
_LOOKALIKE_PHONE = re.compile(r"(?<![A-Za-z0-9])[0O][0-9OoIlSZBb]{2,5}+(?:[ .\-][0-9OoIlSZBb]{2,5}+){1,3}+"
                              r"(?![A-Za-z0-9])|(?<![A-Za-z0-9])[0O][0-9OoIlSZBb]{9,11}+(?![A-Za-z0-9])")  # a run with "b4" ("before": "call 0905... b4190604")
_BEFORE = re.compile(r"(?<![0-9OoIlSZB])b4")
# a small b read as 6 in a group of 7 or more ("OBOO94l4lb7") or after a look-alike ("OBOO9 4l4 lb7");
# "5lb10 6lb12" (pounds and ounces), "20b1 10l4 0b2" (a part number) stay as written
_B_AFTER_LOOKALIKE = re.compile(r"[OoIl]b")
_WEIGHT = re.compile(r"\d{1,3}lb\d{0,2}")
_NARROW_NUMBER = _mixed_number("OoIl")  # the run without S, Z, B (_as_digits)
_GROUPS = re.compile(_NUMBER_SEP + "+")
# a short code with look-alikes that a word is sent to ("txt wIn to 8OO86": a digit first, 3
# in all, under the 4 a number's run needs)
_SHORTCODE_LOOKALIKE = re.compile(r"(?i:\b(?:txt|text|send|sms|reply))\s++"
                                  r"(?:(?=\S*[A-Z])\S++(?:\s++\S++)?"
                                  r"|\S++(?=\s++(?i:to)\s++\d[0-9OoIl]{3,4}\d(?![\w])))"
                                  r"\s++(?i:to)\s++((?=\d(?:[OoIl]*+\d){2})[0-9OoIl]{5,6}+)(?![\w])")
# A vanity number: a toll-free or premium prefix (0..., 1-8..., +...), then letters dialled
# on the keypad ("0800-WIN-CASH", "1-800-FLOWERS"): the same number as its digits.
_VANITY = re.compile(r"(?<![\w+])(?=\+|0|1[-.]?8)(\+?(?:\d{1,3}+[-.])?\d{3,4}+)[-.]"
                     r"([A-Z]{2,}+(?:[-.][A-Z0-9]++)*+)(?![\w.-]*\w)")
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
_AS_DIGITS = str.maketrans("OoIlSZBb", "00115286")
_WIDE_LOOKALIKES = re.compile(r"[SZBb]")
_INNER_WIDE = re.compile(r"[0-9OoIl][SZBb]+[0-9OoIl]")  # "4S6", "1Z3": inside a number
_MIXED_CHAR = re.compile(r"[0-9OoIlSZBb]")
# A handle on a messaging app, the way back of campaigns that carry no number or link:
# the app's name, then "@name" or a name with a digit or "_" ("snap: winprize22",
# "telegram @winbot"), or "@name" then the app ("@winbot on telegram").
_APP_LIST = ("telegram", "tg", "snap", "snapchat", "insta", "instagram", "ig", "kik",
             "whatsapp", "wechat", "discord", "skype", "tiktok", "onlyfans", "signal", "viber",
             "wickr", "threema", "facebook", "fb", "messenger", "twitter", "weixin", "wx",
             "venmo", "cashapp", "paypal", "zalo", "kakao", "kakaotalk", "botim",
             # round 7: nicknames ("sc: x22", "tele: x22") and newer networks
             "sc", "tele", "bsky", "bluesky", "threads", "vx", "wpp", "whats", "tlgrm", "tgram",
             "fansly",
             # round 14: payment and game apps ("donate through zelle: hartkai", "add
             # ivy_park on steam")
             "zelle", "chime", "applecash", "applepay", "steam", "roblox",
             # round 25: a nickname ("wsp", WhatsApp; not "telly", the TV in Britain)
             "wsp")
# not "imo", "wa", "session": words of ordinary texts; LINE apart (_LINE_HANDLE)
_APPS = r"(?:tele\s?gram|" + "|".join(_APP_LIST) + r")"  # "tele gram x22": not "tele"
# An invitation to find the sender on an app, in another language, and a handle with a
# digit, "_" or "." ("búscame en tele como x22", "me chama no tele: x22", "ajoute moi sur snap
# x22", "pishi v telegu x_ru", "schreib mir auf telegram x22")
_INVITED_ABROAD = re.compile(
    r"(?<![^\W\d_])(?:búscame|buscame|agrégame|agregame|escríbeme|escribeme|háblame|hablame|chama"
    r"|chame|adiciona|ajoute[\s-]moi|ajoutez[\s-]moi|écris[\s-]moi|ecris[\s-]moi|pishi|napishi|пиши"
    r"|напиши|добавь|schreib\s++mir|hubungi)\s++(?:(?:me|mi|en|no|na|sur|v|в|auf|di|ke|al|el|pe|a)\s++){0,2}"
    r"(?:" + _APPS + r"|telegu|telega|tlg|тг|телега|телеграм|телеграмм|ватсап|вотсап)(?![^\W\d_])"
    r"\s*+(?:como|comme|kak|как|als|:|-)?\s*+@?([a-z][a-z0-9_.]{2,31}+)(?![a-z0-9_])")
_HANDLE_AFTER = re.compile(r"\b" + _APPS + r"\b(?:\s++app\b)?(?:\s*+[,:]?\s*+(?:is|me|id|name|handle"
                           r"|user|username)\b)?"
                           r"\s*+[^\w\s@$]{0,3}+\s*+(?:live:(?=[a-z]))?+"  # Skype's "live:x22"
                           r"(?:[@$]([a-z0-9_.]{3,32}+)|([a-z][a-z0-9_.]{2,31}+))"
                           r"(?![a-z0-9_])")
_IS = re.compile(r"\sis\s")
_APP_APP = re.compile(r"\sapp\s*+[,:]?+\s*+(?!user\b|username\b|id\b|name\b|is\b|handle\b)")
_OTHERS_APP = re.compile(r"(?:'s|\b(?:his|her|their|the|its|our))\s++$")
# A handle that starts with a digit, after an app and a colon ("snap: 3mm4x22"; not a
# wordy app's label: "tele: 32inch")
_HANDLE_DIGIT_FIRST = re.compile(r"\b(" + _APPS + r")\s*+:\s*+(\d[a-z0-9_.]{3,31}+)(?![a-z0-9_])")
_LEET_HANDLE = re.compile(r"\d[a-z]{2,}\d")  # letters between digits ("3mm4x22"; not "2morrow")
# A name of letters after an app, told to write there or on an app that is only accounts
# ("dm snap kevindesk pls", "onlyfans kevindesk xx"; _said_name and the end after it)
_APP_THEN_NAME = re.compile(r"(?:\b(?:dm|add|find|follow|msg|message|hmu)\s++(?:me\s++)?(?:on\s++)?"
                            r"(?:" + _APPS + r")|\b(?:onlyfans|fansly))\s*+[:\-]?\s*+([a-z]{9,30}+)\b")
_LEET_NAME = re.compile(r"[a-z]{2,}\d[a-z]{3,}")  # "jess0fficial", not "win10"
_HANDLE_NAMED = re.compile(r"\b" + _APPS + r"\s*+(?:id|handle|username|user\s?name)\b"
                           r"\s*+[^\w\s@$]{0,3}+\s*+([a-z][a-z0-9_.]{2,31}+)(?![a-z0-9_])")
_HANDLE_BEFORE_BARE = re.compile(r"(?<![a-z0-9_@.])([a-z][a-z0-9_.]{3,31}+)"
                                 r"\s++(?:on|at|via|in)\s++" + _APPS + r"\b")  # not "team2 at line"
# The end of a text: nothing after but marks, emoji and kisses ("x", "xx")
_AT_END = r"(?=(?:[^\w]|\bx{1,3}\b)*+$)"
# A name too long for a word after a self cue, or after the app and a colon or "as"
# ("i'm rosieelleryofficial on snap", "dm x on ig", "snap: x"; "whatsapp screenshots",
# "facebook marketplace" are talk): round 25, narrowed by a review
_LONG_NAME_CUED = re.compile(
    r"\b(?:i'?m|i\s+am|add|find|dm|msg|message|follow|search(?:\s+for)?|look\s+for)\s+([a-z]{9,30}+)\s+"
    r"(?:on|in|at)\s+(" + _APPS + r")\b"
    r"|\b(" + _APPS + r")\s*+(?::|\bas\b)\s*+([a-z]{11,30}+)\b"
    # or before a messaging app without a cue ("rosieelleryofficial on kik"; not after one:
    # "facebook marketplace"), but a plural ("screenshots on whatsapp")
    r"|(?<![a-z0-9_@.])([a-z]{11,30}+(?<!s))\s+(?:on|at)\s+(kik|snap|snapchat|wsp|telegram|tg|insta"
    r"|instagram|ig|tiktok|whatsapp|wechat|signal|viber|discord)\b"
    # or, ending the text, a name after the app and a self cue ("wsp? i'm x", "snap me: x"),
    # or before the app in brackets after a cue ("add me, x (snap)"): round 25's tiny texts
    r"|\b(" + _APPS + r")(?:\s*+[?!.,:\-]++\s*+(?:i'?m|i\s+am)\s++|\s++me\s*+:\s*+)([a-z]{11,30}+)"
    + _AT_END + r"|\b(?:add\s+me|find\s+me|follow\s+me|i'?m|i\s+am)\s*+[,:]?\s*+([a-z]{11,30}+)"
    r"\s*+\(\s*+(" + _APPS + r")\s*+\)" + _AT_END)
# A long name on an app named by its looks ("find x on the ghost app", "x on the purple one")
_ICON_SET = frozenset("""yellow blue green purple pink red black white orange ghost bird camera
plane paper bubble flame fire little chat picture photo messenger other swipey dating""".split())
_ICON_WORDS = "(?:" + "|".join(sorted(_ICON_SET)) + ")"
_HANDLE_ON_APP = re.compile(r"\b(?:i'?m|find|add|look\s+for|search(?:\s+for)?|dm|msg)\s+([a-z]{11,30}+)\s++"
                            r"(?:on|in)\s++the\s++(?:" + _ICON_WORDS + r"\s++){1,3}(?:app|one)\b")
# A long name to search for in a text where the sender is on an app ("Find me on tiktok,
# just search darrenpembroke"), after the app and "as" ("on the snaps app as x"), or ending
# the text after the app and a colon or a dash ("The purple camera app: x", "Easier on wsp
# - x"): round 25, narrowed by a review ("search peterborough on the trainline app",
# "insta - wolverhampton away day pics are up" are talk)
_ME_ON_APP = re.compile(r"\b(?:(?:find|add|follow|message|msg|dm)\s+me|i'?m|i\s+am)\s+(?:on|in)\b")
_LONG_NAME_NEAR_APP = re.compile(
    r"\bsearch(?:\s+for)?\s++([a-z]{11,30}+)" + _AT_END
    + r"|\b(?:app|" + _APPS + r")\s++as\s++([a-z]{11,30}+)" + _AT_END
    + r"|\b(?:app|" + _APPS + r")\)?\s*+(?:\([^)]{0,40}+\)\s*+)?[:\-\u2013\u2014]\s*+([a-z]{11,30}+)"
    + _AT_END)
# Long words that are no name: a text that names an app may speak of them
_LONG_WORDS = frozenset("""grandmother grandfather grandparent grandparents granddaughter
stepdaughter stepmother stepfather photographer photographers supermarket marketplace
anniversary neighbourhood neighborhood screenshot screenshots thunderstorm southampton
northampton middlesbrough birthdaycake motherinlaw fatherinlaw sisterinlaw brotherinlaw
""".split())
# LINE, whose name is a word ("take line m103"): only with "id" or ":" after it.
# A handle after an invitation to find the sender on an app ("find me on kik prizedesk",
# "add me on snap: winqueen") or after the app and a colon ("telegram: winqueen"): no
# digit or "_" needed, the words say it is a name; not a word of talk ("later", "pls").
_HANDLE_INVITED = re.compile(r"\b(?:(hmu)\s++|(?:add|find|follow|message|msg|dm|hit|contact|text"
                             r"|reach|catch|chat\s++with)\s++(?:me|us)\s++(?:up\s++)?)"
                             r"(?:on|at|via|in)\s++" + _APPS + r"\b\s*+(as\s++)?"
                             r"[^\w\s@$]{0,3}+\s*+(@?)([a-z][a-z0-9_.]{3,31}+)(?![a-z0-9_])")
# The sender's own account named: "my ig is winqueen22", "my snap name: @winqueen" (a bare
# name has a handle's shape, _HANDLE_SHAPE: "my ig is private", "my snap is s23" are talk).
_HANDLE_MINE = re.compile(r"\b(?:my|her|his|our|their)\s++" + _APPS + r"(?:\s++(?:(id|handle|username|"
                          r"user\s?name)|name|user|addy|account|acc))?\s*+(?:is\s*+[:=-]?|=|:|-+>?)\s*+"
                          r"(?:[@$]([a-z0-9_.]{3,32}+)|([a-z][a-z0-9_.]{2,31}+))(?![a-z0-9_])")
# An e-mail address said rather than written: "prizedesk22 at gmail", "email me prizedesk at
# yahoo", "my gmail is prizedesk22" (a name with a digit, ".", "_" or "+", or after an
# invitation to write: "he works at yahoo" is talk).
# The sender's other account on this network, named: "my private account = ruby_secret39",
# "my main acc: nova.fit22", "my backup page is jade_vip8" (a handle's shape: "my main
# account is private" is talk; red team round 13)
# a name with "_", or 4 letters and more ending in 2 digits ("my main acc: lvl.80", "my other
# account is chase.2" are a game's and a bank's; round 13's false-positive review)
_LETTERS_THEN_DIGITS = r"[a-z]{4,}[a-z_.]*\d{2,}"  # _HANDLE_SHAPE's first form
_ACCOUNT_NAME = re.compile(_LETTERS_THEN_DIGITS)
_ACCOUNT_WORDS = frozenset(("account", "acc", "page", "profile", "insta", "ig", "priv"))
# "my private account = x22", "mine priv account is x22", "my priv: x22" (round 13's adult bait)
_ACCOUNT_MINE = re.compile(r"\b(?:my|mine)\s++(?:(?:private|priv|main|other|backup|second|vip"
                           r"|spicy|alt)\s++(?:account|acc|page|profile|insta|ig)|priv)"
                           r"\s*+(?:is\s*+[:=-]?|=|:|-+>?)\s*+"
                           r"@?([a-z][a-z0-9_.]{2,31}+)(?![a-z0-9_])")
_MAIL_HOST_LIST = ("gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "icloud",
                   "protonmail", "proton", "aol", "gmx", "yandex", "zoho", "tutanota", "tuta",
                   "fastmail", "rediffmail", "naver", "msn", "posteo")
_MAIL_HOSTS = r"(?:" + "|".join(_MAIL_HOST_LIST) + ")"
_MAIL_SAID = re.compile(r"(?<![a-z0-9._+@-])([a-z0-9][a-z0-9._+-]{2,63}+)(?:\s++(?:at|on)\s++|\s*+[(\[]at[)\]]\s*+"
                        r"|(@)|\s++@\s++)(" + _MAIL_HOSTS + r")\b(?!\.[a-z])")
_ASK_TO_WRITE = (r"(?:e-?mail|mail|write\s++to|contact|reach)\s++(?:me|us|our\s++\w+)\s++(?:at\s++)?"
                 r"|(?:contact|write\s++to|by\s++mail:?)\s++")
_MAIL_INVITED = re.compile(r"\b(?:" + _ASK_TO_WRITE + r")$")
# before "name @ gmail": any ask ("send your kit to", "pitch us:", "drop us a line at")
_MAIL_ASKED = re.compile(r"\b(?:" + _ASK_TO_WRITE + r"|e-?mail\s++|send\b[^.!?]{0,40}\bto\s++"
                         r"|(?:me|us)\s*+:\s*+|a\s++line\s++at\s++)$")
_MAIL_MINE = re.compile(r"\bmy\s++(?:e-?mail|(" + _MAIL_HOSTS + r"))(?:\s++(?:address|addy|id))?"
                        r"\s*+(?:is\s*+[:=-]?|=|:|-+>?)\s*+([a-z0-9][a-z0-9._+-]{2,63}+)(?![a-z0-9@_.+-])")
_MAIL_MARK = re.compile(r"[\d_.+]")
# Not a name after "my gmail is": talk's states of it ("my gmail is rubbish", "... is private")
_MY_MAIL_STATES = frozenset("useless rubbish garbage horrible terrible awesome perfect strange "
                            "ancient nowhere another already archived massive annoying".split())
_MAIL_HOST_FIRST = re.compile(r"(?<![a-z0-9._+@-])([a-z][a-z0-9._+-]{2,63}+)\s*+,?\s*+(" + _MAIL_HOSTS
                              + r")\b(?!\.[a-z])|\b(" + _MAIL_HOSTS + r")\s*+:\s*+([a-z][a-z0-9._+-]{2,63}+)")
# A name starts with a letter and has 3 ("7pm at outlook point", "60k at yahoo finance",
# "2.4gb at icloud" are talk); a handle without "@" has the shape of one: 4 letters then 2
# digits, or a "_" or "." inside ("my snap is s23 camera", "my discord is win10 only").
_MAIL_NAME = re.compile(r"[a-z](?:[^a-z]*[a-z]){2}")
_HANDLE_SHAPE = re.compile(_LETTERS_THEN_DIGITS + r"|[a-z]+[_.][a-z0-9_.]*[a-z0-9]")
# Words after "find me on <app> as" or "email me" that are talk, not a name
_NOT_NAMES = frozenset("well usual always ever before friend friends bestie buddy promised "
                       "requested discussed agreed planned normal said back directly "
                       "personally privately".split())
_HANDLE_COLON = re.compile(r"\b(" + _APPS + r")\s*+:\s*+([a-z][a-z0-9_.]{3,31}+)(?![a-z0-9_])")
# Apps whose names are words of labels ("Tele: samsung 55", "Threads: polyester", "SC:
# Kansas City", "signal: weak"): after a colon, a name with a digit or "_" only
_WORDY_APPS = frozenset(("tele", "sc", "threads", "signal", "line", "vx", "whats", "chime",
                         "steam"))
_HANDLE_WORDS = frozenset(
    "later soon today tonight tomorrow tmr now pls please plz thanks thx and then when plus "
    "too also instead again first only just maybe ok okay lol haha xoxo yeah yes nope "
    "with your mine this that there here what where "
    # words of talk after "message me on whatsapp ..." or "whatsapp: ...": a time, a
    # reason, a place, a state, never a name ("about the job", "after work", "broken")
    "about after before during under over until till since from into onto upon through "
    "across around near behind between without within because cause coz cuz sometime "
    "sometimes anytime whenever wherever whatever whoever anyway instead asap tonite "
    "nite morning evening night weekend week again ever still either neither "
    "cannot cant dont doesnt didnt isnt wasnt wont aint broken gone down dead slow "
    "working stopped crashed blocked banned hacked".split())
_LINE_HANDLE = re.compile(r"\bline\b(\s*+id\b)?\s*+([^\w\s@$]{0,3}+)\s*+(@?)"
                          r"([a-z][a-z0-9_.]{2,31}+)(?![a-z0-9_])")
_HANDLE_BEFORE = re.compile(r"(?<![a-z0-9_])@([a-z0-9_.]{3,32}+)\s++(?:on|at|via|in)\s++(?:"
                            + _APPS + r"|line)\b")
_LONG_SPACE = re.compile(r"\s{5,}")
# A reply keyword: the way back of a campaign in a medium where the reader can answer
# ("reply WIN", "txt HORO to ...", "text back 'yes'"). No number or link is needed for it,
# and the spammer cannot spin it (the reader must type it). After a verb of replying
# ("reply", "text", "respond"): a keyword in capitals, quoted, or an opt-out word in any
# case ("text stop"); a campaign's word in lower case only named as such or with its
# purpose after it ("reply with the word win", "reply yes to claim": _PURPOSE; "reply yes
# or no" is talk). After "answer" and the verbs of sending ("send", "message", "write"),
# whose object in talk is a thing or a person ("send PDF", "message HR"), only a quoted
# keyword, a campaign's word, one named as such ("send the word HORO") or one sent to a
# number ("send GO to 86688"). After "type", only a campaign's word in capitals ("type
# WIN"), one named as such or one with its purpose: "type II", "blood type AB", "type
# enter" are talk. Ordinary texts put "ME", "ASAP", "LOL" there (_NOT_KEYWORDS).
_KEYWORD = re.compile(
    r"(?i:\b(?:(?P<reply>(?P<foreign>(?:r[e3]p[l1]y|t[e3]?xt)\s++karo|respond[ae]|contesta"
    r"|repond(?:ez|s)|jawab\s++do)|r[e3]p[l1](?:y|ying)|rp[l1]y|r[e3]spond|t[e3]?xt(?:ing)?|sms"
    r"|dm\s++us"
    # Spanish, Portuguese, French, Hindi in Latin letters (accents are stripped first)
    r")"
    r"|(?P<type>type)|(?P<say>say)|answ[e3]r|msg|dm|m[e3]ssag[e3]|s[e3]nd(?:ing)?|write"
    r"|escribenos|envianos|envoy(?:ez)|mande)\b"
    r"(?P<fill>(?:\s++(?:back|bck|bk|now|us|me|with|the|your|ur|word|keyword|code|this|just"
    r"|con|la|el|palabra|avec|le|mot|com|palavra"
    r"|to\s++(?:us|this(?:\s++(?:message|msg|text|txt|sms))?+))\b)*+))"
    # an emoji or arrow reads "*" here ("reply 👉 WIN"); brackets and marks around it
    r"\s*+(?:[:=>*#(\[~-]\s*+){0,3}+"
    r"(?:[\"'`\u201c\u2018\u00ab]([A-Za-z][A-Za-z0-9]{1,11}+)[\"'`\u201d\u2019\u00bb]"
    r"|([A-Z][A-Z0-9]{1,11}+|Y)"
    r"|(?i:(stop|unsub|optout|subscribe)|(yes|win|claim|enter|prize))|(\d{1,3}+))"
    r"(?!\w)")  # nor a letter of another script: "TEЛEФOH" is no "TE"
# What a text needs for _calls_to_act to read it (a verb, "box" or "@"): most texts have none.
_KEYWORD_HINT = re.compile(r"type|say|dm|r[e3]p[l1]|rp[l1]|r[e3]sp|answ|t[e3]?xt|sms|msg|m[e3]ss"
                           r"|s[e3]nd|write|call|dial|ring|phone|box|@"
                           r"|contest|escrib|envia|repond|envoy|mande|jawab")
# After a campaign's word in lower case: the end of the text or of a sentence ("reply
# win!", "- reply claim"): "yes" there is talk ("did u reply yes?").
_ENDING = re.compile(r"\s*+(?:[!.*]|$)")
# What a campaign's word in lower case is for ("reply yes to claim", "text win to enter"; "2"
# for "to" since round 37: "reply yes 2 claim").
_PURPOSE = re.compile(r"(?i:\s++(?:to|2)\s++(?:claim|win|enter|get|receive|collect|redeem|play|join"
                      r"|start|subscribe|unsubscribe|opt|stop|end|order|accept|activate)\b)")
# After "say", a keyword only for a prize in text speak ("say HOT 2 win", "say C4SH 2 claim",
# round 37): with "to" it is a game's rule ("say BINGO to win a round", "say CAKE to win any
# argument": a review's 400 ordinary messages, 11 read so), "say sorry to win him back"
# The verbs a keyword is replied or said for when it is for a prize (round 36's "reply X to
# win", round 37's "say X 2 win" and "reply Y E S to win")
_PRIZE_VERBS = r"(?:win|claim|unlock|collect|redeem)\b"
_PRIZE_PURPOSE = re.compile(r"(?i:\s++2\s++" + _PRIZE_VERBS +
                            r"(?!\s++(?:her|him|them|me|us|you|u|back|over|hearts?|people|friends"
                            r"|the\s++(?:argument|debate|game|match|race|round))\b))")
# The campaign's words a verb of sending takes in capitals ("send STOP", "send YES").
_CAMPAIGN_WORDS = frozenset("yes stop win claim enter prize subscribe unsub optout".split())
# A campaign's word offered as a choice or with a deadline ("DM me YES or NO by friday"): talk
_OFFERED = re.compile(r"(?i:\s++(?:or\s++[a-z]|by\b))")


def _campaign_word(word: str) -> bool:
    """A campaign's word, or one with digits after it that tell its senders apart ("YES3")."""
    return word.rstrip("0123456789") in _CAMPAIGN_WORDS


_NAMED_KEYWORD = re.compile(r"(?i)\b(?:word|keyword|code|palabra|mot|palavra)\b")
# A reply verb of another language takes a keyword only named as one or with its purpose
# ("Responde SI para reclamarlo", "Reply karo HAAN aur inaam lo"): "Responde SI o NO",
# "Réponds VITE", "Mande KKK" are talk (a reviewer's 209 ordinary messages: 142 read
# without this, 1 with it).
_FOREIGN_PURPOSE = re.compile(r"(?i:\s++(?:para|pra|pour|aur|ke\s++liye)\s++"
                              r"(?:(?:le|la|lo|o|a|et)\s++)?"
                              r"(?:reclam|resgat|receb|recib|gan|particip|obten|cobr"
                              r"|inaam|paise|jeet|claim|activ|ativ|obtenir|recev))")
# "send GO to 86688", "send CASH to ...": the keyword sent to a number (not to a person:
# "send PDF to me").
_SEND_TO = re.compile(r"(?i:\s++to\b(?!\s++(?:me|us|him|her|them|you|u|ur|my|your|his|their|our"
                      r"|the|a|an)\b))")
_NOT_KEYWORDS = frozenset(
    "me us u ur you your him her them it is on in at to the and or so of for by as if my ok "
    "okay k back bck bk asap now later soon tmr tmrw tomorrow tonight today pls plz please "
    "thx thanks ty lol lmao omg haha hi hey hello yo ya yeah yep nope msg sms txt text pin "
    "when this that all xx mum mom dad bro sis "
    # chat acronyms, greetings, answers and people texts name in capitals ("reply IDK",
    # "text GN", "reply SORRY", "text BOSS")
    "lmfao rofl wtf idk idc tbh nvm jk brb btw imo imho fyi np gg gl gn gm ily xoxo xd omw "
    "otw eta bff bae hun hubby wifey boss team everyone group grandma grandpa nan nana "
    "sorry thank cool sure done maybe what why how where who huh hmm oops good happy merry "
    "xmas pm am cc hr it gif luv hbd home uk usa".split())
_KETIK_NOT = _KETIK_FIELDS | _NOT_KEYWORDS  # after "ketik" (_abroad)
# A short service number after "call" ("call 123") and a postal box ("PO Box 113"):
# numbers of 4 digits or more are read anyway. Not a time ("call at 730"), nor an
# emergency or information number ("call 911", "112", "999", "101", "411"), nor the
# first part of a longer number ("call 077 then 81 ...": read whole, below).
_SERVICE_NUMBER = re.compile(r"(?i:\b(?:call(?:ing)?|dial(?:l?ing)?|ring|phone)\s++(?:us\s++)?"
                             r"(?:on\s++)?+(?!0|999|988|[1-9]11|1[01]\d)"
                             r"|\bp\.?\s?o\.?\s?box\s*+)(\d{3})(?!\d|\W{1,3}+\d)")
# "@name" of this platform itself, after a call to act on it: to write to it ("dm @winbot",
# "message me at @winbot"), or, with a digit or "_" in the name as for the apps' handles,
# to follow or find it ("follow @winbot22"; "follow @natgeo" is a recommendation). A
# mention alone ("ask @dave"), a possessive ("@dave's") or "add @sarah to the group" is
# no way back.
_ACCOUNT = re.compile(r"\b(?:(dm|pm|contact|message|msg|text|txt|write\s++to|hit\s++up)"
                      r"|follow|add|check\s++out|visit|join|find|search(?:\s++for)?)\s++"
                      r"(?:me\s++)?(?:at\s++|on\s++|via\s++)?@([a-z0-9_.]{3,32}+)"
                      r"(?![a-z0-9_']|\s++to\s++(?:the|our|my|this|a)\s++(?:group|chat|convo))")
MAX_CONTACTS = 3  # per text: enough for a campaign's number and link
_MAX_READ = 640  # characters read, after NFKC (twice fingerprint.MAX_CHARS)
# Emoji and keycap decorations on digits ("0️⃣"): dropped before looking.
_DECORATION = re.compile("[\ufe0f\u20e3]")


# A year alone, 1950 to 2049 but 2000 (a prize whose "£" was spelt away: "win 2000
# pounds"): "Happy New Year 2027!", "since 1998", "did u go to Leeds 2019?". Not a year
# inside a longer number ("Euro 2004 2-4-1", "2026-2027", "0800 2027"), a price ("£2019",
# "2019p") or a handle, tag or decimal ("+2027", "#2027", "20.19").
_YEAR_ALONE = re.compile(
    r"(?<![\w£$€+#@.,:/-])(?<!\d[\s.\-/|()\[\]_])(?<!\d[\s.\-/|()\[\]_]{2})"
    r"(?:19[5-9]\d|20(?:0[1-9]|[1-4]\d))"
    r"(?![\w%]|[.,:/-]\d|[\s.\-/|()\[\]_]{1,2}\d|\s*(?:p|ppm|gbp|usd|eur)\b)",
    re.IGNORECASE)


# A year is a way back after what sends to it or pays it ("txt 2024", "code 2019", "ig
# 2019", "$ 2019", "text WIN to 2024") or before what makes it a site or a sum ("2019 com",
# "2019 pounds", "2019 cash", "2019/week"): kept as a number (an adversarial review's 423
# escapes of 594 to people followed, 24 after these).
_YEAR_CUE_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:txt|text|sms|reply|dial|call|ring|whatsapp|wa|code|pin|ref|voucher"
    r"|promo|coupon|ig|insta|snap|snapchat|kik|tg|telegram|signal|discord|wechat|line|www|usd"
    r"|rs|inr|aud|cad|enter|code is|add me|kik is|snap is|ig is|insta is)"
    r"|[@£$€¥₹₦#]|(?<![^\W\d_])(?:text|txt|sms|send|reply)\b[^.!?\n]{0,30}\bto"
    r"|(?<![^\W\d_])(?:call|ring|text|txt|dial|reach|sms|whatsapp)\s+(?:me|us)(?:\s+(?:on|at))?)"
    r"\W{0,3}$",
    re.IGNORECASE)
_YEAR_CUE_AFTER = re.compile(
    r"\W{0,3}(?:com|net|org|club|vip|xyz|info|co|pounds?|quid|dollars?|bucks|euros?|rupees?"
    r"|naira|pence|cash|inr|aud|cad|btc|usdt|€|£|\$|/-|/(?:week|wk|day|month|mo|hr|hour))"
    r"(?![^\W\d_])", re.IGNORECASE)
_YEAR_GAP_CUT = re.compile(r"\s{3,}|\s*[|_=~*^<>;]\s*")  # "1984 | 2019": a number's groups
_YEAR_GAP_SHORT = re.compile(r"[^\w]{1,6}")


def year_only_contact(text: str) -> bool:
    """Whether ``text`` reads as a contact only by a year alone ("all the best for 2027"):
    a way back toward strangers (campaigns' lures carry one: "did u go to Leeds 2019?"),
    talk toward people the sender follows or who wrote (``Engine``'s features). Read on
    the text as the reader reads it (width folded, invisible characters dropped)."""
    text = text[:_MAX_READ]
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    spans: list[tuple[int, int]] = []

    def mask(match: re.Match[str]) -> str:
        if (_YEAR_CUE_BEFORE.search(text[max(0, match.start() - 40):match.start()])
                or _YEAR_CUE_AFTER.match(text, match.end())):
            return match.group()
        spans.append(match.span())
        return "year"
    masked = _YEAR_ALONE.sub(mask, text)
    if not spans:
        return False
    chain = 0
    for (_, end), (start, _) in itertools.pairwise(spans):
        gap = text[end:start]
        if _YEAR_GAP_CUT.fullmatch(gap):
            return False
        # three years apart by a mark or two: "1984, 2019, 2049" (not "1998, 2004 and 2012")
        chain = chain + 1 if _YEAR_GAP_SHORT.fullmatch(gap) else 0
        if chain >= 2:
            return False
    return not read_contacts(masked)[0]


def has_contact(text: str) -> bool:
    """Whether ``text`` carries a contact: a phone number, a link, an address, a price.

    Read on the text with width and styled letters folded (NFKC: "０８００", "𝟬𝟴"),
    invisible characters and keycap decorations dropped, and look-alike letters
    mapped as ``normalize`` maps them, before digits are folded away.
    """
    return read_contacts(text)[0]


def read_contacts(text: str) -> tuple[bool, tuple[str, ...]]:
    """(``has_contact(text)``, the contacts themselves in a canonical form, at most
    ``MAX_CONTACTS``): numbers of 5 digits or more as their digits ("n:0800123456",
    however split or spelled out), domains as their last label and top-level domain
    ("d:winprize.club", however the dot is written), e-mail addresses ("e:..."). The
    same number in two texts reads the same, whatever else the texts say. At most
    ``_MAX_READ`` characters are read, before and after NFKC."""
    text = text[:_MAX_READ]
    if not text.isprintable():  # control characters render as nothing: "0\x008\x000"
        text = _CONTROLS.sub("", text)
    if ("  " in text or "\t" in text or "\n" in text or not text.isascii()) and (
            _LONG_SPACE.search(text) is not None):
        # A run of spaces is 4 at most: nothing reads more between two words, and patterns
        # with spaces on both sides of an optional word cost the square of a longer run
        # (a review's 290 spaces: 6 ms)
        text = _LONG_SPACE.sub("    ", text)
    pointed, abroad = _abroad(text, text.casefold())
    # "reply 🎁 n i'll send it": read before the emoji become gaps
    emoji_keys = ["k:" + m.group(1) for m in _EMOJI_REPLY.finditer(text)] if (
        not text.isascii()) else []
    wallets: list[str] = []
    if not text.isascii() and _INVISIBLE.search(text) is not None:
        text = _INVISIBLE.sub("", text)  # joiners inside a wallet ("bc1qk4\u200d6h..."): nothing
    if len(text) >= 26 and any(len(word) >= 26 for word in text.split()):  # (cheap)
        # A wallet to pay into ("bc1q...", "0x...", "T..."): a way back to the spammer, read
        # as written (folding would change its letters), then taken out, so that its
        # digits are not read as numbers too
        wallets = ["w:" + (m.group().lower() if m.group().startswith(("BC1", "LTC1")) else m.group())
                   for m in _WALLET.finditer(text)]  # (bech32 is one case or the other)
        text = _WALLET.sub(" ", text)
    if ("bc1q" in text or "0x" in text) and (half := _WALLET_HALF.search(text)) is not None:
        # a wallet cut in two ("bc1qm0wrclk6msw8p82c seha0yqz..."): its first half is read
        wallets.append("w:" + half.group())
        text = _WALLET_HALF.sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_BEFORE_NFKC))
        # Digits of every script as ASCII ones ("٠٨٠٠", "०८००", "০৮০০"): one number, one
        # key, however many scripts its digits are written in (NFKC leaves them be).
        text = _DECORATION.sub("", _INVISIBLE.sub("", text)).translate(_ascii_digits())
        unseen, marks = _unseen()
        # Every other format character (tags, shorthand and Egyptian format controls,
        # interlinear annotation, variation selectors of plane 14) renders as nothing too.
        text = unseen.sub("", text)
        folded = _FOREIGN_HINT.search(text) is not None
        if folded:  # in any case: the text is case folded last (a keyword keeps its capitals)
            text = _FOREIGN.sub(_foreign, text)
        # Marks on letters and digits ("0̸8̸", "c⃝o⃝m⃝", accents) dropped: the bare character.
        text = marks.sub("", unicodedata.normalize("NFKD", text.translate(_LETTERS)))
        text = _SENTENCE_STOPS.sub(".", text).translate(_DOTS).translate(_SLASHES)
        if "\u26ab" in text or "\u26aa" in text or "\u2b24" in text or "\U0001f518" in text:
            text = _CIRCLE_DOT.sub(".", text)  # "goldwinuk⚫vip", "bit⚫ly/x"
        if "\U0001f47b" in text or "\u2708" in text or "\U0001f4f8" in text:
            # the apps' emoji: 👻 Snapchat, ✈ Telegram, 📸 Instagram (a handle after it
            # needs a handle's shape, as after the name: "📸 max_fx")
            text = text.replace("\U0001f47b", " snap ").replace("\u2708", " telegram ")
            text = _CAMERA_CUED.sub(lambda m: m.group()[:-1] + " insta ", text)
            text = _CAMERA_HANDLE.sub(" insta ", text).replace("\U0001f4f8", " ")
        if "\U0001f4e7" in text or "\u2709" in text or "\U0001f4e9" in text or "\U0001f4e8" in text:
            text = _MAIL_EMOJI.sub("@", text)  # "star_team 📧 outlook"
        text = _SYMBOLS.sub("*", text)  # a gap: "0🔥8🔥0" is "0*8*0", "snap 👉 x" "snap * x"
        text = text[:_MAX_READ]  # NFKC may have made it longer ("ⅷ" is "viii")
        text = unconfuse(text)
        looked = text.translate(_LOOKALIKES_KEEP_SYMBOLS)
        cased = looked.translate(_CAPITAL_LOOKALIKES)
        # Cyrillic or Chinese: read in small letters (the look-alikes are small)
        text = (text.casefold()[:_MAX_READ].translate(_LOOKALIKES_KEEP_SYMBOLS) if folded
                else cased)  # Greek capitals too: "ΤELEGRAM" is "TELEGRAM"
    else:
        cased = text
    if ("(" in text or "[" in text or "{" in text) and _SAID_MARK.search(text) is not None:
        said = (lambda m: "@" if m.group(1).lower() == "at" else "$")  # noqa: E731
        text, cased = _SAID_MARK.sub(said, text), _SAID_MARK.sub(said, cased)  # "tg (at) x"
    found: list[str] = wallets + abroad + emoji_keys
    contact = bool(found) or pointed
    digits_in = _DIGIT.search(text) is not None  # (the look-alike step only adds digits)
    if digits_in and any(c in text for c in "OoIlSZBb"):
        text = _MIXED_NUMBER.sub(_as_digits, text)
        text = _LOOKALIKE_PHONE.sub(_lookalike_phone, text)  # "O9b4O SbZ Z4l", "OBZO4OSbOBb"
        if "to" in text and (code := _SHORTCODE_LOOKALIKE.search(text)) is not None:
            # "txt wIn to 8OO86": a short code of 5 or 6 with look-alikes, sent a word to
            text = (text[:code.start(1)] + code.group(1).translate(_AS_DIGITS)
                    + text[code.end(1):])
    if digits_in and _NUMBER.search(text):
        contact = True
        for match in _DIGIT_RUN.finditer(text):
            digits = _NOT_DIGIT.sub("", match.group())
            if len(digits) >= 5:
                found.append("n:" + digits)
    if digits_in and ("-" in text or "." in text):
        for match in _VANITY.finditer(text):
            prefix, letters = _NOT_DIGIT.sub("", match.group(1)), match.group(2)
            digits = prefix + _NOT_DIGIT.sub("", letters.translate(_KEYPAD))
            if len(digits) >= 7 and len(prefix) >= 4 and sum(map(str.isalpha, letters)) >= 3:
                contact = True
                found.append("n:" + digits)
    if digits_in:
        hint = _SPREAD_HINT.search(text) is not None
        spread = (*(_SYMBOL_DIGITS.finditer(text) if hint else ()),
                  *(_SYMBOL_GROUPS.finditer(text) if hint else ()),
                  *(_SPACED_NUMBER.finditer(text)
                    if "   " in text or _SPACED_DASH.search(text) else ()))
        for match in spread:
            digits = _NOT_DIGIT.sub("", match.group())
            if len(digits) >= (9 if match.re is _SYMBOL_GROUPS else 7) and (
                    match.re is not _SPACED_NUMBER or _wide(match.group())):
                contact = True
                found.append("n:" + digits)
        spaced = " to " in text or " 2 " in text
        if spaced or hint:
            small = text.lower()
            for match in (*(_SPACED_CODE.finditer(small) if spaced else ()),  # "send sue 2 8 9 5 5 5"
                          *(_GAPPED_CODE.finditer(small) if hint else ())):  # "send x to 8*1*6*1*8"
                contact = True
                found.append("n:" + _NOT_DIGIT.sub("", match.group(1)))
        if hint:
            for match in _GAPPED_GROUPS.finditer(text):  # "0*8*0*0 1*2*3 4*5*6"
                if sum(map(match.group().count, "*~+#<>^")) >= 3:
                    contact = True
                    found.append("n:" + _NOT_DIGIT.sub("", match.group()))
    if digits_in and ("x" in text or "X" in text) and (xs := _X_GROUPS.findall(text)):
        for run in xs:  # "917x494x017x015": a number cut by x's (not "1920x1080", "3x3x3")
            digits = _NOT_DIGIT.sub("", run)
            if len(digits) >= 10:
                contact = True
                found.append("n:" + digits)
    if digits_in and _AND_GROUPS_HINT.search(text) is not None:
        for match in _AND_GROUPS.finditer(text.lower()):  # "070 & 27 & 546 & 74 & 2"
            digits = _NOT_DIGIT.sub("", match.group())
            groups = _DIGITS_ONLY.findall(match.group())
            if 10 <= len(digits) <= 13 and not all(  # "0800 and 0930 and 1100": times
                    len(g) == 4 and int(g[:2]) < 24 and int(g[2:]) < 60 for g in groups) and not all(
                    int(a) < int(b) for a, b in itertools.pairwise(groups)):  # lottery, routes
                contact = True
                found.append("n:" + digits)
    # A capital I for an l inside an app's name ("teIegram"): read as the app ("TalkInstant"
    # is no "Talklnstant")
    if "KlK" in text:  # Kik with an l for its i: its mixed case, not Dominican "klk"
        text = _KLK.sub("kik", text)
    lower = (_INNER_I.sub(_app_with_l, text) if "I" in text and any(
        pair in text for pair in _INNER_I_PAIRS) else text).lower()
    if ("gram" in lower or "k1k" in lower or "k|k" in lower or "0f" in lower or " of" in lower
            or "dc" in lower or "tt" in lower) and (
            _NICKNAMED_APP.search(lower) is not None):
        # "on the gram as x", "KlK: x", "my 0F: x", "dc: x": an app by a nickname
        lower = _NICKNAMED_APP.sub(_nicknamed_app, lower)
    if ("app" in lower or "gram" in lower or "grm" in lower or "grum" in lower or "s.n.a.p" in lower
            or "s n a p" in lower) and _RESPELT_APP.search(lower) is not None:
        lower = _RESPELT_APP.sub(_respelt_app, lower)  # "the paper plane app: x22", "telegrm x22"
    if ("g mail" in lower or "g-mail" in lower) and _AT_G_MAIL.search(lower) is not None:
        lower = _AT_G_MAIL.sub(r"\1 gmail", lower)  # "peaknia at g mail"
    if _spaced_out(lower):  # "w i n p r i z e . c l u b": the letters joined again
        lower = _SPACED.sub(lambda m: m.group().replace(" ", ""), lower)
    if ("-" in lower or "/" in lower or "~" in lower) and _SEPARATED_HINT.search(lower):
        # "w-i-n-p-r-i-z-e.c-o-m", "c/l/a/i/m": joined too
        lower = _SEPARATED.sub(lambda m: _LETTER_SEPARATORS.sub("", m.group()), lower)
    if "dawt" in lower or "dought" in lower or "dott" in lower:  # "winprize dawt com": a dot spelled as said
        lower = _DOT_SAID.sub("dot", lower)
    if ("period" in lower or "d o t" in lower or "d.o.t" in lower) and (
            _DOT_SPELT.search(lower) is not None):  # "winprize (period) com", "winprize d o t com"
        lower = _DOT_SPELT.sub(lambda m: "(dot)" if m.group().startswith(("(", "[")) else "dot", lower)
    if _SAID_APART_HINT.search(lower) is not None:  # "ringtoneking full stop com", "x , co , uk"
        lower = _SAID_APART.sub(_said_apart, lower)
    if (" end" in lower or " after it" in lower or " to it" in lower) and any(
            verb in lower for verb in ("put", "add", "stick", "pop", "type", "whack", "slap", "tag")):
        for match in _PUT_ENDING.finditer(lower):  # "go to prize4u and put com on the end"
            contact = True
            found.append(f"d:{match.group(1)}.{_NOT_NAME_CHAR.sub('.', match.group(2))}")
    if "reply" in lower:
        for match in _REPLY_TO_WIN.finditer(lower):  # "just reply subpoly to win"
            if match.group(1) not in _NOT_REPLIED:
                contact = True
                found.append("k:" + match.group(1))
    if "slash" in lower:  # "t dot me slash winbot": the slash a link's path starts with
        lower = _SLASH_WORD.sub("/", lower)
    if "/" in lower and (dotless := _DOTLESS_PATH.search(lower)) is not None:
        # "instagram com/winbot", "t me/winbot": a name and a top-level domain, the dot
        # left out, a path after them
        contact = True
        name_tld = [g for g in dotless.groups() if g]
        found.append(f"d:{name_tld[0]}.{name_tld[1]}")
    if "\n" in lower:
        lower = _PATH_NEXT_LINE.sub("", lower)  # "forms.gle" then "/x" on the next line
    if "signal" in lower and "group" in lower and _SIGNAL_GROUP.search(lower) is not None:
        contact = True  # "signal(dot)group/#x": Signal's group links
        found.append("d:signal.group")
    if "20" in lower and _TOKEN_NETWORK.search(lower) is not None:
        contact = True  # "USDT TRC20 T76U...": a wallet on a token's network
    if "spaces" in lower and _DESPACE.search(lower) is not None:
        contact = True  # "(remove the spaces)": a way back spaced apart to hide it
    if ("(" in lower or "[" in lower or "{" in lower or "+" in lower or ",co" in lower
            or ", co" in lower) and (_BRACKETED_TLD.search(lower) is not None
                                     or _BRACKETED_TAIL.match(lower.lstrip(_AROUND)) is not None):
        # "hubpeak (.site)", "glowvault + .shop", "primezenhq,co,uk": the dot as written
        if _BRACKETED_TAIL.match(lower.lstrip(_AROUND)) is not None:
            contact = True  # "(.site) 👀": the tail of a link cut in two texts
        lower = _BRACKETED_TLD.sub(lambda m: "." + (m.group(1) or "") if m.group(1) or "+" in
                                   m.group() else ".co.", lower)
    if "claim" in lower and (claim := _CLAIM_CODE.search(lower)) is not None:
        # "claim code X7K2Q", "CLAIM-CODE=X7K2Q", "X7K2Q is ur claim code": a prize's pitch
        contact = True
        found.append("k:" + _NOT_CODE.sub("", claim.group(1) or claim.group(2)))
    if (". co" in lower and _SPACED_COUK_SMALL.search(text) is not None
            and (couk := _SPACED_COUK.search(lower)) is not None):
        # "luckyprizehub. co. uk": a space after each dot of a country's two-part ending
        lower = lower[:couk.start()] + "." + couk.group(1) + "." + couk.group(2) + lower[couk.end():]
    if "scan" in lower and " q r" in lower:  # "scan the q r in my pfp"
        lower = _QR_SPACED.sub("qr", lower)
    if (("bio" in lower or "b10" in lower or "b1o" in lower or "profile" in lower
            or "pinned" in lower or "page" in lower
            or "wall" in lower or "highlights" in lower or "story" in lower
            or "stories" in lower or "post" in lower) and _PROFILE.search(lower)) or (
            "pinned" in lower and _PINNED.search(lower) is not None):
        # "link in my bio", "hmu my pinned post": the way back is one click away
        contact = True
    if not contact and _said_way_back(lower):
        # "reply with your bank details", "google prizedesk86", "check my highlights" (with
        # a pitch): the way back is this chat, a name to find, my profile
        contact = True
    if ("into" in lower or "in2" in lower) and (typed := _TYPED_IN.search(cased)) is not None and (
            typed.group(1) not in _NOT_TYPED):
        # "type Harbour Lettings into google", "pop summitperks into your browser": a name
        # or a site to find, the way back of campaigns with no number or link
        contact = True
        found.append("h:" + "".join(typed.group(1).lower().split()))
    if "store" in lower or "play" in lower:
        for match in _FROM_APP_STORE.finditer(lower):  # "download 'quickparcel886' from the app store"
            name = match.group(1) or match.group(2)
            if _STORE_NAME.fullmatch(name) and name not in _NOT_STORE_NAMES:
                contact = True
                found.append("h:" + "".join(name.split()))
    if "*" in lower and (starred := _STARRED_SITE.search(lower)) is not None:
        contact = True
        found.append(f"d:{starred.group(1)}.{starred.group(2) or starred.group(3)}")
    if "ask" in lower and (asked := _ASK_FOR_AT.search(lower)) is not None:
        contact = True  # "ask for Lena at Jobsnow411 support": a firm's name with digits
        found.append("h:" + asked.group(1))
    if " them" in lower and (them := _GOOGLE_THEM.search(cased)) is not None:
        contact = True  # "Ask for Leah at Redwood Circle, google them"
        found.append("h:" + "".join((them.group(1) or them.group(2)).lower().split()))
    if _TWO_CAPITALS.search(cased) is not None and (
            "app" in (tokens := _TOKENS.findall(lower)) or "one" in tokens
            or not _APP_NAMES.isdisjoint(tokens)) and (
            (named := _NAMED_ON_APP.search(cased)) is not None
            or (not _EASIER_WORDS.isdisjoint(tokens) and (named := _NAMED_LAST.search(cased)))):
        name = (named.group(1) or named.group(2) or named.group(3)).lower().split()
        if name[0] not in _NOT_FIRST_NAMES:
            contact = True  # "I'm on tiktok as Nadia Stroud": a person's name on an app
            found.append("h:" + "".join(name))
    if ("search" in lower or "google" in lower or "look" in lower or "find" in lower) and (
            _SEARCH_HINT.search(lower) is not None):
        for match in _FIRM_SMALL.finditer(lower):  # "google highfield assist and ask for dana"
            named = match.group(1).split()
            if named[0] in _NOT_FIRM_START:
                continue
            if not _COMPANY_WORDS.isdisjoint(named[1:]) and (key := _firm_key(named)) not in found:
                contact = True
                found.append(key)
        for match in _COMPANY.finditer(cased):  # "look up Highfield Assist, ask for Dana"
            name = match.group(1)
            words = name.lower().split()
            if words[0] in _TITLES:  # "look up Dr Patel, ask for Karen at reception"
                continue
            if not _COMPANY_WORDS.isdisjoint(words) or _ASK_FOR.match(cased, match.end()) or (
                    _ASK_FOR_PITCHED.match(cased, match.end())
                    and not _PITCH_WORDS.isdisjoint(_TOKENS.findall(lower))):
                contact = True
                found.append(_firm_key(words))
    if (" com" in lower or " co uk" in lower) and _SAID_TLD_HINT.search(lower) is not None and (
            said := _SAID_TLD.search(lower)) is not None:
        # "northgatevault plus com", "harbourperks with the usual com on the end", "x, com
        # ending": a site whose dot is said otherwise (round 25)
        contact = True
        name, tld = said.group(1) or said.group(3), said.group(2) or said.group(4)
        found.append(f"d:{name}.{tld.replace(' ', '.')}")
    if ("(" in lower or "[" in lower) and (said := _SAID_TLD_MORE.search(lower)) is not None:
        contact = True  # "redwoodperks [co] [uk]", "x (all one word) and then the uk ending"
        name = said.group(1) or said.group(5)
        tld = ".".join(g for g in said.group(2, 3, 4) if g) if said.group(1) else (
            said.group(6).replace(" ", "."))
        found.append(f"d:{name}.{'co.uk' if tld == 'uk' else tld}")
    if "tly/" in lower and _TLY.search(lower) is not None:  # "tly/6u36ug"
        contact = True
        found.append("d:t.ly")
    if ("/" in lower or any(short in lower for short in _SHORTENERS_SPACED)) and (
            short := _SHORTENER.search(lower)) is not None:
        # "bitly/x7Kq2", "tinyurl com/x": a shortener's name with its dot left out
        contact = True
        found.append("d:" + _SHORTENERS[short.lastindex - 1][0])
    word_domains: list[str] = []
    for token in _links(lower, word_domains):
        contact = True
        if token != "d:":
            found.append(token)
    if _LEET_HINT.search(lower):  # "sn@p: x", "7ele x", "1nsta x": an app's name in leet
        lower = _LEET_WORD.sub(_leet_app, lower)
    words_and_digits = _WORDS_AND_DIGITS.findall(lower)
    if ((not _DOTLESS_WORDS.isdisjoint(words_and_digits) or " c o" in lower or " n e" in lower
            or " o r" in lower) and _DOTLESS_HINT.search(lower) is not None) or (
            ("couk" in lower or "com" in lower or "net" in lower) and _GLUED_SITE.search(lower)):
        for site in _dotless_sites(lower):  # "luxbox943 co uk", "dealchat com"
            contact = True
            found.append(site)
    # A messaging app named (a set lookup first: a search of every name costs more)
    if not _APP_NAMES.isdisjoint(words_and_digits) and _APP_WORD.search(lower):
        for handle in _handles(lower):
            contact = True
            found.append(handle)
    if ("app" in words_and_digits or "one" in words_and_digits) and not _ICON_SET.isdisjoint(
            words_and_digits):
        for match in _HANDLE_ON_APP.finditer(lower):  # "find x on the ghost app"
            if _long_name(match.group(1)):
                contact = True
                found.append("h:" + match.group(1))
    if ("app" in words_and_digits or not _PLAIN_APP_NAMES.isdisjoint(words_and_digits)) and (
            _LONG_WORD.search(lower) is not None):
        for match in _LONG_NAME_NEAR_APP.finditer(lower):  # "on tiktok, just search x"
            name = match.group(1) or match.group(2) or match.group(3)
            if match.group(1) and _ME_ON_APP.search(lower) is None:
                continue
            if _namelike(name) and name not in _LONG_WORDS and name not in _APP_NAMES:
                contact = True
                found.append("h:" + name)
    if not _ACCOUNT_WORDS.isdisjoint(words_and_digits):
        for match in _ACCOUNT_MINE.finditer(lower):  # "my private account = ruby_secret39"
            name = match.group(1).strip("._")
            if "_" in name or _ACCOUNT_NAME.fullmatch(name):
                contact = True
                found.append("h:" + name)
    if "@" in lower and not any(token.startswith("h:") for token in found):
        for handle in _mentions(lower):
            contact = True
            found.append(handle)
    if not _MAIL_WORDS.isdisjoint(words_and_digits) or "o2 pl" in lower or "o2.pl" in lower:
        # "prizedesk22 at gmail", "rosiek at o2 pl"
        for mail in _mails(lower):
            contact = True
            found.append(mail)
    # "reply WIN", "call 123", "follow @winbot": read last, so that a text's keywords
    # never push its number out of the MAX_CONTACTS kept
    if _SPACED_CAPS_HINT.search(cased) is not None:  # "reply G I F T", "reply V-I-P"
        cased = _SPACED_CAPS.sub(lambda m: m.group()[:m.start(1) - m.start()]
                                 + _LETTER_GAPS.sub("", m.group(1)), cased)
    calls = _calls_to_act(cased, text, lower) if _KEYWORD_HINT.search(lower) else []
    # A number spelled out, whole or in part ("zero eight oh 0 1 2 ..."): number words and
    # digit groups in a row, whatever stands between them but other words.
    spelled: list[str] = []
    words = 0
    tokens: list[str] = []
    spelled_from = words_and_digits
    if digits_in and (unleeted := _LEET_NUMBER_WORD.sub(_number_unleeted, lower)) != lower:
        # Number words with digits for letters ("zer0 n1ne f1ve", round 29): read as the
        # words, here only ("2pm", "gr8" are left as they are, and nothing is read again)
        spelled_from = _WORDS_AND_DIGITS.findall(unleeted)
    for word in spelled_from:
        if len(word) >= 9 and _GLUED.fullmatch(word):  # "zeroeightzero..."
            tokens.extend(_GLUED_WORD.findall(word))
        else:
            tokens.append(word)
    if sum(word in _TENS for word in tokens) >= 3:
        # Tens and teens, 3 of them at least ("seventy nine, eleven, twenty three"; "eleven
        # plus two is twelve plus one" is a riddle): as digits, a ten before a unit as its
        # first digit only ("seventy nine" is 79, "sixty" 60)
        tokens = [_TENS[word] if word in _TENS and not (
                  word in _DECADES and i + 1 < len(tokens) and tokens[i + 1] in _UNITS)
                  else _DECADES[word] if word in _DECADES else word
                  for i, word in enumerate(tokens)]
    joined = 0  # words that join digit groups ("077 then 81 then 482 then 378")
    and_joined = False  # "and then" joins a phone number's groups, not a list
    tokens.append("")
    for i, word in enumerate(tokens):
        value = word if word.isdigit() else _NUMBER_WORDS.get(word)
        if value is not None:
            spelled.append(value)
            words += not word.isdigit()
            continue
        if not spelled:  # most words: no number before them
            continue
        if (word in _JOINING_WORDS or (word == "and" and tokens[i + 1] in _JOINING_WORDS)
                ) and joined < 8:  # "077 and then 814": "and" only before another joiner
            joined += 1
            and_joined = and_joined or word == "and"
            continue
        digits = _undouble("".join(spelled))
        listed = and_joined and _monotone(spelled)  # "10 and then 12 and then 14"
        if words and len(spelled) >= 4 and not (and_joined and (listed or len(digits) < 7)):
            contact = True
            if len(digits) >= 5:
                found.append("n:" + digits)
        elif joined and len(digits) >= 10 and len(spelled) >= 3 and not (
                listed and not spelled[0].startswith("0")):
            contact = True  # a phone number's length, in 3 groups or more
            found.append("n:" + digits)
        spelled, words, joined, and_joined = [], 0, 0, False
    if calls:
        contact = True
        found.extend(calls)
    if digits_in and _LOWER_NUMBER.search(lower) is not None:
        for digits in _lower_numbers(lower):  # "o7ozgz2bebs"
            contact = True
            found.append("n:" + digits)
    if ("I" in cased or "V" in cased or "X" in cased) and _ROMAN_RUN.search(cased) is not None:
        for digits in _roman_numbers(cased):  # "nulla-VII-I-VIII-III-VI-IV-IV-II-IX-IX"
            contact = True
            found.append("n:" + digits)
    if len(words_and_digits) >= _RUN_MIN and not _RUN_WORDS.isdisjoint(words_and_digits):
        for digits in _number_runs(words_and_digits):  # "nul acht nul nul een twee ..."
            contact = True
            # the run's number only, not the part the English words alone read before
            # it ("zero niner zero six fower niner tree ...": "090649")
            found = [f for f in found if not (f.startswith("n:") and digits.startswith(f[2:]))]
            found.append("n:" + digits)
    if digits_in and len(lower) <= 24 and (piece := _FRAGMENT.fullmatch(lower.strip(_AROUND))):
        # A message that is only a piece of a number ("ring 077", "009", "then 345"): a
        # number cut in pieces of 3 digits sent one by one; the same piece to many
        # people is one contact (the contacts rule), and talk to someone who never
        # wrote is rarely 3 digits alone.
        contact = True
        found.append("n:" + piece.group(1))
    if len(lower) <= 200 and (not _APP_NAMES.isdisjoint(words_and_digits)
                              or "dc" in words_and_digits or "disc0rd" in lower) and (
            _APP_LAST.search(lower) is not None):
        contact = True  # "add me, dc:": the first part of a message cut in two
    if (first := _HANDLE_FIRST.match(lower)) is not None:
        contact = True
        found.append("h:" + first.group(1))
    if "." in lower[:3] and _TLD_FIRST.match(lower) is not None:
        contact = True
    found.extend(word_domains)
    if "$" in cased:  # a Cash App tag ("send 5 to $blessedqueen"), not a ticker ("$TSLA")
        tags = ["h:" + m.group(1).lower() for m in _CASHTAG.finditer(cased)
                if not m.group(1).isupper() and (len(m.group(1)) > 5
                                                 or _DIGIT.search(m.group(1)))]
        if tags and _CASHTAG_SENT.search(lower):  # "drop 5 to $blessedqueen": a way back
            contact = True
        found.extend(tags)
    if ("." in lower or "_" in lower) and _HANDLE_HERE_HINT.search(lower):  # "look up x.y"
        found.extend("h:" + (m.group(1) or m.group(2)) for m in _HANDLE_HERE.finditer(lower))
    if "@" in lower:
        # Any other account named with "@" is a key, not a contact: the same account
        # named to a 5th stranger is a campaign for it (the contacts rule), whatever the
        # words; "ask @dave about it" to a friend is talk, and counts nowhere else.
        found.extend("h:" + name for name in (m.group(1).strip("._")
                                               for m in _ANY_MENTION.finditer(lower))
                     if len(name) >= 3 and name not in _MENTION_WORDS)
    kept = tuple(dict.fromkeys(found))
    if len(kept) > MAX_CONTACTS and all(map(_weak, kept[:MAX_CONTACTS])):
        # More than fit, and only codes or keywords first: the first phone number's length,
        # link, address or handle takes the last place ("order 48213, 99120, 55731: call
        # 0800 123 456" keeps the number, not only the decoys in front of it).
        strong = next((token for token in kept if not _weak(token)), None)
        if strong is not None:
            kept = (*kept[:MAX_CONTACTS - 1], strong)
    return contact, kept[:MAX_CONTACTS]


@functools.cache
def _ascii_digits() -> dict[int, str]:
    """Every decimal digit outside ASCII (Unicode category Nd) to its ASCII digit, built
    once from the Unicode database on the first text that needs it."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x20000):
        value = unicodedata.decimal(chr(code), None)
        if value is not None:
            table[code] = str(value)
    # Dingbat digits, which NFKC leaves be ("❶❸❶❷", "➊", "⓿"): digits all the same
    for first in (0x2776, 0x2780, 0x278A):
        table.update({first + i: str(i + 1) for i in range(9)})
        table[first + 9] = "10"
    table[0x24FF] = "0"
    return table


def _wide(run: str) -> bool:
    """A run of digit groups is a number the plain reading missed: a gap of 3 spaces or
    more ("9   5   6 ..."), or 3 groups or more with a spaced dash, dot or slash ("0800 -
    123 456"; "2023 - 2024" and a score are not)."""
    groups = [g for g in _GAPS.split(run) if g]
    if "   " in run and all(len(g) <= 2 for g in groups):  # a table has 3-digit columns
        return True
    return _SPACED_DASH.search(run) is not None and len(groups) >= 3


_GAPS = re.compile(r"\D+")


def contact_key(contact: str) -> str:
    """The form of a contact of ``read_contacts`` that the contacts rule counts: a number
    as its last 9 significant digits, so "+44 800 123 456", "0044 800 123 456",
    "0800 123 456" and "+44 (0)800 123 456" are one number; others as they are."""
    if contact.startswith("n:"):
        return "n:" + (contact[2:].lstrip("0")[-9:] or "0")
    return contact


_CALL_BEFORE = re.compile(r"(?i:\b(?:call|ring|dial|phone|tel|txt|text|whatsapp|wa)\W{0,3}+)$")


def _lookalike_phone(match: re.Match[str]) -> str:
    run = match.group()
    chars = run.translate(_AS_DIGITS)
    digits = _NOT_DIGIT.sub("", chars)
    real = sum(c.isdigit() for c in run)
    if not 10 <= len(digits) <= 12 or digits[1] == "0" or real == 0 or (
            real == 1 and _CALL_BEFORE.search(match.string, 0, match.start()) is None):
        return run
    return chars


def _as_digits(match: re.Match[str]) -> str:
    """A run of digits and look-alike letters as digits, when it is a number: 4 digits,
    and a digit in each group ("lol 1000" stays: "lol" is a word)."""
    run = match.group()
    if run.isdigit() or sum(c.isdigit() for c in run) < 4:
        return run
    if not all(_DIGIT.search(group) for group in _GROUPS.split(run) if group):
        return run
    if "b" in run and (run[0] == "b" or _BEFORE.search(run) is not None
                       or not all(len(g) >= 7 or (_B_AFTER_LOOKALIKE.search(g) is not None
                                                  and _WEIGHT.fullmatch(g) is None)
                                  for g in _GROUPS.split(run) if "b" in g)):
        return _WITHOUT_B.sub(_as_digits, run)
    if _WIDE_LOOKALIKES.search(run) and (
            len(_MIXED_CHAR.findall(run)) < 9
            or not (_INNER_WIDE.search(run) or run.translate(_AS_DIGITS)[:1] == "0")):
        # "S21 S22 S23", "B737 B747", "60S 70S 80S": codes; read as without S, Z, B
        return _NARROW_NUMBER.sub(_as_digits, run)
    return run.translate(_AS_DIGITS)


_APP_WORD = re.compile(r"\b(?:" + _APPS + r"|line|zap)\b")
# the words _APP_WORD may find ("zap", WhatsApp in Brazil, only for _HANDLE_ABROAD)
_APP_NAMES = frozenset(_APP_LIST) | {"line", "zap"}
_PLAIN_APP_NAMES = _APP_NAMES - _WORDY_APPS - {"line", "zap", "one"}
_LONG_WORD = re.compile(r"[a-z]{11}")
# An app's name with digits or symbols for some of its letters ("sn@p", "7ele", "wh4tsapp"):
# read as the name; 3 letters at least, so "1g" (a gram) and "k1k" stay as written.
_LEET_HINT = re.compile(r"[a-z][0-9@$!|]|[0-9@$!|][a-z]")
_LEET_WORD = re.compile(r"(?<![a-z0-9@$!|.])(?=(?:[0-9@$!|]*[a-z]){3})[a-z0-9@$!|]{4,}+(?![a-z0-9@$!|])")


# An app to get from a store by a name of 6 letters and 2 digits, quoted or not ("download
# 'Parcelhub886' from the app store", "install parcel886 from google play"; "download
# spotify from the app store", "get fifa23 on the play store" are talk: _STORE_NAME)
_FROM_APP_STORE = re.compile(
    r"\b(?:download|install|get|search(?:\s+for)?|find)\s++(?:[\"'\u201c\u2018]([a-z][a-z0-9 ._-]{2,30}?)"
    r"[\"'\u201d\u2019]|([a-z][a-z0-9._-]{3,30}+))\s++(?:from|on|in)\s++(?:the\s++)?"
    r"(?:app\s*store|play\s*store|google\s+play|apple\s+store)\b")
_ASK_FOR_AT = re.compile(r"ask\s++for\s++[a-z]++\s++(?:at|from)\s++([a-z]{5,}+[a-z0-9]*?\d[a-z0-9]*+)"
                         r"(?![a-z0-9_.@])")
_STORE_NAME = re.compile(r"[a-z]{6,}+\d{2,}+")  # "parcelhub886" (not "fifa23", "google maps")
_NOT_STORE_NAMES = frozenset("the a an this that it our my your their its".split()) | _APP_NAMES
_QR_SPACED = re.compile(r"\bq\s+r\b")
# Apps by nicknames that are words or letters elsewhere: only where a handle follows
# ("the gram is x" is Instagram, "k1k:" Kik, "my 0f:" and "my of:" OnlyFans, "dc: x22"
# Discord; "100 gram", "washington dc", "dc: server is down", "klk manito" (a greeting)
# are talk: a review's 284 ordinary messages aimed at these forms)
_NICKNAMED_APP = re.compile(r"\bthe\s+gram\b(?=\s+is\s+(?!@))|\bk[1|]k\b(?=\s*+:)"
                            r"|\bmy\s+[o0]f(?=\s*+:)|\bdc(?=\s*+:\s*+[a-z]{4,}[a-z_.]*\d{2,}(?![a-z0-9_]))"
                            r"|\btt(?=\s*+(?::|@[a-z]))")
_KLK = re.compile(r"\bKlK(?=\s*+:)")  # its mixed case: "klk", "KLK" are a Dominican greeting
_CAMERA_CUED = re.compile(r"\b(?:me|my|on|at|add|follow|dm)\s*+\U0001f4f8")
# Round 32 (blind, ways back respelt by a campaign that rewords every copy):
# 📸 right before a handle with a digit ("👉 📸 marcopeak73"), as after a self cue
_CAMERA_HANDLE = re.compile(r"\U0001f4f8(?=\s*+@?(?!iphone|galaxy|pixel|day|canon|nikon|gopro)"
                            r"[a-z][a-z0-9_.]{2,29}\d{2}(?![a-z0-9_.])\s*+(?:$|[^\w\s]))", re.I)
# (the handle ends the clause: "📸 day_3 in rome", "📸 summer23 dump" are photos' captions)
# an envelope between a name and a mail host is its "@" ("star_team 📧 outlook"): a name
# of 5 or more or with a mark, the host ending the clause ("my work 📧 outlook keeps
# crashing", "mum 📧 hotmail" are talk of mail)
_MAIL_EMOJI = re.compile(r"(?<=[a-z0-9_.]{5})\s*+[\U0001f4e7\u2709\U0001f4e9\U0001f4e8]\s*+(?=(?i:"
                         + "|".join(_MAIL_HOST_LIST) + r")(?:\s*+(?:$|[^\w\s])|\s++(?:for|to|with"
                         r"|asap|now|today|lol|xx?|mostly|and|if|pls|please|hun|babe)\b))", re.I)
# a circle glued in for a link's dot: before a path ("bit⚫ly/x") or after a name of 6 or
# more before a campaign's ending ("goldwinuk⚫vip"; "tank⚫top", "us⚫uk", "love⚫live" are
# talk, and red or blue circles a stream's badge)
_CIRCLE_DOT = re.compile(r"(?<=[A-Za-z0-9])[\u26ab\u26aa\u2b24\U0001f518](?=[A-Za-z]{2,3}/[A-Za-z0-9])"
                         r"|(?<=[A-Za-z0-9]{6})[\u26ab\u26aa\u2b24\U0001f518](?=(?:vip|site|club|xyz"
                         r"|online|icu|top|shop|store|win|bet|com|net|org|io)(?![A-Za-z0-9]))")
# "tly/6u36ug": t.ly without its dot, a code with letters and digits after it
_TLY = re.compile(r"\btly/(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,12}\b")
# an emoji of a prize or a flirt to send back, for what it gets ("reply 🎁 n i'll send it",
# "drop a 🔥 here", "send a 💜 if you want in"): a campaign's keyword as much as "reply WIN"
# ("reply 👍 and i'll book it", "send a 💜 to ur mom", "comment 🔥 below my selfie" are talk)
_EMOJI_REPLY = re.compile(
    r"(?i:\b(?:reply|rply|respond|answer|drop|send|txt|text)\s++(?:(?:me|us|with|back)\s++)*+"
    r"(?:a\s++|an\s++|the\s++)?)([\U0001f381\U0001f525\U0001f4b0\U0001f911\U0001f4b8\U0001f48e"
    r"\U0001f351\U0001f346\U0001f608\U0001f48b\U0001f49c\U0001f495\U0001f618\U0001f975\U0001f445"
    r"\U0001f3b0\U0001f4b5\u2764\U0001f49d\U0001f48c])\ufe0f?"
    r"(?=\s*+(?i:here\b|(?:n|and|&)\s++(?:i'?ll|ill|i\s+will|we'?ll)\s++(?:send|dm|give|share|show)"
    r"|to\s++(?:get|claim|unlock|win|receive|see)\b|if\s++(?:u|you)\s++want\s++(?:it|in|one|them|more"
    r"|the)\b|(?:b4|before)\s++(?:midnight|tonight|it)\b))")
# a keyword's capitals spaced or hyphened after a verb of replying ("reply G I F T",
# "reply V-I-P", "reply H L"): joined, then read as any keyword
_SPACED_CAPS = re.compile(r"(?i:\b(?:reply|rply|respond|answer|txt|text|type|say)\s++(?:with\s++)?)"
                          # talk spells these, but for a prize ("say Y E S 2 win")
                          r"(?!(?:Y.E.S|N.O|T.T.Y.L|R.S.V.P|O.K|A.S.A.P)"
                          r"(?!(?i:\s++(?:to|2)\s++" + _PRIZE_VERBS + r")))"
                          r"((?:[A-Z][ .\-]){2,11}[A-Z])(?![\w])(?!\s+or\b)")
_LETTER_GAPS = re.compile(r"[ .\-]")
_SPACED_CAPS_HINT = re.compile(r"[A-Z][ .\-][A-Z](?![\w])")
# apps by a nickname or respelt, before a handle with a digit, "_" or "." only ("the paper
# plane app: kate.lucky16", "my gram is chloe.glow63", "telegrm x22", "s.n.a.p x_y")
_HANDLE_NEXT = r"(?=\s*+[,:\-]?\s*+(?:as\s++)?@?(?!windows|iphone|galaxy|pixel|android|macos)[a-z]{3,}+(?:[_.][a-z0-9]++|\d++)[a-z0-9_.]*+(?!'))"
_RESPELT_APP = re.compile(
    r"\bthe\s+(paper\s*+plane|ghost)\s+app\b" + _HANDLE_NEXT
    + r"|\bmy\s+(gram)\b(?=\s+is\s+@?[a-z]{3,}+(?:[_.][a-z0-9]++|\d++)[a-z0-9_.]*+(?!'))"
    r"|\b(telegrm|telgram|telegrum|tlgrm)\b|\b(s\.n\.a\.p|s\s+n\s+a\s+p)\b" + _HANDLE_NEXT)
_RESPELT_NAMES = {"paper plane": "telegram", "paperplane": "telegram", "ghost": "snapchat"}
# an app named last, after an invitation, or with a colon after it ("add me, dc:", "talk
# on wechat:", "msg me there: snap:"): the first part of a message cut in two, its handle
# the next; and a message that starts with a handle's shape ("liam_star58 lol 🎉",
# "luciaprime31, ..."): the second part
_APP_LAST = re.compile(
    r"\b(?:add\s+me|talk\s+(?:on|there)|msg\s+me(?:\s+there)?|message\s+me(?:\s+there)?"
    r"|i'?m\s+(?:more\s+active\s+)?on|find\s+me|hmu|dm\s+me)\s*+[,:]?\s*+(?:on\s+)?"
    r"(?:" + _APPS + r"|dc|disc0rd|telegrm)\s*+:?[^a-z0-9]*+$")
# ... and its second part: a message that starts with a handle and an invitation to it
# ("noahwin78 — message me", "lily_swift13 is better for me"; a handle's shape alone is a
# file's or a product's name too: "IMG_4521 lol", "summer22 — best summer ever")
_HANDLE_FIRST = re.compile(r"[^a-z0-9@]*+@?((?=[a-z_.]{6})[a-z]++(?:[_.][a-z]++)?\d{2,3}+)(?:\s*+[\u2014\u2013-]++\s*+"
                           r"(?:msg|message|add|dm|hmu|text)\s++me\b|\s++is\s+better\s+for\s+me\b)")
# ... or starts with a site's ending ("open glowdeal" then ".shop on ur phone")
# Round 33 (blind, ways back of today's platforms): "(remove the spaces)" says a way back
# was spaced apart to hide it; "(at)", "(dollar)" for "@", "$" before a handle ("tg (at)
# x", "cashapp (dollar) x"); Signal's group links, however the dot is written; a link's
# path on the next line ("forms.gle" then "/x")
_DESPACE = re.compile(r"[./@$\d][^()\[\]]{0,60}?[(\[]\s*+(?:remove|delete|take\s+out|without)\s+(?:all\s+)?(?:the\s+)?"
                      r"spaces\b\s*+[)\]]")
_SAID_MARK = re.compile(r"\s*+[(\[{]\s*+(at|dollar)\s*+[)\]}]\s*+")
_SIGNAL_GROUP = re.compile(r"\bsignal\s*+(?:\(\s*+dot\s*+\)|\[\s*+(?:\.|dot)\s*+\]|\{\s*+(?:\.|dot)\s*+\})\s*+group\b"
                           r"|\bsignal\s*+(?:\.|dot)\s*+group\s*+(?:/|slash\b|#)")
# a token's network named before its address ("USDT TRC20 TRgj xGef ..."): an address to pay
# into follows, however it is cut
_TOKEN_NETWORK = re.compile(r"\b(?:trc[\s-]?20\W{0,3}(?=t[1-9a-z]{3})|(?:erc|bep)[\s-]?20\W{0,3}(?=0x[0-9a-f]{3}))(?=(?:[0-9a-z]{3,8}\s){2,}[0-9a-z]{3,}|[0-9a-z]{16,})(?=[\s0-9a-z]{0,24}\d)")
_PATH_NEXT_LINE = re.compile(r"(?<=[a-z0-9])[ \t]*+\n[ \t]*+(?=/[a-z0-9#?])")
_TLD_FIRST = re.compile(r"[^a-z0-9.(]*+\.(?:shop|site|vip|club|xyz|online|icu|top|com|net|org|io|co)"
                        # alone, or with where to open it (".com is cheaper than .io" is talk)
                        r"(?:/|\s*+[*!]*+\s*+$|\s++(?:on\s++(?:ur|your)\s++(?:phone|mobile)|now|to\s++claim"
                        r"|today)\b)")
# a site's dot in brackets with its ending ("hubpeak (.site)"), or after a plus
# ("glowvault + .shop"), and a comma for each dot of ".co.uk" ("primezenhq,co,uk")
_BRACKETED_TAIL = re.compile(r"[(\[{]\s*+\.\s*+([a-z]{2,12}+)\s*+[)\]}]")
_BRACKETED_TLD = re.compile(r"(?<=[a-z0-9]{4})\s*+[(\[{]\s*+\.\s*+([a-z]{2,12}+)\s*+[)\]}]"
                            # (a name of 7 or more: "hoodie + .shop bag", "3,co,uk" are talk)
                            r"|(?<=[a-z0-9]{7})\s*+\+\s*+\.(?=[a-z])"
                            r"|(?<=[a-z][a-z0-9]{3}),co,(?=uk\b)")  # ("company, co, uk")
# a claim code (round 34): letters and digits, a digit among them, named as the code to claim with
_CLAIM_CODE = re.compile(r"(?<!insurance\s)(?<!expense\s)(?<!warranty\s)(?<!baggage\s)(?<!dental\s)"
                         r"\bclaim[\s-]*+(?:c[o0]de|kode)\s*+(?:is\s++|[:=#-]\s*+)?(?!\d++(?:st|nd|rd|th)\b)"
                         r"((?=[a-z-]*\d)(?=[\d-]*[a-z])(?=(?:[a-z0-9]-?){5})[a-z0-9]++(?:-[a-z0-9]++)?)(?![\w-])"
                         r"|(?<![\w-])(?!\d++(?:st|nd|rd|th)\b)((?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,12}+)\s++is\s++(?:ur|your|the)"
                         r"\s++claim\s++(?:c[o0]de|kode)\b")
_NOT_CODE = re.compile(r"[^a-z0-9]")
_SPACED_COUK_SMALL = re.compile(r"(?<=[A-Za-z0-9]{3})\.\s++(?:co|org|ac|gov|ltd|me|net)\.\s*+(?:uk|UK|Uk)\b")
_SPACED_COUK = re.compile(r"(?<=[a-z0-9]{3})\.\s++(co|org|ac|gov|ltd|me|net)\.\s*+(uk)\b")
_AT_G_MAIL = re.compile(r"\b(at|@)\s*+g[\s-]mail\b")
# "my pinned post" pointed at as a place to go ("hmu my pinned post", "add me, my pinned
# post"), not talked of ("did you see my pinned post", "my pinned post got 2k likes")
_PINNED = re.compile(r"(?:\bi'?m\s+on|\b(?:msg|dm|message|find|add)\s+me(?:\s+on)?|\bhmu(?:\s+on)?"
                     r"|\bthere|\btalk\s+(?:on|there)|^|^[a-z]{2,12}|[?!.])\s*+[,:*>\u2014-]*+\s*+"
                     r"my\s+pinned\s+(?:post|tweet)\b(?=\s*+(?:$|[*:>\u2014.\-]|!(?!!)|is\s+better|hot\b|r\s+u\b"
                     r"|pics?\b|bored|lonely|u\s+up))")
_NICKNAMES = {"klk": "kik", "k1k": "kik", "k|k": "kik", "0f": "onlyfans", "dc": "discord",
              "tt": "tiktok"}


def _respelt_app(match: re.Match[str]) -> str:
    nick, gram, telegram, snap = match.groups()
    if telegram:
        return "telegram"
    if snap:
        return "snap"
    if gram:
        return "my insta"
    return _RESPELT_NAMES[" ".join(nick.split())]


def _nicknamed_app(match: re.Match[str]) -> str:
    said = match.group()
    if said.startswith("the"):
        return "insta"
    if said.startswith("my"):
        return "my onlyfans"
    return _NICKNAMES.get(said, said)


def _leet_app(match: re.Match[str]) -> str:
    word = match.group()
    plain = word.translate(_LEET)
    return plain if plain != word and plain in _APP_NAMES else word


def _app_with_l(match: re.Match[str]) -> str:
    """A word of _INNER_I with its capital I as an l, if that makes an app's name."""
    word = match.group()
    plain = word.replace("I", "l")
    return plain if plain.lower() in _APP_NAMES else word


_SPACED_TLD = re.compile(r"\s*(?:c ?o ?m|n ?e ?t|o ?r ?g|x ?y ?z|b ?i ?z|i ?n ?f ?o)(?![a-z])")


# A handle given in another language, named after the app (round 24): "mon insta c'est x",
# "il mio insta è x", "estoy en snap como x", "cercami su snap come x", "snap pe add karo,
# x", "ajoute moi sur snap: x", "me chama no zap, sou x". The name ends a clause.
_ABROAD_APPS = r"(?:insta|ig|instagram|snap|snapchat|tiktok|telegram|zap|whatsapp|whats|kik)"
# (not "tele": "j'ai regardé la télé, je suis crevée")
_HANDLE_ABROAD = re.compile(
    r"\b(?:mon|ma|mi|mio|meu|mein|meine|mijn|moje|moj|mon\s+compte)\s+" + _ABROAD_APPS
    + r"\s+(?:c'?est|c\u2019est|es|e|est|ist|is|jest|je|eh)\s*+:?\s*+"
    r"|\b(?:en|su|sur|no|na|auf|op|pe)\s+" + _ABROAD_APPS
    + r"\s+(?:como|come|comme|als|jako|kak)\s++"
    r"|\b" + _ABROAD_APPS + r"\s+(?:pe|par)\s+(?:add|follow|msg|message|dm)\s+(?:karo|kar\s+do"
    r"|kijiye|karna|kr\s+do|kro)\s*+[,:]?\s*+"
    r"|\b(?:ajoute|ajoutez|retrouve|retrouvez|cercami|aggiungimi|seguimi|sigueme|agregame"
    r"|encuentrame|buscame|segue|adiciona|adicione|folge|finde)\s+(?:moi\s+|me\s+|mi\s+|mich\s+)?"
    r"(?:sur|su|en|no|na|auf|op|on)\s+" + _ABROAD_APPS + r"\s*+[,:]\s*+"
    r"|\b" + _ABROAD_APPS + r"\b[^.!?\n]{0,12}?\b(?:sou|soy|je\s+suis|sono|ich\s+bin)\s++")
_ABROAD_NAME = re.compile(r"@?([a-z][a-z0-9_.]{3,30}+)")
_ABROAD_WORDS = frozenset("privado privada privato privata prive privee private cerrado cerrada "
                          "chiuso fermé ferme fechado nuevo nueva nuovo nuova nouveau nouvelle novo "
                          "nova neu aqui aca ici qui hier este esto esse questo quello celui "
                          "mismo mesmo stesso meme igual same diferente kaputt kaput roto rota "
                          "rotto casse cassee quebrado quebrada broken dead down offline lleno pieno "
                          "plein cheio voll bloque bloccato gesperrt crevee creve cansado cansada "
                          "stanco stanca muede toujours siempre sempre immer always aburrido "
                          "aburrida annoiato annoiata gelangweilt ennuyeux ennuyeuse tranquilo "
                          "tranquila desactive desativado desactivado deaktiviert disattivato "
                          "gehackt hackeado hackeada pirate piratee hackerato".split())


def _handles(lower: str) -> list[str]:
    """Handles on messaging apps ("h:name"). A name without "@" needs a digit or a "_"
    ("winprize22", not "them"): tested here, not by backtracking in the patterns."""
    out = []
    for match in _HANDLE_AFTER.finditer(lower):
        at, bare = match.group(1), match.group(2)
        name = (at or bare).strip("._")
        said_is = _IS.search(lower, match.start(), match.start(1) if at else match.start(2))
        if said_is is not None and _OTHERS_APP.search(lower, 0, match.start()) is not None:
            continue  # "the museum's insta is @tate_modern", "her insta is x": another's
        if _APP_APP.search(lower, match.start(), match.start(1) if at else match.start(2)):
            continue  # "tiktok app, user_agreement": "app" then no keyword
        if len(name) >= (3 if at else 4) and (at or (_HANDLE_MARK.search(bare) and (
                said_is is None or _HANDLE_SHAPE.fullmatch(name) or _LEET_NAME.fullmatch(name)))):
            out.append("h:" + name)
    out.extend("h:" + m.group(1).strip("._") for m in _HANDLE_BEFORE.finditer(lower))
    out.extend("h:" + m.group(1).strip("._") for m in _HANDLE_BEFORE_BARE.finditer(lower)
               if _HANDLE_MARK.search(m.group(1)))  # "b4 in line" is no handle (too short)
    for m in _LONG_NAME_CUED.finditer(lower):  # "i'm rosieelleryofficial on snap", "snap as x"
        name = m.group(1) or m.group(4) or m.group(5) or m.group(8) or m.group(9)
        app = m.group(2) or m.group(3) or m.group(6) or m.group(7) or m.group(10)
        if (_namelike(name) if m.group(7) or m.group(10) else _long_name(name) or (
                m.group(1) is not None and m.group(0).startswith(("i'm", "im ", "i am"))
                and _long_name(name, endings=_CUED_WORD_ENDINGS)) or (
                m.group(1) is not None and _said_name(name)
                and _NAME_ENDS.match(lower, m.end()) is not None)) and (
                app not in _WORDY_APPS):
            out.append("h:" + name)
    out.extend("h:" + m.group(1).strip("._") for m in _HANDLE_NAMED.finditer(lower))
    for match in _HANDLE_MINE.finditer(lower):  # "my ig is winqueen22"
        named, at, bare = match.group(1, 2, 3)
        name = (at or bare).strip("._")  # "my ig is winqueen22." ends a sentence
        # "my telegram handle is annatrades": the handle named as such needs no shape
        # the end of the name, before its sentence's dot ("is annatrades. hi")
        end = match.end() - len(at or bare) + len((at or bare).rstrip("._"))
        if len(name) >= 3 and (at or _HANDLE_SHAPE.fullmatch(name) or _long_name(name) or (
                name not in _HANDLE_WORDS and name not in _NOT_NAMES and name not in _STATES
                and name not in _MY_MAIL_STATES and (
                    (named and len(name) >= 5 and _CLAUSE_END.match(lower, end) is not None)
                    or (_said_name(name) and _NAME_ENDS.match(lower, end) is not None)))):
            out.append("h:" + name)
    for m in _HANDLE_DIGIT_FIRST.finditer(lower):  # "sn@p: 3mm4x22": a handle in leet
        if m.group(1) not in _WORDY_APPS and _LEET_HANDLE.search(m.group(2)) is not None:
            out.append("h:" + m.group(2).strip("._"))
    for m in _APP_THEN_NAME.finditer(lower):  # "dm 👻 kevindesk pls", "onlyfans kevindesk xx"
        if _said_name(m.group(1)) and _NAME_ENDS.match(lower, m.end()) is not None:
            out.append("h:" + m.group(1))
    for match in _HANDLE_INVITED.finditer(lower):  # "find me on kik prizedesk"
        hmu, said_as, at, name = match.group(1, 2, 3, 4)
        name = name.strip("._")
        if name in _HANDLE_WORDS or (said_as and name in _NOT_NAMES):
            continue
        # after "hmu" a pet name or a filler is talk ("hmu on snap babe"): a handle's mark
        if hmu and not (at or _HANDLE_MARK.search(name)):
            continue
        out.append("h:" + name)
    out.extend("h:" + m.group(2).strip("._") for m in _HANDLE_COLON.finditer(lower)
               if m.group(2).strip("._") not in _HANDLE_WORDS
               and (m.group(1) not in _WORDY_APPS or _handle_like(m.group(2))))
    for m in _LINE_HANDLE.finditer(lower):  # "line id x", "line @x", "line: x1", not "line: x"
        named, mark, at, name = m.groups()
        if named or ((at or mark) and _HANDLE_MARK.search(name)) or (at and mark):
            out.append("h:" + name.strip("._"))
    for m in _HANDLE_ABROAD.finditer(lower):  # "mon insta c'est x"
        if (given := _ABROAD_NAME.match(lower, m.end())) is None:
            continue
        name = given.group(1).strip("._")
        # a name of 8 letters at least, or with a mark ("sur snap comme toujours", "mi insta
        # es aburrido", "no zap, sou timido" are talk)
        if ((len(name) >= 8 or _HANDLE_MARK.search(name)) and name not in _HANDLE_WORDS
                and name not in _NOT_NAMES and name not in _ABROAD_WORDS
                and _CLAUSE_END.match(lower, given.end())):
            out.append("h:" + name)
    return out


# "@name": not an e-mail address ("x@y.com"), "@ 5pm", "@home" or "@the pub"
_AT_NAME = r"@([a-z][a-z0-9_.]{2,30}+)(?![a-z0-9_@]|\.[a-z])"
_ANY_MENTION = re.compile(r"(?<![\w.@+-])" + _AT_NAME)
_MENTION_WORDS = frozenset("home work school uni college office gym church pub club mall "
                           "park beach lunch dinner breakfast brunch noon night midnight "
                           "weekend tonight tomorrow today morning evening mine yours ours "
                           "theirs there here the least last first most once".split())


# Words that send the reader to what follows ("sign up at", "visit", "→", "here:")
_SENT_TO = re.compile(r"(?:\b(?:sign\s+up|register|apply|join|appeal|review|claim|verify|confirm"
                      r"|log\s*in|login|order|shop|buy|start|enter)\b(?:\s+\w+){0,3}\s+at"
                      r"|\b(?:visit|via|go\s+to|here|link)\s*:?|[\u2192:*]|->"
                      r"|\b(?:are|is|it'?s|all|me)\s+on)\s*$")  # "*": an arrow read; "pics are on x.love"
# A host's first label before a word-TLD domain ("app.zenify.center", "www.x.life"): not a
# code path ("player.stats.health", "state.cart.delivery")
_HOST_LABEL = re.compile(r"(?<![a-z0-9.])(?:app|www|web|my|m|go|get|login|secure|portal|account|claim"
                         r"|connect|dapp|wallet|mint|airdrop|verify|auth|pay)\.$")
_WORD_TLD = re.compile(  # (those of _TLD and _GENERIC_TLD are read before)
    r"(?:life|love|one|world|today|fun|art|work|works|news|page|space|plus|run|team|group"
    r"|chat|social|media|market|video|music|design|photos|jobs|wallet|cloud|host|events"
    r"|tickets|delivery|express|sale|company|solutions|systems|health|dating|tips|guide"
    r"|style|fit|fashion|kids|family|support|help|center|agency|digital|network"
    r"|homes|boats|yachts|motorcycles|sex|fans|party|date|cool|baby|pink)"
    r"(?![a-z0-9@-]|\.[a-z])")
_CASHTAG_SENT = re.compile(r"\b(?:send|sent|drop|pay|donate|tip)\b[^.!?\n$]{0,30}\bto\s++\$[a-z]"
                           r"|\$[a-z][a-z0-9_]{3,19}\s++(?:on\s++)?cash\s*app"
                           # the tag after the app: "pay me on cash app $x", "cashapp: $x"
                           r"|cash\s*app\s*+(?:is\s++|[:=-]\s*+)?\$[a-z]")
_CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z][A-Za-z0-9_]{3,19})(?![\w$])")
# An account of the network named without "@", with "." or "_" inside, where the words
# point at it on the network ("look up trader.jess on here", "trader.jess on this app")
_HANDLE_SHAPED = r"([a-z][a-z0-9]*+[._][a-z0-9._]*[a-z0-9])"
_HANDLE_HERE_HINT = re.compile(r"look|search|follow|check|on here|on this app")
_HANDLE_HERE = re.compile(
    r"\b(?:look\s++(?:(?:her|him|them)\s++)?(?:up|for)|search(?:\s++for)?|follow|check\s++out)\s++"
    + _HANDLE_SHAPED + r"(?![a-z0-9_@])|\b" + _HANDLE_SHAPED
    + r"(?:'s)?\s++\(?on\s++(?:here|this\s++app)\b")


def _mentions(lower: str) -> list[str]:
    """Accounts named with "@", no app said, that the words invite the reader to write to
    as the sender's own ("message her @x", "DM our page @x", "contact my manager @x"): a
    way back, as a handle on an app is. Any other "@name" is only a key (read_contacts;
    "Message @pawsrescue_tx for a home visit" is talk)."""
    return ["h:" + name for name in (m.group(1).strip("._") for m in _MENTION.finditer(lower))
            if name not in _MENTION_WORDS]  # "i'm @home"


_MENTION = re.compile(
    r"(?:\b(?:message|msg|dm|contact|inbox|text|reach\s+out\s+to|write\s+to)"
    r"\s+(?:her|him|them|(?:my|our)(?:\s+\w+)?\s+(?:page|account|acc|profile|manager|agent"
    r"|team|mentor|coach|broker|assistant|admin|main|guy|plug))|\bfind\s+(?:me|us)(?:\s+(?:at|on))?"
    # the sender's other account ("my main is @x", "my real page is @x", "I'm @x"; not
    # "my new account @x": a hacked account's owner says that to everyone)
    r"|\bmy\s+(?:main|real|other|backup|private|second|spicy|vip)(?:\s+(?:page|account|acc|profile))?"
    r"(?:\s+is)?\s*:?|\bi'?m)"
    r"[\s:*\-\u2192>]*+" + _AT_NAME)


_HANDLE_MARK = re.compile(r"[\d_]")
# ... or a name too long for a word of talk: 11 letters or more, not an adverb or a word
# made of another ("rosieelleryofficial", "darrenokaforuk"; "occasionally", "interesting")
_WORD_ENDINGS = ("ly", "ing", "tion", "tions", "ment", "ments", "ness", "able", "ible", "ful",
                 "ed", "ers", "ies", "ity", "ism", "ist", "ships", "ship", "ous", "ive", "ally")


def _long_name(name: str, least: int = 11, endings: tuple[str, ...] = _WORD_ENDINGS) -> bool:
    """A name of letters only, too long for a word, with no word's ending."""
    return len(name) >= least and name.isalpha() and not name.endswith(endings)


# After "I'm" and before an app, a surname's "-ers" or "-ies" is allowed ("i'm belladanvers
# on insta")
_CUED_WORD_ENDINGS = tuple(e for e in _WORD_ENDINGS if e not in ("ers", "ies", "ist", "ism"))
_STRETCHED = re.compile(r"(.)\1\1|(..)\2\2")  # "soooo", "hahaha", "lololol"


def _namelike(name: str) -> bool:
    """A long name that is no stretched word or laugh ("confusedddd", "hahahaha")."""
    return (_long_name(name) and len(set(name)) >= 6
            and _STRETCHED.search(name) is None)


# A name of 9 letters or more where the words say it is one ("my snap is katebelle", "add
# katebelle on insta"): no word's ending, nor an adjective's ("my insta is pathetic",
# "... is brilliant"), 5 letters of its own at least ("my snap is lalalala" is talk)
_SAID_NAME_ENDINGS = (*_WORD_ENDINGS, "less", "ic", "ant", "ent", "ish", "ary", "ory", "ise",
                      "ize", "al", "er", "es", "est", "y", "s")
_SAID_NAME_WORDS = frozenset("""everyone everybody everything everywhere anywhere anything
somewhere something nowhere nothing tomorrow yesterday whatever whenever sometimes birthday
weekend holiday nonsense rubbish gorgeous fabulous adorable midnight""".split())


# After such a name: the text's end, a sign-off or an invitation ("my snap is katebelle lol",
# "..., add me"; "my insta is football, nothing else" is talk)
_NAME_ENDS = re.compile(r"[\s.!,_]*+(?:$|(?:lol|btw|x++|babe|hun|for|to|and\s++(?:add|say|come)"
                        r"|add|follow|hmu|say\s++hi|come\s++say|that'?s\s++me|pls|plz|please)\b)")


def _said_name(name: str, least: int = 9) -> bool:
    return (_long_name(name, least, _SAID_NAME_ENDINGS) and len(set(name)) >= 5
            and _STRETCHED.search(name) is None and name not in _SAID_NAME_WORDS)


def _handle_like(name: str) -> bool:
    return _HANDLE_MARK.search(name) is not None or _long_name(name)

# The end of a name said: the text's end or a clause's ("is annatrades, easier there";
# "is literally my name", "is secret lol" are talk)
_STATES = frozenset("private public hidden locked deleted banned suspended blocked gone down "
                    "broken changed different similar same weird funny cringe embarrassing "
                    "taken available unknown secret simple easy long short".split())
_CLAUSE_END = re.compile(r"\s*+(?:[,.!?;:*)(\]\-]|$)")


def _weak(token: str) -> bool:
    """Whether a contact is a code or a keyword (a number under 9 digits, "k:..."), not
    a phone number's length, a link, an address or a handle."""
    if token.startswith("n:"):
        return len(token) < 11
    return token.startswith("k:")


# A number in Roman numerals, digit by digit or in groups ("nulla-VII-I-VIII-III-...",
# "LXXI, DCCCLVI, CDXLII"): capitals only, 4 numerals or more in a row and 7 digits in
# all, or 3 and 9, 2 of them of 2 letters or more; not counting up ("I MIX CD" is 3
# numerals, 8 digits; "XII, XIII, XIV, XV" chapters; "C, D, D" grades; "LIV, MCI, LIV",
# "M M L XL XL", "MMXXIV, MMXXIII", "DC, MD, MI": 3 different, no 2 years, 3 letters in one).
_ROMAN_RUN = re.compile(r"(?<![A-Za-z0-9])(?:[MDCLXVI]++|[Nn](?:ULLA|ulla|IHIL|ihil))"
                        r"(?:[\s,./|;:\-]{1,4}+(?:[MDCLXVI]++|[Nn](?:ULLA|ulla|IHIL|ihil))){2,}+"
                        r"(?![A-Za-z0-9])")
_ROMAN = re.compile(r"M{0,9}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_ROMAN_TOKEN = re.compile(r"[A-Za-z]+")


# A phone number's groups joined by "&", "+", "n", "and" (round 24): from a 0, 3 groups or
# more, 10 to 13 digits ("2023 and 2024", "1 & 2 & 3" are no number)
_DIGITS_ONLY = re.compile(r"\d+")
_X_GROUPS = re.compile(r"(?<![\dxX])\d{3,4}+(?:[xX]\d{3,4}+){3,}+(?![\dxX])")
_AND_GROUPS_HINT = re.compile(r"\d\s*+(?:&|\+|n\b|and\b|AND\b|N\b|y\b|e\b|et\b|und\b)")
_AND_GROUPS = re.compile(r"(?<![\d.,])0\d{0,4}+(?:\s*+(?:&|\+|\bn\b|\band\b(?:\s+then\b)?|\bthen\b"
                         r"|\bplus\b|\by\b|\be\b|\bet\b|\bund\b)\s*+\d{1,5}+){2,}+(?!\d|[.,]\d)")


def _roman_numbers(cased: str) -> list[str]:
    out = []
    for match in _ROMAN_RUN.finditer(cased):
        values = []
        tokens = _ROMAN_TOKEN.findall(match.group())
        for token in tokens:
            if token[0] in "Nn":
                values.append("0")
            elif _ROMAN.fullmatch(token):
                total = 0
                for a, b in itertools.pairwise((*token, "")):
                    value = _ROMAN_VALUES[a]
                    total += -value if b and _ROMAN_VALUES[b] > value else value
                values.append(str(total))
            else:
                break
        digits = "".join(values)
        counting = all(int(a) < int(b) for a, b in itertools.pairwise(values))  # "XII, XIII, XIV"
        # 2 numerals of 2 letters or more, or a "nulla": "C, D, D" are grades, "C D C D" chords
        written = sum(len(token) > 1 for token in tokens)
        years = sum(1000 <= int(v) <= 2100 for v in values)  # "MMXXIV, MMXXIII": years
        if (not counting and len(digits) >= (7 if len(values) >= 4 else 9) and len(values) >= 3
                and written >= 2 and len(set(tokens)) >= 3 and years < 2
                and (len(values) >= 4 or max(map(len, tokens)) >= 3)):  # "DC, MD, MI"
            out.append(digits)
    return out


# Small letters for digits among digits ("o7ozgz2bebs", "07g59l69lal", "o7s z80 s8l 7s"):
# a phone number's length from a 0 (or "o"), a letter, and 5 digits or a digit second
# ("o7", "07": a mobile's prefix); as digits by their shapes.
_LOWER_NUMBER = re.compile(r"(?<![a-z0-9])[0o](?:[ .\-]?[0-9olizsbgeatq]){9,12}(?![a-z0-9])")
_LOWER_DIGITS = str.maketrans("olizsbgeatq", "01125693479")


def _lower_numbers(lower: str) -> list[str]:
    out = []
    for match in _LOWER_NUMBER.finditer(lower):
        if any(len(group) > 1 and not _ANY_DIGIT.search(group)
               for group in _NOT_SEPARATED.split(match.group())):
            continue  # "0-2 at least", "o2 at 7.30 is best": words among the digits
        run = _NOT_SEPARATED.sub("", match.group())
        digits = sum(c.isdigit() for c in run)
        if digits < len(run) and (digits >= 5 or (digits >= 2 and run[1].isdigit())):
            out.append(run.translate(_LOWER_DIGITS))
    return out


_NOT_SEPARATED = re.compile(r"[ .\-]")


def _number_runs(tokens: list[str]) -> list[str]:
    """Numbers spelled in a run of number words with one of ``_RUN_NUMBER_WORDS`` among
    them: at least 7 words and 3 different digits ("do do do do do do do" is a song), not
    counting up ("een twee drie vier vijf zes zeven")."""
    out: list[str] = []
    run: list[str] = []
    foreign = False
    strong = 0  # foreign number words that are no words of talk
    for token in (*tokens, ""):
        value = _RUN_NUMBER_WORDS.get(token)
        if value is not None:
            foreign = True
            strong += token not in _RUN_AMBIGUOUS
        elif token.isdigit() or token in _NUMBER_WORDS:
            value = token if token.isdigit() else _NUMBER_WORDS[token]
            # an English digit word beside the radio alphabet's ("zero ait seven wun"):
            # no word of talk either (round 39)
            strong += token in _STRONG_ENGLISH
        if value is not None and value != "d" and len(value) <= 4:
            run.append(value)
            continue
        counting = all(len(a) == len(b) == 1 and int(b) == int(a) + 1
                       for a, b in itertools.pairwise(run)) or all(
            len(a) == len(b) == 1 and int(b) == int(a) - 1
            for a, b in itertools.pairwise(run))  # "ek do teen char ...": a song; a countdown
        if (foreign and len(run) >= _RUN_MIN and len(set(run)) >= 3 and not counting
                and (strong >= 4 or not _RUN_AMBIGUOUS.intersection(tokens))):
            digits = "".join(run)
            if len(digits) >= 5:
                out.append(digits)
        run, foreign, strong = [], False, 0
    return out


# A message that is only a piece of a number: 3 digits, or 2 to 4 from a leading 0 ("42",
# "2024" are answers); after a call to act only from a leading 0 or "+" ("call 911",
# "dial 999" are talk)
_FRAGMENT = re.compile(r"(?:(?:call|ring|dial|phone|tel|txt|text|claim)(?:\s++(?:us|me|now))?"
                       r"(?:\s++on)?\s*+(?=[+(]?0|\+)|(?:then|and|next|plus|dash)\s*+)?"
                       r"[+(]?(0\d{1,3}+|\d{3})\)?")
_AROUND = " \t\n.,;:!?-*\"'"
# An address at a mail host named with its country's domain ("rosiek at o2 pl", "lanab, inbox
# lv", "x is my name on seznam cz"), or at a host that is only a mail host ("lanab on
# disroot"): no mark or ask needed, the host says it is an address (round 24)
_MAIL_DOMAINS = {"o2": "pl", "wp": "pl", "onet": "pl", "interia": "pl", "seznam": "cz",
                 "centrum": "cz|sk", "gmx": "ch|de|net|at|com|fr", "web": "de", "freenet": "de",
                 "laposte": "net|fr", "orange": "fr", "sfr": "fr", "libero": "it",
                 "virgilio": "it", "inbox": "lv|lt|ru", "mail": "ee|ru|com|de", "bk": "ru",
                 "list": "ru", "yandex": "ru|com", "rambler": "ru", "ukr": "net", "abv": "bg",
                 "azet": "sk", "tuta": "io|com", "tutanota": "com|de", "proton": "me",
                 "protonmail": "com|ch", "disroot": "org", "gazeta": "pl", "arcor": "de",
                 "alice": "it", "free": "fr", "runbox": "com|no",
                 "posteo": "de|net", "mailfence": "com", "hushmail": "com", "zoho": "com|eu",
                 "freemail": "hu", "citromail": "hu", "t-online": "de", "bluewin": "ch"}
_MAIL_ONLY = ("seznam", "laposte", "disroot", "runbox", "posteo", "mailfence", "hushmail",
              "tutanota", "protonmail", "gmx", "rambler", "citromail", "freemail")
_RARE_MAIL = re.compile(
    r"(?<![a-z0-9._+@-])([a-z][a-z0-9._+-]{2,40}+)\s*+(?:,|\bon\b|\bat\b|\bover\s+at\b|@|\b(?:malpa"
    r"|zavinac|sobaka|arobase|arroba|chiocciola|klammeraffe|snabel)\b|\bis\s+my\s+"
    r"(?:name|user(?:name)?|address|mail|e-?mail)\s+(?:on|at))\s*+(?:"
    + "|".join(f"({re.escape(host)})(?:\\s*+(?:\\.|dot)\\s*+|\\s++)(?:{tlds})"
               for host, tlds in _MAIL_DOMAINS.items())
    + r"|(" + "|".join(_MAIL_ONLY) + r"))(?![a-z0-9-])")
# the words _mails may find
_MAIL_WORDS = frozenset((*_MAIL_HOST_LIST, *_MAIL_DOMAINS, *_MAIL_ONLY, "email", "mail", "address"))
# words of mail before a name of letters only ("inbox me: lanab, runbox")
_MAIL_CUES = frozenset("inbox mail email mailbox address addy write line contact reach name "
                       "message msg emails mails".split())


# A name beside a mail host in a text with a word of mail ("Drop me an email, darren carrow
# at tuta", "Write to chloe ashdown, the tuta address", "Mail me: x - it's a hushmail one",
# "email x on pm mail"): a name of two words, or of one of 7 letters or a mark; round 25
_MAIL_HOST_WORDS = (*_MAIL_HOST_LIST, *_MAIL_ONLY)
_MAIL_BESIDE = re.compile(
    r"(?<![a-z0-9._+@-])(?<!\bthe\s)(?<!\bmy\s)(?<!\bour\s)(?<!\byour\s)(?<!\bhis\s)(?<!\bher\s)"
    r"(?!(?:e-?mail|mail|write|drop|send|contact|reach|inbox|message|to|me|us"
    r"|an?|the|my|your)\s)([a-z][a-z0-9._+-]{2,40}+(?:\s++[a-z]{3,20}+)?)\s*+"
    r"(?:(?:\bat\b|\bon\b|@)\s*+(?:the\s++)?|,\s*+(?:the|a|an)\s++"
    r"|[-\u2013\u2014]\s*+(?:it'?s\s++)?(?:a|an|the|on)\s++)"
    r"(" + "|".join(sorted(set(_MAIL_HOST_WORDS))) + r"|pm(?=\s++(?:mail|one|address)\b|\s*+(?:[,.!;)]|$)))"
    r"(?:\s++(?:mail|address|one|account))?\b(?!\.[a-z])")
_MAIL_NOT_NAME = _HANDLE_WORDS | _NOT_NAMES | frozenset(
    "me us you him her them it email mail line write drop send contact reach inbox address "
    "addy message an the my our your his their its new old work".split())
_MY_MAIL_NOT_NAME = _MAIL_NOT_NAME | _STATES | _MY_MAIL_STATES


# A word of letters and digits that is a number word once its digits are read as letters
_LEET_NUMBER_WORD = re.compile(r"(?<![a-z0-9])(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{3,6}(?![a-z0-9])")
_NUMBER_LEET = str.maketrans("013457", "oieast")


def _number_unleeted(match: re.Match[str]) -> str:
    word = match.group().translate(_NUMBER_LEET)
    return word if word in _NUMBER_WORDS else match.group()


def _dotless_sites(lower: str) -> list[str]:
    """Sites with a space for their dot (``_DOTLESS_SITE``), or none (``_GLUED_SITE``),
    "d:name.tld"."""
    out = [f"d:{m.group(1)}.{'co.uk' if m.group(2) == 'couk' else m.group(2)}"
           for m in _GLUED_SITE.finditer(lower)]
    for m in _DOTLESS_SITE.finditer(lower):
        name = m.group(1)
        if name in _NOT_SITE_NAMES:
            continue
        if m.group(2):  # "x co uk": any name
            out.append(f"d:{name}.{''.join(m.group(2).split())}.{''.join(m.group(3).split())}")
            continue
        tld = "".join(m.group(4).split())
        if tld == "couk":  # "goldpot952 couk": no word either
            out.append(f"d:{name}.co.uk")
            continue
        digit = _ANY_DIGIT.search(name) is not None
        spaced = len(m.group(4)) > len(tld)  # "c o m": its letters spaced out
        # A name of letters only: the ending ends a clause ("the agents com is 1.5%", "sunset
        # com ing" are talk and typos), after a name of 6 letters ("com") or a word that sends
        # the reader there ("log onto x net."; "go to football net practice" is talk)
        bracketed = m.group().endswith(")")  # "luxdate (com) login"
        if digit or spaced or (bracketed and len(name) >= 5) or (
                tld in ("com", "net") and len(name) >= 8
                and _CAMPAIGN_NAME.search(name) is not None
                and len(_SITE_PIECE.findall(name)) >= 2) or (
                _LOG_ONTO.search(lower, 0, m.start()) is not None) or (
                _SITE_END.match(lower, m.end()) is not None and (
                    (tld == "com" and len(name) >= 6)
                    or _SENT_TO_SITE.search(lower, 0, m.start()) is not None)) or (
                _SITE_THEN.match(lower, m.end()) is not None and len(name) >= 6
                and tld in ("com", "net")
                and (sent := _SENT_TO_SITE.search(lower, 0, m.start())) is not None
                and not sent.group().startswith("at")):
            out.append(f"d:{name}.{tld}")
    return out


def _mails(lower: str) -> list[str]:
    """E-mail addresses said rather than written ("e:name@host.com"; "e:name" when the
    host is not said): a name that starts with a letter and has 3, with a digit, ".", "_"
    or "+", or after "email me"."""
    out = []
    for m in _MAIL_SAID.finditer(lower):
        name = m.group(1).strip("._+-")
        if not _MAIL_NAME.match(name) or name in _HANDLE_WORDS or name in _NOT_NAMES:
            continue
        # "name@gmail" (no ".com"): an address; "name @ gmail" needs a mark or an ask
        # ("send your kit to", "pitch us:"; "a recruiter @ zoho" is talk); "name at gmail"
        # and "name (at) gmail" a mark or an ask to write ("send the deck to priya at zoho"
        # is talk)
        asked = (_MAIL_ASKED if "@" in m.group() else _MAIL_INVITED).search(lower, 0, m.start())
        if m.group(2) or _MAIL_MARK.search(name) or asked:
            out.append(f"e:{name}@{m.group(3)}.com")
    cued = None
    for m in _RARE_MAIL.finditer(lower):
        name = m.group(1).strip("._+-")
        host = next(group for group in m.groups()[1:] if group)
        if not _MAIL_NAME.match(name) or name in _HANDLE_WORDS or name in _NOT_NAMES:
            continue
        if cued is None:  # a name of letters only after a word of mail ("inbox me: lanab,
            # runbox", "drop a line to x"): "we met at list ru" is talk
            cued = not _MAIL_CUES.isdisjoint(_TOKENS.findall(lower))
        if cued or _MAIL_MARK.search(name):
            out.append(f"e:{name}@{host}")
    if cued is None:
        cued = not _MAIL_CUES.isdisjoint(_TOKENS.findall(lower))
    if cued:
        for m in _MAIL_BESIDE.finditer(lower):
            words, host = m.group(1).strip("._+-").split(), m.group(2)
            if any(w in _MAIL_NOT_NAME or w in _MAIL_WORDS for w in words) or (
                    words[0] in _NOT_FIRST_NAMES) or (len(words) == 1 and not (
                    _MAIL_MARK.search(words[0]) or (len(words[0]) >= 7 and not words[0].endswith(
                        _WORD_ENDINGS)))):
                continue  # ("email mrs patel on gmail", "write to uncle ravi at hotmail")
            if "," in m.group() and _CLAUSE_END.match(lower, m.end()) is None:
                continue  # "x, the hushmail address" ends its clause ("email elizabeth, the
                # yahoo one is dead" is talk)
            # keyed as _MAIL_SAID and _RARE_MAIL key the same address
            key = f"e:{''.join(words)}@{host}" + (".com" if host in _MAIL_HOST_LIST else "")
            if key not in out:
                out.append(key)
    for m in _MAIL_MINE.finditer(lower):
        host, name = m.group(1), m.group(2).strip("._+-")
        if _MAIL_NAME.match(name) and (_MAIL_MARK.search(name) or (
                host and _long_name(name, 7) and name not in _MY_MAIL_NOT_NAME)):
            out.append(f"e:{name}@{host}.com" if host else "e:" + name)
    for m in _MAIL_HOST_FIRST.finditer(lower):  # "gmail: annafun22", "annafun22, gmail", "emma_vip gmail"
        name = (m.group(1) or m.group(4)).strip("._+-")
        host = m.group(2) or m.group(3)
        if _MAIL_NAME.match(name) and _MAIL_MARK.search(name):
            key = f"e:{name}@{host}.com"
            if key not in out:
                out.append(key)
    return out


def _calls_to_act(cased: str, text: str, lower: str) -> list[str]:
    """Reply keywords ("k:win", read in ``cased``: the text with its capitals), short
    service numbers and postal boxes ("n:123"), and accounts of this platform named after
    a call to act ("h:winbot")."""
    out = []
    for m in _KEYWORD.finditer(cased):
        quoted, caps, opt_out, listed, digits = m.groups()[-5:]  # (its last five groups)
        word = (quoted or caps or opt_out or listed or digits).lower()
        if word in _NOT_KEYWORDS:
            continue
        purpose = _PURPOSE.match(cased, m.end()) is not None  # "... to claim"
        if digits:  # "reply 1 to claim", not "text 2 u"
            if m.group("reply") is not None and purpose:
                out.append("k:" + word)
            continue
        if m.group("say") is not None:
            if _PRIZE_PURPOSE.match(cased, m.end()) is not None:  # "say HOT 2 win"
                out.append("k:" + word)
            continue
        named = _NAMED_KEYWORD.search(m.group("fill")) is not None  # "send the word HORO"
        if (m.group("foreign") is not None and not named
                and _FOREIGN_PURPOSE.match(cased, m.end()) is None):
            continue  # "Responde SI o NO", "Réponds VITE": talk; "Responde SI para reclamar"
        if m.group("type") is not None and not named and not purpose:
            # "type WIN", not "type II diabetes", "blood type AB", "then type enter"
            if not caps or not _campaign_word(word) or word == "enter":
                continue
        if m.group("reply") is None and not named and not purpose and (
                _OFFERED.match(cased, m.end()) is not None):
            continue  # "DM me YES or NO by friday", "msg me WIN or lose": a choice, talk
        if (caps and m.group("reply") is None and not _campaign_word(word) and not named
                and _SEND_TO.match(cased, m.end()) is None):
            continue  # "send PDF", "message HR": the object of sending, no keyword
        if listed and not named and not purpose and (
                word == "yes" or _ENDING.match(cased, m.end()) is None):
            continue  # "reply yes or no", "did u text yes?", "text win now?": talk
        out.append("k:" + word)
    out.extend("n:" + m.group(1) for m in _SERVICE_NUMBER.finditer(text))
    if "@" in lower:
        out.extend("h:" + m.group(2).strip("._") for m in _ACCOUNT.finditer(lower)
                   if m.group(1) or _HANDLE_MARK.search(m.group(2)))
    return out


def _spaced_out(lower: str) -> bool:
    """Five single characters in a row, apart (cheaper than the pattern on every text)."""
    run = 0
    for word in lower.split():
        run = run + 1 if len(word) == 1 else 0
        if run >= 5:
            return True
    return False


def _monotone(spelled: list[str]) -> bool:
    """Whether the groups only rise or only fall ("10 and then 12 and then 14", "180 and
    then 140 and then 100"): a list of times, dates, scores or prices, not a phone
    number's groups. A multiplier ("hundred": "00") is read with the group before it."""
    values: list[int] = []
    for value in spelled:
        if not value.isdigit():
            return False
        if values and set(value) == {"0"} and len(value) >= 2:
            values[-1] = values[-1] * 10 ** len(value)
        else:
            values.append(int(value))
    pairs = list(itertools.pairwise(values))
    return bool(pairs) and (all(a < b for a, b in pairs) or all(a > b for a, b in pairs))


def _undouble(spelled: str) -> str:
    """A "d" (from "double") repeats the digit after it: "0d7" -> "077"."""
    out: list[str] = []
    repeat = False
    for ch in spelled:
        if ch == "d":
            repeat = True
            continue
        out.append(ch + ch if repeat else ch)
        repeat = False
    return "".join(out)


# Single letters joined by dashes, slashes or tildes ("w-i-n-p-r-i-z-e", "c/l/a/i/m",
# "c-o-m"): three letters or more, read as the word ("a/b", "w/e" are not).
_SEPARATED_HINT = re.compile(r"[a-z][-/~][a-z][-/~][a-z]")
_SEPARATED = re.compile(r"(?<![a-z0-9])(?:[a-z][-/~]){2,}[a-z](?![a-z0-9])")
_LETTER_SEPARATORS = re.compile(r"[-/~]")
_SAID_TLD_HINT = re.compile(r" (?:com|co\s?uk)(?![a-z])")
_SAID_TLD = re.compile(
    r"\b([a-z][a-z0-9-]{4,30}+)\s*+,?\s*+(?:plus|then|and\s+then|with\s++the\s++usual)\s*+(com|co\s?uk)\b"
    r"|\b([a-z][a-z0-9-]{4,30}+)\s*+,?\s*+(com|co\s?uk)\s+(?:ending|on\s+the\s+end)\b")
# A site dictated in other ways (round 25): its domain in brackets ("redwoodperks [co]
# [uk]", "x (com)"), or "(all one word)" and then its ending ("x (all one word) and then
# the UK ending")
_SAID_TLD_MORE = re.compile(
    r"\b([a-z][a-z0-9-]{4,30}+)\s*+[\[(]\s*+(?:(com|net|org|io|info|biz)\s*+[\])]" + _AT_END
    + r"|(co|com)\s*+[\])]\s*+[\[(]\s*+(uk|au|nz|za|in)\s*+[\])])"
    r"|\b([a-z][a-z0-9-]{4,30}+)\s*+\((?:all\s+)?one\s+word\)\s*+,?\s*+(?:and\s+)?(?:then\s+)?"
    r"(?:the\s+|a\s+)?(com|co\s?uk|uk|net|org|io)\s+(?:ending|bit|one|on\s+the\s+end)\b")
# A site with a space for its dot (round 27, blind: "luxbox943 co uk", "boxfun03 net",
# "dealchat com", "cashchat222 c o m", "luxdate (com) login"): a country's two-part ending
# after any name; "com" after a name of 6 letters or one with a digit; "net", "org" and the
# others after a name with a digit ("safety net", "rom com" are talk); the ending's letters
# spaced out
# ... or glued to a name that ends in digits ("luxbox386couk", "goldpot952com": round 29)
# A site with a digit in its name and a symbol or an emoji for its dot, glued or spaced
# ("yieldfarm593🔴online", "prizedrop553 🔥 io"; the emoji read as "*")
_STARRED_SITE = re.compile(r"(?<![a-z0-9@._/-])([a-z]{4,30}+\d{2,6}+)(?:\*++(online|io|site|shop|club"
                           r"|vip|live|app|me|cc|top|xyz|win|fun|store|link|click|co|biz|info|pro"
                           r"|bet|cash|com|net|org)|\s*+\*++\s*+(io|xyz|cc|biz|info|com|net|org|site"
                           r"|shop|club|store|link|click))\b")
_GLUED_SITE = re.compile(r"(?<![a-z0-9@._/-])([a-z][a-z]{2,30}+\d{2,6}+)(couk|com|net)\b")
_NOT_SITE_NAMES = frozenset("the and at via www dot in on to from my your our their this that "
                            "with for http https".split())
# a name a campaign gives its site ("txtwinnerz com then", round 34): read whatever follows
# its ending ("the estate agents com is 1.5%" is talk: no such word in "agents")
_SITE_CAMPAIGN_WORDS = ("cashback", "giveaway", "freebie", "jackpot", "casino", "winner", "prize",
                   "bonus", "reward", "claim", "promo", "lucky", "winz", "txt")
_CAMPAIGN_NAME = re.compile("|".join(_SITE_CAMPAIGN_WORDS))
# its pieces: the campaign's words, then shorter ones (a longer word first: "cashback", "cash")
_SITE_PIECE = re.compile("|".join((*_SITE_CAMPAIGN_WORDS, "win", "cash", "hub", "zone", "club", "deals",
                                   "box", "gift", "award", "mob", "tone", "direct", "spin", "4u")))
_DOTLESS_SITE = re.compile(
    r"(?<![a-z0-9@._/-])([a-z][a-z0-9-]{2,30}+)(?:\s*+[*_/+~|\-]\s*+|\s*+)(?:\(\s*+)?"
    r"(?:(co|com|org|net|c\s?o)(?:\s++|\s*+[._*/+~|\-]\s*+)?(uk|au|nz|za|u\s?k)\b"
    r"|(c\s?o\s?m|n\s?e\s?t|o\s?r\s?g|i\s?n\s?f\s?o|b\s?i\s?z|x\s?y\s?z|couk)(?:\s*+\))?(?![a-z0-9]))")
# a name with no digit before "net", "org" and the others after a word that sends the reader
# to a site ("log onto clubvibe net", "go 2 chatquiz net", "-> luxquiz net")
_SENT_TO_SITE = re.compile(r"(?:\blog\s*+on(?:to|\s+to)?|\bgo\s++(?:to|2)|\bvisit|->|\bcheck\s++out"
                           r"|\bhead\s++(?:to|over\s+to)|\bat)\s++$")
# words that only ever send the reader to a site ("log onto x net THERE'S A SURPRISE", "go2
# boxhub com anyway", "-> x net"): the ending need not end the clause
_LOG_ONTO = re.compile(r"(?:\blog\s*+on(?:to|\s+to)?|\bgo(?:2|to|tto)|->)\s*+$")
_SITE_END = re.compile(r"\s*+(?:[,.!?;:*)(\]/\-]|$)|\s++(?:to|for|now|today|asap|2|4)\b")
# after a word that sends the reader there, a claim may follow ("visit dealchat com and
# claim", "go to winbig net n grab it"; "go to football net practice", "visit grandma com
# and have tea" are talk)
_SITE_THEN = re.compile(r"\s++(?:and|n|&|then|to)\s++(?:claim|grab|get|win|collect|redeem|register"
                        r"|sign|join|enter|receive|unlock|chat|spin|play|bet)\b")
# the endings a dotless site may have, as words (tested first: most texts have none; or "c o",
# "n e", "o r" spaced)
_DOTLESS_WORDS = frozenset("co com org net info biz xyz couk".split())
_DOTLESS_HINT = re.compile(r"[\s*_/+~|\-](?:\(\s*+)?(?:(?:" + "|".join(sorted(_DOTLESS_WORDS))
                           + r")(?![a-z0-9])|c\so\b|n\se\b|o\sr\b|i\sn\b|b\si\b|x\sy\b)"
                           r"|\((?:com|org|net|info|biz|xyz)\b")
_SLASH_WORD = re.compile(r"\s?\b(?:forward\s+)?slash\b\s?")
_DOT_SAID = re.compile(r"\bd(?:awt|ought|ott)\b")
_DOT_SPELT = re.compile(r"[(\[]\s*+period\s*+[)\]]|\bd[ .]o[ .]t\b")
# A site's dot said as a word or written as a mark no other pattern reads (round 36, blind:
# "ringtoneking full stop com", "urawinner period co period uk", "dbuknet — com", "getzed , co ,
# uk", "txttowin .. co .. uk", an emoji for the dot, which the reader has made "*": "t-c*biz",
# "o2 * co * uk"; "prize4u ~ net"), narrowed after two reviews of ordinary talk aimed at it: a
# country's "co" and "uk" both apart after any name; "com", "biz", "net", "org", "info" and
# "co" alone after a name _said_apart weighs ("Goal ⚽ net bulging!", "Matchday – info below",
# "Bora galera , com certeza" are talk); "com on", "com over" are "come on", "come over".
_APART_SEP = (r"(?:\s*+(?:full\s*+stop|fullstop|period|point)\s*+|\s++(?:[,.|~+*_;:^\u2010-\u2015-]|--|\|\||~~)\s++"
              r"|\s*+(?:[|*~^]|\|\||~~)\s*+|\s*+\.\.++\s*+)")
_SAID_APART = re.compile(
    r"(?<![a-z0-9.@/_'~|*-])([a-z][a-z0-9-]{1,31}+(?<=[a-z0-9]))" + _APART_SEP
    + r"(?:co" + _APART_SEP + r"uk|(com|biz|net|org|info|co))"
    r"(?![a-z0-9-])(?!\s++(?:on|over|back|here|round|along|home|in|with|thru|through|to|and|"
    r"later|out|soon)\b)")
_NOT_NAME_CHAR = re.compile(r"[\s.]+")
_SAID_APART_HINT = re.compile(r"(?:stop|period|point|[,|~+*_;:^\u2010-\u2015-]|\.\.|\s\.)\s*+"
                              r"(?:com|net|org|biz|info|co)(?![a-z])")  # (_SAID_APART's endings)
# A site's ending to be added by the reader ("go to prize4u and put com on the end", "txttowin
# then add .net at the end"); "tag me on it", "add me after" are talk
_PUT_ENDING = re.compile(
    r"\b([a-z][a-z0-9-]{1,31}+(?<=[a-z0-9]))(?:\s*+,)?\s++(?:(?:and|then|n|&|\+)\s++)?(?:then\s++)?"
    r"(?:put|add|stick|pop|type|whack|slap|tag)\s++(?:a\s++|the\s++)?(?:dot\s*+|\.\s*+)?"
    r"(com|net|org|biz|co\s*+uk|co\.uk)\s++"
    r"(?:on\s++(?:the\s++)?end|at\s++the\s++end|after\s++it|to\s++it)\b")
# A keyword replied for a prize ("just reply subpoly to win", "reply 'pod' to claim"): "reply
# asap to get the tickets", "reply ok to join" are talk
_REPLY_TO_WIN = re.compile(r"\breply\s++(?:back\s++)?(?:with\s++)?['\"]?([a-z0-9]{2,12}+)['\"]?\s++(?:to|2)\s++"
                           + _PRIZE_VERBS)
_NOT_REPLIED = frozenset("asap now soon quickly fast today here pls please me us back this it "
                         "them him her quick first".split())
_POINTED_BEFORE = re.compile(r"\b(?:visit|go\s++to|goto|head\s++to|check\s++out|check|log\s++on(?:\s++to)?"
                             r"|logon\s++to|pop\s++over\s++to|look\s++at|try|browse|see)\s++$")
# Endings that are words too, and "co" alone: after a word that sends the reader there, or
# for "net", "org", "info" a name with a digit not after an emoji ("squad22 🔥 net" is talk;
# "online", "shop", "club" never here)
_WORD_TLDS_APART = frozenset("net org info".split())


def _said_apart(match: re.Match[str]) -> str:
    name, tld = match.group(1), match.group(2)
    if tld is None:
        return name + ".co.uk"
    sep = match.group()[len(name):match.start(2) - match.start()]
    if "point" in sep:
        return match.group()  # (its own reader's, before a bare ending: only "co point uk" here)
    digit = any(c.isdigit() for c in name)
    said = "stop" in sep or "period" in sep
    marked = said or any(c in sep for c in "|*~^")
    pointed = _POINTED_BEFORE.search(match.string, max(0, match.start() - 24), match.start()) is not None
    if tld in _WORD_TLDS_APART or tld == "co":
        # a dot said or marked ("|", "~", an emoji) after a word that sends the reader there
        # ("try getzed|co"), or for "net", "org", "info" after a name with a digit ("prize4u ~
        # net"): "log on to teams , info is in the channel", "check tesco , co op", "Goal ⚽
        # net bulging!" are talk
        if not marked or not (pointed or (digit and tld != "co" and "*" not in sep)):
            return match.group()
        return name + "." + tld
    # "com", "biz": said ("ringtoneking full stop com"), or written apart after a word that
    # sends the reader there or a name with a digit ("visit dbuknet — com", "hotdate4u , com"):
    # "com" is Portuguese for "with" and "biz" Turkish for "we" ("Bora galera , com certeza",
    # "Selam 👋 biz yeni taşındık")
    if not said and not pointed and not digit:
        return match.group()
    if len(name) < 3 and not digit:
        return match.group()
    return name + "." + tld


# A name, a top-level domain without its dot, then a path: "instagram com/x", "t me/x",
# "wa me/44...", "winprize net/claim" ("text me/call me": "me" only after t and wa; "the
# com/ms team": not after a word of talk).
_PLATFORMS = (r"instagram|facebook|fb|tiktok|youtube|twitter|snapchat|onlyfans|fansly|patreon"
              r"|telegram|whatsapp|discord|linkedin|reddit|pinterest|twitch|threads|venmo"
              r"|paypal|cash|linktree|beacons|wechat|kik|signal|viber|etsy|ebay|amazon|google")
# "t me/x", "wa me/x" not after an apostrophe ("it wasn't me/us"); "<name> com/x"
# only for a platform's name, after a word that points at a link ("visit winprize com slash
# claim"), or with a path that carries a digit or "_" ("winprize net/claim7"): "rom com/horror",
# "safety net/backup", "salary net/gross", "student org/club" are talk.
_DOTLESS_PATH = re.compile(
    r"(?<![a-z0-9.])(?<!n['\u2019*])(t|wa)\s(me)\s?/\s?[a-z0-9]"
    r"|(?<![a-z0-9.])(" + _PLATFORMS + r")\s(com|net|org)\s?/\s?[a-z0-9]"
    r"|\b(?:visit|go\s+to|goto|head\s+to|open|type(?:\s+in)?|search|at"
    r"|find\s+(?:me|us)\s+(?:at|on))\s+([a-z][a-z0-9-]{2,30}+)\s(com|net|org)\s?/\s?[a-z0-9]"
    r"|(?<![a-z0-9.])(?!(?:the|and|our|your|my|its|this|that|from|with|for|dot)\s)"
    r"([a-z][a-z0-9-]{2,30}+)\s(com|net|org)\s?/\s?[a-z]*[0-9_]")
# The way back left out of the text, one click away: a pointer to *my* bio, profile or
# pinned post ("link's in my bio", "everything is on my profile"; links, details or
# prices on my page, wall or highlights: "details pinned on my page"; not "the bio lab", "tap
# the profile icon", "our bio notes"; "it" only as "it's"/"it is": "I posted it on my
# profile" is talk), that ends its clause ("my profile pic", "the info on my profile is
# old" are talk).
_POINTER_END = (r"(?=\s*(?:$|[^\w\s'\u2019]|x+\b|xo+\b|(?:babe|hun|hon|hunny|bae)\b"
                r"|for\s+(?:the\s+|more\s+)?"
                r"(?:details?|info|link|links|more|prices?|rates?|menu|number)\b"
                r"|to\s+(?:enter|join|claim|order|buy|shop|apply|register|subscribe|sign\s+up)\b))")
_PROFILE = re.compile(r"\b(?:(?:links?|(?<!the\s)(?<!your\s)(?:info|details?|everything|more"
                      r"|it(?='s|\s+is)|number|insta|snap|whatsapp|telegram|site|website))"
                      r"(?:\s?'s|\s+is|\s+are)?\s+(?:is\s+)?(?:pinned\s+)?"
                      r"(?:in|on|at)\s+(?:my\s+(?:bio|profile|pinned(?:\s+(?:post|tweet))?)"
                      r"|the\s+bio(?!\s*\?))"
                      # a page, wall or highlights are a notebook's, a room's, a game's too:
                      # only links, details, info, prices or rates are on them
                      r"|(?:links?(?:\s+(?:to|for)\s+my\s+[a-z]{2,12}(?:\s+[a-z]{2,12})?(?=\s+(?:is|are)\b)"
                      # ("link to my wa in my highlights" opens its clause: "a broken link to
                      # my playlist in my highlights" is talk)
                      r")?|(?<![a-z]\s)(?<![a-z])links?\s+(?:to|for)\s+my\s+[a-z]{2,12}(?:\s+[a-z]{2,12})?"
                      r"|(?<!the\s)(?<!your\s)(?:info"
                      r"|details?|prices?|rates?))"
                      r"(?:\s+is|\s+are)?\s+(?:pinned\s+)?(?:in|on|at)\s+my\s+"
                      r"(?:page|wall|highlights)"
                      r"|(?:see|check(?:\s+out)?|visit|tap|click)\s+(?:the\s+link\s+in\s+)?"
                      r"(?:my\s+(?:bio|profile|pinned\s+(?:post|tweet))|(?<=in\s)our\s+bio)"
                      r"|(?:see|check(?:\s+out)?|visit)\s+the\s+pinned\s+(?:post|tweet)\s+on\s+my"
                      r"\s+(?:page|profile|account|wall)"
                      r"|link\s+in\s+(?:my\s+|our\s+)?bio\b|l[i1]?nks?\s+(?:in|n|on)\s+(?:my|our|ma)\s+b[i1!|][o0]\b"
                      r"|(?:lnk|l1nk)s?\s+(?:in|n|on)\s+b(?:[1!|][o0]|[i1!|]0)\b"
                      # round 14: a link or a vote's form in my story or latest post
                      r"|(?:links?|form|vote|voting\s+link)(?:\s?'s|\s+is|\s+are)?\s+(?:in|on)\s+my\s+"
                      r"(?:story|stories|latest\s+post|last\s+post|highlights))" + _POINTER_END)

# Ways back with no number, link or handle (round 23 and a blind probe of ours): a pointer
# to my profile, the conversation itself, a name to search for. Each is a way back by what
# it asks the reader to do, whatever it points at ("the party pics are on my profile" is
# one too): the strangers rules count it only in messages to people who never wrote, and
# talk between people who write to each other is never counted.
# My profile: one of its parts, after a verb that sends the reader there ("check my
# highlights", "tap on my pfp", "view my profile for the offer"), after "in"/"on" ("details
# in my bio", "rules r on my page", "proof in my highlights"; not "on my account": talk of
# money and of one's behalf), or saying what it holds ("my bio has everything", "my
# profile explains how"); a bare bio ("details in bio", "Bio.", "bio 👆").
_PROFILE_PART = (r"(?:b[i1!|]o|profile?|prof|pfp|avatar|dp|highlights?|higlights|hilights"
                 r"|stories|story|status|timeline|channel|reels?|pinned(?:\s+(?:post|tweet))?|pic|photo"
                 r"|feed|about(?:\s+(?:me|section|page|tab))?|wall|posts|(?:latest|last|first|top"
                 r"|pinned|recent)\s+(?:post|tweet|reel|video|story)|description|page|pg|account|acc)")
_OWNER = r"(?:my|ma|mi|our|me)\s+(?:(?:main|official|other|latest|saved|public|ig|insta|fb)\s+)?"
_MY_PAGE = re.compile(
    r"\b(?<!did\syou\s)(?<!did\su\s)(?<!have\syou\s)(?<!you\sseen\s)(?<!u\sseen\s)"
    r"(?:see|seen|check(?:\s+out)?|chek|chk|view|visit|tap(?:\s+on)?|click(?:\s+on)?|go\s+(?:to|2)"
    r"|goto|head\s+(?:to|over\s+to)|look\s+(?:at|in|on|through|thru)|read|scroll(?:\s+down)?"
    r"(?:\s+(?:through|thru))?|swipe(?:\s+(?:through|thru))?|hit|open|watch|refer\s+to|peep"
    r"|stalk|browse|zoom\s+(?:in\s+)?on|explore)\s+"
    r"(?:(?:the|all|everything|what'?s)\s+(?:\w+\s+){0,3}(?:on|in|of|at)\s+)?" + _OWNER
    + _PROFILE_PART + r"\b(?!\s*\?)"
    r"|\b(?:in|on|at|from|thru|through|inside|(?<=pinned\s)to)\s+(?:the\s+(?:[\w']+\s+){1,2}(?:of|on)"
    r"\s+)?" + _OWNER + r"(?!account|acc\b)" + _PROFILE_PART + r"\b"
    r"(?!\s+(?:pic|picture|photo|is|was|were|got|has\s+been|had|looks?|seems?|today|yesterday"
    r"|last|from|when)\b)(?!\s*\?)"
    r"|\bpinned\s+(?:on|to|at\s+the\s+top\s+of)\s+" + _OWNER + _PROFILE_PART + r"\b"
    r"|\b" + _OWNER + _PROFILE_PART + r"\s+(?:has|have|explains|says|shows|tells|got)\s+"
    r"(?:it\s+all|everything|all|the\s+(?:details|info|steps|link|method|form|offer|proof)"
    r"|how|where|what)\b"
    r"|\b(?:in|check|see|on)\s+(?:the\s+|da\s+)?b[i1!|]o\b(?!\s*(?:class|exam|test|lab|homework"
    r"|teacher|lesson|notes?))"
    r"|(?:^|[?.!]\s*)b[i1!|]o\s*(?:$|[.!]|[\u2191\u2b06\u261d]|\U0001f446)")
# What I did to my own profile is news, not a pointer ("I updated the details on my profile,
# new job!", "I've put the pics on my page").
_MY_EDIT = re.compile(r"\b(?:i|i've|ive|i\s+have|i\s+just|just|we|we've)\s+(?:\w+\s+)?(?:updated|changed"
                      r"|added|fixed|edited|posted|put|uploaded|deleted|removed|saved|cleaned|redid"
                      r"|redone|made)\s+(?:[\w']+\s+){0,4}(?:on|to|in|from)\s+(?:my|our)\s+"
                      + _PROFILE_PART)
# The conversation as the way back: answering with what a scam asks for ("reply with your
# full name", "respond with the 6 digit code", "send me your bank details", "tell me your
# address"), "reply here", "answer this message", an answer that something is sent for
# ("reply and I'll send it", "text back to get your gift", "kindly revert"): "reply when
# you can", "answer me!", "text me back" are talk.
_ANSWER = (r"(?:reply|replying|rply|repl|respond|responding|answer|answr|write\s+(?:me\s+)?back"
           r"|text\s+(?:me\s+)?back|txt\s+(?:me\s+)?back|msg\s+(?:me\s+)?back|dm\s+(?:me\s+)?back"
           r"|message\s+(?:me\s+|us\s+)?back|hit\s+(?:me|us)\s+back|holla\s+back|get\s+back"
           r"(?:\s+to\s+(?:me|us))?|revert|write\s+to\s+me)")
_SECRET = (r"(?:(?:online\s+|internet\s+|mobile\s+)?banking|bank(?:\s+(?:details|info|account|name"
           r"|login))?|card(?:\s+(?:number|details))?|(?:\d+\s*(?:-\s*)?digit\s+|one[\s-]time\s+"
           r"|verification\s+|security\s+|login\s+)?(?:code|pin|otp|passcode)|password|date\s+of\s+birth"
           r"|dob|ssn|social\s+security(?:\s+number)?|sort\s+code|iban|passport|credentials|login"
           r"|account\s+(?:number|details))")
_DATA = (r"(?:full\s+|real\s+|legal\s+|home\s+|postal\s+|e-?mail\s+|phone\s+|mobile\s+|cell\s+"
         r"|whatsapp\s+)*(?:name|names|address|addy|number|digits|email|e-mail|details|info"
         r"|information|age|location|whatsapp|id)")
# What a scam asks for, alone a way back: "reply with your bank details", "respond with the
# 6 digit code", "send me your card number", "kindly revert".
_HERE = re.compile(
    r"\b(?:" + _ANSWER + r"|confirm|verify)\s+(?:\w+\s+)?(?:with|wit|w/|by\s+sending)\s+"
    r"(?:your|ur|yr|the|ya)\s+(?:[\w']+\s+){0,3}" + _SECRET + r"\b"
    r"|\b(?:(?:send|share|give)\s+(?:me|us)|gimme|tell\s+(?:me|us)|dm\s+me|text\s+me|txt\s+me"
    r"|msg\s+me)\s+(?:your|ur|yr)\s+" + _SECRET + r"\b"
    r"|\b(?:kindly)\s+(?:revert|respond|reply|get\s+back)\b"
    r"|\b(?:your|ur)\s+(?:reply|response|answer)\s+(?:to|2)\s+(?:proceed|release|process|claim"
    r"|confirm|complete)\b"
    r"|\b(?:by|after)\s+(?:replying|responding|answering)\s+(?:with|wit)\b")
# The same with a pitch around it (``_PITCH``): "reply here", "answer this message", other
# things to answer with ("reply with your full name", "send me your number"), an answer
# something is sent for ("reply and I'll send it", "text back to get your gift"): "feel
# free to reply here", "answer with your full name for the guest list" are talk.
_HERE_PITCHED = re.compile(
    r"\b" + _ANSWER + r"\s+(?:to\s+)?(?:this|our)\s+(?:message|msg|text|txt|sms|mail|notice|chat)\b"
    r"(?!\s*\?)(?!\s+(?:about|from|when|yet|earlier|last)\b)"
    r"|\b(?:just\s+)?" + _ANSWER + r"\s+(?:(?:to\s+)?(?:me|us)\s+)?(?:right\s+)?here\b(?!\s+(?:when"
    r"|once|after|if)\b)|"
    r"\b(?:" + _ANSWER + r"|send|gimme|give\s+me|tell\s+me|dm\s+me|text\s+me|txt\s+me|msg\s+me)"
    r"\s+(?:\w+\s+)?(?:(?:with|wit|w/)\s+)?(?:me\s+|us\s+)?(?:your|ur|yr|ya)\s+" + _DATA + r"\b"
    r"|\b" + _ANSWER + r"\s+(?:(?:to\s+)?(?:me|us|this|it)\s+)?(?:\w+\s+){0,3}(?:and|&|n|then)\s+"
    r"(?:i|we)\s*(?:'ll|\u2019ll|ll|\s+will|\s+shall|\s+can)?\s+(?:send|explain|show|tell|add|guide"
    r"|transfer|ship|walk|release|give|share|credit|process|deliver|pay)\b"
    r"|\b" + _ANSWER + r"\s+(?:(?:to\s+)?(?:me|us|this)\s+)?(?:\w+\s+){0,2}(?:(?:to|2)\s+(?:get"
    r"|claim|receive|collect|release|redeem|secure|unlock|confirm|verify|activate|keep)(?:\s+(?:your"
    r"|ur|the|it|a|this|ya)\b|\s*(?:$|[.!,;]))|for\s+(?:the\s+)?(?:details|more|info))"
    r"|\b(?:if|when|once)\s+(?:you|u)\s+" + _ANSWER + r"\b"
    r"|\b(?:just\s+)?(?:say|drop|comment|type)\s+(?:a\s+)?['\"\u2018\u201c]?(?:yes|y|me|info|how"
    r"|the\s+word|interested|in)['\"\u2019\u201d]?\s+(?:and|&|n|if|below|to|here)\b")
# A name to search for: after a search verb, a name with a digit, "_" or "." ("google
# prizedesk86", "look me up: sarah_trades", "type x9 into youtube") or a hashtag; a name
# so written given as mine ("my name on there is bella.rose99", "I go by sugarmama4u").
_HANDLE = (r"(?=[a-z])(?=[a-z0-9_.]*[a-z])(?=[a-z0-9_.]*[0-9_.][a-z0-9_.]*\b)(?![a-z]+\.\s)"
           r"(?:[a-z0-9_]|\.(?=[a-z0-9])){3,30}[a-z0-9]\b(?!\.\.)")
_SEARCH_VERB = (r"(?:google|goggle|gogle|bing|yahoo(?:\s+search)?|look\s+(?:me\s+|us\s+)?up|lookup"
                r"|search(?:\s+(?:up|for|4|me|us|for\s+me|for\s+us))?|serch|srch|type(?:\s+in)?"
                r"|find(?:\s+me|\s+us)?|fin\s+me|look\s+for\s+(?:me|us)|add\s+me|typing|searching"
                r"(?:\s+for)?|googling)")
_MINE_FORMS = (r"my\s+(?:user)?name(?:\s+(?:on|over)\s+(?:there|here|it))?\s+is|i\s+go\s+by"
               r"|listed\s+as|under(?:\s+the\s+name)?|find\s+me\s+as"
               r"|my\s+(?:handle|username|user|page)(?:\s+is(?:\s+called)?)?|(?:same|my)\s+(?:user)?name")
_MINE = "(?:" + _MINE_FORMS + ")"
# a search verb and what may stand before the name ("google: x", "search my name: x")
_SEARCHED = r"\b" + _SEARCH_VERB + r"\s*(?:[:\-]\s*)?(?:(?:my|our)\s+(?:user)?name\s*(?:[:\-]\s*)?)?"
_SEARCH_FOR = re.compile(
    _SEARCHED + r"['\"\u2018\u201c]?(?:#[a-z][a-z0-9_]{2,30}|" + _HANDLE + r")"
    r"|\b" + _MINE + r"\s*(?::\s*)?['\"\u2018\u201c]?" + _HANDLE
    + r"|\bsearch\s+(?:the\s+)?hashtag\s+#?[a-z]"
    # a name said to be me ("search for cryptokingmike, that's me", "search me: lunaxo",
    # "i'm hotsophie there, search me", "same username on all the other apps")
    r"|\b" + _SEARCH_VERB + r"\s+['\"\u2018\u201c]?[a-z][a-z0-9_.]{3,30}['\"\u2019\u201d]?"
    r"(?=[,.!]?\s*(?:that'?s|it'?s|its)\s+me\b)"
    r"|\b(?:search|find|add|look)\s+(?:me|us)(?:\s+up)?\s*:\s*[a-z]"
    r"|\b(?:search\s+(?:for\s+)?me|find\s+me|look\s+me\s+up)\s*,?\s*(?:i'?m|im|i\s+am|it'?s)\s+"
    r"['\"\u2018\u201c]?[a-z]"
    r"|\b(?:i'?m|im|i\s+am)\s+[a-z][a-z0-9_.]{3,30}\s+(?:there|on\s+there),?\s+(?:search|find|add)"
    r"|\bsame\s+(?:user)?name\s+(?:on\s+(?:all|every|the\s+other)|everywhere)\b")
# An app by its icon or as "the other app" ("the yellow ghost app", "the app with the music
# note", "the other site"): a way back when the text gives a name there too ("username
# hotbella", "I'm lunaxo on the purple app", "as moneymaker_22").
_APP_BY_ICON = re.compile(
    r"\b(?:on|in|over\s+on)\s+the\s+(?:(?:blue|green|red|purple|pink|yellow|black|white|orange"
    r"|other|ghost|camera|photo|pic|music|bird|plane|fan|messenger)\s+)+(?:app|bird|one|icon|logo|site)s?\b"
    r"|\bthe\s+app\s+with\s+the\s+(?:\w+\s+){0,2}(?:ghost|camera|note|icon|plane|bird|logo|bubble)\b")
_NAME_GIVEN = re.compile(
    r"\b(?:user\s*name|handle|(?:my|ma)\s+name\s+(?:is|there\s+is|over\s+there\s+is)|i'?m|im|i\s+am"
    r"|as|under|go\s+by|search\s+for|search|find\s+me|add\s+me|it'?s)\s*(?::\s*)?['\"\u2018\u201c]?"
    r"[a-z][a-z0-9_.]{3,30}\b(?<!\bthere)(?<!\bhere)(?<!\bthe)(?<!\bthat)(?<!\bthis)")
# The same with a pitch around it (``_PITCH``): a quoted name or one of letters only after a
# search verb or given as mine ("search 'lunaxo'", "i'm hotsophie there, search me"), an
# app by its icon ("the app with the ghost", "x on the blue app"): "google 'cheap flights'",
# "I'm on the purple app too lol" are talk.
_SEARCH_PITCHED = re.compile(
    _SEARCHED + r"['\"\u2018\u201c][a-z0-9_. ]{3,40}['\"\u2019\u201d]"
    r"|\b(?:i'?m|i\s+am|" + _MINE_FORMS + r")\b\s*(?::\s*)?['\"\u2018\u201c]?[a-z][a-z0-9_.]{3,30}\b"
    r"['\"\u2019\u201d]?"
    r"(?=\s*(?:on\s+(?:the|there|it|insta|ig|tiktok|snap|twitter|x|fb|facebook)\b|over\s+there"
    r"|there\b|everywhere|[,.!]?\s*(?:search|find|look|add|come)\b))"
    r"|" + _APP_BY_ICON.pattern
    + r"|\b(?:search|google)\s+(?:it|me|us)(?:\s+up)?\b|\b(?:look|find)\s+(?:me|us)\s+up\b"
    r"|\b(?:search|find|add)\s+(?:me|us)\s*:"
    r"|\bsame\s+(?:user)?name\s+(?:on|everywhere)\b"
    r"|\b(?:google|search(?:\s+for)?|look\s+up)\s+(?:my|our)\s+(?:company\s+)?name\b")
# A pitch: money or what it buys, a prize, an offer, a job, a method, a way in ("I made 3k
# this week", "passive income", "giving away 5 iphones", "hiring", "how I did it", "sign
# up", "private pics"). With it, a weaker pointer is a way back too.
_PITCH = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?\s?(?:k|grand|dollars|pounds|quid|bucks|usd|gbp|eur|euros)\b"
    r"|money|cash|income|profits?|earn\w*|payouts?|paid|pays|invest\w*|trading|trader|trades"
    r"|crypto|bitcoin|btc|forex|signals|mining|returns|loans?|debts?|grants?|refund|rebate"
    r"|compensation|giveaway|giving\s+away|(?<!feel\s)(?<!you\s)(?<!\bu\s)(?<!i'm\s)(?<!\bim\s)(?<!\bbe\s)"
    r"(?<!\bam\s)(?<!\bis\s)(?<!\bare\s)free|win|winner|won|prizes?|selected|congrat\w*"
    r"|been\s+(?:picked|chosen|drawn)|keep\s+(?:it|them)|owe\s+(?:you|u)|owed|overpayment|set\s+aside"
    r"|(?:with|in|under)\s+(?:your|ur)\s+name|quid|grand|thousand|hundred|million|waiting\s+for\s+(?:you|u)"
    r"|claim|offer|deals?|discount|promo|bonus|reward|gift|voucher|hiring|jobs?|work\s+from"
    r"|remote|opportunity|method|steps|instructions|how|sign\s*-?\s*up|signup|join|register"
    r"|apply|application|spots?|slots?|limited|retire|passive|private|spicy|naughty|nudes?|sexy"
    r"|hot|horny|lonely|single|handsome|babe|hun|hunny|sweetie|sweetheart|darling|dear|cutie"
    r"|pics\s+of\s+me|deets|details|info|information|proof"
    r"|testimonials?|legit|guaranteed|interested|package|parcel|shipment|consignment|delivery"
    r"|urgent\w*|beneficiary|inheritance|fund|funds|transfer|iphones?|rich|wealth\w*|secret"
    r"|everything\s+(?:u|you)\s+need|get\s+started|to\s+start|explains?|form|code|subscribe"
    r"|regret|miss\s+(?:it|out)|expires?|faq|mentor\w*|guide|course|coach\w*|follow\s+me|add\s+me"
    r"|offer|enter|exclusive|vip|content|fans?|brand|collab\w*"
    # a phisher's: the account in danger, the way to save it (round 30)
    r"|(?:un)?locked|unlock|suspended|suspension|appeal|violation|verify|verification|restore|re-?activate"
    r"|validate|unusual\s+(?:login|activity|sign-?in)|suspicious|security\s+(?:team|alert|check)"
    r"|disabled|deactivated|badge)\b|[£$€]\s?\d")

# The words each reading needs (a set test: most texts have none of them, and skip every
# pattern below).
_ANSWER_WORDS = frozenset(("reply", "replying", "replies", "rply", "repl", "respond", "responding",
                           "response", "answer", "answr", "answering", "back", "revert", "write"))
_ASK_WORDS = _ANSWER_WORDS | frozenset(("send", "gimme", "give", "tell", "dm", "text", "txt", "msg",
                                        "share", "confirm", "verify", "say", "drop", "comment",
                                        "type"))
_SECRET_WORDS = frozenset(("bank", "banking", "card", "code", "pin", "otp", "password", "passcode",
                           "birth", "dob", "ssn", "security", "sort", "iban", "passport",
                           "credentials", "login", "account"))
_SEARCH_WORDS = frozenset(("google", "goggle", "gogle", "googling", "bing", "yahoo", "look",
                           "lookup", "search", "searching", "serch", "srch", "type", "typing",
                           "find", "fin", "add", "username", "handle", "user", "listed", "under",
                           "hashtag", "name", "go", "page"))
_APP_WORDS = frozenset(("app", "apps", "site", "bird", "icon", "logo", "one"))
_OWNER_WORDS = frozenset(("my", "ma", "mi", "our", "me"))
_PAGE_WORDS = frozenset(("bio", "b1o", "profile", "profil", "prof", "pfp", "avatar", "dp",
                         "highlight", "highlights", "higlights", "hilights", "stories", "story",
                         "status", "timeline", "channel", "reel", "reels", "pinned", "feed",
                         "about", "wall", "posts", "post", "tweet", "video", "description", "page",
                         "pg", "account", "acc", "pic", "photo"))
_TOKENS = re.compile(r"[a-z0-9]+")
_DOTTED_NAME = re.compile(r"[a-z0-9]\.[a-z0-9]")
# ``_PITCH``'s words, for a set test before it (a text with a digit or a currency sign is
# tested in full)
_PITCH_WORDS = frozenset("""
locked unlock unlocked suspended suspension appeal violation verify verification
restore reactivate re-activate validate unusual suspicious security disabled
deactivated badge
money cash income profit profits earn earned earning earnings earns payout payouts paid pays
invest invested investing investment investments investor investors trading trader trades crypto
bitcoin btc forex signals mining returns loan loans debt debts grant grants refund rebate
compensation giveaway giving free win winner won prize prizes selected congrats congratulations
congratulation been keep owe owed overpayment aside name quid grand thousand hundred million
waiting claim offer deal deals discount promo bonus reward gift giftcard voucher hiring job jobs
work remote opportunity method steps instructions how sign signup join register apply
application spot spots slot slots limited retire passive private spicy naughty nude nudes sexy
hot horny lonely single handsome babe hun hunny sweetie sweetheart darling dear cutie pics deets
details info information proof testimonial testimonials legit guaranteed interested package
parcel shipment consignment delivery urgent urgently beneficiary inheritance fund funds transfer
iphone iphones rich wealth wealthy secret everything get started start explain explains form code
subscribe regret miss expire expires faq mentor mentorship guide course coach coaching follow add
enter exclusive vip content fan fans brand collab collaboration""".split())


# Ways back pointed at in words, alone enough (round 24): my name on another app is my
# name here ("same pic same name", "same name as on here"), my number is in my name ("my
# number is my username", "the digits after my name"), what to scan or read is in my
# picture ("the qr in my pic", "scan the square in my second pic", "my pfp says it all",
# "dm me for the link"), the answer wanted in this chat ("a quick yes in this thread").
_NAME_WORD = r"(?:user\s*name|user|name|handle|@)"  # not "account": "my account number"
_PICTURE_LIST = ("pic", "pics", "photo", "photos", "picture", "pfp", "avi", "avatar", "profile",
                 "header", "banner", "bio", "post", "story", "stories", "highlight", "highlights")
_PICTURE = "(?:" + "|".join(_PICTURE_LIST) + ")"
_POINTED = re.compile(
    r"(?<!\bhave\sthe\s)(?<!\bhas\sthe\s)\bsame\s+(?:pic|photo|pfp)\s*(?:[,&+]|and)?\s*(?:same\s+)?"
    + _NAME_WORD + r"\b"
    r"|\bsame\s+" + _NAME_WORD + r"\s+(?:as\s+(?:on\s+|in\s+)?(?:here|this\s+(?:one|app|account))"
    r"|on\s+here)\b"
    r"|\b(?:app|insta|snap|tiktok|find|look|search|add)\b[^.!?\n]{0,40}\bsame\s+(?:pic|photo|pfp)\s+as\s+"
    r"(?:on\s+)?here\b"
    r"|\b(?:look|search)\s+for\s+(?:this|my)\s+same\s+" + _NAME_WORD + r"\b"
    r"|\bi\s+use\s+the\s+(?:exact\s+)?same\s+" + _NAME_WORD + r"\b"
    r"|\bmy\s+" + _NAME_WORD + r"\s+(?:there|on\s+there)\s+is\s+my\s+" + _NAME_WORD + r"\s+here\b"
    r"|\b(?:number|digits|mobile|cell|phone|no)(?:'s|\s+is|\s*=|\s+are)\s+(?:in\s+)?my\s+"
    r"(?:display\s+|profile\s+|bio\s+|screen\s+)?" + _NAME_WORD + r"\b"
    r"|\bmy\s+" + _NAME_WORD + r"(?:\s+(?:here|on\s+here))?\s+(?:has|is|=|holds|contains|gives)\s+"
    r"my\s+(?:number|digits|mobile|cell|phone)\b"
    r"|\b(?:numbers|digits)\s+(?:in|from|after|inside)\s+my\s+" + _NAME_WORD
    + r"\b(?=.*\b(?:ring|call|phone|cell|mobile|mob|whatsapp|text|dial|0\s?7))"  # (my birthday)
    r"|\b" + _NAME_WORD + r"\s+minus\s+the\s+letters\b"
    r"|\bqr(?:\s+code)?\s+(?:is\s+)?(?:in|on)\s+my\s+(?:\w+\s+){0,2}" + _PICTURE + r"\b"
    r"|\b(?:scan|snap|screenshot)\s+(?:the|my|this)\s+(?:square|code|qr)(?:\s+code)?\s+(?:in|on|from)\s+"
    r"my\s+(?:\w+\s+){0,2}" + _PICTURE + r"\b"  # ("scan the QR code on the table" is talk)
    r"|\bscreenshot\s+my\s+" + _PICTURE + r"\s+and\s+scan\b"
    r"|\bthe\s+(?:code|qr|link|number|details|info)\s+(?:is|are)\s+(?:in|on)\s+my\s+"
    r"(?:\w+\s+){0,2}" + _PICTURE + r"\b"
    r"|\b(?:everything|it'?s\s+all|its\s+all|it\s+is\s+all)\s+(?:you\s+need\s+)?(?:is\s+)?"
    r"(?:in|on)\s+my\s+(?:latest|newest|last|pinned|first|second|top|new)\s+" + _PICTURE + r"\b"
    r"|\b(?:it'?s|its|it\s+is)\s+all\s+(?:on|in)\s+my\s+(?:page|profile|bio|pfp)\b"
    r"|\bmy\s+(?:pfp|profile\s+pic|avatar|avi|header(?:\s+(?:pic|photo))?)\s+says\s+it\s+all\b"
    r"|\bmy\s+(?:pfp|pic|avatar|avi|profile\s+pic)\s+is\s+a\s+qr\b"
    r"|(?:^|[.!?,;:\-]\s*+|\b(?:just|pls|please|plz|and|then|but|so)\s+)(?:check|see|look\s+at)\s+my\s+"
    r"(?:pfp|avi|header\s+(?:pic|photo))\b"  # told, not asked ("did you see my pfp?")
    r"|\bdm\s+me\s+for\s+(?:the|a|my)\s+(?:link|number|details|info|code)\b"
    r"|\b(?:answer|yes|word|thumbs\s+up|say\s+yes)\b[^.!?\n]{0,20}?\b(?:in|into)\s+this\s+(?:very\s+)?"
    r"(?:chat|thread|window|box|convo|conversation|dm)\b"  # ("reply in this thread with your
    # lunch order", "respond in this chat by friday" are talk)
    r"|\bleave\s+me\s+a\s+(?:word|line)\s+(?:right\s+)?here\b|\bleave\s+me\s+a\s+\w+\s+right\s+here\b"
    r"|\banswer\s+me\s+(?:in\s+)?here\b|\banswer\s+me\s+in\s+this\s+\w+")
# A word to send back, and what it gets (round 25): "write mine under this and it's yours",
# "send me the word ready and I'll sort the rest", "a quick 'yes please' back is all I need"
_REPLY_WORD = re.compile(
    r"\b(?:send|text|txt|write|reply|answer|say|type)\s+(?:me\s+|us\s+)?(?:with\s+)?(?:the\s+word\s+)?"
    r"['\"\u2018\u201c]?(?!(?:back|later|tonight|tomorrow|soon|now|first|please|pls|again|then|asap|it"
    r"|this|that|them|him|her|us|me|something|anything|when|if|details|yes|no|ok|okay)\b)"
    r"[a-z]{2,12}['\"\u2019\u201d]?\s+(?:(?:under|below)\s+this\s+|back\s+)?(?:and|&|n)\s+"
    r"(?:it'?s\s+yours|i'?ll\s+sort\s+the\s+rest|i'?ll\s+send\s+(?:it\s+over|the\s+details|the\s+link))"
    r"|\b(?:write|type|put)\s+['\"\u2018\u201c]?[a-z]{2,12}(?:\s+please)?['\"\u2019\u201d]?\s+(?:under|below)"
    # and what it gets ("write cake under this", "write names under this please" are talk)
    r"\s+this(?:\s*+,)?\s++(?:and|&|n)\s+(?:it'?s\s+(?:all\s+)?yours|i'?ll\s+send|the\s+rest)\b"
    # "say ready back if you want it", "if you're in, just answer go" (round 25)
    r"|\bsay\s+['\"\u2018\u201c]?(?!(?:hi|hello|hey|hiya|something|yes|no|ok|okay|thanks|it|that|so|mine"
    r"|yours|please)\b)"
    r"[a-z]{2,12}(?:\s+please)?['\"\u2019\u201d]?\s+back\s+if\s+(?:you|u)"
    r"\s+want\s+(?:it|them|one|in)\b"
    r"|\bif\s+(?:you'?re|ur|u\s+r|you\s+are)\s+in,?\s+(?:just\s+)?(?:answer|reply|say)\s+"
    r"['\"\u2018\u201c]?(?!(?:yes|no|ok|okay|y|n|me|asap|here|now|soon|back|below|quickly|first|so|in"
    r"|going|lah|la|leh|mate|pls|please|yeah|yep|yea|sure|aye|deal|count)\b)"
    r"[a-z]{2,12}['\"\u2019\u201d]?" + _AT_END
    + r"|\ba\s+quick\s+['\"\u2018\u201c][a-z ]{2,12}['\"\u2019\u201d]\s+back\s+is\s+all\b"
    r"|\banswer\s+with\s+['\"\u2018\u201c]?[a-z]{2,12}['\"\u2019\u201d]?\s+to\s+(?:keep|claim|get"
    r"|receive)\s+(?:it|yours|the|your)\b")
# An account here pointed at for the rest ("@zoedeals has more", "call @x"; "everything is
# on @x" is talk of a class or a club: tests/checks/test_redteam_round7.py)
_POINTED_ACCOUNT = re.compile(
    r"(?<![\w.@+-])(?<!\bask\s)@[a-z][a-z0-9_.]{2,30}\s+(?:has|for)\s+(?:more|the\s+rest|details"
    r"|it\s+all|everything|info)(?=\s*+(?:[.!?,;:)]|$))"  # ("@jess has everything for the party")
    r"|\b(?:call|ring|dial|text|txt|msg|dm|contact|claim\s+(?:it\s+)?(?:at|from|with))\s+"
    r"@[a-z][a-z0-9_.]{4,30}+(?=\s*+(?:[.!?,;:)]|$))")  # the handle ends the clause ("call
# @mum, she's worried" is talk: 5 letters at least)
# What one of ``_POINTED``'s branches needs among a text's words (a set test first: the
# pattern costs about 25 us a text, most texts run none of it)
_NAMED_WORDS = frozenset("name username handle user".split())
_SAME_TOO = frozenset("my this here the app".split())  # ("same pic and name as her sister")
_NUMBER_WORDS_POINTED = frozenset("number digits numbers mobile cell phone no minus".split())
_PICTURE_WORDS = frozenset((*_PICTURE_LIST, "qr", "scan", "screenshot", "snap", "page"))
_THIS_CHATS = frozenset("chat thread window box convo conversation dm".split())


def _pointed_may(tokens: set[str], lower: str) -> bool:
    return (("same" in tokens and not _SAME_TOO.isdisjoint(tokens))
            or ("there" in tokens and "here" in tokens)
            or ("my" in tokens and not _PICTURE_WORDS.isdisjoint(tokens))
            or ((not _NAMED_WORDS.isdisjoint(tokens) or "@" in lower)
                and not _NUMBER_WORDS_POINTED.isdisjoint(tokens))
            or "dm" in tokens or ("this" in tokens and not _THIS_CHATS.isdisjoint(tokens))
            or ("leave" in tokens and "here" in tokens)
            or ("answer" in tokens and ("here" in tokens or "this" in tokens)))


_REPLY_WORD_ENDS = frozenset("""yours rest over details link under below all keep claim get receive
want""".split())
_REPLY_WORD_VERBS = frozenset("""send text txt write reply answer say type put quick""".split())


# A firm's name to search for (round 24): a search verb, then 2 to 4 capitalised words, one
# of a firm's ("Highfield Assist", "Sunridge Consumer Services"), or "ask for" after them.
_SEARCH_HINT = re.compile(r"\b(?:search|google|look\s+up|lookup|find)\b")
_COMPANY = re.compile(r"\b(?:[Ss]earch(?:\s+for)?|[Gg]oogle|GOOGLE|[Ll]ook\s+up|[Ll]ookup|[Ff]ind|SEARCH"
                      r"|(?:[Tt]ype|[Pp]ut)\s+into\s+[Gg]oogle)\s+((?:[A-Z][a-z]++\s+){1,3}[A-Z][a-z]++)\b")
_TYPED_IN = re.compile(
    r"\b(?:[Tt]ype|[Pp]op|[Pp]ut|[Ss]tick|[Ee]nter|[Pp]aste)\s+((?:[A-Z][a-z]++\s+){1,3}[A-Z][a-z]++"
    r"|[a-z][a-z0-9-]{7,30}+)\s+(?:in|into|in2)\s+(?:[Gg]oogle|(?:your|ur|the)\s+(?:browser|search\s+bar"
    r"|address\s+bar))\b")  # (a name of 2 words or more in capitals, or one word of 8 letters)
_NOT_TYPED = frozenset("something anything everything question questions symptoms postcode "
                       "whatever username password yourself birthday location".split())
_COMPANY_WORDS = frozenset("""assist assistance consumer solutions desk claims claim agency ltd
limited helpline rewards prizes holdings capital consulting recovery loans lending credit dept
associates ventures investments trading markets payouts winners connect connections hq helpdesk
promotions promos prize lottery cashback refunds bonus deals offers lettings getaways
benefits""".split())  # (not "support", "bank", "bureau": "Apple
# Support", "Lloyds Bank", "Citizens Advice Bureau" are searched in talk)


def _firm_key(words: list[str]) -> str:
    """A firm's key: its name to its last firm's word ("Northgate Claims Office" and
    "northgate claims" are one key), else the whole name."""
    last = max((i for i, word in enumerate(words) if word in _COMPANY_WORDS), default=len(words) - 1)
    return "h:" + "".join(words[:last + 1])


# ... in small letters, a firm's word after its first ("google highfield assist")
_FIRM_SMALL = re.compile(r"\b(?:search(?:\s+for)?|google|look\s+up|lookup|find)\s+([a-z]++(?:\s+[a-z]++){1,2})")
_NOT_FIRM_START = frozenset("the a an my your our their his her some any this that cheap best new local "
                            "good free".split())
_TITLES = frozenset("dr mr mrs ms miss coach prof doctor nurse sir madam".split())
# or words after them that the firm will see to it ("ask for me", "they'll know")
_ASK_FOR = re.compile(r",?\s*+(?:and\s+)?(?:ask\s+(?:for|4)\s+me\b|the(?:y'?ll|y\s+will)\s+know\b"
                      r"|the\s+desk\b|say\s+(?:i|you)\s+sent)")
# ... and with a pitch in the text (``_PITCH_WORDS``): "they'll confirm it", "the website has a
# form", "it's the first result" ("Google Tesco Extra, they'll confirm opening hours" is talk)
_ASK_FOR_PITCHED = re.compile(r",?\s*+(?:and\s+)?(?:the(?:y'?ll|y\s+will)\s+confirm\b|the\s+website\s+has"
                              r"|(?:online,?\s+)?it'?s\s+the\s+first\s+result)")
# A firm or a person named before "google them" ("Ask for Leah at Redwood Circle, google them",
# "It's all on Redwood Circle's site if you search them") and a person's name on an app
# ("I'm on tiktok as Nadia Stroud", "Add Rohan Ellery on the yellow app"): round 25
_GOOGLE_THEM = re.compile(
    r"\b[Aa]sk\s+for\s+[A-Z][a-z]++(?:\s+[A-Z][a-z]++)?\s+at\s+((?:[A-Z][a-z]++\s+){0,3}[A-Z][a-z]++),?\s+"
    r"(?:and\s+)?(?:[Gg]oogle|[Ss]earch|[Ll]ook\s+up|[Ll]ook)\s+them\b"
    r"|\b((?:[A-Z][a-z]++\s+){0,3}[A-Z][a-z]++)'s\s+(?:site|website|page)\s+if\s+you\s+(?:google|search"
    r"|look\s+up)\s+them\b")
_NAMED_ON_APP = re.compile(
    r"\b(?:I'?m|I\s+am)\s+([A-Z][a-z]++\s+[A-Z][a-z]++)\s+(?:on|in)\s+(?:(?:" + _APPS + r")\b"
    r"|the\s+(?:" + _ICON_WORDS + r"\s+){1,4}app\b)"
    r"|\b(?:[Aa]dd|[Ff]ind|[Ll]ook\s+for|[Ss]earch(?:\s+for)?)\s+([A-Z][a-z]++\s+[A-Z][a-z]++)\s+on\s+the\s+"
    r"(?:" + _ICON_WORDS + r"\s+){1,4}(?:app|one)\b"
    r"|\b(?:on|in)\s+(?:(?:" + _APPS + r")\b|the\s+(?:" + _ICON_WORDS + r"\s+){1,4}(?:app|one)\b)"
    r"[^.!?\n]{0,40}?\b(?:search(?:\s+for)?|as|I'?m)\s+([A-Z][a-z]++\s+[A-Z][a-z]++)\b")
# A name that ends the text after "easier on the app -" ("Easier on tiktok - Leah
# Hartwell", "quicker on the blue messenger one: Lewis Danvers"): round 25, narrowed by a
# review ("Better on tiktok - Taylor Swift", "Message me on fb - Nice One" are talk)
_EASIER_WORDS = frozenset("easier quicker faster".split())
_NAMED_LAST = re.compile(
    r"\b(?:[Ee]asier|[Qq]uicker|[Ff]aster)\s+(?:on|via|over\s+on)\s+(?:(?:" + _APPS + r")\b|the\s+(?:"
    + _ICON_WORDS + r"\s+){1,4}(?:app|one)\b)\s*+[-\u2013\u2014:,]\s*+([A-Z][a-z]++\s+[A-Z][a-z]++)"
    + _AT_END)
_TWO_CAPITALS = re.compile(r"[A-Z][a-z]++\s+[A-Z][a-z]")
_NOT_FIRST_NAMES = _TITLES | frozenset("uncle aunt auntie team grandma grandad nan mum dad "
                                        # sign-offs ("Easier on whatsapp, Best Wishes")
                                        "best kind warm warmest many lots much big with happy "
                                        "merry good love all take speak talk see cheers thanks "
                                        "thank regards hugs night sweet stay safe well bless come "
                                        "go ta nana granny gran mama papa cousin pastor".split())


def _said_way_back(lower: str) -> bool:
    """A way back said in words (``_POINTED``, ``_HERE``, ``_SEARCH_FOR``, an app by its icon
    with a name; with a pitch, ``_MY_PAGE``, ``_HERE_PITCHED``, ``_SEARCH_PITCHED``)."""
    tokens = set(_TOKENS.findall(lower))
    if _pointed_may(tokens, lower) and _POINTED.search(lower):
        return True
    if ((not _REPLY_WORD_ENDS.isdisjoint(tokens) or ("if" in tokens and "in" in tokens))
            and not _REPLY_WORD_VERBS.isdisjoint(tokens) and _REPLY_WORD.search(lower)):
        return True
    if "@" in lower and _POINTED_ACCOUNT.search(lower):
        return True
    answer = not _ANSWER_WORDS.isdisjoint(tokens)
    ask = not _ASK_WORDS.isdisjoint(tokens)
    search = not _SEARCH_WORDS.isdisjoint(tokens)
    app = "the" in tokens and not _APP_WORDS.isdisjoint(tokens)
    if (answer or (ask and not _SECRET_WORDS.isdisjoint(tokens))) and _HERE.search(lower):
        return True
    if search and ("#" in lower or "_" in lower or "hashtag" in tokens or "me" in tokens
                   or "us" in tokens or "same" in tokens or _ANY_DIGIT.search(lower) or _DOTTED_NAME.search(lower)
                   ) and _SEARCH_FOR.search(lower):
        return True  # (a name with a digit, "_" or "." inside, a hashtag, or "me")
    if app and _NAME_GIVEN.search(lower) and _APP_BY_ICON.search(lower):
        return True
    page = (not _OWNER_WORDS.isdisjoint(tokens) and not _PAGE_WORDS.isdisjoint(tokens)) or (
        "bio" in lower or "b1o" in lower or "b!o" in lower or "b|o" in lower)
    mine = "m" in tokens or "im" in tokens or "am" in tokens
    if not (page or ask or search or app or mine) or (
            _PITCH_WORDS.isdisjoint(tokens) and not _ANY_DIGIT.search(lower)
            and "£" not in lower and "$" not in lower and "€" not in lower):
        return False
    return bool(((page and _MY_PAGE.search(lower) and not _MY_EDIT.search(lower))
                 or (ask and _HERE_PITCHED.search(lower))
                 or ((search or app or mine) and _SEARCH_PITCHED.search(lower)))
                and _PITCH.search(lower))


# Cryptocurrency addresses: Bitcoin (bech32, or base58 from "1" or "3"), Litecoin
# ("ltc1"), Ethereum-style hex, Tron (base58 from "T"), and any other run of 32 to 90
# letters and digits of both cases (Solana, TON, Dogecoin...): talk has no such word.
_WALLET = re.compile(r"(?<![\w/.@#-])(?![\w-]*([A-Za-z])\1{4})"  # no letter 5 times in a row
                     r"(?:(?:bc1|ltc1)[ac-hj-np-z02-9]{25,87}+|(?:BC1|LTC1)[AC-HJ-NP-Z02-9]{25,87}+"
                     r"|0x[0-9a-fA-F]{40}"
                     r"|(?=[1-9A-HJ-NP-Za-km-z]*[A-HJ-NP-Za-km-z])(?=[A-Za-z]*\d)"
                     r"[13T][1-9A-HJ-NP-Za-km-z]{25,34}+"
                     # the others: two digits at least, letters of both cases, no "_"
                     # ("Quarterly_Report_Q3_2024_FINAL_v2" is a file's name)
                     r"|(?=[\w-]*\d[\w-]*\d)(?=[\w-]*[A-Z])(?=[\w-]*[a-z])[A-Za-z0-9-]{32,90}+)"
                     r"(?![\w/@-]|\.\w)")

# A wallet's first half, the second cut off by a space ("bc1qm0wrclk6msw8p82c seha0yqz...")
_WALLET_HALF = re.compile(r"(?<![\w/.@#-])(?:bc1q[ac-hj-np-z02-9]{12,}+|0x[0-9a-fA-F]{16,}+)(?![\w/@-])")
# A site's name with a digit, before a comma for its dot ("signalpro583,cc")
_LETTERS_DIGIT = re.compile(r"[a-z][a-z-]{2,}+[0-9]++[a-z0-9-]*+")
# Link domains of one letter, read with a spaced slash after them ("t . me / x").
_ONE_LETTER_LINKS = frozenset(("t.me", "t.co", "m.me", "g.co", "j.mp", "x.com"))


def _links(lower: str, word_domains: list[str]) -> list[str]:
    """Domains ("d:name.tld") and e-mail addresses ("e:...") in a lower-cased text; a bare
    "http:" or "www." is a contact too ("d:" alone). A domain on a top-level domain that
    is a word ("taskhive.life") goes to ``word_domains``: talk puts words after a dot too
    ("sambar.life is good"), so a key, not a contact."""
    out: list[str] = []
    if "@" in lower:
        out.extend("e:" + m.group() for m in _EMAIL.finditer(lower))
    for match in _SEPARATOR.finditer(lower):
        start, end = match.span()
        spaced_before = start > 0 and lower[start - 1].isspace()
        sep = match.group()
        # The end of a sentence ("later. me too") or of a list item ("ok,me"), not
        # "site . com": only a bare top-level domain reads after these.
        bare = sep in _BARE_SEPARATORS or (
            sep == "." and not spaced_before and lower[end:end + 1].isspace())
        if sep == "," and (spaced_before or lower[end:end + 1].isspace()):
            continue
        while start > 0 and lower[start - 1].isspace():
            start -= 1
        if start == 0 and sep not in _BARE_SEPARATORS and (
                _BARE_TLD.match(lower, end) or _SPACED_TLD.match(lower, end)
                or _WORDY_TLD_PATH.match(lower, end)):
            out.append("d:")  # the tail of a link cut in two texts: ".com/claim", "dot com"
            continue
        if start >= 1 and lower[start - 1] in _NAME_CHARS:
            label = start  # where the name before the dot begins: 64 characters back at
            # most (a domain's label has 63), or a run of "dot"s walks back over every
            # earlier letter at each one ("dot" * 107: 1.8 ms)
            floor = max(0, start - 64)
            while label > floor and lower[label - 1] in _NAME_CHARS:
                label -= 1
            one_letter = start - label < 2  # "t.me/x"
            tld = (_AFTER_DOT_WORD.get(sep) or (_BARE_TLD if bare else _TLD_AT)).match(lower, end)
            if tld is None and sep == "," and _LETTERS_DIGIT.fullmatch(lower, label, start):
                tld = _TLD_AT.match(lower, end)  # "signalpro583,cc": a name with a digit
            if tld is None and not bare:
                tld = _digit_tld(lower, end) or _SPACED_TLD.match(lower, end)  # "winprize.c0m"
            if not bare and (tld is None or (one_letter and not (
                    lower.startswith("/", tld.end()) or (  # "B.Com / M.Com" is talk
                        lower[tld.end():].lstrip().startswith("/")
                        and f"{lower[label:start]}.{tld.group().strip()}"
                        in _ONE_LETTER_LINKS)))):
                tld = _WORDY_TLD_PATH.match(lower, end)  # only with a path after it
                if tld is None and start - label >= 4:
                    tld = _ANY_TLD_PATH.match(lower, end)  # "linktr.ee/x", "win.fyi/x"
            if tld is None and not bare and lower.endswith(("www.", "://"), 0, label):
                tld = _ANY_TLD.match(lower, end)  # "www.sms.ac/u", "http://x.yz"
            if tld is None and not bare and _HYPHENED.fullmatch(lower, label, start):
                tld = _GENERIC_TLD.match(lower, end)  # "ig-verify.help"
            if tld is None and not bare and start - label >= 4 and sep == "." and (
                    word := _WORD_TLD.match(lower, end)) is not None:
                domain = f"d:{lower[label:start]}.{word.group()}"
                if _SENT_TO.search(lower, 0, label) or (  # "sign up at taskhive.life": a link
                        label >= 3 and lower[label - 1] == "."  # "app.zenify.center" too
                        and _HOST_LABEL.search(lower, 0, label)):
                    out.append(domain)
                else:
                    word_domains.append(domain)
            if tld:
                # "wwwDOTname": the label after the last "dot" (any copy reads the same)
                name = lower[label:start].rsplit("dot", 1)[-1] or lower[label:start]
                if bare and (len(name) < 3 or name.isdigit()):
                    continue  # "ok,com on", "at 9,com": a name of a few letters at least
                top = tld.group().replace(" ", "").rstrip("/").translate(_TLD_DIGITS)
                if (len(top) == 2 and name in _SECOND_LEVEL and out
                        and out[-1].endswith("." + name)):
                    # "bbc.co.uk": one key, "d:bbc.co.uk", not "d:co.uk" too (every site
                    # of a country's ending would share it: one link to 5 strangers)
                    out[-1] += "." + top
                    continue
                out.append(f"d:{name}.{top}")
    if not out and ("http" in lower or "www" in lower or "/" in lower or "xn--" in lower) and _WEB.search(lower):
        out.append("d:")
    return out


_SECOND_LEVEL = frozenset("co com org net ac gov edu ltd plc sch nhs or ne go gob nic mil".split())


def _digit_tld(lower: str, at: int) -> re.Match[str] | None:
    """A bare top-level domain written with digits for letters ("c0m", "n3t"), after a
    name with a letter: "12.10" stays a time."""
    token = _TLD_TOKEN.match(lower, at)  # (a space first after "dot": "smsco d0t c0m")
    if token is None or (word := token.group().lstrip()).isalpha() or word.isdigit():
        return None
    top = word.translate(_TLD_DIGITS)
    if _DIGIT_TLD.fullmatch(top) is None:
        return None
    return token
