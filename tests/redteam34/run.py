"""Round 34: the issue's second campaign simulation on the SMS Spam Collection, written blind.

python -m tests.redteam34.run --seed N [--per-tactic 20] [--ham 1000]
"""

from __future__ import annotations

import argparse
import heapq
import random
import sys
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
    first: float | None = None
    reached: dict[str, float] = field(default_factory=dict)
    styles: Counter[str] = field(default_factory=Counter)  # ways back past the 4th stranger
    refusals: Counter[str] = field(default_factory=Counter)

    def day_reach(self) -> int:
        if self.first is None:
            return 0
        return sum(t < self.first + DAY for t in self.reached.values())


class Sim:
    def __init__(self) -> None:
        self.clock = VirtualClock(START)
        self.graph = MemoryGraph()
        self.engine = Engine.from_file("default", graph=self.graph, clock=self.clock)
        self.queue: list[tuple[float, int, Actor]] = []
        self.seq = 0
        self.end = START + DAY + 2 * 3600  # every campaign's first 24 h

    def at(self, t: float, actor: Actor) -> None:
        self.seq += 1
        heapq.heappush(self.queue, (t, self.seq, actor))

    def run(self) -> None:
        while self.queue:
            t, _, actor = heapq.heappop(self.queue)
            if t > self.end:
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


def wait_of(d) -> float | None:
    """A cooldown: its own reason's wait (no attempt before it ends); else retry_after."""
    if d.verdict.value == "cooldown":
        waits = [r.retry_after for r in d.reasons
                 if r.retry_after and r.verdict.value == "cooldown"]
        return max(waits, default=d.retry_after)
    return d.retry_after


# ---- spam senders ----------------------------------------------------------------------------

def texts_for(camp: gen.Campaign, tactic: str, name: str | None, k: int) -> list[str]:
    rng = camp.rng
    if tactic == "folded":
        return [camp.copy(None, template=0, fixed=True)]
    if tactic == "personalised":
        return [camp.copy(name, template=0, personal=True, fixed=True)]
    if tactic == "spun":
        return [camp.copy(name if rng.random() < 0.5 else None, template=0, spin_level=1.0,
                          personal=rng.random() < 0.4)]
    if tactic in ("rotating", "slow"):
        return [camp.copy(name if rng.random() < 0.5 else None, template=k,
                          spin_level=rng.choice((0.3, 0.6, 1.0)), personal=rng.random() < 0.4)]
    if tactic == "groups":
        return [camp.copy(None, spin_level=rng.choice((0.0, 0.5, 1.0)))]
    if tactic == "split":
        return camp.split(name)
    return [camp.short(name if rng.random() < 0.5 else None)]


def campaign_for(tactic: str, rng: random.Random, spam: list[str]) -> gen.Campaign:
    if tactic in ("folded", "personalised"):
        return gen.Campaign(rng, spam, 1, 1)
    if tactic == "spun":
        return gen.Campaign(rng, spam, 1, rng.randint(1, 4))
    if tactic == "rotating":
        return gen.Campaign(rng, spam, rng.choice((2, 3, 5, 10, 20, 40, 100, 200)),
                            rng.randint(1, 4))
    if tactic == "slow":
        return gen.Campaign(rng, spam, rng.randint(5, 40), rng.randint(1, 4))
    if tactic == "mix":
        return gen.Campaign(rng, spam, rng.randint(2, 60), rng.randint(1, 4))
    return gen.Campaign(rng, spam, rng.randint(1, 3), rng.randint(1, 4))


def spammer(sim: Sim, sp: Spammer, camp: gen.Campaign, rng: random.Random,
            names: dict[str, str], invite_first: bool) -> Actor:
    targets = [f"{sp.sid}.t{j}" for j in range(TARGETS)]
    subs = rng.sample(MIXABLE, rng.choice((2, 3)))
    slow = sp.tactic == "slow"
    i = k = misses = 0
    size = rng.randint(6, 19)
    pending: list[str] = []
    styles: list[str] = []
    rcpts: tuple[str, ...] = ()
    conv: str | None = None
    while i < len(targets):
        if not pending:
            tactic = sp.tactic if sp.tactic != "mix" else rng.choice(subs)
            n = size if tactic == "groups" else 1
            rcpts = tuple(targets[i:i + n])
            conv = f"{sp.sid}.g{i}.{k}" if tactic == "groups" else None
            pending = texts_for(camp, tactic, None if conv else names[rcpts[0]], k)
            styles = list(camp.last_styles)
            k += 1
            if conv:
                sim.graph.start_conversation(conv, sp.sid, sim.clock.now)
                if invite_first:
                    inv = InviteRequest(sp.sid, rcpts, conv, (sp.sid,))
                    di = sim.engine.check_invite(inv)
                    if di.allowed:
                        sim.graph.record_invite(inv, sim.clock.now)
                    else:
                        sp.refusals[f"invite:{di.reasons[0].rule}"] += 1
        d = sim.send(sp.sid, rcpts, pending[0], conv)
        if d.allowed:
            now = sim.clock.now
            if sp.first is None:
                sp.first = now
            for r in rcpts:
                sp.reached.setdefault(r, now)
            if sp.day_reach() > 4 and now < sp.first + DAY:
                part_styles = styles if len(pending) == 1 or len(styles) == 0 else ["(lure part)"]
                for s in part_styles:
                    sp.styles[s] += 1
            pending.pop(0)
            misses = 0
            if pending:
                yield rng.uniform(3, 25)
                continue
            i += len(rcpts)
            yield rng.uniform(73 * 60, 80 * 60) if slow else rng.uniform(20, 90)
            continue
        sp.refusals[d.reasons[0].rule] += 1
        wait = wait_of(d)
        if wait and wait > 3 * 3600 and d.verdict.value != "cooldown" and not any(
                r in sp.reached for r in rcpts):
            # a day's throttle: a real spammer does not idle; it leaves these people and
            # tries the next one later with a fresh copy (another spelling, another tactic)
            if conv:
                size = max(2, size // 2)
            pending = []
            i += len(rcpts)
            yield rng.uniform(1800, 3600)
            continue
        if wait:  # obey: wait it out, then the same people with a fresh copy
            if not any(r in sp.reached for r in rcpts):
                pending = []
            yield wait + rng.uniform(1, 60)
            continue
        if conv:  # a group the rules refuse: smaller ones from now on
            size = max(2, size // 2)
        pending = []
        i += len(rcpts)
        misses += 1
        yield 1800.0 if misses % 25 == 0 else rng.uniform(20, 90)


# ---- ordinary users --------------------------------------------------------------------------

KINDS = (("chatter", 38), ("burst", 8), ("groupchat", 10), ("inviter", 8), ("sharer", 10),
         ("announcer", 5), ("newcomer", 6), ("seller", 8), ("organiser", 5), ("poller", 2))
ITEMS = ("bike", "desk", "pram", "guitar", "sofa", "lamp", "jacket", "tent")


@dataclass
class HamResult:
    kinds: Counter[str]
    refused: dict[str, str] = field(default_factory=dict)
    cooled: dict[str, str] = field(default_factory=dict)
    checks: int = 0


class HamWorld:
    def __init__(self, sim: Sim, rng: random.Random, n: int, corpus: list[str]) -> None:
        self.sim, self.rng = sim, rng
        self.texts = [t for t in corpus if 0 < len(t) <= gen.MAX_CHARS]
        self.users = [f"h{i}" for i in range(n)]
        self.name = {u: gen.NAMES[gen.stable(u) % len(gen.NAMES)] for u in self.users}
        self.friends: dict[str, set[str]] = {u: set() for u in self.users}
        for u in self.users:
            for v in rng.sample(self.users, rng.randint(3, 8)):
                if v != u:
                    self.friends[u].add(v)
                    self.friends[v].add(u)
                    sim.graph.follow(u, v)
                    sim.graph.follow(v, u)
        self.kind = {u: rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
                     for u in self.users}
        self.res = HamResult(Counter(self.kind.values()))

    def text(self) -> str:
        return gen.own_ham(self.rng) if self.rng.random() < 0.15 else self.rng.choice(self.texts)

    def send(self, u: str, rcpts: tuple[str, ...], text: str, conv: str | None = None):
        d = self.sim.send(u, rcpts, text, conv)
        self.res.checks += 1
        if not d.allowed:
            # a spam rule's refusal only where no other rule would have refused it anyway
            other = any(r.rule in NOT_SPAM_RULES for r in d.reasons)
            spam = [] if other else [r for r in d.reasons if r.rule not in NOT_SPAM_RULES]
            ex = f"{self.kind[u]}: {{}} to {len(rcpts)} ({text[:70]!r})"
            if spam and u not in self.res.refused:
                self.res.refused[u] = ex.format(f"{spam[0].rule}/{spam[0].code}")
            if d.verdict.value == "cooldown" and u not in self.res.cooled:
                self.res.cooled[u] = ex.format(f"cooldown {d.reasons[0].rule}")
        return d

    def say(self, u: str, rcpts: tuple[str, ...], text: str, conv: str | None = None) -> Actor:
        d = self.send(u, rcpts, text, conv)
        w = wait_of(d) if not d.allowed else None
        if w and w <= 3600:
            yield w + 5
            self.send(u, rcpts, text, conv)

    def reply(self, u: str, to: str, n: int = 1, conv_members: tuple[str, ...] | None = None,
              conv: str | None = None) -> Actor:
        for _ in range(n):
            if conv_members:
                yield from self.say(u, conv_members, self.text(), conv)
            else:
                yield from self.say(u, (to,), self.text())
            yield self.rng.uniform(15, 300)

    def maybe_reply(self, who: str, to: str, p: float, n: tuple[int, int] = (1, 2)) -> None:
        if self.rng.random() < p:
            self.sim.at(self.sim.clock.now + self.rng.uniform(30, 2400),
                        self.reply(who, to, self.rng.randint(*n)))

    def followers(self, u: str, n: int, follow_back: float) -> list[str]:
        """People who follow u and never wrote (u follows back a share of them)."""
        out = [v for v in self.rng.sample(self.users, min(len(self.users), n + 12))
               if v != u and v not in self.friends[u]][:n]
        for v in out:
            self.sim.graph.follow(v, u)
            if self.rng.random() < follow_back:
                self.sim.graph.follow(u, v)
        return out

    def chat(self, u: str, sessions: int, burst: bool = False) -> Actor:
        rng = self.rng
        for _ in range(sessions):
            yield rng.uniform(600, 9000)
            f = rng.choice(sorted(self.friends[u]))
            for _ in range(rng.randint(15, 40) if burst else rng.randint(1, 5)):
                yield from self.say(u, (f,), self.text())
                yield rng.uniform(2, 15) if burst else rng.uniform(10, 90)
            self.maybe_reply(f, u, 0.85, (1, 4))

    def actor(self, u: str) -> Actor:
        rng, kind, clock, g = self.rng, self.kind[u], self.sim.clock, self.sim.graph
        yield rng.uniform(0, 4 * 3600)
        friends = sorted(self.friends[u])
        if kind in ("groupchat", "inviter"):
            members = tuple(rng.sample(friends, min(len(friends), rng.randint(3, 8))))
            conv = f"{u}.conv"
            g.start_conversation(conv, u, clock.now)
            inv = InviteRequest(u, members, conv, (u,))
            di = self.sim.engine.check_invite(inv)
            self.res.checks += 1
            if di.allowed:
                g.record_invite(inv, clock.now)
            everyone = (u, *members)
            first = rng.choice(("party at mine saturday 8pm, bring snacks! 🎉",
                                "made a group for the trip, flights are £89 return, thoughts?",
                                "bbq sunday from 2, 14 Elm Rd, let me know if you're coming"))
            for j in range(rng.randint(1, 3) if kind == "inviter" else rng.randint(3, 12)):
                yield from self.say(u, members, first if j == 0 else self.text(), conv)
                for m in rng.sample(members, min(rng.randint(1, 3), len(members))):
                    # a member writes to the group's people who follow them (the host's rule)
                    others = tuple(x for x in everyone
                                   if x != m and self.sim.graph.follows(x, m))
                    self.sim.at(clock.now + rng.uniform(20, 900),
                                self.reply(m, u, 1, others, conv))
                yield rng.uniform(30, 1200)
        elif kind == "sharer":
            for f in rng.sample(friends, min(len(friends), rng.randint(2, 6))):
                yield from self.say(u, (f,), gen.own_ham(rng))
                self.maybe_reply(f, u, 0.8)
                yield rng.uniform(60, 3600)
        elif kind == "announcer":  # the same news, one friend at a time
            mob = "07" + "".join(str(rng.randrange(10)) for _ in range(9))
            text = rng.choice((f"Hi all, new number: {mob[:5]} {mob[5:]}. Old one got nicked!",
                               "Baby Ella arrived 6.32am, 7lb 2oz, both doing great ❤️",
                               f"New number {mob}, please save it and delete the old one x"))
            for f in friends:
                yield from self.say(u, (f,), text)
                self.maybe_reply(f, u, 0.7)
                yield rng.uniform(20, 240)
        elif kind == "newcomer":  # people who follow them and never wrote
            for p in self.followers(u, rng.randint(1, 4), 0.3):
                nm = self.name[p]
                yield from self.say(u, (p,), rng.choice((
                    f"hi {nm}, it's {self.name[u]} from the book club, lovely to meet you!",
                    f"hey {nm}! saw you at the 5k parkrun, fancy running together sometime?",
                    f"{nm} thanks for the follow :) are you the one who does pottery?")))
                self.maybe_reply(p, u, 0.6)
                yield rng.uniform(120, 3600)
        elif kind == "seller":  # buyers write first, the seller answers each the same
            item, price = rng.choice(ITEMS), rng.randint(15, 120)
            for b in self.followers(u, rng.randint(3, 9), 1.0):
                yield rng.uniform(60, 1800)
                yield from self.say(b, (u,), f"hi is the {item} still available?")
                yield rng.uniform(30, 600)
                yield from self.say(u, (b,), f"Hi yes it is! £{price} collected from Leeds or "
                                             f"£{price + 8} posted, paypal or bank transfer")
                self.maybe_reply(b, u, 0.7)
        elif kind == "organiser":  # the same words to the team, half follow back
            text = rng.choice(("Training moved to 7pm Thursday, same pitch. Bring your subs (£5)",
                               "Reminder: committee meeting tomorrow 6.30 at the clubhouse"))
            for p in self.followers(u, rng.randint(4, 9), 0.5):
                yield from self.say(u, (p,), text)
                self.maybe_reply(p, u, 0.5)
                yield rng.uniform(60, 900)
        elif kind == "poller":
            for f in friends:
                yield from self.say(u, (f,), f"{self.name[f]}! which date works for the reunion,"
                                             f" 12th or 19th? vote by friday pls")
                self.maybe_reply(f, u, 0.8)
                yield rng.uniform(30, 300)
        yield from self.chat(u, rng.randint(1, 3) if kind != "chatter" else rng.randint(2, 7),
                             burst=kind == "burst")


# ---- the measure -----------------------------------------------------------------------------

def measure(seed: int, per_tactic: int = 20, n_ham: int = 1000):
    corpus = gen.load_corpus()
    if corpus is None:
        return None
    spam, ham = corpus
    rng = random.Random(seed)
    sim = Sim()
    spammers: list[Spammer] = []
    for tactic in TACTICS:
        for j in range(per_tactic):
            sp = Spammer(f"s.{tactic}.{j}", tactic)
            srng = random.Random(f"r34/{seed}/{tactic}/{j}")
            camp = campaign_for(tactic, srng, spam)
            names = {}
            for t in range(TARGETS):
                target = f"{sp.sid}.t{t}"
                sim.graph.follow(target, sp.sid)
                names[target] = srng.choice(gen.NAMES)
            sim.at(START + rng.uniform(0, 3600), spammer(sim, sp, camp, srng, names, j % 2 == 1))
            spammers.append(sp)
    world = HamWorld(sim, random.Random(f"r34/{seed}/ham"), n_ham, ham)
    for u in world.users:
        sim.at(START, world.actor(u))
    sim.run()
    return spammers, world.res


def report(seed: int, spammers: list[Spammer], ham: HamResult, n_ham: int, secs: float) -> None:
    print(f"round 34, seed {seed}: {len(spammers) // len(TACTICS)} spam senders a tactic, "
          f"{n_ham} ordinary users, {secs:.0f} s")
    print(f"{'tactic':<13} {'contained':>9} {'mean/day':>9} {'max':>5}  "
          f"ways back delivered past the 4th stranger (copies)")
    for tactic in TACTICS:
        group = [s for s in spammers if s.tactic == tactic]
        if not group:
            continue
        reach = [s.day_reach() for s in group]
        held = sum(r <= 4 for r in reach)
        styles: Counter[str] = Counter()
        for s in group:
            styles.update(s.styles)
        desc = ", ".join(f"{k} x{v}" for k, v in sorted(styles.items(), key=lambda x: (-x[1], x[0])))
        print(f"{tactic:<13} {100 * held / len(group):>8.0f}% {sum(reach) / len(group):>9.1f} "
              f"{max(reach):>5}  {desc or '-'}")
    rs: Counter[str] = Counter()
    for s in spammers:
        rs.update(s.refusals)
    print("  spam refusals by rule: " + ", ".join(f"{k} {v}" for k, v in rs.most_common()))
    print(f"\nordinary users: {len(ham.refused)} of {n_ham} refused by a spam rule "
          f"({100 * len(ham.refused) / n_ham:.2f}%), {len(ham.cooled)} ever cooled down "
          f"({100 * len(ham.cooled) / n_ham:.2f}%); {ham.checks} checks")
    for u, ex in sorted(ham.refused.items()):
        print(f"  refused {u} {ex}")
    for u, ex in sorted(ham.cooled.items()):
        print(f"  cooled  {u} {ex}")
    bad = Counter(ex.split(":", 1)[0] for ex in ham.refused.values())
    print("  refused by kind: " + ", ".join(f"{k} {bad[k]}/{n}" for k, n in sorted(ham.kinds.items())))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-tactic", type=int, default=20)
    ap.add_argument("--ham", type=int, default=1000)
    args = ap.parse_args(argv)
    t0 = time.time()
    out = measure(args.seed, args.per_tactic, args.ham)
    if out is None:
        print("skipped: the SMS Spam Collection is not at ../shared/data/sms_spam_collection.tsv")
        return 0
    spammers, ham = out
    report(args.seed, spammers, ham, args.ham, time.time() - t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
