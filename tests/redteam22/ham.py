"""Ordinary users (round 22's own model), texts from the SMS Spam Collection's ham.

A day of 1,000 to 2,000 people on one engine (memory://, a virtual clock) and one honest
host graph:

- friends: communities of 6 to 40 people, mutual follows inside (a few across); some
  people follow others who do not follow back (5% of people are followed much more);
- two-way conversations with friends (the reply is recorded: ``record_message`` after
  each delivered message, as the host does);
- group chats: some running for days already (its members wrote to each other before),
  some made today by inviting 2 to 7 friends (``check_invite`` then ``record_invite``),
  members posting, now and then a member inviting a friend of its own;
- bursts: one short text ("Happy new year!!") to 3 to 10 friends, one by one, seconds
  apart, now and then to a follower or two it does not follow back;
- forwarding a message it received to 2 to 4 friends;
- writing to someone who follows it and whom it does not follow (following back first
  most of the time); a popular person thanking a few new followers;
- meeting someone: both follow, they talk, sometimes a phone number is shared.

Everyone is ordinary: no one writes to more than a handful of people it does not know.
"""
from __future__ import annotations

import heapq
import itertools
import random
from collections import defaultdict
from dataclasses import dataclass, field

from policy import Engine, InviteRequest, MemoryGraph, SendRequest
from tests.redteam22.harness import T0, spam_rules, wait_of

BURSTS = ["Happy new year!!", "Happy new year everyone x", "Merry Christmas!", "Good morning all :)",
          "Happy Easter!", "Thinking of you today x", "Good luck tomorrow!", "Are you coming tonight?",
          "Running late, sorry!", "Made it home safe", "Eid Mubarak!", "Happy Diwali!", "congrats!!",
          "Thank you so much!", "Who's around this weekend?", "Pub at 8?", "Did everyone get home ok?",
          "Happy mother's day to all the mums x", "Snow day!!", "Anyone got a phone charger I can borrow?"]
THANKS = ["Thanks for the follow!", "thank you for following :)", "Thanks so much for the support!",
          "Hey, thanks for following, hope you like the pics", "thank you!! means a lot x"]
FIRST_WORDS = ["Hi, we met at {p} - was nice chatting!", "Hey! it's {n} from {p}",
               "hey, saw you at {p} earlier, was that you?", "Hi {n}, thanks for earlier"]
PLACES = ["the party", "work drinks", "the match", "yoga", "the school gate", "the gig", "the wedding"]
NUMBERS = ["my number is {d}, text me", "here's my number {d}", "ring me on {d} if you're around",
           "{d} is my new number x"]


@dataclass
class HamResult:
    users: int
    senders: int = 0
    decisions: int = 0
    flagged: dict = field(default_factory=dict)     # user -> list of (t, what, relation, text, outcome)
    refused_other: dict = field(default_factory=lambda: defaultdict(int))   # non-spam refusals by code
    sends_by_kind: dict = field(default_factory=lambda: defaultdict(int))


class HamWorld:
    def __init__(self, rules, ham: list[str], n_users: int = 1000, seed: int = 1, hours: float = 24.0):
        self.rng = random.Random(f"r22-ham:{seed}")
        self.rules = rules
        self.SPAM = spam_rules(rules)
        self.graph = MemoryGraph()
        self.now = [T0]
        self.engine = Engine(rules, storage="memory://", graph=self.graph, clock=lambda: self.now[0])
        self.hours = hours
        self.end = T0 + hours * 3600
        self.texts = [t if len(t) <= 140 else t[:140].rsplit(" ", 1)[0] for t in ham]
        self.short = [t for t in self.texts if 4 <= len(t) <= 40]
        self.users = [f"h{i:04d}" for i in range(n_users)]
        self.friends: dict[str, set[str]] = defaultdict(set)
        self.fans: dict[str, set[str]] = defaultdict(set)   # follow u, u does not follow them
        self.heap: list = []
        self.seq = itertools.count()
        self.result = HamResult(n_users)
        self.log: dict[str, list] = defaultdict(list)
        self.sent: set[str] = set()
        self.groups: dict[str, list[str]] = {}
        self._build()

    # ------------------------------------------------------------------ graph
    def _mutual(self, a: str, b: str) -> None:
        if a == b:
            return
        self.graph.follow(a, b)
        self.graph.follow(b, a)
        self.friends[a].add(b)
        self.friends[b].add(a)
        self.fans[a].discard(b)
        self.fans[b].discard(a)

    def _build(self) -> None:
        rng, users = self.rng, self.users
        i = 0
        self.community: dict[str, list[str]] = {}
        while i < len(users):
            size = rng.randint(6, 40)
            comm = users[i:i + size]
            p = min(0.9, rng.uniform(4, 12) / max(1, len(comm) - 1))
            for a, b in itertools.combinations(comm, 2):
                if rng.random() < p:
                    self._mutual(a, b)
            for u in comm:
                self.community[u] = comm
            i += size
        for u in users:
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                self._mutual(u, rng.choice(users))
        popular = set(rng.sample(users, len(users) // 20))
        weights = [30 if u in popular else 1 for u in users]
        for u in users:
            for v in rng.choices(users, weights, k=rng.choice([0, 0, 1, 2, 3, 5, 8])):
                if v != u and v not in self.friends[u]:
                    self.graph.follow(u, v)          # u follows v; v does not follow back
                    self.fans[v].add(u)
        # group chats running for days: their members wrote to each other before today
        for u in rng.sample(users, len(users) // 8):
            fr = sorted(self.friends[u])
            if len(fr) < 2:
                continue
            members = [u, *rng.sample(fr, min(len(fr), rng.randint(2, 8)))]
            cid = f"old-{u}-{len(self.groups)}"
            self.groups[cid] = members
            self.graph.start_conversation(cid, u, T0 - rng.uniform(2, 60) * 86400)
            talkers = [m for m in members if rng.random() < 0.75]
            for a in talkers:
                for b in members:
                    if a != b:
                        self.graph.record_message(a, b)
            for _ in range(rng.randint(3, 30)):
                self.at(rng.uniform(0, hours_s(self.hours)), self.group_post, cid, None)

    # ------------------------------------------------------------------ events
    def at(self, t: float, fn, *args) -> None:
        heapq.heappush(self.heap, (T0 + t if t < 1e9 else t, next(self.seq), fn, args))

    def later(self, dt: float, fn, *args) -> None:
        heapq.heappush(self.heap, (self.now[0] + dt, next(self.seq), fn, args))

    def text(self) -> str:
        return self.rng.choice(self.texts)

    def relation(self, u: str, r: str) -> str:
        if r in self.friends[u]:
            return "friend"
        if self.graph.follows(u, r):
            return "followed"
        if self.graph.has_written(r, u):
            return "wrote"
        return "stranger"

    def send(self, u: str, rcpts, text: str, what: str, conv: str | None = None, retry: bool = True) -> bool:
        rcpts = tuple(rcpts)
        d = self.engine.check(SendRequest(u, rcpts, text, conversation=conv))
        self.result.decisions += 1
        self.result.sends_by_kind[what] += 1
        self.sent.add(u)
        rel = ",".join(sorted({self.relation(u, r) for r in rcpts})) + (f" x{len(rcpts)}" if len(rcpts) > 1 else "")
        if d.allowed:
            self.log[u].append((self.now[0] - T0, what, rel, text, "allow"))
            for r in rcpts:
                self.graph.record_message(u, r)
            return True
        reason = d.reasons[0]
        outcome = f"{reason.rule}/{d.code}"
        self.log[u].append((self.now[0] - T0, what, rel, text, outcome))
        if reason.rule in self.SPAM:
            self.result.flagged.setdefault(u, [])
        else:
            self.result.refused_other[d.code] += 1
        wait = wait_of(d)
        if retry and wait and wait <= 3600:
            self.later(wait + self.rng.uniform(10, 300), self._retry, u, rcpts, text, what, conv)
        return False

    def _retry(self, u, rcpts, text, what, conv):
        self.send(u, rcpts, text, what + "-retry", conv, retry=False)

    # ------------------------------------------------------------------ behaviours
    def chat(self, a: str, b: str, turns: int) -> None:
        if self.send(a, (b,), self.text(), "chat") and turns > 1 and self.graph.follows(a, b):
            if self.rng.random() < 0.9:
                self.later(self.rng.lognormvariate(4.5, 1.3), self.chat, b, a, turns - 1)
        if self.rng.random() < 0.01 and self.friends[b]:
            self.later(self.rng.uniform(30, 1800), self.forward, b, self.log[a][-1][3] if self.log[a] else "")

    def forward(self, u: str, text: str) -> None:
        fr = sorted(self.friends[u])
        if not text or not fr:
            return
        for i, r in enumerate(self.rng.sample(fr, min(len(fr), self.rng.randint(2, 4)))):
            self.later(i * self.rng.uniform(5, 60), self.send, u, (r,), text, "forward")

    def burst(self, u: str) -> None:
        fr = sorted(self.friends[u])
        if len(fr) < 3:
            return
        text = self.rng.choice(BURSTS) if self.rng.random() < 0.6 else self.rng.choice(self.short)
        rcpts = self.rng.sample(fr, min(len(fr), self.rng.randint(3, 10)))
        if self.fans[u] and self.rng.random() < 0.2:
            rcpts += self.rng.sample(sorted(self.fans[u]), min(len(self.fans[u]), self.rng.randint(1, 2)))
        for i, r in enumerate(rcpts):
            self.later(i * self.rng.uniform(5, 45), self._burst_one, u, r, text)

    def _burst_one(self, u, r, text):
        if self.send(u, (r,), text, "burst") and self.graph.follows(u, r) and self.rng.random() < 0.5:
            self.later(self.rng.uniform(60, 3600), self.chat, r, u, self.rng.randint(1, 4))

    def new_group(self, u: str) -> None:
        fr = sorted(self.friends[u])
        if len(fr) < 2:
            return
        invitees = tuple(self.rng.sample(fr, min(len(fr), self.rng.randint(2, 7))))
        cid = f"new-{u}-{len(self.groups)}"
        inv = InviteRequest(u, invitees, cid)
        d = self.engine.check_invite(inv)
        self.result.decisions += 1
        if not d.allowed:
            self.result.refused_other[d.code] += 1
            return
        self.graph.record_invite(inv, self.now[0])
        self.groups[cid] = [u, *invitees]
        self.later(self.rng.uniform(5, 120), self.group_post, cid, u)
        for _ in range(self.rng.randint(2, 15)):
            self.later(self.rng.uniform(60, 6 * 3600), self.group_post, cid, None)

    def group_post(self, cid: str, who: str | None) -> None:
        members = self.groups[cid]
        u = who or self.rng.choice(members)
        if self.rng.random() < 0.05:   # a member invites a friend of its own
            cands = [f for f in sorted(self.friends[u]) if f not in members]
            if cands and len(members) < 20:
                f = self.rng.choice(cands)
                inv = InviteRequest(u, (f,), cid, tuple(members))
                d = self.engine.check_invite(inv)
                self.result.decisions += 1
                if d.allowed:
                    self.graph.record_invite(inv, self.now[0])
                    members.append(f)
        others = [m for m in members if m != u]
        text = self.text() if self.rng.random() < 0.85 else self.rng.choice(self.short)
        self.send(u, others, text, "group", conv=cid)

    def write_to_fan(self, u: str) -> None:
        fans = sorted(self.fans[u])
        if not fans:
            return
        for v in self.rng.sample(fans, min(len(fans), self.rng.randint(1, 2))):
            if self.rng.random() < 0.6:
                self._mutual(u, v)           # follows back first: then they can talk
                self.later(self.rng.uniform(5, 300), self.chat, u, v, self.rng.randint(2, 8))
            else:
                self.later(self.rng.uniform(5, 3600), self.send, u, (v,), self.text(), "to-fan")

    def thank_fans(self, u: str) -> None:
        fans = sorted(self.fans[u])
        text = self.rng.choice(THANKS)
        for i, v in enumerate(self.rng.sample(fans, min(len(fans), self.rng.randint(2, 6)))):
            self.later(i * self.rng.uniform(300, 7200), self.send, u, (v,), text, "thanks")

    def meet(self, u: str) -> None:
        v = self.rng.choice(self.users)
        if v == u or v in self.friends[u]:
            return
        self._mutual(u, v)
        first = self.rng.choice(FIRST_WORDS).format(p=self.rng.choice(PLACES), n=u[-3:])
        if self.send(u, (v,), first, "meet"):
            self.later(self.rng.uniform(60, 3600), self.chat, v, u, self.rng.randint(2, 8))
            if self.rng.random() < 0.4:
                d = "07" + "".join(str(self.rng.randint(0, 9)) for _ in range(9))
                self.later(self.rng.uniform(600, 7200), self.send, u, (v,),
                           self.rng.choice(NUMBERS).format(d=d), "number")

    # ------------------------------------------------------------------ the day
    def schedule(self) -> None:
        rng, H = self.rng, hours_s(self.hours)
        for u in self.users:
            fr = sorted(self.friends[u])
            for _ in range(rng.choice([0, 1, 2, 2, 3, 4, 5, 6, 8])):
                if fr:
                    self.at(rng.uniform(0, H), self.chat, u, rng.choice(fr), rng.randint(2, 12))
            if rng.random() < 0.12:
                self.at(rng.uniform(0, H), self.new_group, u)
            if rng.random() < 0.06:
                self.at(rng.uniform(0, H), self.burst, u)
            if self.fans[u] and rng.random() < 0.08:
                self.at(rng.uniform(0, H), self.write_to_fan, u)
            if len(self.fans[u]) >= 10 and rng.random() < 0.2:
                self.at(rng.uniform(0, H), self.thank_fans, u)
            if rng.random() < 0.04:
                self.at(rng.uniform(0, H), self.meet, u)

    def run(self) -> HamResult:
        self.schedule()
        while self.heap:
            t, _, fn, args = heapq.heappop(self.heap)
            if t >= self.end:
                break
            self.now[0] = t
            fn(*args)
        self.engine.close()
        self.result.senders = len(self.sent)
        for u in self.result.flagged:
            self.result.flagged[u] = list(self.log[u])
        return self.result


def hours_s(hours: float) -> float:
    return hours * 3600


def run_ham(rules, ham: list[str], n_users: int = 1000, seed: int = 1, hours: float = 24.0) -> HamResult:
    return HamWorld(rules, ham, n_users, seed, hours).run()
