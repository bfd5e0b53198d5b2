"""Look-alike letters of other scripts, from Unicode's confusables (UTS #39), that the
hand-kept tables of ``policy/normalize.py`` leave out: each maps to the ASCII letter it
is confusable with. An outside red team found copies of one campaign that stayed apart
with a letter or two of these per copy ("ɑ", "ҽ", "օ", "ո", Greek capitals; round 22):
``normalize`` and the readers fold them like the others.

Generated, not edited by hand: the single code points of ``confusables.json`` (the
package confusable_homoglyphs 3.3.1, Unicode's confusables.txt) confusable with exactly
one ASCII letter, that are letters (category L*), that NFKC leaves as they are,
and that ``normalize``'s own tables (``_LOOKALIKES``, ``_CAPITAL_LOOKALIKES``,
``_LETTERS``, ``_BEFORE_NFKC``) do not map. A letter with case maps to the case it
looks like: the readers fold it before case folding, where a Greek capital eta ("Η",
an "H") would become a small eta ("η", an "n").
"""

from __future__ import annotations

CONFUSABLES: dict[str, str] = {
    "\u0184": "b",  # Ƅ latin capital letter tone six
    "\u018d": "g",  # ƍ latin small letter turned delta
    "\u0196": "l",  # Ɩ latin capital letter iota
    "\u01a6": "R",  # Ʀ latin letter yr
    "\u01bd": "s",  # ƽ latin small letter tone five
    "\u01c0": "l",  # ǀ latin letter dental click
    "\u0251": "a",  # ɑ latin small letter alpha
    "\u0263": "y",  # ɣ latin small letter gamma
    "\u0269": "i",  # ɩ latin small letter iota
    "\u026f": "w",  # ɯ latin small letter turned m
    "\u028b": "u",  # ʋ latin small letter v with hook
    "\u037f": "J",  # Ϳ greek capital letter yot
    "\u03b3": "y",  # γ greek small letter gamma
    "\u03dc": "F",  # Ϝ greek letter digamma
    "\u03fa": "M",  # Ϻ greek capital letter san
    "\u042c": "b",  # Ь cyrillic capital letter soft sign
    "\u0433": "r",  # г cyrillic small letter ghe
    "\u0474": "V",  # Ѵ cyrillic capital letter izhitsa
    "\u0475": "v",  # ѵ cyrillic small letter izhitsa
    "\u04bd": "e",  # ҽ cyrillic small letter abkhasian che
    "\u050c": "G",  # Ԍ cyrillic capital letter komi sje
    "\u054d": "U",  # Ս armenian capital letter seh
    "\u054f": "S",  # Տ armenian capital letter tiwn
    "\u0555": "O",  # Օ armenian capital letter oh
    "\u0561": "w",  # ա armenian small letter ayb
    "\u0563": "q",  # գ armenian small letter gim
    "\u0566": "q",  # զ armenian small letter za
    "\u0570": "h",  # հ armenian small letter ho
    "\u0578": "n",  # ո armenian small letter vo
    "\u057c": "n",  # ռ armenian small letter ra
    "\u057d": "u",  # ս armenian small letter seh
    "\u0581": "g",  # ց armenian small letter co
    "\u0584": "f",  # ք armenian small letter keh
    "\u0585": "o",  # օ armenian small letter oh
    "\u0b20": "O",  # ଠ oriya letter ttha
    "\u0d20": "o",  # ഠ malayalam letter ttha
    "\u101d": "o",  # ဝ myanmar letter wa
    "\u10e7": "y",  # ყ georgian letter qar
    "\u10ff": "o",  # ჿ georgian letter labial sign
    "\u1200": "U",  # ሀ ethiopic syllable ha
    "\u12d0": "O",  # ዐ ethiopic syllable pharyngeal a
    "\u13a5": "i",  # Ꭵ cherokee letter v
    "\u13a9": "Y",  # Ꭹ cherokee letter gi
    "\u13c2": "h",  # Ꮒ cherokee letter ni
    "\u13cf": "b",  # Ꮟ cherokee letter si
    "\u13e7": "d",  # Ꮷ cherokee letter tsu
    "\u13f3": "G",  # Ᏻ cherokee letter yu
    "\u146f": "d",  # ᑯ canadian syllabics ko
    "\u1472": "b",  # ᑲ canadian syllabics ka
    "\u1541": "x",  # ᕁ canadian syllabics sayisi yi
    "\u157d": "x",  # ᕽ canadian syllabics hk
    "\u15af": "b",  # ᖯ canadian syllabics aivilik b
    "\u15c5": "A",  # ᗅ canadian syllabics carrier gho
    "\u15de": "D",  # ᗞ canadian syllabics carrier the
    "\u16b7": "X",  # ᚷ runic letter gebo gyfu g
    "\u16c1": "l",  # ᛁ runic letter isaz is iss i
    "\u16d5": "K",  # ᛕ runic letter open-p
    "\u16d6": "M",  # ᛖ runic letter ehwaz eh e
    "\u1d11": "o",  # ᴑ latin small letter sideways o
    "\u1d26": "r",  # ᴦ greek letter small capital gamma
    "\u1d83": "g",  # ᶃ latin small letter g with palatal hook
    "\u1d8c": "y",  # ᶌ latin small letter v with palatal hook
    "\u1e9d": "f",  # ẝ latin small letter long s with high stroke
    "\u1eff": "y",  # ỿ latin small letter y with loop
    "\u2c85": "r",  # ⲅ coptic small letter gamma
    "\u2c8e": "H",  # Ⲏ coptic capital letter hate
    "\u2c92": "l",  # Ⲓ coptic capital letter iauda
    "\u2c94": "K",  # Ⲕ coptic capital letter kapa
    "\u2c98": "M",  # Ⲙ coptic capital letter mi
    "\u2c9a": "N",  # Ⲛ coptic capital letter ni
    "\u2c9e": "O",  # Ⲟ coptic capital letter o
    "\u2c9f": "o",  # ⲟ coptic small letter o
    "\u2ca2": "P",  # Ⲣ coptic capital letter ro
    "\u2ca3": "p",  # ⲣ coptic small letter ro
    "\u2ca4": "C",  # Ⲥ coptic capital letter sima
    "\u2ca5": "c",  # ⲥ coptic small letter sima
    "\u2ca6": "T",  # Ⲧ coptic capital letter tau
    "\u2ca8": "Y",  # Ⲩ coptic capital letter ua
    "\u2cac": "X",  # Ⲭ coptic capital letter khi
    "\u2cd0": "L",  # Ⳑ coptic capital letter l-shaped ha
    "\u2d38": "V",  # ⴸ tifinagh letter yadh
    "\u2d39": "E",  # ⴹ tifinagh letter yadd
    "\u2d4f": "l",  # ⵏ tifinagh letter yan
    "\u2d54": "O",  # ⵔ tifinagh letter yar
    "\u2d55": "Q",  # ⵕ tifinagh letter yarr
    "\u2d5d": "X",  # ⵝ tifinagh letter yath
    "\ua4d0": "B",  # ꓐ lisu letter ba
    "\ua4d1": "P",  # ꓑ lisu letter pa
    "\ua4d2": "d",  # ꓒ lisu letter pha
    "\ua4d3": "D",  # ꓓ lisu letter da
    "\ua4d4": "T",  # ꓔ lisu letter ta
    "\ua4d6": "G",  # ꓖ lisu letter ga
    "\ua4d7": "K",  # ꓗ lisu letter ka
    "\ua4d9": "J",  # ꓙ lisu letter ja
    "\ua4da": "C",  # ꓚ lisu letter ca
    "\ua4dc": "Z",  # ꓜ lisu letter dza
    "\ua4dd": "F",  # ꓝ lisu letter tsa
    "\ua4df": "M",  # ꓟ lisu letter ma
    "\ua4e0": "N",  # ꓠ lisu letter na
    "\ua4e1": "L",  # ꓡ lisu letter la
    "\ua4e2": "S",  # ꓢ lisu letter sa
    "\ua4e3": "R",  # ꓣ lisu letter zha
    "\ua4e6": "V",  # ꓦ lisu letter ha
    "\ua4e7": "H",  # ꓧ lisu letter xa
    "\ua4ea": "W",  # ꓪ lisu letter wa
    "\ua4eb": "X",  # ꓫ lisu letter sha
    "\ua4ec": "Y",  # ꓬ lisu letter ya
    "\ua4ee": "A",  # ꓮ lisu letter a
    "\ua4f0": "E",  # ꓰ lisu letter e
    "\ua4f2": "l",  # ꓲ lisu letter i
    "\ua4f3": "O",  # ꓳ lisu letter o
    "\ua4f4": "U",  # ꓴ lisu letter u
    "\ua647": "i",  # ꙇ cyrillic small letter iota
    "\ua6df": "V",  # ꛟ bamum letter ko
    "\ua798": "F",  # Ꞙ latin capital letter f with stroke
    "\ua799": "f",  # ꞙ latin small letter f with stroke
    "\ua79f": "u",  # ꞟ latin small letter volapuk ue
    "\ua7b2": "J",  # Ʝ latin capital letter j with crossed-tail
    "\ua7b3": "X",  # Ꭓ latin capital letter chi
    "\ua7b4": "B",  # Ꞵ latin capital letter beta
    "\uab32": "e",  # ꬲ latin small letter blackletter e
    "\uab35": "f",  # ꬵ latin small letter lenis f
    "\uab3d": "o",  # ꬽ latin small letter blackletter o
    "\uab47": "r",  # ꭇ latin small letter r without handle
    "\uab48": "r",  # ꭈ latin small letter double r
    "\uab4e": "u",  # ꭎ latin small letter u with short right leg
    "\uab52": "u",  # ꭒ latin small letter u with left hook
    "\uab5a": "y",  # ꭚ latin small letter y with short right leg
    "\uab75": "i",  # ꭵ cherokee small letter v
    "\uab81": "r",  # ꮁ cherokee small letter hu
    "\U00010282": "B",  # 𐊂 lycian letter b
    "\U00010286": "E",  # 𐊆 lycian letter i
    "\U00010287": "F",  # 𐊇 lycian letter w
    "\U0001028a": "l",  # 𐊊 lycian letter j
    "\U00010290": "X",  # 𐊐 lycian letter mm
    "\U00010292": "O",  # 𐊒 lycian letter u
    "\U00010295": "P",  # 𐊕 lycian letter r
    "\U00010296": "S",  # 𐊖 lycian letter s
    "\U00010297": "T",  # 𐊗 lycian letter t
    "\U000102a0": "A",  # 𐊠 carian letter a
    "\U000102a1": "B",  # 𐊡 carian letter p2
    "\U000102a2": "C",  # 𐊢 carian letter d
    "\U000102a5": "F",  # 𐊥 carian letter r
    "\U000102ab": "O",  # 𐊫 carian letter o
    "\U000102b0": "M",  # 𐊰 carian letter s
    "\U000102b1": "T",  # 𐊱 carian letter c-18
    "\U000102b2": "Y",  # 𐊲 carian letter u
    "\U000102b4": "X",  # 𐊴 carian letter x
    "\U000102cf": "H",  # 𐋏 carian letter e2
    "\U00010301": "B",  # 𐌁 old italic letter be
    "\U00010302": "C",  # 𐌂 old italic letter ke
    "\U00010309": "l",  # 𐌉 old italic letter i
    "\U00010311": "M",  # 𐌑 old italic letter she
    "\U00010315": "T",  # 𐌕 old italic letter te
    "\U00010317": "X",  # 𐌗 old italic letter eks
    "\U00010404": "O",  # 𐐄 deseret capital letter long o
    "\U00010415": "C",  # 𐐕 deseret capital letter chee
    "\U0001041b": "L",  # 𐐛 deseret capital letter eth
    "\U00010420": "S",  # 𐐠 deseret capital letter zhee
    "\U0001042c": "o",  # 𐐬 deseret small letter long o
    "\U0001043d": "c",  # 𐐽 deseret small letter chee
    "\U00010448": "s",  # 𐑈 deseret small letter zhee
    "\U000104b4": "R",  # 𐒴 osage capital letter bra
    "\U000104c2": "O",  # 𐓂 osage capital letter o
    "\U000104ce": "U",  # 𐓎 osage capital letter u
    "\U000104ea": "o",  # 𐓪 osage small letter o
    "\U000104f6": "u",  # 𐓶 osage small letter u
    "\U00010513": "N",  # 𐔓 elbasan letter ne
    "\U00010516": "O",  # 𐔖 elbasan letter o
    "\U00010518": "K",  # 𐔘 elbasan letter qe
    "\U0001051c": "C",  # 𐔜 elbasan letter she
    "\U0001051d": "V",  # 𐔝 elbasan letter te
    "\U00010525": "F",  # 𐔥 elbasan letter ghe
    "\U00010526": "L",  # 𐔦 elbasan letter ghamma
    "\U00010527": "X",  # 𐔧 elbasan letter khe
    "\U00011706": "v",  # 𑜆 ahom letter pa
    "\U0001170a": "w",  # 𑜊 ahom letter ja
    "\U0001170e": "w",  # 𑜎 ahom letter la
    "\U0001170f": "w",  # 𑜏 ahom letter sa
    "\U000118a0": "V",  # 𑢠 warang citi capital letter ngaa
    "\U000118a2": "F",  # 𑢢 warang citi capital letter wi
    "\U000118a3": "L",  # 𑢣 warang citi capital letter yu
    "\U000118a4": "Y",  # 𑢤 warang citi capital letter ya
    "\U000118a6": "E",  # 𑢦 warang citi capital letter ii
    "\U000118a9": "Z",  # 𑢩 warang citi capital letter o
    "\U000118ae": "E",  # 𑢮 warang citi capital letter yuj
    "\U000118b2": "L",  # 𑢲 warang citi capital letter tte
    "\U000118b5": "O",  # 𑢵 warang citi capital letter at
    "\U000118b8": "U",  # 𑢸 warang citi capital letter pu
    "\U000118bc": "T",  # 𑢼 warang citi capital letter har
    "\U000118c0": "v",  # 𑣀 warang citi small letter ngaa
    "\U000118c1": "s",  # 𑣁 warang citi small letter a
    "\U000118c2": "F",  # 𑣂 warang citi small letter wi
    "\U000118c3": "i",  # 𑣃 warang citi small letter yu
    "\U000118c4": "z",  # 𑣄 warang citi small letter ya
    "\U000118c8": "o",  # 𑣈 warang citi small letter e
    "\U000118d7": "o",  # 𑣗 warang citi small letter bu
    "\U000118d8": "u",  # 𑣘 warang citi small letter pu
    "\U000118dc": "y",  # 𑣜 warang citi small letter har
    "\U00016f08": "V",  # 𖼈 miao letter va
    "\U00016f0a": "T",  # 𖼊 miao letter ta
    "\U00016f16": "L",  # 𖼖 miao letter la
    "\U00016f28": "l",  # 𖼨 miao letter gha
    "\U00016f35": "R",  # 𖼵 miao letter zha
    "\U00016f3a": "S",  # 𖼺 miao letter sa
    "\U00016f40": "A",  # 𖽀 miao letter zzya
    "\U00016f42": "U",  # 𖽂 miao letter wa
    "\U00016f43": "Y",  # 𖽃 miao letter ah
}
