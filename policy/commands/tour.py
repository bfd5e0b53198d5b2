"""``dm-policy tour``: a short end-to-end walk through the default policy on memory://.

It plays a scripted day on a virtual clock and prints each decision, so a
newcomer sees every seed rule at work in a few seconds.

On a shared storage (``--storage redis://...``) the tour writes under a key prefix of its
own (``dmp-tour-<random>``, with a throwaway key secret), so that it never meets an
earlier run's state or a deployment's, and deletes every key under that prefix when it ends.

Exit status: 0; 2 bad rules or storage URI; 3 the storage was unavailable (some
decisions were made without it).
"""

from __future__ import annotations

import argparse
import secrets
import sys
from typing import Any

from policy import Engine, InviteRequest, MemoryGraph, PolicyError, SendRequest
from policy.decision import Decision

DEFAULT_RULES = "default"  # the packaged rules (policy/packaged.py)


def register(sub: Any) -> None:
    p = sub.add_parser("tour", help="play a scripted walk through the default policy and print decisions",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rules", default=DEFAULT_RULES, help="rules file, or a packaged name (default: the packaged 'default')")
    p.add_argument("--storage", default="memory://", help="storage URI (default: memory://)")
    p.set_defaults(run=run)


def _line(label: str, decision: Decision) -> str:
    verdict = decision.verdict.value.upper()
    why = f" [{decision.code}] {decision.reasons[0].message}" if decision.reasons else ""
    wait = f" (retry in {decision.retry_after:.0f}s)" if decision.retry_after else ""
    left = f" quota {decision.quota.remaining}/{decision.quota.limit}" if decision.quota else ""
    return f"  {label:<52} {verdict:<11}{wait}{left}{why}"


def run(args: argparse.Namespace) -> int:
    clock = [1_800_000_000.0]  # a virtual clock: the tour plays a day in a second
    graph = MemoryGraph()
    friends = ["bob", "carol", "dave", "erin", "frank", "gina", "hank"]
    for name in friends:
        graph.follow(name, "alice")
        graph.follow(name, "sam")
    graph.block("carol", "mallory")
    graph.follow("mallory", "alice")
    options: dict[str, Any] = {}
    where = args.storage
    if not args.storage.startswith("memory:"):
        # A prefix and a secret of its own: never an earlier tour's state, nor a deployment's.
        prefix = f"dmp-tour-{secrets.token_hex(4)}"
        options = {"storage_options": {"key_prefix": prefix},
                   "key_secret": secrets.token_bytes(32)}
        where = f"{args.storage} (key prefix {prefix}, removed at the end)"
    try:
        engine = Engine.from_file(args.rules, storage=args.storage, graph=graph,
                                  clock=lambda: clock[0], **options)
    except (PolicyError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        return _play(args.rules, where, engine, graph, clock)
    finally:
        drop = getattr(engine.storage, "drop_prefix", None)
        if options and drop is not None:
            try:
                drop()  # the tour's own prefix: everything it wrote
            except PolicyError:
                pass  # the storage went away: the keys expire on their own (TTL)
        engine.close()


def _play(rules: str, where: str, engine: Engine, graph: MemoryGraph, clock: list[float]) -> int:
    friends = ["bob", "carol", "dave", "erin", "frank", "gina", "hank"]
    print(f"dm-policy tour: rules {rules} (version {engine.rules.version}), storage {where}")
    degraded = [0]  # decisions made without the storage (it was unavailable)

    def send(label: str, sender: str, to: tuple[str, ...], text: str, **kw: Any) -> Decision:
        decision = engine.check(SendRequest(sender, to, text, **kw))
        degraded[0] += bool(decision.degraded)
        print(_line(label, decision))
        return decision

    print("\nWho may message whom")
    send("alice -> bob (bob follows alice)", "alice", ("bob",), "Lunch tomorrow?")
    send("alice -> zoe (zoe does not follow alice)", "alice", ("zoe",), "Hello there")
    send("alice -> 20 people at once", "alice", tuple(f"u{i}" for i in range(20)), "Hi all")
    invite = engine.check_invite(InviteRequest("alice", ("mallory",), "c1", ("alice", "carol")))
    print(_line("alice invites mallory (carol blocks mallory)", invite))

    print("\nText length")
    send("141 characters over the API", "alice", ("bob",), "x" * 141)
    send("SMS: 'd bob ' + 150 characters = 156", "alice", ("bob",), "y" * 150, channel="sms")
    send("SMS: 'd bob ' + 155 characters = 161", "alice", ("bob",), "y" * 155, channel="sms")

    print("\nDuplicate messages to many accounts, then the 30-minute wait")
    spam = "Congratulations! You won a {} prize. Call 0906170{} now to claim your reward"
    for i, name in enumerate(friends[:5]):
        clock[0] += 30
        send(f"sam -> {name}: prize text, other amount and number", "sam", (name,),
             spam.format(100 * i, i))
    clock[0] += 29 * 60
    send("sam tries again 29 minutes later", "sam", ("bob",), "sorry, was that you?")
    clock[0] += 29 * 60
    send("29 more minutes: still waiting (attempt restarted it)", "sam", ("bob",), "hello?")
    clock[0] += 30 * 60 + 1
    send("sam waits 30 minutes without any attempt", "sam", ("bob",), "ok I'll stop")

    print("\nOne number in other words, and many people you don't follow back")
    fans = [f"fan{i:02d}" for i in range(14)]
    for fan in fans:
        graph.follow(fan, "promo")  # they follow promo; promo follows none of them back
    pitches = ["Cheap flights to Spain this weekend, call 0800 555 0199",
               "Your parcel is waiting at the depot. Ring 0800-555-0199 to rebook",
               "You have been selected for a bonus! Dial zero eight hundred 555 0199",
               "Hot deals near you tonight, phone 08005550199",
               "Last chance for your refund: 0800 555 0199"]
    for i, pitch in enumerate(pitches):
        clock[0] += 60
        send(f"promo -> {fans[i]}: the same number, other words", "promo", (fans[i],), pitch)
    clock[0] += 3600
    for i, fan in enumerate(fans[5:], start=5):
        clock[0] += 60
        decision = send(f"promo -> {fan}: a note of its own", "promo", (fan,),
                        f"Hi {fan}, thanks for following, note {i}")
        if not decision.allowed:
            break

    print("\nA compromised third-party app")
    send("alice -> alice through 'autoposter'", "alice", ("alice",), "Check this out", app="autoposter")
    send("alice -> bob through 'autoposter'", "alice", ("bob",), "Another one", app="autoposter")
    send("alice -> bob from the first-party app", "alice", ("bob",), "Sorry, that was not me")

    print("\n1,000 messages per rolling day")
    graph.follow("alice", "hank")
    last = None
    for i in range(1000):
        clock[0] += 60
        last = engine.check(SendRequest("hank", ("alice",), f"message number {i}"))
        degraded[0] += bool(last.degraded)
    assert last is not None
    print(_line("hank's 1,000th message of the day", last))
    send("hank's 1,001st", "hank", ("alice",), "one more")
    if degraded[0]:
        print(f"error: the storage was unavailable: {degraded[0]} decisions were made without "
              f"it (degraded): the tour does not show the policy", file=sys.stderr)
        return DEGRADED
    return 0


DEGRADED = 3  # exit status: some decisions were made without the storage
