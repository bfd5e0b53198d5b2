"""Red-team round 37: the issue's campaign evaluation, written blind from the README,
rules/default.toml and docs/python.md, as a 2026 spammer who read them would run it.

Design
------
* One engine on ``memory://`` with the packaged default rules, one ``MemoryGraph`` and one
  ``VirtualClock``; every actor (spam senders and ordinary users) is a generator that
  yields ``(delay, action)`` and gets the ``Decision`` back; a heap orders all actions
  on the virtual clock, so a simulated day passes in seconds.
* Spam senders: each takes one corpus spam text with a call to action (phone number,
  short code, site, reply keyword), gets fresh values for the campaign, and has 1,000
  targets that follow it, never write back, never report, and that it does not follow.
  It obeys every refusal: after a refusal it waits the longest ``retry_after`` of the
  decision (a cooldown's own wait; each attempt would restart it), and when no wait is
  given ("change the send") it changes the copy (and, for contact refusals, the spelling
  of its way back, for an over-large group the size) and paces itself before trying.
  Tactics: folded, personalised, spun (spintax, language-model-like paraphrase, ham
  padding, other languages), rotating (K = 2..200 templates), groups (new groups of 19,
  by a first message or by invitation; shrinking to the 4 the rules allow when refused),
  split (pitch, then the way back, sometimes in two halves), slow (paced under every
  limit of the rules file: 20 a day, 12 per 6 h, 4 copies of a template per 6 h), short
  (under 32 characters), probed (ways back spelt only in spellings a local copy of the
  engine, probed as a black box, let through to 6 strangers), and mix (2 or 3 of them).
* Reach: a stranger is *reached* when any message of the campaign was delivered to them;
  *reached with the way back* when the call to action (all of its parts) was. A campaign
  is *contained* when it reached at most 4 strangers in the day (the issue's definition),
  *refused before the 5th* when its first refusal came before the 5th stranger.
* Ordinary users (``--ham``) from the corpus's ham texts: two-way conversations among
  mutual followers, bursts, group organisers inviting several friends, people sending
  one text to many friends, a new phone number to friends, links to friends, shops
  answering customers who wrote first, creators thanking a few followers they do not
  follow back, quiet users. Any refusal of an ordinary user is counted, with its codes.
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from policy import Engine, InviteRequest, MemoryGraph, SendRequest, Verdict
from policy.clock import VirtualClock

from . import gen

DAY = 86400.0
START = 1_800_000_000.0
DEFAULT_CORPUS = str(Path(__file__).resolve().parents[3] / "shared" / "data" / "sms_spam_collection.tsv")
OUT_DIR = ""  # --out DIR: where the escapes and refused ordinary users are written
TACTICS = ["folded", "personalised", "spun", "rotating", "groups", "split", "slow", "short", "probed", "mix"]
MAX_ATTEMPTS = 2500


# --------------------------------------------------------------------------- bookkeeping


@dataclass
class SpamStats:
    sender: str
    tactic: str
    detail: str
    source: str
    reached: set = field(default_factory=set)
    cta_reached: set = field(default_factory=set)
    allowed_texts: list = field(default_factory=list)
    refusals: Counter = field(default_factory=Counter)
    first_refusal_at: int | None = None
    attempts: int = 0


@dataclass
class HamStats:
    user: str
    kind: str
    sends: int = 0
    refused: list = field(default_factory=list)


def obey_wait(d, pace: float) -> float:
    """How long an obedient sender waits after refusal ``d``."""
    waits = [r.retry_after for r in d.reasons if r.retry_after]
    if d.retry_after:
        waits.append(d.retry_after)
    if waits:
        return max(waits) + 5.0
    return pace


def codes(d) -> list[str]:
    return [r.code for r in d.reasons]


class Sim:
    def __init__(self, seed: int):
        self.graph = MemoryGraph()
        self.clock = VirtualClock(START)
        self.engine = Engine.from_file("default", storage="memory://", graph=self.graph, clock=self.clock)
        self.heap: list = []
        self.seq = 0
        self.end = START + DAY

    def add(self, gen_obj, at: float) -> None:
        self.seq += 1
        try:
            delay, action = next(gen_obj)
        except StopIteration:
            return
        heapq.heappush(self.heap, (at + delay, self.seq, gen_obj, action))

    def do(self, action):
        kind = action[0]
        if kind == "send":
            req: SendRequest = action[1]
            if req.conversation and self.graph.conversation_started(req.conversation) is None:
                # the host makes a group conversation with its first message
                self.graph.start_conversation(req.conversation, req.sender, self.clock.now)
            d = self.engine.check(req)
            if d.allowed:
                for r in req.recipients:
                    self.graph.record_message(req.sender, r)
            return d
        if kind == "invite":
            inv: InviteRequest = action[1]
            d = self.engine.check_invite(inv)
            if d.allowed:
                self.graph.record_invite(inv, self.clock.now)
                if self.graph.conversation_started(inv.conversation) is None:
                    self.graph.start_conversation(inv.conversation, inv.inviter, self.clock.now)
            return d
        raise ValueError(kind)

    def run(self) -> None:
        while self.heap:
            t, _, g, action = heapq.heappop(self.heap)
            if t > self.end:
                continue
            self.clock.now = t
            d = self.do(action)
            try:
                delay, nxt = g.send(d)
            except StopIteration:
                continue
            self.seq += 1
            heapq.heappush(self.heap, (t + max(delay, 0.001), self.seq, g, nxt))


# --------------------------------------------------------------------------- spam senders


class Spammer:
    def __init__(self, sim: Sim, sid: str, tactic: str, camp: gen.Campaign, rng: random.Random,
                 ham: list[str], mods: list[str] | None = None):
        self.sim, self.sid, self.tactic, self.camp, self.rng = sim, sid, tactic, camp, rng
        self.maker = gen.CopyMaker(camp, rng, ham)
        self.mods = mods or [tactic]
        self.targets = [f"{sid}.t{i:04d}" for i in range(1000)]
        self.names = {t: rng.choice(gen.NAMES) for t in self.targets}
        for t in self.targets:
            sim.graph.follow(t, sid)
        self.ti = 0
        self.burnt: set[tuple[int, str]] = set()
        self.k = rng.choice([2, 5, 10, 40, 200])
        self.group_size = 19
        self.via_invite = rng.random() < 0.5
        self.pace = 30.0
        self.templates: list[tuple[str, dict]] = []
        if "rotating" in self.mods or "slow" in self.mods or "probed" in self.mods:
            self.templates = [(self.variant_template(), gen.random_styles(camp, rng)) for _ in range(self.k)]
        if "slow" in self.mods or "probed" in self.mods:
            self.pace = DAY / 20 + 60  # 20 strangers a day, so 12 per 6 h is never reached
        if "probed" in self.mods:
            self.probe_styles()
        detail = f"K={self.k}" if self.templates else ""
        if "groups" in self.mods:
            detail += (" invite" if self.via_invite else " direct")
        self.stats = SpamStats(sid, tactic, (" + ".join(self.mods) if tactic == "mix" else "") + detail.strip(),
                               camp.source)
        self.tpl_i = 0
        self.tpl_uses: dict[int, list[float]] = defaultdict(list)

    # ---- copies

    def variant_template(self) -> str:
        r = self.rng.random()
        m = self.maker
        if r < 0.3:
            return m.paraphrase()
        if r < 0.55:
            return m.spun()
        if r < 0.75:
            return m.soft()
        if r < 0.85:
            return m.foreign()
        return m.padded(m.spun())

    def fresh_styles(self) -> dict[int, str]:
        styles = {}
        for i, s in enumerate(self.camp.slots):
            names = [n for n in gen.style_names(s.kind) if (i, n) not in self.burnt] or gen.style_names(s.kind)
            styles[i] = self.rng.choice(names)
        return styles

    def probe_styles(self) -> None:
        """Black-box probing on a local engine (the package is public): a spelling of each
        way back is kept when 6 different ordinary sentences carrying it reach 6 strangers."""
        rng = self.rng
        carriers = [h for h in self.maker.ham_short if not any(ch.isdigit() for ch in h)]
        lead = {"phone": "call {}", "code": "txt GO to {}", "url": "see {}", "kw": "reply {}"}
        good: dict[int, list[str]] = defaultdict(list)
        for i, s in enumerate(self.camp.slots):
            for name in gen.style_names(s.kind):
                g = MemoryGraph()
                clk = VirtualClock(START)
                eng = Engine.from_file("default", storage="memory://", graph=g, clock=clk)
                ok = True
                for j in range(6):
                    g.follow(f"p{j}", "probe")
                    text = rng.choice(carriers) + " " + lead[s.kind].format(gen.spell(s, name, rng))
                    d = eng.check(SendRequest("probe", (f"p{j}",), text[:140]))
                    clk.advance(600)
                    if not d.allowed:
                        ok = False
                        break
                if ok:
                    good[i].append(name)
        self.probe_good = good
        keep = [i for i in range(len(self.camp.slots)) if good.get(i)]
        if keep and len(keep) < len(self.camp.slots):
            # ways back with no unread spelling are left out; the others carry the campaign
            self.camp = gen.Campaign(self.camp.source, self.camp.template, [self.camp.slots[i] for i in keep],
                                     self.camp.category)
            self.maker = gen.CopyMaker(self.camp, rng, self.maker.ham_short)
            self.probe_good = {n: good[i] for n, i in enumerate(keep)}
        self.templates = [(self.maker.soft(), {i: rng.choice(self.probe_good[i]) if self.probe_good.get(i)
                                               else rng.choice(gen.style_names(sl.kind))
                                               for i, sl in enumerate(self.camp.slots)})
                          for _ in range(self.k)]

    def next_copy(self, target: str) -> str:
        m, rng, mods = self.maker, self.rng, self.mods
        styles = self.fresh_styles()
        if self.templates:
            # rotation; slow/probed keep a template to 4 copies in 6 hours
            now = self.sim.clock.now
            for _ in range(len(self.templates)):
                self.tpl_i = (self.tpl_i + 1) % len(self.templates)
                uses = [u for u in self.tpl_uses[self.tpl_i] if now - u < 6 * 3600]
                self.tpl_uses[self.tpl_i] = uses
                if len(uses) < 4 or not ("slow" in mods or "probed" in mods):
                    break
            self.tpl_uses[self.tpl_i].append(now)
            tpl, st = self.templates[self.tpl_i]
            styles = {i: (st[i] if (i, st[i]) not in self.burnt else styles[i]) for i in st}
            if "probed" in mods and getattr(self, "probe_good", None):
                styles = {i: (rng.choice(self.probe_good[i]) if self.probe_good.get(i) else styles[i]) for i in styles}
            if rng.random() < 0.5:
                tpl = gen.spin_words(tpl, rng, 0.3)
        elif "spun" in mods:
            tpl = self.variant_template()
        elif "short" in mods:
            tpl = m.short()
        else:
            tpl = m.base()
        if "short" in mods:
            for _ in range(20):
                tpl = m.short()
                st2 = {i: rng.choice(["plain", "lookalike", "dotted", "zw", "dashed", "spaced", "fullwidth",
                                      "lower", "quoted", "caps", "space_dot", "ideo_dot", "paren_dot"]) for i in styles}
                text = gen.render(self.camp, tpl, st2, rng)
                if len(text) < 32:
                    return text
            return text[:31]
        if "folded" in mods:
            tpl = gen.fold_text(tpl, rng)
        if "personalised" in mods:
            tpl = m.personal(tpl, self.names.get(target, "friend"))
        return m.finish(tpl, styles)

    # ---- the campaign

    def record(self, recipients, text: str, cta_parts_done: bool, d) -> None:
        st = self.stats
        st.attempts += 1
        if d.allowed:
            if len(st.allowed_texts) < 5:
                st.allowed_texts.append(text)
            for r in recipients:
                st.reached.add(r)
                if cta_parts_done:
                    st.cta_reached.add(r)
        else:
            for c in codes(d):
                st.refusals[c] += 1
            if st.first_refusal_at is None:
                st.first_refusal_at = len(st.reached)

    def adapt(self, d, styles_used: dict[int, str] | None) -> None:
        cs = set(codes(d))
        if cs & {"duplicate_contact", "links_to_strangers"} and styles_used:
            for i, n in styles_used.items():
                self.burnt.add((i, n))
        if "too_many_strangers" in cs and self.group_size > 4:
            self.group_size = 4

    def take(self, n: int) -> list[str]:
        out = self.targets[self.ti:self.ti + n]
        self.ti += n
        return out

    def actor(self):
        rng = self.rng
        yield rng.uniform(0, 1800), None  # start time; the first action follows
        group_no = 0
        while self.ti < len(self.targets) and self.stats.attempts < MAX_ATTEMPTS:
            if "groups" in self.mods:
                members = self.take(self.group_size)
                if not members:
                    return
                group_no += 1
                conv = f"{self.sid}.g{group_no}"
                self.maker.complete = False
                text = self.next_copy(members[0])
                if self.via_invite:
                    d = yield 1.0, ("invite", InviteRequest(self.sid, tuple(members), conv, ()))
                    if not d.allowed:
                        self.record(members, "<invite>", False, d)
                        self.adapt(d, None)
                        self.ti -= len(members)
                        yield obey_wait(d, 600), None
                        continue
                d = yield 1.0, ("send", SendRequest(self.sid, tuple(members), text, conversation=conv))
                self.record(members, text, self.maker.complete or "short" in self.mods, d)
                if not d.allowed:
                    self.adapt(d, None)
                    if not self.via_invite:
                        self.ti -= len(members)
                    yield obey_wait(d, 600), None
                    continue
                yield self.pace + rng.uniform(0, 60), None
                continue
            target = self.take(1)[0]
            if "split" in self.mods:
                styles = self.fresh_styles()
                vals = [gen.spell(s, styles[i], rng) for i, s in enumerate(self.camp.slots)]
                pitch_t = self.maker.paraphrase() if rng.random() < 0.5 else self.maker.spun()
                pitch = gen.fit(pitch_t.replace("{", "(").replace("}", ")")).split("(0)")[0].strip() or "Guess what"
                pitch = pitch.rstrip(" ,:;-") + (" ... details next msg" if rng.random() < 0.5 else "")
                cta = gen.cta_phrase(self.camp, vals, rng)
                if rng.random() < 0.3 and len(cta) > 10:
                    half = len(cta) // 2
                    parts = [pitch[:140], cta[:half] + "...", "..." + cta[half:]]
                else:
                    parts = [pitch[:140], cta[:140]]
                ok = True
                for pi, part in enumerate(parts):
                    d = yield (1.0 if pi == 0 else rng.uniform(20, 120)), (
                        "send", SendRequest(self.sid, (target,), part))
                    self.record((target,), part, pi == len(parts) - 1, d)
                    if not d.allowed:
                        self.adapt(d, styles if pi else None)
                        yield obey_wait(d, 600), None
                        ok = False
                        break
                if ok:
                    yield self.pace + rng.uniform(0, 60), None
                else:
                    self.ti -= 1  # the same target again, with a new copy
                continue
            styles_before = dict(self.fresh_styles())
            self.maker.complete = False
            text = self.next_copy(target)
            d = yield 1.0, ("send", SendRequest(self.sid, (target,), text))
            self.record((target,), text, self.maker.complete or "short" in self.mods, d)
            if d.allowed:
                yield self.pace + rng.uniform(0, 60 if self.pace < 600 else 600), None
            else:
                self.adapt(d, styles_before)
                self.ti -= 1
                yield obey_wait(d, 900 if self.pace < 600 else self.pace), None


def pure_steps(inner):
    """Turns an actor's (delay, action|None) stream into pure (delay, action) steps (the
    delays of the None steps added to the next action's), sending each decision back."""
    pending = 0.0
    d = None
    first = True
    while True:
        try:
            delay, action = next(inner) if first else inner.send(d)
        except StopIteration:
            return
        first = False
        pending += delay
        while action is None:
            try:
                delay, action = next(inner)
            except StopIteration:
                return
            pending += delay
        d = yield pending, action
        pending = 0.0


# --------------------------------------------------------------------------- ordinary users

HAM_KINDS = [("chat", 36), ("burst", 10), ("group", 10), ("broadcast", 8), ("newnumber", 5),
             ("links", 6), ("shop", 6), ("creator", 7), ("quiet", 12)]


class Ham:
    def __init__(self, sim: Sim, n: int, rng: random.Random, texts: list[str]):
        self.sim, self.rng, self.texts = sim, rng, texts
        self.users = [f"u{i:04d}" for i in range(n)]
        kinds = [k for k, w in HAM_KINDS for _ in range(w)]
        self.kind = {u: rng.choice(kinds) for u in self.users}
        self.stats = {u: HamStats(u, self.kind[u]) for u in self.users}
        g = sim.graph
        self.friends: dict[str, list[str]] = defaultdict(list)
        for u in self.users:  # mutual friends, most of whom wrote before
            for f in rng.sample(self.users, rng.randint(3, 25)):
                if f != u and f not in self.friends[u]:
                    g.follow(u, f)
                    g.follow(f, u)
                    self.friends[u].append(f)
                    self.friends[f].append(u)
                    if rng.random() < 0.7:
                        g.record_message(u, f)
                        g.record_message(f, u)
        self.short = [t for t in texts if len(t) < 40]

    def text(self) -> str:
        return self.rng.choice(self.texts)

    def send(self, u, to, text, conv=None):
        st = self.stats[u]
        st.sends += 1
        d = yield 0.0, ("send", SendRequest(u, tuple(to), text, conversation=conv))
        if not d.allowed:
            st.refused.append({"to": list(to), "text": text, "verdict": d.verdict.value, "codes": codes(d),
                               "retry_after": d.retry_after})
        return d

    def actor(self, u):
        rng, kind = self.rng, self.kind[u]
        friends = self.friends[u] or []
        yield rng.uniform(0, DAY * 0.9), None
        if kind == "chat" and friends:
            for f in rng.sample(friends, min(len(friends), rng.randint(1, 4))):
                for _ in range(rng.randint(3, 20)):
                    yield from self.send(u, [f], self.text())
                    yield rng.uniform(20, 900), None
                    yield from self.send(f, [u], self.text())  # the friend answers
                    yield rng.uniform(20, 900), None
        elif kind == "burst" and friends:
            f = rng.choice(friends)
            for _ in range(rng.randint(15, 40)):
                t = rng.choice([*self.short, "?", "lol", "ok", "haha", "omw", "k"]) if rng.random() < 0.5 else self.text()
                yield from self.send(u, [f], t)
                yield rng.uniform(2, 40), None
        elif kind == "group" and friends:
            members = rng.sample(friends, min(len(friends), rng.randint(3, 12)))
            conv = f"{u}.grp"
            d = yield 0.0, ("invite", InviteRequest(u, tuple(members), conv, ()))
            if not d.allowed:
                self.stats[u].refused.append({"to": members, "text": "<invite>", "verdict": d.verdict.value,
                                              "codes": codes(d), "retry_after": d.retry_after})
            else:
                everyone = [u, *members]
                for _ in range(rng.randint(4, 25)):
                    who = rng.choice(everyone)
                    rest = [m for m in everyone if m != who]
                    yield from self.send(who, rest, self.text(), conv)
                    yield rng.uniform(10, 1200), None
        elif kind == "broadcast" and friends:
            t = self.text()
            for f in rng.sample(friends, min(len(friends), rng.randint(5, 15))):
                yield from self.send(u, [f], t)
                yield rng.uniform(5, 120), None
        elif kind == "newnumber" and friends:
            num = "07" + "".join(rng.choice("0123456789") for _ in range(9))
            t = rng.choice(["Hi all, new number: {n} - save it! Old phone got nicked", "This is my new no. {n} x",
                            "Changed my number, its {n}. Delete the old one", "New num {n}, txt me so I have yours"]
                           ).format(n=num)
            for f in rng.sample(friends, min(len(friends), rng.randint(5, 20))):
                yield from self.send(u, [f], t)
                yield rng.uniform(5, 300), None
        elif kind == "links" and friends:
            link = rng.choice(["https://youtu.be/", "https://www.bbc.co.uk/news/", "https://maps.app.goo.gl/"]) + \
                "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(10))
            t = rng.choice(["lol look at this {l}", "{l} this is where we're meeting", "did u see this? {l}",
                            "{l}"]).format(l=link)
            for f in rng.sample(friends, min(len(friends), rng.randint(3, 8))):
                yield from self.send(u, [f], t)
                yield rng.uniform(10, 600), None
        elif kind == "shop":
            # customers wrote first; the shop answers each, much the same words
            custs = [f"{u}.c{i}" for i in range(rng.randint(5, 15))]
            for c in custs:
                self.sim.graph.follow(c, u)
                self.sim.graph.follow(u, c) if rng.random() < 0.3 else None
                self.sim.graph.record_message(c, u)
            base = rng.choice(["Thanks for your order! It ships tomorrow, call 0161 496 0{x} with any questions",
                               "Hi, yes we still have it, £25, collection from Leeds or post for £3",
                               "Thanks for getting in touch, your table for {x} is booked for 8pm"])
            for c in custs:
                yield from self.send(u, [c], base.format(x=rng.randint(100, 999)))
                yield rng.uniform(30, 1800), None
        elif kind == "creator":
            fans = [f"{u}.fan{i}" for i in range(rng.choice([1, 2, 2, 3, 3, 4, 5]))]
            for f in fans:
                self.sim.graph.follow(f, u)
            line = rng.choice(["thanks so much for the follow! hope you enjoy the videos",
                               "Thank you for following :) new post coming on friday",
                               "Welcome! Really appreciate the support, means a lot"])
            for f in fans:
                name = rng.choice(gen.NAMES)
                yield from self.send(u, [f], rng.choice(["Hi {n}! ", "Hey {n}, ", ""]).format(n=name) + line)
                yield rng.uniform(60, 3600), None
        else:  # quiet
            for _ in range(rng.randint(1, 3)):
                if friends:
                    yield from self.send(u, [rng.choice(friends)], self.text())
                yield rng.uniform(600, 7200), None


# --------------------------------------------------------------------------- the run


def build_campaigns(spam: list[str], rng: random.Random) -> list[gen.Campaign]:
    out = []
    for s in spam:
        c = gen.make_campaign(s, rng)
        if c is not None:
            out.append(c)
    return out


def run(seed: int, senders: int, n_ham: int, corpus: str) -> dict:

    ham_all, spam_all = gen.load_corpus(corpus)
    ham_texts = gen.ham_texts(ham_all)
    camps = build_campaigns(spam_all, random.Random(seed * 7919))
    sim = Sim(seed)
    spammers: list[Spammer] = []
    for tactic in TACTICS:
        for i in range(senders):
            srng = random.Random(f"{seed}-{tactic}-{i}")
            camp = srng.choice(camps)
            mods = [tactic]
            if tactic == "mix":
                mods = srng.sample(["folded", "personalised", "spun", "rotating", "split", "slow", "short", "groups"],
                                   srng.choice([2, 3]))
                if "short" in mods:
                    mods = [m for m in mods if m not in ("personalised", "folded")] or ["short"]
            sp = Spammer(sim, f"spam.{tactic}.{i}", tactic, camp, srng, ham_texts, mods)
            spammers.append(sp)
            sim.add(pure_steps(sp.actor()), START)
    ham = Ham(sim, n_ham, random.Random(seed * 31 + 1), ham_texts)

    for u in ham.users:
        sim.add(pure_steps(ham.actor(u)), START)
    sim.run()
    return {"spammers": spammers, "ham": ham}


def summarise(seed: int, res: dict) -> tuple[str, list[dict], list[dict]]:
    by = defaultdict(list)
    for sp in res["spammers"]:
        by[sp.tactic].append(sp.stats)
    ham = res["ham"]
    refused_users = [s for s in ham.stats.values() if s.refused]
    kinds = Counter(s.kind for s in refused_users)
    rcodes = Counter(c for s in refused_users for r in s.refused for c in r["codes"])
    lines = [f"### seed {seed}", "",
             "| tactic | contained (<=4 reached all day) | refused before 5th | strangers/day mean | max "
             "| with way back mean | max | top refusal codes |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    escapes = []
    for tactic in TACTICS:
        sts = by[tactic]
        n = len(sts)
        cont = sum(1 for s in sts if len(s.reached) <= 4)
        before5 = sum(1 for s in sts if s.first_refusal_at is not None and s.first_refusal_at < 5)
        reach = [len(s.reached) for s in sts]
        cta = [len(s.cta_reached) for s in sts]
        top = Counter()
        for s in sts:
            top.update(s.refusals)
        lines.append(f"| {tactic} | {100 * cont / n:.0f}% ({cont}/{n}) | {100 * before5 / n:.0f}% | "
                     f"{sum(reach) / n:.1f} | {max(reach)} | {sum(cta) / n:.1f} | {max(cta)} | "
                     + ", ".join(f"{c} {k}" for c, k in top.most_common(4)) + " |")
        for s in sts:
            if len(s.reached) > 4:
                escapes.append({"seed": seed, "sender": s.sender, "tactic": s.tactic, "detail": s.detail,
                                "reached": len(s.reached), "reached_with_way_back": len(s.cta_reached),
                                "source": s.source, "allowed_first5": s.allowed_texts,
                                "refusals": dict(s.refusals)})
    n_h = len(ham.users)
    lines += ["", f"Ordinary users refused (any rule): {len(refused_users)} of {n_h} "
              f"({100 * len(refused_users) / n_h:.2f}%), by kind: {dict(kinds)}; codes: {dict(rcodes)}",
              f"Ordinary users by kind: {dict(Counter(ham.kind.values()))}", ""]
    ham_dump = [{"seed": seed, "user": s.user, "kind": s.kind, "sends": s.sends, "refused": s.refused}
                for s in refused_users]
    return "\n".join(lines), escapes, ham_dump


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--senders", type=int, default=20)
    ap.add_argument("--ham", type=int, default=1000)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--out", default=OUT_DIR, help="a folder for escapes.seedN.jsonl and ham_refused.seedN.jsonl")
    a = ap.parse_args(argv)
    t0 = time.time()
    res = run(a.seed, a.senders, a.ham, a.corpus)
    table, escapes, ham_dump = summarise(a.seed, res)
    print(table)
    print(f"({time.time() - t0:.0f} s)")
    if a.out:
        os.makedirs(a.out, exist_ok=True)
        with open(os.path.join(a.out, f"escapes.seed{a.seed}.jsonl"), "w", encoding="utf-8") as fh:
            for e in escapes:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        with open(os.path.join(a.out, f"ham_refused.seed{a.seed}.jsonl"), "w", encoding="utf-8") as fh:
            for h in ham_dump:
                fh.write(json.dumps(h, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())


_ = Verdict  # the verdicts are compared by value in the dumps
