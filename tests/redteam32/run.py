"""Round 32: LLM-reworded campaigns against the default rules, on a virtual day.

    python -m tests.redteam32.run --seed N [--per-tactic 20] [--ham 1000] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import heapq
import itertools
import math
import random
import time
import tomllib
import zlib
from collections import Counter
from pathlib import Path

from policy import Engine, InviteRequest, MemoryGraph, SendRequest
from policy.clock import VirtualClock

from . import gen as g

TACTICS = ["folded", "personalised", "spun", "rotating", "groups", "split", "slow", "short",
           "warmup", "drip", "replybait", "unicode", "mix"]
NOT_SPAM_RULES = {"followers_only", "text", "group", "daily_quota"}
T0, DAY = 1_780_000_000.0, 86400.0
RULES = Path(__file__).resolve().parents[2] / "rules" / "default.toml"


def thresholds() -> dict:
    """What the attacker reads in rules/default.toml."""
    r = {x["name"]: x for x in tomllib.loads(RULES.read_text())["rules"]}
    def secs(s):
        return int(s[:-1]) * {"m": 60, "h": 3600, "d": 86400}[s[-1]]
    st, sd = r["strangers"], r["strangers_daily"]
    return {"pace": max(secs(st["window"]) / st["limit"], secs(sd["window"]) / sd["limit"]),
            "at_once": st.get("at_once", 19), "min_chars": r["duplicates"]["min_chars"],
            "per_contact": r["contacts"]["recipients"] - 1, "contact_window": secs(r["contacts"]["window"])}


# ---------------------------------------------------------------- spam senders
class Spammer:
    def __init__(self, sid, tactic, rng, spam, ham, th, graph):
        self.sid, self.tactic, self.rng, self.th, self.graph, self.ham = sid, tactic, rng, th, graph, ham
        self.reached, self.refusals, self.n, self.noretry, self.sent = set(), Counter(), 0, 0, 0
        self.src = rng.choice(spam)
        self.f = g.facts(self.src, rng)
        self.subs = rng.sample([t for t in TACTICS if t != "mix"], rng.randint(2, 3)) if tactic == "mix" else [tactic]
        self.kind = rng.choice(["phone", "link", "handle", "email", "keyword"])
        pool = 1 if rng.random() < 0.5 else rng.randint(3, 10)
        if "slow" in self.subs or "drip" in self.subs:   # each number to at most 4 strangers in the contacts window
            pool = max(pool, math.ceil(th["contact_window"] / th["pace"] / th["per_contact"]))
        self.contacts = [g.make_contact(rng, self.kind) for _ in range(pool)]
        if self.kind == "keyword" and self.f["kw"]:
            for c in self.contacts:
                c["word"] = self.f["kw"]
        self.trick = rng.choice(list(g.TRICKS)) if "unicode" in self.subs else None
        if self.trick:
            self.styles = [(g.UNI_BASE[self.kind], self.trick)]
        else:
            self.styles = [(s, None) for s in g.pick_styles(rng, self.kind, 1 if rng.random() < 0.5 else rng.randint(2, 3))]
        self.rot = []
        if "rotating" in self.subs or "groups" in self.subs:
            k = int(math.exp(rng.uniform(math.log(2), math.log(200))))
            self.rot = [g.reword(self.src, rng, g.N, g.W, self.kind, f=self.f, limit=104) for _ in range(k)]
        self.drip = th["pace"] * rng.choice([1.05, 1.25, 1.67])
        self.group_size = 19 if rng.random() < 0.5 else th["at_once"]

    @property
    def label(self):
        return self.kind + ":" + "/".join(st + ("+" + tr if tr else "") for st, tr in self.styles)

    def stranger(self):
        self.n += 1
        t = f"{self.sid}.t{self.n}"
        self.graph.follow(t, self.sid)
        return t, g.NAMES[zlib.crc32(t.encode()) % len(g.NAMES)]

    def wayback(self):
        c = self.contacts[self.sent % len(self.contacts)]
        style, trick = self.rng.choice(self.styles)
        return g.render(c, style, trick, self.rng)

    def attempt(self, recipients, text, conv=None):
        """Send, obeying the refusal; a callable text is reworded afresh for each retry."""
        for _ in range(3):
            d = yield SendRequest(self.sid, tuple(recipients), text() if callable(text) else text, conversation=conv)
            if d.allowed:
                self.noretry = 0
                return True
            self.refusals[d.reasons[0].rule + "/" + d.code] += 1
            if not d.retry_after:
                break
            yield d.retry_after + self.rng.uniform(1, 90)   # a cooldown: no attempt at all till it ends
        self.noretry += 1
        if self.noretry >= 10:                               # its own back-off after 10 refusals in a row
            self.noretry = 0
            yield 3600.0
        return False

    def text(self, tac, name):
        rng, wb = self.rng, self.wayback()
        self.sent += 1
        if tac in ("rotating", "groups"):
            t = self.rot[self.sent % len(self.rot)]
            return t.replace(g.N, name or "").replace(g.W, wb).replace("  ", " ").strip(), wb
        if tac == "short":
            return g.short_text(self.f, rng, name, wb, self.th["min_chars"]), wb
        return g.reword(self.src, rng, name if tac != "spun" or rng.random() < 0.5 else None, wb, self.kind,
                        fold=tac == "folded", code=tac in ("personalised", "warmup"), trick=self.trick, f=self.f), wb

    def run(self):
        if "warmup" in self.subs:
            yield from self.warmup()
        while True:
            tac = self.rng.choice(self.subs)
            if tac == "groups":
                yield from self.do_group()
            elif tac == "split":
                yield from self.do_split()
            elif tac == "replybait":
                yield from self.do_bait()
            else:
                who, name = self.stranger()
                if (yield from self.attempt([who], lambda tac=tac, name=name: self.text(tac, name)[0])):
                    self.reached.add(who)
            yield (self.drip if tac == "drip" else self.th["pace"] * self.rng.uniform(1.0, 1.1) if tac == "slow"
                   else self.rng.uniform(40, 240))

    def do_group(self):
        members = [self.stranger()[0] for _ in range(self.group_size)]
        cid = f"{self.sid}.g{self.n}"
        yield ("start", cid, self.sid)
        d = yield InviteRequest(self.sid, tuple(members), cid, members=(self.sid,))
        if not d.allowed:
            self.refusals["invite:" + d.reasons[0].rule + "/" + d.code] += 1
            if d.retry_after:
                yield d.retry_after + 30
            self.group_size = self.th["at_once"] if not d.retry_after else self.group_size
            return
        hi = self.rng.choice(["guys", "all", "everyone", "team"])
        if (yield from self.attempt(members, lambda: self.text("groups", hi)[0], conv=cid)):
            self.reached.update(members)
        elif self.group_size > self.th["at_once"]:
            self.group_size = self.th["at_once"]

    def do_split(self):
        who, name = self.stranger()
        text, wb = self.text("split", name)
        for i, part in enumerate(g.split_parts(text, wb, self.rng)):
            if i:
                yield self.rng.uniform(5, 40)
            if not (yield from self.attempt([who], part)):
                return
        self.reached.add(who)

    def do_bait(self):
        who, name = self.stranger()
        if not (yield from self.attempt([who], lambda: g.opener(self.rng, name))):
            return
        yield self.rng.uniform(120, 900)
        self.sent += 1
        if (yield from self.attempt([who], lambda: g.second(self.f, self.rng, self.wayback()))):
            self.reached.add(who)

    def warmup(self):
        friends = [f"{self.sid}.f{i}" for i in range(self.rng.randint(3, 5))]
        for f in friends:
            self.graph.follow(f, self.sid)
            self.graph.follow(self.sid, f)
        left = self.rng.uniform(4, 12) * 3600      # hours of ordinary talk, both ways, before the campaign
        while left > 0:
            f = self.rng.choice(friends)
            for i in range(self.rng.randint(2, 6)):
                yield SendRequest(*((f, (self.sid,)) if i % 2 == 0 else (self.sid, (f,))), self.rng.choice(self.ham))
                left -= (gap := self.rng.uniform(20, 300))
                yield gap
            left -= (gap := self.rng.uniform(1200, 5400))
            yield gap
        self.subs = [t for t in self.subs if t != "warmup"] or ["personalised"]


# ---------------------------------------------------------------- ordinary users
class Ham:
    def __init__(self):
        self.refused, self.cooled, self.fp_examples, self.kind, self.doing, self.sends = [], [], [], {}, {}, 0

    def observe(self, u, d):
        self.sends += 1
        rules = {r.rule for r in d.reasons} - NOT_SPAM_RULES
        if d.allowed or not rules:
            return
        if u not in self.refused:
            self.refused.append(u)
            self.fp_examples.append(f"{sorted(rules)[0]}/{d.code} ({self.kind[u]}, {self.doing.get(u)})")
        if d.verdict.value == "cooldown" and u not in self.cooled:
            self.cooled.append(u)


def ham_world(rng, n, texts, graph, hamrec):
    """Friends, followers, history; then the day's sessions as (start, generator)."""
    users = [f"h{i}" for i in range(n)]
    friends = {u: set() for u in users}
    for u in users:
        for v in rng.sample(users, rng.randint(3, 8)):
            if v != u:
                friends[u].add(v)
                friends[v].add(u)
    for u in users:
        for v in sorted(friends[u]):
            graph.follow(u, v)
            if u < v and rng.random() < 0.85:
                graph.record_message(u, v)
                graph.record_message(v, u)
        for v in rng.sample(users, rng.randint(3, 20)):
            if v != u:
                graph.follow(v, u)
    def say():
        return rng.choice(texts)

    def send(u, to, text, conv=None, kind="chat"):
        hamrec.doing[u] = kind
        d = yield SendRequest(u, tuple(to), text, conversation=conv)
        return d.allowed

    def chat(u, v, n_msgs, gap, kind="chat"):
        for i in range(n_msgs):
            a, b = (u, v) if i % 2 == 0 or rng.random() < 0.2 else (v, u)
            if not (yield from send(a, [b], say(), kind=kind)):
                return
            yield rng.uniform(*gap)

    def burst(u, v):
        for _ in range(rng.randint(3, 7)):
            if not (yield from send(u, [v], say(), kind="burst")):
                return
            yield rng.uniform(3, 40)
        yield from chat(v, u, rng.randint(1, 4), (20, 200))

    def group(u):
        mem = rng.sample(sorted(friends[u]), min(len(friends[u]), rng.randint(2, 6)))
        cid = f"{u}.c{rng.randrange(10**9)}"
        yield ("start", cid, u)
        hamrec.doing[u] = "group invite"
        if not (yield InviteRequest(u, tuple(mem), cid, members=(u,))).allowed:
            return
        everyone = [u, *mem]
        for _ in range(rng.randint(4, 15)):
            a = rng.choice(everyone)
            yield from send(a, [m for m in everyone if m != a], say(), cid, kind="group chat")
            yield rng.uniform(10, 400)

    def first_contact(u):
        v = f"{u}.nf{rng.randrange(10**6)}"
        graph.follow(v, u)
        yield from chat(u, v, 1 if rng.random() < 0.4 else rng.randint(2, 6), (60, 600), "first contact")

    def fanout(u, role):
        team = [f"{u}.m{i}" for i in range(rng.randint(8, 30))]
        notice = say()
        for m in team:
            graph.follow(m, u)
            if role == "organiser" and rng.random() < 0.7:
                graph.follow(u, m)
            if rng.random() < (0.6 if role == "organiser" else 0.5):
                graph.record_message(m, u)
        for m in team:
            name = g.NAMES[zlib.crc32(m.encode()) % len(g.NAMES)]
            if role == "organiser":
                text = rng.choice(["Hi %s, ", "%s - ", "Hey %s! "]) % (name,) if rng.random() < 0.8 else ""
                text = (text + notice)[:140]
            elif role == "seller":
                text = rng.choice(["yes still available %s, %s", "hi %s, it's yours for %s", "sorry %s, %s"]) % (
                    name, rng.choice(["£20", "£35 ono", "collection only", say()[:60]]))
            else:
                text = rng.choice(["thank you!!", "ty for the follow \u2764\ufe0f", f"thanks so much {name}", "aw thank u", "welcome!! \U0001f60a"])
            yield from send(u, [m], text, kind=role + " to followers")
            yield rng.uniform(15, 180)
            if rng.random() < 0.4:
                yield from chat(m, u, rng.randint(1, 3), (30, 300))

    sessions = []
    for i, u in enumerate(users):
        role = "organiser" if i % 67 == 5 else "seller" if i % 97 == 11 else "creator" if i % 199 == 17 else None
        hamrec.kind[u] = role or "ordinary"
        if role:
            sessions.append((rng.uniform(0, DAY * 0.7), fanout(u, role)))
        for _ in range(rng.randint(2, 6)):
            v, r = rng.choice(sorted(friends[u])), rng.random()
            s = (chat(u, v, rng.randint(2, 12), (10, 360)) if r < 0.5 else burst(u, v) if r < 0.65
                 else group(u) if r < 0.85 else first_contact(u))
            sessions.append((rng.uniform(0, DAY - 3600), s))
    return sessions


# ---------------------------------------------------------------- the day
def drive(engine, clock, graph, actors, observe):
    heap, seq = [], itertools.count()
    for start, gen_ in actors:
        heapq.heappush(heap, (T0 + start, next(seq), gen_))
    while heap:
        t, _, gen_ = heapq.heappop(heap)
        clock.now = t
        val = None
        try:
            while True:
                cmd = gen_.send(val)
                if isinstance(cmd, (int, float)):
                    break
                if isinstance(cmd, tuple):
                    graph.start_conversation(cmd[1], cmd[2], t)
                    val = None
                elif isinstance(cmd, InviteRequest):
                    val = engine.check_invite(cmd)
                    if val.allowed:
                        graph.record_invite(cmd, t)
                    observe(cmd.inviter, cmd, val)
                else:
                    val = engine.check(cmd)
                    if val.allowed:
                        for r in cmd.recipients:
                            graph.record_message(cmd.sender, r)
                    observe(cmd.sender, cmd, val)
        except StopIteration:
            continue
        if t + cmd <= T0 + DAY:
            heapq.heappush(heap, (t + cmd, next(seq), gen_))


def measure(seed, per_tactic=20, n_ham=1000, corpus=g.DEFAULT_CORPUS, tactics=None):
    rng = random.Random(seed)
    ham_texts, spam = g.load_corpus(corpus)
    th = thresholds()
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine.from_file("default", graph=graph, clock=clock)
    hamrec = Ham()
    actors = ham_world(random.Random(seed * 7919), n_ham, ham_texts, graph, hamrec)
    spammers = []
    for tac in tactics or TACTICS:
        for i in range(per_tactic):
            s = Spammer(f"sp.{tac}.{i}", tac, random.Random(f"{seed}:{tac}:{i}"), spam, ham_texts, th, graph)
            spammers.append(s)
            actors.append((rng.uniform(0, 3600), s.run()))
    drive(engine, clock, graph, actors, lambda u, req, d: hamrec.observe(u, d) if u in hamrec.kind else None)
    return spammers, hamrec


def report(spammers, ham, n_ham):
    print(f"{'tactic':13} {'contained':>10} {'mean/day':>9} {'max':>5}  escaped (way back kind:style[+trick])")
    for tac in TACTICS:
        ss = [s for s in spammers if s.tactic == tac]
        if not ss:
            continue
        r = [len(s.reached) for s in ss]
        esc = Counter(s.label for s in ss if len(s.reached) > 4)
        escaped = ", ".join(f"{k} x{v}" for k, v in esc.most_common()) or "-"
        print(f"{tac:13} {100 * sum(x <= 4 for x in r) / len(r):9.0f}% {sum(r) / len(r):9.1f} {max(r):5d}  {escaped}")
    print(f"\nham: {len(ham.refused)} of {n_ham} refused by a spam rule ({100 * len(ham.refused) / n_ham:.2f}%), "
          f"{len(ham.cooled)} cooled down; {ham.sends} ham sends")
    for k, v in Counter(ham.fp_examples).most_common():
        print(f"  {v:3d}  {k}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-tactic", type=int, default=20)
    ap.add_argument("--ham", type=int, default=1000)
    ap.add_argument("--corpus", default=g.DEFAULT_CORPUS)
    ap.add_argument("--tactics", default="")
    a = ap.parse_args()
    t = time.time()
    spammers, ham = measure(a.seed, a.per_tactic, a.ham, a.corpus, a.tactics.split(",") if a.tactics else None)
    report(spammers, ham, a.ham)
    print(f"\n(seed {a.seed}, {time.time() - t:.0f} s)")


if __name__ == "__main__":
    main()
