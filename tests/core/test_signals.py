"""Sender context, conditional rules and the CHALLENGE verdict (docs/signals.md), on
memory://, fakeredis and a real redis-server."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from policy import Engine, MemoryGraph, SendRequest, Verdict, parse_rules
from policy.clock import VirtualClock
from policy.conditions import SenderContext
from policy.errors import InvalidRequest, RulesError
from policy.metrics import PrometheusObserver
from policy.rules import load_rules
from tests.backends import BACKENDS
from tests.conftest import DEFAULT_RULES, ROOT, T0

STRICT = ROOT / "rules" / "strict.toml"
NEW = {"account_created_at": T0 - 2 * 86400, "verified_email": False, "verified_phone": False}
OLD = {"account_created_at": T0 - 3 * 365 * 86400, "verified_email": True}
NEW_VERIFIED = {"account_age": "1d", "verified_phone": True}


@pytest.fixture(params=[b.name for b in BACKENDS])
def backend(request: pytest.FixtureRequest) -> Iterator[Any]:
    chosen = next(b for b in BACKENDS if b.name == request.param)
    with chosen.open(request) as opened:
        yield opened


def engine_on(backend: Any, path: Any, graph: MemoryGraph, clock: VirtualClock,
              **options: Any) -> Engine:
    return Engine(load_rules(path), storage=backend.new_storage(), graph=graph, clock=clock,
                  **options)


def followed(graph: MemoryGraph, sender: str, n: int) -> list[str]:
    people = [f"{sender}-fan{i}" for i in range(n)]
    for person in people:
        graph.follow(person, sender)
    return people


# -- the tier of rules/strict.toml ------------------------------------------------------


def test_default_toml_is_the_seed_policy_and_has_no_condition_nor_challenge() -> None:
    rules = load_rules(DEFAULT_RULES)
    assert rules.version.startswith("seed-")
    assert all(r.when is None and not r.challenge for r in rules.rules)


def test_strict_toml_quota_tier_new_account_lower_old_account_not(backend: Any) -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = engine_on(backend, STRICT, graph, clock)
    fans = followed(graph, "newbie", 1) + followed(graph, "veteran", 1)
    for n in range(100):
        # Replies in a conversation (the fan wrote first): no spam rule counts them.
        graph.record_message(fans[0], "newbie")
        graph.record_message(fans[1], "veteran")
        clock.advance(1)
        assert engine.check(SendRequest("newbie", (fans[0],), f"reply {n}", context=NEW)).allowed
        assert engine.check(SendRequest("veteran", (fans[1],), f"reply {n}", context=OLD)).allowed
    refused = engine.check(SendRequest("newbie", (fans[0],), "one more", context=NEW))
    assert refused.verdict is Verdict.THROTTLE
    assert (refused.reasons[0].rule, refused.code) == ("daily_quota_new", "quota_exceeded")
    assert refused.quota is not None and refused.quota.limit == 100
    allowed = engine.check(SendRequest("veteran", (fans[1],), "one more", context=OLD))
    assert allowed.allowed and allowed.quota is not None
    assert (allowed.quota.limit, allowed.quota.remaining) == (1000, 899)
    # A new account that verified its phone is out of the tier.
    verified = engine.check(SendRequest("newbie", (fans[0],), "one more", context=NEW_VERIFIED))
    assert verified.allowed and verified.quota is not None and verified.quota.limit == 1000


def test_strict_toml_duplicates_tier(backend: Any) -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = engine_on(backend, STRICT, graph, clock)
    text = "Claim your free cruise now, call this number before midnight tonight"
    for sender, context, fires_at in (("newbie", NEW, 3), ("veteran", OLD, 5)):
        fans = followed(graph, sender, 6)
        verdicts = []
        for fan in fans:
            clock.advance(5)
            verdicts.append(engine.check(SendRequest(sender, (fan,), text, context=context)))
        first = next(i for i, d in enumerate(verdicts) if not d.allowed) + 1
        assert first == fires_at, sender
        assert verdicts[first - 1].code == "duplicate_content"
        assert verdicts[first - 1].reasons[0].rule == ("duplicates_new" if fires_at == 3
                                                        else "duplicates")


def test_graph_attributes_and_the_request_wins(backend: Any) -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = engine_on(backend, STRICT, graph, clock)
    fans = followed(graph, "sam", 4)
    graph.set_attributes("sam", account_age="1d", verified_email=False)
    text = "Claim your free cruise now, call this number before midnight tonight"
    assert [engine.check(SendRequest("sam", (f,), text)).allowed for f in fans[:3]] == [
        True, True, False]
    engine.forget_user("sam")
    # The request says verified: the request's attribute wins over the graph's.
    assert all(engine.check(SendRequest("sam", (f,), text, context={"verified_email": True}))
               .allowed for f in fans[:3])


def test_missing_attributes_apply_the_tier_and_are_counted(caplog: Any) -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    observer = PrometheusObserver(CollectorRegistry())
    engine = Engine(load_rules(STRICT), graph=graph, clock=clock, observer=observer)
    fans = followed(graph, "anon", 3)
    text = "Claim your free cruise now, call this number before midnight tonight"
    with caplog.at_level(logging.WARNING, logger="policy.conditions"):
        results = [engine.check(SendRequest("anon", (f,), text)).allowed for f in fans]
    assert results == [True, True, False]  # when_missing = "apply": the stricter tier
    warnings = [r for r in caplog.records if "duplicates_new" in r.getMessage()]
    assert len(warnings) == 1  # once a minute per rule, not once per send
    value = observer.registry.get_sample_value
    assert value("dm_policy_conditions_total",
                 {"rule": "duplicates_new", "outcome": "missing"}) == 3
    engine.check(SendRequest("anon", (fans[0],), "hi", context=OLD))
    assert value("dm_policy_conditions_total",
                 {"rule": "daily_quota_new", "outcome": "not_applied"}) == 1


WHEN_SKIP = """
[[rules]]
name = "quota_new"
check = "quota"
limit = "1/day"
when = { account_age_under = "7d" }
when_missing = "skip"

[[rules]]
name = "notes"
check = "text_length"
max_chars = 5
when = { prior_enforcements_at_least = 2 }
when_missing = "skip"
"""


def test_when_missing_skip_and_a_stateless_conditional_rule() -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine(parse_rules(WHEN_SKIP), graph=graph, clock=clock)
    followed(graph, "x", 1)
    for _ in range(3):  # no age sent: when_missing = "skip", the 1/day rule sits out
        assert engine.check(SendRequest("x", ("x-fan0",), "hello world")).allowed
    young = {"account_age": 3600}
    assert engine.check(SendRequest("x", ("x-fan0",), "hi", context=young)).allowed
    refused = engine.check(SendRequest("x", ("x-fan0",), "hi", context=young))
    assert refused.code == "quota_exceeded"
    # A stateless kind with a condition: only senders with 2+ enforcements get 5 chars.
    long = "hello world"
    assert engine.check(SendRequest("y", ("y",), long, context={"prior_enforcements": 1})).allowed
    short = engine.check(SendRequest("y", ("y",), long, context={"prior_enforcements": 2}))
    assert short.code == "text_too_long"


def test_conditional_rule_in_shadow_mode_reports_and_never_refuses() -> None:
    text = STRICT.read_text().replace('name = "duplicates_new"\ncheck = "duplicates"',
                                      'name = "duplicates_new"\ncheck = "duplicates"\n'
                                      'mode = "shadow"')
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine(parse_rules(text), graph=graph, clock=clock)
    fans = followed(graph, "newbie", 4)
    spam = "Claim your free cruise now, call this number before midnight tonight"
    decisions = [engine.check(SendRequest("newbie", (f,), spam, context=NEW)) for f in fans]
    assert all(d.allowed for d in decisions)
    assert decisions[2].shadow[0].rule == "duplicates_new"


# -- validation -----------------------------------------------------------------------


@pytest.mark.parametrize("when, field, problem", [
    ('{ account_age_under = "7d", karma = 3 }', "when.karma", "is not a condition"),
    ('{ account_age_under = 7 }', "when.account_age_under", ""),
    ('{ account_age_under = true }', "when.account_age_under", "duration"),
    ('{ verified = "no" }', "when.verified", "true or false"),
    ('{ prior_enforcements_at_least = -1 }', "when.prior_enforcements_at_least", "from 0"),
    ('{ }', "when", "non-empty table"),
    ('"new"', "when", "non-empty table"),
])
def test_bad_conditions_name_file_rule_and_field(when: str, field: str, problem: str) -> None:
    text = f'[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "5/day"\nwhen = {when}\n'
    if field == "when.account_age_under" and problem == "":
        parse_rules(text, file="x.toml")  # a number of seconds is a duration
        return
    with pytest.raises(RulesError) as raised:
        parse_rules(text, file="x.toml")
    error = raised.value
    assert (error.file, error.rule, error.field) == ("x.toml", "q", field)
    assert problem in error.problem


def test_when_missing_is_validated() -> None:
    base = '[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "5/day"\n'
    with pytest.raises(RulesError, match=r"when_missing.*apply, skip"):
        parse_rules(base + 'when = { verified = false }\nwhen_missing = "maybe"\n')
    with pytest.raises(RulesError, match="only meaningful with a `when`"):
        parse_rules(base + 'when_missing = "skip"\n')


@pytest.mark.parametrize("extra, field, problem", [
    ('check = "apps"\nchallenge = ["quota_exceeded"]', "challenge", "not a refusal code"),
    ('check = "apps"\nchallenge = []', "challenge", "non-empty list"),
    ('check = "apps"\nchallenge = "self_message"', "challenge", "non-empty list"),
    ('check = "follows"\nchallenge = ["not_follower"]', "challenge", "only stateful"),
    ('check = "apps"\nchallenge_ttl = "1h"', "challenge_ttl", "only meaningful"),
    ('check = "apps"\nchallenge = ["self_message"]\nchallenge_ttl = "0s"', "challenge_ttl",
     "positive"),
])
def test_bad_challenges_name_file_rule_and_field(extra: str, field: str, problem: str) -> None:
    with pytest.raises(RulesError) as raised:
        parse_rules(f'[[rules]]\nname = "r"\n{extra}\n', file="c.toml")
    assert (raised.value.file, raised.value.rule, raised.value.field) == ("c.toml", "r", field)
    assert problem in raised.value.problem


@pytest.mark.parametrize("context, field", [
    ({"karma": 1}, "context.karma"),
    ({"account_age": -5}, "context.account_age"),
    ({"account_age": "soon"}, "context.account_age"),
    ({"account_created_at": "2020"}, "context.account_created_at"),
    ({"account_created_at": float("nan")}, "context.account_created_at"),
    ({"verified_email": 1}, "context.verified_email"),
    ({"prior_enforcements": 1.5}, "context.prior_enforcements"),
    ({"prior_enforcements": True}, "context.prior_enforcements"),
    ("new", "context"),
])
def test_bad_context_is_an_invalid_request_naming_the_attribute(context: Any, field: str) -> None:
    with pytest.raises(InvalidRequest) as raised:
        SendRequest("a", ("b",), "hi", context=context)
    assert raised.value.field == field


def test_bad_graph_attributes_are_refused_when_set_and_when_read() -> None:
    graph = MemoryGraph()
    with pytest.raises(InvalidRequest, match=r"attributes\.verified_phone"):
        graph.set_attributes("a", verified_phone="yes")

    class HostGraph(MemoryGraph):
        def attributes(self, user: str) -> Any:
            return {"account_age": "forever"}

    engine = Engine(load_rules(STRICT), graph=HostGraph())
    with pytest.raises(InvalidRequest, match=r"graph\.attributes\.account_age"):
        engine.check(SendRequest("a", ("b",), "hi"))


def test_context_values() -> None:
    ctx = SenderContext.of({"account_age": "2y", "verified_email": None})
    assert ctx.account_age == 2 * 365 * 86400 and ctx.verified is None
    assert SenderContext.of({"verified_email": False, "verified_phone": True}).verified is True
    assert SenderContext.of({"account_created_at": T0 - 10}).age(T0) == 10


# -- CHALLENGE ------------------------------------------------------------------------


def test_challenge_round_trip_on_every_storage(backend: Any) -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    observer = PrometheusObserver(CollectorRegistry())
    engine = engine_on(backend, STRICT, graph, clock, observer=observer)
    asked = engine.check(SendRequest("owner", ("owner",), "note to self", context=OLD))
    assert asked.verdict is Verdict.CHALLENGE and not asked.allowed
    assert asked.challenge is not None
    assert (asked.challenge.rule, asked.challenge.code, asked.challenge.lifts_for) == (
        "apps", "self_message", 86400.0)
    assert asked.to_dict()["challenge"] == {"rule": "apps", "code": "self_message",
                                            "lifts_for": 86400.0}
    assert engine.challenge_passed("owner") == T0 + 86400
    clock.advance(60)
    assert engine.check(SendRequest("owner", ("owner",), "note to self", context=OLD)).allowed
    # The pass is the owner's only.
    other = engine.check(SendRequest("someone", ("someone",), "note", context=OLD))
    assert other.verdict is Verdict.CHALLENGE
    clock.advance(86400)
    again = engine.check(SendRequest("owner", ("owner",), "note to self", context=OLD))
    assert again.verdict is Verdict.CHALLENGE
    value = observer.registry.get_sample_value
    assert value("dm_policy_challenges_total", {"event": "issued", "rule": "apps"}) == 3
    assert value("dm_policy_challenges_total", {"event": "passed", "rule": "none"}) == 1


def test_challenge_through_an_app_revokes_it_and_a_pass_does_not_restore_it(backend: Any) -> None:
    """strict.toml keeps the seed's revocation: the owner is challenged *and* the app that
    wrote to them is blocked for them; passing proves the owner, not the app."""
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = engine_on(backend, STRICT, graph, clock)
    fans = followed(graph, "victim", 1)
    first = engine.check(SendRequest("victim", ("victim",), "cheap pills", app="evil"))
    assert first.verdict is Verdict.CHALLENGE
    engine.challenge_passed("victim")
    blocked = engine.check(SendRequest("victim", (fans[0],), "cheap pills", app="evil"))
    assert (blocked.verdict, blocked.code) == (Verdict.APP_BLOCKED, "app_revoked")
    assert engine.check(SendRequest("victim", (fans[0],), "hello from the web")).allowed


def test_challenge_in_shadow_mode_and_on_a_stateful_spam_rule(backend: Any) -> None:
    rules = """
[[rules]]
name = "strangers"
check = "strangers"
limit = 2
window = "1h"
challenge = ["too_many_strangers"]
challenge_ttl = "10m"

[[rules]]
name = "apps"
check = "apps"
mode = "shadow"
challenge = ["self_message"]
challenge_ttl = "5m"
"""
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine(parse_rules(rules), storage=backend.new_storage(), graph=graph, clock=clock)
    assert engine.check(SendRequest("s", ("a",), "hi")).allowed
    assert engine.check(SendRequest("s", ("b",), "hi")).allowed
    third = engine.check(SendRequest("s", ("c",), "hi"))
    assert third.verdict is Verdict.CHALLENGE and third.challenge is not None
    assert third.challenge.lifts_for == 600  # the longest challenge_ttl of the rules
    engine.challenge_passed("s")
    assert engine.check(SendRequest("s", ("c",), "hi")).allowed  # lifted: counted as reached
    clock.advance(601)
    assert engine.check(SendRequest("s", ("d",), "hi")).verdict is Verdict.CHALLENGE
    shadow = engine.check(SendRequest("q", ("q",), "me"))
    assert shadow.allowed and shadow.shadow[0].verdict is Verdict.CHALLENGE
    assert shadow.challenge is None


def test_challenge_passed_validates_the_user() -> None:
    engine = Engine(load_rules(STRICT))
    with pytest.raises(InvalidRequest):
        engine.challenge_passed("")


def test_cli_check_takes_a_context(capsys: Any) -> None:
    from policy.cli import main

    strict = str(STRICT)
    assert main(["check", "--rules", strict, "--sender", "a", "--to", "a", "--text", "hi",
                 "--context", '{"account_age": "2y"}']) == 1
    assert "CHALLENGE" in capsys.readouterr().out
    assert main(["check", "--rules", strict, "--sender", "a", "--to", "b", "--text", "hi",
                 "--context", '{"account_age": true}']) == 2
    assert "context.account_age" in capsys.readouterr().err


def test_invitations_read_the_inviters_graph_attributes() -> None:
    from policy import InviteRequest

    rules = parse_rules("""
[[rules]]
name = "group_new"
check = "group"
max_people = 3
when = { account_age_under = "7d" }
when_missing = "skip"

[[rules]]
name = "group"
check = "group"
max_people = 20
""")
    graph = MemoryGraph()
    invitees = ("b", "c", "d")
    for user in ("new", "old", "anon"):
        for invitee in invitees:
            graph.follow(invitee, user)
    graph.set_attributes("new", account_age="1d")
    graph.set_attributes("old", account_age="1y")
    engine = Engine(rules, graph=graph)
    assert engine.check_invite(InviteRequest("new", invitees, "c1")).code == "group_too_large"
    assert engine.check_invite(InviteRequest("old", invitees, "c2")).allowed
    # No age in the graph: when_missing = "skip", the stricter rule sits out.
    assert engine.check_invite(InviteRequest("anon", invitees, "c3")).allowed


def test_standing_runs_the_tier_only_for_senders_in_it(backend: Any) -> None:
    """An operator's standing (docs/operators.md) reads the attributes from the graph:
    a new account at its tier's quota would be throttled, an old one is not held by it."""
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = engine_on(backend, STRICT, graph, clock)
    graph.set_attributes("newbie", account_age="1d", verified_email=False)
    graph.set_attributes("veteran", account_age="3y", verified_email=True)
    fans = followed(graph, "newbie", 1) + followed(graph, "veteran", 1)
    for n in range(100):
        graph.record_message(fans[0], "newbie")
        graph.record_message(fans[1], "veteran")
        clock.advance(1)
        assert engine.check(SendRequest("newbie", (fans[0],), f"reply {n}")).allowed
        assert engine.check(SendRequest("veteran", (fans[1],), f"reply {n}")).allowed
    assert engine.standing("newbie").would.code == "quota_exceeded"
    assert engine.standing("veteran").would.verdict == "allow"
    engine.challenge_passed("veteran")  # a pass is read back by the snapshot too
    assert engine.standing("veteran").would.verdict == "allow"
    # The newcomer verifies their phone: out of the tier, its 100 counted no longer hold.
    graph.set_attributes("newbie", account_age="1d", verified_phone=True)
    assert engine.standing("newbie").would.verdict == "allow"
    assert engine.check(SendRequest("newbie", (fans[0],), "verified now")).allowed


def test_a_host_graph_with_only_follows_and_blocks_is_a_social_graph() -> None:
    """attributes() and has_written() are optional: the protocol asks only what every
    graph must answer (it had copied MemoryGraph's attribute setter)."""
    from policy.graph import SocialGraph

    class HostGraph:
        def follows(self, follower: str, followee: str) -> bool:
            return True

        def blocks(self, blocker: str, blocked: str) -> bool:
            return False

    assert isinstance(HostGraph(), SocialGraph)
