"""The spam sender's loop (round 22): one engine per spam sender, memory://, a virtual clock.

Each spam sender has 1,000 targets that follow it; it follows none, none writes back. It
obeys every refusal: the longest wait any reason gives (``Decision.retry_after``, or a
reason's own when another reason has none: a refusal that starts a cooldown and also says
"fewer people") plus 1 to 30 s, a fresh copy for the retry; a refusal with no wait at all
makes it adapt: a group is halved (the rest go back to the pool), a single target is put
back at the end of the pool and it moves on. The host is honest: it records each delivered
message (``record_message``), each allowed invitation (``record_invite``) and a group
conversation made by its first message (``start_conversation``, when the group is made).
"""
from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from policy import Engine, InviteRequest, MemoryGraph, SendRequest
from tests.redteam22.campaigns import Ctx, Msg

T0 = 1_800_000_000.0
NON_SPAM_KINDS = {"quota", "text_length", "follows", "group"}


def spam_rules(rules) -> set[str]:
    return {r.name for r in rules.rules if r.kind not in NON_SPAM_KINDS}


def wait_of(decision) -> float | None:
    if decision.retry_after:
        return float(decision.retry_after)
    waits = [r.retry_after for r in decision.reasons if r.retry_after]
    return float(max(waits)) if waits else None


@dataclass
class Event:
    t: float            # seconds since the spammer's start
    nth: int            # distinct strangers reached before this send
    size: int           # strangers in this send
    part: int
    text: str
    outcome: str        # "allow" or "rule/code"
    wait: float | None = None
    kind: str = "direct"


@dataclass
class Tally:
    uid: str
    label: str = ""
    reached: set = field(default_factory=set)
    at_first: int | None = None          # strangers reached at the first refusal by a spam rule
    first_refusal: str | None = None
    events: list = field(default_factory=list)
    attempts: int = 0

    @property
    def contained(self) -> bool:
        return (self.at_first if self.at_first is not None else len(self.reached)) <= 4


def run_spammer(make, uid: str, rng: random.Random, rules, spam: list[str], *, hours: float = 24.0,
                n_targets: int = 1000, record_invites: bool = True, keep_events: int = 400) -> Tally:
    SPAM = spam_rules(rules)
    graph = MemoryGraph()
    now = [T0 + rng.uniform(0, 600)]
    start = now[0]
    engine = Engine(rules, storage="memory://", graph=graph, clock=lambda: now[0])
    targets = [f"{uid}-t{i:04d}" for i in range(n_targets)]
    for t in targets:
        graph.follow(t, uid)
    sock = f"{uid}-sock"
    tactic = make(rng, spam)
    tally = Tally(uid, getattr(tactic, "label", ""))
    ctx = Ctx(now=now[0], start=start)
    end = start + hours * 3600
    pool = deque(targets)
    conv_seq = 0
    no_wait_streak = 0

    def log(size, part, text, outcome, wait=None, kind="direct", group=()):
        if len(tally.events) < keep_events:
            before = len(tally.reached) - len(tally.reached.intersection(group))   # strangers reached before this group
            tally.events.append(Event(now[0] - start, before, size, part, text, outcome, wait, kind))

    def refused_by(d) -> None:
        reason = d.reasons[0] if d.reasons else None
        if reason is not None and reason.rule in SPAM and tally.at_first is None:
            tally.at_first = len(tally.reached)
            tally.first_refusal = f"{reason.rule}/{d.code}"

    while now[0] < end and pool:
        ctx.now, ctx.reached = now[0], len(tally.reached)
        msg: Msg = tactic.next(ctx)
        ctx.messages += 1
        now[0] += msg.delay
        if now[0] >= end:
            break
        n = max(1, min(msg.n, ctx.max_group, len(pool)))
        group = [pool.popleft() for _ in range(n)]
        parts = list(msg.parts)
        part = 0
        conv = None
        extra: tuple[str, ...] = ()
        while part < len(parts) and now[0] < end:
            kind = msg.kind if (len(group) > 1 or msg.kind == "borrowed") else "direct"
            if conv is None and kind != "direct":
                conv_seq += 1
                cid = f"{uid}-conv{conv_seq}"
                ok = True
                if kind == "group":
                    graph.start_conversation(cid, uid, now[0])   # the host makes the group
                elif kind == "invite":
                    inv = InviteRequest(uid, tuple(group), cid)
                    di = engine.check_invite(inv)
                    tally.attempts += 1
                    log(len(group), -1, "<invite>", "allow" if di.allowed else f"{di.reasons[0].rule}/{di.code}",
                        kind=kind)
                    if di.allowed:
                        if record_invites:
                            graph.record_invite(inv, now[0])
                    else:
                        ok = False
                        refused_by(di)
                elif kind == "borrowed":
                    graph.follow(uid, sock)      # the spammer follows its own second account
                    first = InviteRequest(sock, (uid,), cid)
                    if engine.check_invite(first).allowed:
                        graph.record_invite(first, now[0])     # the second account started it
                    inv = InviteRequest(uid, tuple(group), cid, members=(sock, uid))
                    di = engine.check_invite(inv)
                    tally.attempts += 1
                    if di.allowed:
                        graph.record_invite(inv, now[0])
                        extra = (sock,)
                    else:
                        ok = False
                        refused_by(di)
                if not ok:  # a group too large: halve it
                    keep = max(1, len(group) // 2)
                    pool.extendleft(reversed(group[keep:]))
                    group = group[:keep]
                    ctx.max_group = keep
                    now[0] += rng.uniform(5, 30)
                    continue
                conv = cid
            recipients = tuple(group) + (extra if conv else ())
            d = engine.check(SendRequest(uid, recipients, parts[part], conversation=conv))
            tally.attempts += 1
            if d.allowed:
                log(len(group), part, parts[part], "allow", kind=kind, group=group)
                tally.reached.update(group)
                for r in recipients:
                    graph.record_message(uid, r)
                no_wait_streak = 0
                part += 1
                if part < len(parts):
                    now[0] += msg.gap * rng.uniform(0.5, 1.5)
                continue
            wait = wait_of(d)
            log(len(group), part, parts[part], f"{d.reasons[0].rule}/{d.code}", wait, kind=kind, group=group)
            refused_by(d)
            ctx.refusals += 1
            no_wait = any(r.retry_after is None for r in d.reasons)
            if len(group) > 1 and part == 0 and no_wait:
                keep = max(1, len(group) // 2)
                pool.extendleft(reversed(group[keep:]))
                group = group[:keep]
                ctx.max_group = keep
                conv, extra = None, ()
                now[0] += (wait + rng.uniform(1, 30)) if wait else rng.uniform(5, 30)
                parts[part] = tactic.respin(msg, part, ctx)
                continue
            if wait:
                now[0] += wait + rng.uniform(1, 30)
                parts[part] = tactic.respin(msg, part, ctx)
                continue
            # refused with no wait, one person: adapt, that target goes to the back of the pool
            no_wait_streak += 1
            if part == 0:
                pool.extend(group)
            now[0] += 3600 if no_wait_streak >= 5 else 30
            break
        now[0] += msg.pace * rng.uniform(0.6, 1.4)
    engine.close()
    return tally


def run_family(make, name: str, rules, spam: list[str], *, spammers: int = 20, seed: int = 1,
               hours: float = 24.0, record_invites: bool = True) -> dict:
    rows = []
    for s in range(spammers):
        rng = random.Random(f"r22:{seed}:{name}:{s}")
        rows.append(run_spammer(make, f"sp-{name}-{s:02d}", rng, rules, spam, hours=hours,
                                record_invites=record_invites))
    per_day = [len(t.reached) * 24.0 / hours for t in rows]
    return {
        "family": name,
        "contained": sum(t.contained for t in rows) / len(rows),
        "held": sum(len(t.reached) <= 4 for t in rows) / len(rows),
        "mean": sum(per_day) / len(rows),
        "max": max(per_day),
        "tallies": rows,
    }
