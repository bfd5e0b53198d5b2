"""Outside red-team driver for dm-policy (round 13, written from scratch by a helper who had
read the rules and the reader but not policy/backtest/adversary.py; kept as it was written).

Each spammer: followed by all its targets, follows none, nobody writes back. It sends
messages (1 to 3 parts, 1 to N recipients) and obeys every refusal: retry_after + 1..30 s,
else ~30 s and next target. 24 simulated hours. Contained = at most 4 distinct targets
reached when the first refusal by a spam rule (kind not in quota/text_length/follows/group)
arrived (the project's definition).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from policy.engine import Engine
from policy.graph import MemoryGraph
from policy.requests import SendRequest
from policy.rules import load_rules

NON_SPAM = {"quota", "text_length", "follows", "group"}
RULES = load_rules(Path(__file__).resolve().parents[2] / "rules" / "default.toml")
SPAM_RULES = {r.name for r in RULES.rules if r.kind not in NON_SPAM}
T0 = 1_800_000_000.0
HOURS = 24.0


@dataclass
class Msg:
    """One logical message to ``n`` new recipients, in parts (texts), each a send."""
    parts: list[str]
    n: int = 1            # recipients of the group (new strangers)
    gap: float = 20.0     # seconds between parts
    pace: float = 60.0    # seconds to wait after the message before the next


@dataclass
class Tally:
    reached: set = field(default_factory=set)
    at_first_spam_refusal: int | None = None
    first_refusal: str | None = None
    sent: list = field(default_factory=list)  # (nth stranger at send, recipients, text)
    attempts: int = 0


def run_spammer(uid: str, gen, rng: random.Random, n_targets: int = 1000) -> Tally:
    graph = MemoryGraph()
    now = [T0 + rng.uniform(0, 3600)]
    engine = Engine(RULES, storage="memory://", graph=graph, clock=lambda: now[0])
    targets = [f"{uid}-t{i:04d}" for i in range(n_targets)]
    for t in targets:
        graph.follow(t, uid)
    tally = Tally()
    end = T0 + HOURS * 3600
    ti = 0
    max_group = 19
    while now[0] < end and ti < len(targets):
        msg: Msg = gen(rng, ti)
        group = tuple(targets[ti:ti + min(msg.n, max_group)])
        ti += len(group)
        part = 0
        while part < len(msg.parts) and now[0] < end:
            text = msg.parts[part]
            d = engine.check(SendRequest(uid, group, text))
            tally.attempts += 1
            if d.allowed:
                tally.sent.append((len(tally.reached), group, text))
                tally.reached.update(group)
                part += 1
                if part < len(msg.parts):
                    now[0] += msg.gap * rng.uniform(0.5, 1.5)
                continue
            reason = d.reasons[0] if d.reasons else None
            if reason is not None and reason.rule in SPAM_RULES and tally.at_first_spam_refusal is None:
                tally.at_first_spam_refusal = len(tally.reached)
                tally.first_refusal = f"{reason.rule}/{d.code}"
            if len(group) > 1 and part == 0 and reason is not None and reason.rule in SPAM_RULES:
                # a group read as spam: smaller groups from now on, the rest go back to the pool
                max_group = max(1, len(group) // 2)
                ti -= len(group) - max_group
                group = group[:max_group]
            if d.retry_after:
                now[0] += d.retry_after + rng.uniform(1, 30)
                # an adaptive spammer re-spins the message for the retry
                if part == 0:
                    fresh = gen(rng, ti)
                    msg = Msg(fresh.parts, len(group), fresh.gap, fresh.pace)
                continue
            now[0] += 30  # a REJECT: move on
            break
        now[0] += msg.pace * rng.uniform(0.6, 1.4)
    engine.close()
    return tally


def run_family(name: str, gen,  # gen(rng) -> (rng, i) -> Msg
                spammers: int = 20, seed: int = 1) -> dict:
    rows = []
    for s in range(spammers):
        rng = random.Random(f"{seed}:{name}:{s}")
        rows.append(run_spammer(f"sp-{name}-{s:02d}", gen(rng), rng))
    contained = sum(1 for t in rows if (t.at_first_spam_refusal if t.at_first_spam_refusal is not None
                                        else len(t.reached)) <= 4)
    reached = [len(t.reached) * 24.0 / HOURS for t in rows]
    return {"family": name, "contained": contained / len(rows), "mean": sum(reached) / len(rows),
            "max": max(reached), "tallies": rows}


def check_family(name: str, gen, floor: float = 0.0, seed: int = 1) -> None:
    """The red-team tests' check: 20 spammers of a family at ``seed``, none over the
    strangers rules' 20 a day, and at least ``floor`` of them contained."""
    run = run_family(name, gen, spammers=20, seed=seed)
    assert run["max"] <= 20, run["max"]  # strangers_daily: 20 a day, whatever the texts
    assert run["contained"] >= floor, (name, run["contained"])
