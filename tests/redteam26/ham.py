"""Ordinary users of round 26: real ham texts of the SMS corpus, a day each.

Everyone chats with a few friends both ways (each follows the other, both write); on top of it,
one behaviour: an invitation sent to several friends in the same words (one by one or to a new
group, some of them followers the user does not follow back who never wrote), a burst, giving
one's number to a new friend, forwarding a link to a few friends, writing to a few new followers
as a newcomer, starting a group chat with friends."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from policy import InviteRequest, SendRequest
from tests.redteam26.corpus import ham_texts
from tests.redteam26.harness import NON_SPAM

KINDS = {"chat": 30, "invite": 15, "burst": 15, "number": 10, "link": 10, "newcomer": 10, "group": 10}
_SITES = ["http://www.youtube.com/watch?v={c}", "www.bbc.co.uk/news/uk-{n}", "http://tinyurl.com/{c}",
          "www.eventbrite.co.uk/e/{n}", "https://goo.gl/maps/{c}", "www.amazon.co.uk/dp/{c}"]
_LINK_WORDS = ["check this out", "haha look", "this is the place", "tickets here", "u seen this?", "for sat",
               "the one i told u about", "lol", "have a look", "read this"]
_NUMBER_WORDS = ["my number is {p}", "text me on {p}", "here's my number {p} x", "{p} that's me",
                 "ring me if ur around {p}", "my new number: {p}"]
_INVITES = ["party at mine sat from 8, bring a bottle!", "bbq sunday 2pm at the park, come along",
            "drinks for my birthday fri at the red lion 7ish, hope u can make it",
            "quiz night thurs at the crown, need a team of 6!", "movie night at mine tmrw 8pm, who's in?",
            "footie 5-a-side tues 7pm, we're short, u in?", "leaving do friday at 6 in the pub by work x"]


@dataclass
class HamResult:
    user: str
    kind: str
    sends: int = 0
    refused: list = field(default_factory=list)   # (rules, text, recipients, what)


def _phone(rng: random.Random) -> str:
    return "07" + "".join(str(rng.randrange(10)) for _ in range(3)) + " " + "".join(
        str(rng.randrange(10)) for _ in range(6))


def run_ham_user(engine, graph, now, rng: random.Random, uid: str, start: float) -> HamResult:
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    res = HamResult(uid, kind)
    texts = ham_texts()
    friends = [f"{uid}.f{i}" for i in range(rng.randint(5, 12) if kind in ("invite", "group") else rng.randint(2, 8))]
    for f in friends:
        graph.follow(f, uid)
        graph.follow(uid, f)
        if rng.random() < 0.7:   # friends who wrote before today
            graph.record_message(f, uid)
            graph.record_message(uid, f)
    plan: list = []   # (time, recipients, text, what, conversation)

    def t_in(lo: float = 0, hi: float = 86000) -> float:
        return start + rng.uniform(lo, hi)

    for f in rng.sample(friends, rng.randint(1, len(friends))):
        for _ in range(rng.randint(2, 15)):
            plan.append((t_in(), (f,), rng.choice(texts), "chat", None))

    def acquaintances(n: int, prefix: str) -> list[str]:
        out = [f"{uid}.{prefix}{i}" for i in range(n)]
        for a in out:
            graph.follow(a, uid)
        return out

    if kind == "invite":
        t0 = t_in(0, 70000)
        # several friends, and a few people who follow the user, met lately, who never wrote
        guests = rng.sample(friends, rng.randint(3, len(friends))) + acquaintances(rng.randint(0, 3), "a")
        rng.shuffle(guests)
        words = rng.choice([*_INVITES, rng.choice(texts)])
        if rng.random() < 0.5:
            for i, g in enumerate(guests):
                plan.append((t0 + i * rng.uniform(10, 120), (g,), words, "invite", None))
        else:
            conv = f"{uid}.party"
            plan.append((t0, tuple(guests), words, "invite-group", conv))
            plan.append((t0 + 600, tuple(guests), rng.choice(texts), "invite-group", conv))
    elif kind == "burst":
        f = rng.choice(friends)
        t0 = t_in(0, 80000)
        for i in range(rng.randint(20, 60)):
            plan.append((t0 + i * rng.uniform(5, 30), (f,), rng.choice(texts), "burst", None))
    elif kind == "number":
        for n in acquaintances(rng.randint(1, 3), "n"):
            if rng.random() < 0.5:
                graph.follow(uid, n)
            t0 = t_in(0, 80000)
            plan.append((t0, (n,), rng.choice(texts), "number-hello", None))
            plan.append((t0 + 60, (n,), rng.choice(_NUMBER_WORDS).format(p=_phone(rng)), "number", None))
    elif kind == "link":
        t0 = t_in(0, 80000)
        link = rng.choice(_SITES).format(c="".join(rng.choice("abcdefXYZ123") for _ in range(8)),
                                         n=rng.randint(10000000, 99999999))
        words = f"{rng.choice(_LINK_WORDS)} {link}"
        to = rng.sample(friends, min(len(friends), rng.randint(3, 6))) + acquaintances(rng.randint(0, 2), "l")
        for i, f in enumerate(to):
            plan.append((t0 + i * rng.uniform(5, 90), (f,), words, "link", None))
    elif kind == "newcomer":
        for n in acquaintances(rng.randint(3, 6), "w"):
            plan.append((t_in(), (n,), rng.choice(texts), "newcomer", None))
    elif kind == "group":
        members = tuple(rng.sample(friends, min(len(friends), rng.randint(2, 8))))
        conv = f"{uid}.chat"
        t0 = t_in(0, 80000)
        for i in range(rng.randint(3, 15)):
            plan.append((t0 + i * rng.uniform(20, 300), members, rng.choice(texts), "group", conv))

    started: set[str] = set()
    for at, recips, text, what, conv in sorted(plan, key=lambda p: p[0]):
        now[0] = at
        if conv and conv not in started:
            inv = InviteRequest(uid, recips, conv)
            if engine.check_invite(inv).allowed:
                graph.record_invite(inv, at)
            started.add(conv)
        d = engine.check(SendRequest(uid, recips, text, conversation=conv))
        res.sends += 1
        if d.allowed:
            for r in recips:
                graph.record_message(uid, r)
                if what in ("chat", "burst", "group", "number-hello") or rng.random() < 0.3:
                    graph.record_message(r, uid)   # they write back
            continue
        rules = tuple(r.rule for r in d.reasons)
        if any(r not in NON_SPAM for r in rules):
            res.refused.append((rules, text, recips, what))
    return res
