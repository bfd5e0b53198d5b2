"""One spam sender's simulated day against the engine, obeying every refusal."""
from __future__ import annotations

from dataclasses import dataclass, field

from policy import InviteRequest, SendRequest, Verdict

DAY = 86400.0
NOT_SPAM = {"text", "followers_only", "group", "storage"}


@dataclass
class State:
    start: float
    now: list[float]
    reached: list[str] = field(default_factory=list)

    @property
    def elapsed(self) -> float:
        return self.now[0] - self.start


@dataclass
class SenderResult:
    tactic: str
    sender: str
    reached: int = 0
    armed: int = 0
    first_at: int | None = None
    first_rules: tuple[str, ...] = ()
    samples: list[str] = field(default_factory=list)
    sends: int = 0
    refusals: int = 0

    @property
    def contained(self) -> bool:
        return (self.first_at is not None and self.first_at <= 4) or self.reached <= 4

    @property
    def held(self) -> bool:
        return self.reached <= 4


def run_sender(engine, graph, now, camp, start) -> SenderResult:
    sender = camp.sender
    now[0] = start
    end = start + DAY
    st = State(start, now)
    res = SenderResult(camp.tactic, sender)
    reached: set[str] = set()
    armed: set[str] = set()
    counter = [0]
    pals: list[str] = []

    def fresh() -> str:
        counter[0] += 1
        r = f"{sender}.t{counter[0]}"
        graph.follow(r, sender)
        return r

    def pal(i: int) -> str:
        while len(pals) <= i:
            p = f"{sender}.pal{len(pals)}"
            graph.follow(p, sender)
            graph.follow(sender, p)
            graph.record_message(p, sender)
            pals.append(p)
        return pals[i]

    def refusal(d) -> tuple[str, ...]:
        rules = tuple(r.rule for r in d.reasons)
        spam = tuple(r for r in rules if r not in NOT_SPAM)
        if spam:
            res.refusals += 1
            if res.first_at is None:
                res.first_at = len(reached)
                res.first_rules = spam
        return rules

    def obey(d) -> bool:
        """Wait out a cooldown or a throttle; True when the same send may be tried again."""
        if d.verdict == Verdict.COOLDOWN:
            now[0] += (d.retry_after or 1800.0) + 1.0
            return True
        if d.verdict == Verdict.THROTTLE and d.retry_after is not None:
            if now[0] + d.retry_after + 1.0 < end:
                now[0] += d.retry_after + 1.0
                return True
        return False

    idle = 0
    while now[0] < end and idle < 40:
        step = camp.next(st)
        if step is None:
            break
        now[0] += step.wait
        if now[0] >= end:
            break
        if not step.parts:
            continue
        if step.old:
            i = int(step.tag or 0)
            if i >= len(st.reached):
                continue
            targets: tuple[str, ...] = (st.reached[i],)
        else:
            targets = tuple(fresh() for _ in range(step.new))
        members = targets + tuple(pal(i) for i in range(step.pals))
        conv = None
        if step.group:
            conv = f"{sender}.g{counter[0]}"
            inv = InviteRequest(inviter=sender, invitees=members, conversation=conv,
                                members=(sender,))
            d = engine.check_invite(inv)
            if not d.allowed:
                refusal(d)
                idle += 1
                camp.refused(tuple(r.rule for r in d.reasons), step)
                obey(d)
                continue
            graph.record_invite(inv, now[0])
        ok_parts = 0
        for part in step.parts:
            tries = 0
            while True:
                d = engine.check(SendRequest(sender, members, part.text, conversation=conv))
                res.sends += 1
                if d.allowed:
                    break
                rules = refusal(d)
                tries += 1
                if tries > 3 or not obey(d) or now[0] >= end:
                    camp.refused(rules, step)
                    break
            if not d.allowed:
                break
            ok_parts += 1
            for m in members:
                graph.record_message(sender, m)
            if len(res.samples) < 40:
                res.samples.append(part.text)
            for t in targets:
                if t not in reached:
                    reached.add(t)
                    st.reached.append(t)
            now[0] += 20.0
        if ok_parts == len(step.parts) and any(p.armed for p in step.parts):
            armed.update(targets)
        idle = 0 if ok_parts else idle + 1
    res.reached = len(reached)
    res.armed = len(armed)
    return res
