"""Red team, round 6: an outside team's campaigns and a robustness review against
rules/default.toml, memory://.

Each leak's test failed on the code before its fix (ff1bb09); the tests beside them pin
what the fix must keep.
"""

from __future__ import annotations

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.requests import InviteRequest
from tests.conftest import DEFAULT_RULES

T0 = 1_790_000_000.0
SPAM_RULES = {"duplicates", "mass_copies", "contacts", "links_to_strangers",
              "links_to_followed", "spam_cooldown", "spam_strangers_pause"}
PITCH = ("hey, some extra money is set aside for you this week, honestly no catch, "
         "just ask me how")


def _engine() -> tuple[Engine, MemoryGraph, VirtualClock]:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    return Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock), \
        graph, clock


def _first_spam_refusal(engine: Engine, graph: MemoryGraph, clock: VirtualClock,
                        sends: list[tuple[tuple[str, ...], str, str | None]]) -> int | None:
    """Strangers reached before the first refusal by a spam rule (None: never refused)."""
    reached: set[str] = set()
    for people, text, conversation in sends:
        for person in people:
            graph.follow(person, "spammer")
        if conversation is not None:
            assert engine.check_invite(InviteRequest("spammer", people, conversation)).allowed
        decision = engine.check(SendRequest("spammer", people, text, conversation=conversation))
        if decision.allowed:
            reached.update(people)
        elif decision.reasons[0].rule in SPAM_RULES:
            return len(reached)
        clock.advance(1500)
    return None


def test_one_text_to_conversations_of_invited_strangers_counts_each_member() -> None:
    """The red team's reproducer: it invited 4 strangers into a conversation of its own,
    then sent the text there, five times. A conversation counted once for the duplicates
    rule: 12 strangers reached, then only the plain strangers rule refused."""
    engine, graph, clock = _engine()
    sends = [(tuple(f"t{4 * k + j}" for j in range(4)), PITCH, f"g{k}") for k in range(5)]
    assert _first_spam_refusal(engine, graph, clock, sends) == 4
    # ... as a new group already did
    engine, graph, clock = _engine()
    sends = [(people, text, None) for people, text, _ in sends]
    assert _first_spam_refusal(engine, graph, clock, sends) == 4


def test_members_swapped_into_one_conversation_count_as_they_come() -> None:
    engine, graph, clock = _engine()
    sends = [((f"t{k}", f"t{k + 1}"), PITCH, "g") for k in range(0, 12, 2)]
    assert _first_spam_refusal(engine, graph, clock, sends) == 4


def test_the_same_text_again_to_a_large_silent_conversation_is_not_refused() -> None:
    """Up to one under `recipients` of its members count: a reminder posted again and
    again to a conversation of 12 people who never wrote is never a 5th recipient."""
    engine, graph, clock = _engine()
    members = tuple(f"m{i}" for i in range(12))
    for member in members:
        graph.follow(member, "host")
    text = "Reminder: the meeting moves to room 4 tomorrow morning at nine sharp"
    for _ in range(6):
        assert engine.check(SendRequest("host", members, text, conversation="team")).allowed
        clock.advance(600)


def test_a_copy_that_reaches_nobody_new_does_not_fire() -> None:
    """The rule fires at the 5th distinct recipient; sending the text again to the first
    (a retry) counts nobody new."""
    engine, graph, clock = _engine()
    for i in range(6):
        graph.follow(f"f{i}", "alice")
    text = "Would you like to join our five-a-side football team on Tuesday evenings?"
    for i in range(4):
        assert engine.check(SendRequest("alice", (f"f{i}",), text)).allowed
        clock.advance(60)
    assert engine.check(SendRequest("alice", ("f0",), text)).allowed
    clock.advance(60)
    assert engine.check(SendRequest("alice", ("f4",), text)).code == "duplicate_content"
