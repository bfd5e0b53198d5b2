"""Runs one spam sender for a simulated day against an engine, obeying every refusal.

A campaign proposes units (a number of new strangers, and a plan: the messages it sends them
and when); the harness finds the strangers (each follows the sender, never writes back, is
never followed), starts a group for a unit of several, and sends each message with a text the
campaign writes at that moment (every copy and retry a fresh text). A COOLDOWN is waited out
(any attempt would restart it); a THROTTLE is waited out when it lifts within the hour, and
otherwise the message is dropped and the sender moves on half an hour later (or when it lifts,
if sooner); a refusal no wait lifts drops the message (a group over 4 strangers is cut to 4)."""
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
    reached: int = 0
    armed: int = 0                    # strangers who got a way back
    first_at: int | None = None       # strangers reached when first refused by a spam rule
    first_rules: tuple[str, ...] = ()
    sends: int = 0
    refusals: int = 0
    samples: list[str] = field(default_factory=list)

    @property
    def contained(self) -> bool:
        return (self.first_at is not None and self.first_at <= 4) or self.reached <= 4


def run_sender(engine, graph, now, camp, start: float, horizon: float = DAY) -> SenderResult:
    sid = camp.sid
    res = SenderResult(camp.name, sid)
    end = start + horizon
    seq = itertools.count()
    fresh = (f"{sid}.t{i}" for i in itertools.count())
    spare: list[str] = []
    events: list = []
    next_unit = start
    blocked_until = start
    reached: set[str] = set()
    armed: set[str] = set()
    convs = itertools.count()

    def targets(n: int) -> tuple[str, ...]:
        out = []
        while len(out) < n:
            t = spare.pop(0) if spare else next(fresh)
            graph.follow(t, sid)
            out.append(t)
        return tuple(out)

    def group(members: tuple[str, ...], at: float) -> str | None:
        conv = f"{sid}.g{next(convs)}"
        inv = InviteRequest(sid, members, conv)
        if engine.check_invite(inv).allowed:
            graph.record_invite(inv, at)
            return conv
        return None

    while True:
        t_evt = events[0][0] if events else float("inf")
        t_unit = next_unit if camp.more() else float("inf")
        t = max(min(t_evt, t_unit), blocked_until)
        if t > end or (t_evt == float("inf") and t_unit == float("inf")):
            break
        now[0] = t
        if t_unit <= t_evt:
            size, plan = camp.next_unit()
            recips = targets(size)
            conv = group(recips, t) if size > 1 else None
            if size > 1 and conv is None:
                spare.extend(recips)
                recips = recips[:1]
            for delay, kind in plan:
                heapq.heappush(events, (t + delay, next(seq), recips, kind, conv))
            next_unit = t + camp.pace()
            continue
        _, _, recips, kind, conv = heapq.heappop(events)
        text = camp.text(kind, recips)
        d = engine.check(SendRequest(sid, recips, text, conversation=conv))
        res.sends += 1
        if d.allowed:
            new = [r for r in recips if r not in reached]
            reached.update(recips)
            if camp.way_back(kind, text):
                armed.update(recips)
            if len(res.samples) < 40:
                res.samples.append(f"[{len(reached)}{'' if new else '+'}] {text}")
            for r in recips:
                graph.record_message(sid, r)
            camp.delivered(kind, recips)
            continue
        res.refusals += 1
        rules = tuple(r.rule for r in d.reasons)
        codes = {r.code for r in d.reasons}
        if res.first_at is None and any(r not in NON_SPAM for r in rules):
            res.first_at = len(reached)
            res.first_rules = rules
        camp.refused(kind, codes)
        verdict = str(d.verdict).rsplit(".", 1)[-1].upper()
        wait = d.retry_after
        if wait is None:
            if len(recips) > 4 and ("group_too_large" in codes or "too_many_strangers" in codes):
                keep = recips[:4]
                spare.extend(r for r in recips[4:] if r not in reached)
                conv2 = group(keep, t)
                heapq.heappush(events, (t + 1, next(seq), keep, kind, conv2))
            else:
                spare.extend(r for r in recips if r not in reached and r not in spare)
                blocked_until = t + 900
        elif verdict == "COOLDOWN" or wait <= 3600:
            blocked_until = t + wait + 1
            heapq.heappush(events, (blocked_until, next(seq), recips, kind, conv))
        else:   # a long throttle: drop this message, move on later
            spare.extend(r for r in recips if r not in reached and r not in spare)
            blocked_until = t + min(wait + 1, 1800)
    res.reached = len(reached)
    res.armed = len(armed)
    return res
