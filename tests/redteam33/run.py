"""Round 33: campaigns with ways back through today's platforms, against the default rules.

python -m tests.redteam33.run --seed N [--per-tactic 20] [--ham 1000]
"""

from __future__ import annotations

import argparse
import heapq
import random
import time
from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass, field

from policy import Engine, InviteRequest, MemoryGraph, SendRequest
from policy.clock import VirtualClock

from . import gen

TACTICS = ("folded", "personalised", "spun", "rotating", "groups", "split", "slow", "short",
           "mix")
MIXABLE = ("folded", "personalised", "spun", "rotating", "groups", "split", "short")
NOT_SPAM_RULES = frozenset({"followers_only", "text", "group", "daily_quota"})
START = 1_800_000_000.0
DAY = 86_400.0
TARGETS = 1000
Actor = Generator[float, None, None]


@dataclass
class Spammer:
    sid: str
    tactic: str
    family: str
    reached: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)  # ways back delivered past the 4th stranger


@dataclass
class Ham:
    refused: list[str] = field(default_factory=list)
    cooled: list[str] = field(default_factory=list)
    fp_examples: list[str] = field(default_factory=list)
    checks: int = 0
    kinds: Counter[str] = field(default_factory=Counter)


class Sim:
    def __init__(self) -> None:
        self.clock = VirtualClock(START)
        self.graph = MemoryGraph()
        self.engine = Engine.from_file("default", graph=self.graph, clock=self.clock)
        self.queue: list[tuple[float, int, Actor]] = []
        self.seq = 0

    def at(self, t: float, actor: Actor) -> None:
        self.seq += 1
        heapq.heappush(self.queue, (t, self.seq, actor))

    def run(self) -> None:
        while self.queue:
            t, _, actor = heapq.heappop(self.queue)
            if t > START + DAY:
                continue
            self.clock.now = t
            try:
                delay = next(actor)
            except StopIteration:
                continue
            self.at(t + max(delay, 0.001), actor)

    def send(self, sender: str, rcpts: tuple[str, ...], text: str, conv: str | None = None):
        d = self.engine.check(SendRequest(sender, rcpts, text, conversation=conv))
        if d.allowed:
            for r in rcpts:
                self.graph.record_message(sender, r)
        return d


# ---- spam senders ----------------------------------------------------------------------------

def _texts(camp: gen.Campaign, tactic: str, name: str | None, k: int) -> list[str]:
    rng = camp.rng
    if tactic == "folded":
        return [camp.copy(None, spin=False, personal=False, fold_it=True, fixed_way=True)]
    if tactic == "personalised":
        return [camp.copy(name, spin=False, personal=True, fixed_way=True)]
    if tactic == "spun":
        return [camp.copy(name if rng.random() < 0.6 else None, spin=True,
                          personal=rng.random() < 0.3)]
    if tactic in ("rotating", "slow"):
        tpl = camp.templates[k % len(camp.templates)]
        return [camp.copy(name, spin=True, personal=rng.random() < 0.5, template=tpl)]
    if tactic == "groups":
        return [camp.copy(None, spin=True, personal=False)]
    if tactic == "split":
        return camp.split(name)
    return [camp.short(name if rng.random() < 0.5 else None)]


def _wait(d) -> float | None:
    """How long a refusal says to wait; a cooldown always means no attempt until it ends."""
    waits = [r.retry_after for r in d.reasons
             if r.retry_after and (d.verdict.value != "cooldown" or r.verdict.value == "cooldown")]
    if d.verdict.value == "cooldown":
        return max(waits, default=d.retry_after)
    return d.retry_after


def spammer(sim: Sim, sp: Spammer, camp: gen.Campaign, rng: random.Random,
            names: dict[str, str], invite_first: bool) -> Actor:
    targets = [f"{sp.sid}.t{j}" for j in range(TARGETS)]
    subs = rng.sample(MIXABLE, rng.choice((2, 3)))
    slow = sp.tactic == "slow"
    i = k = misses = 0
    size = rng.randint(5, 19)
    pending: list[str] = []
    rcpts: tuple[str, ...] = ()
    conv: str | None = None
    while i < len(targets):
        if not pending:
            tactic = sp.tactic if sp.tactic != "mix" else rng.choice(subs)
            n = size if tactic == "groups" else 1
            rcpts = tuple(targets[i:i + n])
            conv = f"{sp.sid}.g{i}" if tactic == "groups" else None
            pending = _texts(camp, tactic, None if conv else names[rcpts[0]], k)
            k += 1
            if conv:
                sim.graph.start_conversation(conv, sp.sid, sim.clock.now)
        inv = InviteRequest(sp.sid, rcpts, conv, (sp.sid,)) if conv and invite_first else None
        d = sim.engine.check_invite(inv) if inv and not any(r in sp.reached for r in rcpts) \
            else None
        if d is None or d.allowed:
            if inv and d:
                sim.graph.record_invite(inv, sim.clock.now)
            d = sim.send(sp.sid, rcpts, pending[0], conv)
        if d.allowed:
            if len(sp.reached | set(rcpts)) > 4:  # the spellings that got past the 4th
                sp.styles.add(camp.last_style)
            sp.reached.update(rcpts)
            pending.pop(0)
            misses = 0
            if pending:
                yield rng.uniform(3, 20)
                continue
            i += len(rcpts)
            yield 75 * 60 + rng.uniform(0, 600) if slow else rng.uniform(20, 80)
            continue
        wait = _wait(d)
        if wait:  # wait it out, then the same people again with a fresh copy
            if not any(r in sp.reached for r in rcpts):
                pending = []
            yield wait + rng.uniform(1, 30)
            continue
        if conv:  # a group too large for the rules: smaller ones from now on
            size = max(2, size // 2)
        pending = []
        i += len(rcpts)
        misses += 1
        yield 1800.0 if misses % 25 == 0 else rng.uniform(20, 80)


def _campaign(tactic: str, family: str, rng: random.Random, frags: list[str]) -> gen.Campaign:
    if tactic in ("folded", "personalised"):
        return gen.campaign(rng, frags, family)
    if tactic == "rotating":
        return gen.campaign(rng, frags, family, k_templates=rng.choice((2, 5, 10, 40, 100, 200)),
                            n_idents=rng.randint(1, 3), n_styles=rng.randint(1, 3))
    if tactic == "slow":
        return gen.campaign(rng, frags, family, k_templates=rng.randint(10, 40), n_idents=3,
                            n_styles=rng.randint(1, 3))
    if tactic == "mix":
        return gen.campaign(rng, frags, family, k_templates=rng.randint(2, 40),
                            n_idents=rng.randint(1, 2), n_styles=rng.randint(1, 3))
    return gen.campaign(rng, frags, family, n_idents=rng.randint(1, 2),
                        n_styles=rng.randint(1, 3), short=tactic == "short")


# ---- ordinary users --------------------------------------------------------------------------

KINDS = (("chatter", 46), ("burst", 7), ("group", 10), ("inviter", 8), ("sharer", 15),
         ("seller", 3), ("organiser", 3), ("creator", 3), ("new-user", 5))
ITEMS = ("bike", "desk", "jacket", "lamp", "pram", "guitar", "sofa", "camera bag")


class HamWorld:
    def __init__(self, sim: Sim, rng: random.Random, n: int, corpus: list[str]) -> None:
        self.sim, self.rng, self.texts = sim, rng, [t for t in corpus if 0 < len(t) <= 140]
        self.users = [f"h{i}" for i in range(n)]
        self.name = {u: gen.NAMES[i % len(gen.NAMES)] for i, u in enumerate(self.users)}
        self.friends: dict[str, set[str]] = {u: set() for u in self.users}
        for u in self.users:
            for v in rng.sample(self.users, rng.randint(3, 7)):
                if v != u:
                    self.friends[u].add(v)
                    self.friends[v].add(u)
                    sim.graph.follow(u, v)
                    sim.graph.follow(v, u)
        weights = [w for _, w in KINDS]
        self.kind = {u: rng.choices([k for k, _ in KINDS], weights)[0] for u in self.users}
        self.result = Ham(kinds=Counter(self.kind.values()))
        self.bad: dict[str, str] = {}
        self.cool: set[str] = set()

    def send(self, u: str, rcpts: tuple[str, ...], text: str, conv: str | None = None):
        d = self.sim.send(u, rcpts, text, conv)
        self.result.checks += 1
        if not d.allowed:
            spam = [r for r in d.reasons if r.rule not in NOT_SPAM_RULES]
            if spam and u not in self.bad:
                self.bad[u] = f"{spam[0].rule}/{spam[0].code} ({self.kind[u]}, {len(rcpts)} rcpt)"
            if d.verdict.value == "cooldown" and u not in self.cool:
                self.cool.add(u)
        return d

    def say(self, u: str, rcpts: tuple[str, ...], text: str, conv: str | None = None) -> Actor:
        d = self.send(u, rcpts, text, conv)
        if not d.allowed and (_wait(d) or 1e9) <= 3600:
            yield (_wait(d) or 0) + 5
            self.send(u, rcpts, text, conv)

    def text(self) -> str:
        return self.rng.choice(self.texts)

    def reply(self, u: str, to: str, n: int = 1) -> Actor:
        for _ in range(n):
            yield from self.say(u, (to,), self.text())
            yield self.rng.uniform(10, 120)

    def strangers(self, u: str, n: int, follow_back: float = 0.0) -> list[str]:
        """Other users who follow u and never wrote; u follows back a share of them."""
        picked = [v for v in self.rng.sample(self.users, min(len(self.users), n + 10))
                  if v != u and v not in self.friends[u]][:n]
        for v in picked:
            self.sim.graph.follow(v, u)
            if self.rng.random() < follow_back:
                self.sim.graph.follow(u, v)
        return picked

    def chat(self, u: str, sessions: int, burst: bool = False) -> Actor:
        rng = self.rng
        for _ in range(sessions):
            yield rng.uniform(600, 10_000)
            f = rng.choice(sorted(self.friends[u]))
            for _ in range(rng.randint(15, 40) if burst else rng.randint(1, 4)):
                yield from self.say(u, (f,), self.text())
                yield rng.uniform(3, 20) if burst else rng.uniform(10, 60)
            if rng.random() < 0.85:
                self.sim.at(self.sim.clock.now + rng.uniform(30, 600),
                            self.reply(f, u, rng.randint(1, 2)))

    def actor(self, u: str) -> Actor:
        rng, kind, clock = self.rng, self.kind[u], self.sim.clock
        yield rng.uniform(0, 3600)
        friends = sorted(self.friends[u])
        if kind in ("group", "inviter"):
            members = tuple(rng.sample(friends, min(len(friends), rng.randint(3, 8))))
            conv = f"{u}.c"
            self.sim.graph.start_conversation(conv, u, clock.now)
            inv = InviteRequest(u, members, conv, (u,))
            if self.sim.engine.check_invite(inv).allowed:
                self.sim.graph.record_invite(inv, clock.now)
            first = "party at mine saturday 8pm, bring snacks!" if kind == "inviter" else None
            for j in range(rng.randint(1, 2) if first else rng.randint(3, 10)):
                yield from self.say(u, members, first if first and j == 0 else self.text(), conv)
                yield rng.uniform(30, 900)
                for m in rng.sample(members, min(2, len(members))):
                    self.sim.at(clock.now + rng.uniform(20, 600), self.reply(m, u))
        elif kind == "sharer":
            for f in [*rng.sample(friends, min(len(friends), rng.randint(2, 5))),
                      *self.strangers(u, rng.randint(1, 2))]:
                text = rng.choice(gen.FRIEND_LINKS)
                yield from self.say(u, (f,), text)
                self.sim.at(clock.now + rng.uniform(60, 1800), self.reply(f, u))
                yield rng.uniform(60, 3600)
        elif kind in ("seller", "organiser", "creator", "new-user"):
            n = {"seller": (2, 7), "organiser": (3, 9), "creator": (2, 6), "new-user": (1, 3)}
            people = self.strangers(u, rng.randint(*n[kind]), 0.5 if kind == "organiser" else 0)
            item = rng.choice(ITEMS)
            for p in people:
                nm = self.name[p]
                text = {
                    "seller": f"Hi {nm}! yes the {item} is still available, £{rng.randint(15, 90)}"
                              f" + postage, paypal.me/{self.name[u].lower()}{u[1:]} if you want it",
                    "organiser": f"{rng.choice(('Hi', 'Hey'))} {nm}, training moved to 7pm "
                                 f"{rng.choice(('Thursday', 'Thu'))}, same pitch. See you there?",
                    "creator": rng.choice((f"thank you so much {nm}!! means a lot 💛",
                                           f"{nm} thanks for the support, new one is up "
                                           f"youtu.be/{u}x{rng.randint(100, 999)}")),
                    "new-user": f"hi {nm}, it's {self.name[u]} from the climbing wall yesterday!",
                }[kind]
                yield from self.say(u, (p,), text)
                if rng.random() < 0.6:
                    self.sim.at(clock.now + rng.uniform(60, 3600), self.reply(p, u))
                yield rng.uniform(60, 1200)
        yield from self.chat(u, rng.randint(1, 3) if kind != "chatter" else rng.randint(2, 6),
                             burst=kind == "burst")

    def finish(self) -> Ham:
        self.result.refused = sorted(self.bad)
        self.result.cooled = sorted(self.cool)
        self.result.fp_examples = [self.bad[u] for u in self.result.refused]
        return self.result


# ---- the measure -----------------------------------------------------------------------------

def measure(seed: int, per_tactic: int = 20, n_ham: int = 1000) -> tuple[list[Spammer], Ham]:
    spam_corpus, ham_corpus = gen.load_corpus()
    frags = gen.fragments(spam_corpus)
    rng = random.Random(seed)
    sim = Sim()
    spammers: list[Spammer] = []
    for tactic in TACTICS:
        for j in range(per_tactic):
            family = gen.FAMILY_NAMES[(j + seed) % len(gen.FAMILY_NAMES)]
            sp = Spammer(f"s.{tactic}.{j}", tactic, family)
            srng = random.Random(f"{seed}/{tactic}/{j}")
            camp = _campaign(tactic, family, srng, frags)
            names = {}
            for t in range(TARGETS):
                target = f"{sp.sid}.t{t}"
                sim.graph.follow(target, sp.sid)
                names[target] = srng.choice(gen.NAMES)
            sim.at(START + rng.uniform(0, 3600), spammer(sim, sp, camp, srng, names, j % 2 == 1))
            spammers.append(sp)
    world = HamWorld(sim, random.Random(f"{seed}/ham"), n_ham, ham_corpus)
    for u in world.users:
        sim.at(START, world.actor(u))
    sim.run()
    return spammers, world.finish()


def report(spammers: list[Spammer], ham: Ham, n_ham: int) -> None:
    print(f"{'tactic':<13} {'contained':>9} {'mean/day':>9} {'max':>5}  escaped (family: ways)")
    for tactic in TACTICS:
        group = [s for s in spammers if s.tactic == tactic]
        if not group:
            continue
        held = sum(len(s.reached) <= 4 for s in group)
        mean = sum(len(s.reached) for s in group) / len(group)
        esc = Counter(s.family for s in group if len(s.reached) > 4)
        ways: dict[str, set[str]] = {}
        for s in group:
            if len(s.reached) > 4:
                ways.setdefault(s.family, set()).update(x.split("/", 1)[1] for x in s.styles)
        desc = "; ".join(f"{f} x{c} ({', '.join(sorted(ways[f]))})" for f, c in esc.items())
        print(f"{tactic:<13} {100 * held / len(group):>8.0f}% {mean:>9.1f} "
              f"{max(len(s.reached) for s in group):>5}  {desc or '-'}")
    print(f"\nordinary users: {len(ham.refused)} of {n_ham} refused by a spam rule "
          f"({100 * len(ham.refused) / n_ham:.2f}%), {len(ham.cooled)} ever cooled down; "
          f"{ham.checks} checks")
    for ex in Counter(ham.fp_examples).most_common(12):
        print(f"  {ex[1]} x {ex[0]}")
    bad = Counter(e.split("(", 1)[1].split(",")[0] for e in ham.fp_examples)
    print("  refused by kind: " + ", ".join(f"{k} {bad[k]}/{n}" for k, n in ham.kinds.items()))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-tactic", type=int, default=20)
    ap.add_argument("--ham", type=int, default=1000)
    args = ap.parse_args(argv)
    t0 = time.time()
    spammers, ham = measure(args.seed, args.per_tactic, args.ham)
    print(f"round 33, seed {args.seed}, {args.per_tactic} spam senders a tactic, "
          f"{args.ham} ordinary users ({time.time() - t0:.0f} s)\n")
    report(spammers, ham, args.ham)


if __name__ == "__main__":
    main()
