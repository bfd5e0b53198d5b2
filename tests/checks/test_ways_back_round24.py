"""Ways back that round 24's blind campaigns wrote and the reader missed (tests/redteam24):
numbers in Roman numerals, in the digit words of more languages, with small letters for
digits; a way back pointed at in words (my name elsewhere is my name here, my number is in
my name, what to scan is in my picture, the answer wanted in this chat); a handle given in
another language. The phrasings below are our own, not the campaigns' (written after the
round was measured), and each kind has talk beside it that must stay talk."""

from __future__ import annotations

import pytest

from policy.ways_back import contact_key, read_contacts
from tests.checks.ways_back_cases import reading_tests

NUMBERS = [
    # round 29 (blind): number words with digits for letters
    ("ring zer0 n1ne f1ve f1ve 0ne zer0 zer0 thr33 f1ve f0ur f1ve", "09551003545"),
    ("c4ll zer0 s3ven s3ven n1ne 0ne tw0 thr33 f0ur f1ve s1x", "0779123456"),
    # Roman numerals, digit by digit or in groups; one number however grouped
    ("call me on NULLA-VII-VII-IX-I-II-III-IV-V-VI-VIII", "07791234568"),
    ("my line, roman style: LXXVII, CMXII, CCCXLV, LXVIII", "7791234568"),
    ("reach me at nulla . VII . VIII . V . II . VII . IV . IV", "07852744"),
    # digit words of other languages, in a run
    ("ffoniwch fi: dim saith wyth pump dau saith pedwar pedwar pedwar", "078527444"),
    ("llama al nolla seitseman kahdeksan viisi kaksi yksi yksi kolme", "07852113"),
    ("zavolej mi nula sedm osm pet dva jedna jedna tri", "07852113"),
    ("sunaj la zero sapte opt cinci doi unu unu trei", "07852113"),
    ("piga simu sifuri saba nane tano mbili moja moja tatu", "07852113"),
    ("hivj: nulla het nyolc ot ketto egy egy harom", "07852113"),
    ("skriv til nul syv otte fem fire seks syv", "0785467"),
    # small letters for digits
    ("text me on o7bzq 4s1 e2g", "07629451329"),
    ("ring olz3 456 7890 anytime", "01234567890"),
]

NOT_NUMBERS = [
    "I MIX CD AND DJ AT THE WEEKEND",
    "I got C, D, D in my mocks, mum is going to kill me",   # a review's
    "my picks this week LIV, MCI, LIV, MCI lol",
    "MMXXIV, MMXXIII, MCMXCIX are the years on the plaque",
    "ok 7:30, 8:45, 9:15 work for me",
    "j'ai eu un 12, un 14, un 15, un 9 ce trimestre",
    "tiz, kilenc, nyolc, het, hat, ot, negy, harom, ketto, egy, boldog uj evet!",
    "we lost 0-2 at least it was close",
    "see you at the o2 at 7.30 is best",
    "my lottery numbers 07 and 13 and 21 and 44 and 58",
    "we read chapters XII, XIII, XIV and XV for class",
    "LOUIS XIV AND LOUIS XVI WERE KINGS",
    "WW II, WW I",
    "the o2 is so big and loud",
    "ok ok ok ok ok ok ok ok",            # "ok" is 8 in Esperanto: one digit, a song
    "yksi kaksi kolme nelja viisi kuusi",  # counting up
    "dim sum, pump it up, hat trick and a tri",
]

POINTED = [
    "found you cute, I'm on the app with the flame, same pic same name",
    "add me over there, same username as on here",
    "my name there is my name here x",
    "the digits in my handle are my cell, put a zero first",
    "my number is my username, give it a ring",
    "my @ here has my number",
    "the qr in my profile pic takes you to the offer",
    "scan the code in my latest photo",
    "everything is in my pinned post",
    "it's all on my page babe",
    "my pfp says it all ;)",
    "so random, but check my pfp",
    "dm me for the link and I'll sort you out",
    "just pop a yes into this chat and it's yours",
    "leave me a word right here and I'll explain",
]

TALK = [
    "did you see my pfp? new haircut",
    # a review's talk that the first version read
    "just scan the QR code on the table to order",
    "please reply in the thread so we keep it tidy",
    "what are the last 4 digits of my account number again",
    "the tracking number is in my account, i'll check later",
    "answer me this one thing, did you eat my yoghurt",
    "omg we have the same pfp and same name lol",
    "the numbers in my name are my birthday btw",
    "pics from the party are all in my last story",
    "leave me a note here if you need anything",
    "@jess has everything for the party",
    "call @mum, she's worried",
    "did you see my profile pic?",
    "we have the same name haha",
    "my number is the same, text me",
    "what's the code for the wifi? it's on the fridge",
    "I posted the pics on my page, have a look when you can",
    "is it in this chat or the other one?",
    "tell me in person tomorrow",
    "the same pic from last year lol",
]

ABROAD = [
    ("mon snap c'est lunabelle", "h:lunabelle"),
    ("suivez-moi! ajoutez moi sur insta: lunabelle", "h:lunabelle"),
    ("hola guapo, estoy en insta como lunabelle", "h:lunabelle"),
    ("il mio tiktok è lunabelle", "h:lunabelle"),
    ("mein insta ist lunabelle", "h:lunabelle"),
    ("insta pe follow karo, lunabelle", "h:lunabelle"),
    ("fala comigo no zap, sou lunabelle", "h:lunabelle"),
]

ABROAD_TALK = [
    "mi insta es privado",
    "j'ai regardé la télé, je suis crevée",   # a review's
    "mein whatsapp ist kaputt, schreib mir per sms",
    "sur snap comme toujours",
    "no zap, sou tímido",
    "mon insta c'est nul",            # "nul": 4 letters at least
    "j'ai vu ça sur insta, trop drôle",
    "estoy en snap ahora mismo",
]


@pytest.mark.parametrize(("text", "digits"), NUMBERS)
def test_a_number_written_otherwise_is_read_as_its_digits(text: str, digits: str) -> None:
    contact, found = read_contacts(text)
    assert contact, text
    assert contact_key("n:" + digits) in {contact_key(c) for c in found}, (text, found)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numerals_and_number_words_in_talk_are_no_number(text: str) -> None:
    assert not any(c.startswith("n:") for c in read_contacts(text)[1]), text


def test_one_number_in_roman_numerals_has_one_key_however_grouped() -> None:
    keys = {contact_key(c) for text in ("call NULLA-VII-VII-IX-I-II-III-IV-V-VI-VIII",
                                        "call LXXVII, CMXII, CCCXLV, LXVIII")
            for c in read_contacts(text)[1]}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("text", POINTED)
def test_a_way_back_pointed_at_in_words_is_a_contact(text: str) -> None:
    assert read_contacts(text)[0], text


@pytest.mark.parametrize("text", TALK)
def test_talk_about_names_pictures_and_chats_is_no_way_back(text: str) -> None:
    assert not read_contacts(text)[0], text


@pytest.mark.parametrize(("text", "handle"), ABROAD)
def test_a_handle_given_in_another_language_is_read(text: str, handle: str) -> None:
    assert read_contacts(text) == (True, (handle,)), text


@pytest.mark.parametrize("text", ABROAD_TALK)
def test_an_app_named_in_talk_in_another_language_is_no_handle(text: str) -> None:
    assert not read_contacts(text)[0], text


MAILS = [
    ("write to me: kasia, seznam cz", "e:kasia@seznam"),
    ("drop me a line, bella.k on wp pl", "e:bella.k@wp"),
    ("my e-mail is lenka at centrum sk", "e:lenka@centrum"),
    ("message me at ana on disroot", "e:ana@disroot"),
    ("jan is my name on posteo de, write", "e:jan@posteo"),
    # a name beside a mail host in a text with a word of mail (round 25's "invisible" and
    # "smallgroups" families, our phrasings)
    ("Send me an email, maria lopez at proton", "e:marialopez@proton.com"),
    ("Write to maria lopez, the hushmail address", "e:marialopez@hushmail"),
    ("Mail me: marialopezreal - it's a tuta one", "e:marialopezreal@tuta.com"),
    ("email marialopezreal on pm mail", "e:marialopezreal@pm"),
]

MAIL_TALK = [
    "we met at list ru",
    "party saturday, pm me your address if you want an invite",  # a review's
    "I live on web de",
    "shop at orange fr, they have deals",
    "see you at the o2 tonight",
    "my work email is on outlook, the gmail one is for junk",
    "email the landlord, the gmail address he gave us",
    "I emailed the school office at outlook and nobody replied",
    "mail me the photos - on gmail please",
    "she said to email her at gmail, not yahoo",
]

FIRMS = [
    ("look up Northgate Claims Office, they pay out", "h:northgateclaims"),
    ("search for Brightwell Consumer Services", "h:brightwellconsumer"),
    ("google Maple Ridge and ask for me", "h:mapleridge"),
]

FIRM_TALK = [
    "look up Taylor Swift tickets",
    "Look up Pizza Express, ask for Sam",   # a review's: firms named in talk
    "Google Apple Support if the phone keeps crashing",
    "find Lloyds Bank on the high street",
    "Look up Dr Patel, ask for Karen at reception",
    "search Central Park on maps",
    "find Jake Smith and ask for the keys",
    "we should look up Premier League scores",
]

MASKED = [
    "You have w'o'n a c'a's'h aw*rd, c4ll now",
    "c0mplim*nt*ry pr!ze for you, cl*im today",
    "FR*3 entry to our w'e'e'k'l'y draw",
]


@pytest.mark.parametrize(("text", "mail"), MAILS)
def test_an_address_at_a_mail_host_said_in_words_is_read(text: str, mail: str) -> None:
    contact, found = read_contacts(text)
    assert contact and mail in found, (text, found)


@pytest.mark.parametrize("text", MAIL_TALK)
def test_a_mail_host_in_talk_is_no_address(text: str) -> None:
    assert not read_contacts(text)[0], text


@pytest.mark.parametrize(("text", "handle"), FIRMS)
def test_a_firm_to_search_for_is_a_contact_with_one_key(text: str, handle: str) -> None:
    assert read_contacts(text) == (True, (handle,)), text


@pytest.mark.parametrize("text", FIRM_TALK)
def test_names_to_look_up_in_talk_are_no_contact(text: str) -> None:
    assert not read_contacts(text)[0], text


@pytest.mark.parametrize("text", MASKED)
def test_trade_words_with_letters_masked_or_apostrophes_between_are_read(text: str) -> None:
    from policy.fingerprint import reads_as_promotion
    assert reads_as_promotion(text), text


def test_an_account_pointed_at_for_the_rest_is_a_contact() -> None:
    assert read_contacts("new tunes every week, @tunedealz has more") == (True, ("h:tunedealz",))
    assert read_contacts("ring @tunedealz!") == (True, ("h:tunedealz",))
    assert not read_contacts("more on @jake later")[0]
    assert not read_contacts("thanks @sam for the lift")[0]


@pytest.mark.parametrize("text", ["my cell is 0771 & 234 & 567 & 8", "ring 07 n 712 n 34 n 5678",
                                  "call 0771 + 2345 + 678"])
def test_a_numbers_groups_joined_by_and_signs_are_one_number(text: str) -> None:
    assert read_contacts(text) == (True, ("n:07712345678",)), text


@pytest.mark.parametrize("text", ["at 0800 and 0930 and 1100 we ring the bell",
                                  "scores were 0 and 3 and 5"])
def test_times_and_scores_joined_by_and_are_no_number(text: str) -> None:
    assert not any(c.startswith("n:") for c in read_contacts(text)[1]), text


def test_a_trade_word_cut_by_a_space_is_read_whole() -> None:
    from policy.fingerprint import reads_as_promotion
    assert reads_as_promotion("Cl*im y0ur compli- mentary Hol iday, ringto- ne and c.a.s.h")
    assert not reads_as_promotion("the hol iday was fun, see you at the ringto- ne shop")


# Round 25 (tests/redteam25, blind against the reader above): names too long for a word next
# to an app, app nicknames, a site whose dot is said otherwise, a word to send back for
# something, a firm typed into google. Our own phrasings.
ROUND25 = [
    ("i'm bellarosewilliams on snap, come say hi", "h:bellarosewilliams"),
    ("kik: bellarosewilliams", "h:bellarosewilliams"),
    ("look for bellarosewilliams on the yellow app", "h:bellarosewilliams"),
    ("msg me on wsp, bellarosewilliams", "h:bellarosewilliams"),
    ("the page is cashflowdaily plus com", "d:cashflowdaily.com"),
    ("cashflowdaily then co uk, have a look", "d:cashflowdaily.co.uk"),
    ("cashflowdaily, com on the end", "d:cashflowdaily.com"),
    ("type Greenfield Payouts into google", "h:greenfieldpayouts"),
    ("pop cashflowdaily into your browser", "h:cashflowdaily"),
    # its tiny texts, read in a later session: "snap me:", the app then a self cue, the app
    # in brackets after a cued name
    ("kik me: bellarosewilliams", "h:bellarosewilliams"),
    ("telegram?? i am bellarosewilliams", "h:bellarosewilliams"),
    ("find me, bellarosewilliams (insta) x", "h:bellarosewilliams"),
    # a long name after a search verb or "as" in a text that names an app, or after the app
    # and a colon or a dash
    ("i'm on kik now, just search bellarosewilliams", "h:bellarosewilliams"),
    ("i'm rosiesummers on insta, say hi", "h:rosiesummers"),
    ("It's cashflowdaily [co] [uk]", "d:cashflowdaily.co.uk"),
    ("the site is cashflowdaily (all one word), then the com ending", "d:cashflowdaily.com"),
    ("go to bitly then a slash then cashflow7", "d:bit.ly"),
    # round 27 (blind): a space for the dot
    ("claim at cashflow943 co uk now", "d:cashflow943.co.uk"),
    ("visit cashflow03 net, loads inside", "d:cashflow03.net"),
    ("see cashflowdaily com for more", "d:cashflowdaily.com"),
    ("cashflow222 c o m", "d:cashflow222.com"),
    ("go to cashflow (com) to log in", "d:cashflow.com"),
    ("Win a free phone! Visit cashflowzone com to claim now", "d:cashflowzone.com"),
    ("4 more go 2 cashflowquiz net, the original", "d:cashflowquiz.net"),
    ("FIND OUT WHY LOG ONTO cashflowquiz net THERE'S A SURPRISE", "d:cashflowquiz.net"),
    ("To stop go2 cashflow com anyway", "d:cashflow.com"),
    ("pls gotto cashflow (com) login 3qxj9", "d:cashflow.com"),
    # a black-box probe's: a symbol for the dot, "dott", ".couk", a shortener and its code
    ("see cashflowdaily 🔵 com", "d:cashflowdaily.com"),
    ("cashflow22_com", "d:cashflow22.com"),
    ("cashflowdaily dott com", "d:cashflowdaily.com"),
    ("cashflowdaily.couk", "d:cashflowdaily.couk"),
    ("bitly 3xYz9", "d:bit.ly"),
    # a blind probe's (round 29): a site glued to its ending, or cut by "_"
    ("see cashflow386couk", "d:cashflow386.co.uk"),
    ("grab it at cashflow623_co_uk", "d:cashflow623.co.uk"),
    ("details cashflow952 couk", "d:cashflow952.co.uk"),
    ("see cashflow386com", "d:cashflow386.com"),
    # a black-box probe's: a word domain after a pointer, a host first or after a comma, a
    # name of letters only as my mail
    ("all my private pics are on cashflow.love x", "d:cashflow.love"),
    ("join cashflow.casino tonight", "d:cashflow.casino"),
    ("write me privately, cashflow22, gmail x", "e:cashflow22@gmail.com"),
    ("gmail: cashflow22", "e:cashflow22@gmail.com"),
    ("my gmail is cashflowvip", "e:cashflowvip@gmail.com"),
    ("the little ghost app (yellow one): bellarosewilliams", "h:bellarosewilliams"),
    ("quicker on telegram - bellarosewilliams", "h:bellarosewilliams"),
]

ROUND25_WORDS = [
    "text me gold and I'll send the details",
    "If you're in, just reply ready",
    "say gold back if you want it",
    "write yes please under this and it's yours",
    "write yes under this and it's yours",
    "a quick 'count me in' back is all I need",
    "answer with claim to get it",
]

ROUND25_TALK = [
    "I'm constantly on snap lol",
    # a second review's talk, read by the first version of these patterns
    "Got this sofa off facebook marketplace for 40 quid, bargain",
    "I'll send you the whatsapp screenshots when I'm home",
    "No signal underground, will text you when I'm out at Bank",
    "Countryfile on telly then bed, living the dream",
    "Catch me on telly Saturday night, I'm in the audience for Strictly!",
    "Watching Bournemouth on the BBC Sport app, awful stream",
    "Southampton in the early one, then Arsenal in the late one",
    "Salary is 40k gross, then net it's about 31k",
    "Cover the strawberries with a net or the birds get them",
    "Text me yes and I'll sort the tickets",
    "Send me details and I'll sort it from here",
    "Please answer with yes to confirm your place on the trip",
    "party saturday, pm me your address if you want an invite",
    "occasionally on insta, mostly tiktok",
    "Sherlock on telly tonight",
    "everything downloaded on the new app",
    "text me back and I'll sort it",
    "reply yes and I'll book the table",
    "send me the doc and I'll send it on",
    "a quick call back would be great",
    "type something into google",
    "snap me: unbelievable scenes at the match",
    "whatsapp? i'm unavailable till friday",
    "i'm everywhere (insta) and nowhere",
    "Reminder: supermarket closes at 8, the app has the hours",
    "message followers on insta about the bake sale",
    "the report (comms section) is wrong",
    "I love a good rom com",
    "goes in the back of the net lol",
    "the org chart is out, mum and dad are on it",
    "see you there.love you",
    "this is gd 2day",
    "it was a sit-com, rom/com, whatever",
    "Dott. Rossi will see you at 3",
    "gr8 2nite b4 w8 4u, 0ne day i will",
    "Take care c u soon.xxx",
    "my gmail is rubbish",
    "my gmail is private",
    # a review's talk, read by the first version of these patterns
    "go to football net practice at 6",
    "check out kerala net worth of that actor",
    "the estate agents com is 1.5%",
    "we'll see you at the sunset com ing up",
    "email mrs patel on gmail",
    "write to uncle ravi at hotmail",
    "email elizabeth, the yahoo one is dead",
    "if you're in, say so",
    "football 5 a side, if you're in just reply in",
    "tinyurl then a slash then what? i never got the rest",
    "spell it (all one word) please",
    "say hi back if you want it lol",
    "5 a side tomorrow 7pm, if you're in just reply yes",
    "party sat! if you're in, reply asap x",
    "my nan is on whatsapp now, add grandmother to the family chat lol",
    "Insta - Middlesbrough highlights all night",
    # a review's talk, read by the first version of these patterns
    "search peterborough on the trainline app, it's cheaper",
    "insta - wolverhampton away day pics are up lads",
    "dressed as frankenstein last night, pics on insta",
    "telegram? i'm confusedddddd",
    "snap me: hahahahahahahaha",
    "i'm speechlesssss (whatsapp)",
    "Easier on whatsapp - Cheers Dave",
    "Better on tiktok - Taylor Swift",
]


# read with their key; a word to send back for something is a way back; talk stays talk
(test_round25_ways_back_are_read_with_their_key, test_a_word_to_send_back_for_something_is_a_way_back,
 test_round25_talk_stays_talk) = reading_tests(ROUND25, ROUND25_WORDS, ROUND25_TALK)


NAMED = [
    ("Ask for Tom Briggs at Oakdale Partners, google them", "h:oakdalepartners"),
    ("It's all on Oakdale Partners's site if you search them", "h:oakdalepartners"),
    ("look up Oakdale Partners, the website has a form", "h:oakdalepartners"),
    ("I'm on insta as Bella Rosewood", "h:bellarosewood"),
    ("find Bella Rosewood on the yellow ghost app", "h:bellarosewood"),
    ("The prize is yours, it just needs a yes. Quicker on kik: Bella Rosewood", "h:bellarosewood"),
    ("Your entry came good! Easier on the blue bird app - Bella Rosewood.", "h:bellarosewood"),
]

NAMED_TALK = [
    "I'm on the train, Tom Smith says hi",
    # a second review's talk, read by the first version of these patterns
    "Add Sarah Jones on facebook, she's doing the cake for the party",
    "in the team one: Coach Miller says practice is moved to 6",
    "Search Joe Wicks on the youtube app, PE with Joe",
    "The band is called Royal Blood, google them",
    "Our plumber was Smith Brothers, google them, really reasonable",
    "Google Royal Mail, the website has a tracker",
    "Google Tesco Extra, they'll confirm opening hours",
    "I saw it on the BBC app - breaking news",
    "Saw it on tiktok - Leah Hartwell posted it",
    "Easier on whatsapp, Best Wishes",
    "Easier on facebook - Kind Regards",
    "watched it on the telly with Mum and Dad",
    "Look up Pizza Express, ask for Sam",
]


@pytest.mark.parametrize(("text", "key"), NAMED)
def test_a_firm_or_a_person_named_as_the_way_back_is_read(text: str, key: str) -> None:
    contact, found = read_contacts(text)
    assert contact and key in found, (text, found)


@pytest.mark.parametrize("text", NAMED_TALK)
def test_names_in_talk_stay_talk(text: str) -> None:
    assert not read_contacts(text)[0], text


@pytest.mark.parametrize(("text", "key"), [
    ("07 y 700 y 900 y 123, escríbeme", "n:07700900123"),      # a review's misses, read since
    ("google highfield assist and ask for dana", "h:highfieldassist"),
])
def test_a_reviews_misses_in_small_letters_and_other_joiners(text: str, key: str) -> None:
    contact, found = read_contacts(text)
    assert contact and key in found, (text, found)


@pytest.mark.parametrize("text", ["my pfp is a qr, scan it babe",
                                  "same user as here on the other app, come find me"])
def test_a_picture_that_is_a_code_and_the_same_user_are_ways_back(text: str) -> None:
    assert read_contacts(text)[0], text


def test_a_trade_word_with_an_apostrophe_inside_is_read() -> None:
    from policy.promotion import reads_as_promotion
    assert reads_as_promotion("CL'AIM Y'OUR F'REE G'IFT TODAY")
    assert not reads_as_promotion("don't forget, it's 5 o'clock")
    assert not read_contacts("google the best deals")[0]
    assert not read_contacts("find local solutions")[0]
