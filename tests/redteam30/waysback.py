"""Ways back, written the way 2026 DM spammers write them. Each style: (kind, name, fn(ident, rng) -> str)."""
import string

FIRST = ["kat", "lena", "mia", "jess", "ava", "nina", "sofia", "chloe", "ruby", "tina", "max", "leo",
         "david", "kevin", "alex", "sam", "mark", "emma", "lily", "zoe", "amber", "bella", "cindy", "dana"]
TAIL = ["x22", "_vip", "0fficial", "_fx", ".trades", "babyy", "_92", "xo", "_help", "desk", "_777", "mgr", "_real"]
DOMWORDS = ["luxbox", "quickparcel", "cryptomint", "fastloan", "verifyhub", "prizedrop", "jobsnow", "signalpro",
            "hotpics", "secure-acct", "gift4u", "helpdesk", "yieldfarm", "parcelpoint", "lovechat", "cashflow"]
TLDS = ["com", "net", "xyz", "top", "club", "co.uk", "io", "app", "live", "site", "online", "vip", "cc", "me", "info"]
COUNTRIES = ["US", "UK", "IN", "NG", "PH", "DE", "FR", "AU", "ZA", "BR", "PK", "KE"]


def make_ident(rng):
    f = rng.choice(FIRST)
    handle = f + rng.choice(TAIL) + str(rng.randint(1, 99)) if rng.random() < 0.5 else f + rng.choice(TAIL)
    dom = rng.choice(DOMWORDS) + str(rng.randint(1, 999))
    tld = rng.choice(TLDS)
    country = rng.choice(COUNTRIES)
    digits = {"US": "1" + str(rng.randint(201, 989)) + str(rng.randint(2000000, 9999999)),
              "UK": "447" + str(rng.randint(100000000, 999999999)),
              "IN": "91" + str(rng.randint(7000000000, 9999999999)),
              "NG": "234" + rng.choice(["803", "806", "813", "903"]) + str(rng.randint(1000000, 9999999)),
              "PH": "63" + "9" + str(rng.randint(100000000, 999999999)),
              "DE": "49" + "15" + str(rng.randint(100000000, 999999999)),
              "FR": "33" + rng.choice("67") + str(rng.randint(10000000, 99999999)),
              "AU": "61" + "4" + str(rng.randint(10000000, 99999999)),
              "ZA": "27" + rng.choice("678") + str(rng.randint(10000000, 99999999)),
              "BR": "55" + "11" + "9" + str(rng.randint(10000000, 99999999)),
              "PK": "92" + "3" + str(rng.randint(100000000, 999999999)),
              "KE": "254" + "7" + str(rng.randint(10000000, 99999999))}[country]
    wallet_btc = "bc1q" + "".join(rng.choice("023456789acdefghjklmnpqrstuvwxyz") for _ in range(38))
    wallet_eth = "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
    wallet_trx = "T" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(33))
    short = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(6))
    keyword = rng.choice(["YES", "GO", "WIN", "PICS", "JOB", "LOAN", "CLAIM", "START", "VIP", "1"])
    return dict(name=f.capitalize(), handle=handle, dom=dom, tld=tld, country=country, digits=digits,
                btc=wallet_btc, eth=wallet_eth, trx=wallet_trx, short=short, keyword=keyword,
                mail=rng.choice(["gmail", "outlook", "proton", "yahoo", "icloud", "hotmail"]))


# ---------- phone spellings ----------
def _national(d, country):
    if country == "US":
        n = d[1:]
        return f"({n[:3]}) {n[3:6]}-{n[6:]}"
    if country == "UK":
        n = "0" + d[2:]
        return f"{n[:5]} {n[5:]}"
    if country == "IN":
        n = d[2:]
        return f"{n[:5]} {n[5:]}"
    if country == "NG":
        n = "0" + d[3:]
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    if country == "PH":
        n = "0" + d[2:]
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    if country == "DE":
        n = "0" + d[2:]
        return f"{n[:4]} {n[4:]}"
    if country == "FR":
        n = "0" + d[2:]
        return " ".join(n[i:i + 2] for i in range(0, 10, 2))
    if country == "AU":
        n = "0" + d[2:]
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    if country == "ZA":
        n = "0" + d[2:]
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if country == "BR":
        n = d[2:]
        return f"({n[:2]}) {n[2:7]}-{n[7:]}"
    if country == "PK":
        n = "0" + d[2:]
        return f"{n[:4]}-{n[4:]}"
    n = "0" + d[3:]
    return f"{n[:4]} {n[4:]}"


WORDS_EN = "zero one two three four five six seven eight nine".split()
WORDS_ES = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()
EMOJI_D = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]
FULLW = "０１２３４５６７８９"
ARABIC = "٠١٢٣٤٥٦٧٨٩"
DEVA = "०१२३४५६७८९"
MATHB = "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"
CIRC = "⓪①②③④⑤⑥⑦⑧⑨"
LEET_D = {"0": "O", "1": "l", "5": "S", "8": "B"}

PHONE = [
    ("phone", "intl_plus", lambda i, r: "+" + i["digits"]),
    ("phone", "national", lambda i, r: _national(i["digits"], i["country"])),
    ("phone", "intl_spaced", lambda i, r: "+" + i["digits"][:2] + " " + " ".join(i["digits"][2:][k:k + 3] for k in range(0, len(i["digits"]) - 2, 3))),
    ("phone", "dots", lambda i, r: ".".join(i["digits"][k:k + 3] for k in range(0, len(i["digits"]), 3))),
    ("phone", "dashes", lambda i, r: "-".join(i["digits"][k:k + 4] for k in range(0, len(i["digits"]), 4))),
    ("phone", "double00", lambda i, r: "00" + i["digits"]),
    ("phone", "every_digit_spaced", lambda i, r: " ".join(i["digits"])),
    ("phone", "o_for_zero", lambda i, r: "+" + i["digits"].replace("0", "O")),
    ("phone", "leet_digits", lambda i, r: "".join(LEET_D.get(c, c) for c in i["digits"])),
    ("phone", "words_en", lambda i, r: " ".join(WORDS_EN[int(c)] for c in i["digits"])),
    ("phone", "words_es", lambda i, r: " ".join(WORDS_ES[int(c)] for c in i["digits"])),
    ("phone", "mixed_words_digits", lambda i, r: "".join(WORDS_EN[int(c)] if k % 3 == 0 else c for k, c in enumerate(i["digits"]))),
    ("phone", "emoji_digits", lambda i, r: "".join(EMOJI_D[int(c)] for c in i["digits"])),
    ("phone", "fullwidth", lambda i, r: "".join(FULLW[int(c)] for c in i["digits"])),
    ("phone", "arabic_indic", lambda i, r: "".join(ARABIC[int(c)] for c in i["digits"])),
    ("phone", "devanagari", lambda i, r: "".join(DEVA[int(c)] for c in i["digits"])),
    ("phone", "math_bold", lambda i, r: "".join(MATHB[int(c)] for c in i["digits"])),
    ("phone", "circled", lambda i, r: "".join(CIRC[int(c)] for c in i["digits"])),
    ("phone", "split_slash", lambda i, r: i["digits"][:5] + " / " + i["digits"][5:]),
    ("phone", "split_and", lambda i, r: "starts " + i["digits"][:5] + " and ends " + i["digits"][5:]),
    ("phone", "reversed", lambda i, r: i["digits"][::-1] + " (read it backwards)"),
    ("phone", "wa_plus_digits", lambda i, r: "wa " + i["digits"]),
    ("phone", "tel_prefix", lambda i, r: "tel:" + i["digits"]),
    ("phone", "x_separators", lambda i, r: "x".join(i["digits"][k:k + 3] for k in range(0, len(i["digits"]), 3))),
    ("phone", "emoji_between", lambda i, r: "📞".join(i["digits"][k:k + 4] for k in range(0, len(i["digits"]), 4))),
    ("phone", "zero_width", lambda i, r: "\u200b".join(i["digits"])),
    ("phone", "plus_words_prefix", lambda i, r: "plus " + i["digits"][:2] + " then " + i["digits"][2:]),
    ("phone", "half_in_words", lambda i, r: i["digits"][:6] + " " + " ".join(WORDS_EN[int(c)] for c in i["digits"][6:])),
    ("phone", "roman_like", lambda i, r: " ".join({"0": "O", "1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI", "7": "VII", "8": "VIII", "9": "IX"}[c] for c in i["digits"])),
    ("phone", "pairs_words", lambda i, r: " ".join(i["digits"][k:k + 2] for k in range(0, len(i["digits"]), 2)) + " no spaces"),
]

# ---------- apps ----------
def H(i): return i["handle"]
APP = [
    ("app", "whatsapp_full", lambda i, r: f"WhatsApp me +{i['digits']}"),
    ("app", "wa_handle", lambda i, r: f"wa: {H(i)}"),
    ("app", "whatsap_typo", lambda i, r: f"watsap {i['digits'][-10:]}"),
    ("app", "green_app", lambda i, r: f"the green app 📗 {i['digits'][-10:]}"),
    ("app", "telegram_at", lambda i, r: f"Telegram @{H(i)}"),
    ("app", "tg_colon", lambda i, r: f"tg: {H(i)}"),
    ("app", "tele_gram_split", lambda i, r: f"tele gram {H(i)}"),
    ("app", "blue_plane", lambda i, r: f"✈️ app, user {H(i)}"),
    ("app", "tme_link", lambda i, r: f"t.me/{H(i)}"),
    ("app", "tme_spaced", lambda i, r: f"t . me / {H(i)}"),
    ("app", "tme_slash_word", lambda i, r: f"t me slash {H(i)}"),
    ("app", "snap_add", lambda i, r: f"add my snap {H(i)}"),
    ("app", "sc_abbrev", lambda i, r: f"sc {H(i)}"),
    ("app", "ghost_emoji", lambda i, r: f"👻 {H(i)}"),
    ("app", "snapchat_colon", lambda i, r: f"Snapchat: {H(i)}"),
    ("app", "ig_at", lambda i, r: f"ig @{H(i)}"),
    ("app", "insta", lambda i, r: f"insta is {H(i)}"),
    ("app", "the_gram", lambda i, r: f"on the gram as {H(i)}"),
    ("app", "camera_emoji", lambda i, r: f"📸 {H(i)}"),
    ("app", "kik", lambda i, r: f"kik me {H(i)}"),
    ("app", "kik_caps", lambda i, r: f"KlK: {H(i)}"),
    ("app", "signal", lambda i, r: f"Signal {H(i)}.{r.randint(10, 99)}"),
    ("app", "discord_tag", lambda i, r: f"discord {H(i)}#{r.randint(1000, 9999)}"),
    ("app", "dc_abbrev", lambda i, r: f"dc: {H(i)}"),
    ("app", "discord_invite", lambda i, r: f"discord.gg/{i['short']}"),
    ("app", "onlyfans", lambda i, r: f"OnlyFans {H(i)}"),
    ("app", "of_abbrev", lambda i, r: f"my 0F: {H(i)}"),
    ("app", "fan_site", lambda i, r: f"my 🔥 fan page, same name {H(i)}"),
    ("app", "fansly", lambda i, r: f"fansly {H(i)}"),
    ("app", "wechat", lambda i, r: f"WeChat ID {H(i)}"),
    ("app", "line_id", lambda i, r: f"LINE id: {H(i)}"),
    ("app", "viber", lambda i, r: f"viber {i['digits'][-10:]}"),
    ("app", "cashapp_tag", lambda i, r: f"cashapp ${H(i)}"),
    ("app", "tiktok", lambda i, r: f"tt @{H(i)}"),
    ("app", "same_name_other", lambda i, r: "same username on the yellow app 💛"),
    ("app", "handle_only_add", lambda i, r: f"add {H(i)}"),
    ("app", "handle_leet", lambda i, r: f"sn@p: {H(i).replace('a', '4').replace('e', '3')}"),
    ("app", "handle_spaced", lambda i, r: "tg " + " ".join(H(i))),
    ("app", "handle_cyrillic", lambda i, r: "теlеgrаm " + H(i).replace("a", "а").replace("e", "е")),
    ("app", "app_emoji_mix", lambda i, r: f"hmu on 💬✈️ → {H(i)}"),
]

# ---------- urls ----------
def D(i): return f"{i['dom']}.{i['tld']}"
URL = [
    ("url", "https", lambda i, r: f"https://{D(i)}/{i['short']}"),
    ("url", "bare_domain", lambda i, r: D(i)),
    ("url", "www", lambda i, r: f"www.{D(i)}"),
    ("url", "bitly", lambda i, r: f"bit.ly/{i['short']}"),
    ("url", "tinyurl", lambda i, r: f"tinyurl.com/{i['short'].lower()}"),
    ("url", "cutt_ly", lambda i, r: f"cutt.ly/{i['short']}"),
    ("url", "is_gd", lambda i, r: f"is.gd/{i['short']}"),
    ("url", "linktree", lambda i, r: f"linktr.ee/{H(i)}"),
    ("url", "wa_me", lambda i, r: f"wa.me/{i['digits']}"),
    ("url", "dot_word", lambda i, r: f"{i['dom']} dot {i['tld'].replace('.', ' dot ')}"),
    ("url", "dawt", lambda i, r: f"{i['dom']} dawt {i['tld'].split('.')[0]}"),
    ("url", "brackets", lambda i, r: f"{i['dom']}[.]{i['tld']}"),
    ("url", "parens", lambda i, r: f"{i['dom']}(.){i['tld']}"),
    ("url", "space_dot_space", lambda i, r: f"{i['dom']} . {i['tld']}"),
    ("url", "space_for_dot", lambda i, r: f"{i['dom']} {i['tld'].replace('.', ' ')}"),
    ("url", "comma_for_dot", lambda i, r: f"{i['dom']},{i['tld']}"),
    ("url", "hxxps", lambda i, r: f"hxxps://{i['dom']}[.]{i['tld']}"),
    ("url", "spaced_letters", lambda i, r: " ".join(i["dom"][:8]) + " . " + i["tld"]),
    ("url", "dot_emoji", lambda i, r: f"{i['dom']}🔴{i['tld']}"),
    ("url", "fullwidth_dot", lambda i, r: f"{i['dom']}．{i['tld']}"),
    ("url", "no_tld_hint", lambda i, r: f"{i['dom']} (the .{i['tld']} one)"),
    ("url", "remove_spaces", lambda i, r: f"{i['dom'][:4]} {i['dom'][4:]} . {i['tld']} (remove spaces)"),
    ("url", "ip_addr", lambda i, r: f"http://{r.randint(11,223)}.{r.randint(0,255)}.{r.randint(0,255)}.{r.randint(1,254)}/{i['short']}"),
    ("url", "google_sites", lambda i, r: f"sites.google.com/view/{i['dom']}"),
    ("url", "ipfs_like", lambda i, r: f"{i['dom']}.pages.dev"),
    ("url", "punycode", lambda i, r: f"xn--{i['dom'][:6]}-{i['short'].lower()}.com"),
    ("url", "slash_dot", lambda i, r: f"{i['dom']} slash dot {i['tld'].split('.')[0]}"),
    ("url", "at_dot_com", lambda i, r: f"{i['dom']}•{i['tld']}"),
    ("url", "capital_dot", lambda i, r: f"{i['dom'].upper()}DOT{i['tld'].split('.')[0].upper()}"),
    ("url", "typo_tld", lambda i, r: f"{i['dom']}.c0m"),
]

# ---------- email ----------
EMAIL = [
    ("email", "plain", lambda i, r: f"{H(i)}@{i['mail']}.com"),
    ("email", "at_word", lambda i, r: f"{H(i)} at {i['mail']}"),
    ("email", "at_parens", lambda i, r: f"{H(i)}(at){i['mail']}(dot)com"),
    ("email", "at_brackets", lambda i, r: f"{H(i)} [at] {i['mail']} [dot] com"),
    ("email", "gmail_no_at", lambda i, r: f"{H(i)} gmail"),
    ("email", "email_me", lambda i, r: f"email {H(i)} on {i['mail']}"),
    ("email", "proton", lambda i, r: f"{H(i)}@proton.me"),
    ("email", "at_emoji", lambda i, r: f"{H(i)}🌀{i['mail']}.com"),
]

# ---------- reply / profile / search / wallet / qr / other ----------
OTHER = [
    ("reply", "reply_kw", lambda i, r: f"reply {i['keyword']}"),
    ("reply", "text_kw_short", lambda i, r: f"txt {i['keyword']} to {r.randint(60000, 89999)}"),
    ("reply", "type_kw", lambda i, r: f"type {i['keyword'].lower()} below"),
    ("reply", "say_kw", lambda i, r: f"just say '{i['keyword'].lower()}' and I'll send it"),
    ("reply", "reply_here", lambda i, r: "answer me here and I'll explain"),
    ("reply", "dm_back", lambda i, r: "dm me back 😘"),
    ("reply", "emoji_reply", lambda i, r: "send a 💜 if you want in"),
    ("reply", "reply_stop", lambda i, r: "reply STOP to opt out"),
    ("profile", "link_in_bio", lambda i, r: "link in bio"),
    ("profile", "check_profile", lambda i, r: "check my profile"),
    ("profile", "pfp", lambda i, r: "tap my pfp 👆"),
    ("profile", "pinned", lambda i, r: "see my pinned post"),
    ("profile", "bio_spelled", lambda i, r: "b i o has it"),
    ("profile", "story", lambda i, r: "it's in my story highlights"),
    ("profile", "my_page", lambda i, r: "everything's on my page"),
    ("profile", "lnk_n_b10", lambda i, r: "lnk n b10"),
    ("profile", "top_of_page", lambda i, r: "look at the top of my account ⬆️"),
    ("search", "search_tg", lambda i, r: f"search {H(i)} on tg"),
    ("search", "google_firm", lambda i, r: f"google '{i['dom']} reviews'"),
    ("search", "youtube", lambda i, r: f"look up {i['dom']} on youtube"),
    ("search", "app_store", lambda i, r: f"download '{i['dom'].capitalize()}' from the app store"),
    ("search", "username_backwards", lambda i, r: f"my @ backwards: {H(i)[::-1]}"),
    ("search", "find_ghost_app", lambda i, r: "find me on the ghost app, same name as here"),
    ("search", "search_group", lambda i, r: f"search '{i['dom']} VIP' group"),
    ("wallet", "btc", lambda i, r: f"BTC {i['btc']}"),
    ("wallet", "eth", lambda i, r: f"send ETH to {i['eth']}"),
    ("wallet", "usdt_trc20", lambda i, r: f"USDT (TRC20): {i['trx']}"),
    ("wallet", "btc_split", lambda i, r: f"wallet {i['btc'][:20]} {i['btc'][20:]}"),
    ("wallet", "ens", lambda i, r: f"{i['dom']}.eth"),
    ("wallet", "seed_prompt", lambda i, r: "connect ur wallet on my page to claim"),
    ("qr", "qr_story", lambda i, r: "scan the QR in my story"),
    ("qr", "qr_pinned", lambda i, r: "QR code is pinned on my page"),
    ("qr", "qr_pic", lambda i, r: "I'll send the qr pic, scan it"),
    ("qr", "qr_spelled", lambda i, r: "scan the q r in my pfp"),
    ("other", "call_me_name", lambda i, r: f"ask for {i['name']} at {i['dom'].capitalize()} support"),
    ("other", "number_in_name", lambda i, r: "my number is in my display name"),
    ("other", "digits_in_bio", lambda i, r: f"first digits {i['digits'][:4]}, rest in my bio"),
    ("other", "venmo", lambda i, r: f"venmo @{H(i)}"),
    ("other", "paypal_me", lambda i, r: f"paypal.me/{H(i)}"),
    ("other", "zelle_email", lambda i, r: f"zelle to {H(i)} at {i['mail']}"),
    ("other", "promo_code", lambda i, r: f"use code {i['short'].upper()} at checkout on my site"),
    ("other", "skype", lambda i, r: f"skype live:{H(i)}"),
    ("other", "threema", lambda i, r: f"threema {i['short'].upper()[:8]}"),
    ("other", "session_id", lambda i, r: "session id 05" + i["eth"][2:40]),
]

STYLES = PHONE + APP + URL + EMAIL + OTHER


def by_kind():
    out = {}
    for k, n, f in STYLES:
        out.setdefault(k, []).append((n, f))
    return out


def render(style, ident, rng):
    return style[2](ident, rng)
