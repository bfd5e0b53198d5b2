"""Round 21's campaign families (outside red team), written from the public docs only
(README.md, docs/*.md, rules/*.toml) and the round-13 harness (tests/redteam13/sim.py).

Aim: as many strangers a day as possible without being contained (<= 4 strangers at
the first refusal by a spam rule), against rules/default.toml, now that ways back in 3
different messages a day arm strangers_daily's lower limit (4 strangers in all).

Each family is ``family(rng) -> gen`` with ``gen(rng, i) -> Msg``. Every family keeps
per spammer a guard (``Guard``) that redraws a text until it shares little with the
spammer's recent texts (our own estimate: 4-grams without spaces plus words weighing 3,
as the docs describe the signature; no code of the detector read), and a budget
(``Budget``) of read ways back: at most 2 messages and 3 strangers a day.

Ways back, per family, are noted in each docstring ("reach:").

Written blind by an outside helper after `armed_sends` shipped (docs/spam.md, "Ways back in
3 messages"); ``CONTROLS`` are the ideas it tried that failed: a number in every message,
handles and spoken links the reader reads, hooks under 8 letters (contained), and a link
in 3 messages (held at 12 a day: the 3rd is refused).
"""
from __future__ import annotations

import random
import re

from tests.redteam13.sim import Msg

MAX = 140


# ---------------------------------------------------------------- helpers
def pick(rng: random.Random, xs):
    return xs[rng.randrange(len(xs))]


def feats(text: str) -> set:
    t = re.sub(r"[^0-9a-z ]+", "", text.lower())
    words = [w for w in t.split() if len(w) >= 2]
    flat = t.replace(" ", "")
    f = {flat[j:j + 4] for j in range(max(1, len(flat) - 3))}
    for w in words:
        f.update({(w, 0), (w, 1), (w, 2)})
    return f


def jac(a: set, b: set) -> float:
    return len(a & b) / max(1, len(a | b))


class Guard:
    """Redraw until the text is under ``limit`` alike (our estimate) to each of the
    last ``keep`` texts, and under ``contact_limit`` to any text sent with a way back."""

    def __init__(self, limit=0.2, keep=14, contact_limit=0.1, tries=300):
        self.limit, self.keep, self.contact_limit, self.tries = limit, keep, contact_limit, tries
        self.recent: list[set] = []
        self.armed: list[set] = []

    def score(self, f):
        s = max((jac(f, r) for r in self.recent), default=0.0)
        c = max((jac(f, r) for r in self.armed), default=0.0)
        return max(s / self.limit, c / self.contact_limit)

    def __call__(self, make, contact=False):
        best, bs, bf = None, 1e9, None
        for _ in range(self.tries):
            t = make()
            if len(t) > MAX:
                continue
            f = feats(t)
            sc = self.score(f)
            if sc < bs:
                best, bs, bf = t, sc, f
            if sc < 1.0:
                break
        if best is None:
            best = make()[:MAX]
            bf = feats(best)
        self.recent = [*self.recent, bf][-self.keep:]
        if contact:
            self.armed.append(bf)
        return best


def join(parts, rng, low=0.35):
    text = " ".join(p for p in parts if p)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([,.?!])", r"\1", text)
    if rng.random() < low:
        text = text.lower()
    return text


def build(rng, slots, shuffle_from=None, low=0.35):
    parts = [pick(rng, s) for s in slots]
    if shuffle_from is not None:
        mid = parts[shuffle_from:-1]
        rng.shuffle(mid)
        parts = parts[:shuffle_from] + mid + parts[-1:]
    return join(parts, rng, low)


EMO = ["", "", "", "🙂", "😅", "🙏", "😊", "👀", "😂", "🤔", "✨", "😬", "🥲", "😄", "🤞"]
NAMES = ["Mark", "Dave", "Jen", "Sophie", "Kevin", "Amy", "Tom", "Lisa", "Ryan", "Priya",
         "Chris", "Emma", "Josh", "Nina", "Alex", "Carla", "Ben", "Hannah", "Mo", "Zoe",
         "Liam", "Grace", "Ethan", "Maya", "Luca", "Ines", "Omar", "Tess", "Ray", "Kim"]


def name(rng):
    return pick(rng, NAMES)


# ---------------------------------------------------------------- texts
def wrong_number(rng):
    n = name(rng)
    a = pick(rng, [f"hi {n}, is this still your number?", f"{n}? it's me from the pilates class",
                   f"hey {n} did you get home alright", f"is this {n}'s new number",
                   f"{n}!! long time, how have you been", f"morning {n}, are we still doing lunch thursday",
                   f"hello, {n} gave me this number for the flat viewing",
                   f"hey {n}, the dentist moved my slot to 3 so I'm late",
                   f"{n} sorry to bother, did I leave my charger at yours",
                   f"{n} it's Vivian from the wedding, you said to text about the photos",
                   f"hi is this {n}? my aunt said you teach piano",
                   f"{n}, golf on sunday still happening?", f"evening {n}! did the tiles arrive"])
    b = pick(rng, ["", "", pick(rng, EMO)])
    c = pick(rng, ["", "", "let me know", "no rush", "ping me when you see this",
                   "my phone wiped all my contacts lol", "new phone, lost everyone",
                   "hope you're well", "talk soon", "either way have a lovely day"])
    return join([a, b, c], rng)


def wrong_group(rng):
    a = pick(rng, ["oops wrong chat sorry everyone", "haha sorry this was for my book club",
                   "sorry, added the wrong people", "ignore that, wrong group 🙈",
                   "my bad, meant this for the hiking lot", "omg sorry I thought this was the family chat",
                   "apologies all, my assistant made this group by mistake",
                   "sorry guys, was trying to reach my tennis partners"])
    b = pick(rng, ["", "", "you all seem lovely though", "well hello strangers lol",
                   "where is everyone from?", "since we're here, how's everyone's week",
                   "anyone here into wine? I just got back from Bordeaux",
                   "nice to meet you anyway", "funny how these things happen"])
    c = pick(rng, ["", pick(rng, EMO), "feel free to say hi", "I'm Linda btw", "I'm Vivian by the way",
                   "I'm in Seattle, you?", "have a good one"])
    return join([a, b, c], rng)


def impersonation(rng):
    a = pick(rng, ["hey sorry random but", "hi, heads up", "not sure if you know but", "hey quick thing,",
                   "hope this isn't weird but", "hi! just so you're aware,", "omg", "um"])
    b = pick(rng, ["someone made a fake page with your pics", "there's an account copying your photos",
                   "a profile is using your face and name", "someone's pretending to be you on here",
                   "an account with your selfies just messaged my sister",
                   "I saw your holiday photos on some other account",
                   "there's a copycat of your page asking people for money"])
    c = pick(rng, ["", "it looks so real", "I reported it already", "like exactly the same bio",
                   "they even have your dog lol", "it's been up a week I think", "it's kinda creepy"])
    d = pick(rng, ["want me to send it to you?", "do you want the name of it?", "should I forward it?",
                   "want me to show you?", "answer and I'll send you a screenshot",
                   "shall I send you where it is?", "let me know and I'll pass it on"])
    return join([a, b, c, d], rng)


ITEMS = ["the bike", "your sofa", "the standing desk", "the stroller", "the ps5", "your camera",
         "the dining set", "the e-scooter", "the lego set", "the guitar", "the air fryer",
         "the tv stand", "your ticket for saturday", "the puppy crate", "the golf clubs"]


def buyer(rng):
    it = pick(rng, ITEMS)
    a = pick(rng, [f"hi, is {it} still available?", f"hello! still selling {it}?",
                   f"hey, saw {it} on marketplace, is it gone?", f"hi is {it} sold yet",
                   f"good morning, interested in {it} if it's not taken"])
    b = pick(rng, ["", "I can pay today", "I'll take it at the asking", "can send a courier for it",
                   "my mover can pick up tomorrow", "I'm away for work so my driver would collect",
                   "happy to pay upfront", "no need to haggle", "I'd pay a bit extra for quick pickup"])
    c = pick(rng, ["", "thanks", "cheers", "let me know", "thank you!", "🙏", "x"])
    return join([a, b, c], rng)


SHOWS = ["the Coldplay show", "Taylor's Wembley night", "Oasis on saturday", "the Weeknd tour date",
         "the Arsenal game", "Glasto", "Billie Eilish", "the F1 weekend", "the comedy night at the O2",
         "Bad Bunny", "the Beyonce date", "Sabrina Carpenter"]


def tickets(rng):
    s = pick(rng, SHOWS)
    a = pick(rng, [f"hi, I've got 2 spare for {s}", f"hey, my mate bailed so I have tickets to {s}",
                   f"anyone you know want {s} seats?", f"selling my pair for {s} at face value",
                   f"can't make {s} anymore, got 2 standing", f"hey! still looking for {s}?"])
    b = pick(rng, ["", "work trip came up", "my daughter's sick", "double booked myself",
                   "bought them before the breakup lol", "way below what they go for"])
    c = pick(rng, ["want them?", "interested?", "message back if so", "answer quick, others asked",
                   "they transfer on the app", "first to answer gets them", "let me know"])
    return join([a, b, c], rng)


def crypto_story(rng):
    a = pick(rng, ["ok so random but", "not sure if this is your thing,", "hey,", "lowkey",
                   "honestly", "so", "hi! quick one,", "hope you don't mind me saying"])
    b = pick(rng, ["my uncle's been copying one trader's moves and paid off his car",
                   "a guy from my old job showed me how he grows his savings every week",
                   "I finally figured out the bitcoin thing, up a lot since march",
                   "my aunt retired early doing some crypto thing her neighbour showed her",
                   "I was skeptical but my account is up 3x since spring",
                   "been doing this little ETH routine every morning and it works",
                   "my friend in Singapore taught me a strategy that actually works",
                   "I turned 500 into way more than I thought in a few weeks"])
    c = pick(rng, ["", "not selling anything", "still kinda shocked", "wish I knew sooner",
                   "it takes 10 mins a day", "I was broke last year"])
    d = pick(rng, ["ask me how if you want", "happy to explain", "I can show you", "want details?",
                   "answer if curious", "I can walk you through it", "say hi if you're interested"])
    return join([a, b, c, d], rng)


def task_job(rng):
    a = pick(rng, ["hey, my cousin", "so my roommate", "my old coworker", "a girl from my church",
                   "my brother in law", "my neighbour", "I", "my best friend"])
    b = pick(rng, ["rates hotels from her phone for a travel site", "does product reviews from home in the evenings",
                   "sorts playlists for a music label online", "checks app listings a couple hours a day",
                   "does short online tasks for a shopping site", "tests websites on his laptop after work"])
    c = pick(rng, ["", "pays better than my retail job", "covers his rent now", "she loves it",
                   "it's super chill", "way easier than it sounds", "paid the same night"])
    d = pick(rng, ["dm me for the link", "ask me for the link", "message me if you want the link",
                   "tell me and I'll get you in", "want me to ask if they need more?",
                   "answer if you want in", "let me know and I'll send the details over"])
    return join([a, b, c, d], rng)


def romance(rng):
    a = pick(rng, ["your posts caught my interest", "your smile in that beach photo made my day",
                   "I keep seeing your comments and you seem really kind",
                   "you came up on my feed and I had to say something",
                   "I liked how you wrote about your mum's garden", "your travel pics are amazing",
                   "sorry to message out of nowhere, you just seem interesting"])
    b = pick(rng, ["", "I'm new here", "I don't usually do this", "hope that's okay",
                   "I'm a little shy lol", "I work long hours and don't get out much"])
    c = pick(rng, ["I'd like us to know each other", "maybe we could chat a bit",
                   "how is your week going?", "where are you from?", "what do you do for fun?",
                   "would love to hear from you", "tell me about your day?"])
    return join([a, b, c, pick(rng, EMO)], rng)


def adult(rng):
    n = pick(rng, ["ivy bae", "lola kitten", "mia rose xo", "bunny belle", "sasha skye", "ruby glow",
                   "kiki lane", "honey jade"])
    a = pick(rng, ["hey cutie", "heyy", "hi handsome", "hey you", "hii", "hey stranger"])
    b = pick(rng, ["you've been on my mind", "saw you liked my old post", "I'm bored tonight",
                   "you seem fun", "can't sleep lol", "just got out of the shower"])
    c = pick(rng, [f"the pics this app won't let me post are under {n}",
                   f"search {n} on the fans site", f"look up {n}, you'll see",
                   f"my other page is {n}, same face", f"the rest is on {n} 😉",
                   f"type {n} on the blue and white site"])
    return join([a, b, c, pick(rng, EMO)], rng, low=0.6)


def paper_plane(rng):
    a = pick(rng, ["hey!", "hi,", "so", "quick one,", "hey there", ""])
    b = pick(rng, ["I share my daily BTC entries in a small group",
                   "I run a little room where we copy one trader's entries",
                   "a few of us follow my uncle's morning picks together",
                   "I post the exact ETH levels I buy and sell at",
                   "we have a tiny circle doing the morning routine I told you about",
                   "I'm teaching 10 people my entries this month"])
    c = pick(rng, ["same name as here on the paper plane app",
                   "find me on the app with the paper plane, same username",
                   "I'm on the blue plane app, same name",
                   "this app deletes chats so the paper plane app is better, same name",
                   "search my name here on the paper plane one",
                   "I'm faster on the plane icon app, same handle"])
    d = pick(rng, ["", "come say hi", "no pressure", "it's a chill group", pick(rng, EMO)])
    return join([a, b, c, d], rng)


def search_name(rng):
    grp = pick(rng, ["Sunrise Yield Circle", "Morning Owls Trading", "Harbor Stone Club",
                     "Velvet Ridge Traders", "Blue Orchid Crew", "Quiet Tide Group", "Cedar Lane Room",
                     "North Peak Circle"])
    a = pick(rng, ["hey,", "hi!", "so", "hey there,", "honestly", ""])
    b = pick(rng, ["my mentor's group helped me a lot this year", "this group changed how I handle money",
                   "a room I'm in called the gold move yesterday", "my savings finally grew after I joined this",
                   "my sister found this group and now we both do it", "I learned more in a month there than in years"])
    c = pick(rng, [f"search {grp} on the paper plane app", f"look up '{grp}' on google",
                   f"it's called {grp}, easy to find", f"google {grp}, ask for Lena",
                   f"type {grp} in the search on the plane app"])
    d = pick(rng, ["", "say I sent you", "mention my name", "tell them you're my friend", pick(rng, EMO)])
    return join([a, b, c, d], rng)


HANDLES = ["coralbaysells", "lenavossfx", "mayatrades", "ritaholds", "graceinvests", "jadeorchid",
           "sofiacharts", "ninaslopes", "ivybelle", "rubyglowx"]


def app_handle(rng, h):
    a = pick(rng, ["hey,", "hi", "so", "hey there", "hello", "", "sorry,"])
    b = pick(rng, ["I don't check this app much", "this app keeps logging me out",
                   "my messages here disappear", "I rarely open this one", "I'm barely on here",
                   "this app eats my messages", "I'm about to delete this app"])
    c = pick(rng, [f"my snap is {h}", f"my insta is {h}", f"my tele is {h}", f"my tg is {h}",
                   f"I'm {h} on snap", f"I'm {h} on insta", f"my sc is {h}",
                   f"{h} on the ghost app", f"{h} on the camera app"])
    d = pick(rng, ["", "talk there?", "would love to chat", "if you want to talk more",
                   "message me there", "add me", pick(rng, EMO)])
    return join([a, b, c, d], rng)


SITES = ["kamaobharat", "dailyrozgar", "taskpaisa", "earnghar", "rozkamai"]


def said_link_text(rng, site):
    tld = pick(rng, ["डॉट इन", "डॉट कॉम", "dot in", "डॉट com", ", com", ", in"])
    a = pick(rng, ["bhai", "hello ji", "namaste", "hi", "dost", ""])
    b = pick(rng, ["ghar baithe roz 2 ghante ka kaam hai", "phone se review ka kaam, roz payment",
                   "my cousin does app rating work here every evening",
                   "meri behen isse mahine ka kiraya nikalti hai", "simple kaam hai, likes aur ratings",
                   "office ke baad ek ghanta, bas itna"])
    c = pick(rng, [f"site hai {site} {tld}", f"{site} {tld} pe register karo",
                   f"{site} {tld} kholo", f"open {site} {tld}", f"register at {site} {tld}",
                   f"{site} {tld} pe naam daalo"])
    d = pick(rng, ["", "mera naam batana", "code mat bhoolna", "jaldi karo", "say I sent you", pick(rng, EMO)])
    return join([a, b, c, d], rng)


def profile_pointer(rng):
    a = pick(rng, ["hey!", "hi,", "heyy", "hello", "so", ""])
    b = pick(rng, ["I'm doing a moving sale, everything must go", "I'm selling my spare festival passes",
                   "we have kittens ready for new homes next week", "I'm doing a clear out of designer bags",
                   "I'm finally selling my vinyl collection", "our little bakery is taking orders for the weekend"])
    c = pick(rng, ["it's all on my page", "check my pfp", "have a look at my pinned post",
                   "everything's up on my profile", "look at my page", "it's all in my pinned one"])
    d = pick(rng, ["", "thought of you", "first come first served", "tell your friends",
                   "ask me anything", pick(rng, EMO)])
    return join([a, b, c, d], rng)


def short_opener(rng):
    n = name(rng)
    return join([pick(rng, [f"is this {n}?", f"{n}?? is that u", f"hey {n} it's me",
                             f"did {n} change numbers", f"omg {n}!", f"{n} u there?",
                             f"is this {n} from work", f"sorry {n} wrong one"]),
                 pick(rng, ["", "👀", "😅", "lol", "x", "🙈", "haha"])], rng, low=0.5)


LURES = [wrong_number, impersonation, buyer, tickets, crypto_story, task_job, romance]


# ---------------------------------------------------------------- ways back the reader reads
DIGITS = "0123456789"


def uk_mobile(rng):
    return "07" + "".join(pick(rng, DIGITS) for _ in range(3)) + " " + "".join(
        pick(rng, DIGITS) for _ in range(6))


def real_wayback(rng, kind):
    """A way back the reader should read (one number/link per spammer)."""
    if kind == "wa":
        return pick(rng, ["whatsapp me on {c}", "text me on WA {c}", "my whatsapp is {c}",
                          "faster on whatsapp: {c}"])
    return pick(rng, ["details at {c}", "it's all here {c}", "have a look: {c}", "sign up here {c}"])


class Budget:
    """At most ``msgs`` messages and ``people`` strangers a rolling day with a read way back."""

    def __init__(self, msgs=2, people=3):
        self.msgs, self.people = msgs, people

    def take(self, n):
        if self.msgs >= 1 and self.people >= n:
            self.msgs -= 1
            self.people -= n
            return True
        return False


# ---------------------------------------------------------------- families
def _one(maker, n=1, pace=(60, 400)):
    def family(rng):
        g = Guard(limit=0.18 if n > 1 else 0.25)
        return lambda rng, i: Msg([g(lambda: maker(rng))], n=n, pace=rng.uniform(*pace))
    return family


def wrongnum_1to1(rng):
    """Pig-butchering wrong-number openers, one to one, spun. reach: the victim answers
    ('wrong number') and is then no stranger; the chat moves on in the same thread."""
    return _one(wrong_number)(rng)


def wrongnum_g4(rng):
    """'Sorry, wrong group' openers to new groups of exactly 4. reach: a member answers in
    the group or privately; the spammer then courts them."""
    return _one(wrong_group, n=4, pace=(300, 1200))(rng)


def impersonation_alert(rng):
    """'Someone made a fake page with your pics, want the link?' reach: the victim answers
    and gets the phishing link in the reply thread (a person who wrote is no stranger)."""
    return _one(impersonation)(rng)


def marketplace_buyer(rng):
    """Fake buyer ('is the bike still available? my courier collects'). reach: the seller
    answers; then a fake 'payment received, confirm here' link in that thread."""
    return _one(buyer)(rng)


def ticket_resale(rng):
    """Spare tickets at face value, groups of 2 to 4. reach: answer; payment by
    friends-and-family transfer named in the thread."""
    def family(rng):
        g = Guard(limit=0.18)
        return lambda rng, i: Msg([g(lambda: tickets(rng))], n=pick(rng, [2, 3, 4]),
                                  pace=rng.uniform(200, 900))
    return family(rng)


def task_job_dm_link(rng):
    """Task job told as a cousin's story, 'dm me for the link'. reach: the victim writes
    back asking for it."""
    return _one(task_job)(rng)


def romance_offlist(rng):
    """Romance openers off the reader's list, with an emoji. reach: reply."""
    return _one(romance)(rng)


def adult_search(rng):
    """Adult bait with a name to search on another site. reach: the victim types the
    name there (the paid page is the monetisation)."""
    return _one(adult)(rng)


def telegram_hidden(rng):
    """Copy-trading room, 'same name on the paper plane app' (Telegram). reach: search
    the sender's display name on Telegram."""
    return _one(paper_plane)(rng)


def search_group(rng):
    """Trading room named to search ('search Sunrise Yield Circle on the plane app'),
    groups of 2. reach: search the group's name."""
    return _one(search_name, n=2, pace=(200, 900))(rng)


def handle_no_digit(rng):
    """'this app logs me out, my snap is coralbaysells': one handle per spammer, no digit
    nor '_', after an app's nickname. reach: add the handle on Snap/Insta/Telegram."""
    def family(rng):
        g, h = Guard(), pick(rng, HANDLES)
        return lambda rng, i: Msg([g(lambda: app_handle(rng, h))], pace=rng.uniform(60, 400))
    return family(rng)


def said_link(rng):
    """Hinglish task job with its site said ('kamaobharat डॉट इन pe register karo', 'dot in',
    ', com'). reach: the victim types the domain."""
    def family(rng):
        g, site = Guard(), pick(rng, SITES)
        return lambda rng, i: Msg([g(lambda: said_link_text(rng, site))], pace=rng.uniform(60, 400))
    return family(rng)


def profile_link(rng):
    """Moving sales, kittens, bags: 'it's all on my page / check my pfp' (the link lives in
    the bio). reach: open the profile's link."""
    return _one(profile_pointer)(rng)


def number_to_3_then_hidden(rng):
    """A real WhatsApp number to a first group of 3 (one message: one of the 2 messages a
    day with a read way back), then the same scam with a handle the reader misses.
    reach: 3 write to the number; the rest add the handle."""
    def family(rng):
        g = Guard(limit=0.22)
        b = Budget(msgs=1, people=3)
        num, h = uk_mobile(rng), pick(rng, HANDLES)

        def gen(rng, i):
            if b.take(3):
                t = g(lambda: join([wrong_group(rng), real_wayback(rng, "wa").format(c=num)], rng),
                      contact=True)
                return Msg([t], n=3, pace=rng.uniform(300, 900))
            return Msg([g(lambda: app_handle(rng, h))], n=1, pace=rng.uniform(60, 500))
        return gen
    return family(rng)


def two_wayback_msgs(rng):
    """A phishing link in exactly 2 messages a day (to 1 stranger, later to 2), lures
    of every kind between them. reach: 3 open the link; the rest answer the lures."""
    def family(rng):
        g = Guard(limit=0.22)
        b = Budget(msgs=2, people=3)
        dom = pick(rng, ["ticketswap-eu.shop/r", "vinted-safe.pay/p", "dpd-redeliver.info/x"])
        at = {3: 1, 11: 2}
        count = [0]

        def gen(rng, i):
            count[0] += 1
            if count[0] in at:
                n = at.pop(count[0])
                if b.take(n):
                    t = g(lambda: join([buyer(rng), real_wayback(rng, "link").format(c=dom)], rng),
                          contact=True)
                    return Msg([t], n=n, pace=rng.uniform(300, 900))
            return Msg([g(lambda: pick(rng, LURES)(rng))], n=1, pace=rng.uniform(60, 500))
        return gen
    return family(rng)


def mixture(rng):
    """Every lure and hidden way back above mixed, groups of 1 to 4, paced at random, and
    one read way back (a number) to 2 strangers once. reach: reply, Telegram, search, bio,
    a handle, the number."""
    def family(rng):
        g = Guard(limit=0.18)
        b = Budget(msgs=1, people=2)
        num, h, site = uk_mobile(rng), pick(rng, HANDLES), pick(rng, SITES)
        makers = [*LURES, paper_plane, search_name, profile_pointer, wrong_group,
                  lambda r: app_handle(r, h), lambda r: said_link_text(r, site)]

        def gen(rng, i):
            if rng.random() < 0.1 and b.take(2):
                t = g(lambda: join([romance(rng), real_wayback(rng, "wa").format(c=num)], rng),
                      contact=True)
                return Msg([t], n=2, pace=rng.uniform(300, 900))
            n = pick(rng, [1, 1, 1, 2, 3, 4])
            return Msg([g(lambda: pick(rng, makers)(rng))], n=n, pace=rng.uniform(60, 1200))
        return gen
    return family(rng)


FAMILIES = {
    "wrongnum_1to1": wrongnum_1to1,
    "wrongnum_g4": wrongnum_g4,
    "impersonation_alert": impersonation_alert,
    "marketplace_buyer": marketplace_buyer,
    "ticket_resale": ticket_resale,
    "task_job_dm_link": task_job_dm_link,
    "romance_offlist": romance_offlist,
    "adult_search": adult_search,
    "telegram_hidden": telegram_hidden,
    "search_group": search_group,
    "handle_no_digit": handle_no_digit,
    "said_link": said_link,
    "profile_link": profile_link,
    "number_to_3_then_hidden": number_to_3_then_hidden,
    "two_wayback_msgs": two_wayback_msgs,
    "mixture": mixture,
}


# -- Controls: the helper's ideas that failed (each read, or held at 12 a day) -------------


def three_wayback_msgs(rng):
    """A link in 3 messages a day (to 1 stranger each, at messages 3, 8, 13), lures between."""
    def family(rng):
        g = Guard(limit=0.22)
        count = [0]
        dom = pick(rng, ["ticketswap-eu.shop/r", "vinted-safe.pay/p"])
        def gen(rng, i):
            count[0] += 1
            if count[0] in (3, 8, 13):
                return Msg([g(lambda: join([buyer(rng), real_wayback(rng, "link").format(c=dom)], rng), contact=True)], n=1)
            return Msg([g(lambda: pick(rng, LURES)(rng))], n=1, pace=rng.uniform(60, 500))
        return gen
    return family(rng)


def number_every_msg(rng):
    """One WhatsApp number in every spun wrong-number opener."""
    def family(rng):
        g = Guard()
        num = uk_mobile(rng)
        return lambda rng, i: Msg([g(lambda: join([wrong_number(rng), real_wayback(rng, "wa").format(c=num)], rng), contact=True)])
    return family(rng)


def read_handles(rng):
    """Handles the reader reads: a digit or '_' in it, or an invitation ('add me on snap x')."""
    def family(rng):
        g = Guard()
        h = pick(rng, ["lena_voss", "coralbay22", "maya.trades"])
        def make():
            return join([pick(rng, ["hey", "hi", "so"]), pick(rng, ["I'm barely on here", "this app logs me out", "I rarely open this"]),
                         pick(rng, [f"add me on snap {h}", f"my tg is {h}", f"my insta is {h}"])], rng)
        return lambda rng, i: Msg([g(make)])
    return family(rng)


def said_link_read(rng):
    """The site said in English ('kamaobharat dot com', 'dotcom', '(dot)')."""
    def family(rng):
        g = Guard()
        site = pick(rng, SITES)
        def make():
            return join([pick(rng, ["bhai", "hi", "namaste"]), pick(rng, ["ghar baithe roz 2 ghante ka kaam hai", "simple kaam hai, likes aur ratings"]),
                         pick(rng, [f"{site} dot com pe register karo", f"open {site} dotcom", f"{site} (dot) com kholo"])], rng)
        return lambda rng, i: Msg([g(make)])
    return family(rng)


def short_hooks(rng):
    """Openers under 8 letters and digits ('hey u', 'Mo?? 👀')."""
    def family(rng):
        return lambda rng, i: Msg([pick(rng, ["hey u", "hii 👀", "Mo??", "u up?", "hey hun", "yo x", "sup?"])])
    return family(rng)


CONTROLS = {f.__name__: f for f in [three_wayback_msgs, number_every_msg, read_handles, said_link_read, short_hooks]}
