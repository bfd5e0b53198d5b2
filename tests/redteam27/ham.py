"""One ordinary user's day from real ham texts of the SMS corpus."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from policy import InviteRequest, SendRequest
from tests.redteam27.corpus import load

NOT_SPAM = {"text", "followers_only", "group", "storage"}
KINDS = ["chat", "chat", "chat", "invite", "group", "burst", "share", "creator", "newcomer",
         "busy"]
INVITES = [
    "Party at mine on Sat from 8, bring a bottle! {x}",
    "Hey! Its my birthday on friday, drinks at the Crown from 7. Would love to see u there {x}",
    "We're doing a bbq sunday afternoon at the park by the lake, come along if ur free {x}",
    "Quiz night at the Red Lion thurs 8pm, need a team of 6, u in? {x}",
    "Leaving do for Sam next wed at Nandos 7pm, let me know if u can make it {x}",
    "Baby shower for Jen on the 14th, 2pm at hers. Rsvp to me pls {x}",
]
SHARES = [
    "My new number is {p}, save it!", "Call me on {p} when ur outside",
    "Here's the link for the tickets {u}", "This is the place I told u about {u}",
    "Mum's number is {p} if u need her", "Booking page {u} , we need to do it by tonight",
]


@dataclass
class HamResult:
    user: str
    kind: str
    sends: int = 0
    refused: list[tuple[tuple[str, ...], str, tuple[str, ...], str]] = field(default_factory=list)


def _ham(rng: random.Random, short: bool = False) -> str:
    _, ham = load()
    for _ in range(50):
        t = rng.choice(ham)
        if len(t) <= (40 if short else 140):
            return t
    return "ok"


def run_ham_user(engine, graph, now, rng, user, start) -> HamResult:
    kind = rng.choice(KINDS)
    res = HamResult(user, kind)
    now[0] = start + rng.uniform(6, 10) * 3600
    counter = [0]

    def person(friend: bool, wrote: bool = True) -> str:
        counter[0] += 1
        p = f"{user}.{'f' if friend else 'n'}{counter[0]}"
        graph.follow(p, user)
        if friend:
            graph.follow(user, p)
            if wrote:
                graph.record_message(p, user)
                graph.record_message(user, p)
        return p

    def send(recips: tuple[str, ...], text: str, what: str, conv: str | None = None,
             who: str | None = None) -> bool:
        sender = who or user
        d = engine.check(SendRequest(sender, recips, text[:140], conversation=conv))
        if sender == user:
            res.sends += 1
        if d.allowed:
            for r in recips:
                graph.record_message(sender, r)
            return True
        spam = tuple(r.rule for r in d.reasons if r.rule not in NOT_SPAM)
        if spam and sender == user:
            res.refused.append((spam, text, recips, what))
        return False

    def tick(lo: float, hi: float) -> None:
        now[0] += rng.uniform(lo, hi)

    def chat(friends: list[str], turns: int) -> None:
        for _ in range(turns):
            f = rng.choice(friends)
            send((f,), _ham(rng), "chat")
            tick(20, 600)
            if rng.random() < 0.8:
                send((user,), _ham(rng), "reply", who=f)
                tick(20, 400)

    friends = [person(True, wrote=rng.random() < 0.7) for _ in range(rng.randint(3, 15))]
    if kind == "chat":
        chat(friends, rng.randint(10, 60))
    elif kind in ("invite", "busy"):
        text = rng.choice(INVITES).format(x=rng.choice(["x", ":)", "!", ""])).strip()
        n_followers = rng.choice((0, 1, 2, 3, 4))
        guests = rng.sample(friends, min(len(friends), rng.randint(4, 10)))
        guests += [person(False) for _ in range(n_followers)]
        rng.shuffle(guests)
        for g in guests:
            send((g,), text, "invitation")
            tick(10, 180)
        if kind == "busy":
            chat(friends, rng.randint(10, 30))
    elif kind == "group":
        members = tuple(rng.sample(friends, min(len(friends), rng.randint(3, 12))))
        if rng.random() < 0.5:
            members += tuple(person(False) for _ in range(rng.choice((1, 2))))
        conv = f"{user}.g"
        inv = InviteRequest(inviter=user, invitees=members, conversation=conv, members=(user,))
        if engine.check_invite(inv).allowed:
            graph.record_invite(inv, now[0])
            text = rng.choice(INVITES).format(x="").strip()
            send(members, text, "group invitation", conv)
            for _ in range(rng.randint(3, 15)):
                tick(30, 900)
                who = rng.choice((user, *members[:3]))
                others = tuple(m for m in (user, *members) if m != who)
                send(others, _ham(rng), "group chat", conv, who=who)
        chat(friends, rng.randint(3, 10))
    elif kind == "burst":
        for f in rng.sample(friends, min(len(friends), rng.randint(1, 3))):
            for _ in range(rng.randint(10, 40)):
                text = _ham(rng, short=True) if rng.random() < 0.6 else \
                    rng.choice(["ok", "lol", "?", "haha", "ok see u soon", "where r u"])
                send((f,), text, "burst")
                tick(2, 30)
            send((user,), _ham(rng), "reply", who=f)
            tick(600, 3600)
    elif kind == "share":
        p = "07" + "".join(rng.choice("0123456789") for _ in range(9))
        u = f"www.{rng.choice(['ticketmaster', 'booking', 'bbc', 'eventbrite'])}.co.uk/{rng.randint(100, 9999)}"
        text = rng.choice(SHARES).format(p=p, u=u)
        for f in rng.sample(friends, min(len(friends), rng.randint(2, 6))):
            send((f,), text, "share")
            tick(30, 1200)
        chat(friends, rng.randint(3, 15))
    elif kind == "creator":
        fans = []
        for _ in range(rng.randint(10, 60)):
            counter[0] += 1
            fan = f"{user}.fan{counter[0]}"
            graph.follow(fan, user)
            graph.record_message(fan, user)
            fans.append(fan)
        for fan in fans:
            send((fan,), rng.choice(["thank you!!", "thanks so much x", "aw thank u",
                                     "thank you so much for watching!", "means a lot, thanks"]),
                 "thanks to a fan who wrote")
            tick(20, 300)
        for _ in range(rng.choice((0, 1, 2, 3))):
            send((person(False),), rng.choice(["thanks for the follow!", "hey, welcome!"]),
                 "thanks for the follow")
            tick(60, 600)
    else:  # newcomer: a few followers it does not follow back, in its own words
        for _ in range(rng.randint(1, 4)):
            send((person(False),), _ham(rng), "to a follower")
            tick(300, 3600)
        chat(friends, rng.randint(3, 15))
    return res
