"""13+ campaign families of 2024-2026 DM spam, written from scratch by an outside red team.

Each family: its own base texts (spintax) and its own variation engine; each spammer of a
family picks its own persona, way back and tactic (single sends, split in parts, small
groups, paced) from its seed.
"""
from __future__ import annotations

import random
import re
import string

from tests.redteam13.sim import Msg

# ---------------------------------------------------------------- variation helpers

_SPIN = re.compile(r"\{([^{}]*)\}")


_SLOT = re.compile(r"\{(@?\w+)\}")


def spin(text: str, rng: random.Random) -> str:
    """Spintax: {a|b|c} picks one (nested allowed); {word} without "|" is a slot, kept."""
    text = _SLOT.sub(lambda m: "\x00" + m.group(1) + "\x01", text)
    while True:
        m = _SPIN.search(text)
        if not m:
            return text.replace("\x00", "{").replace("\x01", "}")
        text = text[:m.start()] + rng.choice(m.group(1).split("|")) + text[m.end():]


ZW = ["\u200b", "\u200c", "\u200d", "\u2060"]


def zero_width(text: str, rng: random.Random, share: float = 0.15) -> str:
    return "".join(c + (rng.choice(ZW) if c.isalpha() and rng.random() < share else "") for c in text)


LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def leet(text: str, rng: random.Random, share: float = 0.25) -> str:
    return "".join(LEET[c] if c in LEET and rng.random() < share else c for c in text)


EMOJI = ["😘", "🔥", "💕", "😍", "✨", "💸", "🚀", "📈", "💰", "👀", "😳", "🙈", "❤️", "🥰", "👉", "💯", "🎁", "📦", "⚠️", "✅"]


def emojify(text: str, rng: random.Random, k: int = 2) -> str:
    words = text.split(" ")
    for _ in range(k):
        words.insert(rng.randrange(len(words) + 1), rng.choice(EMOJI))
    return " ".join(words)


def breaks(text: str, rng: random.Random) -> str:
    return re.sub(r"([.!?]) ", lambda m: m.group(1) + rng.choice([" ", "\n", "\n\n"]), text)


NAMES = ["Jess", "Mike", "Sara", "Tom", "Anna", "Chris", "Priya", "Leo", "Maria", "Dan", "Kim", "Omar",
         "Lucy", "Ben", "Nina", "Sam", "Eva", "Raj", "Zoe", "Alex"]
HANDLES_A = ["lily", "mia", "ava", "sofia", "chloe", "bella", "luna", "nova", "ivy", "ruby", "grace", "jade"]
HANDLES_B = ["xo", "babe", "vip", "official", "daily", "real", "love", "secret", "fit", "doll"]
NUMWORDS = "zero one two three four five six seven eight nine".split()


def handle(rng: random.Random, digits: bool = True) -> str:
    h = rng.choice(HANDLES_A) + rng.choice(["", ".", "_"]) + rng.choice(HANDLES_B)
    return h + (str(rng.randint(1, 99)) if digits and rng.random() < 0.5 else "")


SYL = ["ver", "ify", "sec", "ure", "help", "acc", "ount", "meta", "safe", "pay", "track", "post",
       "del", "ivery", "care", "hub", "desk", "zen", "nova", "flux", "prime", "max", "go", "now"]
TLDS_COMMON = ["top", "xyz", "click", "shop", "live", "site", "online", "icu", "cfd", "sbs", "lat", "bond"]
TLDS_RARE = ["homes", "boats", "yachts", "motorcycles", "cloud", "lifestyle", "hair", "uno", "fit", "run",
             "rest", "today", "world", "one", "cyou", "quest", "tech", "space", "support", "center"]
SHORT = ["bit.ly", "t.ly", "tinyurl.com", "is.gd", "cutt.ly", "rb.gy", "shorturl.at", "s.id", "tiny.one",
         "shorturl.asia", "surl.li", "clck.ru", "lnkd.in", "x.gd", "goo.su", "vk.cc"]


def domain(rng: random.Random, rare: float = 0.5) -> str:
    name = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3)))
    if rng.random() < 0.4:
        name = name[:4] + "-" + name[4:]
    tld = rng.choice(TLDS_RARE if rng.random() < rare else TLDS_COMMON)
    return f"{name}.{tld}"


def link(rng: random.Random, rare: float = 0.5) -> str:
    if rng.random() < 0.4:
        return f"{rng.choice(SHORT)}/{''.join(rng.choices(string.ascii_letters + string.digits, k=6))}"
    d = domain(rng, rare)
    path = "" if rng.random() < 0.5 else "/" + "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 6)))
    return rng.choice(["", "https://", "www."]) + d + path


def phone(rng: random.Random) -> str:
    cc = rng.choice(["+1", "+44", "+62", "+63", "+234", "+1"])
    d = "".join(str(rng.randint(0, 9)) for _ in range(10))
    return f"{cc} {d[:3]} {d[3:6]} {d[6:]}"


def phone_words(rng: random.Random) -> str:
    d = "".join(str(rng.randint(0, 9)) for _ in range(10))
    return " ".join(NUMWORDS[int(c)] for c in d)


def cap(text: str, limit: int = 138) -> str:
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0]


def vary(text: str, rng: random.Random, *, emoji=0.5, zw=0.2, lt=0.1, br=0.3) -> str:
    if rng.random() < emoji:
        text = emojify(text, rng, rng.randint(1, 3))
    if rng.random() < br:
        text = breaks(text, rng)
    if rng.random() < lt:
        text = leet(text, rng, 0.2)
    if rng.random() < zw:
        text = zero_width(text, rng)
    return text


def pick(rng: random.Random, texts: list[str]) -> str:
    return rng.choice(texts)


def tactic(rng: random.Random) -> dict:
    """A spammer's tactic: single/split/group and pacing."""
    kind = rng.choices(["single", "split", "group", "slow"], [0.45, 0.2, 0.15, 0.2])[0]
    return {"kind": kind, "n": rng.randint(2, 4) if kind == "group" else 1,
            "pace": rng.uniform(1500, 2400) if kind == "slow" else rng.uniform(30, 300)}


def make(rng, parts, tac) -> Msg:
    parts = [p for p in parts if p.strip()]
    if tac["kind"] != "split" and len(parts) > 1:
        parts = [" ".join(parts)]
    return Msg(parts, n=tac["n"], pace=tac["pace"])


# ---------------------------------------------------------------- families
# Each family: fam(rng) -> gen(rng, i) -> Msg. Texts are split with " || " into parts.

FAMILIES = {}


def family(name):
    """Register fam(rng) -> gen; the gen is wrapped so that an over-long copy is written
    again (as a spammer shortens its words, not its link), up to 30 times, then cut."""
    def deco(f):
        def fam(rng):
            gen = f(rng)

            def fitted(r, i):
                for _ in range(30):
                    m = gen(r, i)
                    if all(len(p) <= 138 for p in m.parts):
                        return m
                m.parts = [cap(p) for p in m.parts]
                return m
            return fitted
        FAMILIES[name] = fam
        return f
    return deco


# 1. pig butchering "wrong number" openers (the reply is the way back)
PIG = [
    "Hi {name}, {is the|are we still on for the|is} {dinner|lunch|golf} {still on for|on} {Friday|Saturday|this weekend}? {I booked|I reserved} {the table|a table} for {7|7:30|8}",
    "{Hello|Hi}, is this {name}? {My uncle|Mr. Chen|Linda} gave me your {number|contact} {about|for} the {apartment|house viewing|wine tasting}",
    "{Sorry to bother you|Excuse me}, {are you|is this} {name} from the {yoga class|dental clinic|conference in Singapore}?",
    "{Hey|Hi} {name}! {It was so nice|Lovely} {meeting|to meet} you {at the party|yesterday|last night}. {Are you free|Free} {for tea|for coffee} {this week|tomorrow}?",
    "{Hello|Hi there}, I think I {added|saved} the wrong {person|contact}, {but|anyway} you seem {nice|kind}. {Where are you from|How is your day going}?",
    "{Hi|Hey} {name}, {the|your} {package|order|documents} from {my assistant|Amy|the office} {arrived|is ready}, {when can you|can you} {pick it up|come by}?",
    "{Is this|Are you} {name}? {We|I} {met|talked} {at the airport|on the flight to Dubai|at the golf club} {last month|in March}, {remember me|do you remember}?",
    "{Good morning|Morning} {name}, {did you|have you} {get|seen} the {photos|pictures} I {sent|shared} {yesterday|last night}?",
    "{Hi|Hello}, {sorry|apologies}, {my phone|my contacts} {got|was} {reset|wiped}. {Who is this|Who are you} {again|exactly}? {I'm|It's} {Vivian|Grace|Emma}",
    "{Hey|Hi} {name}, {Aunt Mei|Coach Daniel|Dr. Wu} {said|told me} you {might|could} {help with|know about} {the listing|the tickets|the wine order}",
]


@family("pig_butchering")
def fam_pig(rng):
    tac = tactic(rng)

    def gen(r, i):
        t = spin(pick(r, PIG), r).replace("{name}", r.choice(NAMES))
        return make(r, [vary(t, r, emoji=0.2, zw=0.1, lt=0)], tac)
    return gen


# 2. romance openers (off the public opener list as much as a scammer would write)
ROM = [
    "{Hi|Hello|Hey} {there|stranger}, {your|ur} {smile|photos|vibe} {really|truly} {stood out|made my day}. {I'm|Im} {Daniel|Mark|Anthony}, {a|an} {civil engineer|widowed dad|contractor} {working abroad|on a project overseas}",
    "{Hope|I hope} {this|my message} {finds you well|isn't weird}. {I|I've} {noticed|seen} you {on here|in my feed} {and|and just} {wanted|had} to say {hello|hi}. {How's|How is} {life|your week}?",
    "{Hello|Hi} {pretty|lovely} {lady|one}, {I'm|I am} {new here|new on this app} {and|and I'm} {looking|hoping} to {meet|find} {someone|a woman} {sincere|genuine|loyal}",
    "{Good evening|Hey}, {forgive|pardon} {me|my boldness}. {You have|You've got} {lovely|kind|warm} eyes. {Where|Which city} {are you|r u} {based|from}?",
    "{Hi|Hello}, {I'm|Im} {Sophia|Emily|Olivia}, {35|38|41}, {recently|just} {divorced|moved here} {and|and I'm} {lonely|a bit lonely}. {Would you|Wanna} {chat|talk} {sometime|a bit}?",
    "{Hey|Hi} {handsome|gorgeous}, {I|I've} {like|enjoyed} {your|ur} {posts|pictures} {a lot|so much}. {Can|Could} {we|u and I} {talk|chat} {more|privately}?",
    "{Dear|Hi dear}, {I'm|I am} {a|an} {US army|UN} {doctor|officer} {on a mission|deployed} {in Syria|abroad}. {I'd|I would} {love|like} {a pen pal|someone to talk to}",
    "{Hello|Hi}, {you|u} {seem|look} {like|to be} {a|such a} {kind|sweet|caring} {person|soul}. {I'm|Im} {Jack|Lucas}, {do you|d'you} {mind|have time to} {talking|talk}?",
    "{I know|I realise} {this|it} {is|might be} {random|unexpected} {but|,} {I|I just} {had to|wanted to} {reach out|say hi}. {You|U} {look|seem} {amazing|wonderful} {x|xx|}",
    "{Hey|Hi} {you|there}! {I'm|Im} {looking|searching} for {my person|the one|something real}. {Tell me|What's} {about yourself|your story}?",
    "{Hello|Hi}. {My|Me and my} {daughter|son} {said|told me} {I should|to} {try|join} {this app|here}. {I'm|Im} {a|an} {retired|widowed} {nurse|pilot}. {Nice|Lovely} to {meet|greet} you",
]


@family("romance")
def fam_rom(rng):
    tac = tactic(rng)

    def gen(r, i):
        t = spin(pick(r, ROM), r)
        return make(r, [vary(t, r, emoji=0.4, zw=0.1, lt=0)], tac)
    return gen


# 3. OnlyFans / adult bait pointing to a profile, a handle, a link
OF = [
    "{hey|heyy|hiii} {cutie|babe|u} {😘|🙈} {just|finally} {posted|dropped} {something|smth} {naughty|spicy|special} {on my page|in my bio|on my story} {go look|check it} {😈|👀}",
    "{bored|lonely} {and|&} {home alone|in bed} {rn|tonight} {🥵|😏} {come|wanna} {find me|see more} {on|at} {snp|sn@p|the yellow app|my priv}: {handle}",
    "{u|you} {seem|look} {fun|cute} {lol|haha}. {my|mine} {priv|private} {acc|account} {is|=} {handle} {👀|😘} {dont|don't} {tell|tell anyone}",
    "{free|FREE|fr33} {for|4} {the|1st} {next hour|first 50 subs} {😈|🔥} {my|the} {link|page} {is|'s} {in|on} {my|the} {bio|profile} {babe|hun}",
    "{hey|hi} {name} {😳|🙈} {i|I} {think|feel} {u|you} {would|will} {like|love} {my|the} {new|latest} {vids|content} {🍑|🔥} {{link}|{link} 👈}",
    "{wanna|want to} {see|c} {more|the uncensored} {pics|ones|set}? {its|it's} {all|everything} {on|at} {my|the} {fnsly|0nlyf|OF|spicy page} {🙈|😘} {handle}",
    "{lol|haha} {you|u} {liked|viewed} my {story|reel} {😏|😘} {dm|message} {me|my main} {on|at} {tele|insta|snap|the other app} {handle}",
    "{hi|heyy} {it's|its} {ur|your} {new|future} {favorite|fav} {girl|gf} {😘|💋} {click|tap} {my|the} {pfp|profile pic} {for|to see} {a surprise|more}",
]


@family("adult_bait")
def fam_of(rng):
    tac = tactic(rng)
    h = handle(rng)

    def gen(r, i):
        t = spin(pick(r, OF), r).replace("{handle}", h if r.random() < 0.7 else handle(r))
        t = t.replace("{link}", link(r)).replace("{name}", r.choice(NAMES))
        return make(r, [vary(t, r, emoji=0.3, zw=0.25, lt=0.15)], tac)
    return gen


# 4. giveaways / brand ambassador
AMB = [
    "{Hey|Hi} {love|babe|lovely}! {We|Our team} {love|adore} {your|ur} {feed|content|page} 💕 {We'd|We would} {love|like} {you|to have you} {to rep|to represent} {our|the} {brand|label|store}. {DM|Message} {{@h}|our main {@h}} {for details|to get started}",
    "{Congrats|Yay}! {You|Your account} {was|were} {picked|chosen} {for|in} {our|the} {monthly|spring} {giveaway|gift drop} 🎁 {Message|Text} {{@h}|{@h} ASAP} {within|in} {24h|48 hrs} {to receive|to get} {it|your gift}",
    "{Hi|Hello} {beautiful|gorgeous} ✨ {we're|we are} {looking|searching} for {new|fresh} {faces|creators} {to join|for} {our|the} {collab|partner} {program|team}. {Free|Complimentary} {products|pieces} + {20|30}% {off|discount} {code|link}. {Interested|Keen}?",
    "{Omg|Hey}! {You|U} {won|just won} {our|the} {iPhone 16|PS5|$500 Sephora} {giveaway|draw} 🥳 {tap|go to} {l} {to|and} {confirm|verify} {shipping|your address}",
    "{Hey|Hi} {there|hun}, {we|our boutique} {would|'d} {love|like} {to send you|to gift you} {a|some} {free|pr} {pieces|items}. {Just|Only} {cover|pay} {shipping|the postage} 📦 {DM {@h}|message {@h}}",
    "{Hello|Hey}! {You've|U have} {been|just been} {selected|shortlisted} {as|to be} {our|a} {brand|Insta} {rep|face|partner} 🌸 {check|see} {our|the} {page|profile} {{@h}|} {and|then} {reply|answer} {yes|YES} {to accept|if keen}",
    "{Hi|Hey}! {Sending|Just sending} {good|positive} {vibes|energy} {from|at} {{@h}|our team} ✨ {Your|Ur} {style|aesthetic} {is|is just} {perfect|exactly} {for|what we need for} {our|the} {summer|new} {campaign|line}. {Let's talk|Chat soon}?",
]


@family("brand_ambassador")
def fam_amb(rng):
    tac = tactic(rng)
    acct = rng.choice(["glow", "luxe", "aura", "vela", "mira"]) + rng.choice(["_boutique", ".collective", "cosmetics", "_official", "studio"]) + rng.choice(["", "_", "co"])

    def gen(r, i):
        t = spin(pick(r, AMB), r)
        t = t.replace("{@h}", "@" + (acct if r.random() < 0.8 else acct + str(r.randint(1, 9)))).replace("{l}", link(r))
        return make(r, [vary(t, r, emoji=0.3, zw=0.2, lt=0.05)], tac)
    return gen


# 5. task jobs paid per like / review
JOB = [
    "{Hi|Hello}, {I'm|this is} {Rachel|Kelly|Jenny} {from|at} {a|an} {digital marketing|app promotion} {agency|company}. {We|We're} {have|offering} {a|an} {simple|easy} {online|remote} {task|role}: {like|rate} {videos|hotels|products}, {paid|$} {daily|per task}. {Interested|Keen}?",
    "{Hey|Hi}! {Looking for|Want} {extra|some extra} {money|income}? {Just|Only} {20|30} {minutes|mins} {a day|daily} {on your phone|from home}, {$100-$300|$150-$800} {a day|per day}. {No|Zero} {experience|skills} {needed|required}. {Text|WhatsApp} {ph}",
    "{Good day|Hello}, {our|the} {HR|hiring} {team|department} {saw|found} {your|ur} {profile|resume} {online|on LinkedIn}. {We|We'd} {offer|like to offer} {a|you a} {flexible|part-time} {position|job}, {paid|pay} {daily|weekly}. {Reply|Answer} {1|YES} {for|to get} {details|info}",
    "{Hi|Hey} {name}, {quick|easy} {side gig|gig}: {follow|subscribe to} {YouTube|TikTok} {channels|accounts} {and|&} {send|share} {screenshots|proof}, {get|earn} {$5|5 dollars} {each|per follow}. {Add|Message} {our|my} {mentor|coordinator} on {tele|telegram} {@tg}",
    "{Remote|Online} {job|work} {opportunity|offer} 📱 {rate|review} {products|apps} {for|on} {Amazon|app stores}, {earn|make} {200|300} {to|-} {500|900} {daily|per day}. {Contact|Message} {our|the} {supervisor|manager} {ph}",
    "{Hi|Hello}, {are you|r u} {open to|interested in} {a|some} {part time|flexible} {work|job} {right now|this month}? {We pay|Pay is} {well|very well} {and|,} {it|this} {takes|only takes} {under an hour|1h} {a day|daily}. {Let me know|Just reply}",
]


@family("task_job")
def fam_job(rng):
    tac = tactic(rng)
    ph = phone(rng)
    tg = handle(rng)

    def gen(r, i):
        t = spin(pick(r, JOB), r).replace("{ph}", ph if r.random() < 0.6 else phone_words(r))
        t = t.replace("{@tg}", "@" + tg).replace("{name}", r.choice(NAMES))
        return make(r, [vary(t, r, emoji=0.3, zw=0.2, lt=0.1)], tac)
    return gen


# 6. account-suspension phishing with a look-alike domain, a new one per copy
PHISH = [
    "{Your|This} {account|profile|page} {will be|is scheduled to be} {disabled|deactivated|removed} {in|within} {24|48} {hours|hrs} {due to|for} {copyright|trademark} {reports|complaints}. {Appeal|Submit an appeal} {here|at}: {l}",
    "{Meta|Instagram|Platform} {Support|Safety|Integrity} {Team|Center}: {we|We} {detected|received} {a|several} {violation|violations} {on|of} {your|ur} {account|page}. {Verify|Confirm} {ownership|your identity} {to avoid|before} {removal|a ban}: {l}",
    "{Notice|Warning|Final warning}: {your|the} {profile|account} {has|got} {been|} {flagged|reported} {for|as} {impersonation|fake}. {To keep|Keep} {it|your account} {active|live}, {fill|complete} {the|this} {form|review} {l}",
    "{Hi|Hello}, {this is|it's} {the|an} {automated|official} {message|notice} {from|by} {the|our} {moderation|review} {team|desk}. {Your|Ur} {blue check|verified badge} {request|application} {was|has been} {approved|accepted}, {finish|complete} {at|via} {l}",
    "{Dear user|Hello}, {unusual|suspicious} {login|sign-in} {from|in} {Moscow|Lagos|Jakarta} {detected|noticed}. {If|If this} {this wasn't|wasn't} {you|u}, {secure|protect} {your|the} {account|login} {now|today}: {l}",
    "{We|Our team} {noticed|found} {content|posts} {on|in} {your|ur} {page|feed} {that|which} {breaks|breach} {our|the} {rules|terms}. {You have|U have} {12|24} {hours|hrs} {to|to file an} {respond|appeal}: {l}",
]


@family("suspension_phish")
def fam_phish(rng):
    tac = tactic(rng)

    def gen(r, i):
        d = domain(r, 0.6)
        brand = r.choice(["meta", "ig", "insta", "fb", "x", "tiktok"])
        d = r.choice([f"{brand}-{d}", f"{brand}{d}", f"{brand}.{d}", d])
        url = r.choice([d, "https://" + d + "/appeal", d + "/case" + str(r.randint(100, 999)), link(r)])
        t = spin(pick(r, PHISH), r).replace("{l}", url)
        return make(r, [vary(t, r, emoji=0.1, zw=0.3, lt=0.05, br=0.4)], tac)
    return gen


# 7. parcel redelivery fee
PARCEL = [
    "{USPS|Royal Mail|DHL|Evri}: {your|Your} {parcel|package} {is|has been} {on hold|held} {due to|because of} {an incomplete|a wrong} {address|house number}. {Update|Confirm} {within|in} {12|24|48} {hours|hrs}: {l}",
    "{Your|The} {delivery|shipment} {could not|couldn't} {be|get} {completed|delivered} {today|this morning}. {Reschedule|Rebook} {and|&} {pay|settle} {the|a} {$1.99|£1.45|€2.10} {charge|fee} {at|here} {l}",
    "{We|Our courier} {tried|attempted} {to deliver|delivering} {your|ur} {item|package} {but|and} {no one|nobody} {was|answered} {home|at the door}. {Pick|Choose} {a|your} {new|another} {slot|date}: {l}",
    "{Hi|Hello} {name}, {your|ur} {order|package} #{num} {is|is stuck} {at|in} {the|our} {depot|warehouse}. {Small|Tiny} {customs|import} {charge|fee} {outstanding|due}. {Details|Info}: {l}",
    "{Final|Last} {reminder|notice}: {parcel|package} {num} {will be|is being} {returned|sent back} {to|to the} {sender|shipper} {tomorrow|in 24h} {unless|if not} {you|u} {update|confirm} {details|your address} {l}",
]


@family("parcel_fee")
def fam_parcel(rng):
    tac = tactic(rng)

    def gen(r, i):
        d = r.choice(["usps", "royalmail", "dhl", "evri", "parcel", "track"]) + r.choice(["-", ""]) + domain(r, 0.7)
        url = r.choice([d, "https://" + d, d + "/t/" + str(r.randint(1000, 9999)), link(r)])
        t = spin(pick(r, PARCEL), r).replace("{l}", url).replace("{num}", "".join(r.choices(string.ascii_uppercase, k=2)) + str(r.randint(100, 999))).replace("{name}", r.choice(NAMES))
        return make(r, [vary(t, r, emoji=0.15, zw=0.25, lt=0.05)], tac)
    return gen


# 8. "is this you in this video?" + link (often split: bait, then link)
VIDEO = [
    "{omg|OMG|wait} {is|isn't} {this|that} {you|u} {in|on} {this|the} {video|vid|clip}?? {😳|😱|🙈}",
    "{lol|haha|bro} {someone|somebody} {posted|uploaded|shared} {this|a video} {about|of} {you|u} {😂|😬} {is it|is this} {real|you}?",
    "{hey|yo} {did you|have u} {see|seen} {what|wat} {they|people} {are|r} {saying|posting} {about|abt} {you|u} {here|in this}? {😮|👀}",
    "{I|i} {can't|cant} {believe|beleive} {you|u} {did|would do} {this|that} {on camera|on video} {😭|🤯}",
    "{yo|hey} {is that|thats} {really|actually} {you|u}?? {everyone|ppl} {is|are} {sharing|talking about} {it|this} {😳|🙀}",
]


@family("video_bait")
def fam_video(rng):
    tac = tactic(rng)
    if tac["kind"] == "single" and rng.random() < 0.5:
        tac["kind"] = "split"

    def gen(r, i):
        t = spin(pick(r, VIDEO), r)
        url = link(r, 0.7)
        parts = [vary(t, r, emoji=0.1, zw=0.2, lt=0.05, br=0), r.choice([url, url + " 👀", "here " + url, url])]
        return make(r, parts, tac)
    return gen


# 9. Telegram / WhatsApp group recruiting (signals, VIP groups)
TG = [
    "{Join|Come join} {our|my} {free|private} {crypto|trading|stock} {signals|alerts} {group|channel} {🚀|📈} {{t}|on tele {h}}",
    "{Hi|Hey}, {we|our community} {share|post} {daily|free} {stock|btc} {picks|calls} {with|at} {80|90}% {accuracy|win rate}. {Link|Group}: {t}",
    "{I've|I have} {been|been making} {making|earning} {good|nice} {profits|returns} {with|thanks to} {this|a} {group|community} {lately|recently}, {you|u} {should|can} {check|join} {it|them}: {t}",
    "{Hello|Hi} {friend|dear}, {want|wanna} {to learn|learn} {how|to} {trade|invest} {from|with} {pros|experts}? {Add|Find} {me|our analyst} {on|at} {WhatsApp|telegram} {h}",
    "{Our|The} {VIP|insider} {room|channel} {just|has} {hit|made} {+340|+212|+158}% {this|last} {week|month} {📈|🔥} {limited|few} {spots|seats} {left|remaining}: {t}",
]


@family("tg_recruiting")
def fam_tg(rng):
    tac = tactic(rng)
    h = "@" + handle(rng)

    def gen(r, i):
        t_link = r.choice([f"t.me/{handle(r, False)}", f"t.me/+{''.join(r.choices(string.ascii_letters, k=10))}",
                           f"chat.whatsapp.com/{''.join(r.choices(string.ascii_letters, k=12))}", link(r), h])
        t = spin(pick(r, TG), r).replace("{t}", t_link).replace("{h}", h if r.random() < 0.6 else phone(r))
        return make(r, [vary(t, r, emoji=0.3, zw=0.2, lt=0.1)], tac)
    return gen


# 10. investment mentor testimonials
MENTOR = [
    "{I|I just} {withdrew|cashed out} {$4,800|$12k|6,200 USD} {today|this week} {thanks to|because of} {Mrs.|Miss} {Claire|Olivia|Rebecca} {🙏|❤️} {she's|she is} {real|the best}, {message|contact} {her|her page} {@m}",
    "{Never|Honestly never} {thought|believed} {I'd|I would} {say|write} {this|it} {but|,} {@m} {changed|turned around} {my|our} {life|finances}. {Started|Began} {with|from} {$500|$1000}, {now|today} {I'm|im} {debt free|free}",
    "{Hi|Hey}, {sorry|pardon} {to|for the} {intrude|DM}. {I|I just} {wanted|want} {to|to let you} {share|know} {how|that} {@m} {helped|guided} {me|my family} {grow|build} {my|our} {savings|portfolio}. {Look|Check} {them|her} {up|out}",
    "{Shoutout|Big thanks} {to|for} {@m} {for|who} {helping me|helped me} {recover|get back} {my|the} {money|funds} {from|lost to} {a|that} {fake|bad} {broker|platform} {🙏|💯} {reach|contact} {out|them}",
    "{Who|Anyone} {else|here} {is|also} {trading|investing} {with|under} {@m}? {Just|I just} {got|received} {my|another} {payout|withdrawal} {and|,} {I'm|i'm} {so|really} {happy|grateful}",
]


@family("invest_mentor")
def fam_mentor(rng):
    tac = tactic(rng)
    m = rng.choice(["claire", "olivia", "rebecca", "anna", "mark"]) + rng.choice(["_fx", ".trades", "invests", "_wealth", ".capital"]) + rng.choice(["", "_", "official"])

    def gen(r, i):
        t = spin(pick(r, MENTOR), r).replace("{@m}", "@" + m)
        return make(r, [vary(t, r, emoji=0.3, zw=0.2, lt=0.05)], tac)
    return gen


# 11. sugar daddy
SUGAR = [
    "{Hi|Hello} {sweetie|princess|dear}, {I'm|Im} {a|an} {busy|successful} {businessman|CEO} {looking|searching} {for|to find} {someone|a young lady} {to|I can} {pamper|support} {weekly|every week}. {Interested|Keen}?",
    "{Hey|Hi} {there|babygirl}, {I|I'd} {want|love} {to|to help} {bless|support} {someone|you} {with|by paying} {$1500|$2000|1k} {a week|weekly} {,|.} {no meetups|no strings} {needed|required}. {Can we talk|Text back}?",
    "{Are you|R u} {in need of|looking for} {a|some} {financial|monthly} {support|help}? {I'm|Im} {a|an} {older|mature} {gentleman|man} {with|and} {time|money} {to spare|to share}",
    "{I|i} {pay|send} {my|a} {baby|sweet girl} {$800|$1k|2k} {every|each} {Friday|week} {just|only} {for|to} {chatting|her company} {😊|💸} {want|wanna} {to be|be} {next|mine}?",
    "{Hello|Hi}, {I'm|Im} {a|an} {widowed|retired} {surgeon|engineer} {and|,} {I|I'd} {like|want} {to|to make} {someone|a lady} {happy|smile} {with|by} {gifts|paying her bills}. {Let me|Allow me to} {spoil|treat} {you|u}",
]


@family("sugar_daddy")
def fam_sugar(rng):
    tac = tactic(rng)

    def gen(r, i):
        t = spin(pick(r, SUGAR), r)
        return make(r, [vary(t, r, emoji=0.3, zw=0.2, lt=0.15)], tac)
    return gen


# 12. "check my story / bio" short bait (under 32 letters, the tracing minimum)
SHORTB = ["{check|chek|peep} my {story|stry|bio} {😘|🙈|👀|}", "{did u|you} {see|c} my {new|} {pic|post} {yet|}? {😏|}",
          "{u up|you up}? {😘|💋|}", "{new|} {pics|vids} {in|on} my {bio|page} {🔥|😈|}", "{hey|hii} {cutie|stranger} {😘|}",
          "{look|peep} at my {pfp|profile} {😳|🙈|}", "{dm me|msg me} {back|} {babe|hun|} {😘|}", "{story|bio} {🔥🔥|👀👀|😈}",
          "{i|I} {posted|dropped} {smth|sth} {4 u|for u} {😏|}", "{go|pls} {look|see} {my|the} {link|lnk} {pls|} {💋|}"]


@family("short_bait")
def fam_short(rng):
    tac = tactic(rng)
    if tac["kind"] == "split":
        tac["kind"] = "single"

    def gen(r, i):
        t = spin(pick(r, SHORTB), r).strip()
        return make(r, [vary(t, r, emoji=0.3, zw=0.3, lt=0.1, br=0)], tac)
    return gen


# 13. crypto airdrop / wallet drainer
DRAIN = [
    "{Your|Ur} {wallet|address} {is|was} {eligible|whitelisted} {for|in} {the|our} {$ZK|$PEPE2|$JUP|$W} {airdrop|distribution} {🪂|🎉} {check|verify} {at|on} {l}",
    "{Early|OG} {users|holders} {get|receive} {2,500|5000} {tokens|coins} {free|gratis}. {Link|Sync} {your|the} {Phantom|MetaMask} {at|via} {l} {before|until} {Sunday|midnight}",
    "{gm|GM} {fren|ser} {👋|🫡} {we|team} {are|is} {sending|dropping} {rewards|allocations} {to|for} {active|eligible} {community|discord} {members|peeps}. {Check|View} {yours|your allocation}: {l}",
    "{Mint|Claim} {is|goes} {live|open} {now|today} {🔥|🚀} {only|just} {500|1000} {spots|pieces} {for|on} {the|our} {whitelist|allowlist}, {you're|ur} {on|in} {it|the list}: {l}",
    "{Hey|Yo}, {did|have} {you|u} {claim|get} {your|ur} {refund|compensation} {from|after} {the|that} {exploit|hack} {yet|already}? {They|The team} {opened|launched} {a|the} {portal|page}: {l}",
]


@family("airdrop_drainer")
def fam_drain(rng):
    tac = tactic(rng)

    def gen(r, i):
        url = r.choice([domain(r, 0.6), "app." + domain(r, 0.6), link(r), r.choice(["claim-", "drop-", ""]) + domain(r)])
        t = spin(pick(r, DRAIN), r).replace("{l}", url)
        return make(r, [vary(t, r, emoji=0.3, zw=0.2, lt=0.05)], tac)
    return gen


# 14. fake recovery / support that writes to victims
RECOV = [
    "{Hi|Hello}, {I|I also} {saw|read} {your|ur} {post|comment} {about|on} {losing|getting locked out of} {your|ur} {account|wallet}. {{@r}|This guy {@r}} {got|helped get} {mine|my page} {back|restored} {in|within} {hours|a day}",
    "{Sorry|So sorry} {about|to hear about} {your|ur} {hacked|stolen} {page|account} {😢|}. {Message|Text} {{@r}|{@r} on here}, {they|he} {are|is} {legit|real} {and|,} {fixed|recovered} {mine|my IG}",
    "{If|In case} {you|u} {still|haven't yet} {need|got} {help|it} {recovering|getting back} {your|the} {funds|money}, {reach|contact} {{@r}|{@r}, trust me}",
    "{Hey|Hi} {there|friend}, {same|the same} {thing|scam} {happened|happend} {to me|to my sister} {last|this} {month|year}. {I|We} {used|hired} {@r} {and|,} {got|had} {everything|it all} {back|returned}",
]


@family("fake_recovery")
def fam_rec(rng):
    tac = tactic(rng)
    rc = rng.choice(["cyber", "hack", "trace", "unlock", "recover"]) + rng.choice(["_wizard", ".pro", "guru", "_expert", "_ops"]) + rng.choice(["", "1", "_"])

    def gen(r, i):
        t = spin(pick(r, RECOV), r).replace("{@r}", "@" + rc)
        return make(r, [vary(t, r, emoji=0.2, zw=0.2, lt=0.05)], tac)
    return gen


# 15. WhatsApp/number recruiting with numbers written to dodge readers (words, split)
NUMREC = [
    "{Hi|Hey} {name}, {let's|lets} {continue|talk} {on|over} {WhatsApp|WA|the green app}, {it's|its} {easier|better} {there|for me} {😊|}",
    "{My|Here is my} {number|digits|contact} {is|:} {ph} {save|add} {it|me} {and|,} {text|message} {me|first}",
    "{I|i} {rarely|don't} {use|check} {this app|here}, {reach|find} {me|me instead} {at|on} {ph}",
    "{Message|Text} {me|me on wa} {ph} {I'll|I will} {explain|tell you} {everything|more} {there|there 😉}",
]


@family("number_recruiting")
def fam_num(rng):
    tac = tactic(rng)
    if rng.random() < 0.5:
        tac["kind"] = "split"
    digits = "".join(str(rng.randint(0, 9)) for _ in range(10))

    def fmt(r):
        mode = r.randrange(4)
        if mode == 0:
            return " ".join(NUMWORDS[int(c)] for c in digits)
        if mode == 1:
            return f"{digits[:3]} and {digits[3:6]} and {digits[6:]}"
        if mode == 2:
            return f"plus one {digits[:3]}, {digits[3:6]}, {digits[6:]}"
        return "-".join(digits[k:k + 2] for k in range(0, 10, 2))

    def gen(r, i):
        opener = spin(NUMREC[0], r).replace("{name}", r.choice(NAMES))
        t = spin(pick(r, NUMREC[1:]), r).replace("{ph}", fmt(r))
        return make(r, [vary(opener, r, emoji=0.3, zw=0.1, lt=0), vary(t, r, emoji=0.2, zw=0.1, lt=0)], tac)
    return gen


# 16. crypto "VIP group" blasts to groups of up to 19 (shrinks the group when refused)
GRP = [
    "{Welcome|Hi all|Hello everyone} {to|in} {the|our} {VIP|elite|inner circle} {investors|traders} {club|room} {🚀|📈}. {Today's|Tonight's} {call|signal} {drops|goes out} {at|by} {9pm|8pm}",
    "{Hey fam|Hi team}, {our|the} {analyst|coach} {Ms. Tan|Mr. Lee} {will|is going to} {share|post} {a|the} {free|bonus} {strategy|masterclass} {here|in this chat} {tonight|tomorrow}, {stay tuned|don't leave}",
    "{Members|Everyone} {who|that} {followed|joined} {yesterday's|last week's} {call|trade} {made|got} {+38|+61|+44}% {🔥|💰}. {Next|New} {one|signal} {soon|coming}, {turn on|enable} {notifications|alerts}",
    "{Reminder|Note}: {the|our} {group|room} {is|will be} {closing|going private} {in|after} {2|3} {days|hours}. {Say|Type} {hi|'in'} {to|if you want to} {stay|keep your seat}",
]


@family("vip_groups")
def fam_grp(rng):
    tac = {"kind": "group", "n": rng.randint(8, 19), "pace": rng.uniform(60, 600)}

    def gen(r, i):
        t = spin(pick(r, GRP), r)
        return make(r, [vary(t, r, emoji=0.3, zw=0.2, lt=0.05)], tac)
    return gen


# 17. a loan/debt pitch cut in 3 parts, many templates rotated, each part under 32 letters
LOAN3 = [
    ["{Hi|Hey} {name} {👋|}", "{need|short on} {cash|money|funds} {before|till} {payday|the 1st}?", "{we approve|approval} {in minutes|same day}, {bad credit ok|any credit}. {msg|text} {me|back}"],
    ["{Hello|Hey} {name}", "{behind|late} on {bills|rent}?", "{I|we} {can|could} {help|sort it} {today|this week}, {just|pls} {reply|answer} {here|back}"],
    ["{Hi|Yo} {there|name}", "{got|have} {a|an} {quick|easy} {question|offer}", "{want|need} {up to|like} {$2k|2000} {tonight|today}? {no|zero} {checks|paperwork}"],
    ["{Hey|Hi}", "{still|are you} {looking|searching} {for|to get} {a|some} {loan|advance}?", "{our|my} {rates|terms} {are|r} {the best|super low}, {dm|msg} {me|back} {😊|}"],
]


@family("loan_split3")
def fam_loan(rng):
    tac = {"kind": "split", "n": 1, "pace": rng.uniform(60, 400)}

    def gen(r, i):
        parts = [spin(p, r).replace("{name}", r.choice(NAMES)) for p in pick(r, LOAN3)]
        return Msg([vary(p, r, emoji=0.3, zw=0.2, lt=0.1, br=0) for p in parts], n=1, gap=15, pace=tac["pace"])
    return gen
