"""Ways back that rounds 29 to 31 wrote and the reader missed, in our own words (written
after each round was measured); each kind has talk beside it that must stay talk.

Round 29 (informed): a campaign's reply word after "DM me" or with digits that tell its
senders apart ("DM me YES3"); an app name of letters only where the words say it is one
("my snap is katebelle", "add katebelle on insta"); a site with a space for its dot, sent
to, then claimed ("visit dealchat com and claim").

Round 30 (blind, tests/redteam30; its probe: 152 spellings of 2026 DM spam, each by 3
senders to 6 strangers): an app by its emoji, a nickname or a look-alike letter ("find me
📸 x_vip", "KlK: x", "my 0F: x", "dc: x22", "the gram is x"), a handle after "<app> app,
user" or "<app> is", Skype's "live:" ids, a number cut by x's, "lnk n b10", "scan the q r",
an app to download by its name; in its campaigns, a site with a digit cut by a comma
("x583,cc") or an emoji for its dot, "tt @x", "tele gram x22", "x_vip gmail", a wallet cut
in two, a phisher's words with a pointer to the profile. The talk after each round's
first version is a review's (250 and 284 ordinary messages aimed at the new forms).

Round 31 (blind, tests/redteam31: Portuguese, Spanish, French, Hindi, Indonesian, Pidgin,
Tagalog, Arabic, Russian, Turkish, German): the link in the profile said in those languages
("link na bio", "enlace en mi perfil", "ссылка в профиле"), an app, its channel's word and
an account ("telegram kanalı @x"), an invitation to an app and a handle ("búscame en tele
como x_mx"), a dot said before a country's ending ("x punkt de", "x точка ру", "x com br"),
campaigns' reply words from a closed list ("manda QUERO", "responde SIM", "EVET yaz"; not
offered as a choice)."""

from __future__ import annotations

import pytest

from policy.normalize import read_contacts

READ = [
    # round 29
    ("DM me YES for the free pics", "k:yes"),
    ("DM me YES3 for the free pics babe", "k:yes3"),
    ("msg me WIN7 and it's yours", "k:win7"),
    ("type CLAIM22 to get it", "k:claim22"),
    ("my snap is katebelle", "h:katebelle"),
    ("hey cutie, my snapchat is rosalindxo, add me", "h:rosalindxo"),
    ("my insta is katebelle. come say hi", "h:katebelle"),
    ("add katebelle on insta for the rest", "h:katebelle"),
    ("find marigoldxo on snap babe", "h:marigoldxo"),
    ("i'm sofiabrandt on snapchat", "h:sofiabrandt"),
    ("my snap is katebelle lol", "h:katebelle"),
    ("my ig is samirkhan_ follow back", "h:samirkhan"),
    ("find meganprice on insta thats me", "h:meganprice"),
    ("visit dealchat com and claim your prize", "d:dealchat.com"),
    ("go to winbig net n grab it", "d:winbig.net"),
    ("head to spinwin777 net and claim", "d:spinwin777.net"),
    ("visit luckyspin com to claim your spins", "d:luckyspin.com"),
    # round 30
    ("come find me 📸 luna_vip dont miss it", "h:luna_vip"),
    ("rather chat elsewhere, ✈️ app, user nova_trades", "h:nova_trades"),
    ("insta is rubyxo22 is where i answer", "h:rubyxo22"),
    ("the gram is jess_0fficial now", "h:jess_0fficial"),
    ("hmu KlK: ameliaxo91 whenever", "h:ameliaxo91"),
    ("k1k: ameliaxo91", "h:ameliaxo91"),
    ("catch me at dc: rubyxo22 later", "h:rubyxo22"),
    ("message me, my 0F: rosie_vip", "h:rosie_vip"),
    ("my OF: rosie_vip babe", "h:rosie_vip"),
    ("you seem nice. skype live:marcusxo85", "h:marcusxo85"),
    ("447x700x900x123 text me", "n:447700900123"),
    ("download 'Parcelhub886' from the app store", "h:parcelhub886"),
    ("install trackmyparcel22 from google play to rebook", "h:trackmyparcel22"),
    # seen in its campaigns (seed 1)
    ("hi pics nightchat583,cc xx", "d:nightchat583.cc"),
    ("psst lovedate76,site pls", "d:lovedate76.site"),
    ("psst tt @luna_help59", "h:luna_help59"),
    ("add tele gram ruby_x22", "h:ruby_x22"),
    ("too spicy for here 🙈 luna_vip gmail", "e:luna_vip@gmail.com"),
    ("dm sn@p: 3mm4x22!", "h:3mm4x22"),
    ("Milo! OnlyFans rosiedesk xx", "h:rosiedesk"),
    ("dm 👻 rosiedesk pls", "h:rosiedesk"),
    ("secure it now, ask for Lena at Jobsnow411 support", "h:jobsnow411"),
    ("to learn trulyask for Ava at Fastloan730 support", "h:fastloan730"),
    ("real talk wallet bc1qm0wrclk6msw8p82c seha0yqz3jfl0ysep42rn3", "w:bc1qm0wrclk6msw8p82c"),
    ("psst dm yieldfarm593🔴online ;)", "d:yieldfarm593.online"),
    ("pics prizedrop553 🔴 io pls", "d:prizedrop553.io"),
    # round 31 (other languages)
    # an app, its channel's or group's word and an account
    ("entra no canal, telegram vip @sinais_br7", "h:sinais_br7"),
    ("grupo no tlg @lucrofacil22", "h:lucrofacil22"),
    ("telegram pe join karo @paisa_daily", "h:paisa_daily"),
    ("telegram kanalı @kazanc_tr", "h:kazanc_tr"),
    # an invitation to an app, then a handle with a mark
    ("búscame en tele como prestamos_mx", "h:prestamos_mx"),
    ("me chama no tele: renda7extra", "h:renda7extra"),
    ("ajoute moi sur snap lea_colis2", "h:lea_colis2"),
    ("pishi v telegu dohod_ru", "h:dohod_ru"),
    ("سناب: hadaya_ksa", "h:hadaya_ksa"),
    # a site's dot said before a country's ending
    ("rastreio atualizado em correios-entrega point fr", "d:correios-entrega.fr"),
    ("bitte bestätigen: sparkasse-sicher punkt de", "d:sparkasse-sicher.de"),
    ("регистрация на сайте dohod точка ру", "d:dohod.ru"),
    ("cadastre-se em rendaja com br hoje", "d:rendaja.com.br"),
    # reply words of campaigns, in capitals, after or before a verb
    ("quer saber como? manda QUERO", "k:quero"),
    ("responde SIM que te explico tudo", "k:sim"),
    ("comenta EU QUERO aqui embaixo", "k:euquero"),
    ("escribe QUIERO y te explico", "k:quiero"),
    ("manda la palabra INFO", "k:info"),
    ("répondez OUI pour recevoir", "k:oui"),
    ("mau? balas YA kak", "k:ya"),
    ("ketik MAU sekarang", "k:mau"),
    ("EVET yaz, hemen başla", "k:evet"),
    ("HAAN likh ke bhejo", "k:haan"),
    ("Antworte mit JA", "k:ja"),
    ("reply OO kung interesado", "k:oo"),
    ("تواصل واتس صفر خمسة صفر واحد اثنين ثلاثة أربعة خمسة ستة سبعة", "n:0501234567"),
]
POINTED = [  # no key: the way back is one click away (the profile, its picture)
    "Your card has been locked after a suspicious payment. Unlock: tap my pfp 👆",
    "Appeal within 24h: tap my pfp, your profile will be suspended for a violation",
    "yo my number is in my display name xx",
    "here you go lnk n b10",
    "links in my b1o babe",
    "scan the q r in my pfp for the bonus",
    # round 31 (other languages)
    "clica no link da minha bio",
    "o link tá na minha bio amiga",
    "enlace en mi perfil",
    "link en la bio, corre",
    "lien dans ma bio",
    "link bio me hai",
    "cek link di bio ya kak",
    "link dey my bio",
    "link sa bio ko",
    "الرابط في البايو",
    "el link fel bio",
    "ссылка в профиле",
    "giriş linki profilimde",
]
TALK = [
    # round 29
    "DM me YOUR address when you can",
    "DM me NOW",
    "DM me HERE or on the other app",
    "DM me the PDF",
    "DM me yes or no",
    "did you dm me yes?",
    "my insta is pathetic",
    "my snap is hilarious lol",
    "my insta is beautiful",
    "my snap is different now",
    "my snap is katie, what's yours?",
    "my insta is brilliant",
    "my ig is aesthetic",
    "my snap is terrible",
    "my snap is somewhere",
    "my ig is overflowing",
    "my snap is glitching",
    "add everyone on snap",
    "find everything on insta",
    "add christmas on snap",
    "add memories on snap",
    "i'm literally on snap",
    "i'm constantly on snap",
    "i'm streaming on tiktok",
    "i'm homesick on snap",
    "go to football net practice",
    "i was at the agents com and they said no",
    "i'm at home com and get me",
    "go to mine com and see",
    # a review's (tests' talk that the first version read)
    "visit grandma com and have tea with us sunday",
    "go to church com and pray for me",
    "go to tesco com and grab milk pls",
    "go to tourist info and get a map",
    "go to cricket net and bowl a few overs",
    "DM me YES or NO by friday for the party",
    "DM ME YES OR NO BY TONIGHT",
    "DM me WIN or LOSE after the match",
    "my insta is football, nothing else",
    "i'm bedridden on snapchat all day lol",
    "add watermelon on snap emoji streak thing",
    "my snap is homework lol",
    # round 30
    "great 📸 today",
    "📸 by me",
    "insta is down again",
    "the gram is so toxic",
    "we bought 100 gram of flour",
    "meet me in washington dc at 5",
    "dc: the best comics",
    "list of: eggs, milk",
    "my discord is win10 only",
    "skype live: tonight at 8",
    "the box is 100x200x300 mm",
    "3x3x3 cube record",
    "download spotify from the app store",
    "download \"the app\" from the play store",
    "download 'snapchat' from the app store",
    "my link in the bio class is broken",
    "room 12,site b",
    "i like tt @ night",
    "the tele: samsung 55",
    "i use gmail for work",
    "my work gmail is full",
    "snap: 2day",
    "snap: 2morrow",
    "the tele: 32inch samsung",
    "i hate the tiktok algorithm",
    "onlyfans creators are rich",
    "add snap filters pls",
    "ask for sarah at reception",
    "ask for tom at gate5",
    "team22 🔥 win tonight",
    "squad22 🔥 online now",
    "the 0x10 register",
    "tap my pfp, it's my new puppy",
    # a review's 284 ordinary messages aimed at these forms: 62 read by the first version
    "📸 @kate_shoots_weddings, she was amazing",
    "📸 jess_b took this one",
    "📸 iphone15pro, no filter",
    "📸 day_3 in rome",
    "dc: server is down",
    "dc: gta_rp server is full again",
    "DC: day2 of our trip",
    "temps were 0F: school_closed today",
    "klk manito_23 ya estoy aqui",
    "KLK @everyone llegue",
    "the gram is @kimkardashian's playground",
    "the bakery's insta is crumbs_and_co",
    "my brother's insta is chidi_cooks",
    "tiktok app, user_agreement changed again",
    "download 'Google Maps' from the app store",
    "get fifa23 on the play store",
    "why do all these bots say links on bio 😂",
    "lnk n bio? whats that mean",
    "bench today 60x12x12x12x12",
    "squats 100x10x10x10x10",
    "i'm verified on twitter now lol",
    # round 31 (other languages)
    "thanks for the link in the bio lab email",
    "mandei o link no grupo, vê lá",
    "el link de la reunión está en el calendario",
    "le lien de la réunion est dans l'agenda",
    "ссылка на встречу в календаре",
    "manda o link do jogo",
    "ketik aja di grup",
    "meu ponto fraco é chocolate",
    "le point de rendez-vous est la gare",
    "treffpunkt punkt 8 uhr",
    "автобус 47 опять опоздал",
    "vou no grupo no zap",
    "responde SI o NO",
    "Antworte mit JA oder NEIN",
    "responde SIM ou NÃO por favor",
    "manda FOTO",
    "réponds VITE",
    "Mande KKK pra ela",
    "Contesta YA",
    "Plz note: if anyone calling from a mobile Co. asks u to type # or #, its confirmd by nokia n motorola",
    "If it makes you feel better ipads are worthless garbage",
    # a review's 252 ordinary messages in those languages: 116 read more by the first version
    "o link na bio dela tá quebrado",
    "el enlace en su perfil no abre",
    "le lien dans sa bio est mort",
    "Uska link bio me hai, dekh lo",
    "link bio me mat daalna",
    "Скинь ссылку на свой профиль",
    "Kargo adresi profilimde yazıyor mu bak",
    "a palavra do dia é paciência",
    "mot de passe oublié encore",
    "Kein Wort davon ist wahr",
    "Kata mama besok hujan",
    "Ketik HADIR di grup kelas",
    "Ketik NIK kamu di form",
    "c'est mon point de vue",
    "ein Punkt in Mathe fehlt",
    "vou sair com BR e com a Ju",
    "quarto com ar condicionado, o link tá no grupo",
    "Insta pe @virat.kohli ki post dekhi?",
    "grupo no zap @mae",
    "يوم الاثنين عندي موعد الساعة خمسة",
    "عندي واحد اخ و ثلاثة اخوات",
    "Whatsapp Gruppe auf @klasse7b",
]


@pytest.mark.parametrize(("text", "key"), READ)
def test_read(text, key):
    found, keys = read_contacts(text)
    assert found and key in keys, (text, keys)


@pytest.mark.parametrize("text", POINTED)
def test_pointed(text):
    assert read_contacts(text)[0], text


@pytest.mark.parametrize("text", TALK)
def test_talk_stays_talk(text):
    assert not read_contacts(text)[0], text
