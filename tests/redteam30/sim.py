"""Campaign simulator: spam senders per tactic + ordinary users, one engine, one virtual clock."""
import heapq
import random

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock

from .families import FAMILIES, corpus_template, load_corpus
from .spin import NAMES, fit, fold, personalise, spin
from .waysback import STYLES, make_ident

T0 = 1_800_000_000.0
DAY = 86400.0
TACTICS = ["folded", "personalised", "spun", "rotating", "groups", "split", "slow", "short", "mix"]
HAM_FREE_RULES = {"followers_only", "text", "group", "daily_quota"}
SUB = ["folded", "personalised", "spun", "rotating", "groups", "split", "short"]


def alnum(s):
    return sum(ch.isalnum() for ch in s)


class World:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.graph = MemoryGraph()
        self.clock = VirtualClock(T0)
        self.engine = Engine.from_file("default", storage="memory://", graph=self.graph, clock=self.clock)
        self.heap = []
        self.seq = 0
        self.spam_corpus, self.ham_corpus = load_corpus()
        self.spam_corpus = [s for s in self.spam_corpus if len(s) > 40]
        self.gid = 0

    def schedule(self, t, actor):
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, actor))

    def send(self, sender, recipients, text, conversation=None, actor=None):
        req = SendRequest(sender, tuple(recipients), text, conversation=conversation)
        d = self.engine.check(req)
        if d.allowed:
            for r in recipients:
                self.graph.record_message(sender, r)
            if actor is not None and actor.carries(text):
                actor.armed.update(recipients)
        return d

    def new_group(self, owner):
        self.gid += 1
        g = f"grp{self.gid}"
        self.graph.start_conversation(g, owner, self.clock.now)
        return g

    def run(self, until):
        while self.heap:
            t, _, actor = heapq.heappop(self.heap)
            if t > until:
                break
            if t > self.clock.now:
                self.clock.now = t
            nxt = actor.step(self)
            if nxt is not None and nxt <= until:
                self.schedule(nxt, actor)


# ---------------------------------------------------------------- spam
class Spammer:
    def __init__(self, w, sid, tactic, rng, pool=None, label=None):
        self.w, self.id, self.tactic, self.rng = w, f"spam{sid}", tactic, rng
        self.label = label or tactic
        self.ident = make_ident(rng)
        self.sig = self.ident["name"]
        self.source = "corpus" if sid % 2 == 0 else "family"
        if self.source == "corpus":
            self.family = "corpus"
            bases = [corpus_template(rng.choice(w.spam_corpus)) for _ in range(3)]
        else:
            self.family = rng.choice(sorted(FAMILIES))
            bases = list(FAMILIES[self.family])
        self.base = rng.choice(bases)
        self.bases = bases
        # ways back: 2..5 spellings per sender, one drawn per copy
        pool = pool or STYLES
        self.styles = rng.sample(pool, min(len(pool), rng.randint(2, 5)))
        self.K = rng.randint(2, 200)
        self.templates = self._templates() if tactic in ("rotating", "mix") else None
        self.tcount = 0
        self.reached = set()
        self.refusals = 0
        self.consec = 0
        self.codes = {}
        self.start = None
        self.group_size = rng.randint(8, 19)
        self.slow_copies = 0
        self.kinds_dead = set()
        self.pending = []
        self.armed = set()
        self.last_wb = ''

    def _templates(self):
        r = self.rng
        pool = []
        if self.source == "corpus":
            for s in r.sample(self.w.spam_corpus, min(self.K, len(self.w.spam_corpus))):
                pool.append(corpus_template(s))
        else:
            fam = FAMILIES[self.family]
            allf = [t for v in FAMILIES.values() for t in v]
            for _k in range(self.K):
                b = r.choice(fam) if r.random() < 0.6 else r.choice(allf)
                pool.append(spin(b, r, 1.0))
        return pool

    def target(self):
        self.tcount += 1
        t = f"{self.id}_t{self.tcount}"
        self.w.graph.follow(t, self.id)
        return t

    def wb(self):
        st = self.rng.choice(self.styles)
        return st[2](self.ident, self.rng)

    def compose(self, body, mode, name, wb=None):
        r = self.rng
        wb = self.wb() if wb is None else wb
        self.last_wb = wb
        if mode == "folded":
            t = fold(body, r)
        elif mode == "personalised":
            t = personalise(body, r, name, self.sig)
        else:  # spun, rotating, groups, split, slow: spun + often personalised + folded a bit
            t = spin(body, r)
            if r.random() < 0.6 and name:
                t = personalise(t, r, name, self.sig)
            if r.random() < 0.3:
                t = fold(t, r, 0.15)
        room = 140 - len(wb) - 1
        if "{W}" in t:
            head, _, tail = t.partition("{W}")
            head = fit(head, max(10, room - len(tail)))
            out = (head + wb + tail)
        else:
            out = fit(t, room) + " " + wb
        return fit(out, 140)

    def carries(self, text):
        toks = [t for t in self.last_wb.split() if len(t) >= 3]
        return (bool(toks) and any(t in text for t in toks)) or (self.last_wb and self.last_wb in text)

    def refused(self, d):
        self.refusals += 1
        self.consec += 1
        code = d.code or "?"
        self.codes[code] = self.codes.get(code, 0) + 1
        if self.consec >= 8:
            return None
        if d.retry_after:
            return self.w.clock.now + d.retry_after + self.rng.uniform(5, 120)
        # no wait lifts it: give up that kind of message, try another kind later
        return "giveup"

    def ok(self, recips):
        self.consec = 0
        self.reached.update(recips)

    def step(self, w):
        now = w.clock.now
        if self.start is None:
            self.start = now
        if now - self.start >= DAY:
            return None
        if self.pending:
            t, p = self.pending.pop(0)
            d = w.send(self.id, [t], p, actor=self)
            if d.allowed:
                self.ok([t])
                return w.clock.now + self.rng.uniform(40, 240)
            nxt = self.refused(d)
            return None if nxt is None else (w.clock.now + 600 if nxt == "giveup" else nxt)
        mode = self.tactic
        if mode == "mix":
            alive = [m for m in SUB if m not in self.kinds_dead]
            if not alive:
                return None
            mode = self.rng.choice(alive)
        name = self.rng.choice(NAMES)
        gap = self.rng.uniform(40, 240)
        r = self.rng
        if mode in ("folded", "personalised", "spun"):
            t = self.target()
            d = w.send(self.id, [t], self.compose(self.base, mode, name), actor=self)
            res = [t] if d.allowed else None
        elif mode == "rotating":
            tpl = self.templates[self.tcount % len(self.templates)]
            t = self.target()
            d = w.send(self.id, [t], self.compose(tpl, "rotating", name), actor=self)
            res = [t] if d.allowed else None
        elif mode == "groups":
            members = [self.target() for _ in range(self.group_size)]
            g = w.new_group(self.id)
            d = w.send(self.id, members, self.compose(self.base, "groups", ""), conversation=g, actor=self)
            res = members if d.allowed else None
            if not d.allowed and self.group_size > 2:
                self.group_size = max(2, self.group_size // 2)  # adapt: smaller groups
        elif mode == "split":
            t = self.target()
            full = self.compose(self.base, "spun", name)
            words = full.split()
            k = max(1, len(words) // 2)
            parts = [" ".join(words[:k]), " ".join(words[k:])] if len(words) > 1 else [full]
            d = w.send(self.id, [t], parts[0], actor=self)
            res = [t] if d.allowed else None
            if d.allowed and len(parts) > 1:
                self.pending.append((t, parts[1]))
                self.ok(res)
                return w.clock.now + r.uniform(5, 30)
        elif mode == "slow":
            # read the rules: 12 strangers / 6h, 20 / day, a way back to 4 strangers a day.
            gap = 75 * 60 + r.uniform(0, 300)
            t = self.target()
            text = self.compose(self.base, "spun", name)
            d = w.send(self.id, [t], text, actor=self)
            res = [t] if d.allowed else None
            if d.allowed:
                self.slow_copies += 1
        elif mode == "short":
            t = self.target()
            for _ in range(30):
                wb = self.last_wb = self.wb()
                pre = r.choice(["", f"hey {name} ", "hi ", "yo ", f"{name}! ", "psst ", ""])
                post = r.choice(["", " 😘", " 🔥", " xx", "!", " ;)", " pls"])
                text = (pre + r.choice(["", "add ", "pics ", "dm ", "$$ ", "job "]) + wb + post).strip()
                if 8 <= alnum(text) < 32:
                    break
            else:
                text = fit(f"{pre}{self.ident['handle']}", 40)
            d = w.send(self.id, [t], text, actor=self)
            res = [t] if d.allowed else None
        if res is not None and d.allowed:
            self.ok(res)
            return w.clock.now + gap
        if d is None or d.allowed:
            return w.clock.now + gap
        nxt = self.refused(d)
        if nxt is None:
            return None
        if nxt == "giveup":
            if self.tactic == "mix":
                self.kinds_dead.add(mode)
                return w.clock.now + gap
            if self.tactic == "rotating" and len(self.templates) > 1:
                self.templates.pop(self.tcount % len(self.templates))
                return w.clock.now + gap
            if self.tactic == "groups" and self.group_size > 2:
                return w.clock.now + gap
            return None
        return nxt


# ---------------------------------------------------------------- ham
HAM_SHARE = ["my new number is {p}, save it", "text me on {p} when you land", "this is my work cell {p}",
             "add me on insta, it's {h}", "my snap is {h} btw", "here's the link to the photos {u}",
             "the form is at {u}", "email me at {e} with the details", "call me on {p} if the door is locked",
             "whatsapp me {p}, my data is off"]
HAM_ORG = ["Party at mine Saturday from 8, bring something to drink!", "Book club moved to Thursday 7pm, same place",
           "Reminder: football practice tomorrow 6pm at the usual pitch", "Who's in for drinks after work Friday?",
           "Bake sale at school on Monday, please bring a cake if you can",
           "Hey everyone, Sara's surprise birthday is Sunday at 3. Don't tell her!"]
HAM_BURST = ["Happy new year!! 🎉", "Merry Christmas and all the best x", "Thanks so much for the birthday wishes!",
             "Landed safely, thanks everyone", "We had the baby!! 3.4kg, both doing great"]
HAM_SELL = ["Yes still available, {price} and you can pick up tomorrow. Call {p}", "Hi, it's {price}, cash on collection. {p}",
            "Still got it! {price}. More pics here {u}", "{price} firm, I'm at {p} after 6"]
HAM_CREATOR = ["thank you so much for the follow!!", "thanks for following, means a lot 🙏",
               "appreciate the support, have a great day", "welcome! glad you found my page", "thanks for the follow :)"]
HAM_NEWUSER = ["hi, new here, you're the only one I know on this app lol", "hey is this your account? it's Tom from work",
               "hello! finally joined, what do people do here"]


class Ham:
    def __init__(self, w, i, rng):
        self.w, self.id, self.rng = w, f"ham{i}", rng
        self.friends = []
        self.kind = rng.choices(["chatter", "organiser", "sharer", "seller", "burst", "creator", "newuser"],
                                [55, 10, 10, 6, 10, 5, 4])[0]
        self.actions = rng.randint(6, 30)
        self.refused_spam = False
        self.cooled = False
        self.codes = {}
        self.buyers = []
        self.fans = []
        self.p = f"07{rng.randint(100000000, 999999999)}"
        self.h = f"{rng.choice(['tom', 'ana', 'jo', 'sam', 'lee'])}_{rng.randint(1, 999)}"
        self.u = rng.choice(["https://photos.app.goo.gl/", "https://forms.gle/", "https://drive.google.com/"]) + str(rng.randint(10000, 99999))
        self.e = f"{self.h}@gmail.com"
        self.pending = []

    def note(self, d):
        if d.allowed:
            return
        rules = {x.rule for x in d.reasons}
        for x in d.reasons:
            self.codes[x.rule] = self.codes.get(x.rule, 0) + 1
        if rules - HAM_FREE_RULES:
            self.refused_spam = True
        if d.verdict.value == "cooldown":
            self.cooled = True

    def text(self):
        return fit(self.rng.choice(self.w.ham_corpus), 140)

    def fill(self, s):
        return s.format(p=self.p, h=self.h, u=self.u, e=self.e, price=f"£{self.rng.randint(5, 300)}")

    def plan(self, w):
        """One activity: a list of (delay before, sender, recipients, text, conversation, noted)."""
        r = self.rng
        k = self.kind
        P = []
        if (k == "chatter" or r.random() < 0.5) and self.friends:
            f = r.choice(self.friends)
            for _ in range(r.randint(1, 4)):
                P.append((r.uniform(10, 300), self.id, [f], self.text(), None, True))
                P.append((r.uniform(10, 300), f, [self.id], self.text(), None, False))
        elif k == "organiser":
            fr = r.sample(self.friends, min(len(self.friends), r.randint(3, 12)))
            msg = r.choice(HAM_ORG)
            if r.random() < 0.5:
                g = ("NEWGROUP",)
                P.append((0, self.id, fr[:19], msg, g, True))
            else:
                for f in fr:
                    P.append((r.uniform(5, 60), self.id, [f], msg if r.random() < 0.7 else f"Hi! {msg}", None, True))
        elif k == "sharer":
            for f in r.sample(self.friends, min(len(self.friends), r.randint(1, 2))):
                P.append((r.uniform(5, 60), self.id, [f], self.fill(r.choice(HAM_SHARE)), None, True))
        elif k in ("seller", "seller_commenters"):
            for b in r.sample(self.buyers, min(len(self.buyers), r.randint(2, 8))):
                if k == "seller_commenters":  # they asked in a public comment; the seller answers by DM
                    P.append((r.uniform(30, 600), self.id, [b], self.fill(r.choice(HAM_SELL)), None, True))
                    continue
                P.append((r.uniform(30, 600), b, [self.id], r.choice(["Hi, is this still available?", "how much for the bike?",
                          "Interested! where are you based", "is the sofa still for sale?"]), None, False))
                P.append((r.uniform(30, 600), self.id, [b], self.fill(r.choice(HAM_SELL)), None, True))
        elif k == "burst":
            msg = r.choice(HAM_BURST)
            for f in r.sample(self.friends, min(len(self.friends), r.randint(5, 20))):
                P.append((r.uniform(3, 40), self.id, [f], msg, None, True))
            self.actions -= 5
        elif k == "creator":
            for fan in self.fans[:r.randint(1, 3)]:
                P.append((r.uniform(20, 600), self.id, [fan], r.choice(HAM_CREATOR), None, True))
            self.fans = self.fans[3:]
        elif k == "newuser":
            for f in self.friends[:2]:
                P.append((r.uniform(20, 600), self.id, [f], r.choice(HAM_NEWUSER), None, True))
        return P

    def step(self, w):
        r = self.rng
        if not self.pending:
            self.actions -= 1
            if self.actions < 0:
                return None
            self.pending = self.plan(w)
            if not self.pending:
                return w.clock.now + r.expovariate(1 / 2400)
        _, snd, rec, text, conv, noted = self.pending.pop(0)
        if conv is not None:
            conv = w.new_group(snd)
        d = w.send(snd, rec, text, conversation=conv)
        if noted:
            self.note(d)
        if self.pending:
            return w.clock.now + self.pending[0][0]
        return w.clock.now + r.expovariate(1 / 2400)


def build_ham(w, n, rng):
    hams = [Ham(w, i, random.Random(rng.random())) for i in range(n)]
    for h in hams:
        k = rng.randint(4, 25) if h.kind != "newuser" else 2
        for f in rng.sample(hams, k):
            if f is h or f.id in h.friends:
                continue
            w.graph.follow(h.id, f.id)
            w.graph.follow(f.id, h.id)
            h.friends.append(f.id)
            f.friends.append(h.id)
            if rng.random() < 0.6:
                w.graph.record_message(h.id, f.id)
                w.graph.record_message(f.id, h.id)
    for h in hams:
        if h.kind == "seller":
            h.follows_buyers = rng.random() < 0.5
            if not h.follows_buyers:
                h.kind = "seller_commenters"
            for j in range(rng.randint(10, 40)):
                b = f"{h.id}_buyer{j}"
                w.graph.follow(b, h.id)
                h.buyers.append(b)
                if h.follows_buyers:
                    w.graph.follow(h.id, b)
        if h.kind == "creator":
            for j in range(rng.randint(5, 30)):
                fan = f"{h.id}_fan{j}"
                w.graph.follow(fan, h.id)
                h.fans.append(fan)
    return hams


def run_seed(seed, per_tactic=20, n_ham=1000, tactics=TACTICS, extra=()):
    w = World(seed)
    rng = random.Random(seed * 7919)
    spammers = []
    sid = 0
    for tac in tactics:
        for _j in range(per_tactic):
            s = Spammer(w, sid, tac, random.Random(rng.random()))
            spammers.append(s)
            w.schedule(T0 + rng.uniform(0, 3600), s)
            sid += 1
    for label, tac, pool in extra:
        for _j in range(per_tactic):
            s = Spammer(w, sid, tac, random.Random(rng.random()), pool=pool, label=label)
            spammers.append(s)
            w.schedule(T0 + rng.uniform(0, 3600), s)
            sid += 1
    hams = build_ham(w, n_ham, rng)
    for h in hams:
        w.schedule(T0 + rng.uniform(0, 20 * 3600), h)
    w.run(T0 + 2 * DAY)
    return spammers, hams
