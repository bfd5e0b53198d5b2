"""Round 36 (blind): a helper that read only README.md, docs/spam.md, docs/python.md and
rules/default.toml built 13 campaign families from the SMS Spam Collection's spam
(paraphrase, sentences of 2 or 3 campaigns mixed, personal hooks, ordinary chat plus one
payload, an opener then the payload, drip pacing, new groups mixed with 1:1, other languages
mixed in, emoji and ASCII art, a grammar that words each copy afresh, the call to action
alone respelt, all of them at once, and the dot of a link said otherwise), in four payload
modes: blind (each copy's call to action spelt at random from a bank a docs reader writes),
pick (one spelling a campaign), recon and reconlink (copies kept only when a local engine
reads them as nothing: an attacker who probes the reader).

python -m tests.redteam36.run --seed N [--senders 20] [--ham 500] [--families a,b] [--modes blind,recon]

Blind, contained at seeds 1 / 2 / 3: saydot 15 / 45 / 45% (blind) and 35 / 35 / 20% (pick),
the others 65 to 100%; recon 0 to 35%, reconlink 0 to 30%; at most 20 strangers a day in
every row; 0 of 1,500 ordinary senders refused. What it wrote and the reader missed (a site's
dot said "full stop" or "period", written apart by a spaced comma, dash or double dot, a bar
or an emoji, "put com on the end", "d0t c0m", "reply X to win", a short code with emoji or
spaces between its digits) is read now (policy/ways_back.py;
tests/checks/test_ways_back_round36.py), narrowed after two reviews of ordinary talk aimed at
the new forms: 461 messages (262 read by the first version, 2 now) and 398 written after
(162 read by the version then, 19 now, contrived but 2). Blind 70 to 100% at the three seeds
(saydot 85 to 90%), pick 75 to 100%. Recon stays at 0 to 25% contained by design: copies
chosen because they read as nothing are held by the content-agnostic limits (12 strangers in
6 hours, 20 a day; rules/strict.toml's 24-hour pause after a duplicates refusal)."""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

from policy import Engine, InviteRequest, MemoryGraph, SendRequest, Verdict
from policy.clock import VirtualClock
from tests.redteam36 import gen

DAY = 86400.0
NON_SPAM_RULES = {"followers_only", "text", "group", "daily_quota"}


RULES = "rules/default.toml"


def new_engine(start):
    graph = MemoryGraph()
    clock = VirtualClock(start)
    engine = Engine.from_file(RULES, storage="memory://", graph=graph, clock=clock)
    return engine, graph, clock


def wait_for(decision):
    """Seconds a rule-abiding sender waits before its next attempt (None: no wait lifts it)."""
    if decision.verdict is Verdict.COOLDOWN:
        waits = [r.retry_after for r in decision.reasons
                 if r.verdict is Verdict.COOLDOWN and r.retry_after]
        return max(waits) if waits else 1800.0
    if decision.verdict is Verdict.THROTTLE:
        return decision.retry_after
    return None


def run_spammer(fam_cls, idx, mode, seed, engine, graph, clock, oracle, n_targets=80, log=None):
    rng = random.Random(f"{seed}:{fam_cls.name}:{mode}:{idx}")
    fam = fam_cls(rng, mode, oracle)
    sender = f"sp_{fam_cls.name}_{mode}_{seed}_{idx}"
    targets = [f"{sender}_v{i}" for i in range(n_targets)]
    for t in targets:
        graph.follow(t, sender)  # strangers follow the sender, never write back
    start = clock.now
    end = start + DAY
    reached_any, reached_pay = set(), set()
    examples = []
    refusals = {}
    ti = 0
    conv_n = 0
    attempts = 0
    while ti < len(targets) and clock.now < end and attempts < 600:
        # one slot: a single stranger, or a new group of 4 strangers
        as_group = fam.group_every and ti % (fam.group_every * 1) == 0 and ti + 4 <= len(targets) and rng.random() < 0.5
        if as_group:
            members = tuple(targets[ti:ti + 4])
            conv_n += 1
            conv = f"{sender}_c{conv_n}"
            inv = engine.check_invite(InviteRequest(inviter=sender, invitees=members, conversation=conv,
                                                    members=(sender,)))
            if not getattr(inv, "allowed", True):
                refusals["invite:" + str(inv.code)] = refusals.get("invite:" + str(inv.code), 0) + 1
                as_group = False
            else:
                graph.start_conversation(conv, sender, clock.now)
                try:
                    graph.record_invite(InviteRequest(inviter=sender, invitees=members, conversation=conv,
                                                      members=(sender,)), clock.now)
                except Exception:
                    pass
        if as_group:
            recips, conversation, step = members, conv, 4
        else:
            recips, conversation, step = (targets[ti],), None, 1
        msgs = fam.messages(ti)
        mi = 0
        while mi < len(msgs) and clock.now < end and attempts < 600:
            text, pay = msgs[mi]
            if text == "WAIT":
                clock.advance(rng.uniform(600, 3600))
                mi += 1
                continue
            attempts += 1
            d = engine.check(SendRequest(sender, recips, text, conversation=conversation))
            if d.allowed:
                for r in recips:
                    graph.record_message(sender, r)
                    reached_any.add(r)
                    if pay:
                        reached_pay.add(r)
                if pay and len(examples) < 400:
                    examples.append((len(reached_pay), text))
                mi += 1
                clock.advance(rng.uniform(*fam.gap))
                continue
            key = f"{d.reasons[0].rule}:{d.code}"
            refusals[key] = refusals.get(key, 0) + 1
            w = wait_for(d)
            if w is None:
                break  # give this slot up
            if clock.now + w >= end:
                clock.now = end
                break
            clock.advance(w + 1)
            # obey, then try again with a fresh copy
            if pay:
                msgs[mi] = (fam.payload_copy(ti), True)
            elif text != "WAIT":
                msgs[mi] = (gen.hook(rng, ti), False)
        ti += step
    clock.now = max(clock.now, end) + 1
    return {"family": fam_cls.name, "mode": mode, "reached_any": len(reached_any), "reached_payload": len(reached_pay),
            "refusals": refusals, "examples": examples, "orig": fam.orig}


# --------------------------------------------------------------------------- ordinary senders
GREETS = ["happy birthday!! have a great one", "running 10 mins late sorry", "anyone up for the pub later?",
          "did u see the match last night", "ok see u there", "lol", "haha yes", "thanks!!", "where r u",
          "can u send me the notes from today pls", "good luck tomorrow x", "happy new year!!"]


def run_ordinary(idx, seed, engine, graph, clock):
    rng = random.Random(f"ham:{seed}:{idx}")
    u = f"ham{seed}_{idx}"
    nf = rng.randint(4, 16)
    friends = [f"{u}_f{i}" for i in range(nf)]
    for f in friends:
        graph.follow(f, u)
        if rng.random() < 0.85:
            graph.follow(u, f)
    fans = [f"{u}_fan{i}" for i in range(rng.randint(0, 6))]  # follow u, u does not follow; they write first
    for f in fans:
        graph.follow(f, u)
    newbies = [f"{u}_new{i}" for i in range(rng.choice([0, 0, 0, 1, 2, 3]))]  # follow u, never wrote
    for f in newbies:
        graph.follow(f, u)
    start = clock.now
    end = start + DAY
    refused = []
    cooled = False
    sends = 0

    def send(recips, text, conversation=None):
        nonlocal cooled, sends
        sends += 1
        text = text[:140]
        d = engine.check(SendRequest(u, tuple(recips), text, conversation=conversation))
        if d.allowed:
            for r in recips:
                graph.record_message(u, r)
        else:
            spam = [r for r in d.reasons if r.rule not in NON_SPAM_RULES]
            if spam or d.verdict is Verdict.COOLDOWN:
                refused.append((d.reasons[0].rule, d.code, text))
            if d.verdict is Verdict.COOLDOWN:
                cooled = True
        return d

    sessions = rng.randint(3, 12)
    for _ in range(sessions):
        if clock.now >= end:
            break
        clock.advance(rng.uniform(600, DAY / (sessions + 1)))
        kind = rng.random()
        if kind < 0.55:  # a conversation both ways
            f = rng.choice(friends + fans) if fans and rng.random() < 0.25 else rng.choice(friends)
            for _ in range(rng.randint(1, 8)):
                graph.record_message(f, u)
                clock.advance(rng.uniform(5, 120))
                send((f,), rng.choice(gen.HAM))
                clock.advance(rng.uniform(5, 300))
        elif kind < 0.7:  # a burst to one friend
            f = rng.choice(friends)
            for _ in range(rng.randint(5, 15)):
                send((f,), rng.choice(gen.HAM))
                clock.advance(rng.uniform(2, 20))
            graph.record_message(f, u)
        elif kind < 0.82:  # invite a few friends to a group and post
            members = tuple(rng.sample(friends, min(len(friends), rng.randint(2, 6))))
            conv = f"{u}_g{rng.randrange(10**6)}"
            engine.check_invite(InviteRequest(inviter=u, invitees=members, conversation=conv, members=(u,)))
            graph.start_conversation(conv, u, clock.now)
            for _ in range(rng.randint(1, 4)):
                send(members, rng.choice(gen.HAM), conversation=conv)
                clock.advance(rng.uniform(10, 200))
                graph.record_message(rng.choice(members), u)
        elif kind < 0.92:  # the same short news to several friends one by one
            text = rng.choice(GREETS)
            for f in rng.sample(friends, min(len(friends), rng.randint(2, 6))):
                send((f,), text)
                clock.advance(rng.uniform(10, 90))
        else:  # a first message to someone new who follows them
            if newbies:
                f = newbies.pop()
                send((f,), rng.choice(gen.HAM))
            else:
                f = rng.choice(friends)
                send((f,), rng.choice(gen.HAM))
    clock.now = max(clock.now, end) + 1
    return {"refused": refused, "cooled": cooled, "sends": sends}


def run_family(fam_cls, mode, seed, senders, oracle=None, start=1.80e9):
    """One family's ``senders`` spam senders in one payload mode, on one engine."""
    engine, graph, clock = new_engine(start)
    oracle = oracle if oracle is not None else gen.Oracle()
    return [run_spammer(fam_cls, i, mode, seed, engine, graph, clock, oracle) for i in range(senders)]


def run_ham(seed, count, start=1.80e9):
    """``count`` ordinary senders on one engine."""
    engine, graph, clock = new_engine(start)
    return [run_ordinary(i, seed, engine, graph, clock) for i in range(count)]


# --------------------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--senders", type=int, default=20)
    ap.add_argument("--ham", type=int, default=500)
    ap.add_argument("--families", default="")
    ap.add_argument("--modes", default="blind,pick,recon,reconlink")
    ap.add_argument("--json", default="")
    ap.add_argument("--rules", default="rules/default.toml", help="rules the spam and ordinary senders face (the recon oracle always reads the default)")
    ap.add_argument("--examples", type=int, default=0)
    a = ap.parse_args(argv)
    global RULES
    RULES = a.rules
    fams = [f for f in gen.FAMILIES if not a.families or f.name in a.families.split(",")]
    oracle = gen.Oracle()
    t0 = time.time()
    rows, allres = [], []
    start = 1.80e9
    for mode in a.modes.split(","):
        for F in fams:
            res = run_family(F, mode, a.seed, a.senders, oracle, start)
            allres += res
            pay = [r["reached_payload"] for r in res]
            anyr = [r["reached_any"] for r in res]
            cont = sum(1 for x in pay if x <= 4) / len(res)
            cont_any = sum(1 for x in anyr if x <= 4) / len(res)
            rows.append((F.name, mode, cont, statistics.mean(pay), max(pay), cont_any, statistics.mean(anyr), max(anyr)))
            print(f"  {F.name:11} {mode:6} contained {cont:5.0%}  payload mean {statistics.mean(pay):5.1f} max {max(pay):3d}"
                  f" | any-msg contained {cont_any:5.0%} mean {statistics.mean(anyr):5.1f} max {max(anyr):3d}"
                  f"   ({time.time() - t0:.0f}s)", file=sys.stderr)
    hamres = run_ham(a.seed, a.ham, start) if a.ham else []
    print(f"\nround 36, seed {a.seed}, {a.senders} spam senders a family and mode, 24 h each, rules {a.rules}")
    print("contained = at most 4 strangers got a payload copy (any-msg: at most 4 strangers got any message)")
    print("| family | mode | contained | payload reached/day mean | max | contained (any msg) | any mean | any max |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]:.0%} | {r[3]:.1f} | {r[4]} | {r[5]:.0%} | {r[6]:.1f} | {r[7]} |")
    if hamres:
        ref = [h for h in hamres if h["refused"]]
        cool = [h for h in hamres if h["cooled"]]
        print(f"\nordinary senders: {len(hamres)}, refused by a spam rule: {len(ref)} ({len(ref) / len(hamres):.1%}),"
              f" cooled down: {len(cool)} ({len(cool) / len(hamres):.1%}); sends {sum(h['sends'] for h in hamres)}")
        for h in ref[:10]:
            print("   ", h["refused"][0])
    print(f"oracle probes: {oracle.n}; {time.time() - t0:.0f}s")
    if a.examples:
        for F in fams:
            for mode in a.modes.split(","):
                best = max((r for r in allres if r["family"] == F.name and r["mode"] == mode),
                           key=lambda r: r["reached_payload"])
                print(f"\n== {F.name} {mode}: {best['reached_payload']} strangers; from: {best['orig'][:120]}")
                print("   refusals:", best["refusals"])
                for n, t in best["examples"][4:4 + a.examples]:
                    print(f"   [{n}] {t}")
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"rows": rows, "results": allres,
                       "ham": [{"refused": h["refused"], "cooled": h["cooled"]} for h in hamres]}, fh, indent=1)


if __name__ == "__main__":
    main()
