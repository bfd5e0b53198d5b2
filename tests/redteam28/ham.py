"""Round 28: ordinary users' days, written blind (README, rules/default.toml, docs/python.md).

One modelled user per call, in a day of its own (86,400 s from ``start``, read as local
midnight). Around the user: a social graph built for that user (friends who follow each other
and write both ways, followers the user never followed back, people the user follows back),
past conversations recorded in the graph, and the other people's replies, which go through
the engine too (only the modelled user's refusals count). What people say comes from the SMS
Spam Collection's ham texts; invitations, new numbers, links, business answers, club and
school notices, greetings and marketplace answers are written here, as people write them.
"""
from __future__ import annotations

import heapq
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from policy import InviteRequest, SendRequest

DAY = 86400.0
HOUR = 3600.0
NOT_SPAM = {"text", "followers_only", "group", "storage"}
CORPUS = Path("/work/shared/data/sms_spam_collection.tsv")
MAX_CHARS = 140

# kind -> weight (per cent of ordinary users)
KINDS: dict[str, float] = {
    "casual": 30,
    "chatty": 12,
    "group_chat": 8,
    "inviter": 7,
    "party_invite": 4,
    "new_year": 4,
    "new_number": 3,
    "meme_forwarder": 5,
    "small_business": 3,
    "club_organiser": 2,
    "coach_parents": 2,
    "new_user": 4,
    "marketplace": 3,
    "follow_back_many": 5,
    "busy_canned": 3,
    "heavy": 3,
    "birthday": 2,
}

NAMES = ("Sam", "Alex", "Jo", "Priya", "Tom", "Kate", "Ben", "Lucy", "Mo", "Aisha", "Dan", "Ellie",
         "Chris", "Nina", "Raj", "Sophie", "Jack", "Hannah", "Liam", "Zara", "Olu", "Mei", "Pete",
         "Grace", "Tariq", "Emma", "Josh", "Chloe", "Marco", "Fatima", "Will", "Ruth", "Kwame")
KIDS = ("Oscar", "Lily", "Noah", "Ava", "Leo", "Isla", "Finn", "Maya", "Arlo", "Ruby", "Theo", "Evie")


@dataclass
class HamResult:
    user: str
    kind: str
    sends: int = 0
    refused: list = field(default_factory=list)  # (rules, text, recipients, what)


_ham: list[str] = []


def ham_texts() -> list[str]:
    if not _ham:
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                label, _, text = line.rstrip("\n").partition("\t")
                if label == "ham" and text.strip():
                    _ham.append(text.strip())
    return _ham


def _letters(text: str) -> int:
    return len(re.sub(r"[\W_]", "", text))


def fit(text: str) -> list[str]:
    """A text over the limit is sent in two or three parts, as a person would split it."""
    if len(text) <= MAX_CHARS:
        return [text]
    parts, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > MAX_CHARS - 4:
            parts.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    if cur:
        parts.append(cur)
    return [p[:MAX_CHARS] for p in parts]


def phone(rng) -> str:
    n = f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    return rng.choice([n, n.replace(" ", ""), f"{n[:5]} {n[6:9]} {n[9:]}"])


class Day:
    """One user's day: an event queue, the engine calls and the record of refusals."""

    def __init__(self, engine, graph, now, rng, user, start, kind):
        self.engine, self.graph, self.now, self.rng = engine, graph, now, rng
        self.user, self.start, self.end = user, start, start + DAY
        self.res = HamResult(user, kind)
        self.queue: list = []
        self.seq = itertools.count()
        self.ids = itertools.count()
        self.friends: list[str] = []   # follow each other
        self.fans: list[str] = []      # follow the user, not followed back
        self.names: dict[str, str] = {}
        self.texts = ham_texts()
        self.stopped: set[str] = set()  # broadcasts the user gave up after a refusal

    # -- graph -------------------------------------------------------------------------------
    def person(self, tag: str) -> str:
        p = f"{self.user}.{tag}{next(self.ids)}"
        self.names[p] = self.rng.choice(NAMES)
        return p

    def friend(self, history: float, tag: str = "f") -> str:
        """Follow each other; with probability ``history`` they have written both ways before."""
        p = self.person(tag)
        self.graph.follow(p, self.user)
        self.graph.follow(self.user, p)
        if self.rng.random() < history:
            self.graph.record_message(p, self.user)
            self.graph.record_message(self.user, p)
        self.friends.append(p)
        return p

    def fan(self, tag: str = "fan") -> str:
        """Follows the user; the user never followed back, so they never wrote."""
        p = self.person(tag)
        self.graph.follow(p, self.user)
        self.fans.append(p)
        return p

    def follow_back(self, p: str) -> None:
        self.graph.follow(self.user, p)

    # -- time --------------------------------------------------------------------------------
    def at(self, t: float, fn, *args) -> None:
        if t < self.end:
            heapq.heappush(self.queue, (t, next(self.seq), fn, args))

    def awake(self, lo: float = 8.0, hi: float = 23.0) -> float:
        return self.start + self.rng.uniform(lo, hi) * HOUR

    def delay(self, median: float = 120.0, sigma: float = 1.2) -> float:
        return max(4.0, self.rng.lognormvariate(0, sigma) * median)

    def run(self) -> HamResult:
        while self.queue:
            t, _, fn, args = heapq.heappop(self.queue)
            self.now[0] = max(self.now[0], t)
            if self.now[0] >= self.end:
                break
            fn(*args)
        return self.res

    # -- sending -----------------------------------------------------------------------------
    def send(self, sender: str, recipients, text: str, conv: str | None = None, what: str = ""):
        recipients = tuple(recipients)
        ok = True
        for part in fit(text):
            d = self.engine.check(SendRequest(sender, recipients, part, conversation=conv))
            if sender == self.user:
                self.res.sends += 1
            if d.allowed:
                for r in recipients:
                    self.graph.record_message(sender, r)
            else:
                ok = False
                if sender == self.user:
                    rules = tuple(r.rule for r in d.reasons)
                    if any(r not in NOT_SPAM for r in rules):
                        self.res.refused.append((rules, part, recipients, what))
                        if what:
                            self.stopped.add(what.split(":")[0])
                break
            self.now[0] += self.rng.uniform(3, 15)
        return ok

    def chat_text(self, short_bias: float = 0.25) -> str:
        if self.rng.random() < short_bias:
            return self.rng.choice(("ok", "k", "lol", "yeah", "haha", "sure", "Ok lar...", "yup",
                                    "omw", "np", "ta", ":)", "ya", "Okie", "ok thanks", "K.k",
                                    "Hmm", "?", "see u", "Where r u?", "nite", "Cool"))
        return self.rng.choice(self.texts)

    # -- conversations -----------------------------------------------------------------------
    def converse(self, other: str, turns: int, user_first: bool = True, reply_p: float = 0.85,
                 median: float = 90.0, burst: float = 0.3) -> None:
        """A two-way conversation: turns alternate, each a burst of 1 to 4 messages."""
        self._turn(other, turns, self.user if user_first else other, reply_p, median, burst)

    def _turn(self, other, left, who, reply_p, median, burst) -> None:
        if left <= 0:
            return
        n = 1
        while self.rng.random() < burst and n < 5:
            n += 1
        to = other if who == self.user else self.user
        for _ in range(n):
            if not self.send(who, (to,), self.chat_text(), what="chat"):
                return
            self.now[0] += self.rng.uniform(5, 40)
        if who == self.user and self.rng.random() > reply_p:
            return
        nxt = other if who == self.user else self.user
        self.at(self.now[0] + self.delay(median), self._turn, other, left - 1, nxt, reply_p, median,
                burst)

    def replies(self, people, p: float, median: float = 600.0, turns: int = 3) -> None:
        """People answer a message the user sent them (a short conversation follows)."""
        for q in people:
            if self.rng.random() < p:
                self.at(self.now[0] + self.delay(median), self._turn, q,
                        self.rng.randint(1, turns), q, 0.8, 120.0, 0.2)

    def broadcast(self, people, make, what: str, gap=(8.0, 40.0), reply_p: float = 0.5,
                  reply_median: float = 900.0) -> None:
        """The same message (``make(person)``) to each person, one after the other."""
        people = list(people)

        def step(i: int) -> None:
            if i >= len(people) or what in self.stopped:
                return
            q = people[i]
            if self.send(self.user, (q,), make(q), what=f"{what}:{i}"):
                self.replies([q], reply_p, reply_median, 2)
            self.at(self.now[0] + self.rng.uniform(*gap), step, i + 1)

        step(0)

    def ordinary_chats(self, n_convs: int, lo: float = 8.0, hi: float = 23.5) -> None:
        """The background of every day: conversations with friends, either side starting."""
        if not self.friends:
            return
        close = self.friends[: max(1, min(len(self.friends), 6))]
        for _ in range(n_convs):
            q = self.rng.choice(close if self.rng.random() < 0.7 else self.friends)
            self.at(self.awake(lo, hi), self.converse, q, self.rng.randint(1, 8),
                    self.rng.random() < 0.5, 0.85, 90.0, 0.3)


# --- the kinds of users ---------------------------------------------------------------------

def _casual(d: Day) -> None:
    for _ in range(d.rng.randint(2, 12)):
        d.friend(d.rng.uniform(0.5, 1.0))
    for _ in range(d.rng.randint(0, 40)):
        d.fan()
    d.ordinary_chats(d.rng.randint(1, 6))
    if d.rng.random() < 0.2:  # passes on a number or a link to a friend or two
        share = d.rng.choice((f"this is the plumber's number {phone(d.rng)}, he was good",
                              f"Mum's new number is {phone(d.rng)}",
                              "the flat I told you about rightmove.co.uk/properties/14893021",
                              "tickets are on sale here www.ticketmaster.co.uk/event/3F005E"))
        people = d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(1, 3)))
        d.at(d.awake(), d.broadcast, people, lambda q: share, "share", (10.0, 60.0), 0.7)


def _chatty(d: Day) -> None:
    for _ in range(d.rng.randint(8, 40)):
        d.friend(d.rng.uniform(0.5, 1.0))
    for _ in range(d.rng.randint(0, 200)):
        d.fan()
    d.ordinary_chats(d.rng.randint(8, 30))
    # a few people the user rarely talks to: follows each other, never wrote
    for q in d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(0, 4))):
        d.at(d.awake(), d.converse, q, d.rng.randint(1, 4), True, 0.6, 300.0, 0.2)


def _heavy(d: Day) -> None:
    """A very active teenager: hundreds of short messages to a handful of friends."""
    for _ in range(d.rng.randint(4, 15)):
        d.friend(0.95)
    close = d.friends[:5]
    target = int(min(1400, d.rng.lognormvariate(5.0, 0.6)))  # median ~150 messages
    for _ in range(max(1, target // 12)):
        q = d.rng.choice(close)
        d.at(d.awake(7.0, 24.0), d.converse, q, d.rng.randint(4, 16), d.rng.random() < 0.5, 0.95,
             30.0, 0.5)


def _group_chat(d: Day) -> None:
    """Starts a group conversation with friends (sometimes friends of friends) and talks in it;
    also an old group of theirs, started weeks ago."""
    for _ in range(d.rng.randint(5, 25)):
        d.friend(d.rng.uniform(0.4, 1.0))
    for _ in range(d.rng.randint(0, 30)):
        d.fan()
    d.ordinary_chats(d.rng.randint(1, 5))
    size = min(len(d.friends), d.rng.randint(3, 12))
    members = d.rng.sample(d.friends, size)
    if d.rng.random() < 0.3 and d.fans:  # a friend of a friend who follows the user
        members += d.rng.sample(d.fans, min(len(d.fans), d.rng.randint(1, 3)))
    conv = f"{d.user}.grp.new"

    def start() -> None:
        inv = InviteRequest(inviter=d.user, invitees=tuple(members), conversation=conv,
                            members=(d.user,))
        dec = d.engine.check_invite(inv)
        if not dec.allowed:
            rules = tuple(r.rule for r in dec.reasons)
            if any(r not in NOT_SPAM for r in rules):
                d.res.refused.append((rules, "(invite)", tuple(members), "group invite"))
            return
        d.graph.record_invite(inv, d.now[0])
        opener = d.rng.choice(("Made a group so we can sort out saturday",
                               "Group chat for the trip! who's in?",
                               "ok everyone here now? dinner friday, where?",
                               "New group for the flat stuff, bills etc"))
        d.send(d.user, members, opener, conv, "group")
        d.at(d.now[0] + d.delay(60), group_talk, d.rng.randint(5, 40))

    def group_talk(left: int) -> None:
        if left <= 0:
            return
        everyone = [d.user, *members]
        who = d.user if d.rng.random() < 0.3 else d.rng.choice(members)
        d.send(who, [m for m in everyone if m != who], d.chat_text(0.35), conv, "group")
        d.at(d.now[0] + d.delay(90, 1.5), group_talk, left - 1)

    d.at(d.awake(), start)
    # an established group (started 40 days ago), everyone has posted before
    old = d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(3, 10)))
    oconv = f"{d.user}.grp.old"
    d.graph.start_conversation(oconv, d.user, d.start - 40 * DAY)
    for m in old:
        d.graph.record_message(m, d.user)

    def old_talk(left: int) -> None:
        if left <= 0:
            return
        everyone = [d.user, *old]
        who = d.user if d.rng.random() < 0.3 else d.rng.choice(old)
        d.send(who, [m for m in everyone if m != who], d.chat_text(0.35), oconv, "old group")
        d.at(d.now[0] + d.delay(200, 1.5), old_talk, left - 1)

    d.at(d.awake(), old_talk, d.rng.randint(3, 30))


INVITES = (
    "Having a few people round for drinks on saturday from 8, would be great if you can come! {addr}",
    "BBQ at ours sunday afternoon if the weather holds, bring whatever you fancy to drink. {addr}",
    "It's my 30th next friday!! Drinks at The Crown from 7, hope you can make it x",
    "Hey! We're doing a housewarming on the 14th, from 7pm. {addr} Let me know if you can come",
    "Pub quiz tomorrow night at the Red Lion, 8pm, need a team of 6, you in?",
    "Dinner at mine thursday? Making a massive lasagne, 7.30ish. Let me know!",
    "Baby shower for Kate on the 22nd at 2pm, {addr} Hope to see you there!",
    "Film night friday at mine, 8pm, bring snacks. {addr}",
)
ADDRS = ("14 Elm Road, flat 2.", "22 Mill Lane (blue door).", "flat 5, 9 Church St.",
         "it's 31 Park Avenue, buzz 4.", "text me on {phone} if you get lost.",
         "my new number is {phone} if you need it.", "map: maps.app.goo.gl/xK3p9QzL2", "")


def _invite_text(d: Day) -> str:
    addr = d.rng.choice(ADDRS).replace("{phone}", phone(d.rng))
    return d.rng.choice(INVITES).replace("{addr}", addr).strip()


def _inviter(d: Day) -> None:
    """Invitations to several friends, each in a message of its own, some with the name."""
    for _ in range(d.rng.randint(6, 30)):
        d.friend(d.rng.uniform(0.5, 1.0))
    for _ in range(d.rng.randint(0, 60)):
        d.fan()
    d.ordinary_chats(d.rng.randint(1, 6))
    n = min(len(d.friends), d.rng.randint(3, 12))
    guests = d.rng.sample(d.friends, n)
    if d.fans and d.rng.random() < 0.3:  # a colleague who follows the user
        guests += d.rng.sample(d.fans, min(len(d.fans), d.rng.randint(1, 2)))
    text = _invite_text(d)
    named = d.rng.random() < 0.4
    d.at(d.awake(9, 22), d.broadcast, guests,
         lambda q: f"Hi {d.names[q]}! {text}" if named else text, "invite", (20.0, 120.0), 0.7)


def _party_invite(d: Day) -> None:
    """A bigger party: the same invitation to 10 to 30 friends, one message each."""
    for _ in range(d.rng.randint(12, 45)):
        d.friend(d.rng.uniform(0.5, 1.0))
    for _ in range(d.rng.randint(0, 80)):
        d.fan()
    d.ordinary_chats(d.rng.randint(1, 5))
    guests = d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(10, 30)))
    if d.fans and d.rng.random() < 0.4:
        guests += d.rng.sample(d.fans, min(len(d.fans), d.rng.randint(1, 4)))
    d.rng.shuffle(guests)
    text = _invite_text(d)
    named = d.rng.random() < 0.4
    d.at(d.awake(10, 21), d.broadcast, guests,
         lambda q: f"Hey {d.names[q]} {text}" if named else text, "party", (10.0, 60.0), 0.7)


NEW_YEAR = ("Happy new year!!", "Happy New Year!! 🎉", "HAPPY NEW YEAR x",
            "Happy new year! Hope 2027 is a good one for you x",
            "Happy new year to you and the family! Wishing you all the best for the year ahead",
            "Happy new year!! Thanks for being such a great friend this year, see you soon x",
            "Happy New Year 🥳🎆 all the love for 2027!")


def _new_year(d: Day) -> None:
    """At midnight, the same greeting to 20 to 40 friends, one message each."""
    for _ in range(d.rng.randint(20, 50)):
        d.friend(d.rng.uniform(0.5, 1.0))
    for _ in range(d.rng.randint(0, 80)):
        d.fan()
    text = d.rng.choice(NEW_YEAR)
    named = d.rng.random() < 0.3
    people = d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(20, 40)))
    # the greetings they get from friends at the same time (some arrive before the user's)
    for q in d.rng.sample(d.friends, len(d.friends) // 3):
        d.at(d.start + d.rng.uniform(0, 1800), d.send, q, (d.user,), d.rng.choice(NEW_YEAR))
    d.at(d.start + d.rng.uniform(0, 300), d.broadcast, people,
         lambda q: f"{text} {d.names[q]}" if named else text, "new year", (5.0, 25.0), 0.7, 300.0)
    d.ordinary_chats(d.rng.randint(1, 5), 11.0, 23.5)


def _new_number(d: Day) -> None:
    """A new phone number (the old phone died or was stolen), sent to 10 to 40 contacts."""
    for _ in range(d.rng.randint(12, 50)):
        d.friend(d.rng.uniform(0.5, 1.0))
    for _ in range(d.rng.randint(0, 60)):
        d.fan()
    d.ordinary_chats(d.rng.randint(1, 5))
    num = phone(d.rng)
    text = d.rng.choice((f"Hi, new number: {num} (phone got stolen). Save it!",
                         f"Got a new phone, this is my number now {num}",
                         f"Hey it's me, lost my phone so new number is {num}, please save x",
                         f"New number {num}"))
    people = d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(10, 40)))
    d.at(d.awake(9, 21), d.broadcast, people, lambda q: text, "new number", (10.0, 45.0), 0.6)


MEMES = ("lmaooo look at this {u}", "{u} 😂😂", "this is so you {u}", "have you seen this?? {u}",
         "omg {u}", "{u} literally us", "watch this it's hilarious {u}")


def _meme_forwarder(d: Day) -> None:
    """Forwards a link (a video, a meme) to several friends, one message each."""
    for _ in range(d.rng.randint(5, 25)):
        d.friend(d.rng.uniform(0.5, 1.0))
    for _ in range(d.rng.randint(0, 40)):
        d.fan()
    d.ordinary_chats(d.rng.randint(1, 6))
    for _ in range(d.rng.randint(1, 3)):
        url = d.rng.choice((f"https://youtu.be/{d.rng.randrange(16**10):010x}",
                            f"https://www.tiktok.com/@funnyclips/video/{d.rng.randrange(10**12)}",
                            f"https://imgur.com/gallery/{d.rng.randrange(36**7):x}",
                            f"https://x.com/memes/status/{d.rng.randrange(10**15)}"))
        text = d.rng.choice(MEMES).replace("{u}", url)
        people = d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(3, 12)))
        d.at(d.awake(), d.broadcast, people, lambda q, t=text: t, f"meme {url[-6:]}", (5.0, 30.0),
             0.6)


def _small_business(d: Day) -> None:
    """A café / repair shop answering customers: most write first, some asked publicly
    (the shop follows them back, then writes); the answers share a number, an address, a link."""
    for _ in range(d.rng.randint(2, 8)):
        d.friend(0.9)
    for _ in range(d.rng.randint(50, 400)):
        d.fan()
    tel = phone(d.rng)
    site = d.rng.choice(("www.rosiescafe.co.uk", "fixitphones.com/book", "bit.ly/3xSalonBook",
                         "www.millgarage.co.uk/prices"))
    answers = (f"Hi! Yes we're open till 6 today, we're at 12 High Street. Call {tel} to book",
               f"Thanks for getting in touch, you can book online at {site} or ring {tel}",
               f"Hi, sorry about that! Can you call us on {tel} so we can sort it out?",
               f"Yes we do, prices are on {site}",
               "Hi, yes we still have some left, we're open until 5 today",
               "Thanks so much for the lovely review, see you again soon!",
               f"Hi there, we're at 12 High Street, opposite the station. Phone {tel}")
    n = d.rng.randint(4, 40)
    public = d.rng.uniform(0.1, 0.4)
    for i in range(n):
        c = d.fans[i] if i < len(d.fans) else d.fan()
        t = d.awake(8, 19)
        if d.rng.random() < public:  # asked in public; the shop follows back and writes
            d.at(t, _outreach, d, c, answers)
        else:  # the shop follows back the customer, who writes first
            d.follow_back(c)
            d.at(t, _customer, d, c, answers)
    d.ordinary_chats(d.rng.randint(0, 3))


def _outreach(d: Day, c: str, answers) -> None:
    d.follow_back(c)
    if d.send(d.user, (c,), d.rng.choice(answers), what="shop outreach"):
        d.replies([c], 0.6, 600.0, 2)


def _customer(d: Day, c: str, answers) -> None:
    q = d.rng.choice(("Hi are you open today?", "Do you do gluten free?",
                      "Hi, how much to fix a cracked screen?", "Can I book for saturday?",
                      "My order hasn't arrived yet", "Where are you exactly?"))
    if d.send(c, (d.user,), q):
        d.at(d.now[0] + d.delay(900), _answer, d, c, answers)


def _answer(d: Day, c: str, answers) -> None:
    if d.send(d.user, (c,), d.rng.choice(answers), what="shop answer"):
        d.replies([c], 0.5, 300.0, 2)


def _club_organiser(d: Day) -> None:
    """A running club / five-a-side organiser: notices to members, who follow the organiser;
    the organiser follows about half of them back. Half the organisers use the group chat."""
    for _ in range(d.rng.randint(3, 10)):
        d.friend(0.9)
    members = []
    for _ in range(d.rng.randint(10, 35)):
        m = d.fan("m")
        if d.rng.random() < 0.5:
            d.follow_back(m)
        if d.rng.random() < d.rng.uniform(0.3, 0.8):  # they have written before
            d.follow_back(m)
            d.graph.record_message(m, d.user)
        members.append(m)
    text = d.rng.choice((
        "Reminder: training is moved to 7pm thursday this week, same place. See you there!",
        "Match on saturday kicks off at 10, meet at the Riverside pitch 9.30. Subs £5",
        "Hi all, fixtures for next month are up at clubsite.org/fixtures",
        "Club run sunday 9am from the park gates, 10k at an easy pace. Message me if you're coming",
        "Quick one: committee meeting moved to wednesday 8pm at the Crown. Call me on {p} with any q",
    )).replace("{p}", phone(d.rng))
    if d.rng.random() < 0.5:
        conv = f"{d.user}.club"
        grp = members[:19]
        d.graph.start_conversation(conv, d.user, d.start - 60 * DAY)
        d.at(d.awake(9, 20), d.send, d.user, grp, text, conv, "club group")
    else:
        d.at(d.awake(9, 20), d.broadcast, members, lambda q: text, "club notice", (10.0, 40.0), 0.4,
             1800.0)
    d.ordinary_chats(d.rng.randint(1, 4))


def _coach_parents(d: Day) -> None:
    """A coach / teacher messaging the parents of a team, one parent at a time, by name."""
    for _ in range(d.rng.randint(3, 10)):
        d.friend(0.9)
    parents = []
    for _ in range(d.rng.randint(8, 20)):
        p = d.fan("parent")
        if d.rng.random() < 0.5:
            d.follow_back(p)
        if d.rng.random() < 0.6:
            d.follow_back(p)
            d.graph.record_message(p, d.user)
        parents.append(p)
    kid = {p: d.rng.choice(KIDS) for p in parents}
    mode = d.rng.random()
    if mode < 0.5:
        def make(q: str) -> str:
            return (f"Hi {d.names[q]}, just a reminder {kid[q]} needs their kit and a packed lunch "
                    "for the tournament on saturday, 9am start")
    elif mode < 0.8:
        def make(q: str) -> str:
            return d.rng.choice((f"Hi {d.names[q]}, {kid[q]} did really well today, great effort!",
                                 f"{kid[q]} was brilliant at practice today, well done to them",
                                 f"Hi, {kid[q]} had a great session today 👍"))
    else:
        def make(q: str) -> str:
            return "Trip money (£12) is due by friday please, forms at school.org.uk/trip"
    d.at(d.awake(15, 21), d.broadcast, parents, make, "parents", (20.0, 90.0), 0.5, 1800.0)
    d.ordinary_chats(d.rng.randint(1, 4))


def _new_user(d: Day) -> None:
    """Joined today: friends find and follow them; the user follows most back and says hello;
    a few people they don't know follow too, and get a thank-you."""
    real = [d.fan("nf") for _ in range(d.rng.randint(5, 35))]
    randoms = [d.fan("nr") for _ in range(d.rng.randint(0, 15))]
    for p in real:
        if d.rng.random() < 0.85:
            d.follow_back(p)
            d.friends.append(p)
    hello = d.rng.choice(("Hey! finally joined lol", "Hi!! it's me, new account",
                          "heyy, finally on here", "Hello! Thanks for the follow x",
                          "hey you! finally caved and joined 😂 how are you?"))
    greeted = [p for p in real if d.rng.random() < 0.6]
    d.at(d.awake(12, 22), d.broadcast, greeted,
         lambda q: hello if d.rng.random() < 0.6 else f"{hello} {d.names[q]}", "hello",
         (15.0, 120.0), 0.8, 300.0)
    thanks = d.rng.choice(("thanks for the follow!", "Thanks for following :)", "thank you!!"))
    thanked = [p for p in randoms if d.rng.random() < 0.3]
    d.at(d.awake(12, 23), d.broadcast, thanked, lambda q: thanks, "thanks", (30.0, 300.0), 0.3)
    d.ordinary_chats(d.rng.randint(0, 4), 14.0, 23.5)


def _marketplace(d: Day) -> None:
    """Selling a bike / sofa: interested people follow the seller; most write first (the seller
    follows them back), some commented publicly and get a message from the seller."""
    for _ in range(d.rng.randint(3, 12)):
        d.friend(d.rng.uniform(0.5, 1.0))
    d.ordinary_chats(d.rng.randint(1, 4))
    item = d.rng.choice(("bike", "sofa", "pram", "desk", "PS5", "tickets"))
    price = d.rng.choice(("£40", "£120", "£75", "£200", "£25"))
    tel = phone(d.rng)
    answers = (f"Yes still available! {price}, collection from Leeds LS6. Text me on {tel}",
               f"Hi, yes the {item} is still available, {price} ono. Can collect any evening",
               f"Still available, {price}. My number is {tel} if easier",
               "Hi! It's still for sale, you can come see it tomorrow after 5")
    for _ in range(d.rng.randint(2, 15)):
        b = d.fan("buyer")
        t = d.awake(9, 22)
        if d.rng.random() < 0.65:
            d.follow_back(b)
            d.at(t, _buyer, d, b, answers)
        else:  # commented publicly: the seller writes, following back half the time
            if d.rng.random() < 0.5:
                d.follow_back(b)
            d.at(t, _seller_first, d, b, answers)


def _buyer(d: Day, b: str, answers) -> None:
    if d.send(b, (d.user,), d.rng.choice(("Is this still available?", "Hi is the item still for sale?",
                                          "would you take less?", "Hi, can I come see it today?"))):
        d.at(d.now[0] + d.delay(600), _answer_buyer, d, b, answers)


def _answer_buyer(d: Day, b: str, answers) -> None:
    if d.send(d.user, (b,), d.rng.choice(answers), what="seller answer"):
        d.replies([b], 0.7, 300.0, 3)


def _seller_first(d: Day, b: str, answers) -> None:
    if d.send(d.user, (b,), d.rng.choice(answers), what="seller to commenter"):
        d.replies([b], 0.6, 600.0, 3)


def _follow_back_many(d: Day) -> None:
    """Follows back everyone who follows them; talks with friends; now and then answers a
    message from someone they followed back, and thanks a few new followers."""
    for _ in range(d.rng.randint(5, 20)):
        d.friend(d.rng.uniform(0.5, 1.0))
    others = []
    for _ in range(d.rng.randint(100, 600)):
        p = d.person("fb")
        d.graph.follow(p, d.user)
        d.graph.follow(d.user, p)
        others.append(p)
    d.ordinary_chats(d.rng.randint(2, 8))
    for p in d.rng.sample(others, d.rng.randint(0, 8)):  # they write first
        d.at(d.awake(), d.converse, p, d.rng.randint(1, 4), False, 0.7, 300.0, 0.2)
    new = d.rng.sample(others, d.rng.randint(0, 25))
    thanks = d.rng.choice(("thanks for the follow!", "Thanks for following, followed back :)",
                           "hey thanks for following! x"))
    d.at(d.awake(), d.broadcast, new, lambda q: thanks, "follow thanks", (30.0, 600.0), 0.3)


CANNED = ("Sorry, I'll call later", "Sorry, I'll call later in meeting.", "I'm driving, text you later",
          "Can't talk now, call you later", "In a meeting, will call u back")


def _busy_canned(d: Day) -> None:
    """Answers many messages with the phone's canned replies during a busy day."""
    for _ in range(d.rng.randint(8, 30)):
        d.friend(d.rng.uniform(0.5, 1.0))
    canned = d.rng.choice(CANNED)
    for q in d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(5, 20))):
        d.at(d.awake(9, 18), _canned_pair, d, q, canned)
    d.ordinary_chats(d.rng.randint(1, 5), 18.0, 23.5)


def _canned_pair(d: Day, q: str, canned: str) -> None:
    if d.send(q, (d.user,), d.chat_text(0.2)):
        d.at(d.now[0] + d.delay(40), d.send, d.user, (q,), canned, None, "canned")


def _birthday(d: Day) -> None:
    """Birthday: friends write, the user thanks each with the same words; a thank-you too to
    some who only posted publicly."""
    for _ in range(d.rng.randint(10, 40)):
        d.friend(d.rng.uniform(0.5, 1.0))
    thanks = d.rng.choice(("Thank you so much!! x", "Aww thank you, hope you're well!",
                           "Thanks so much for the birthday wishes!! Means a lot x",
                           "thank youuu ❤️"))
    wishers = d.rng.sample(d.friends, min(len(d.friends), d.rng.randint(8, 30)))
    for q in wishers:
        d.at(d.awake(7, 22), _wish, d, q, thanks)
    public = [q for q in d.friends if q not in wishers and d.rng.random() < 0.4]
    d.at(d.awake(20, 23), d.broadcast, public, lambda q: thanks, "birthday thanks", (20.0, 90.0), 0.5)
    d.ordinary_chats(d.rng.randint(1, 5))


def _wish(d: Day, q: str, thanks: str) -> None:
    if d.send(q, (d.user,), d.rng.choice(("Happy birthday!!", "Happy birthday!! have a great day x",
                                          "HBD 🎂", "Happy birthday mate, have a good one"))):
        d.at(d.now[0] + d.delay(1200), d.send, d.user, (q,), thanks, None, "birthday thanks")


BUILD = {
    "casual": _casual, "chatty": _chatty, "heavy": _heavy, "group_chat": _group_chat,
    "inviter": _inviter, "party_invite": _party_invite, "new_year": _new_year,
    "new_number": _new_number, "meme_forwarder": _meme_forwarder,
    "small_business": _small_business, "club_organiser": _club_organiser,
    "coach_parents": _coach_parents, "new_user": _new_user, "marketplace": _marketplace,
    "follow_back_many": _follow_back_many, "busy_canned": _busy_canned, "birthday": _birthday,
}


def run_ham_user(engine, graph, now, rng, user, start) -> HamResult:
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    now[0] = start
    d = Day(engine, graph, now, rng, user, start, kind)
    BUILD[kind](d)
    return d.run()
