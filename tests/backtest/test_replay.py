"""``dm-policy replay``: the event format, streaming, a replay checked by hand, the diff."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from policy.backtest.events import EventError, SendEvent, read_events, text_sha256
from policy.backtest.replay import replay, stand_in_text
from policy.cli import main
from policy.rules import load_rules, parse_rules
from tests.conftest import DATA, DEFAULT_RULES, T0

SMALL = DATA / "backtest_small.jsonl"


def read(path: Path = SMALL) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def rules_with(recipients: int):
    text = DEFAULT_RULES.read_text(encoding="utf-8").replace("recipients = 5",
                                                             f"recipients = {recipients}")
    return parse_rules(text, file=f"<recipients={recipients}>")


# -- the event format ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not JSON"),
        ('["t", 1]', "JSON object"),
        ('{"type": "send"}', "t must be"),
        ('{"t": "noon", "type": "send"}', "t must be"),
        ('{"t": 1, "type": "shout"}', "type must be"),
        ('{"t": 1, "type": "follow", "follower": "a"}', "followee"),
        ('{"t": 1, "type": "send", "sender": "a", "recipients": ["b"]}', "text or text_sha256"),
        ('{"t": 1, "type": "send", "sender": "a", "recipients": [], "text": "hi"}', "recipients"),
        ('{"t": 1, "type": "send", "sender": "a", "recipients": ["b"], "text": 5}', "text must"),
        ('{"t": 1, "type": "send", "sender": "a", "recipients": ["b"], "text_sha256": "xyz"}',
         "text_sha256"),
        ('{"t": 1, "type": "send", "sender": "a", "recipients": ["b"], "text": "hi", '
         '"label": "eggs"}', "label"),
        ('{"t": 1, "type": "send", "sender": "a", "recipients": ["b"], "text": "hi", '
         '"channel": "fax"}', "channel"),
        ('{"t": 1, "type": "invite", "inviter": "a", "invitees": ["b"]}', "conversation"),
    ],
)
def test_a_bad_line_is_an_error_naming_its_line(line: str, problem: str) -> None:
    good = '{"t": 1, "type": "follow", "follower": "a", "followee": "b"}'
    with pytest.raises(EventError, match=problem) as caught:
        list(read_events([good, "", line]))
    assert caught.value.line == 3


def test_time_must_not_go_back() -> None:
    lines = ['{"t": 10, "type": "follow", "follower": "a", "followee": "b"}',
             '{"t": 9, "type": "follow", "follower": "b", "followee": "a"}']
    with pytest.raises(EventError, match="sorted by time"):
        list(read_events(lines))


def test_events_round_trip() -> None:
    events = list(read_events(read()))
    again = list(read_events(json.dumps(e.to_dict()) for e in events))
    assert [e.to_dict() for e in again] == [e.to_dict() for e in events]


# -- streaming ----------------------------------------------------------------


def endless() -> Iterator[str]:
    for n in itertools.count():
        yield json.dumps({"t": T0 + n, "type": "send", "sender": f"u{n % 7}",
                          "recipients": [f"u{(n + 1) % 7}"], "text": f"message number {n}"})


def test_reading_is_lazy_an_endless_stream_can_be_read() -> None:
    first = list(itertools.islice(read_events(endless()), 5))
    assert [e.t for e in first] == [T0 + n for n in range(5)]


def test_replay_pulls_each_line_only_when_it_replays_it() -> None:
    pulled = [0]
    furthest = [0]

    def counted(n: int) -> Iterator[str]:
        for line in itertools.islice(endless(), n):
            pulled[0] += 1
            yield line

    def on_event(done: int) -> None:
        # Never more than one line read ahead of the events replayed.
        furthest[0] = max(furthest[0], pulled[0] - done)

    summary = replay(read_events(counted(3000)), load_rules(DEFAULT_RULES), on_event=on_event)
    assert summary["events"]["send"] == 3000
    assert furthest[0] == 0


def test_the_cli_reads_the_file_as_a_stream(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for line in itertools.islice(endless(), 2000):
            out.write(line + "\n")
        out.write("{broken\n")
    # The bad last line is found after 2,000 events were replayed: nothing was read ahead.
    assert main(["replay", str(path), "--rules", str(DEFAULT_RULES)]) == 2
    assert "line 2001" in capsys.readouterr().err


# -- a replay checked by hand ---------------------------------------------------


def test_small_file_checked_by_hand() -> None:
    s = replay(read_events(read()), load_rules(DEFAULT_RULES))
    assert s["events"] == {"total": 27, "meta": 1, "graph": 11, "send": 12, "hash_only": 1,
                           "invite": 2}
    a = s["a"]
    # alice->bob, bob->alice, spam to r1..r4, the hash-only bob->alice: 7 delivered.
    # Spam to r5 is the 5th distinct recipient: duplicates; r6 then meets the cooldown.
    # alice->zoe: zoe does not follow alice. dave's app: self-message, then revoked.
    assert a["decisions"]["by_verdict"] == {"allow": 7, "cooldown": 2, "reject": 2,
                                            "app_blocked": 1}
    assert a["decisions"]["by_rule"] == {
        "allow": 7, "duplicates/duplicate_content": 1, "spam_cooldown/cooldown_active": 1,
        "followers_only/not_follower": 1, "apps/self_message": 1, "apps/app_revoked": 1,
    }
    assert a["invites"] == {"allow": 1, "reject": 1}  # carol blocks mallory
    refused = {s["sender"]: (s["refused"], s["sends"]) for s in a["senders"]["top_refused"]}
    assert refused == {"dave": (2, 2), "spammer": (2, 6), "alice": (1, 2)}
    labels = a["labels"]
    assert labels["spam_senders"] == 2 and labels["spam_caught"] == 2
    assert labels["caught_at_recipient"] == {"1": 1, "5": 1}
    assert labels["spam_caught_by_recipient_5_share"] == 1.0
    assert labels["time_to_catch_seconds"] == [0.0, 40.0]
    assert labels["ham_senders"] == 2 and labels["ham_refused_by_spam_rules"] == 0
    assert labels["precision"] == 1.0
    # The series: refusals counted in 5-minute bins from the first event.
    assert dict(a["series"]["refusals"]["duplicates"]) == {0: 1}
    assert dict(a["series"]["refusals"]["apps"]) == {0: 2}


def test_replies_are_evidence_through_the_graph() -> None:
    """Recipients who wrote first do not count: the replay records every delivery."""
    text = "The meeting moved to Thursday at nine, room 4B, bring the slides please"
    lines = [json.dumps({"t": T0, "type": "follow", "follower": f"f{i}", "followee": "boss"})
             for i in range(6)]
    lines += [json.dumps({"t": T0, "type": "follow", "follower": "boss", "followee": f"f{i}"})
              for i in range(6)]
    unfollowed = [json.dumps({"t": T0 + 8, "type": "unfollow", "follower": "boss",
                              "followee": f"f{i}"}) for i in range(6)]
    writes = [json.dumps({"t": T0 + 1 + i, "type": "send", "sender": f"f{i}",
                          "recipients": ["boss"], "text": "see you tomorrow"}) for i in range(6)]
    sends = [json.dumps({"t": T0 + 10 + i, "type": "send", "sender": "boss",
                         "recipients": [f"f{i}"], "text": text}) for i in range(6)]
    with_replies = replay(read_events(lines + writes + unfollowed + sends),
                          load_rules(DEFAULT_RULES))
    assert with_replies["a"]["decisions"]["by_verdict"] == {"allow": 12}
    without = replay(read_events(lines + unfollowed + sends), load_rules(DEFAULT_RULES))
    # Following back is evidence too: before the unfollows nobody would count.
    assert without["a"]["decisions"]["by_verdict"] == {"allow": 4, "cooldown": 2}


def test_hash_only_sends_match_exactly_and_only_exactly() -> None:
    follow = [json.dumps({"t": T0, "type": "follow", "follower": f"r{i}", "followee": "s"})
              for i in range(6)]

    def sends(texts: list[str]) -> list[str]:
        return [json.dumps({"t": T0 + i, "type": "send", "sender": "s", "recipients": [f"r{i}"],
                            "text_sha256": text_sha256(t)}) for i, t in enumerate(texts)]

    same = replay(read_events(follow + sends(["one offer for everyone today"] * 6)),
                  load_rules(DEFAULT_RULES))
    assert same["a"]["decisions"]["by_verdict"] == {"allow": 4, "cooldown": 2}
    assert same["events"]["hash_only"] == 6
    varied = [f"one offer for everyone today {n}" for n in range(6)]
    differ = replay(read_events(follow + sends(varied)), load_rules(DEFAULT_RULES))
    assert differ["a"]["decisions"]["by_verdict"] == {"allow": 6}
    digest = hashlib.sha256(b"x").hexdigest()
    assert len(stand_in_text(digest)) == 64 and stand_in_text(digest).isalpha()


def test_an_invalid_send_is_an_error_naming_its_line() -> None:
    lines = ['{"t": 1, "type": "send", "sender": "a", "recipients": ["b", "b"], "text": "hi"}']
    with pytest.raises(EventError) as caught:
        list(read_events(lines))
    assert caught.value.line == 1
    event = SendEvent(1.0, "a", ("b",), "x" * 200_000, line=9)
    with pytest.raises(EventError, match="line 9"):
        replay([event], load_rules(DEFAULT_RULES))


# -- the diff -------------------------------------------------------------------


def test_rules_b_reports_what_changes(tmp_path: Path) -> None:
    s = replay(read_events(read()), load_rules(DEFAULT_RULES), rules_b=rules_with(3))
    diff = s["diff"]
    # With 3 recipients: r3 is now the trigger, r4 and r5 meet the cooldown (r6 did already).
    assert diff["transitions"] == {
        "allow -> duplicates/duplicate_content": 1,
        "allow -> spam_cooldown/cooldown_active": 1,
        "duplicates/duplicate_content -> spam_cooldown/cooldown_active": 1,
    }
    assert diff["decisions_changed"] == 3
    assert diff["senders_changed"] == 1
    assert diff["top_senders"] == [{"sender": "spammer", "decisions_changed": 3}]
    assert s["b"]["labels"]["caught_at_recipient"] == {"1": 1, "3": 1}
    assert s["a"]["labels"]["caught_at_recipient"] == {"1": 1, "5": 1}
    same = replay(read_events(read()), load_rules(DEFAULT_RULES),
                  rules_b=load_rules(DEFAULT_RULES))
    assert same["diff"]["decisions_changed"] == 0


def test_the_cli_prints_the_tables_and_writes_json(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    b = tmp_path / "b.toml"
    b.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace("recipients = 5",
                                                                   "recipients = 3"))
    out = tmp_path / "summary.json"
    code = main(["replay", str(SMALL), "--rules", str(DEFAULT_RULES), "--rules-b", str(b),
                 "--json", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "duplicates/duplicate_content" in printed
    assert "Differences A -> B: 3 decisions change, for 1 senders" in printed
    assert "spammer: 3 decisions change" in printed
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["diff"]["decisions_changed"] == 3


def test_the_cli_refuses_bad_input_clearly(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", str(tmp_path / "absent.jsonl"), "--rules", str(DEFAULT_RULES)]) == 2
    assert "cannot read events file" in capsys.readouterr().err
    bad_rules = tmp_path / "bad.toml"
    bad_rules.write_text("version = 1\n")
    assert main(["replay", str(SMALL), "--rules", str(bad_rules)]) == 2
    assert "bad.toml" in capsys.readouterr().err
    assert main(["replay", str(SMALL), "--rules", str(DEFAULT_RULES),
                 "--storage", "nosuch://x"]) == 2
    assert capsys.readouterr().err.startswith("error:")


def test_replay_of_a_simulation_agrees_with_itself_on_any_run() -> None:
    from policy.backtest.simulate import SimConfig, simulate

    config = SimConfig(seed=5, senders=80, hours=6)
    first = replay(simulate(config), load_rules(DEFAULT_RULES))
    second = replay(simulate(config), load_rules(DEFAULT_RULES))
    assert first == second
    assert first["a"]["labels"]["spam_senders"] > 0


def test_progress_bar_only_on_a_terminal(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from policy.commands.replay import _Progress

    stream = io.StringIO()
    progress = _Progress(stream, total_bytes=SMALL.stat().st_size)
    with open(SMALL, encoding="utf-8") as source:
        replay(read_events(progress.lines(source)), load_rules(DEFAULT_RULES),
               on_event=progress)
    # Characters read, against the size in bytes: close enough for a bar.
    assert 0.9 * SMALL.stat().st_size <= progress.read <= SMALL.stat().st_size
    assert stream.getvalue().startswith("\r[") and "events" in stream.getvalue()
    progress.done()
    # Under pytest standard error is not a terminal: no bar at all.
    assert main(["replay", str(SMALL), "--rules", str(DEFAULT_RULES)]) == 0
    assert "\r" not in capsys.readouterr().err


@pytest.mark.redis
def test_replay_on_redis_decides_as_on_memory(request: pytest.FixtureRequest) -> None:
    from tests import servers

    server = servers.session_redis(request.config)
    sep = "&" if "?" in server.url else "?"
    uri = f"{server.url}{sep}key_prefix={servers.unique_prefix()}"
    on_memory = replay(read_events(read()), load_rules(DEFAULT_RULES), rules_b=rules_with(3))
    # Both rule sets on one Redis: each side keeps keys of its own.
    on_redis = replay(read_events(read()), load_rules(DEFAULT_RULES), rules_b=rules_with(3),
                      storage=uri)
    assert on_redis == on_memory
