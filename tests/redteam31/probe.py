"""Round 31 probe: which local spellings of a way back does the reader miss, and which ordinary
sentences does it read as contacts.  python -m tests.redteam31.probe [--json probe.json]"""
import argparse
import json
import random

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.ways_back import read_contacts
from tests.redteam31.lang import NAMES, ar_digits, words

# (language/kind, spelling)
SPELLINGS = [
    # Portuguese (Brazil)
    ("pt/zap-num", "chama no zap (11) 98765-4321"), ("pt/zap-num", "zap 11 9 8765 4321"),
    ("pt/wpp", "wpp 21.99876.5432"), ("pt/whats", "me chama no whats +55 31 98877-6655"),
    ("pt/zap-ddd", "zap ddd 11 e o resto é 98765 4321"), ("pt/zap-words", "chama no zap onze nove oito sete seis cinco quatro três dois um"),
    ("pt/zap-words-mixed", "zap 11 nove oito sete 6 5 quatro 3 2 1 0"), ("pt/manda-oi", "manda um oi no zap que te explico"),
    ("pt/link-bio", "link na bio"), ("pt/link-bio", "o link tá na minha bio"), ("pt/link-perfil", "clica no link do meu perfil"),
    ("pt/keyword", "manda QUERO"), ("pt/keyword", "responde SIM"), ("pt/keyword", "comenta EU QUERO"),
    ("pt/email-arroba", "manda email pra ganhosvip arroba gmail ponto com"), ("pt/site-ponto", "acessa ganhafacil ponto com ponto br"),
    ("pt/site-dotless", "ganhafacil com br"), ("pt/wa-me", "wa.me/5511987654321"), ("pt/wa-ponto-me", "wa ponto me barra 5511987654321"),
    ("pt/tele", "me chama no tele: sinaisvip"), ("pt/tlg", "grupo no tlg @sinaisvip"), ("pt/pix", "pix 11987654321"),
    ("pt/insta", "segue lá no insta @ganhos.rapidos"), ("pt/chama-dm", "me chama na dm"), ("pt/zap-emoji", "📲 11 98765 4321"),
    # Spanish
    ("es/wpp", "escríbeme al wpp +52 55 1234 5678"), ("es/whats", "whats 55-1234-5678"), ("es/uatsap", "mándame uatsap al 33 1234 5678"),
    ("es/wa-words", "escríbeme al wa cinco cinco uno dos tres cuatro cinco seis siete ocho"),
    ("es/wa-words-tens", "whats cincuenta y cinco, doce, treinta y cuatro, cincuenta y seis, setenta y ocho"),
    ("es/wa-sep", "wa 55-12-34-56-78"), ("es/co-num", "cel 300 123 4567"), ("es/enlace-perfil", "enlace en mi perfil"),
    ("es/link-bio", "link en la bio"), ("es/keyword", "responde SI"), ("es/keyword", "escribe QUIERO"), ("es/keyword", "manda la palabra INFO"),
    ("es/email-arroba", "info al correo ventasrh arroba gmail punto com"), ("es/site-punto", "entra a ganamas punto com"),
    ("es/site-punto-mx", "chambaya punto com punto mx"), ("es/tele", "búscame en tele como chambaya"), ("es/dm", "mándame DM"),
    ("es/telegram-at", "telegram @chambaya_mx"), ("es/ig", "sígueme en ig chambaya.mx"),
    # French
    ("fr/wts", "écris-moi sur wts au 06 12 34 56 78"), ("fr/whatsapp", "whatsapp +33 6 12 34 56 78"),
    ("fr/words-pairs", "appelle le zéro six douze trente-quatre cinquante-six soixante-dix-huit"),
    ("fr/words-digits", "zéro six un deux trois quatre cinq six sept huit"), ("fr/lien-bio", "lien dans ma bio"),
    ("fr/site-point", "colis-suivi point fr"), ("fr/keyword", "répondez OUI"), ("fr/snap", "ajoute moi sur snap lea.colis"),
    # Hindi / Hinglish
    ("hi/dm-karo", "DM karo"), ("hi/inbox", "inbox karo details ke liye"), ("hi/wa-karo", "whatsapp karo 98765 43210"),
    ("hi/call-words", "call karo nau aath saat chhe paanch char teen do ek shunya"), ("hi/link-bio", "link bio me hai"),
    ("hi/reply", "reply HAAN"), ("hi/deva-digits", "whatsapp ९८७६५ ४३२१०"), ("hi/plus91", "+91 98765 43210 pe msg karo"),
    ("hi/tele", "telegram pe join karo @earnindia"), ("hi/devanagari-words", "व्हाट्सएप करो नौ आठ सात छह पांच चार तीन दो एक शून्य"),
    # Indonesian / Malay
    ("id/hubungi-wa", "hubungi wa 0812-3456-7890"), ("id/wa-plus62", "wa +62 812 3456 7890"),
    ("id/wa-words", "wa: nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol"), ("id/ketik-ya", "ketik YA"),
    ("id/balas", "balas MAU kak"), ("id/link-bio", "link di bio"), ("id/site-titik", "daftar di gacor88 titik com"),
    ("id/site-dot-paren", "daftar gacor88 (dot) vip"), ("id/tele-admin", "chat admin tele @gacoradmin"), ("id/dm-aja", "dm aja kak"),
    ("id/wa-me", "wa.me/6281234567890"), ("ms/whatsapp", "whatsapp saya 012-345 6789"),
    # Nigerian Pidgin
    ("pcm/chat-wa", "chat me for whatsapp 0803 123 4567"), ("pcm/holla", "holla me on wa 0806-123-4567"),
    ("pcm/o-words", "call dis number o eight o three one two three four five six seven"), ("pcm/link-bio", "link dey my bio"),
    ("pcm/send-yes", "send YES make I explain"), ("pcm/email", "email chidi.invest at gmail dot com"), ("pcm/plus234", "+234 803 123 4567"),
    # Tagalog / Taglish
    ("tl/pm", "pm mo ako"), ("tl/text", "text mo ko 0917 123 4567"), ("tl/gcash", "gcash 0917-123-4567"),
    ("tl/viber", "message mo ako sa viber 09181234567"), ("tl/link-bio", "link sa bio ko"), ("tl/reply-oo", "reply OO kung interesado"),
    ("tl/words", "tawag ka sa zero siyam isa pito isa dalawa tatlo apat lima anim pito"), ("tl/plus63", "+63 917 123 4567"),
    # Arabic (script and Arabizi)
    ("ar/digits", "واتساب " + ar_digits("0501234567")), ("ar/words", "تواصل واتس " + words("0501234567", "ar")),
    ("ar/bio", "الرابط في البايو"), ("ar/plus966", "واتساب +966 50 123 4567"), ("arz/whats", "kalemni 3al whats 0101 234 5678"),
    ("arz/words", "3al whats sifr wa7ed sifr wa7ed etneen talata arba3a khamsa setta sab3a tamanya"), ("arz/bio", "el link fel bio"),
    ("ar/snap", "سناب: saudi_gifts"),
    # Russian (Cyrillic and translit)
    ("ru/tg-at", "пиши в тг @zarabotok_ru"), ("ru/telega", "телега: zarabotok_ru"), ("ru/vatsap", "ватсап +7 (912) 345-67-89"),
    ("ru/words", "звони восемь девять один два три четыре пять шесть семь восемь девять"), ("ru/bio", "ссылка в профиле"),
    ("ru/site-tochka", "сайт zarabotok точка ру"), ("rut/telega", "pishi v telegu zarabotok_ru"),
    ("rut/words", "zvoni vosem devyat odin dva tri chetyre pyat shest sem vosem devyat"), ("ru/num8", "8 912 345 67 89"),
    # Turkish
    ("tr/wp", "wp: 0532 123 45 67"), ("tr/words", "whatsapp sıfır beş üç iki bir iki üç dört beş altı yedi"),
    ("tr/link-profil", "link profilde"), ("tr/nokta-com", "bonusbet nokta com"), ("tr/evet", "EVET yaz"),
    ("tr/tg", "telegram kanalı @bonusbet"), ("tr/plus90", "+90 532 123 4567"), ("tr/giris", "güncel giriş adresi bio'da"),
    # German
    ("de/wa", "schreib mir auf WhatsApp 0151 23456789"), ("de/words", "ruf an: null eins fünf eins zwei drei vier fünf sechs sieben acht neun"),
    ("de/link-bio", "Link in Bio"), ("de/punkt-de", "sparkasse-konto punkt de"), ("de/ja", "Antworte mit JA"),
    ("de/email", "Mail an gewinn.abholen at web punkt de"), ("de/plus49", "+49 151 2345 6789"),
    # cross-language app nicknames
    ("x/whats-only", "me chama no whats"), ("x/zap-only", "chama no zap"), ("x/wa-only", "wa aja kak"),
]

NEUTRAL = {
    "pt": (["olha só", "bom dia", "então", "ei", "pessoal", "sabe", "oi oi", "nossa"],
           ["o tempo tá fechado hoje", "acabei de sair do trabalho", "a feira tava cheia", "o cachorro latiu a noite toda",
            "comi um pastel ótimo", "o trânsito tá parado", "minha planta floresceu", "vi um filme bom ontem"]),
    "es": (["oye", "buenas", "mira", "hola", "pues", "qué onda", "fíjate", "ey"],
           ["hace mucho calor hoy", "salí tarde del trabajo", "el mercado estaba lleno", "el perro ladró toda la noche",
            "comí unos tacos buenísimos", "hay mucho tráfico", "mi planta floreció", "vi una peli buena ayer"]),
    "fr": (["coucou", "bon", "tiens", "salut", "alors", "dis", "eh", "bref"],
           ["il fait beau aujourd'hui", "je sors du boulot", "le marché était plein", "le chien a aboyé toute la nuit",
            "j'ai mangé une bonne crêpe", "il y a des bouchons", "ma plante a fleuri", "j'ai vu un bon film hier"]),
    "hi": (["arre", "suno", "yaar", "acha", "bhai", "dekho", "haan", "oye"],
           ["aaj bahut garmi hai", "office se abhi nikla", "market me bheed thi", "kutta raat bhar bhonka",
            "samosa mast tha", "traffic bahut hai", "mera paudha khil gaya", "kal achhi movie dekhi"]),
    "id": (["eh", "halo", "btw", "wah", "nah", "gini", "hei", "duh"],
           ["hari ini panas banget", "baru pulang kerja", "pasarnya rame", "anjing gonggong semalaman",
            "baksonya enak", "macet parah", "tanamanku berbunga", "kemarin nonton film bagus"]),
}
NEUTRAL["ms"] = NEUTRAL["id"]
NEUTRAL["pcm"] = (["abeg", "my guy", "see", "ehen", "oya", "chai", "omo", "wetin"],
                  ["sun hot well well today", "I just comot for work", "market full die", "dog bark all night",
                   "the suya sweet", "traffic no gree move", "my flower don bloom", "I watch better film yesterday"])
NEUTRAL["tl"] = (["uy", "grabe", "ay", "ano", "teka", "sige", "hala", "bes"],
                 ["ang init ngayon", "kakauwi ko lang galing work", "puno yung palengke", "tumahol yung aso buong gabi",
                  "ang sarap ng adobo", "ang traffic", "namulaklak yung halaman ko", "nanood ako ng magandang movie kahapon"])
NEUTRAL["ar"] = (["يا", "طيب", "شوف", "مرحبا", "والله", "اسمع", "يلا", "اهلين"],
                 ["الجو حار اليوم", "طلعت من الدوام", "السوق كان زحمة", "الكلب نبح طول الليل",
                  "أكلت شاورما لذيذة", "الزحمة قوية", "النبتة ورّدت", "شفت فيلم حلو أمس"])
NEUTRAL["arz"] = (["ya", "tab", "shouf", "ahlan", "wallahi", "esma3", "yalla", "hala"],
                  ["el gaw 7ar el naharda", "lessa kharg men el shoghl", "el soo2 kan za7ma", "el kalb naba7 tool el leil",
                   "kalt shawerma 7elwa", "el za7ma gamda", "el zar3a wardet", "shoft film 7elw embare7"])
NEUTRAL["ru"] = (["слушай", "привет", "кстати", "ну", "эй", "короче", "смотри", "так"],
                 ["сегодня жарко", "только с работы", "на рынке толпа", "собака лаяла всю ночь",
                  "поел вкусные пельмени", "пробки жуткие", "цветок распустился", "вчера смотрел хороший фильм"])
NEUTRAL["rut"] = (["slushay", "privet", "kstati", "nu", "ey", "koroche", "smotri", "tak"],
                  ["segodnya zharko", "tolko s raboty", "na rynke tolpa", "sobaka layala vsyu noch",
                   "poel vkusnye pelmeni", "probki zhutkie", "tsvetok raspustilsya", "vchera smotrel horoshiy film"])
NEUTRAL["tr"] = (["bak", "selam", "ya", "neyse", "hey", "aslında", "şey", "abi"],
                 ["bugün çok sıcak", "işten yeni çıktım", "pazar kalabalıktı", "köpek bütün gece havladı",
                  "güzel bir döner yedim", "trafik berbat", "çiçeğim açtı", "dün güzel bir film izledim"])
NEUTRAL["de"] = (["hey", "also", "du", "hallo", "na", "übrigens", "schau", "ach"],
                 ["heute ist es heiß", "komme gerade von der Arbeit", "der Markt war voll", "der Hund hat die ganze Nacht gebellt",
                  "hab eine gute Brezel gegessen", "viel Stau", "meine Pflanze blüht", "gestern einen guten Film gesehen"])
NEUTRAL["x"] = NEUTRAL["pt"]

ORDINARY = [
    # pt
    "o almoço saiu 35 reais com a sobremesa", "paguei 120 no uber ontem, absurdo", "baixei o app do banco inter, é bom",
    "vi no site da receita que a restituição sai dia 30", "meu celular novo custou 1899 na black friday", "o jogo é às 16h, canal 5",
    "me manda o áudio no zap depois", "minha senha do wifi é grande demais kkk", "tô no km 23 da estrada", "o aluguel subiu pra 1500",
    "passa no mercado e compra 2 litros de leite", "o ônibus 8012 não passou", "fiz 10 km de corrida hoje",
    # es
    "la renta sube a 8500 pesos el mes que viene", "me costó 299 la playera en el tianguis", "bajé la app del clima, está buena",
    "vi en la página del SAT que hay que declarar en abril", "el camión 47 tarda mucho", "te paso el número de mi mamá luego",
    "mañana es el cumple de mi abuela, cumple 80", "mi contraseña del wifi es larguísima jaja", "el partido es a las 9 en el canal 7",
    "corrí 5 km en 28 minutos", "compré 3 kilos de tortillas",
    # fr
    "j'ai payé 45 euros pour le concert", "le bus 38 est en retard", "j'ai téléchargé l'appli SNCF", "on se retrouve au 12 rue Victor Hugo",
    # hi
    "maine 499 rupees me earphones liye", "train 12951 late hai 2 ghante", "paytm app se bill bhar diya", "kal 8 baje match hai",
    "flat ka rent 15000 ho gaya", "mummy ka number save kar lena",
    # id
    "beli sepatu 250rb diskon 50 persen", "udah download aplikasi gojek", "kereta jam 7 pagi penuh", "cicilan motor 800rb sebulan",
    "nomornya ibu nanti aku kirim", "gajian tanggal 25",
    # pcm
    "I buy the shoe 15k for market", "fuel don reach 700 naira per litre", "download the bolt app e better", "NEPA take light since 6pm",
    # tl
    "nabili ko yung sapatos 1,200 lang", "yung jeep papuntang cubao 13 pesos na", "download mo yung gcash app para madali",
    "sweldo na sa 15", "nasa 3rd floor ako",
    # ar
    "اشتريت الجوال ب ١٢٠٠ ريال", "الإيجار صار ٣٠٠٠ ريال", "حملت تطبيق البنك الجديد", "bought el mobile b 1200 riyal", "المباراة الساعة ٩",
    # ru
    "купил кроссовки за 5000 рублей", "аренда подорожала до 40000", "скачал приложение сбербанка", "автобус 47 опять опоздал",
    "буду в 7 у метро", "зарплата 25 числа",
    # tr
    "ayakkabıyı 900 TL'ye aldım", "kira 15000 TL oldu", "yemeksepeti uygulamasını indirdim", "maç saat 9'da",
    # de
    "die Schuhe haben 89 Euro gekostet", "Miete ist jetzt 950 Euro", "hab die DB App runtergeladen", "Bus 42 kommt 10 Minuten später",
]

CLOCK0 = 1_800_000_000.0


def sentence(rng, lang):
    op, mid = NEUTRAL[lang]
    a, b = rng.sample(mid, 2)
    return f"{rng.choice(op)}, {a}. {b}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    rng = random.Random(31)
    through, res = [], []
    for i, (kind, sp) in enumerate(SPELLINGS):
        lang = kind.split("/")[0]
        g = MemoryGraph()
        clock = VirtualClock(CLOCK0)
        e = Engine.from_file("default", storage="memory://", graph=g, clock=clock)
        ok_all, codes, sample = True, [], None
        for s in range(3):
            snd = f"p{i}_{s}"
            for t in range(6):
                tgt = f"{snd}_t{t}"
                g.follow(tgt, snd)
                txt = f"{sentence(rng, lang)} {sp}" if rng.random() < 0.5 else f"{sentence(rng, lang)}, {sp}, {rng.choice(NEUTRAL[lang][0])}"
                if len(txt) > 140:
                    a_, _b = rng.sample(NEUTRAL[lang][1], 2)
                    txt = f"{rng.choice(NEUTRAL[lang][0])} {sp}" if len(sp) > 100 else f"{a_}, {sp}"
                sample = sample or txt
                d = e.check(SendRequest(snd, (tgt,), txt))
                clock.advance(120)
                if not d.allowed:
                    ok_all = False
                    codes.append(d.code)
                    break
        rc = read_contacts(sp)
        rcx = read_contacts(sample)
        res.append(dict(kind=kind, spelling=sp, through=ok_all, codes=codes, read=rc[0], contacts=list(rc[1]), read_in_text=rcx[0], example=sample))
        if ok_all:
            through.append((kind, sp, (rc[0] or rcx[0], list(rc[1]) + list(rcx[1])), sample))
    print(f"ways back through to 6 of 6 strangers for 3 of 3 senders: {len(through)} of {len(SPELLINGS)}")
    for kind, sp, rc, ex in through:
        print(f"  {kind:22} {sp!r:70} read={rc[0]} {rc[1]}  e.g. {ex!r}")
    fps = []
    for j, t in enumerate(ORDINARY):
        g = MemoryGraph()
        clock = VirtualClock(CLOCK0)
        e = Engine.from_file("default", storage="memory://", graph=g, clock=clock)
        refused = []
        for k in range(6):
            tgt = f"o{j}_t{k}"
            g.follow(tgt, "o")
            txt = f"{rng.choice(['oi', 'hola', 'hi', 'salut', 'halo', 'привет', 'selam', 'hallo', 'مرحبا'])} {rng.choice(NAMES)}, {t}"
            d = e.check(SendRequest("o", (tgt,), txt))
            clock.advance(300)
            if not d.allowed:
                refused.append(d.code)
        rc = read_contacts(t)
        if rc[0]:
            fps.append((t, list(rc[1]), refused))
    print(f"\nordinary sentences read as contacts: {len(fps)} of {len(ORDINARY)}")
    for t, c, r in fps:
        print(f"  {t!r:55} contacts={c} refused_of_6={r}")
    if a.json:
        with open(a.json, "w") as out:
            json.dump(dict(spellings=res, ordinary_fp=fps, n_spellings=len(SPELLINGS),
                           n_ordinary=len(ORDINARY)), out, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
