"""Ordinary users written from the corpus's ham, on the same engine as the spam senders."""
from __future__ import annotations

import random
from dataclasses import dataclass

from policy import InviteRequest, SendRequest
from tests.redteam23 import corpus

NON_SPAM = {"text", "followers_only", "group", "storage"}

GREETINGS = ["happy new year!", "Happy New Year!! 🎉", "merry christmas x", "Happy Easter!",
             "happy new year, have a good one", "HNY!! love you all", "Eid Mubarak!",
             "happy diwali ✨", "Merry Xmas and a happy new year!", "good luck tomorrow!!"]
THANKS = ["thanks so much for the message!", "aw thank you, that's so kind", "thank you!! means a lot",
          "thanks for reaching out, will reply properly later", "cheers, glad you liked it"]
KINDS = [("convo", 35), ("invite", 10), ("burst", 10), ("greeting", 15), ("newcomer", 15),
         ("fans", 8), ("announce", 7)]


@dataclass
class HamResult:
    user: str
    kind: str
    sends: int = 0
    refused: list | None = None  # (rules, text, recipients, n-th send)


def _pick_kind(rng: random.Random) -> str:
    total = sum(w for _, w in KINDS)
    x = rng.uniform(0, total)
    for k, w in KINDS:
        x -= w
        if x <= 0:
            return k
    return KINDS[-1][0]


def run_ham_user(engine, graph, now, rng: random.Random, uid: str, start: float) -> HamResult:
    texts = corpus.ham_texts(140)
    kind = _pick_kind(rng)
    res = HamResult(uid, kind, refused=[])
    ev: list = []  # (time, sender, recipients, text, conv)

    def mutual(a, b):
        graph.follow(a, b)
        graph.follow(b, a)

    def say() -> str:
        return rng.choice(texts)

    t = start + rng.uniform(0, 3600)
    if kind == "convo":
        friends = [f"{uid}.f{i}" for i in range(rng.randint(1, 4))]
        for f in friends:
            mutual(uid, f)
        for _ in range(rng.randint(2, 6)):
            f = rng.choice(friends)
            who = [uid, f] if rng.random() < 0.6 else [f, uid]
            for i in range(rng.randint(3, 14)):
                a, b = who[i % 2], who[(i + 1) % 2]
                ev.append((t, a, (b,), say(), None))
                t += rng.uniform(10, 300)
            t += rng.uniform(1800, 4 * 3600)
    elif kind == "invite":
        n = rng.randint(3, 9)
        friends = [f"{uid}.f{i}" for i in range(n)]
        for f in friends:
            graph.follow(f, uid)
            if rng.random() < 0.8:
                graph.follow(uid, f)
        conv = f"{uid}.g"
        inv = InviteRequest(uid, tuple(friends), conv)
        now[0] = t
        d = engine.check_invite(inv)
        if d.allowed:
            graph.record_invite(inv, t)
        else:
            res.refused.append((tuple(r.rule for r in d.reasons), "(invite)", n, 0))
        for _ in range(rng.randint(3, 10)):
            if rng.random() < 0.6:
                ev.append((t, uid, tuple(friends), say(), conv))
            else:
                f = rng.choice(friends)
                ev.append((t, f, tuple([uid] + [x for x in friends if x != f]), say(), conv))
            t += rng.uniform(30, 3600)
    elif kind == "burst":
        f = f"{uid}.f0"
        mutual(uid, f)
        for _ in range(rng.randint(20, 60)):
            a, b = (uid, f) if rng.random() < 0.8 else (f, uid)
            ev.append((t, a, (b,), say(), None))
            t += rng.uniform(2, 20)
    elif kind == "greeting":
        g = rng.choice(GREETINGS)
        friends = [f"{uid}.f{i}" for i in range(15)]
        for f in friends:
            mutual(uid, f)
        for f in friends:
            ev.append((t, uid, (f,), g, None))
            if rng.random() < 0.5:
                ev.append((t + rng.uniform(60, 3000), f, (uid,), rng.choice(GREETINGS), None))
            t += rng.uniform(5, 90)
    elif kind == "newcomer":
        strangers = [f"{uid}.s{i}" for i in range(rng.randint(2, 4))]
        for s in strangers:
            graph.follow(s, uid)  # they follow the newcomer; the newcomer does not follow them
        for s in strangers:
            ev.append((t, uid, (s,), say(), None))
            if rng.random() < 0.5:
                t2 = t + rng.uniform(300, 7200)
                ev.append((t2, s, (uid,), say(), None))
                ev.append((t2 + rng.uniform(60, 600), uid, (s,), say(), None))
            t += rng.uniform(60, 1800)
    elif kind == "fans":
        fans = [f"{uid}.fan{i}" for i in range(rng.randint(6, 20))]
        for fan in fans:
            graph.follow(fan, uid)
            graph.record_message(fan, uid)  # they wrote first
        for fan in fans:
            ev.append((t, uid, (fan,), rng.choice(THANKS), None))
            t += rng.uniform(10, 300)
    elif kind == "announce":
        # a party invite to mutual friends one by one, the same longer text with an address
        friends = [f"{uid}.f{i}" for i in range(rng.randint(6, 14))]
        for f in friends:
            mutual(uid, f)
        msg = rng.choice([
            "Party at mine saturday from 8, 14 Elm Road, bring a bottle! call 07700900123 if lost",
            "Moving out on sunday, any help appreciated, pizza on me. Address is 22 Hill St",
            "Bake sale for the school on friday 3pm, all proceeds to the library, come along!",
        ])
        for f in friends:
            ev.append((t, uid, (f,), msg, None))
            t += rng.uniform(20, 200)

    ev.sort(key=lambda e: e[0])
    for at, a, recips, text, conv in ev:
        now[0] = max(now[0], at)
        d = engine.check(SendRequest(a, recips, text, conversation=conv))
        if a == uid:
            res.sends += 1
        if d.allowed:
            for r in recips:
                graph.record_message(a, r)
        else:
            rules = tuple(r.rule for r in d.reasons)
            if any(r not in NON_SPAM for r in rules):
                res.refused.append((rules, text, recips, a))
    return res
