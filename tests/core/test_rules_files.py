"""Rules files: validation names file, rule, field and what is wrong; reload keeps old rules."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from policy import Engine, MemoryGraph, Mode, RulesError, SendRequest, load_rules, parse_rules
from policy.clock import VirtualClock
from tests.conftest import DEFAULT_RULES, ROOT, T0


def test_every_shipped_rules_file_is_valid() -> None:
    files = sorted((ROOT / "rules").glob("*.toml"))
    assert DEFAULT_RULES in files
    for file in files:
        ruleset = load_rules(file)
        assert ruleset.rules


def test_default_rules_encode_the_seed_policy() -> None:
    ruleset = load_rules(DEFAULT_RULES)
    kinds = {r.kind: r for r in ruleset.rules}
    assert set(kinds) == {"apps", "cooldown", "text_length", "follows", "group", "duplicates",
                          "contacts", "strangers", "reports", "quota"}
    assert kinds["reports"].params.strangers == "strangers_daily"  # whom it wrote to
    # Every rule enforced but the day's pause on strangers after spam, which would
    # outlast the seed's 30-minute wait: measured in shadow (rules/strict.toml enforces it)
    assert [r.name for r in ruleset.rules if r.mode is not Mode.ENFORCE] == [
        "spam_strangers_pause"]
    assert ruleset.get("spam_strangers_pause").mode is Mode.SHADOW
    assert kinds["quota"].params.limit == 1000 and kinds["quota"].params.window == 86400
    wait = ruleset.get("spam_cooldown").params
    assert wait.duration == 1800 and wait.restart_on_attempt is True  # the seed's 30 minutes
    assert not wait.strangers_only
    pause = ruleset.get("spam_strangers_pause").params  # and strangers for a day after it
    assert pause.strangers_only and pause.triggered_by == wait.triggered_by
    assert kinds["text_length"].params.max_chars == 140
    assert kinds["text_length"].params.sms_max_chars == 160
    assert kinds["group"].params.max_people == 20


def _rule(body: str) -> str:
    return f'[[rules]]\nname = "r1"\n{body}\n'


@pytest.mark.parametrize(
    ("text", "rule", "field", "words"),
    [
        (_rule('check = "quota"\nlimit = "lots/day"'), "r1", "limit", "rate"),
        (_rule('check = "quota"\nlimit = "0/day"'), "r1", "limit", "at least one"),
        (_rule('check = "quota"\nlimit = "10/day"\nprecision = 0'), "r1", "precision", "from 1"),
        (_rule('check = "quota"\nlimit = "10/day"\nlimt = 3'), "r1", "limt", "not a parameter"),
        (_rule('check = "quota"\nmode = "loud"'), "r1", "mode", "enforce, shadow or off"),
        (_rule('check = "nonsense"'), "r1", "check", "unknown check"),
        (_rule('check = "cooldown"\nduration = "30 minutes"\ntriggered_by = ["r1"]'), "r1",
         "duration", "duration"),
        (_rule('check = "cooldown"\ntriggered_by = ["r1"]\ncount_followed = true'), "r1",
         "count_followed", "strangers_only = true"),
        (_rule('check = "cooldown"\ntriggered_by = ["missing"]'), "r1", "triggered_by",
         "names no rule"),
        (_rule('check = "cooldown"\ntriggered_by = []'), "r1", "triggered_by", "at least one"),
        (_rule('check = "duplicates"\nsimilarity = 1.5'), "r1", "similarity", "from 0.05"),
        (_rule('check = "duplicates"\nrecipients = "five"'), "r1", "recipients", "whole number"),
        (_rule('check = "text_length"\nsms_command = "d "'), "r1", "sms_command", "{username}"),
        (_rule('check = "group"\nmax_people = true'), "r1", "max_people", "whole number"),
        # Any field but {username}, a format spec or a stray brace would raise at every SMS.
        (_rule('check = "text_length"\nsms_command = "d {username} {0}"'), "r1", "sms_command",
         "no field but {username}"),
        (_rule('check = "text_length"\nsms_command = "d {username:>99999999}"'), "r1",
         "sms_command", "no field but {username}"),
        (_rule('check = "text_length"\nsms_command = "d {username} {"'), "r1", "sms_command",
         "not a valid template"),
        (_rule('check = "text_length"\nsms_command = "d {{username}} "'), "r1", "sms_command",
         "must contain {username}"),
        (_rule('check = ["quota"]'), "r1", "check", "unknown check"),
        (_rule('check = "quota"\nlimit = "10/%s days"' % ("9" * 400)), "r1", "limit", "finite"),
        (_rule('check = "apps"\nrevoke_on_self_message = "yes"'), "r1", "revoke_on_self_message",
         "true or false"),
        ('[[rules]]\nname = "Bad Name"\ncheck = "quota"\n', "#1", "name", "lowercase"),
        ('[[rules]]\ncheck = "quota"\n', "#1", "name", "lowercase"),
        (_rule('check = "follows"') + _rule('check = "follows"'), "r1", "name", "earlier rule"),
        (_rule('check = "reports"\nstrangers = "nobody"'), "r1", "strangers", "no strangers rule"),
        (_rule('check = "reports"\nstrangers = "r1"'), "r1", "strangers", "no strangers rule"),
        (_rule('check = "reports"\nstrangers = "s"\nshare = 2') , "r1", "share", "from 0.0"),
        (_rule('check = "reports"\nstrangers = "s"\nmin_reports = 5\nmax_reports = 3'), "r1",
         "max_reports", "at least min_reports"),
    ],
)
def test_errors_name_file_rule_field_and_problem(
    tmp_path: Path, text: str, rule: str, field: str, words: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(RulesError) as raised:
        load_rules(path)
    error = raised.value
    assert (error.file, error.rule, error.field) == (str(path), rule, field)
    assert words in str(error)
    assert str(path) in str(error) and field in str(error)


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("this is = not toml [", None, "not valid TOML"),
        ("", "rules", "no rules"),
        ('colour = "blue"\n' + _rule('check = "follows"'), "colour", "unknown top-level"),
        ('[storage]\non_error = "panic"\n' + _rule('check = "follows"'), "storage.on_error",
         "fail_open"),
        ('[storage]\nretries = 3\n' + _rule('check = "follows"'), "storage.retries",
         "not a storage setting"),
        ("version = 3\n" + _rule('check = "follows"'), "version", "string"),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n" + _rule('check = "follows"'), None,
         "nested too deep"),
    ],
)
def test_file_level_errors(text: str, field: str | None, words: str) -> None:
    with pytest.raises(RulesError) as raised:
        parse_rules(text, file="x.toml")
    assert raised.value.field == field
    assert words in str(raised.value)


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00rules")
    with pytest.raises(RulesError, match="UTF-8"):
        load_rules(binary)


def test_only_one_apps_rule() -> None:
    text = '[[rules]]\nname = "a"\ncheck = "apps"\n[[rules]]\nname = "b"\ncheck = "apps"\n'
    with pytest.raises(RulesError) as raised:
        parse_rules(text)
    assert raised.value.rule == "b"


def test_a_cooldown_is_triggered_by_duplicates_rules_only() -> None:
    text = ('[[rules]]\nname = "q"\ncheck = "quota"\n'
            '[[rules]]\nname = "c"\ncheck = "cooldown"\ntriggered_by = ["q"]\n')
    with pytest.raises(RulesError, match="quota rule"):
        parse_rules(text)


def test_a_rule_turned_off_is_not_evaluated(tmp_path: Path) -> None:
    text = DEFAULT_RULES.read_text().replace(
        'name = "followers_only"\ncheck = "follows"', 'name = "followers_only"\ncheck = "follows"\nmode = "off"'
    )
    path = tmp_path / "off.toml"
    path.write_text(text)
    engine = Engine.from_file(path, clock=VirtualClock(T0))
    decision = engine.check(SendRequest("alice", ("stranger",), "hello"))
    assert decision.allowed and not decision.shadow


def test_reload_swaps_rules_and_a_bad_file_keeps_the_old_ones(tmp_path: Path) -> None:
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, graph=graph, clock=VirtualClock(T0))
    assert engine.check(SendRequest("alice", ("bob",), "x" * 141)).code == "text_too_long"

    bad = tmp_path / "bad.toml"
    bad.write_text(DEFAULT_RULES.read_text().replace("max_chars = 140", "max_chars = -1"))
    with pytest.raises(RulesError) as raised:
        engine.reload(bad)
    assert raised.value.field == "max_chars" and raised.value.rule == "text"
    assert engine.rules.source == str(DEFAULT_RULES)
    assert engine.check(SendRequest("alice", ("bob",), "x" * 141)).code == "text_too_long"

    good = tmp_path / "good.toml"
    good.write_text(DEFAULT_RULES.read_text().replace("max_chars = 140", "max_chars = 280")
                    .replace('version = "seed-2026.11"', 'version = "longer-texts"'))
    engine.reload(good)
    decision = engine.check(SendRequest("alice", ("bob",), "x" * 141))
    assert decision.allowed and decision.rules_version == "longer-texts"


def test_quota_state_survives_a_reload(tmp_path: Path) -> None:
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, graph=graph, clock=VirtualClock(T0))
    for _ in range(3):
        engine.check(SendRequest("alice", ("bob",), "hi"))
    engine.reload(DEFAULT_RULES)
    decision = engine.check(SendRequest("alice", ("bob",), "hi"))
    assert decision.quota is not None and decision.quota.remaining == 996


def test_a_reload_may_give_a_rule_name_to_another_check(tmp_path: Path) -> None:
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, graph=graph, clock=VirtualClock(T0))
    text = "a message long enough for the duplicates rule to keep a trace of it"
    assert engine.check(SendRequest("alice", ("bob",), text)).allowed
    swapped = tmp_path / "swapped.toml"
    swapped.write_text(
        '[[rules]]\nname = "daily_quota"\ncheck = "duplicates"\n'
        '[[rules]]\nname = "duplicates"\ncheck = "quota"\nlimit = "5/day"\n'
    )
    engine.reload(swapped)
    decision = engine.check(SendRequest("alice", ("bob",), text))
    assert decision.allowed
    assert decision.quota is not None and decision.quota.limit == 5


def test_the_strict_policy_is_the_default_one_plus_its_tier() -> None:
    """strict.toml keeps every rule of default.toml, with the same parameters (it adds a
    tier for new accounts and a challenge): a rule added to the default is added there."""
    default = load_rules(DEFAULT_RULES)
    strict = load_rules(DEFAULT_RULES.with_name("strict.toml"))
    for rule in default.rules:
        other = strict.get(rule.name)
        assert other.kind == rule.kind, rule.name
        for field in dataclasses.fields(rule.params):
            mine, theirs = getattr(rule.params, field.name), getattr(other.params, field.name)
            if isinstance(mine, tuple):  # a cooldown's triggers: the tier's rules may add some
                assert set(mine) <= set(theirs), (rule.name, field.name)
            else:
                assert mine == theirs, (rule.name, field.name)
