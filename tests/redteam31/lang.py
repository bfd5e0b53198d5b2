"""Non-English DM spam families, ways back spelt locally, and ordinary talk (round 31, blind)."""
import re

# ---------------------------------------------------------------- numbers
WORDS = {
    "pt": "zero um dois três quatro cinco seis sete oito nove".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split(),
    "fr": "zéro un deux trois quatre cinq six sept huit neuf".split(),
    "hi": "shunya ek do teen char paanch chhe saat aath nau".split(),
    "id": "nol satu dua tiga empat lima enam tujuh delapan sembilan".split(),
    "pcm": "o one two tree four five six seven eight nine".split(),
    "tl": "zero isa dalawa tatlo apat lima anim pito walo siyam".split(),
    "ar": "صفر واحد اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة".split(),
    "arz": "sifr wa7ed etneen talata arba3a khamsa setta sab3a tamanya tes3a".split(),
    "ru": "ноль один два три четыре пять шесть семь восемь девять".split(),
    "rut": "nol odin dva tri chetyre pyat shest sem vosem devyat".split(),
    "tr": "sıfır bir iki üç dört beş altı yedi sekiz dokuz".split(),
    "de": "null eins zwei drei vier fünf sechs sieben acht neun".split(),
}
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
DEVA_DIGITS = "०१२३४५६७८९"


def words(digits, lang, sep=" "):
    return sep.join(WORDS[lang][int(c)] for c in digits)


def ar_digits(s):
    return "".join(AR_DIGITS[int(c)] if c.isdigit() else c for c in s)


def deva_digits(s):
    return "".join(DEVA_DIGITS[int(c)] if c.isdigit() else c for c in s)


def rd(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def make_ident(rng, country):
    """A sender's number (national significant digits) and handles."""
    if country == "br":
        num = rng.choice(["11", "21", "31", "41", "85"]) + "9" + rd(rng, 8)
    elif country == "mx":
        num = rng.choice(["55", "33", "81"]) + rd(rng, 8)
    elif country == "co":
        num = "3" + rng.choice(["00", "10", "15", "20"]) + rd(rng, 7)
    elif country == "in":
        num = rng.choice("9876") + rd(rng, 9)
    elif country == "id":
        num = "8" + rng.choice(["12", "13", "21", "52", "77"]) + rd(rng, 8)
    elif country == "ng":
        num = rng.choice(["803", "806", "810", "813", "703", "906"]) + rd(rng, 7)
    elif country == "ph":
        num = "9" + rng.choice(["17", "18", "27", "56", "99"]) + rd(rng, 7)
    elif country == "sa":
        num = "5" + rd(rng, 8)
    elif country == "eg":
        num = "1" + rng.choice("0125") + rd(rng, 8)
    elif country == "ru":
        num = "9" + rd(rng, 9)
    elif country == "tr":
        num = "5" + rng.choice(["32", "33", "42", "05", "55"]) + rd(rng, 7)
    elif country == "de":
        num = "1" + rng.choice(["51", "52", "60", "70", "76"]) + rd(rng, 8)
    elif country == "fr":
        num = rng.choice("67") + rd(rng, 8)
    else:
        num = rd(rng, 10)
    syl = ["ga", "nho", "vip", "sor", "te", "luz", "max", "top", "bet", "win", "pro", "gold", "ku", "ra", "zi"]
    handle = "".join(rng.sample(syl, 3)) + str(rng.randint(1, 99))
    site = "".join(rng.sample(syl, 3)) + rng.choice(["", str(rng.randint(7, 999))])
    return {"num": num, "handle": handle, "site": site, "country": country}


CC = {"br": "55", "mx": "52", "co": "57", "in": "91", "id": "62", "ng": "234", "ph": "63",
      "sa": "966", "eg": "20", "ru": "7", "tr": "90", "de": "49", "fr": "33"}


def fmt_num(rng, ident, style=None):
    """The national/international format a spammer of that place writes."""
    n, c = ident["num"], ident["country"]
    styles = {
        "br": [lambda: f"({n[:2]}) {n[2:7]}-{n[7:]}", lambda: f"+55 {n[:2]} {n[2:7]}-{n[7:]}",
               lambda: f"{n[:2]} 9 {n[3:7]} {n[7:]}", lambda: f"{n[:2]}.{n[2:7]}.{n[7:]}"],
        "mx": [lambda: f"+52 {n[:2]} {n[2:6]} {n[6:]}", lambda: f"{n[:2]}-{n[2:6]}-{n[6:]}",
               lambda: f"({n[:2]}) {n[2:6]} {n[6:]}"],
        "co": [lambda: f"+57 {n[:3]} {n[3:6]} {n[6:]}", lambda: f"{n[:3]}-{n[3:6]}-{n[6:]}"],
        "in": [lambda: f"+91 {n[:5]} {n[5:]}", lambda: f"{n[:5]}-{n[5:]}", lambda: f"0{n[:5]} {n[5:]}"],
        "id": [lambda: f"0{n[:3]}-{n[3:7]}-{n[7:]}", lambda: f"+62 {n[:3]} {n[3:7]} {n[7:]}",
               lambda: f"0{n[:3]} {n[3:7]} {n[7:]}"],
        "ng": [lambda: f"0{n[:3]} {n[3:6]} {n[6:]}", lambda: f"+234 {n[:3]} {n[3:6]} {n[6:]}",
               lambda: f"0{n[:3]}-{n[3:6]}-{n[6:]}"],
        "ph": [lambda: f"0{n[:3]} {n[3:6]} {n[6:]}", lambda: f"+63 {n[:3]} {n[3:6]} {n[6:]}",
               lambda: f"0{n[:3]}-{n[3:6]}-{n[6:]}"],
        "sa": [lambda: f"0{n[:2]} {n[2:5]} {n[5:]}", lambda: f"+966 {n[:2]} {n[2:5]} {n[5:]}"],
        "eg": [lambda: f"0{n[:3]} {n[3:6]} {n[6:]}", lambda: f"+20 {n[:3]} {n[3:]}"],
        "ru": [lambda: f"+7 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}", lambda: f"8 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"],
        "tr": [lambda: f"0{n[:3]} {n[3:6]} {n[6:8]} {n[8:]}", lambda: f"+90 {n[:3]} {n[3:6]} {n[6:]}"],
        "de": [lambda: f"0{n[:3]} {n[3:]}", lambda: f"+49 {n[:3]} {n[3:]}", lambda: f"0{n[:3]}/{n[3:]}"],
        "fr": [lambda: "0" + n[0] + " " + " ".join(n[i:i + 2] for i in range(1, 9, 2)),
               lambda: f"+33 {n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}"],
    }[c]
    return styles[style % len(styles) if style is not None else rng.randrange(len(styles))]()


# ---------------------------------------------------------------- ways back per family kind
# Each entry: (kind, lambda rng, ident -> text). {N} = formatted number etc.
def wb_pt(rng, ident, k):
    n = ident["num"]
    opts = [
        ("zap-num", lambda: f"chama no zap {fmt_num(rng, ident)}"),
        ("wpp-num", lambda: f"wpp {fmt_num(rng, ident)}"),
        ("whats-num", lambda: f"me chama no whats {fmt_num(rng, ident)}"),
        ("zap-ddd", lambda: f"zap: ddd {n[:2]} e o resto é {n[2:7]} {n[7:]}"),
        ("zap-words", lambda: f"manda um oi no zap {words(n, 'pt')}"),
        ("link-bio", lambda: rng.choice(["link na bio", "o link tá na minha bio", "clica no link da bio", "link no meu perfil"])),
        ("keyword", lambda: rng.choice(["manda QUERO", "responde SIM que eu te explico", "comenta EU QUERO aqui", "digita QUERO"])),
        ("email-arroba", lambda: f"manda email pra {ident['handle']} arroba gmail ponto com"),
        ("site-ponto", lambda: f"acessa {ident['site']} ponto com ponto br"),
        ("wa-me", lambda: f"wa.me/55{n}"),
        ("wa-ponto-me", lambda: f"wa ponto me barra 55{n}"),
        ("tele-handle", lambda: f"me chama no tele: {ident['handle']}"),
        ("tlg-at", lambda: f"grupo no tlg @{ident['handle']}"),
        ("pix", lambda: f"pix {fmt_num(rng, ident)}"),
    ]
    return opts[k % len(opts)]


def wb_es(rng, ident, k):
    n = ident["num"]
    opts = [
        ("wpp-num", lambda: f"escríbeme al wpp {fmt_num(rng, ident)}"),
        ("whats-num", lambda: f"whats {fmt_num(rng, ident)}"),
        ("uatsap", lambda: f"mándame uatsap al {fmt_num(rng, ident)}"),
        ("wa-words", lambda: f"escríbeme al wa {words(n, 'es')}"),
        ("link-perfil", lambda: rng.choice(["enlace en mi perfil", "el link está en mi perfil", "link en la bio", "entra al enlace de mi perfil"])),
        ("keyword", lambda: rng.choice(["responde SI", "contesta SI y te explico", "escribe QUIERO", "manda la palabra INFO"])),
        ("email-arroba", lambda: f"info al correo {ident['handle']} arroba gmail punto com"),
        ("site-punto", lambda: f"entra a {ident['site']} punto com"),
        ("tele-handle", lambda: f"búscame en tele como {ident['handle']}"),
        ("wa-num-sep", lambda: f"wa {'-'.join(n[i:i+2] for i in range(0, len(n), 2))}"),
        ("dm", lambda: "mándame DM y te paso la info"),
    ]
    return opts[k % len(opts)]


def wb_fr(rng, ident, k):
    n = "0" + ident["num"]
    pairs = [n[i:i+2] for i in range(0, 10, 2)]
    FRN = {0: "zéro", 1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf"}
    opts = [
        ("wts-num", lambda: f"écris-moi sur wts au {fmt_num(rng, ident)}"),
        ("whatsapp-num", lambda: f"contact whatsapp {fmt_num(rng, ident)}"),
        ("fr-words", lambda: "appelle le " + " ".join(FRN[int(p[0])] + " " + FRN[int(p[1])] for p in pairs)),
        ("lien-bio", lambda: rng.choice(["lien dans ma bio", "le lien est dans mon profil", "clique sur le lien de ma bio"])),
        ("site-point", lambda: f"rendez-vous sur {ident['site']}-suivi point fr"),
        ("keyword", lambda: rng.choice(["répondez OUI", "tapez STOP pour ne plus recevoir, OUI pour confirmer"])),
        ("snap", lambda: f"ajoute moi sur snap {ident['handle']}"),
    ]
    return opts[k % len(opts)]


def wb_hi(rng, ident, k):
    n = ident["num"]
    opts = [
        ("dm-karo", lambda: rng.choice(["DM karo", "abhi DM karo bhai", "inbox karo details ke liye"])),
        ("wa-karo", lambda: f"whatsapp karo {fmt_num(rng, ident)}"),
        ("call-words", lambda: f"call karo {words(n, 'hi')}"),
        ("link-bio", lambda: rng.choice(["link bio me hai", "bio me link hai check karo", "profile me link dekho"])),
        ("reply", lambda: rng.choice(["reply HAAN", "HAAN likh ke bhejo", "type YES karo"])),
        ("num-plain", lambda: f"number {fmt_num(rng, ident)} pe msg karo"),
        ("deva-digits", lambda: f"whatsapp {deva_digits(fmt_num(rng, ident))}"),
        ("tele", lambda: f"telegram pe join karo @{ident['handle']}"),
    ]
    return opts[k % len(opts)]


def wb_id(rng, ident, k):
    n = "0" + ident["num"]
    opts = [
        ("hubungi-wa", lambda: f"hubungi wa {fmt_num(rng, ident)}"),
        ("wa-words", lambda: f"wa: {words(n, 'id')}"),
        ("ketik-ya", lambda: rng.choice(["ketik YA", "balas YA kak", "ketik MAU ya"])),
        ("link-bio", lambda: rng.choice(["link di bio", "cek link di bio ya kak", "klik link di profil"])),
        ("site-titik", lambda: f"daftar di {ident['site']} titik com"),
        ("site-dot-paren", lambda: f"daftar {ident['site']} (dot) vip"),
        ("tele-admin", lambda: f"chat admin tele @{ident['handle']}"),
        ("dm-aja", lambda: "dm aja kak"),
        ("wa-me", lambda: f"wa.me/62{ident['num']}"),
    ]
    return opts[k % len(opts)]


def wb_pcm(rng, ident, k):
    n = "0" + ident["num"]
    opts = [
        ("chat-wa", lambda: f"chat me for whatsapp {fmt_num(rng, ident)}"),
        ("holla", lambda: f"holla me on wa {fmt_num(rng, ident)}"),
        ("o-words", lambda: f"call dis number {words(n, 'pcm')}"),
        ("link-bio", lambda: rng.choice(["link dey my bio", "check my bio for di link"])),
        ("send-yes", lambda: rng.choice(["send YES make I explain", "reply YES"])),
        ("email", lambda: f"email {ident['handle']} at gmail dot com"),
    ]
    return opts[k % len(opts)]


def wb_tl(rng, ident, k):
    n = "0" + ident["num"]
    opts = [
        ("pm-mo", lambda: rng.choice(["pm mo ako", "pm lang po", "chat mo ko sis"])),
        ("text-num", lambda: f"text mo ko {fmt_num(rng, ident)}"),
        ("gcash", lambda: f"gcash {fmt_num(rng, ident)}"),
        ("viber", lambda: f"message mo ako sa viber {fmt_num(rng, ident)}"),
        ("link-bio", lambda: "link sa bio ko"),
        ("reply-oo", lambda: "reply OO kung interesado"),
        ("tl-words", lambda: f"tawag ka sa {words(n, 'tl')}"),
    ]
    return opts[k % len(opts)]


def wb_ar(rng, ident, k):
    n = "0" + ident["num"]
    opts = [
        ("ar-digits", lambda: f"واتساب {ar_digits(n)}"),
        ("ar-words", lambda: f"تواصل واتس {words(n, 'ar')}"),
        ("ar-bio", lambda: "الرابط في البايو"),
        ("arabizi-whats", lambda: f"kalemni 3al whats {fmt_num(rng, ident)}"),
        ("arabizi-words", lambda: f"3al whats {words(n, 'arz')}"),
        ("arabizi-bio", lambda: "el link fel bio"),
        ("ar-latin", lambda: f"تواصل معنا واتساب {fmt_num(rng, ident)}"),
    ]
    return opts[k % len(opts)]


def wb_ru(rng, ident, k):
    n = ident["num"]
    opts = [
        ("tg-at", lambda: f"пиши в тг @{ident['handle']}"),
        ("telega", lambda: f"телега: {ident['handle']}"),
        ("vatsap", lambda: f"ватсап {fmt_num(rng, ident)}"),
        ("ru-words", lambda: f"звони восемь {words(n, 'ru')}"),
        ("ru-bio", lambda: "ссылка в профиле"),
        ("translit-telega", lambda: f"pishi v telegu {ident['handle']}"),
        ("translit-words", lambda: f"zvoni {words(n, 'rut')}"),
        ("ru-site", lambda: f"сайт {ident['site']} точка ру"),
    ]
    return opts[k % len(opts)]


def wb_tr(rng, ident, k):
    n = "0" + ident["num"]
    opts = [
        ("wp-num", lambda: f"wp: {fmt_num(rng, ident)}"),
        ("tr-words", lambda: f"whatsapp {words(n, 'tr')}"),
        ("link-profil", lambda: rng.choice(["link profilde", "giriş linki profilimde"])),
        ("nokta-com", lambda: f"{ident['site']} nokta com"),
        ("evet", lambda: "EVET yaz"),
        ("tg", lambda: f"telegram kanalı @{ident['handle']}"),
    ]
    return opts[k % len(opts)]


def wb_de(rng, ident, k):
    n = "0" + ident["num"]
    opts = [
        ("wa-num", lambda: f"schreib mir auf WhatsApp {fmt_num(rng, ident)}"),
        ("de-words", lambda: f"ruf an: {words(n, 'de')}"),
        ("link-bio", lambda: "Link in Bio"),
        ("punkt-de", lambda: f"{ident['site']}-konto punkt de"),
        ("ja", lambda: "Antworte mit JA"),
        ("email", lambda: f"Mail an {ident['handle']} at web punkt de"),
    ]
    return opts[k % len(opts)]


WB = {"pt": wb_pt, "es": wb_es, "fr": wb_fr, "hi": wb_hi, "id": wb_id, "pcm": wb_pcm,
      "tl": wb_tl, "ar": wb_ar, "ru": wb_ru, "tr": wb_tr, "de": wb_de}
WB_N = {"pt": 14, "es": 11, "fr": 7, "hi": 8, "id": 9, "pcm": 6, "tl": 7, "ar": 7, "ru": 8, "tr": 6, "de": 6}

# ---------------------------------------------------------------- families
# bases use {wb} for the way back; syn: synonym sets (a word from a set replaced by another)
FAMILIES = {
    "pt_sinais": dict(lang="pt", country="br", bases=[
        "Sinais de cripto 100% certeiros todo dia, lucro de 300 reais por dia sem sair de casa. {wb}",
        "Quer ganhar dinheiro com trader? Meu grupo VIP de sinais fez 47 green seguidos essa semana. {wb}",
        "Investimento garantido: coloca 200 e saca 2000 em 24h, sem risco nenhum, vagas limitadas. {wb}",
        "Renda extra com apostas e cripto, estratégia que paga todo dia, só hoje entrada liberada. {wb}",
    ], syn=[["lucro", "ganho", "retorno"], ["dinheiro", "grana", "renda"], ["garantido", "certo", "seguro"],
            ["hoje", "agora", "nesse momento"], ["grupo", "canal", "time"], ["sinais", "calls", "entradas"],
            ["vagas", "lugares", "acessos"], ["todo dia", "diariamente", "sempre"]],
        fill=["olha", "gente", "sério", "confia", "bora", "oi tudo bem?", "não perde"], greet=["Oi {name}!", "Olá {name}, tudo bem?", "E aí {name}"],
        sign=["Att, Equipe Lucro", "Abraço, Rafa", "Mentor Lucas"]),
    "pt_premio": dict(lang="pt", country="br", bases=[
        "Parabéns! Seu número foi sorteado e você ganhou um iPhone 15 e 5 mil no pix. Pra resgatar {wb}",
        "Você foi selecionado no sorteio da loja, prêmio de 1500 reais esperando. Resgate até hoje: {wb}",
        "Cliente premiado! Seu CPF ganhou um vale de 800 reais, confirme os dados {wb}",
    ], syn=[["Parabéns", "Felicidades", "Que sorte"], ["sorteado", "escolhido", "selecionado"], ["prêmio", "brinde", "presente"],
            ["resgatar", "retirar", "receber"], ["hoje", "amanhã", "meia noite"]],
        fill=["urgente", "atenção", "não ignore", "última chance"], greet=["Oi {name}", "Prezado(a) {name}"], sign=["Equipe Sorteios", "Central de Prêmios"]),
    "es_trabajo": dict(lang="es", country="mx", bases=[
        "Trabajo desde casa, solo necesitas tu celular y 2 horas al día, ganas 500 pesos diarios. {wb}",
        "Buscamos personas para trabajar desde casa dando likes, pago diario de 300 a 1000 pesos. {wb}",
        "Empleo en línea sin experiencia, horario libre, ganancias de hasta 15 mil al mes. {wb}",
        "¿Quieres un ingreso extra? Vacantes disponibles para trabajo remoto, pago por día. {wb}",
    ], syn=[["trabajo", "empleo", "chamba"], ["casa", "tu hogar", "donde sea"], ["ganas", "recibes", "cobras"],
            ["diario", "por día", "cada día"], ["celular", "teléfono", "cel"], ["sin experiencia", "sin estudios", "fácil"],
            ["ingreso", "dinero", "lana"]],
        fill=["hola", "oye", "mira", "en serio", "aprovecha", "buen día"], greet=["Hola {name}", "Buenas {name}!", "Qué tal {name}"],
        sign=["Saludos, RH", "Atte. Reclutamiento", "Lic. Martínez"]),
    "es_prestamo": dict(lang="es", country="co", bases=[
        "Préstamos rápidos sin buró, aprobado en 10 minutos, hasta 20 mil sin aval. {wb}",
        "Crédito inmediato desde tu celular, sin papeleo, te depositamos hoy mismo. {wb}",
        "Necesitas dinero urgente? Te prestamos hasta 5 millones, cuotas bajas, sin fiador. {wb}",
    ], syn=[["Préstamos", "Créditos", "Prestamos"], ["rápidos", "inmediatos", "express"], ["sin buró", "sin historial", "aunque estés reportado"],
            ["hoy mismo", "en minutos", "al instante"]],
        fill=["hola", "atención", "oferta"], greet=["Hola {name}", "Estimado {name}"], sign=["Asesor Carlos", "Financiera Rápida"]),
    "es_romance": dict(lang="es", country="mx", bases=[
        "Hola guapo, vi tu perfil y me gustaste mucho, estoy sola esta noche, quieres ver mis fotos? {wb}",
        "Soy nueva aquí y busco alguien para platicar y algo más, tengo fotos privadas para ti. {wb}",
    ], syn=[["guapo", "bebé", "amor"], ["fotos", "videos", "contenido"], ["sola", "aburrida", "solita"]],
        fill=["jeje", "😘", "🔥", "hola"], greet=["Hola {name}", "Hey {name} 😘"], sign=["besos, Vale", "tu Dani"]),
    "fr_colis": dict(lang="fr", country="fr", bases=[
        "Votre colis est en attente, frais de livraison de 1,99 euros non payés. Reprogrammez la livraison: {wb}",
        "Chronopost: votre paquet n'a pas pu être livré, adresse incomplète. Confirmez vos informations {wb}",
        "Dernier avis: votre colis sera retourné sous 48h sans confirmation. {wb}",
    ], syn=[["colis", "paquet", "envoi"], ["livraison", "expédition", "remise"], ["confirmez", "validez", "mettez à jour"]],
        fill=["urgent", "important", "bonjour"], greet=["Bonjour {name},", "Cher client {name},"], sign=["Service Client", "La Poste"]),
    "hi_loan": dict(lang="hi", country="in", bases=[
        "Instant loan approve ho gaya hai aapka, 50000 tak bina CIBIL ke, 5 minute me account me. {wb}",
        "Ghar baithe kamao 2000 rupees roz, sirf mobile chahiye, part time job available. {wb}",
        "Aapka KBC lottery me 25 lakh ka inaam nikla hai, claim karne ke liye {wb}",
        "Online game khelo aur paise jeeto, first deposit pe 100% bonus, withdrawal turant. {wb}",
    ], syn=[["kamao", "kamaiye", "earning karo"], ["roz", "daily", "har din"], ["turant", "jaldi", "instant"],
            ["paise", "paisa", "cash"], ["inaam", "prize", "lottery"]],
        fill=["bhai", "sir", "jaldi karo", "limited offer", "namaste"], greet=["Namaste {name} ji", "Hello {name} bhai"], sign=["Team KBC", "Rahul, HR"]),
    "id_judi": dict(lang="id", country="id", bases=[
        "Slot gacor hari ini, deposit 25rb bisa WD jutaan, bonus new member 100%. {wb}",
        "Kerja online dari rumah, gaji 300rb per hari, cukup pakai hp, tanpa modal. {wb}",
        "Pinjaman online cair 5 menit tanpa jaminan, bunga rendah, proses mudah. {wb}",
        "Selamat! Anda pemenang undian berhadiah mobil, segera klaim hadiah anda {wb}",
    ], syn=[["gacor", "maxwin", "anti rungkad"], ["hari ini", "sekarang", "malam ini"], ["gaji", "penghasilan", "cuan"],
            ["tanpa modal", "gratis", "modal hp aja"], ["segera", "cepat", "buruan"]],
        fill=["kak", "gan", "bos", "buruan", "dijamin"], greet=["Halo kak {name}", "Hai {name}"], sign=["Admin", "CS 24 jam"]),
    "pcm_invest": dict(lang="pcm", country="ng", bases=[
        "Make your money work, invest 20k and collect 60k in 7 days, no wahala, e dey pay sharp sharp. {wb}",
        "Hello dear, I be US army general for Syria, I wan make we be friends, I get something to discuss. {wb}",
        "Una fit make 50k every week from your phone, na legit business, no be scam o. {wb}",
    ], syn=[["sharp sharp", "quick quick", "fast"], ["legit", "correct", "original"], ["money", "cash", "kudi"]],
        fill=["abeg", "my guy", "no dull yourself", "God bless"], greet=["Hello {name}", "How far {name}"], sign=["Mr Chidi", "Mama Blessing"]),
    "tl_raket": dict(lang="tl", country="ph", bases=[
        "Hiring! Online raket, kikita ka ng 1500 kada araw, cellphone lang kailangan, walang puhunan. {wb}",
        "Congrats po, nanalo kayo ng 50,000 pesos sa raffle, i-claim na bago mag expire. {wb}",
        "Legit na sabong online, may free 200 na bonus pag nag register ngayon. {wb}",
    ], syn=[["kikita", "kumita", "kita"], ["kada araw", "araw araw", "per day"], ["walang puhunan", "no capital", "libre"],
            ["ngayon", "today", "agad"]],
        fill=["sis", "bes", "po", "grabe", "sure ball"], greet=["Hi {name}!", "Hello po {name}"], sign=["Ate Joy", "HR Team"]),
    "ar_account": dict(lang="ar", country="sa", bases=[
        "عزيزي العميل تم إيقاف حسابك البنكي مؤقتا، لتحديث البيانات {wb}",
        "مبروك فزت بجائزة 10000 ريال في سحب الشهر، للاستلام {wb}",
        "mabrook ya {name} 3andak ja2eza 5000 riyal, 3ashan testalem {wb}",
    ], syn=[["مبروك", "تهانينا", "ألف مبروك"], ["حسابك", "حسابكم"], ["جائزة", "هدية"]],
        fill=["عاجل", "تنبيه", "hala"], greet=["مرحبا {name}", "اهلا {name}"], sign=["خدمة العملاء", "فريق الجوائز"]),
    "ru_zarabotok": dict(lang="ru", country="ru", bases=[
        "Удаленная работа, от 5000 рублей в день, без опыта, нужен только телефон. {wb}",
        "Инвестиции в крипту под 30% в неделю, вывод в любой момент, гарантия. {wb}",
        "Zarabotok ot 3000 v den bez vlozheniy, prosto stavish laiki. {wb}",
    ], syn=[["работа", "подработка", "заработок"], ["в день", "ежедневно", "каждый день"], ["гарантия", "без риска", "надежно"]],
        fill=["привет", "срочно", "смотри"], greet=["Привет {name}!", "Здравствуйте {name}"], sign=["Менеджер Анна", "Команда"]),
    "tr_bahis": dict(lang="tr", country="tr", bases=[
        "Deneme bonusu 500 TL, çevrimsiz, yatırımsız, hemen kazan. {wb}",
        "Evden çalış, günlük 1500 TL kazanç, sadece telefon yeterli. {wb}",
        "Tebrikler! Çekilişte iPhone kazandınız, hediyenizi almak için {wb}",
    ], syn=[["kazan", "kazanın", "para kazan"], ["hemen", "şimdi", "bugün"], ["hediyenizi", "ödülünüzü"]],
        fill=["merhaba", "fırsat", "kaçırma"], greet=["Merhaba {name}", "Selam {name}"], sign=["Destek Ekibi", "Ayşe"]),
    "de_konto": dict(lang="de", country="de", bases=[
        "Ihr Konto wurde vorübergehend gesperrt. Bitte bestätigen Sie Ihre Daten innerhalb von 24 Stunden: {wb}",
        "Glückwunsch, Sie haben ein Samsung Galaxy gewonnen! Gewinn abholen: {wb}",
        "Nebenjob von zu Hause, 300 Euro am Tag, keine Erfahrung nötig. {wb}",
    ], syn=[["gesperrt", "eingeschränkt", "blockiert"], ["bestätigen", "verifizieren", "aktualisieren"], ["Glückwunsch", "Herzlichen Glückwunsch"]],
        fill=["Hallo", "Wichtig", "Achtung"], greet=["Hallo {name}", "Liebe/r {name}"], sign=["Ihr Kundenservice", "Team Sicherheit"]),
}

# corpus spam translated by hand (SMS Spam Collection, round 31's own translations)
TRANSLATED = {
    "pt": ["Você ganhou um prêmio de 1000 reais garantido! Para resgatar ligue agora, válido só 12 horas. {wb}",
           "URGENTE! Seu celular ganhou um bônus de 2000 reais, reivindique já. {wb}"],
    "es": ["¡Felicidades! Ganaste un viaje a Cancún o 10 mil pesos. Para reclamar tu premio {wb}",
           "Entrada GRATIS a nuestro sorteo semanal para ganar la final de la Copa, solo envía {wb}"],
    "id": ["SELAMAT! Anda terpilih menerima hadiah 10 juta tunai, hubungi kami segera. {wb}",
           "Gratis! Masuk undian mingguan, menangkan tiket final piala dunia. {wb}"],
    "hi": ["Badhai ho! Aapne 1000 rupees ka guaranteed cash prize jeeta hai, claim karne ke liye {wb}",
           "Aapka mobile 11 mahine purana hai? Naya colour camera phone FREE me upgrade karo {wb}"],
    "fr": ["Félicitations! Vous avez gagné un bon de 1000 euros garanti. Pour le réclamer {wb}"],
    "tl": ["Panalo ka ng 1000 pesos na cash prize, guaranteed! I-claim mo na {wb}"],
    "tr": ["Tebrikler! 1000 TL nakit ödül kazandınız, almak için hemen {wb}"],
    "de": ["Sie haben 1000 Euro Bargeld garantiert gewonnen! Zum Abholen {wb}"],
}
for fam in FAMILIES.values():
    fam["bases"] = fam["bases"] + TRANSLATED.get(fam["lang"], [])[:1]

NAMES = ["Ana", "João", "Maria", "Pedro", "Lucas", "Camila", "José", "Luis", "Sofía", "Diego", "Valentina", "Priya",
         "Rahul", "Amit", "Sneha", "Budi", "Siti", "Dewi", "Agus", "Chinedu", "Ngozi", "Emeka", "Aisha", "Juan",
         "Maricel", "Jomar", "Ahmed", "Fatima", "Omar", "Dmitri", "Olga", "Ivan", "Mehmet", "Ayşe", "Emre", "Lukas",
         "Anna", "Jonas", "Chloé", "Julien", "Léa", "Kemal", "Yusuf", "Rizky", "Putri", "Joy", "Carlo"]

LEET = {"a": "4", "e": "3", "o": "0", "i": "1", "s": "5"}
LOOK = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"}
SPEAK = {"pt": {"você": "vc", "que": "q", "porque": "pq", "também": "tb", "beleza": "blz", "para": "pra", "não": "ñ"},
         "es": {"que": "q", "porque": "xq", "también": "tmb", "por favor": "xfa", "para": "pa"},
         "id": {"yang": "yg", "dengan": "dgn", "untuk": "utk", "tidak": "gk", "sudah": "udh"},
         "hi": {"hai": "h", "aap": "ap", "kya": "kya", "please": "pls"},
         "pcm": {"you": "u", "your": "ur", "for": "4", "to": "2"},
         "tl": {"po": "poh", "ako": "aq", "ikaw": "ikw"}}


def fold(rng, text, lang):
    out = text.replace("{wb}", "\x00").replace("{name}", "\x01")
    sp = SPEAK.get(lang, {})
    for a, b in sp.items():
        out = re.sub(r"\b" + re.escape(a) + r"\b", b, out)
    how = rng.choice(["leet", "look", "space", "case", "mix"])
    chars = list(out)
    for i, ch in enumerate(chars):
        r = rng.random()
        if how in ("leet", "mix") and ch in LEET and r < 0.3:
            chars[i] = LEET[ch]
        elif how in ("look", "mix") and ch in LOOK and r < 0.3:
            chars[i] = LOOK[ch]
        elif how == "case" and r < 0.3:
            chars[i] = ch.upper()
    out = "".join(chars)
    if how in ("space", "mix"):
        ws = out.split(" ")
        j = rng.randrange(len(ws))
        if len(ws[j]) > 3:
            ws[j] = " ".join(ws[j])
        out = " ".join(ws)
    return out.replace("\x00", "{wb}").replace("\x01", "{name}")


def spin(rng, text, fam):
    out = text
    for group in fam["syn"]:
        for w in group:
            if w in out:
                out = out.replace(w, rng.choice(group), 1)
                break
    sents = re.split(r"(?<=[.!?,])\s+", out)
    wb_tail = sents.pop() if "{wb}" in sents[-1] else None
    if len(sents) > 1 and rng.random() < 0.6:
        rng.shuffle(sents)
    if rng.random() < 0.8:
        sents.insert(rng.randrange(len(sents) + 1), rng.choice(fam["fill"]))
    if wb_tail:
        sents.append(wb_tail)
    return " ".join(sents)


def personalise(rng, text, fam, name):
    g = rng.choice(fam["greet"]).format(name=name)
    code = rng.choice(["cód", "ref", "ID", "#", "kode", "no."]) + " " + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2)) + str(rng.randint(100, 9999))
    s = rng.choice(fam["sign"])
    return f"{g} {text} {code} - {s}"


# ---------------------------------------------------------------- ordinary talk
HAM = {
    "pt": dict(chat=["oi {name}, tudo bem? bora almoçar amanhã?", "chego aí umas 19h, pode ser?", "kkkk verdade",
                     "comprei o tênis por 180 reais na promoção", "manda a foto do bolo depois", "vou de uber, uns 25 reais",
                     "o jogo é às 16h no maracanã", "baixei o app do banco novo, bem melhor", "tô no ônibus, chego em 10 min",
                     "minha mãe mandou um beijo", "amanhã tem prova de cálculo, socorro", "viu o vídeo que te mandei no zap?"],
               burst=["Feliz ano novo {name}! Muita saúde, paz e alegria em 2027 pra você e sua família 🎆",
                      "Feliz aniversário pra mim kkk obrigado {name} por sempre estar presente!",
                      "Feliz Natal {name}! Que esse dia seja cheio de amor e comida boa 🎄"],
               share=["meu número novo é {num}, salva aí", "troquei de chip, agora é {num} no zap", "me chama no zap {num} que é mais fácil"],
               group=["galera, churrasco sábado lá em casa, cada um leva uma coisa", "vamos marcar a viagem pra praia?"],
               seller=["Oi {name}! O bolo de pote sai 12 reais, entrego no bairro. Pix {num}", "Tem sim, tamanho M por 59,90. Me chama no zap {num} pra combinar a entrega"],
               ask=["oi, quanto custa o bolo de pote?", "ainda tem a camiseta tamanho M?", "vocês entregam no centro?"]),
    "es": dict(chat=["hola {name}, cómo estás? vamos al cine el viernes?", "llego como a las 8", "jajaja no manches",
                     "compré los tenis en 899 pesos en oferta", "ya bajé la app del banco", "el partido es a las 7 en el azteca",
                     "te mandé el video por whats", "mi mamá te manda saludos", "mañana tengo examen de mate",
                     "el uber me cobró 120 pesos", "ya viste la serie nueva en netflix?", "paso por ti a las 3"],
               burst=["¡Feliz año nuevo {name}! Te deseo mucha salud, amor y éxito en este 2027 🎉",
                      "Feliz Navidad {name}, un abrazo enorme para ti y tu familia 🎄",
                      "Gracias {name} por las felicitaciones de cumpleaños, los quiero mucho!"],
               share=["este es mi nuevo número {num}, guárdalo", "cambié de número, ahora es {num} en whats"],
               group=["chicos, carne asada el sábado en mi casa", "organizamos el viaje a la playa?"],
               seller=["Hola {name}! El pastel cuesta 350 pesos, hago entregas. Mi whats es {num}", "Sí hay talla M, 299 pesos. Escríbeme al {num} para el envío"],
               ask=["hola, cuánto cuesta el pastel?", "todavía tienes la playera talla M?", "hacen envíos a Monterrey?"]),
    "fr": dict(chat=["salut {name}, ça va? on se voit ce soir?", "j'arrive vers 19h", "mdr trop drôle", "j'ai payé 45 euros le billet",
                     "t'as vu le match du PSG?", "je t'envoie la photo sur whatsapp"],
               burst=["Bonne année {name}! Plein de bonheur et de santé pour 2027 🥂", "Joyeux Noël {name}, bisous à toute la famille"],
               share=["mon nouveau numéro c'est {num}, enregistre-le"], group=["apéro chez moi samedi soir?"],
               seller=["Bonjour {name}, le gâteau est à 25 euros, je livre. Mon numéro: {num}"], ask=["bonjour, le gâteau coûte combien?"]),
    "hi": dict(chat=["kya haal hai {name}? kal milte hai", "main 7 baje tak pahunch jaunga", "haha sahi hai bhai", "maine 499 rupees me earphones liye",
                     "match dekha kal ka? kohli ne 80 maare", "whatsapp pe photo bhej di hai", "mummy bol rahi hai ghar aa jao"],
               burst=["Happy New Year {name}! Naya saal aapke liye khushiyan laaye 🎆", "Happy Diwali {name}! Aapko aur family ko bahut shubhkamnayein 🪔"],
               share=["mera naya number {num} hai, save kar lo"], group=["bhai log sunday ko cricket khelne chalte hai"],
               seller=["Hello {name} ji, kurta 650 rupees ka hai, delivery free. Mera whatsapp {num}"], ask=["bhaiya kurta kitne ka hai?"]),
    "id": dict(chat=["halo {name}, apa kabar? besok makan bareng yuk", "aku sampai jam 7 ya", "wkwkwk iya bener", "beli sepatu 250rb diskon",
                     "udah download aplikasi bank yang baru?", "foto udah aku kirim lewat wa", "ibu titip salam"],
               burst=["Selamat tahun baru {name}! Semoga sehat dan sukses selalu di 2027 🎉", "Selamat Idul Fitri {name}, mohon maaf lahir dan batin 🙏"],
               share=["nomor baruku {num}, simpan ya"], group=["guys, reuni hari sabtu di rumahku ya"],
               seller=["Halo kak {name}, kue nya 85rb, bisa COD. WA {num}"], ask=["kak, kuenya berapa harganya?"]),
    "pcm": dict(chat=["how far {name}, you don chop?", "I go reach by 6", "lol na so", "I buy the shoe 15k for market",
                      "you see the match? Super Eagles try", "I don send the picture for whatsapp"],
                burst=["Happy new year {name}! God go bless you well well for 2027 🎉", "Merry Christmas {name}, enjoy with family"],
                share=["na my new number be dis {num}, save am"], group=["una, owambe dey my house saturday"],
                seller=["Hello {name}, the jollof tray na 12k, we dey deliver. Call {num}"], ask=["abeg how much for the jollof tray?"]),
    "tl": dict(chat=["uy {name}, kumusta? kain tayo bukas", "andyan na ako mga 7", "hahaha grabe ka", "nabili ko yung sapatos 1,200 lang",
                     "napanood mo yung laban kagabi?", "sinend ko na sa messenger yung pic"],
               burst=["Happy New Year {name}! Manigong bagong taon sa inyo 🎆", "Maligayang Pasko {name}! Ingat kayo lagi 🎄"],
               share=["bagong number ko {num}, i-save mo"], group=["tara outing tayo sa sabado"],
               seller=["Hi {name}! Yung leche flan 250 isa, pwede COD. Text mo ko {num}"], ask=["magkano po yung leche flan?"]),
    "ar": dict(chat=["مرحبا {name}، كيف حالك؟", "بوصل الساعة ٨ ان شاء الله", "hala {name}, shlonak? nitlaga bukra?", "اشتريت الجوال ب ١٢٠٠ ريال"],
               burst=["كل عام وانت بخير يا {name}، عيد مبارك 🌙", "Eid mubarak ya {name}, kol sana w enta tayeb"],
               share=["رقمي الجديد {num} احفظه"], group=["يا شباب عشاء يوم الجمعة عندي"],
               seller=["اهلا {name}، الكيكة ب ١٥٠ ريال والتوصيل مجاني. واتساب {num}"], ask=["السلام عليكم، كم سعر الكيكة؟"]),
    "ru": dict(chat=["привет {name}, как дела? завтра встретимся?", "буду в 7", "ахаха точно", "купил кроссовки за 5000 рублей",
                     "скинул фото в телегу", "мама передает привет"],
               burst=["С Новым годом, {name}! Счастья и здоровья в 2027 🎄", "С днем рождения, {name}! Всего самого лучшего"],
               share=["мой новый номер {num}, сохрани"], group=["ребята, шашлыки в субботу у меня"],
               seller=["Здравствуйте, {name}! Торт стоит 1500 рублей, доставка по городу. Мой номер {num}"], ask=["здравствуйте, сколько стоит торт?"]),
    "tr": dict(chat=["selam {name}, nasılsın? yarın buluşalım mı?", "7 gibi oradayım", "hahaha aynen", "ayakkabıyı 900 TL'ye aldım",
                     "maçı izledin mi?", "fotoğrafı whatsapptan attım"],
               burst=["Mutlu yıllar {name}! 2027 sana sağlık ve mutluluk getirsin 🎉", "Bayramın mübarek olsun {name}"],
               share=["yeni numaram {num}, kaydet"], group=["arkadaşlar cumartesi mangal var bende"],
               seller=["Merhaba {name}, pasta 450 TL, eve teslim var. Numaram {num}"], ask=["merhaba, pasta ne kadar?"]),
    "de": dict(chat=["hey {name}, wie geht's? treffen wir uns morgen?", "bin um 7 da", "haha stimmt", "die Schuhe haben 89 Euro gekostet",
                     "hast du das Spiel gesehen?", "hab dir das Foto auf WhatsApp geschickt"],
               burst=["Frohes neues Jahr {name}! Alles Gute für 2027 🥂", "Frohe Weihnachten {name}, liebe Grüße an alle"],
               share=["meine neue Nummer ist {num}, speicher sie ein"], group=["Leute, Grillen am Samstag bei mir?"],
               seller=["Hallo {name}, der Kuchen kostet 30 Euro, ich liefere. Meine Nummer: {num}"], ask=["Hallo, was kostet der Kuchen?"]),
}
LANG_COUNTRY = {"pt": "br", "es": "mx", "fr": "fr", "hi": "in", "id": "id", "pcm": "ng", "tl": "ph", "ar": "sa", "ru": "ru", "tr": "tr", "de": "de"}
