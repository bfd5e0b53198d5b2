"""Round 35: ordinary users only, blind: how people use direct messages in 2026.

python -m tests.redteam35.run --seed N [--users 2000] [--days 2]

A Twitter-like platform where you may only write to people who follow you. 17 kinds of
ordinary user over 2 simulated days (31 December and 1 January, each user in a time zone of
their own): friends chatting both ways, bursts, new numbers and handles, links, invitations,
midnight greetings, birthdays, group chats, small businesses, creators, recruiters, parents'
reps, landlords, marketplace sellers, new users, other languages, numbers. Passive accounts
(customers, fans, candidates, parents, tenants, buyers, followers) write first or reply; their
refusals are counted on a row of their own. Prints per kind the users refused by a spam rule
(any rule but followers_only, text, group and daily_quota), ever cooled down, and up to 5
refused texts with the rule that refused them.
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass, field

from policy import Engine, InviteRequest, MemoryGraph, SendRequest
from policy.clock import VirtualClock

from . import gen

NOT_SPAM_RULES = frozenset({"followers_only", "text", "group", "daily_quota"})
START = 1_798_675_200.0  # 2026-12-31 00:00 UTC
DAY = 86_400.0
Actor = Generator[float, None, None]

KINDS = (("chatter", 14), ("burst", 6), ("new_contact", 6), ("link_sharer", 8),
         ("event_inviter", 7), ("greeter", 8), ("birthday", 4), ("groupchat", 8),
         ("business", 5), ("creator", 5), ("recruiter", 3), ("parent_rep", 5), ("landlord", 3),
         ("seller", 6), ("newcomer", 5), ("multilingual", 8), ("numbers", 6))
PASSIVE = "passive"
TZ = (-8, -6, -5, -5, -3, 0, 0, 0, 1, 1, 2, 3, 4, 5, 5, 7, 8, 9)


@dataclass
class KindStats:
    users: int = 0
    sends: int = 0
    refused: set[str] = field(default_factory=set)
    cooled: set[str] = field(default_factory=set)
    rules: Counter[str] = field(default_factory=Counter)
    platform: Counter[str] = field(default_factory=Counter)  # not-spam rules (a sim bug if any)
    examples: list[str] = field(default_factory=list)  # what a rule refused first
    after: list[str] = field(default_factory=list)     # what was refused during a cooldown
    seen: set[str] = field(default_factory=set)


def wait_of(d) -> float | None:
    if d.verdict.value == "cooldown":
        waits = [r.retry_after for r in d.reasons if r.retry_after and r.verdict.value == "cooldown"]
        return max(waits, default=d.retry_after)
    return d.retry_after


class World:
    def __init__(self, seed: int, n: int, days: int) -> None:
        self.rng = random.Random(f"r35/{seed}/world")
        self.clock = VirtualClock(START)
        self.graph = MemoryGraph()
        self.engine = Engine.from_file("default", graph=self.graph, clock=self.clock)
        self.queue: list[tuple[float, int, Actor]] = []
        self.seq = 0
        self.days = days
        self.end = START + days * DAY
        self.ham = gen.load_ham()
        self.wrote: set[tuple[str, str]] = set()   # (author, reader), mirrors the graph
        self.fol: set[tuple[str, str]] = set()     # (follower, followee), mirrors the graph
        self.hold: dict[str, float] = {}           # the end of a user's cooldown, as the client knows it
        rng = self.rng
        self.active = [f"a{i}" for i in range(n)]
        self.passive: list[str] = []  # customers, fans, candidates...: created as needed
        self.seed = seed
        self.kind: dict[str, str] = {}
        names = [k for k, _ in KINDS]
        weights = [w for _, w in KINDS]
        for u in self.active:
            self.kind[u] = rng.choices(names, weights)[0]
        self.name = {u: gen.NAMES[gen.stable(u + str(seed)) % len(gen.NAMES)] for u in self.active}
        self.tz = {u: TZ[gen.stable("tz" + u + str(seed)) % len(TZ)] for u in self.active}
        self.lang = {u: gen.LANGS[gen.stable("lang" + u) % len(gen.LANGS)] for u in self.active}
        self.stats = {k: KindStats() for k in [*names, PASSIVE]}
        for u in self.active:
            self.stats[self.kind[u]].users += 1
        # close friends: mutual, with a history of messages both ways (none for new users)
        self.close: dict[str, set[str]] = {u: set() for u in self.active}
        self.loose: dict[str, set[str]] = {u: set() for u in self.active}
        self.fans: dict[str, list[str]] = {u: [] for u in self.active}
        for u in self.active:
            for v in rng.sample(self.active, rng.randint(3, 8)):
                if v != u:
                    self.close[u].add(v)
                    self.close[v].add(u)
        for u in self.active:
            for v in self.close[u]:
                self.follow(u, v)
                if self.kind[u] != "newcomer" and self.kind[v] != "newcomer":
                    self.history(u, v)
            # mutual follows who never wrote (people you know, never DM'd)
            k = rng.randint(2, 6) if self.kind[u] == "newcomer" else rng.randint(10, 40)
            for v in rng.sample(self.active, k // 2) + [self.fresh() for _ in range(k - k // 2)]:
                if v != u and v not in self.close[u]:
                    self.follow(u, v)
                    self.follow(v, u)
                    self.loose[u].add(v)
                    if v in self.loose:
                        self.loose[v].add(u)
            # followers not followed back
            for _ in range(rng.randint(3, 25)):
                p = self.fresh()
                self.follow(p, u)
                self.fans[u].append(p)

    # ---- the graph ---------------------------------------------------------------------------

    def follow(self, a: str, b: str) -> None:
        if (a, b) not in self.fol:
            self.fol.add((a, b))
            self.graph.follow(a, b)

    def history(self, a: str, b: str) -> None:
        for x, y in ((a, b), (b, a)):
            if (x, y) not in self.wrote:
                self.wrote.add((x, y))
                self.graph.record_message(x, y)

    def can_write(self, a: str, b: str) -> bool:
        return (b, a) in self.fol

    def relation(self, sender: str, r: str) -> str:
        if (r, sender) in self.wrote:
            return "wrote"
        return "followed" if (sender, r) in self.fol else "stranger"

    def fresh(self) -> str:
        p = f"p{len(self.passive)}"
        self.passive.append(p)
        self.kind[p] = PASSIVE
        self.name[p] = gen.NAMES[gen.stable(p + str(self.seed)) % len(gen.NAMES)]
        self.tz[p] = TZ[gen.stable("tz" + p + str(self.seed)) % len(TZ)]
        return p

    # ---- time ---------------------------------------------------------------------------------

    def at(self, t: float, actor: Actor) -> None:
        self.seq += 1
        heapq.heappush(self.queue, (t, self.seq, actor))

    def local(self, u: str, day: int, hour: float) -> float:
        return START + day * DAY + (hour - self.tz[u]) * 3600

    def waking(self, u: str, day: int, lo: float = 8.0, hi: float = 23.5) -> float:
        return self.local(u, day, self.rng.uniform(lo, hi))

    def reply_delay(self) -> float:
        return min(self.rng.lognormvariate(math.log(150), 1.3), 5 * 3600)

    def run(self) -> None:
        while self.queue:
            t, _, actor = heapq.heappop(self.queue)
            if t > self.end:
                continue
            self.clock.now = max(t, self.clock.now)
            try:
                delay = next(actor)
            except StopIteration:
                continue
            self.at(self.clock.now + max(delay, 0.001), actor)

    # ---- sending ------------------------------------------------------------------------------

    def send(self, u: str, rcpts: tuple[str, ...], text: str, conv: str | None = None):
        d = self.engine.check(SendRequest(u, rcpts, text, conversation=conv))
        st = self.stats[self.kind[u]]
        st.sends += 1
        if d.allowed:
            for r in rcpts:
                if (u, r) not in self.wrote:
                    self.wrote.add((u, r))
                self.graph.record_message(u, r)
            return d
        rules = [r.rule for r in d.reasons]
        spam = [r for r in rules if r not in NOT_SPAM_RULES]
        if spam and len(spam) == len(rules):
            st.refused.add(u)
            st.rules[spam[0]] += 1
            rel = Counter(self.relation(u, r) for r in rcpts)
            relation = "+".join(f"{v} {k}" for k, v in sorted(rel.items()))
            key = f"{spam[0]}|{text}"
            if key not in st.seen:
                st.seen.add(key)
                (st.after if spam[0] == "spam_cooldown" else st.examples).append(f"[{spam[0]}/{d.code}, {d.verdict.value}, to {relation}"
                                   f"{', group' if conv else ''}] {text!r}")
        else:
            st.platform["+".join(rules)] += 1
        if d.verdict.value == "cooldown":
            st.cooled.add(u)
        return d

    def say(self, u: str, rcpts: tuple[str, ...], text: str,
            conv: str | None = None) -> Generator[float, None, bool]:
        """Send; if refused with a wait of up to an hour, wait it out once and retry."""
        rcpts = tuple(r for r in rcpts if self.can_write(u, r)) if conv else rcpts
        if not rcpts:
            return False
        while self.hold.get(u, 0.0) > self.clock.now:  # the client shows the cooldown
            yield self.hold[u] - self.clock.now + self.rng.uniform(5, 120)
        d = self.send(u, rcpts, text, conv)
        if d.allowed:
            return True
        w = wait_of(d)
        if d.verdict.value == "cooldown" and w:
            self.hold[u] = self.clock.now + w
        if w and w <= 3600:
            yield w + self.rng.uniform(5, 120)
            return self.send(u, rcpts, text, conv).allowed
        return False

    def line(self, u: str) -> str:
        rng, kind = self.rng, self.kind.get(u)
        if kind == "multilingual" and rng.random() < 0.75:
            return gen.lang_text(rng, self.lang[u])
        if kind == "numbers" and rng.random() < 0.6:
            return gen.numbers_text(rng)
        return gen.chat(rng, self.ham)

    def thread(self, a: str, b: str, opener: str | None = None, turns: int = 3, p: float = 0.8,
               answers: tuple[str, ...] = (), burst: bool = False) -> Actor:
        """a writes to b; b answers with probability p if b may write to a; and so on."""
        rng = self.rng
        speaker, other = a, b
        for t in range(turns):
            n = rng.randint(6, 25) if burst else rng.choice((1, 1, 1, 2, 2, 3))
            for i in range(n):
                if t == 0 and i == 0 and opener:
                    text = opener
                elif t == 1 and i == 0 and answers:
                    text = rng.choice(answers)
                elif burst:
                    text = gen.burst_line(rng, self.ham)
                else:
                    text = self.line(speaker)
                ok = yield from self.say(speaker, (other,), text)
                if not ok:
                    return
                yield rng.uniform(2, 10) if burst else rng.uniform(4, 45)
            if not self.can_write(other, speaker) or rng.random() > p:
                return
            yield rng.uniform(5, 60) if burst else self.reply_delay()
            speaker, other = other, speaker
            p *= 0.85

    def fanout(self, u: str, rcpts: list[str], text_for, p: float, gap: tuple[float, float],
               answers: tuple[str, ...] = ()) -> Actor:
        """The same (or nearly the same) words to several people, one at a time."""
        for r in rcpts:
            text = text_for(r)
            ok = yield from self.say(u, (r,), text)
            if ok and self.can_write(r, u) and self.rng.random() < p:
                self.at(self.clock.now + self.reply_delay(),
                        self.thread(r, u, self.rng.choice(answers) if answers else None,
                                    self.rng.randint(1, 3), 0.6))
            yield self.rng.uniform(*gap)

    def write_first(self, a: str, u: str, text: str, answer, p: float = 0.9) -> Actor:
        """a writes to u first; u answers (answer(a) gives u's text) after a while."""
        ok = yield from self.say(a, (u,), text)
        if not ok or not self.can_write(u, a) or self.rng.random() > p:
            return
        yield self.reply_delay()
        ok = yield from self.say(u, (a,), answer(a))
        if ok and self.rng.random() < 0.5:
            yield self.reply_delay()
            yield from self.thread(a, u, None, self.rng.randint(1, 3), 0.6)

    # ---- the kinds ------------------------------------------------------------------------------

    def schedule(self) -> None:
        for u in self.active:
            kind = self.kind[u]
            urng = random.Random(f"{self.rng.random()}")
            for day in range(self.days):
                sessions = urng.randint(3, 8) if kind == "chatter" else urng.randint(1, 3)
                for _ in range(sessions):
                    friends = sorted(self.close[u]) or sorted(self.loose[u])
                    if friends:
                        self.at(self.waking(u, day),
                                self.thread(u, urng.choice(friends), None, urng.randint(2, 8),
                                            urng.uniform(0.7, 0.95)))
            getattr(self, "k_" + kind)(u, urng)

    def mix(self, u: str, rng: random.Random, n: int, close: float, loose: float) -> list[str]:
        """Up to n people who follow u: close friends (history both ways), people u follows who
        never wrote, and followers u does not follow back, in the given shares; the close
        friends u has too few of are made up from the second (the whole list is shorter when u
        knows too few)."""
        c = sorted(self.close[u])
        lo = sorted(self.loose[u])
        f = list(self.fans[u])
        nf = min(len(f), round(n * (1 - close - loose)))
        nc = min(len(c), round(n * close))
        nl = min(len(lo), n - nc - nf)
        out = rng.sample(c, nc) + rng.sample(lo, nl) + rng.sample(f, nf)
        rng.shuffle(out)
        return out

    def k_chatter(self, u: str, rng: random.Random) -> None:
        pass  # the base sessions, more of them

    def k_burst(self, u: str, rng: random.Random) -> None:
        for day in range(self.days):
            for _ in range(rng.randint(2, 4)):
                f = rng.choice(sorted(self.close[u]))
                self.at(self.waking(u, day), self.thread(u, f, None, rng.randint(2, 5), 0.9,
                                                         burst=True))
            # "hahaha" to the few friends who sent them the same meme
            fr = rng.sample(sorted(self.close[u]), min(len(self.close[u]), rng.randint(3, 7)))
            self.at(self.waking(u, day), self.fanout(u, fr, lambda r: rng.choice(gen.REACTIONS),
                                                     0.6, (5, 60)))

    def k_new_contact(self, u: str, rng: random.Random) -> None:
        text = gen.new_contact(rng, self.name[u])
        rc = self.mix(u, rng, rng.randint(10, 35), 0.5, 0.5)
        self.at(self.waking(u, 0, 9, 21), self.fanout(
            u, rc, lambda r: text, 0.6, (15, 180),
            ("saved! 👍", "got it, thanks", "ok cool", "saved x", "thanks for letting me know")))

    def k_link_sharer(self, u: str, rng: random.Random) -> None:
        for day in range(self.days):
            for _ in range(rng.randint(3, 8)):
                f = rng.choice(sorted(self.close[u]))
                self.at(self.waking(u, day), self.thread(u, f, gen.share(rng), rng.randint(1, 4), 0.8))
            # the same link to several friends
            text = gen.share(rng)
            rc = self.mix(u, rng, rng.randint(3, 8), 0.7, 0.3)
            self.at(self.waking(u, day), self.fanout(u, rc, lambda r, text=text: text, 0.6, (10, 120),
                                                     ("😂😂", "omg", "love this", "haha")))
        # splitting the bill with the people who were at dinner
        bill = gen.split_bill(rng, gen.handle(rng))
        rc = rng.sample(sorted(self.close[u]), min(len(self.close[u]), rng.randint(2, 5)))
        self.at(self.waking(u, rng.randrange(self.days)), self.fanout(
            u, rc, lambda r: bill, 0.7, (5, 60), ("sent!", "done 👍", "will do tonight")))

    def k_event_inviter(self, u: str, rng: random.Random) -> None:
        text = gen.event_invite(rng, self.name[u])
        rc = self.mix(u, rng, rng.randint(5, 30), 0.5, 0.35)
        self.at(self.waking(u, 0, 10, 20), self.fanout(
            u, rc, lambda r: text, 0.55, (20, 300),
            ("I'm in!!", "can't make it sorry 😢", "yes! what should I bring?", "maybe, will confirm",
             "count me in")))

    def k_greeter(self, u: str, rng: random.Random) -> None:
        named = rng.random() < 0.4
        style = random.Random(f"{u}/greet").random()  # one wording, the name changed or not
        rc = self.mix(u, rng, rng.randint(20, 40), 0.45, 0.45)
        self.at(self.local(u, 1, rng.uniform(0.0, 0.3)), self.fanout(
            u, rc, lambda r: gen.greeting(random.Random(style), self.name[r] if named else None),
            0.7, (5, 40), ("happy new year!! 🥳", "HNY to you too ❤️", "you too!! 🎆")))

    def k_birthday(self, u: str, rng: random.Random) -> None:
        wishers = self.mix(u, rng, rng.randint(15, 40), 0.5, 0.5)
        for w in wishers:
            if self.can_write(w, u):
                hb = rng.choice(("happy birthday!! 🎂🎉", "HBD!!! have the best day",
                                 f"happy birthday {self.name[u]}! 🥳", "happy bday ❤️ drinks soon?"))
                self.at(self.waking(w, 0, 0.0, 20), self.write_first(
                    w, u, hb, lambda a: gen.thanks_for_wishes(rng), 0.95))

    def k_groupchat(self, u: str, rng: random.Random) -> None:
        members = rng.sample(sorted(self.close[u]), min(len(self.close[u]), rng.randint(3, 9)))
        self.at(self.waking(u, 0, 9, 14), self.group(u, members, rng))

    def group(self, u: str, members: list[str], rng: random.Random) -> Actor:
        conv = f"{u}.g"
        self.graph.start_conversation(conv, u, self.clock.now)
        inv = InviteRequest(u, tuple(members), conv, (u,))
        d = self.engine.check_invite(inv)
        if not d.allowed:
            self.stats[self.kind[u]].platform["invite:" + d.reasons[0].rule] += 1
            return
        self.graph.record_invite(inv, self.clock.now)
        everyone = [u, *members]
        invited = False
        yield from self.say(u, tuple(members), gen.group_opener(rng), conv)
        for j in range(rng.randint(15, 60)):
            yield rng.choice((rng.uniform(5, 120), rng.uniform(60, 1800)))
            m = rng.choice(everyone)
            rc = tuple(x for x in everyone if x != m)
            yield from self.say(m, rc, self.line(m) if rng.random() < 0.8
                                else rng.choice(gen.REACTIONS), conv)
            if not invited and j > 5 and rng.random() < 0.3:
                # a member invites some of their own followers
                invited = True
                inviter = rng.choice(members)
                own = [x for x in sorted(self.close.get(inviter, ())) + sorted(self.loose.get(inviter, ()))
                       if x not in everyone and self.can_write(inviter, x)][:rng.randint(1, 4)]
                if own and len(everyone) + len(own) <= 20:
                    inv = InviteRequest(inviter, tuple(own), conv, tuple(everyone))
                    d = self.engine.check_invite(inv)
                    if d.allowed:
                        self.graph.record_invite(inv, self.clock.now)
                        everyone += own
                        yield from self.say(inviter, tuple(x for x in everyone if x != inviter),
                                            "added " + ", ".join(self.name[x] for x in own) + " 👋", conv)
                    else:
                        rules = [r.rule for r in d.reasons]
                        st = self.stats[self.kind[inviter]]
                        if any(r not in NOT_SPAM_RULES for r in rules):
                            st.refused.add(inviter)
                            st.rules["invite:" + rules[0]] += 1
                            st.examples.append(f"[invite:{rules[0]}/{d.code}] invite {len(own)}")
                        else:
                            st.platform["invite:" + "+".join(rules)] += 1

    def followers(self, u: str, n: int, follow_back: float, wrote: float = 0.0) -> list[str]:
        """n new passive followers of u (customers, fans, candidates...)."""
        out = []
        for _ in range(n):
            p = self.fresh()
            if p == u or p in out:
                continue
            self.follow(p, u)
            if self.rng.random() < follow_back:
                self.follow(u, p)
            if self.rng.random() < wrote and (u, p) in self.fol:
                self.history(u, p)
            out.append(p)
        return out

    def k_business(self, u: str, rng: random.Random) -> None:
        biz = rng.choice(gen.BUSINESSES)[1]
        for day in range(self.days):
            # customers who are followed back write first
            for c in self.followers(u, rng.randint(4, 15), 1.0):
                q = rng.choice(("hi what are your opening hours?", "how much for a cake for 12?",
                                "where are you based?", "can I book for saturday?",
                                "do you deliver?", "hi! is my order ready?", "prices pls 🙏"))
                self.at(self.waking(c, day, 8, 21), self.write_first(
                    c, u, q, lambda a: gen.business_answer(rng, biz, self.name[a]), 0.95))
            # customers who asked under a post: followed first (60%) then written to, one wording a day
            fu = self.followers(u, rng.randint(2, 8), 0.6)
            tmpl = f"{u}/{day}/tmpl"
            self.at(self.waking(u, day, 9, 18), self.fanout(
                u, fu, lambda r, tmpl=tmpl: gen.business_followup(random.Random(tmpl), biz, self.name[r]),
                0.5, (30, 600), ("thanks! booked", "great thank you", "how much is delivery?")))

    def k_creator(self, u: str, rng: random.Random) -> None:
        for day in range(self.days):
            for f in self.followers(u, rng.randint(8, 30), 1.0):
                self.at(self.waking(f, day, 7, 23), self.write_first(
                    f, u, rng.choice(gen.FAN_NOTES), lambda a: gen.creator_reply(rng, self.name[a]), 0.8))

    def k_recruiter(self, u: str, rng: random.Random) -> None:
        firm = rng.choice(("Acme", "Northwind", "Globex", "Initech", "Umbrella Health", "Hooli"))
        role = rng.choice(gen.ROLES)
        job = rng.randint(1000, 99999)
        for day in range(self.days):
            cands = self.followers(u, rng.randint(8, 20), 0.7)  # followed first, to get replies
            tmpl = f"{u}/{day}/pitch"
            self.at(self.waking(u, day, 9, 17), self.fanout(
                u, cands, lambda r, tmpl=tmpl: gen.recruiter_pitch(random.Random(tmpl), self.name[r], firm, role, job),
                0.35, (60, 900), ("hi, yes I'd be open to a chat", "not looking right now, thanks",
                                  "what's the salary range?", "sure, send details")))

    def k_parent_rep(self, u: str, rng: random.Random) -> None:
        parents = self.followers(u, rng.randint(12, 30), 0.6, wrote=0.5)
        as_group = rng.random() < 0.4 and len(parents) <= 19
        for day in range(self.days):
            text = gen.parents_notice(rng)
            if as_group and day == 0:
                self.at(self.waking(u, day, 8, 20), self.rep_group(u, parents, text))
            elif not as_group:
                self.at(self.waking(u, day, 8, 20), self.fanout(
                    u, parents, lambda r, text=text: text, 0.4, (10, 120), ("thanks!", "👍")))

    def rep_group(self, u: str, parents: list[str], text: str) -> Actor:
        conv = f"{u}.class"
        self.graph.start_conversation(conv, u, self.clock.now)
        inv = InviteRequest(u, tuple(parents), conv, (u,))
        d = self.engine.check_invite(inv)
        if not d.allowed:
            self.stats[self.kind[u]].platform["invite:" + d.reasons[0].rule] += 1
            return
        self.graph.record_invite(inv, self.clock.now)
        yield from self.say(u, tuple(parents), text, conv)
        for p in self.rng.sample(parents, len(parents) // 3):
            yield self.reply_delay() / 4
            others = tuple(x for x in [u, *parents] if x != p)
            yield from self.say(p, others, gen.parent_reply(self.rng), conv)

    def k_landlord(self, u: str, rng: random.Random) -> None:
        tenants = self.followers(u, rng.randint(3, 10), 1.0, wrote=0.7)
        rent = gen.landlord_text(rng)
        self.at(self.waking(u, 0, 9, 18), self.fanout(u, tenants, lambda r: rent, 0.6, (20, 200),
                                                      ("paid, thanks", "ok noted")))
        for t in rng.sample(tenants, min(len(tenants), rng.randint(1, 3))):
            self.at(self.waking(t, 1), self.write_first(t, u, gen.tenant_text(rng),
                                                        lambda a: gen.landlord_text(rng), 0.9))

    def k_seller(self, u: str, rng: random.Random) -> None:
        item, price, tel = rng.choice(gen.ITEMS), rng.randint(15, 400), gen.phone(rng)
        tmpl = f"{u}/answer"
        for day in range(self.days):
            for b in self.followers(u, rng.randint(3, 12), 1.0):
                self.at(self.waking(b, day), self.write_first(
                    b, u, gen.buyer_ask(rng, item),
                    lambda a: gen.seller_answer(random.Random(tmpl), item, price, tel), 0.95))
            # people who commented "interested" on the listing and did not write
            fu = self.followers(u, rng.randint(1, 6), 0.5)
            self.at(self.waking(u, day), self.fanout(
                u, fu, lambda r: gen.seller_answer(random.Random(tmpl), item, price, tel), 0.5,
                (30, 900), ("is it still there tomorrow?", "ok thanks")))

    def k_newcomer(self, u: str, rng: random.Random) -> None:
        fol = self.followers(u, rng.randint(1, 8), 0.5)
        greet = rng.sample(fol, min(len(fol), rng.randint(1, 5)))
        self.at(self.waking(u, 0), self.fanout(
            u, greet, lambda r: gen.newcomer_hello(rng, self.name[u], self.name[r]), 0.6, (60, 1800),
            ("welcome!! 🎉", "hey! yes that's me haha", "hi!! so glad you joined")))

    def k_multilingual(self, u: str, rng: random.Random) -> None:
        lang = self.lang[u]
        inv = gen.LANG_INVITE[lang]
        rc = self.mix(u, rng, rng.randint(5, 15), 0.6, 0.4)
        self.at(self.waking(u, 0, 10, 20), self.fanout(u, rc, lambda r: inv, 0.6, (20, 240)))
        ny = next(t for t in gen.LANG_CHAT[lang]
                  if any(w in t for w in ("año", "ano novo", "new year", "عام", "tahun")))
        rc = self.mix(u, rng, rng.randint(10, 25), 0.5, 0.4)
        self.at(self.local(u, 1, rng.uniform(0.0, 0.3)), self.fanout(u, rc, lambda r: ny, 0.6, (5, 40)))

    def k_numbers(self, u: str, rng: random.Random) -> None:
        flight = gen.numbers_text(random.Random(f"{u}/flight"))
        fam = rng.sample(sorted(self.close[u]), min(len(self.close[u]), rng.randint(3, 6)))
        self.at(self.waking(u, rng.randrange(self.days)),
                self.fanout(u, fam, lambda r: flight, 0.7, (10, 90), ("ok safe travels!", "👍")))


# ---- the measure -------------------------------------------------------------------------------

def measure(seed: int, n: int, days: int) -> World:
    w = World(seed, n, days)
    w.schedule()
    w.run()
    return w


def report(w: World, seed: int, n: int, secs: float, every: bool = False) -> None:
    checks = sum(s.sends for s in w.stats.values())
    print(f"round 35, seed {seed}: {n} ordinary users (+ passive accounts), {w.days} days, "
          f"{checks} sends, corpus {'used' if w.ham else 'absent'}, {secs:.1f} s")
    print(f"{'kind':<14} {'users':>5} {'sends':>7} {'refused':>8} {'cooled':>7}  refusals by rule")
    tot_ref = tot_cool = 0
    for k, s in w.stats.items():
        if k != PASSIVE:
            tot_ref += len(s.refused)
            tot_cool += len(s.cooled)
        rules = ", ".join(f"{r} {c}" for r, c in s.rules.most_common()) or "-"
        users = s.users if k != PASSIVE else len(w.passive)
        print(f"{k:<14} {users:>5} {s.sends:>7} {len(s.refused):>8} {len(s.cooled):>7}  {rules}")
    print(f"TOTAL active   {n:>5} {'':>7} {tot_ref:>8} {tot_cool:>7}  "
          f"refused {100 * tot_ref / n:.2f}%, cooled {100 * tot_cool / n:.2f}%")
    plat = Counter()
    for s in w.stats.values():
        plat.update(s.platform)
    print("platform refusals (not spam rules): " + (", ".join(f"{k} {v}" for k, v in plat.items()) or "none"))
    print(f"\nrefused texts ({'all' if every else 'up to 5'} per kind; texts refused only by "
          f"spam_cooldown, a wait another text started, after them):")
    for k, s in w.stats.items():
        exs = s.examples + s.after
        for ex in exs if every else exs[:5]:
            print(f"  {k:<14} {ex}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--users", type=int, default=2000)
    ap.add_argument("--days", type=int, default=2, choices=(1, 2))
    ap.add_argument("--all-examples", action="store_true", help="every distinct refused text")
    args = ap.parse_args(argv)
    t0 = time.time()
    w = measure(args.seed, args.users, args.days)
    report(w, args.seed, args.users, time.time() - t0, args.all_examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
