"""Runs one spam sender for a simulated day against an engine, obeying every refusal.

As tests/redteam23/harness.py, and: the size of each unit of strangers is the campaign's
``next_size()`` (1 to one person, more to a new group), and a kind ending in "opener" carries
no way back."""
from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field

from policy import InviteRequest, SendRequest

NON_SPAM = {"text", "followers_only", "group", "storage"}
DAY = 86400.0


@dataclass
class SenderResult:
    tactic: str
    sender: str
    reached: int = 0                  # distinct strangers who got at least one message
    armed: int = 0                    # strangers who got a payload (a way back, or a piece of one)
    first_at: int | None = None       # strangers reached when first refused by a spam rule
    first_rules: tuple[str, ...] = ()
    sends: int = 0
    refusals: int = 0
    samples: list[str] = field(default_factory=list)

    @property
    def contained(self) -> bool:
        return (self.first_at is not None and self.first_at <= 4) or self.reached <= 4

    @property
    def held(self) -> bool:
        return self.reached <= 4


def run_sender(engine, graph, now, camp, start: float, horizon: float = DAY) -> SenderResult:
    sid = camp.sid
    res = SenderResult(camp.name, sid)
    end = start + horizon
    counter = itertools.count()
    target_ids = (f"{sid}.t{i}" for i in itertools.count())
    spare: list[str] = []
    events: list = []  # (time, seq, recipients, kind, conv)
    next_unit = start
    blocked_until = start
    reached: set[str] = set()
    armed: set[str] = set()
    conv_n = itertools.count()

    def new_targets(n: int) -> tuple[str, ...]:
        out = []
        while len(out) < n:
            t = spare.pop(0) if spare else next(target_ids)
            graph.follow(t, sid)   # the stranger follows the sender; never the reverse, never writes
            out.append(t)
        return tuple(out)

    def new_group(members: tuple[str, ...], at: float) -> str:
        conv = f"{sid}.c{next(conv_n)}"
        inv = InviteRequest(sid, members, conv)
        d = engine.check_invite(inv)
        if d.allowed:
            graph.record_invite(inv, at)
        return conv

    while True:
        t_evt = events[0][0] if events else float("inf")
        t = min(t_evt, next_unit)
        t = max(t, blocked_until)
        if t > end:
            break
        now[0] = t
        if next_unit <= t_evt:
            size = camp.next_size()
            recips = new_targets(size)
            conv = new_group(recips, t) if size > 1 else None
            for delay, kind in camp.plan():
                heapq.heappush(events, (t + delay, next(counter), recips, kind, conv))
            next_unit = t + camp.pace()
            continue
        _, _, recips, kind, conv = heapq.heappop(events)
        text = camp.text(kind)
        d = engine.check(SendRequest(sid, recips, text, conversation=conv))
        res.sends += 1
        if d.allowed:
            new = [r for r in recips if r not in reached]
            reached.update(recips)
            if not kind.endswith("opener"):
                armed.update(recips)
            if len(res.samples) < 40:
                res.samples.append(f"[{len(reached)}{'' if new else '+'}] {text}")
            for r in recips:
                graph.record_message(sid, r)
            continue
        res.refusals += 1
        rules = tuple(r.rule for r in d.reasons)
        if res.first_at is None and any(r not in NON_SPAM for r in rules):
            res.first_at = len(reached)
            res.first_rules = rules
        camp.after_refusal({r.code for r in d.reasons})
        if d.retry_after is None:
            if len(recips) > 4:   # a group too many strangers at once: a new group of 4, the rest later
                keep, rest = recips[:4], recips[4:]
                spare.extend(r for r in rest if r not in reached)
                conv = new_group(keep, t)
                heapq.heappush(events, (t + 1, next(counter), keep, kind, conv))
            else:
                blocked_until = t + 900  # nothing lifts it: drop this one, try again later
                spare.extend(r for r in recips if r not in reached and r not in spare)
        else:
            blocked_until = t + d.retry_after + 1
            heapq.heappush(events, (blocked_until, next(counter), recips, kind, conv))
    res.reached = len(reached)
    res.armed = len(armed)
    return res
