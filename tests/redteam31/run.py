"""Round 31 (blind): non-English DM spam vs the default rules, plus 1,000 ordinary users.

python -m tests.redteam31.run --seed 1 [--per-tactic 20] [--ham 1000] [--evade-reader]
"""
import argparse
import heapq
import json
import random
import re
import time
from collections import Counter, defaultdict

from policy import Engine, InviteRequest, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.ways_back import read_contacts
from tests.redteam31.lang import (
    FAMILIES,
    HAM,
    LANG_COUNTRY,
    NAMES,
    WB,
    WB_N,
    fmt_num,
    fold,
    make_ident,
    personalise,
    spin,
)

EVADE = False

T0 = 1_800_000_000.0
DAY = 86400.0
TACTICS = ["folded", "personalised", "spun", "rotating", "groups", "split", "slow", "short", "mix"]
NOT_SPAM_RULES = {"followers_only", "text", "group", "daily_quota"}


def alnum(s):
    return sum(ch.isalnum() for ch in s)


def verdict(d):
    v = d.verdict
    return str(getattr(v, "value", v)).lower()


class World:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.graph = MemoryGraph()
        self.clock = VirtualClock(T0)
        self.engine = Engine.from_file("default", storage="memory://", graph=self.graph, clock=self.clock)
        self.q = []
        self.n = 0

    def at(self, t, fn):
        self.n += 1
        heapq.heappush(self.q, (t, self.n, fn))

    def send(self, sender, recipients, text, conversation=None):
        d = self.engine.check(SendRequest(sender, tuple(recipients), text, conversation=conversation))
        if d.allowed:
            for r in recipients:
                self.graph.record_message(sender, r)
        return d

    def run(self):
        while self.q:
            t, _, fn = heapq.heappop(self.q)
            if t > T0 + DAY:
                break
            if t > self.clock.now:
                self.clock.now = t
            fn()


# ------------------------------------------------------------------ spam
class Spammer:
    def __init__(self, w, sid, tactic, fam_name, rng):
        self.w, self.sid, self.tactic, self.rng = w, sid, tactic, rng
        self.fam_name = fam_name
        self.fam = FAMILIES[fam_name]
        self.lang = self.fam["lang"]
        self.ident = make_ident(rng, self.fam["country"])
        self.wb_k = rng.randrange(WB_N[self.lang])
        self.base_i = rng.randrange(len(self.fam["bases"]))
        self.ti = 0
        self.reached = set()
        self.nr = 0
        self.stopped = False
        self.group_size = 19
        self.K = rng.choice([2, 5, 10, 40, 100, 200])
        self.templates = None
        self.rot_i = 0
        self.pending = []  # split parts to the same target
        self.sends = self.allowed = 0
        self.codes = Counter()
        self.wb_used = Counter()

    def name(self):
        return f"sp{self.sid}"

    def new_target(self):
        t = f"sp{self.sid}_t{self.ti}"
        self.ti += 1
        self.w.graph.follow(t, self.name())
        return t

    def wb(self):
        kind, fn = WB[self.lang](self.rng, self.ident, self.wb_k)
        self.cur_wb = kind
        self.cur_wb_text = fn()
        return self.cur_wb_text

    def pitch(self):
        return self.fam["bases"][self.base_i]

    def compose(self, tac, target_name):
        r = self.rng
        if tac == "folded":
            return fold(r, self.pitch(), self.lang).replace("{wb}", self.wb())
        if tac == "personalised":
            return personalise(r, self.pitch().format(wb=self.wb(), name=target_name), self.fam, target_name)
        if tac in ("spun", "groups", "slow"):
            base = r.choice(self.fam["bases"])
            s = spin(r, base, self.fam)
            if r.random() < 0.5:
                s = personalise(r, s, self.fam, target_name) if tac != "groups" else s
            return s.format(wb=self.wb(), name=target_name)
        if tac == "rotating":
            if self.templates is None:
                tr = random.Random(self.sid * 7919)
                self.templates = [fold(tr, spin(tr, tr.choice(self.fam["bases"]), self.fam), self.lang) if tr.random() < 0.3
                                  else spin(tr, tr.choice(self.fam["bases"]), self.fam) for _ in range(self.K)]
            t = self.templates[self.rot_i % self.K]
            self.rot_i += 1
            g = r.choice(self.fam["greet"]).format(name=target_name)
            return (g + " " + t).format(wb=self.wb(), name=target_name)
        if tac == "short":
            for _ in range(20):
                opener = r.choice(self.fam["fill"] + ["", "", r.choice(self.fam["greet"]).format(name=target_name)])
                pre = r.choice(["", "renda", "promo", "bonus", "vaga", "job", "cuan", "prize", "oferta", "gana"])
                s = " ".join(x for x in (opener, pre, self.wb()) if x)
                if 8 <= alnum(s) <= 31:
                    return s
            # a number alone in its national format
            return (r.choice(["zap", "wa", "wpp", "whats"]) + " " + fmt_num(r, self.ident))
        raise ValueError(tac)

    def length_ok(self, s):
        """An attacker keeps the way back: the pitch is cut, not the contact."""
        if len(s) <= 140:
            return s
        wb = getattr(self, "cur_wb_text", "")
        if wb and wb in s and len(wb) < 100:
            rest = s.replace(wb, " ").split()
            pre = ""
            for word in rest:
                if len(pre) + len(word) + 2 + len(wb) > 140:
                    break
                pre = (pre + " " + word).strip()
            return (pre + " " + wb).strip()
        return s[:140]

    def act(self):
        if self.stopped:
            return
        w, r = self.w, self.rng
        now = w.clock.now
        tac = self.tactic
        if tac == "mix":
            tac = r.choice(TACTICS[:-1])
        if self.pending:
            target, text = self.pending[0]
            recips = [target]
            conv = None
        elif tac == "groups":
            recips = [self.new_target() for _ in range(self.group_size)]
            text = self.compose("groups", "")
            conv = f"g{self.sid}_{self.ti}"
            w.graph.start_conversation(conv, self.name(), now)
            target = None
        else:
            target = self.new_target()
            name = r.choice(NAMES)
            text = self.compose("spun" if tac == "split" else tac, name)
            conv = None
            recips = [target]
            if tac == "split":
                parts = re.split(r"(?<=[.!?,:])\s+", text)
                wbtxt = self.wb()
                pitch = [p for p in parts if wbtxt not in p] or parts
                mid = max(1, len(pitch) // 2)
                chunks = [" ".join(pitch[:mid]), " ".join(pitch[mid:]), wbtxt]
                chunks = [c for c in chunks if c.strip()]
                self.pending = [(target, c) for c in chunks]
                text = self.pending[0][1]
        text = self.length_ok(text)
        if EVADE and not self.pending and tac != "groups":
            # the reader is public: an attacker tries its copy first and re-spells the way back
            for _ in range(WB_N[self.lang] * 2):
                if not read_contacts(text)[0]:
                    break
                self.wb_k += 1
                if tac != "split":
                    text = self.length_ok(self.compose(tac, r.choice(NAMES)))
                else:
                    break
        elif EVADE and tac == "groups":
            for _ in range(WB_N[self.lang] * 2):
                if not read_contacts(text)[0]:
                    break
                self.wb_k += 1
                text = self.length_ok(self.compose("groups", ""))
        d = w.send(self.name(), recips, text, conversation=conv)
        self.sends += 1
        if d.allowed:
            self.allowed += 1
            self.nr = 0
            self.reached.update(recips)
            self.wb_used[getattr(self, "cur_wb", "?")] += 1
            if self.pending:
                self.pending.pop(0)
            if self.pending:
                w.at(now + r.uniform(3, 15), self.act)
                return
            gap = r.uniform(73 * 60, 80 * 60) if self.tactic == "slow" or tac == "slow" else r.uniform(20, 90)
            w.at(now + gap, self.act)
            return
        self.codes[d.code] += 1
        if self.pending:
            pass  # retry the part after the wait, or adapt it
        if d.retry_after:
            w.at(now + float(d.retry_after) + 1 + r.uniform(0, 30), self.act)
            return
        # refused with no wait: change what is sent, stop after repeated refusals
        self.nr += 1
        self.wb_k += 1
        self.base_i = (self.base_i + 1) % len(self.fam["bases"])
        self.templates = None
        self.K = max(2, self.K)
        self.group_size = max(2, self.group_size // 2)
        self.pending = []
        if self.nr >= 4:
            self.stopped = True
            return
        w.at(now + r.uniform(60, 600), self.act)


# ------------------------------------------------------------------ ham
class Ham:
    def __init__(self, w, n_ham, rng):
        self.w, self.rng = w, rng
        self.users = [f"h{i}" for i in range(n_ham)]
        langs = list(HAM)
        weights = [3, 3, 1, 2, 2, 1, 1, 1, 1, 1, 1]
        self.lang = {u: rng.choices(langs, weights)[0] for u in self.users}
        self.friends = defaultdict(set)
        g = w.graph
        by_lang = defaultdict(list)
        for u in self.users:
            by_lang[self.lang[u]].append(u)
        for u in self.users:
            pool = by_lang[self.lang[u]] if rng.random() < 0.85 else self.users
            for f in rng.sample(pool, min(len(pool) - 1, rng.randint(6, 30))):
                if f != u:
                    self.friends[u].add(f)
                    self.friends[f].add(u)
        for u in self.users:
            for f in self.friends[u]:
                g.follow(u, f)
                if rng.random() < 0.8:  # earlier conversations
                    g.record_message(u, f)
        self.refused = {}  # user -> (kind, rule)
        self.cooled = set()
        self.kind_refusals = Counter()
        self.sends = Counter()
        self.fp_examples = []

    def num(self, u):
        r = random.Random(hash(u) & 0xffffffff)
        return fmt_num(r, make_ident(r, LANG_COUNTRY[self.lang[u]]))

    def send(self, u, recips, text, kind, conversation=None, measure=True):
        d = self.w.send(u, recips, text[:140], conversation=conversation)
        if measure:
            self.sends[kind] += 1
        if not d.allowed and measure:
            rules = [x.rule for x in d.reasons]
            spam = [x for x in rules if x not in NOT_SPAM_RULES]
            if spam:
                self.refused.setdefault(u, (kind, spam[0]))
                self.kind_refusals[(kind, spam[0])] += 1
                if len(self.fp_examples) < 12:
                    self.fp_examples.append((u, kind, spam[0], text[:90]))
            if verdict(d) == "cooldown":
                self.cooled.add(u)
        return d

    def schedule(self):
        r, w = self.rng, self.w
        for u in self.users:
            fr = sorted(self.friends[u])
            for _ in range(r.randint(2, 6)):
                f = r.choice(fr)
                w.at(T0 + r.uniform(0, DAY - 3600), lambda u=u, f=f: self.chat(u, f, r.randint(2, 8)))
            x = r.random()
            if x < 0.25 and len(fr) >= 3:
                w.at(T0 + r.uniform(0, DAY - 3600), lambda u=u: self.group(u))
            if r.random() < 0.12 and len(fr) >= 10:
                w.at(T0 + r.uniform(0, DAY - 3600), lambda u=u: self.burst(u))
            if r.random() < 0.15:
                w.at(T0 + r.uniform(0, DAY - 3600), lambda u=u: self.share(u))
            if r.random() < 0.05:
                w.at(T0 + r.uniform(0, DAY - 7200), lambda u=u: self.seller(u))

    def line(self, u, key, name=""):
        return self.rng.choice(HAM[self.lang[u]][key]).format(name=name or self.rng.choice(NAMES), num=self.num(u))

    def chat(self, a, b, turns):
        if turns <= 0:
            return
        self.send(a, [b], self.line(a, "chat"), "chat")
        self.w.at(self.w.clock.now + self.rng.uniform(20, 900), lambda: self.chat(b, a, turns - 1))

    def group(self, u):
        r, w = self.rng, self.w
        members = r.sample(sorted(self.friends[u]), min(len(self.friends[u]), r.randint(3, 8)))
        conv = f"hg_{u}_{r.randrange(10**9)}"
        inv = InviteRequest(u, tuple(members), conv, ())
        d = w.engine.check_invite(inv)
        if not d.allowed:
            rules = [x.rule for x in d.reasons if x.rule not in NOT_SPAM_RULES]
            if rules:
                self.refused.setdefault(u, ("invite", rules[0]))
                self.kind_refusals[("invite", rules[0])] += 1
            return
        w.graph.record_invite(inv, w.clock.now)
        self.send(u, members, self.line(u, "group"), "group", conversation=conv)
        for m in r.sample(members, min(2, len(members))):
            others = [x for x in members if x != m] + [u]
            w.at(w.clock.now + r.uniform(30, 600),
                 lambda m=m, others=others: self.send(m, others, self.line(m, "chat"), "group-reply", conversation=conv))

    def burst(self, u):
        r, w = self.rng, self.w
        fr = sorted(self.friends[u])
        targets = r.sample(fr, min(len(fr), r.randint(10, 30)))
        tmpl = r.choice(HAM[self.lang[u]]["burst"])
        t = w.clock.now
        for f in targets:
            t += r.uniform(15, 90)
            w.at(t, lambda f=f: self.send(u, [f], tmpl.format(name=r.choice(NAMES)), "burst"))

    def share(self, u):
        r = self.rng
        for f in r.sample(sorted(self.friends[u]), min(2, r.randint(1, 2))):
            self.send(u, [f], self.line(u, "share"), "share")

    def seller(self, u):
        r, w = self.rng, self.w
        t = w.clock.now
        for i in range(r.randint(5, 15)):
            c = f"{u}_cust{i}"
            t += r.uniform(120, 1800)
            w.graph.follow(c, u)
            w.graph.follow(u, c)  # seller follows back so the customer can write
            self.lang.setdefault(c, self.lang[u])

            def ask(c=c):
                d = w.send(c, [u], r.choice(HAM[self.lang[u]]["ask"]))
                if d.allowed:
                    w.at(w.clock.now + r.uniform(60, 1200), lambda: self.send(u, [c], self.line(u, "seller", r.choice(NAMES)), "seller"))
            w.at(t, ask)


def measure(seed, per_tactic=20, n_ham=1000, evade=False):
    """One seed's run: (the spam senders, the ordinary users)."""
    global EVADE
    EVADE = evade
    w = World(seed)
    rng = random.Random(seed * 1000 + 7)
    fams = sorted(FAMILIES)
    spammers = []
    sid = 0
    for tac in TACTICS:
        for _ in range(per_tactic):
            s = Spammer(w, sid, tac, fams[(sid + seed) % len(fams)], random.Random(seed * 100003 + sid))
            spammers.append(s)
            w.at(T0 + rng.uniform(0, 3600), s.act)
            sid += 1
    ham = Ham(w, n_ham, random.Random(seed * 31 + 1))
    ham.schedule()
    w.run()
    return spammers, ham


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-tactic", type=int, default=20)
    ap.add_argument("--ham", type=int, default=1000)
    ap.add_argument("--json", default=None)
    ap.add_argument("--evade-reader", action="store_true",
                    help="spam senders re-spell their way back until read_contacts() reads nothing")
    a = ap.parse_args()
    t_start = time.time()
    spammers, ham = measure(a.seed, a.per_tactic, a.ham, a.evade_reader)
    out = {"seed": a.seed, "tactics": {}, "ham": {}}
    print(f"seed {a.seed}{' evade-reader' if EVADE else ''}  ({time.time() - t_start:.0f}s)")
    print(f"{'tactic':14} {'contained':>9} {'mean/day':>9} {'max':>5}   uncontained (family:wayback)")
    for tac in TACTICS:
        ss = [s for s in spammers if s.tactic == tac]
        reach = [len(s.reached) for s in ss]
        cont = sum(x <= 4 for x in reach) / len(ss)
        unc = [f"{s.fam_name}:{s.wb_used.most_common(1)[0][0] if s.wb_used else '-'}({len(s.reached)})" for s in ss if len(s.reached) > 4]
        out["tactics"][tac] = dict(contained=cont, mean=sum(reach) / len(ss), max=max(reach), uncontained=unc,
                                   codes=dict(sum((s.codes for s in ss), Counter())))
        print(f"{tac:14} {cont:9.0%} {sum(reach) / len(ss):9.1f} {max(reach):5d}   {' '.join(unc)}")
    hr = len(ham.refused)
    print(f"ham: refused by a spam rule {hr} of {a.ham}, cooled {len(ham.cooled)}; sends {dict(ham.sends)}")
    print(f"ham refusals by (kind, rule): {dict(ham.kind_refusals)}")
    for e in ham.fp_examples:
        print("   ", e)
    out["ham"] = dict(refused=hr, cooled=len(ham.cooled), kinds={f"{k[0]}/{k[1]}": v for k, v in ham.kind_refusals.items()},
                      examples=ham.fp_examples)
    if a.json:
        json.dump(out, open(a.json, "w"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
