"""Issue 13 (hardening): regression tests for what an adversarial review broke."""

from __future__ import annotations

import asyncio
import io
import json
import math
import socket
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from policy import (
    ClockError,
    Engine,
    MemoryGraph,
    RulesError,
    SendRequest,
    StorageError,
    StorageUnavailable,
    load_rules,
)
from tests import docs
from tests.conftest import DEFAULT_RULES, ROOT, T0, EngineFactory, VirtualClock

# -- item 3: rules values that validate but break -------------------------------------------

_COOLDOWN = '''
[[rules]]
name = "dups"
check = "duplicates"

[[rules]]
name = "wait"
check = "cooldown"
triggered_by = ["dups"]
duration = {value}
'''


def _one(check: str, field: str, value: str) -> str:
    return f'[[rules]]\nname = "r1"\ncheck = "{check}"\n{field} = {value}\n'


BAD_VALUES = [
    # (file text, rule, field)
    (_COOLDOWN.format(value="inf"), "wait", "duration"),
    (_COOLDOWN.format(value="-inf"), "wait", "duration"),
    (_COOLDOWN.format(value="nan"), "wait", "duration"),
    (_COOLDOWN.format(value='"999999999999999d"'), "wait", "duration"),
    (_COOLDOWN.format(value="9223372036854775807"), "wait", "duration"),
    (_COOLDOWN.format(value="1e300"), "wait", "duration"),
    (_COOLDOWN.format(value="0.001"), "wait", "duration"),
    (_COOLDOWN.format(value='"367d"'), "wait", "duration"),
    (_one("apps", "revocation_ttl", "inf"), "r1", "revocation_ttl"),
    (_one("apps", "revocation_ttl", "nan"), "r1", "revocation_ttl"),
    (_one("apps", "signal_window", '"99999999w"'), "r1", "signal_window"),
    (_one("apps", "flag_after_users", "9223372036854775807"), "r1", "flag_after_users"),
    (_one("duplicates", "window", "inf"), "r1", "window"),
    (_one("duplicates", "window", "nan"), "r1", "window"),
    (_one("duplicates", "similarity", "nan"), "r1", "similarity"),
    (_one("duplicates", "similarity", "inf"), "r1", "similarity"),
    (_one("duplicates", "min_chars", "9223372036854775807"), "r1", "min_chars"),
    (_one("quota", "limit", '"1/1000000000000 years"'), "r1", "limit"),
    (_one("quota", "limit", '"1000/0 day"'), "r1", "limit"),
    (_one("quota", "limit", '"1000 per 0 days"'), "r1", "limit"),
    (_one("quota", "limit", '"100000000000000000000000/day"'), "r1", "limit"),
    (_one("quota", "limit", '"1000000001/day"'), "r1", "limit"),
    (_one("quota", "limit", "1e23"), "r1", "limit"),
    (_one("quota", "limit", "inf"), "r1", "limit"),
    (_one("text_length", "max_chars", "9223372036854775807"), "r1", "max_chars"),
    (_one("group", "max_people", "9223372036854775807"), "r1", "max_people"),
]


@pytest.mark.parametrize(("text", "rule", "field"), BAD_VALUES)
def test_rules_values_that_would_break_are_refused_naming_file_rule_field(
    tmp_path: Path, text: str, rule: str, field: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(RulesError) as raised:
        load_rules(path)
    error = raised.value
    assert (error.file, error.rule, error.field) == (str(path), rule, field), str(error)
    assert str(path) in str(error) and rule in str(error) and field in str(error)


def test_a_rule_name_ending_in_a_newline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[rules]]\nname = "quota\\n"\ncheck = "quota"\n')
    with pytest.raises(RulesError) as raised:
        load_rules(path)
    assert (raised.value.rule, raised.value.field) == ("#1", "name")


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (_COOLDOWN.format(value='"1s"'), "duration", 1.0),
        (_COOLDOWN.format(value='"366d"'), "duration", 366 * 86400.0),
        (_COOLDOWN.format(value="1"), "duration", 1.0),
        (_one("quota", "limit", '"1000000000/day"'), "limit", 10**9),
        (_one("quota", "limit", '"1/year"'), "limit", 1),
        (_one("quota", "limit", '"10/5 minutes"'), "limit", 10),
    ],
)
def test_values_at_the_documented_bounds_are_accepted(
    tmp_path: Path, text: str, field: str, expected: float
) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(text)
    rule = load_rules(path).rules[-1]
    assert getattr(rule.params, field) == expected


# -- item 10: bad virtual clocks -------------------------------------------------------------

BAD_CLOCKS = [-1e9, 0.0, 12.5, 999_999_999.0, math.nan, math.inf, -math.inf, 1e300,
              "1800000000", None, True, Decimal("1800000000")]


@pytest.mark.parametrize("reading", BAD_CLOCKS, ids=repr)
def test_a_clock_returning_nonsense_is_a_clock_error_before_any_state(
    engine_factory: EngineFactory, graph: MemoryGraph, reading: object
) -> None:
    graph.follow("bob", "alice")
    readings = [reading]
    engine = engine_factory(clock=lambda: readings[0])
    send = SendRequest("alice", ("bob",), "an ordinary message of more than thirty-two letters")
    with pytest.raises(ClockError):
        engine.check(send)
    with pytest.raises(ClockError):
        asyncio.run(engine.acheck(send))
    with pytest.raises(ClockError):
        engine.revoke_app(user="alice", app="some-app")
    # Nothing was stored: the same engine, its clock fixed, starts from a blank state.
    readings[0] = T0
    decision = engine.check(send)
    assert decision.allowed and decision.quota is not None
    assert decision.quota.remaining == decision.quota.limit - 1


def test_a_sane_clock_still_decides(engine_factory: EngineFactory, graph: MemoryGraph) -> None:
    graph.follow("bob", "alice")
    engine = engine_factory(clock=lambda: 1_000_000_000)  # an int, at the lower bound
    assert engine.check(SendRequest("alice", ("bob",), "hello")).allowed


# -- item 6: a client's broken body over WSGI is a 400 ---------------------------------------


class _BrokenBody(io.RawIOBase):
    """A body that breaks after its first bytes, as a truncated chunked body does."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        self.sent = False

    def read(self, size: int = -1) -> bytes:
        if not self.sent:
            self.sent = True
            return b'{"user_id": "bob", "te'
        raise self.error


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
@pytest.mark.parametrize("error", [OSError("peer reset"), ValueError("bad chunk"),
                                   ConnectionResetError(104, "reset")], ids=repr)
def test_wsgi_a_broken_body_is_a_400_with_the_error_envelope(
    graph: MemoryGraph, chunked: bool, error: BaseException
) -> None:
    from policy.middleware.wsgi import PolicyMiddleware

    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, graph=graph, clock=VirtualClock(T0))
    reached: list[bool] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        reached.append(True)
        start_response("200 OK", [])
        return [b"delivered"]

    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/1.1/direct_messages/new.json",
               "QUERY_STRING": "", "REMOTE_USER": "alice", "CONTENT_TYPE": "application/json",
               "wsgi.input": _BrokenBody(error)}
    if chunked:
        environ["wsgi.input_terminated"] = True
    else:
        environ["CONTENT_LENGTH"] = "200"
    started: list[tuple[str, list[tuple[str, str]]]] = []
    body = b"".join(PolicyMiddleware(app, engine=engine)(
        environ, lambda status, headers, exc_info=None: started.append((status, headers))))
    assert started[0][0].startswith("400 ")
    payload = json.loads(body)
    assert payload["errors"][0]["code"] == 195
    assert payload["errors"][0]["label"] == "invalid_parameter"
    assert "Traceback" not in body.decode() and not reached


# -- item 5: admin calls while Redis is down -------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _down_redis_uri() -> str:
    pytest.importorskip("redis")
    # Nothing listens there: every call is a refused connection, as with Redis stopped.
    return (f"redis://127.0.0.1:{_free_port()}/0?socket_timeout=0.2"
            "&socket_connect_timeout=0.2&retries=0")


@pytest.mark.parametrize("on_error", ["fail_open", "fail_closed", "local"])
def test_admin_calls_raise_storage_unavailable_while_redis_is_down(
    graph: MemoryGraph, on_error: str
) -> None:
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, storage=_down_redis_uri(), graph=graph,
                              clock=VirtualClock(T0), on_error=on_error)
    try:
        # Decisions still answer by the failure mode...
        decision = engine.check(SendRequest("alice", ("bob",), "hello"))
        assert decision.degraded == on_error
        # ...admin calls raise one typed error the host can catch (a StorageError too).
        calls = [lambda: engine.revoke_app(user="alice", app="autoposter"),
                 lambda: engine.restore_app(user="alice", app="autoposter"),
                 lambda: engine.forget_user("alice"),
                 lambda: engine.app_report("autoposter")]
        for call in calls:
            with pytest.raises(StorageUnavailable) as raised:
                call()
            assert isinstance(raised.value, StorageError)
            assert "retry" in str(raised.value)
    finally:
        engine.close()


def test_forget_user_in_local_mode_forgets_the_local_store_and_still_raises(
    graph: MemoryGraph,
) -> None:
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, storage=_down_redis_uri(), graph=graph,
                              clock=VirtualClock(T0), on_error="local")
    try:
        first = engine.check(SendRequest("alice", ("bob",), "hello"))
        assert first.degraded == "local" and first.quota is not None
        assert first.quota.remaining == first.quota.limit - 1
        with pytest.raises(StorageUnavailable):
            engine.forget_user("alice")  # never silently lost: the host must retry
        engine._storage_down_until = 0.0  # Redis is still down: the local store answers
        again = engine.check(SendRequest("alice", ("bob",), "hello"))
        assert again.quota is not None and again.quota.remaining == again.quota.limit - 1
    finally:
        engine.close()


def test_a_challenge_pass_that_raised_is_not_passed_in_the_local_store_either(
    graph: MemoryGraph,
) -> None:
    # The pass was written to the local store before the Redis call: the call raised ("not
    # passed: retry"), yet the next degraded decision was decided as if it had been passed.
    engine = Engine.from_file("strict", storage=_down_redis_uri(), graph=graph,
                              clock=VirtualClock(T0), on_error="local")
    try:
        first = engine.check(SendRequest("alice", ("alice",), "testing", app="autoposter"))
        assert first.degraded == "local" and first.verdict.value == "challenge"
        with pytest.raises(StorageUnavailable):
            engine.challenge_passed("alice")
        engine._storage_down_until = 0.0  # Redis is still down: the local store answers
        again = engine.check(SendRequest("alice", ("alice",), "testing", app="scheduler"))
        assert again.degraded == "local" and again.verdict.value == "challenge"
    finally:
        engine.close()


def test_server_answers_503_with_the_envelope_when_an_admin_call_finds_redis_down() -> None:
    pytest.importorskip("starlette")
    import httpx

    from policy.server import create_app, demo_store

    store = demo_store()
    engine = Engine.from_file(DEFAULT_RULES, storage=_down_redis_uri(), graph=store.graph,
                              clock=VirtualClock(T0))
    app = create_app(engine, store)

    async def go() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
            return [await client.post(path, headers={"authorization": "Bearer alice-token"},
                                      data={"app_id": "autoposter"})
                    for path in ("/1.1/apps/revoke.json", "/1.1/apps/restore.json")]

    try:
        for response in asyncio.run(go()):
            assert response.status_code == 503
            assert response.headers["retry-after"] == "1"
            error = response.json()["errors"][0]
            assert (error["code"], error["label"]) == (130, "service_unavailable")
            assert "Traceback" not in response.text
    finally:
        engine.close()


# -- item 2: the README's examples deliver exactly what the policy checked -------------------

SEND_PATH = "/1.1/direct_messages/new.json"
ALICE = {"authorization": "Bearer alice-token"}


def _readme_app(marker: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run the documentation's python block that starts with ``marker`` (docs/http.md), as
    written; its ``app``."""
    block = docs.python_block(marker)
    assert block.code.startswith(marker)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    exec(compile(block.code, str(block.path), "exec"), namespace)
    return namespace["app"]


def _fastapi_post(app: Any, path: str, **kwargs: Any) -> Any:
    import httpx

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://example") as client:
            return await client.post(path, headers=ALICE, **kwargs)

    return asyncio.run(go())


def test_readme_fastapi_example_delivers_only_what_the_policy_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("fastapi", reason="the README's FastAPI example needs fastapi")
    app = _readme_app("# app.py (FastAPI)", monkeypatch)
    # The attack: the query names bob (a follower), the body carol (a stranger).
    smuggled = _fastapi_post(app, SEND_PATH + "?user_id=bob",
                             json={"screen_name": "carol", "text": "spam"})
    assert smuggled.status_code == 400, smuggled.text
    error = smuggled.json()["errors"][0]
    assert (error["code"], error["label"]) == (195, "invalid_parameter")
    # The recipient in the query only: delivered to the very recipient that was checked.
    query_only = _fastapi_post(app, SEND_PATH + "?user_id=bob", json={"text": "Lunch?"})
    assert query_only.status_code == 200
    assert query_only.json() == {"sender": "alice", "recipients": ["bob"], "text": "Lunch?"}
    # Both places naming the same recipient are one message.
    same = _fastapi_post(app, SEND_PATH + "?user_id=bob",
                         json={"screen_name": "bob", "text": "Lunch?"})
    assert same.status_code == 200 and same.json()["recipients"] == ["bob"]
    stranger = _fastapi_post(app, SEND_PATH, json={"screen_name": "carol", "text": "spam"})
    assert (stranger.status_code, stranger.json()["errors"][0]["code"]) == (403, 150)


def test_readme_flask_example_delivers_only_what_the_policy_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("flask", reason="the README's Flask example needs flask")
    client = _readme_app("# app.py (Flask)", monkeypatch).test_client()
    smuggled = client.post(SEND_PATH + "?user_id=bob", headers=ALICE,
                           data={"screen_name": "carol", "text": "spam"})
    assert smuggled.status_code == 400, smuggled.get_data(as_text=True)
    error = smuggled.get_json()["errors"][0]
    assert (error["code"], error["label"]) == (195, "invalid_parameter")
    smuggled_text = client.post(SEND_PATH + "?text=hello", headers=ALICE,
                                data={"screen_name": "bob", "text": "something else"})
    assert smuggled_text.status_code == 400
    query_only = client.post(SEND_PATH + "?user_id=bob&text=Lunch%3F", headers=ALICE)
    assert query_only.status_code == 200
    assert query_only.get_json() == {"sender": "alice", "recipients": ["bob"], "text": "Lunch?"}
    stranger = client.post(SEND_PATH, headers=ALICE, data={"screen_name": "carol", "text": "x"})
    assert (stranger.status_code, stranger.get_json()["errors"][0]["code"]) == (403, 150)


def test_the_middlewares_hand_the_app_the_checked_message(graph: MemoryGraph) -> None:
    from policy.middleware import POLICY_KEY, CheckedMessage
    from policy.middleware.asgi import PolicyMiddleware as AsgiPolicy
    from policy.middleware.wsgi import PolicyMiddleware as WsgiPolicy

    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, graph=graph, clock=VirtualClock(T0))
    seen: list[Any] = []

    async def asgi_app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(scope["state"][POLICY_KEY])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    def wsgi_app(environ: Any, start_response: Any) -> list[bytes]:
        seen.append(environ[POLICY_KEY])
        start_response("200 OK", [])
        return [b"ok"]

    async def asgi_call() -> None:
        scope = {"type": "http", "method": "POST", "path": SEND_PATH,
                 "query_string": b"user_id=bob", "headers": [], "user": _User("alice")}
        messages = [{"type": "http.request", "body": b"text=hi", "more_body": False}]

        async def receive() -> Any:
            return messages.pop(0)

        async def send(message: Any) -> None:
            pass

        await AsgiPolicy(asgi_app, engine=engine)(scope, receive, send)

    asyncio.run(asgi_call())
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": SEND_PATH, "QUERY_STRING": "user_id=bob",
               "REMOTE_USER": "alice", "CONTENT_LENGTH": "7", "wsgi.input": io.BytesIO(b"text=hi")}
    b"".join(WsgiPolicy(wsgi_app, engine=engine)(environ, lambda *a: None))
    assert len(seen) == 2
    for checked in seen:
        assert isinstance(checked, CheckedMessage)
        assert (checked.sender, checked.recipients, checked.text) == ("alice", ("bob",), "hi")
        assert checked.decision.allowed


class _User:
    is_authenticated = True

    def __init__(self, identity: str) -> None:
        self.identity = identity


def test_every_numeric_code_means_one_thing() -> None:
    """Two refusals (or a refusal and the CHALLENGE answer) sharing a number could not be
    told apart by a client; only the verdict fallbacks reuse their refusal's number."""
    from policy.middleware import codes

    numbers = [c.code for c in codes.REFUSALS.values()] + [codes.CHALLENGE.code]
    assert len(numbers) == len(set(numbers)), sorted(numbers)
