"""Round 24's ordinary users: a day of one user's legitimate messages, and of the people who
answer, on the same engine as the campaigns.

Each user is one of several kinds (conversations both ways, a party invitation to many friends
in the same words, a small business's announcement to customers, a number or address given to
new acquaintances, group organisers, bursts, a link forwarded to friends, a creator thanking
new followers, a seller answering buyers, a coach's schedule to parents, a family group).
Friends follow each other and write back (``graph.record_message`` both ways); "wrote before"
is history from earlier days. A refused send is retried once after ``retry_after``."""
from __future__ import annotations

import heapq
import itertools
import random
from dataclasses import dataclass, field

from policy import InviteRequest, SendRequest
from tests.redteam24.corpus import ham_sentences, ham_texts
from tests.redteam24.harness import NON_SPAM

NAMES = ["Sam", "Jo", "Priya", "Tom", "Aisha", "Ben", "Chloe", "Dan", "Ella", "Femi", "Gus", "Hana", "Ivan",
         "Jess", "Kofi", "Lena", "Mo", "Nat", "Olu", "Pete", "Rosa", "Sid", "Tara", "Uma", "Vik", "Wes", "Yas", "Zoe"]

PARTY = [
    "{n}! Party at mine Saturday from 8, bring whoever you like. Let me know if you can make it x",
    "Hey {n}, it's my 30th on the 14th, drinks at The Crown from 7. Would love to see you there!",
    "{n} - bbq at ours Sunday 2pm, bring a bottle and a chair if you have one. Kids welcome",
    "Hi {n}! Housewarming next Friday, 12 Elm Road, from 7:30. Say if you're coming so I get enough food",
    "Quiz night for Jen's leaving do, Thursday 8pm at the Fox. You in {n}?",
    "Surprise party for Mark on the 3rd!! Don't tell him. 7pm at Luigi's, RSVP to me {n}",
]
BUSINESS = [
    "Hi! Rosie's Bakes is open again from Monday 8am, fresh sourdough every morning. Orders: 07700 900431",
    "Hello from Green Thumb Gardening: spring slots are open, book at greenthumb-garden.co.uk or reply here",
    "Studio news: new yoga timetable from next week, Tues/Thu 6pm. Details at flowstudio.co.uk/timetable",
    "Hi, it's Dave from the garage. We're closed this Friday for stock take, back Saturday 9am. Ta!",
    "The shop has new stock in: handmade mugs and plates. Pop in or see www.claycorner.shop, we're on 01632 960211",
    "Reminder from Tidy Paws grooming: we're moving to 4 High St from the 1st. Same number 07700 900877",
    "Salon update: Sara is back from leave, bookings open again on 020 7946 0321 or salonsara.co.uk",
]
SHARE = [
    "Great meeting you at the conference! My number is 07700 900{d}, text me if you're in town",
    "Lovely chatting today. I'm on 07700 900{d} and anna.{n}@gmail.com if easier",
    "Nice to meet you at the climbing wall! My ig is {n}_climbs, I post the routes there",
    "Here's my email for the CV: {n}.work{d}@outlook.com. Thanks for offering to look at it",
    "Hi, it's {n} from the antenatal class, this is my whatsapp 07700 900{d} for the group",
    "Thanks for the chat at the gig! I'm @{n}music on here and on insta, send me that playlist",
    "As promised, my landlord's number is 0161 496 0{d}, tell him I sent you",
]
LINKS = [
    "Have you seen this?? https://www.bbc.co.uk/news/uk-68{d}21 mad",
    "This is the flat I was telling you about rightmove.co.uk/properties/14{d}77",
    "Sign the petition pls, takes 10 secs: petition.parliament.uk/petitions/6{d}9",
    "lol watch this youtu.be/dQw{d}XcQ",
    "Tickets for the festival go on sale at 10: www.seetickets.com/event/{d}",
]
ORGANISE = [
    "Five-a-side moved to 7pm Wednesday, same pitch. Bring bibs if you have them",
    "Book club: we're doing Piranesi next, meeting at Hana's on the 21st at 7",
    "Choir practice cancelled this week, hall flooded. Back to normal next Tuesday",
    "Reminder: litter pick Saturday 10am at the park gates, gloves provided",
    "Walking group this Sunday: meet 9:30 at the car park, about 8 miles, bring lunch",
]
THANKS = ["Thanks so much for the follow {n}!", "Hey {n}, welcome and thanks for following :)",
          "Thank you for the support {n}, means a lot", "Appreciate the follow {n}! Hope you like the pics",
          "thanks for following {n} x", "Hiya {n}, thanks for the follow, new post Friday"]
SELLER = ["Yes still available! £{p} and it's yours, collection from Leeds. Call me on 07700 900{d}",
          "Hi, it is, £{p} ono. I'm around after 6, ring 07700 900{d} to arrange",
          "Still here! £{p}, can post for £4 extra. My number's 07700 900{d}"]
COACH = ["Under 10s training moves to Saturday 9am this month. Any problems call me on 07700 900{d}. Coach {n}",
         "Swimming gala on the 12th, arrive 8:15 at the leisure centre. Kit list on the club site. Thanks, {n}",
         "Tutoring: no session half term week, back on the 28th. Text 07700 900{d} if you need to move it"]
NEWCOMER = ["Hi, I'm the new neighbour at number 14, just saying hello!",
            "Hey! Saw you're in the running club too, is the Thursday run ok for beginners?",
            "Hi, we met at Jo's wedding, you said you had a spare ticket for the match?",
            "Hello! I've just joined the team on Monday, looking forward to working with you",
            "Hi there, are you the one selling the pram? Is it still around?",
            "Hey, your cousin Mo said to message you about the room to rent",
            "Hi! I think our kids are in the same class, fancy a playdate some time?"]

KINDS = [("chat", 30), ("burst", 8), ("party", 8), ("party_group", 5), ("business", 7), ("share_contact", 8),
         ("newcomer", 5), ("organiser", 5), ("forward_link", 7), ("creator", 4), ("seller", 5), ("coach", 4),
         ("family", 4)]


@dataclass
class HamResult:
    user: str
    kind: str
    sends: int = 0
    refused: list = field(default_factory=list)   # (rules, text, recipients, who)


def run_ham_user(engine, graph, now, rng: random.Random, user: str, start: float) -> HamResult:
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    res = HamResult(user, kind)
    events: list = []
    seq = itertools.count()
    people = (f"{user}.p{i}" for i in itertools.count())
    hams = ham_texts(140)
    short = ham_sentences(80)

    def at(t: float, sender: str, to: tuple[str, ...], text: str, conv: str | None = None, tries: int = 0) -> None:
        heapq.heappush(events, (start + t, next(seq), sender, to, text, conv, tries))

    def friends(n: int, follow_back: float = 1.0, wrote: float = 1.0) -> list[str]:
        out = []
        for _ in range(n):
            p = next(people)
            graph.follow(p, user)
            if rng.random() < follow_back:
                graph.follow(user, p)
            if rng.random() < wrote:
                graph.record_message(p, user)
            out.append(p)
        return out

    def circle(members: list[str], p: float = 0.5) -> None:
        """Friends of one circle follow some of each other (and so may write to each other)."""
        for a in members:
            for b in members:
                if a != b and rng.random() < p:
                    graph.follow(a, b)

    def group(members: list[str], t: float) -> str:
        conv = f"{user}.g{next(seq)}"
        inv = InviteRequest(user, tuple(members), conv)
        if engine.check_invite(inv).allowed:
            graph.record_invite(inv, start + t)
        return conv

    def chat(f: str, t0: float, n: int, gap: tuple[float, float] = (60, 1800)) -> None:
        t = t0
        first_user = rng.random() < 0.5
        for i in range(n):
            t += rng.uniform(*gap)
            if (i % 2 == 0) == first_user:
                at(t, user, (f,), rng.choice(hams))
            else:
                at(t, f, (user,), rng.choice(hams))

    name = rng.choice(NAMES).lower()
    d = f"{rng.randint(100, 999)}"
    if kind == "chat":
        for f in friends(rng.randint(1, 4), wrote=0.7):
            chat(f, rng.uniform(0, 40000), rng.randint(3, 16))
    elif kind == "burst":
        for f in friends(rng.randint(1, 2)):
            chat(f, rng.uniform(0, 40000), rng.randint(20, 60), gap=(5, 90))
    elif kind == "party":
        fs = friends(rng.randint(6, 18), follow_back=0.9, wrote=0.6)
        tpl = rng.choice(PARTY)
        personal = rng.random() < 0.5
        t = rng.uniform(0, 40000)
        for f in fs:
            t += rng.uniform(20, 120)
            at(t, user, (f,), tpl.format(n=rng.choice(NAMES) if personal else "").replace("  ", " ").strip(" !-,"))
            if rng.random() < 0.5:
                at(t + rng.uniform(300, 7200), f, (user,), rng.choice(("I'm in!", "can't make it sorry x",
                                                                       "yesss see you there", "Will try!")))
    elif kind == "party_group":
        fs = friends(rng.randint(6, 19), follow_back=0.95, wrote=0.7)
        circle(fs)
        t = rng.uniform(0, 40000)
        conv = group(fs, t)
        at(t + 5, user, tuple(fs), rng.choice(PARTY).format(n="all").replace("  ", " "), conv)
        for f in rng.sample(fs, min(len(fs), rng.randint(1, 6))):
            at(t + rng.uniform(60, 5000), f, tuple([user] + [g for g in fs if g != f]), rng.choice(short), conv)
    elif kind == "business":
        fs = friends(rng.randint(8, 25), follow_back=0.3, wrote=0.8)
        txt = rng.choice(BUSINESS)
        t = rng.uniform(0, 40000)
        for f in fs:
            t += rng.uniform(30, 180)
            at(t, user, (f,), txt)
    elif kind == "share_contact":
        for f in friends(rng.randint(1, 3), follow_back=0.5, wrote=0.5):
            t = rng.uniform(0, 60000)
            at(t, user, (f,), rng.choice(SHARE).format(n=name, d=rng.randint(100, 999)))
            if rng.random() < 0.7:
                at(t + rng.uniform(600, 7200), f, (user,), rng.choice(short))
    elif kind == "newcomer":
        for f, txt in zip(friends(rng.randint(2, 6), follow_back=0.0, wrote=0.0), rng.sample(NEWCOMER, 6), strict=False):
            t = rng.uniform(0, 60000)
            at(t, user, (f,), txt)
            if rng.random() < 0.6:
                at(t + rng.uniform(600, 7200), f, (user,), rng.choice(short))
    elif kind == "organiser":
        txt = rng.choice(ORGANISE)
        t = rng.uniform(0, 40000)
        for _ in range(rng.randint(2, 4)):
            fs = friends(rng.randint(4, 10), follow_back=0.8, wrote=0.8)
            circle(fs)
            t += rng.uniform(60, 600)
            conv = group(fs, t)
            at(t + 5, user, tuple(fs), txt, conv)
            for f in rng.sample(fs, 2):
                at(t + rng.uniform(120, 3600), f, tuple([user] + [g for g in fs if g != f]), rng.choice(short), conv)
    elif kind == "forward_link":
        txt = rng.choice(LINKS).format(d=d)
        t = rng.uniform(0, 40000)
        for f in friends(rng.randint(3, 6), follow_back=0.9, wrote=0.5):
            t += rng.uniform(10, 300)
            at(t, user, (f,), txt)
            if rng.random() < 0.5:
                at(t + rng.uniform(60, 3600), f, (user,), rng.choice(short))
    elif kind == "creator":
        t = rng.uniform(0, 40000)
        for f, tpl in zip(friends(rng.randint(3, 10), follow_back=0.0, wrote=0.0),
                          itertools.cycle(rng.sample(THANKS, 3))):
            t += rng.uniform(300, 3600)
            at(t, user, (f,), tpl.format(n=rng.choice(NAMES)))
    elif kind == "seller":
        tpl, p = rng.choice(SELLER), rng.randint(15, 200)
        t = rng.uniform(0, 40000)
        for f in friends(rng.randint(3, 8), follow_back=1.0, wrote=0.0):   # open to their messages
            t += rng.uniform(300, 3600)
            at(t, f, (user,), rng.choice(("Hi is this still available?", "hiya, still got the bike?",
                                          "is it still for sale", "Hello! Available?")))
            at(t + rng.uniform(60, 900), user, (f,), tpl.format(p=p, d=d))
    elif kind == "coach":
        txt = rng.choice(COACH).format(n=rng.choice(NAMES), d=d)
        t = rng.uniform(0, 40000)
        for f in friends(rng.randint(8, 15), follow_back=0.5, wrote=0.7):
            t += rng.uniform(20, 200)
            at(t, user, (f,), txt)
    else:  # family
        fs = friends(rng.randint(3, 8))
        circle(fs, 0.9)
        t = rng.uniform(0, 30000)
        conv = group(fs, t)
        members = [user, *fs]
        for _ in range(rng.randint(5, 30)):
            t += rng.uniform(30, 1800)
            s = rng.choice(members)
            at(t, s, tuple(m for m in members if m != s), rng.choice(hams), conv)

    while events:
        t, _, sender, to, text, conv, tries = heapq.heappop(events)
        now[0] = t
        dec = engine.check(SendRequest(sender, to, text, conversation=conv))
        if sender == user:
            res.sends += 1
        if dec.allowed:
            for r in to:
                graph.record_message(sender, r)
            continue
        rules = tuple(r.rule for r in dec.reasons)
        if any(r not in NON_SPAM for r in rules) and tries == 0:
            res.refused.append((rules, text, to, "user" if sender == user else "friend"))
        if dec.retry_after is not None and tries == 0:
            heapq.heappush(events, (t + dec.retry_after + 1, next(seq), sender, to, text, conv, 1))
    return res
