"""Round 38: a blind simulated day of ordinary (ham) users on the default rules.

Design
------
2,000 users (``--users``) of a Twitter-like DM service, simulated for 24 hours on a
``VirtualClock`` by an event queue, on ``Engine.from_file("default")`` with a
``MemoryGraph`` the host owns.  Written from README.md, rules/default.toml and
docs/python.md only.

Social graph (built before the day):

* friend circles of 3 to 10 people (a second circle, work or school, for 40% of
  users): each pair follows both ways with p=0.8, one way with p=0.12;
* acquaintances: each user follows ~Poisson(12) random others, followed back with
  p=0.3;
* ~10 creators followed by 5-30% of everyone, following back 2% of their fans;
* ~1% small shops followed by 30-120 customers, following back half of them;
* ~4% new users who joined today: they follow 3-10 people of one circle, 60% of
  whom follow them back, and a creator or two;
* history: people in a circle who follow each other have written before with
  p=0.75 (0.3 one way, 0.25 mutual acquaintances, 0.05 one-way acquaintances);
  new users have no history.  Organisers' groups exist for 7-60 days
  (``start_conversation``), 40% of their members have written in them.

Each user has one primary behaviour (the table's rows); everybody also answers
the people who write to them.  Times follow a diurnal profile (evening peak).

* ``chatter``: 1-4 two-way conversations with friends (3-14 turns, replies after
  seconds to ~20 minutes, 1-3 messages a turn);
* ``burst``: 1-3 bursts of 5-20 short messages within minutes to a friend, who answers;
* ``group_host``: invites 3-12 followers (friends, some acquaintances who do not know
  each other) into a new group; members chat for hours, invite 1-3 of their own
  followers, late joiners arrive, someone posts a link, a price, a phone number or
  an e-mail address;
* ``organiser_group``: a sports club / class parents / party organiser posting
  1-3 notices (with times, prices, addresses, sometimes a link or number) in an
  established group, members answering;
* ``organiser_one_by_one``: the same notice sent 1:1 to each of 6-18 members
  (people who follow the organiser, some of whom never wrote);
* ``sharer``: the same link or meme (copy-pasted, or with a per-friend comment)
  to 3-8 people one at a time;
* ``new_number``: "new number, save it" to 5-20 friends and acquaintances;
* ``replier``: 4-12 people write first (often a birthday), then the user answers
  each, half of them with one identical "thank you" text;
* ``shop``: customers write first, the shop answers with a price, link or phone
  number from one template; it also tells 2-6 past customers an order is ready;
* ``new_user``: says hi to 3-8 people who follow them back;
* ``creator``: answers 5-20 fans who wrote first, often with one identical text;
* ``passive``: only answers.

Texts are ham messages of the SMS Spam Collection, read at run time
(``../shared/data/sms_spam_collection.tsv``), cut to fit 140 characters, with
short templates around them for links, numbers, notices and greetings.

Host protocol: ``check`` before each send; on delivery ``record_message`` for every
recipient; ``check_invite`` then ``record_invite`` for group invitations (creation
with no members).  A refused user obeys: with a ``retry_after`` it waits (during a
``COOLDOWN`` it attempts nothing at all until the wait is over) and tries the
same message again, otherwise it drops that message.  Refusals by
``followers_only``, ``text``, ``group`` and ``daily_quota`` are the host's business;
every other rule is a spam rule, and a user refused by one counts.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import json
import math
import pathlib
import random
from collections import Counter, defaultdict

from policy import Engine, InviteRequest, MemoryGraph, SendRequest, Verdict
from policy.clock import VirtualClock

T0 = 1_780_012_800.0  # a midnight in 2026
DAY = 86_400.0
HORIZON = T0 + DAY * 1.25
NON_SPAM = {"followers_only", "text", "group", "daily_quota"}
CORPUS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "sms_spam_collection.tsv"
HOURLY = [0.5, 0.3, 0.2, 0.15, 0.15, 0.3, 0.8, 1.8, 2.5, 2.6, 2.6, 2.8, 3.5, 3.0,
          2.8, 2.8, 3.0, 3.6, 4.5, 5.2, 5.5, 5.0, 3.4, 1.6]
NAMES = ["Sam", "Jo", "Priya", "Tom", "Aisha", "Ben", "Chloe", "Dan", "Ella", "Femi", "Grace",
         "Harry", "Isla", "Jack", "Kate", "Liam", "Maya", "Nina", "Omar", "Pete", "Rosa", "Sanjay",
         "Tara", "Umar", "Vic", "Will", "Yasmin", "Zoe", "Lucy", "Mo"]

BEHAVIOURS = [  # (name, share)
    ("chatter", 0.28), ("burst", 0.10), ("group_host", 0.06), ("organiser_group", 0.022),
    ("organiser_one_by_one", 0.008), ("sharer", 0.09), ("new_number", 0.02),
    ("replier", 0.08), ("passive", 0.14),
]


def load_ham(path: pathlib.Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            label, _, text = line.rstrip("\n").partition("\t")
            if label == "ham" and text.strip():
                out.append(" ".join(text.split()))
    return out


class Sim:
    def __init__(self, seed: int, users: int, corpus: pathlib.Path) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        ham = load_ham(corpus)
        self.ham = [t for t in ham if len(t) <= 140]
        self.ham_mid = [t for t in ham if len(t) <= 70]
        self.ham_short = [t for t in ham if len(t) <= 30]
        self.graph = MemoryGraph()
        self.clock = VirtualClock(T0 - 1)
        self.engine = Engine.from_file("default", graph=self.graph, clock=self.clock)
        self.n = users
        self.users = [f"u{i:04d}" for i in range(users)]
        self.queue: list = []
        self.seq = itertools.count()
        self.blocked_until: dict[str, float] = defaultdict(float)
        self.behaviour: dict[str, str] = {}
        self.refusals: list[dict] = []
        self.sends = Counter()
        self.nonspam = Counter()
        self.conv_members: dict[str, list[str]] = {}
        self.name = {u: self.rng.choice(NAMES) for u in self.users}
        self.followers: dict[str, set[str]] = defaultdict(set)   # who follows u
        self.following: dict[str, set[str]] = defaultdict(set)   # whom u follows
        self.circle_of: dict[str, list[list[str]]] = defaultdict(list)
        self.attempts: dict[str, list] = defaultdict(list)

    # ---------------------------------------------------------------- graph
    def follow(self, a: str, b: str) -> None:
        if a != b and b not in self.following[a]:
            self.graph.follow(a, b)
            self.following[a].add(b)
            self.followers[b].add(a)

    def history(self, a: str, b: str) -> None:
        self.graph.record_message(a, b)

    def build_graph(self) -> None:
        rng = self.rng
        users = self.users[:]
        rng.shuffle(users)
        n_creators = max(2, self.n // 200)
        n_shops = max(2, self.n // 100)
        n_new = max(4, self.n * 4 // 100)
        self.creators = users[:n_creators]
        self.shops = users[n_creators:n_creators + n_shops]
        self.newbies = users[n_creators + n_shops:n_creators + n_shops + n_new]
        regular = users[n_creators + n_shops + n_new:]
        for u in self.creators:
            self.behaviour[u] = "creator"
        for u in self.shops:
            self.behaviour[u] = "shop"
        for u in self.newbies:
            self.behaviour[u] = "new_user"
        names = [b for b, _ in BEHAVIOURS]
        weights = [w for _, w in BEHAVIOURS]
        for u in regular:
            self.behaviour[u] = rng.choices(names, weights)[0]

        def circles(members: list[str]) -> None:
            i = 0
            while i < len(members):
                size = rng.randint(3, 10)
                circle = members[i:i + size]
                i += size
                for u in circle:
                    self.circle_of[u].append(circle)
                for a, b in itertools.combinations(circle, 2):
                    x = rng.random()
                    if x < 0.8:
                        self.follow(a, b)
                        self.follow(b, a)
                        if rng.random() < 0.75:
                            self.history(a, b)
                            self.history(b, a)
                        elif rng.random() < 0.3:
                            self.history(a, b)
                    elif x < 0.92:
                        a, b = (a, b) if rng.random() < 0.5 else (b, a)
                        self.follow(a, b)
                        if rng.random() < 0.3:
                            self.history(a, b)

        people = regular + self.creators + self.shops
        rng.shuffle(people)
        circles(people)
        second = [u for u in people if rng.random() < 0.4]
        rng.shuffle(second)
        circles(second)
        # acquaintances
        for u in people:
            k = self._poisson(12)
            for v in rng.sample(people, k):
                if v == u or v in self.following[u]:
                    continue
                self.follow(u, v)
                if rng.random() < 0.3:
                    self.follow(v, u)
                    if rng.random() < 0.25:
                        self.history(u, v)
                        self.history(v, u)
                elif rng.random() < 0.05:
                    self.history(u, v)
        # creators
        for c in self.creators:
            pop = rng.uniform(0.05, 0.3)
            for u in people:
                if u != c and rng.random() < pop:
                    self.follow(u, c)
                    if rng.random() < 0.02:
                        self.follow(c, u)
        # shops
        for s in self.shops:
            for u in rng.sample(people, rng.randint(30, 120)):
                if u == s:
                    continue
                self.follow(u, s)
                if rng.random() < 0.5:
                    self.follow(s, u)
                    if rng.random() < 0.4:
                        self.history(u, s)
                        self.history(s, u)
        # new users: joined today
        for u in self.newbies:
            circle = rng.choice(self.circle_of[rng.choice(people)])
            pool = [v for v in circle]
            extra = rng.sample(people, 6)
            for v in (pool + extra)[: rng.randint(3, 10)]:
                self.follow(u, v)
                if rng.random() < 0.6:
                    self.follow(v, u)
            for c in rng.sample(self.creators, min(2, len(self.creators))):
                self.follow(u, c)

    def _poisson(self, lam: float) -> int:
        # Knuth
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.rng.random()
            if p <= limit:
                return k
            k += 1

    # ---------------------------------------------------------------- time
    def at(self, t: float, fn, *args) -> None:
        heapq.heappush(self.queue, (t, next(self.seq), fn, args))

    def day_time(self, lo: float = 0.0, hi: float = 24.0) -> float:
        hours = list(range(int(lo), math.ceil(hi)))
        h = self.rng.choices(hours, [HOURLY[x % 24] for x in hours])[0]
        return T0 + (h + self.rng.random()) * 3600

    def delay(self, median: float = 120.0, sigma: float = 1.2) -> float:
        return min(6 * 3600, self.rng.lognormvariate(math.log(median), sigma))

    def run(self) -> None:
        while self.queue:
            t, _, fn, args = heapq.heappop(self.queue)
            if t > HORIZON:
                break
            if t > self.clock.now:
                self.clock.now = t
            fn(*args)

    # ---------------------------------------------------------------- sends
    def relations(self, s: str, rs, conv: str | None) -> list[dict]:
        g = self.graph
        return [{"to": r, "they_follow_sender": g.follows(r, s), "sender_follows_them": g.follows(s, r),
                 "they_wrote_before": g.has_written(r, s), "sender_wrote_before": g.has_written(s, r)}
                for r in list(rs)[:20]]

    def note_refusal(self, kind, who, rs, text, conv, activity, d) -> None:
        rules = [r.rule for r in d.reasons]
        spam = [r for r in rules if r not in NON_SPAM]
        if not spam:
            self.nonspam[d.code] += 1
            return
        started = self.graph.conversation_started(conv) if conv else None
        self.refusals.append({
            "seed": self.seed, "user": who, "behaviour": self.behaviour[who], "activity": activity,
            "kind": kind, "hour": round((self.clock.now - T0) / 3600, 2), "text": text,
            "recipients": len(rs), "conversation": conv,
            "conversation_started_by": started[0] if started else None,
            "conversation_started_hours_ago": round((self.clock.now - started[1]) / 3600, 2) if started else None,
            "members": len(self.conv_members.get(conv, [])) if conv else None,
            "verdict": d.verdict.value, "code": d.code, "rules": rules, "retry_after": d.retry_after,
            "relations": self.relations(who, rs, conv),
            "earlier_attempts": [list(x) for x in self.attempts[who][-16:-1]],
        })

    def send(self, s: str, rs: tuple, text: str, activity: str, conv: str | None = None,
             on_ok=None, tries: int = 0) -> None:
        now = self.clock.now
        if now < self.blocked_until[s]:   # obeying a cooldown: no attempt at all
            self.at(self.blocked_until[s] + self.rng.uniform(5, 300), self.send, s, rs, text, activity,
                    conv, on_ok, tries)
            return
        if conv:
            rs = tuple(m for m in self.conv_members[conv] if m != s)
            if not rs:
                return
        text = text[:140]
        d = self.engine.check(SendRequest(sender=s, recipients=rs, text=text, conversation=conv))
        self.sends[activity] += 1
        self.attempts[s].append((round((now - T0) / 3600, 2), activity, len(rs), conv is not None,
                                 d.code or "ok", text[:50]))
        if d.allowed:
            for r in rs:
                self.graph.record_message(s, r)
            if on_ok:
                on_ok()
            return
        self.note_refusal("message", s, rs, text, conv, activity, d)
        if d.retry_after is not None and tries < 6:
            if d.verdict is Verdict.COOLDOWN:
                self.blocked_until[s] = max(self.blocked_until[s], now + d.retry_after)
            t = now + d.retry_after + self.rng.uniform(5, 300)
            self.at(t, self.send, s, rs, text, activity, conv, on_ok, tries + 1)

    def invite(self, inviter: str, invitees: list[str], conv: str, activity: str, on_ok=None,
               tries: int = 0) -> None:
        now = self.clock.now
        if now < self.blocked_until[inviter]:
            self.at(self.blocked_until[inviter] + self.rng.uniform(5, 300), self.invite, inviter,
                    invitees, conv, activity, on_ok, tries)
            return
        members = tuple(self.conv_members.get(conv, ()))
        invitees = [v for v in invitees if v not in members and v != inviter]
        room = 20 - max(len(members), 1)
        invitees = invitees[:room]
        if not invitees:
            return
        req = InviteRequest(inviter=inviter, invitees=tuple(invitees), conversation=conv, members=members)
        d = self.engine.check_invite(req)
        self.sends["invite:" + activity] += 1
        self.attempts[inviter].append((round((now - T0) / 3600, 2), "invite:" + activity, len(invitees), True,
                                       d.code or "ok", ""))
        if d.allowed:
            self.graph.record_invite(req, now)
            if not members:
                self.conv_members[conv] = [inviter]
            self.conv_members[conv].extend(invitees)
            if on_ok:
                on_ok()
            return
        self.note_refusal("invite", inviter, invitees, "", conv, activity, d)
        if d.retry_after is not None and tries < 6:
            if d.verdict is Verdict.COOLDOWN:
                self.blocked_until[inviter] = max(self.blocked_until[inviter], now + d.retry_after)
            self.at(now + d.retry_after + self.rng.uniform(5, 300), self.invite, inviter, invitees, conv,
                    activity, on_ok, tries + 1)

    # ---------------------------------------------------------------- texts
    def text(self, kind: str = "any") -> str:
        pool = {"any": self.ham, "mid": self.ham_mid, "short": self.ham_short}[kind]
        return self.rng.choice(pool)

    def phone(self) -> str:
        r = self.rng
        return r.choice(["07{} {}", "07{}{}", "+44 7{} {}"]).format(r.randint(100, 999), r.randint(100000, 999999))

    def link(self) -> str:
        r = self.rng
        ident = "".join(r.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-") for _ in range(11))
        return r.choice([f"https://youtu.be/{ident}", f"https://www.youtube.com/watch?v={ident}",
                         f"https://vm.tiktok.com/{ident[:9]}/", f"https://x.com/someone/status/18{r.randint(10**15, 10**16)}",
                         f"https://www.instagram.com/reel/{ident}/", f"https://bbc.co.uk/news/uk-{r.randint(60000000, 69999999)}",
                         f"https://open.spotify.com/track/{ident}{ident[:11]}"])

    def email(self, u: str) -> str:
        return f"{self.name[u].lower()}.{u[1:]}@{self.rng.choice(['gmail.com', 'hotmail.co.uk', 'yahoo.com'])}"

    def fit(self, head: str, tail: str) -> str:
        room = 140 - len(tail) - 1
        return (head[:room].rstrip() + " " + tail) if room > 10 else tail

    # ---------------------------------------------------------------- behaviours
    def friends(self, u: str, want_followed_by: bool = True) -> list[str]:
        """People u may write to (they follow u), friends of u's circles first."""
        f = self.followers[u]
        circle = [v for c in self.circle_of[u] for v in c if v != u and v in f]
        return list(dict.fromkeys(circle + [v for v in sorted(f) if v in self.following[u]]))

    def thread(self, a: str, b: str, turns: int, activity: str, kind: str = "any") -> None:
        """a writes 1-3 messages to b; b answers later; and so on."""
        if turns <= 0:
            return
        k = self.rng.choice([1, 1, 1, 2, 2, 3])
        t = self.clock.now
        for i in range(k):
            last = i == k - 1
            cb = (lambda: self.reply_later(b, a, turns - 1, activity, kind)) if last else None
            self.at(t, self.send, a, (b,), self.text(kind), activity, None, cb)
            t += self.rng.uniform(3, 40)

    def reply_later(self, b: str, a: str, turns: int, activity: str, kind: str) -> None:
        if turns <= 0 or not self.graph.follows(a, b):
            return
        p = 0.9 if self.graph.follows(b, a) else 0.6
        if self.rng.random() < p:
            self.at(self.clock.now + self.delay(), self.thread, b, a, turns, activity, kind)

    def b_chatter(self, u: str) -> None:
        fr = self.friends(u)
        for v in self.rng.sample(fr, min(len(fr), self.rng.randint(1, 4))):
            self.at(self.day_time(7), self.thread, u, v, self.rng.randint(3, 14), "conversation")

    def b_burst(self, u: str) -> None:
        fr = self.friends(u)
        for v in self.rng.sample(fr, min(len(fr), self.rng.randint(1, 3))):
            t = self.day_time(8)
            for _ in range(self.rng.randint(5, 20)):
                self.at(t, self.send, u, (v,), self.text("short"), "burst")
                t += self.rng.uniform(2, 25)
            self.at(t + self.delay(60), self.thread, v, u, self.rng.randint(2, 8), "burst_reply", "short")

    def b_group_host(self, u: str) -> None:
        fr = self.friends(u)
        acq = [v for v in sorted(self.followers[u]) if v not in fr]
        k = self.rng.randint(3, 12)
        picks = self.rng.sample(fr, min(len(fr), k))
        picks += self.rng.sample(acq, min(len(acq), self.rng.randint(0, 3)))
        if len(picks) < 2:
            return
        conv = f"g-{u}-{next(self.seq)}"
        t = self.day_time(9, 22)
        self.at(t, self.invite, u, picks, conv, "group_create", lambda: self.group_life(conv, u, t))

    def group_life(self, conv: str, host: str, t: float) -> None:
        r = self.rng
        dur = r.uniform(1, 6) * 3600
        n_msgs = r.randint(15, 80)
        times = sorted(t + r.uniform(10, dur) for _ in range(n_msgs))
        self.at(t + 5, self.send, host, (), self.text("mid"), "group_host_msg", conv)
        contact_at = r.choice(times) if times else None
        for tt in times:
            self.at(tt, self.group_msg, conv, host, tt == contact_at)
        for _ in range(r.randint(0, 3)):   # members invite their own followers; late joiners
            self.at(t + r.uniform(600, dur), self.group_member_invites, conv)

    def group_msg(self, conv: str, host: str, contact: bool) -> None:
        r = self.rng
        members = self.conv_members[conv]
        s = host if r.random() < 0.2 else r.choice(members)
        act = "group_host_msg" if s == host else "group_member_msg"
        if contact:
            kind = r.choice(["link", "price", "phone", "email"])
            if kind == "link":
                text = self.fit(r.choice(["tickets here", "this is the place", "menu:", "vote here",
                                          "the airbnb", "found it"]), self.link())
            elif kind == "price":
                text = r.choice(["It's £{0} each, pay me back whenever", "£{0} a head for the minibus, send to my monzo",
                                 "Tickets are ${0}, I'll book for everyone?", "Came to £{0} each incl tip"]).format(r.randint(5, 60))
            elif kind == "phone":
                text = self.fit(r.choice(["if anyone gets lost call me", "my number's", "text me on", "ring me when you're outside"]),
                                self.phone())
            else:
                text = self.fit(r.choice(["send the photos to", "email me the list:", "my email's"]), self.email(s))
            act += "_contact"
        else:
            text = self.text(r.choice(["short", "mid", "any"]))
        self.send(s, (), text, act, conv)

    def group_member_invites(self, conv: str) -> None:
        members = self.conv_members[conv]
        inviter = self.rng.choice(members)
        cand = [v for v in self.friends(inviter) if v not in members]
        if not cand:
            return
        new = self.rng.sample(cand, min(len(cand), self.rng.randint(1, 3)))

        def joined() -> None:
            for v in new:
                if v in self.conv_members[conv]:
                    self.at(self.clock.now + self.delay(300), self.send, v, (), self.text("mid"),
                            "group_late_joiner", conv)
        self.invite(inviter, new, conv, "group_member_invite", joined)

    def notice(self, u: str) -> str:
        r = self.rng
        return r.choice([
            "Reminder: training moved to {h}pm Thursday at the rec. £3 pitch fees, bring water",
            "Hi all, match on Sat, meet at the clubhouse {h}:30. Subs are £{p} for the month",
            "Class trip form due Friday please! £{p} payable to the school office. Thanks, {n}",
            "Party at mine Sat from {h}pm, 14 Elm Road. Bring a bottle! Any q's call {ph}",
            "Cake sale Friday after school, donations welcome. £{p} raised so far!",
            "Reminder: no practice tomorrow, pitch is closed. Next one Tues {h}pm",
            "Info for the tournament is here {l} - please reply if your kid can't make it",
            "Kit order closes Sunday, £{p} per kit, form: {l}",
        ]).format(h=r.randint(5, 8), p=r.randint(5, 40), n=self.name[u], ph=self.phone(), l=self.link())

    def organiser_setup(self, u: str) -> list[str]:
        r = self.rng
        pool = self.friends(u) + r.sample(self.users, 20)
        members = [v for v in dict.fromkeys(pool) if v != u][: r.randint(6, 18)]
        for v in members:
            self.follow(v, u)          # members follow the organiser (they could be invited)
            if r.random() < 0.4:
                self.follow(u, v)
        return members

    def b_organiser_group(self, u: str) -> None:
        r = self.rng
        members = self.organiser_setup(u)
        conv = f"club-{u}"
        started = T0 - r.uniform(7, 60) * DAY
        self.graph.start_conversation(conv, u, started)
        self.conv_members[conv] = [u, *members]
        for v in members:              # past posts in the group
            self.history(u, v)
        for m in members:
            if r.random() < 0.4:
                for v in self.conv_members[conv]:
                    if v != m:
                        self.history(m, v)
        for _ in range(r.randint(1, 3)):
            t = self.day_time(7, 22)
            self.at(t, self.send, u, (), self.notice(u), "organiser_notice", conv)
            for _ in range(r.randint(0, 6)):
                m = r.choice(members)
                self.at(t + self.delay(600), self.send, m, (), self.text("mid"), "club_member_msg", conv)

    def b_organiser_one_by_one(self, u: str) -> None:
        members = self.organiser_setup(u)
        text = self.notice(u)
        t = self.day_time(8, 21)
        for v in members:
            self.at(t, self.send, u, (v,), text, "organiser_1to1")
            t += self.rng.uniform(10, 90)

    def b_sharer(self, u: str) -> None:
        r = self.rng
        fr = self.friends(u)
        acq = [v for v in sorted(self.followers[u]) if v not in fr and v in self.following[u]]
        picks = r.sample(fr, min(len(fr), r.randint(2, 6))) + r.sample(acq, min(len(acq), r.randint(0, 2)))
        link = self.link()
        same = r.random() < 0.5
        base = r.choice(["lmaooo look at this", "this is sooo you 😂", "have you seen this??", "omg watch this",
                         "thought of you", "this made my day", "we need to go here"])
        t = self.day_time(8)
        for v in picks:
            text = self.fit(base if same else self.text("mid"), link)
            self.at(t, self.send, u, (v,), text, "share", None, (lambda v=v: self.reply_later(v, u, 3, "share_reply", "mid")))
            t += r.uniform(5, 180)

    def b_new_number(self, u: str) -> None:
        r = self.rng
        fr = self.friends(u)
        acq = [v for v in sorted(self.followers[u]) if v not in fr and v in self.following[u]]
        picks = r.sample(fr, min(len(fr), r.randint(4, 14))) + r.sample(acq, min(len(acq), r.randint(0, 6)))
        text = r.choice(["Hi it's {n}, new number: {p} - save it!", "New phone! Number is now {p}, old one's dead. {n} x",
                         "Hey, {n} here, lost my phone so new number {p}", "{p} is my new number, pls save, {n}"]
                        ).format(n=self.name[u], p=self.phone())
        t = self.day_time(9, 22)
        for v in picks:
            self.at(t, self.send, u, (v,), text, "new_number", None,
                    (lambda v=v: self.reply_later(v, u, 2, "new_number_reply", "short")))
            t += r.uniform(5, 120)

    def b_replier(self, u: str, thanks_pool=None, activity: str = "replier_answer") -> None:
        r = self.rng
        if activity == "creator_answer":   # fans the creator follows back
            writers = [v for v in sorted(self.following[u]) if u in self.following[v]]
        else:                               # people who know them: mutual follows
            writers = [v for v in self.friends(u) if v in self.following[u]]
        writers = r.sample(writers, min(len(writers), r.randint(4, 12)))
        birthday = r.random() < 0.5
        same = r.random() < 0.5
        thanks = r.choice(thanks_pool or ["Thank you so much!! xx", "Aww thanks, had the best day 🥳",
                                          "Thanks lovely! Catch up soon", "Thank you!! ❤️ means a lot"])
        t0 = self.day_time(7, 20)
        t_reply = t0 + r.uniform(1, 5) * 3600
        for v in writers:
            first = r.choice(["Happy birthday!!! 🎉", "Happy birthday, have a great day x",
                              "HBD!! drinks on you"]) if birthday else self.text("mid")
            self.at(t0 + r.uniform(0, 4 * 3600), self.send, v, (u,), first, "writes_first")
            ans = thanks if same else self.text("mid")
            self.at(t_reply, self.answer_if_wrote, u, v, ans, activity)
            t_reply += r.uniform(10, 120)

    def answer_if_wrote(self, u: str, v: str, text: str, activity: str) -> None:
        if self.graph.has_written(v, u):
            self.send(u, (v,), text, activity)

    def b_shop(self, u: str) -> None:
        r = self.rng
        customers = [v for v in sorted(self.following[u]) if u in self.following[v]]
        writers = r.sample(customers, min(len(customers), r.randint(8, 25)))
        tmpl = r.choice(["Hi! Yes we have it, £{p} + £3 postage. Order at www.{s}.co.uk or call {ph}",
                         "Hi thanks for your message, it's £{p}. We're open 9-5, {ph}",
                         "Yes still available! £{p}, pay via {l} and we post next day"])
        reply = tmpl.format(p=r.randint(8, 90), s=f"shop{u[1:]}", ph=self.phone(), l=self.link())
        for v in writers:
            t = self.day_time(8, 20)
            ask = r.choice(["Hi, do you have this in a size 10?", "Hello, how much is the blue one?",
                            "Do you deliver to Leeds?", "Is the set still available?"]) if r.random() < 0.6 else self.text("mid")
            self.at(t, self.send, v, (u,), ask, "customer_writes")
            self.at(t + self.delay(900), self.answer_if_wrote, u, v,
                    reply if r.random() < 0.7 else self.text("mid"), "shop_answer")
        past = [v for v in customers if self.graph.has_written(v, u)]
        t = self.day_time(10, 17)
        for v in r.sample(past, min(len(past), r.randint(2, 6))):
            self.at(t, self.send, u, (v,), "Hi, your order is ready for collection, we're open till 5 today", "shop_order_ready")
            t += r.uniform(30, 300)

    def b_new_user(self, u: str) -> None:
        r = self.rng
        can = sorted(self.followers[u])
        text = r.choice(["Hey! finally joined 👋", "hi it's {n}, finally got an account lol", "Heyyy guess who's on here now",
                         "Hi! It's {n}, add me back x"]).format(n=self.name[u])
        t = self.day_time(self.rng.randint(8, 18), 23)
        for v in r.sample(can, min(len(can), r.randint(3, 8))):
            self.at(t, self.send, u, (v,), text, "new_user_hi", None,
                    (lambda v=v: self.reply_later(v, u, 4, "new_user_chat", "mid")))
            t += r.uniform(20, 600)

    def b_creator(self, u: str) -> None:
        self.b_replier(u, ["thank you so much!! ❤️", "thank you for watching!!", "ahh thank you, means a lot 🙏"],
                       "creator_answer")

    def schedule_all(self) -> None:
        for u in self.users:
            b = self.behaviour[u]
            fn = getattr(self, "b_" + b, None)
            if fn:
                fn(u)
            if b != "passive" and b != "chatter" and self.rng.random() < 0.5:
                self.b_chatter(u)   # most people also chat a little


def report(sim: Sim) -> str:
    by_b = Counter(sim.behaviour.values())
    ref_users: dict[str, set] = defaultdict(set)
    rules_b: dict[str, Counter] = defaultdict(Counter)
    act_users: dict[str, set] = defaultdict(set)
    act_rules: dict[str, Counter] = defaultdict(Counter)
    for r in sim.refusals:
        ref_users[r["behaviour"]].add(r["user"])
        rules_b[r["behaviour"]].update(set(x for x in r["rules"] if x not in NON_SPAM))
        act_users[r["activity"]].add(r["user"])
        act_rules[r["activity"]].update(set(x for x in r["rules"] if x not in NON_SPAM))
    total = len({r["user"] for r in sim.refusals})
    lines = [f"## seed {sim.seed}: {total} of {sim.n} users refused by a spam rule "
             f"({100 * total / sim.n:.2f}%)", "",
             "| behaviour | users | refused by a spam rule | rules (refused messages) |", "|---|---:|---:|---|"]
    for b in sorted(by_b, key=lambda x: -by_b[x]):
        lines.append(f"| {b} | {by_b[b]} | {len(ref_users[b])} | "
                     f"{', '.join(f'{k} ({v})' for k, v in rules_b[b].most_common())} |")
    lines += ["", "| activity (the refused message's) | attempts | users refused | rules |", "|---|---:|---:|---|"]
    for a in sorted(set(sim.sends) | set(act_users), key=lambda x: -sim.sends[x]):
        lines.append(f"| {a} | {sim.sends[a]} | {len(act_users[a])} | "
                     f"{', '.join(f'{k} ({v})' for k, v in act_rules[a].most_common())} |")
    lines += ["", f"Refusals by host rules (not counted): {dict(sim.nonspam)}",
              f"Attempts: {sum(sim.sends.values())}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--users", type=int, default=2000)
    ap.add_argument("--corpus", type=pathlib.Path, default=CORPUS)
    ap.add_argument("--refused", type=pathlib.Path, help="append each refused message as JSON lines")
    args = ap.parse_args(argv)
    sim = Sim(args.seed, args.users, args.corpus)
    sim.build_graph()
    sim.schedule_all()
    sim.run()
    print(report(sim))
    if args.refused:
        with open(args.refused, "a", encoding="utf-8") as fh:
            for r in sim.refusals:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
