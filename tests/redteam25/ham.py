"""Round 25's ordinary users: a day each, on the same engine as the campaigns.

Kinds (weights in KINDS): friends chatting both ways, bursts, invitations of several friends
with one text, a number/e-mail/handle given to a new contact, organisers' announcements,
sellers answering buyers who wrote first, a link forwarded to a few friends, newcomers saying
hello to people who follow them, creators thanking new followers in varied words, a group
conversation. Texts are the corpus's real ham and this module's own.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from policy import InviteRequest, SendRequest
from tests.redteam25.corpus import ham_texts
from tests.redteam25.harness import NON_SPAM


@dataclass
class HamResult:
    user: str
    kind: str
    sends: int = 0
    refused: list[tuple] = field(default_factory=list)   # (rules, text, recipients, who)


KINDS = {"chat": 26, "burst": 8, "invite": 10, "give_contact": 8, "organiser": 8, "seller": 8,
         "forward": 8, "newcomer": 8, "creator": 8, "groupchat": 8}

INVITES = ["Drinks at mine Saturday from 8, bring whoever you like!", "Bbq at ours Sunday 2pm, bring a bottle x",
           "Pub quiz Thursday 8pm at the Crown, who's in?", "5 a side tomorrow 7pm, need 2 more, you in?",
           "Birthday dinner for Jo on Friday, 7.30 at Zizzi's, let me know if you can come",
           "Movie night at ours Friday, pizza from 7, bring snacks", "Anyone up for a walk round the lake Sunday morning?",
           "Board games tonight at mine from 7, come by if you're free", "Leaving do for Sam next Friday, Red Lion from 6"]
CONTACT = ["Great meeting you today! My number's {n}, text me about the flat", "Here's my number {n}, call me when you land",
           "Lovely to meet you, my email is {m} if you want those photos", "My new number is {n}, save it :)",
           "It was nice chatting, I'm {h} on insta", "Drop me a line at {m} and I'll send the notes",
           "Text me on {n} when you're outside", "Cheers for today, my whatsapp is {n}"]
ORGANISE = ["Reminder: training moved to 7pm Thursday at the leisure centre, court 3. Subs £5 on the night",
            "Hi all, the book club is at Anna's on the 12th, 7.30. Address: 14 Mill Lane. Bring the book!",
            "Parents: the school fair needs cakes by Friday 3pm. Questions to {m} please",
            "Choir practice tonight 7pm at St Mary's hall. Music is on https://choirsheets.org/week12",
            "Running club: Sunday 9am at the park gates, 10k. Sign up at runclub.co.uk/sunday",
            "Volunteers needed for Saturday's litter pick, meet 10am at the library. Call me on {n} if lost",
            "Team, the away match is at 2pm, coach leaves 12.15 from the club car park. Kit: blue"]
SELLER = ["Hi, yes it's still available, £{p} and you can collect from {a}", "Yes still for sale, £{p} ono, I'm on {n}",
          "Hiya, it's £{p}, collection only. Text {n} when you're on your way", "Still got it! £{p}, can post for £4 extra",
          "Yes available, £{p}. Photos here: https://imgur.com/a/{c}", "Hi! £{p} firm, I'm free after 6 most days",
          "Sorry, someone's coming to look tonight, I'll let you know. It's £{p} if it falls through"]
FORWARD = ["lol watch this https://youtu.be/{c}", "have you seen this?? https://www.bbc.co.uk/news/uk-{c}",
           "this is the place I told you about https://maps.app.goo.gl/{c}", "tickets are out! https://www.ticketmaster.co.uk/{c}",
           "omg look https://vm.tiktok.com/{c}/", "the recipe: https://www.bbcgoodfood.com/recipes/{c}"]
NEWCOMER = ["Hi! I'm new on here, {me} from the running club. Nice to see you here", "Hey, it's {me} from work, finally joined lol",
            "Hello! {me} here, Jess said you'd be on here. How are you?", "Hiya, just joined, it's {me} from the choir :)",
            "Hi, {me} from next door! found you on here haha", "Hey! new account, old {me}. Hope you're well"]
THANKS = ["Thank you so much for the follow!", "thanks for following, means a lot x", "Aw thank you for the follow :)",
          "Welcome! Thanks for being here", "Thanks for the follow, hope you enjoy the videos!", "ty for following!! 💛",
          "Hey, thanks for following along", "So glad you found the page, thank you!", "Thank you for the support, really",
          "Hi! thanks for the follow, new video on Friday", "appreciate the follow 🙏", "Welcome aboard and thank you!",
          "thank you thank you for following!", "Thanks for joining us, hope you like the recipes", "cheers for the follow!"]
NAMES = ["Sam", "Alex", "Jo", "Priya", "Tom", "Mia", "Ben", "Lucy", "Omar", "Kate"]


def _num(rng: random.Random) -> str:
    return "07" + "".join(str(rng.randint(0, 9)) for _ in range(3)) + " " + "".join(
        str(rng.randint(0, 9)) for _ in range(6))


def _fill(t: str, rng: random.Random) -> str:
    me = rng.choice(NAMES)
    return t.format(n=_num(rng), m=f"{me.lower()}{rng.randint(1, 99)}@gmail.com", h=f"{me.lower()}_{rng.randint(1, 99)}",
                    p=rng.choice([5, 10, 15, 20, 25, 40, 60, 80, 120]), a=rng.choice(["Leeds", "Hove", "Bury", "Kew"]),
                    c="".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(7)), me=me)


def run_ham_user(engine, graph, now, rng: random.Random, uid: str, start: float) -> HamResult:
    kinds, weights = zip(*KINDS.items(), strict=True)
    kind = rng.choices(kinds, weights)[0]
    res = HamResult(uid, kind)
    t = [start]
    ham = ham_texts()

    def send(sender: str, recips: tuple[str, ...], text: str, conv: str | None = None, who: str = "user") -> bool:
        now[0] = t[0]
        d = engine.check(SendRequest(sender, recips, text[:140], conversation=conv))
        if sender == uid:
            res.sends += 1
        if d.allowed:
            for r in recips:
                graph.record_message(sender, r)
            return True
        rules = tuple(r.rule for r in d.reasons)
        if any(r not in NON_SPAM for r in rules):
            res.refused.append((rules, text, recips, who))
        return False

    def tick(lo: float, hi: float) -> None:
        t[0] += rng.uniform(lo, hi)

    def friends(n: int, mutual: float = 1.0, wrote: float = 1.0) -> tuple[str, ...]:
        out = []
        for _i in range(n):
            f = f"{uid}.f{len(out)}.{rng.randint(0, 10**6)}"
            graph.follow(f, uid)
            if rng.random() < mutual:
                graph.follow(uid, f)
            if rng.random() < wrote:
                graph.record_message(f, uid)
            out.append(f)
        return tuple(out)

    if kind in ("chat", "burst"):
        fs = friends(rng.randint(1, 3))
        for f in fs:
            n = rng.randint(5, 30) if kind == "chat" else rng.randint(12, 40)
            for _ in range(n):
                if rng.random() < 0.5:
                    send(f, (uid,), rng.choice(ham), who="friend")
                else:
                    send(uid, (f,), rng.choice(ham))
                tick(5, 600) if kind == "chat" else tick(2, 20)
    elif kind == "invite":
        fs = friends(rng.randint(3, 8), mutual=0.6, wrote=0.5)
        text = rng.choice(INVITES)
        for f in fs:
            send(uid, (f,), text)
            tick(10, 120)
    elif kind == "give_contact":
        fs = friends(rng.randint(1, 3), mutual=0.3, wrote=0.4)
        for f in fs:
            send(uid, (f,), _fill(rng.choice(CONTACT), rng))
            tick(300, 5000)
    elif kind == "organiser":
        fs = friends(rng.randint(6, 14), mutual=0.5, wrote=0.5)
        text = _fill(rng.choice(ORGANISE), rng)
        for f in fs:
            send(uid, (f,), text if rng.random() < 0.7 else rng.choice(["Hi! ", "Hey, ", "Hiya - "]) + text)
            tick(20, 300)
    elif kind == "seller":
        buyers = friends(rng.randint(4, 12), mutual=0.0, wrote=0.0)
        _item = rng.choice(["the bike", "the sofa", "the pram", "the tickets", "the desk", "the ps5", "the dress"])
        for b in buyers:
            # the buyer writes first (a message request the seller accepted): recorded as written
            graph.record_message(b, uid)
            tick(60, 900)
            send(uid, (b,), _fill(rng.choice(SELLER), rng))
            tick(300, 3600)
    elif kind == "forward":
        fs = friends(rng.randint(3, 5))
        text = _fill(rng.choice(FORWARD), rng)
        for f in fs:
            send(uid, (f,), text)
            tick(5, 90)
    elif kind == "newcomer":
        fs = friends(rng.randint(2, 5), mutual=0.0, wrote=0.0)
        for f in fs:
            send(uid, (f,), _fill(rng.choice(NEWCOMER), rng))
            tick(60, 1800)
    elif kind == "creator":
        fs = friends(rng.randint(5, 12), mutual=0.0, wrote=0.0)
        for f in fs:
            send(uid, (f,), rng.choice(THANKS))
            tick(600, 3600)
    else:  # groupchat: a conversation of 3 to 8 friends, several messages
        fs = friends(rng.randint(3, 8), mutual=0.8, wrote=0.7)
        for a in fs:   # the members know each other
            for b in fs:
                if a != b:
                    graph.follow(a, b)
                    graph.record_message(a, b)
        conv = f"{uid}.g"
        inv = InviteRequest(uid, fs, conv)
        if engine.check_invite(inv).allowed:
            graph.record_invite(inv, t[0])
        for _ in range(rng.randint(3, 12)):
            if rng.random() < 0.5:
                send(uid, fs, rng.choice(ham), conv)
            else:
                f = rng.choice(fs)
                send(f, (uid, *(x for x in fs if x != f)), rng.choice(ham), conv, who="member")
            tick(30, 900)
    return res
