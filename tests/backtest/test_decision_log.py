"""The decision log: a simulated day recorded through the engine replays to the same
decisions, every one, the fuzzy rules included; no line carries a word or a raw id."""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.backtest.events import EventError, read_events
from policy.backtest.replay import replay
from policy.backtest.simulate import CorpusError, SimConfig, load_corpus, simulate
from policy.cli import main
from policy.clock import VirtualClock
from policy.decision import Decision
from policy.decisionlog import FORMAT, DecisionLog, LogGap, recent_decisions
from policy.rules import load_rules, parse_rules
from tests.conftest import CORPUS, DEFAULT_RULES, T0


def _corpus():
    try:
        return load_corpus(CORPUS)
    except CorpusError:
        return None  # the built-in texts: still campaigns, variants and contacts


def record_day(tmp_path: Path, rules_text: str | None = None, *, seed: int = 3,
               senders: int = 150, hours: float = 24.0,
               **log_options: Any) -> tuple[list[Any], list[Decision], DecisionLog]:
    """A simulated day through an engine with the log on: its sends and decisions."""
    rules = (parse_rules(rules_text, file="<rules>") if rules_text is not None
             else load_rules(DEFAULT_RULES))
    log = DecisionLog(tmp_path / "decisions.jsonl", **log_options)

    def factory(ruleset, graph, clock, storage):
        return Engine(ruleset, storage=storage, graph=graph, clock=clock, decision_log=log)

    events, decisions = [], []

    def seen(event, decision):
        events.append(event)
        decisions.append(decision)

    sim = simulate(SimConfig(seed=seed, senders=senders, hours=hours), _corpus())
    replay(sim, rules, engine_factory=factory, on_decision=seen)
    log.close()
    return events, decisions, log


def replay_log(log: DecisionLog, rules_text: str | None = None) -> list[Decision]:
    rules = (parse_rules(rules_text, file="<rules>") if rules_text is not None
             else load_rules(DEFAULT_RULES))
    decisions: list[Decision] = []

    def lines():
        for path in log.files():
            yield from path.read_text(encoding="utf-8").splitlines()

    replay(read_events(lines()), rules, on_decision=lambda _e, d: decisions.append(d))
    return decisions


def test_a_recorded_day_replays_to_the_same_decisions_every_one(tmp_path: Path) -> None:
    _events, recorded, log = record_day(tmp_path)
    replayed = replay_log(log)
    assert len(replayed) == len(recorded) == log.written > 1000
    by_rule = Counter(r.rule for d in recorded for r in d.reasons)
    # The day exercises the fuzzy and stateful rules, not only the easy ones.
    # (the contacts rule seldom fires first now: links_to_strangers refuses a 5th stranger
    # sent any contact within the day, the same send or earlier)
    for rule in ("duplicates", "links_to_strangers", "spam_cooldown", "apps"):
        assert by_rule[rule] > 0, (rule, by_rule)
    mismatched = [(i, a.to_dict(), b.to_dict()) for i, (a, b) in
                  enumerate(zip(recorded, replayed, strict=True)) if a != b]
    assert not mismatched, mismatched[:3]


def test_a_log_recorded_on_redis_replays_on_memory(tmp_path: Path, backend) -> None:
    """The log does not depend on the storage it was recorded on (fakeredis, a real
    redis-server: the Lua transition) or the one it is replayed on (memory://)."""
    log = DecisionLog(tmp_path / "d.jsonl")

    def factory(ruleset, graph, clock, storage):
        return Engine(ruleset, storage=backend.new_storage(), graph=graph, clock=clock,
                      decision_log=log)

    recorded: list[Decision] = []
    sim = simulate(SimConfig(seed=5, senders=60, hours=6), _corpus())
    replay(sim, load_rules(DEFAULT_RULES), engine_factory=factory,
           on_decision=lambda _e, d: recorded.append(d))
    log.close()
    assert any(d.code == "duplicate_content" for d in recorded)
    assert replay_log(log) == recorded


def test_a_candidate_rules_file_is_backtested_on_the_log(tmp_path: Path) -> None:
    """The log replayed under other rules decides as the live engine would have: the
    same day, run live under the candidate, agrees with the log replayed under it."""
    candidate = DEFAULT_RULES.read_text(encoding="utf-8").replace(
        "recipients = 5", "recipients = 3").replace("similarity = 0.5", "similarity = 0.4")
    _, live_default, log = record_day(tmp_path / "a", senders=80, hours=8)
    _, live_candidate, _ = record_day(tmp_path / "b", candidate, senders=80, hours=8)
    from_log = replay_log(log, candidate)
    assert from_log == live_candidate
    assert from_log != live_default  # the candidate does decide otherwise


def test_replay_command_reads_a_log_and_compares_rules(tmp_path: Path, capsys) -> None:
    _, recorded, log = record_day(tmp_path, senders=60, hours=6)
    candidate = tmp_path / "candidate.toml"
    candidate.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace(
        "recipients = 5", "recipients = 3"), encoding="utf-8")
    out_json = tmp_path / "summary.json"
    code = main(["replay", str(log.path), "--rules", str(DEFAULT_RULES),
                 "--rules-b", str(candidate), "--json", str(out_json)])
    assert code == 0, capsys.readouterr().err
    summary = json.loads(out_json.read_text(encoding="utf-8"))
    assert summary["events"]["logged"] == len(recorded)
    assert summary["events"].get("logged_differ", 0) == 0  # the same rules: as logged
    assert "rules A decide 0 of them otherwise" in capsys.readouterr().out
    assert summary["a"]["decisions"]["total"] == len(recorded)
    assert summary["diff"]["decisions_changed"] > 0


# -- what a line carries ---------------------------------------------------------------


def _engine(tmp_path: Path, **options: Any) -> tuple[Engine, DecisionLog, MemoryGraph]:
    graph = MemoryGraph()
    for user in ("bob", "carol", "dave"):
        graph.follow(user, "alice")
    log = DecisionLog(tmp_path / "d.jsonl", **options)
    engine = Engine.from_file(DEFAULT_RULES, graph=graph, clock=VirtualClock(T0),
                              decision_log=log)
    return engine, log, graph


TEXT = "Grandmother's lasagne recipe: call 0612345678 or visit tasty-pasta.com today"


def test_a_line_has_no_word_of_the_text_and_no_raw_id(tmp_path: Path) -> None:
    engine, log, _ = _engine(tmp_path)
    engine.check(SendRequest("alice", ("bob", "carol"), TEXT, app="pastaapp"))
    engine.check(SendRequest("alice", ("dave",), TEXT, channel="sms"))
    log.close()
    raw = log.path.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in raw.splitlines()]
    assert lines[0]["type"] == "meta" and lines[0]["format"] == FORMAT
    assert [line["type"] for line in lines[1:]] == ["decision", "decision"]
    lowered = raw.lower()
    words = set(re.findall(r"[a-z0-9]{3,}", TEXT.lower())) | {"0612345678", "tasty-pasta"}
    for word in words | {"alice", "bob", "carol", "dave", "pastaapp"}:
        assert word not in lowered, word
    first = lines[1]
    assert first["sender"] == log.user_hash("alice")
    assert first["recipients"] == [log.user_hash("bob"), log.user_hash("carol")]
    assert first["len"] == len(TEXT) and first["contact"] is True
    assert len(first["contacts"]) == 2 and len(first["sig"]) == 64
    assert first["follows"] == "11" and first["verdict"] == "allow"
    assert lines[2]["channel"] == "sms" and lines[2]["name_chars"] == 4


def test_the_fingerprint_is_keyed_equal_texts_stay_equal(tmp_path: Path) -> None:
    from policy.fingerprint import signature

    engine, log, _ = _engine(tmp_path)
    engine.check(SendRequest("alice", ("bob",), TEXT))
    engine.check(SendRequest("alice", ("carol",), TEXT))
    log.close()
    sigs = [json.loads(line)["sig"] for line in log.path.read_text().splitlines()[1:]]
    assert sigs[0] == sigs[1]
    assert sigs[0] != signature(TEXT).hex()  # not comparable without the key secret


def test_short_texts_carry_no_fingerprint_and_a_rule_needing_one_is_refused(
        tmp_path: Path) -> None:
    engine, log, _ = _engine(tmp_path)
    engine.check(SendRequest("alice", ("bob",), "see you"))
    log.close()
    line = json.loads(log.path.read_text().splitlines()[1])
    assert "sig" not in line and line["chars"] == 7  # 6, rounded up below signature_from
    low = DEFAULT_RULES.read_text(encoding="utf-8").replace("contact_min_chars = 12",
                                                            "contact_min_chars = 2")
    with pytest.raises(LogGap, match="at least 8 letters"):
        replay_log(log, low)


def test_the_replay_sees_the_graph_the_live_engine_saw(tmp_path: Path) -> None:
    """No graph events in a log: follows, conversations and blocks come from its lines."""
    engine, log, graph = _engine(tmp_path)
    graph.block("carol", "bob")
    live = [engine.check(SendRequest("alice", ("bob", "carol"), "a group hello")),
            engine.check(SendRequest("alice", ("bob", "zoe"), "a group hello")),
            engine.check(SendRequest("alice", ("dave",), "hi")),
            engine.check(SendRequest("alice", ("dave",), "   ")),
            engine.check(SendRequest("alice", ("alice",), "note to self", app="x"))]
    log.close()
    codes = [d.code for d in live]
    assert codes == ["blocked_member", "not_follower", None, "text_empty", "self_message"]
    assert replay_log(log) == live


def test_audited_actions_are_logged_and_replayed(tmp_path: Path) -> None:
    """A support agent's lift, credit, revoke, restore and forget change what follows:
    the log carries them (hashed, without actor or reason) and the replay applies them."""
    engine, log, graph = _engine(tmp_path)
    clock = engine._clock
    for user in ("erin", "frank", "gina", "zed", "yan"):
        graph.follow(user, "alice")
    offer = "Big offer today only at tasty-pasta.com, half price on every order"
    live = []
    for name in ("bob", "carol", "dave", "erin", "frank", "gina"):
        live.append(engine.check(SendRequest("alice", (name,), offer)))
        clock.advance(10)
    assert live[-1].code == "cooldown_active"
    engine.lift_cooldown("alice", actor="Sam", reason="ticket 1: a secret reason")
    live.append(engine.check(SendRequest("alice", ("bob",), "sorry about that")))
    engine.credit_quota("alice", 3, actor="Sam", reason="r")
    engine.reset_quota("alice", actor="Sam", reason="r", rule="daily_quota")
    engine.revoke_app(user="alice", app="pastaapp", actor="Sam", reason="r")
    live.append(engine.check(SendRequest("alice", ("bob",), "via the app", app="pastaapp")))
    engine.restore_app(user="alice", app="pastaapp", actor="Sam", reason="r")
    live.append(engine.check(SendRequest("alice", ("bob",), "via the app", app="pastaapp")))
    engine.forget_user("alice", actor="Sam", reason="r")
    live.append(engine.check(SendRequest("alice", ("zed",), offer)))
    log.close()
    assert [d.allowed for d in live[-4:]] == [True, False, True, True]
    raw = log.path.read_text(encoding="utf-8")
    assert "secret reason" not in raw and "Sam" not in raw and "pastaapp" not in raw
    actions = [json.loads(line) for line in raw.splitlines() if '"type":"action"' in line]
    assert [a["action"] for a in actions] == ["lift_cooldown", "credit_quota", "reset_quota",
                                              "revoke_app", "restore_app", "forget_user"]
    assert replay_log(log) == live
    # without the actions, the replay would keep alice cooled down
    stripped = tmp_path / "stripped.jsonl"
    stripped.write_text("".join(line + "\n" for line in raw.splitlines()
                                if '"type":"action"' not in line), encoding="utf-8")
    without: list[Decision] = []
    replay(read_events(stripped.read_text().splitlines()), load_rules(DEFAULT_RULES),
           on_decision=lambda _e, d: without.append(d))
    assert without != live and not without[6].allowed


def test_sender_context_and_challenges_replay(tmp_path: Path) -> None:
    """Rules with a ``when`` read the sender's context (the request's over the graph's):
    the log carries it merged; a passed challenge is logged and replayed like an action."""
    strict = (DEFAULT_RULES.parent / "strict.toml").read_text(encoding="utf-8")
    graph = MemoryGraph()
    clock = VirtualClock(T0)
    log = DecisionLog(tmp_path / "d.jsonl")
    engine = Engine(parse_rules(strict, file="strict.toml"), graph=graph, clock=clock,
                    decision_log=log)
    people = [f"p{i}" for i in range(8)]
    for person in people:
        graph.follow(person, "newbie")
        graph.follow(person, "veteran")
    graph.set_attributes("veteran", account_age="2y", verified_email=True)
    offer = "Big offer today only at tasty-pasta.com, half price on every order {}"
    live = []
    for i, person in enumerate(people):
        live.append(engine.check(SendRequest("newbie", (person,), offer.format(i),
                                             context={"account_age": 3600})))
        live.append(engine.check(SendRequest("veteran", (person,), offer.format(i))))
        clock.advance(30)
    live.append(engine.check(SendRequest("owner", ("owner",), "note", app="x")))
    engine.challenge_passed("owner")
    clock.advance(1)
    live.append(engine.check(SendRequest("owner", ("owner",), "note", app="y")))
    log.close()
    assert [d.verdict.value for d in live[-2:]] == ["challenge", "allow"]  # passed
    newbie = [d for d in live[0:16:2]]
    veteran = [d for d in live[1:16:2]]
    assert [d.allowed for d in newbie] != [d.allowed for d in veteran]  # the tier bites
    raw = log.path.read_text(encoding="utf-8")
    assert '"context":{"account_age":3600' in raw and '"challenge_passed"' in raw
    decisions: list[Decision] = []
    replay(read_events(raw.splitlines()), parse_rules(strict, file="strict.toml"),
           on_decision=lambda _e, d: decisions.append(d))
    assert decisions == live


def test_sms_length_replays_with_the_names_length(tmp_path: Path) -> None:
    engine, log, graph = _engine(tmp_path)
    name = "d" * 40
    graph.follow(name, "alice")
    text = "y" * 120  # 120 + "d " + 40 + " " = 163 > 160
    live = [engine.check(SendRequest("alice", (name,), text, channel="sms")),
            engine.check(SendRequest("alice", ("dave",), text, channel="sms"))]
    log.close()
    assert [d.code for d in live] == ["sms_too_long", None]
    assert replay_log(log) == live


# -- the files ------------------------------------------------------------------------


def test_files_rotate_by_size_and_stay_bounded(tmp_path: Path) -> None:
    engine, log, _ = _engine(tmp_path, max_bytes=4096, backups=2)
    for n in range(200):
        engine.check(SendRequest("alice", ("bob",), f"message number {n} about lunch"))
    log.close()
    files = log.files()
    assert [p.name for p in files] == ["d.jsonl.2", "d.jsonl.1", "d.jsonl"]
    for path in files:
        assert path.stat().st_size <= 4096
        assert json.loads(path.read_text().splitlines()[0])["type"] == "meta"
    assert not (tmp_path / "d.jsonl.3").exists()
    assert log.written == 200 and log.dropped == 0


def test_threads_write_whole_lines(tmp_path: Path) -> None:
    engine, log, graph = _engine(tmp_path, max_bytes=64 << 10, backups=50)
    for n in range(8):
        graph.follow("bob", f"sender{n}")

    def sends(n: int) -> None:
        for i in range(150):
            engine.check(SendRequest(f"sender{n}", ("bob",), f"thread {n} line {i} words"))

    threads = [threading.Thread(target=sends, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    log.close()
    decisions = [json.loads(line) for p in log.files()
                 for line in p.read_text().splitlines()]
    assert sum(1 for d in decisions if d["type"] == "decision") == 1200 == log.written


def test_a_failing_disk_drops_lines_never_decisions(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the log's directory should be")
    log = DecisionLog(blocker / "d.jsonl")
    engine = Engine.from_file(DEFAULT_RULES, graph=MemoryGraph(), decision_log=log)
    decision = engine.check(SendRequest("alice", ("bob",), "hello"))
    assert decision.code == "not_follower"
    assert log.dropped == 1 and log.written == 0


def test_recent_decisions_of_one_user(tmp_path: Path) -> None:
    engine, log, _ = _engine(tmp_path)
    for n in range(5):
        engine.check(SendRequest("alice", ("bob",), f"hello {n}"))
    engine.check(SendRequest("alice", ("carol",), "hello carol"))
    log.close()
    mine = log.recent("carol")
    assert len(mine) == 1 and mine[0]["recipients"] == [log.user_hash("carol")]
    assert len(log.recent("alice", limit=3)) == 3
    assert recent_decisions(log.files(), log.user_hash("nobody")) == []


def test_a_log_line_that_lies_is_an_error_naming_its_line(tmp_path: Path) -> None:
    good = {"t": T0, "type": "decision", "sender": "ab" * 12, "recipients": ["cd" * 12],
            "len": 5, "chars": 5, "follows": "1", "followed": "0", "wrote": "0",
            "verdict": "allow", "rules": []}
    assert next(iter(read_events([json.dumps(good)]))).sender == "ab" * 12
    for field, value in [("sender", "alice"), ("follows", "11"), ("sig", "zz"),
                         ("len", -1), ("recipients", [])]:
        with pytest.raises(EventError, match=field) as caught:
            list(read_events(["", json.dumps({**good, field: value})]))
        assert caught.value.line == 2


def test_decision_lines_a_little_out_of_order_are_put_back_in_order() -> None:
    def line(t: float) -> str:
        return json.dumps({"t": t, "type": "decision", "sender": "ab" * 12,
                           "recipients": ["cd" * 12], "len": 2, "follows": "1",
                           "verdict": "allow"})

    times = [event.t for event in read_events([line(T0 + 1), line(T0), line(T0 + 2)])]
    assert times == [T0, T0 + 1, T0 + 2]
    with pytest.raises(EventError, match="back in time"):
        list(read_events([line(T0 + 60), line(T0)]))
