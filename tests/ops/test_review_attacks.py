"""Adversarial review: each test reproduces a defect found by attacking the admin API,
the console, the decision log and the middleware (it failed before its fix)."""

from __future__ import annotations

from typing import Any

import pytest

from policy import Engine
from policy.clock import VirtualClock
from policy.errors import InvalidRequest
from policy.rules import load_rules
from policy.server import create_app, demo_store
from tests.conftest import DEFAULT_RULES
from tests.ops.test_server import call, error_of

ADMIN = "admin-token-for-tests-0123"


@pytest.fixture
def engine(clock: VirtualClock) -> Engine:
    return Engine(load_rules(DEFAULT_RULES), clock=clock)


@pytest.fixture
def server(clock: VirtualClock) -> Any:
    store = demo_store()
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock)
    return create_app(engine, store, admin_token=ADMIN)


@pytest.mark.parametrize("field", ["reason", "actor"])
def test_a_lone_surrogate_in_a_reason_or_actor_is_refused_before_anything_is_written(
        engine: Engine, field: str) -> None:
    # Valid JSON ("\ud800") but no text: stored, it made every later audit read a 500.
    args = {"actor": "ops", "reason": "why", field: "bad \ud800"}
    with pytest.raises(InvalidRequest) as caught:
        engine.lift_cooldown("alice", **args)
    assert caught.value.field == field
    assert engine.audit("alice") == []


def test_a_lone_surrogate_reason_over_http_is_a_400_and_the_trail_stays_readable(
        server: Any) -> None:
    headers = {"content-type": "application/json"}
    answer = call(server, "POST", "/admin/api/users/alice/lift-cooldown", token=ADMIN,
                  headers=headers, content=b'{"reason": "\\ud800"}')
    assert error_of(answer) == (400, 195, "invalid_parameter")
    trail = call(server, "GET", "/admin/api/users/alice/audit", token=ADMIN)
    assert trail.status_code == 200 and trail.json() == {"records": []}


def test_a_deeply_nested_admin_body_is_a_400_not_a_500(server: Any) -> None:
    answer = call(server, "POST", "/admin/api/users/alice/forget", token=ADMIN,
                  headers={"content-type": "application/json"},
                  content=b"[" * 8000 + b"]" * 8000)
    assert error_of(answer) == (400, 195, "invalid_parameter")


def test_an_oversized_sign_in_form_is_refused_without_reading_it_all(server: Any) -> None:
    # /admin/login needs no session: a body of any size was read into memory before
    # its size was checked. It must stop reading once past the form's bound.
    import asyncio

    chunk, chunks = b"a" * 65536, 1000
    pulled = 0
    answer: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/admin/login", "raw_path":
             b"/admin/login", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"demo"),
                         (b"content-type", b"application/x-www-form-urlencoded")],
             "client": ("127.0.0.1", 1), "server": ("demo", 80)}
    asyncio.run(server(scope, receive, send))
    assert answer["status"] in (400, 413)
    assert pulled < 10


def test_a_sign_in_form_announcing_an_oversized_length_is_refused_unread(server: Any) -> None:
    answer = call(server, "POST", "/admin/login", token=None,
                  headers={"content-type": "application/x-www-form-urlencoded"},
                  content=b"actor=a&token=" + b"x" * 20000)
    assert answer.status_code in (400, 413)


@pytest.mark.parametrize("attributes,field", [
    ({"verified_email": "false"}, "context.verified_email"),
    ({"account_age": "soon"}, "context.account_age"),
    ({"prior_enforcements": 1.5}, "context.prior_enforcements"),
    ({"account_created_at": "yesterday"}, "context.account_created_at"),
])
def test_a_sender_context_built_directly_is_validated_like_a_mapping(
        attributes: dict[str, Any], field: str) -> None:
    from policy.conditions import SenderContext

    with pytest.raises(InvalidRequest) as caught:
        SenderContext(**attributes)
    assert caught.value.field == field


def test_a_new_account_with_a_string_false_never_escapes_the_strict_tier(
        clock: VirtualClock) -> None:
    # "false" is truthy and not False: it used to put a new unverified account in the
    # ordinary 1,000-a-day tier instead of the new accounts' 100.
    from policy import MemoryGraph, SendRequest
    from policy.conditions import SenderContext
    from tests.conftest import ROOT

    engine = Engine.from_file(ROOT / "rules" / "strict.toml", graph=MemoryGraph(), clock=clock)
    with pytest.raises(InvalidRequest):
        engine.check(SendRequest("newcomer", ("bob",), "hello there", context=SenderContext(
            verified_email="false", account_age=60)))
    tier = engine.check(SendRequest("newcomer", ("bob",), "hello there", context=SenderContext(
        verified_email=False, account_age="1m")))
    assert tier.quota is not None and tier.quota.limit == 100


@pytest.mark.parametrize("path", ["/1.1/apps/restore.json", "/1.1/apps/revoke.json"])
def test_a_third_party_app_cannot_manage_app_access_with_its_delegated_token(
        server: Any, path: str) -> None:
    # A self-message revokes the (compromised) app; with the user's token it was given,
    # it restored itself and sent again.
    from tests.ops.test_server import SEND

    app_token = "alice-via-autoposter"
    self_message = call(server, "POST", SEND, token=app_token,
                        data={"screen_name": "alice", "text": "buy now"})
    assert self_message.status_code == 403
    answer = call(server, "POST", path, token=app_token, data={"app_id": "autoposter"})
    assert error_of(answer) == (403, 93, "app_not_allowed")
    again = call(server, "POST", SEND, token=app_token, data={"screen_name": "bob", "text": "hi"})
    assert error_of(again) == (403, 93, "app_revoked")
    # the user, from a first-party client, still can
    assert call(server, "POST", "/1.1/apps/restore.json",
                data={"app_id": "autoposter"}).status_code == 200


def _from(app: Any, address: str, method: str, path: str, **kwargs: Any) -> Any:
    import asyncio

    import httpx

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(go())


def test_wrong_admin_tokens_are_limited_like_the_consoles_sign_in(server: Any) -> None:
    # The console locks sign-in after 10 failures a minute, but the same token could be
    # guessed on /admin/api/ without any limit.
    wrong = {"authorization": "Bearer not-the-admin-token-at-all"}
    path = "/admin/api/users/alice/standing"
    for _ in range(10):
        assert _from(server, "203.0.113.7", "GET", path, headers=wrong).status_code == 401
    locked = _from(server, "203.0.113.7", "GET", path, headers=wrong)
    assert error_of(locked) == (429, 88, "too_many_attempts")
    right = {"authorization": f"Bearer {ADMIN}"}
    assert _from(server, "203.0.113.7", "GET", path, headers=right).status_code == 429
    assert _from(server, "198.51.100.2", "GET", path, headers=right).status_code == 200


def test_failing_sign_ins_on_purpose_does_not_lock_every_agent_out(server: Any) -> None:
    # The sign-in limit was global: 10 wrong tokens a minute from anyone kept every agent
    # out for good. It is per address now.
    import re

    def login(address: str, token: str) -> int:
        page = _from(server, address, "GET", "/admin/login")
        nonce = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)
        cookie = page.cookies.get("dm_policy_console_login")
        return _from(server, address, "POST", "/admin/login",
                     data={"login_csrf": nonce, "actor": "Sam", "token": token},
                     headers={"cookie": f"dm_policy_console_login={cookie}"}).status_code

    for _ in range(10):
        assert login("203.0.113.7", "not-the-admin-token") == 401
    assert login("203.0.113.7", ADMIN) == 429
    assert login("198.51.100.2", ADMIN) == 303


@pytest.mark.parametrize("amount", ["²", "9" * 5000])
def test_a_superscript_amount_is_a_400_on_the_admin_api(server: Any, amount: str) -> None:
    # "²".isdigit() is true but int("²") raises ValueError, as int() of 4,301 digits or
    # more: each was a 500.
    answer = call(server, "POST", "/admin/api/users/alice/credit-quota", token=ADMIN,
                  data={"amount": amount, "reason": "goodwill"})
    assert error_of(answer) == (400, 195, "invalid_parameter")


@pytest.mark.parametrize("amount", ["²", "9" * 5000])
def test_a_superscript_amount_on_the_console_does_nothing_and_says_so(server: Any,
                                                                      amount: str) -> None:
    import re

    from tests.ops.test_console import Browser

    browser = Browser(server)
    assert browser.login(token=ADMIN).status_code == 303
    csrf = browser.csrf("/admin/user?q=alice")
    answer = browser.request("POST", "/admin/action", data={
        "csrf": csrf, "user": "1001", "action": "credit_quota", "amount": amount,
        "reason": "goodwill"})
    assert answer.status_code == 303
    page = browser.request("GET", "/admin/user?q=alice").text
    assert re.search(r"Nothing was done: the amount must be a whole number", page)


@pytest.mark.parametrize("token,says", [
    (None, "off: set DM_POLICY_ADMIN_TOKEN"),
    ("a-long-enough-admin-token", "admin token: $DM_POLICY_ADMIN_TOKEN"),
])
def test_demo_says_whether_the_console_can_be_signed_in_to(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        token: str | None, says: str) -> None:
    # Without DM_POLICY_ADMIN_TOKEN the demo advertised a console nobody could sign in to.
    uvicorn = pytest.importorskip("uvicorn")
    from policy.cli import main

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    if token is None:
        monkeypatch.delenv("DM_POLICY_ADMIN_TOKEN", raising=False)
    else:
        monkeypatch.setenv("DM_POLICY_ADMIN_TOKEN", token)
    assert main(["demo", "--port", "0", "--rules", str(DEFAULT_RULES)]) == 0
    console = next(line for line in capsys.readouterr().out.splitlines()
                   if "support console" in line)
    assert says in console


def test_a_name_with_a_control_character_is_refused_at_sign_in(server: Any) -> None:
    # It signed in, and then every action failed: the audit trail refuses such an actor.
    from tests.ops.test_console import Browser

    browser = Browser(server)
    refused = browser.login(token=ADMIN, actor="Sam\x1b[31m")
    assert refused.status_code == 400 and "control characters" in refused.text
    assert browser.request("GET", "/admin/").status_code == 303  # not signed in


@pytest.mark.parametrize("reason", ["ok\x9b31mred", "ok\x7f", "line\u2028two", "a\x85b"])
def test_a_reason_with_a_c1_control_or_a_line_separator_is_refused(
        engine: Engine, reason: str) -> None:
    # Only C0 controls were refused: "\x9b" (a terminal's CSI) reached `dm-policy audit`'s
    # output as is, and "\u2028" broke the "one line" a reason is.
    with pytest.raises(InvalidRequest) as caught:
        engine.lift_cooldown("alice", actor="ops", reason=reason)
    assert caught.value.field == "reason"
    assert engine.audit("alice") == []
    assert engine.lift_cooldown("alice", actor="ops", reason="tab\tis fine").reason


class _HostGraph:
    """A host's graph whose account service answers a wrong type ("false", a string)."""

    def __init__(self) -> None:
        from policy import MemoryGraph

        self.inner = MemoryGraph()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def attributes(self, user: str) -> dict[str, Any]:
        return {"account_age": 60, "verified_email": "false"}


def _strict_behind(kind: str, clock: VirtualClock) -> Any:
    from tests.conftest import ROOT

    engine = Engine(load_rules(ROOT / "rules" / "strict.toml"), graph=_HostGraph(),
                    clock=clock)
    if kind == "asgi":
        from starlette.applications import Starlette
        from starlette.responses import JSONResponse
        from starlette.routing import Route as StarletteRoute

        from policy.middleware.asgi import PolicyMiddleware

        async def echo(request: Any) -> Any:
            return JSONResponse({"delivered": True})

        inner = Starlette(routes=[StarletteRoute("/send", echo, methods=["POST"])])
        return PolicyMiddleware(inner, engine, ["/send"],
                                sender=lambda request: request.header("x-user"))
    from flask import Flask

    from policy.middleware.wsgi import PolicyMiddleware as WsgiMiddleware

    flask = Flask(__name__)
    flask.add_url_rule("/send", "send", lambda: {"delivered": True}, methods=["POST"])
    return WsgiMiddleware(flask.wsgi_app, engine, ["/send"],
                          sender=lambda request: request.header("x-user"))


@pytest.mark.parametrize("kind", ["asgi", "wsgi"])
def test_a_wrong_typed_attribute_from_the_hosts_graph_is_a_400_not_an_allow(
        kind: str, clock: VirtualClock) -> None:
    # docs/signals.md: a wrong type is an InvalidRequest, over HTTP a 400. Behind the
    # middleware it counted as an engine failure, and the rules' failure mode (local)
    # let every send through, stranger or not: every rule bypassed.
    app = _strict_behind(kind, clock)
    body = {"user_id": "stranger", "text": "hello"}
    if kind == "asgi":
        answer = call(app, "POST", "/send", token=None, headers={"x-user": "newcomer"},
                      json=body)
        status, payload = answer.status_code, answer.json()
    else:
        import io
        import json

        raw = json.dumps(body).encode()
        environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/send", "QUERY_STRING": "",
                   "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(raw)),
                   "HTTP_X_USER": "newcomer", "SERVER_NAME": "demo", "SERVER_PORT": "80",
                   "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(raw),
                   "wsgi.url_scheme": "http", "wsgi.errors": io.StringIO()}
        started: list[str] = []
        chunks = app(environ, lambda status, headers, exc_info=None: started.append(status))
        status, payload = int(started[0].split()[0]), json.loads(b"".join(chunks))
    assert status == 400, payload
    error = payload["errors"][0]
    assert (error["code"], error["label"]) == (195, "invalid_parameter")
    assert "verified_email" in error["message"]


def _post_endless_body(app: Any, path: str, query: bytes, token: str) -> tuple[int, int]:
    """(status, chunks pulled): a POST whose body of 64 KiB chunks goes on for 64 MB."""
    import asyncio

    pulled = 0
    answer: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"a" * 65536, "more_body": pulled < 1000}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query, "root_path": "",
             "headers": [(b"host", b"demo"), (b"content-type", b"application/json"),
                         (b"authorization", f"Bearer {token}".encode())],
             "client": ("127.0.0.1", 1), "server": ("demo", 80)}
    asyncio.run(app(scope, receive, send))
    return answer["status"], pulled


def test_an_oversized_admin_body_is_refused_without_reading_it_all(server: Any) -> None:
    # The admin API read the whole body, then checked its 16 KiB bound.
    status, pulled = _post_endless_body(server, "/admin/api/users/alice/lift-cooldown", b"",
                                        ADMIN)
    assert status == 400
    assert pulled < 10


def test_a_client_cannot_declare_its_own_context_in_the_body(clock: VirtualClock) -> None:
    # A guard (not a defect found): the middleware reads no context from the request.
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route as StarletteRoute

    from policy import MemoryGraph
    from policy.middleware.asgi import PolicyMiddleware
    from tests.conftest import ROOT

    graph = MemoryGraph()
    graph.follow("bob", "newcomer")
    engine = Engine(load_rules(ROOT / "rules" / "strict.toml"), graph=graph, clock=clock)

    async def echo(request: Any) -> Any:
        return JSONResponse({"delivered": True})

    app = PolicyMiddleware(Starlette(routes=[StarletteRoute("/send", echo, methods=["POST"])]),
                           engine, ["/send"], sender=lambda request: request.header("x-user"))
    answer = call(app, "POST", "/send", token=None, headers={"x-user": "newcomer"}, json={
        "user_id": "bob", "text": "hello",
        "context": {"account_age": "10y", "verified_email": True}})
    assert answer.status_code == 200
    assert answer.headers["x-rate-limit-limit"] == "100"  # the new accounts' tier


@pytest.mark.parametrize("origin,headers,allowed", [
    ("https://demo", {}, True),  # TLS ended by a proxy: the server sees http://demo
    ("https://console.example", {"x-forwarded-host": "console.example"}, True),
    ("https://evil.example", {}, False),
    ("https://evil.example", {"x-forwarded-host": "console.example"}, False),
    ("http://demo.evil.example", {}, False),
])
def test_the_origin_check_works_behind_a_tls_proxy_and_still_refuses_other_sites(
        server: Any, origin: str, headers: dict[str, str], allowed: bool) -> None:
    # docs/console.md says to put the console behind HTTPS: with TLS ended by a proxy the
    # browser's Origin (https) never equalled the server's own URL (http), and every
    # sign-in was refused as "sent from another site".
    import re

    from tests.ops.test_console import Browser

    browser = Browser(server)
    page = browser.request("GET", "/admin/login")
    nonce = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)
    answer = browser.request("POST", "/admin/login", headers={"origin": origin, **headers},
                             data={"login_csrf": nonce, "actor": "Sam", "token": ADMIN})
    assert answer.status_code == (303 if allowed else 403)


def test_the_decision_log_does_not_tell_yes_from_no(tmp_path: Any, clock: VirtualClock) -> None:
    # The exact length and letter count of a very short text were logged: "ok", "no" and
    # "yes" were told apart by them. Below signature_from they are rounded up, and a
    # replay still gives the same decisions.
    import json

    from policy import MemoryGraph, SendRequest
    from policy.decisionlog import DecisionLog
    from tests.backtest.test_decision_log import replay_log

    graph = MemoryGraph()
    graph.follow("bob", "alice")
    log = DecisionLog(tmp_path / "decisions.jsonl")
    engine = Engine(load_rules(DEFAULT_RULES), graph=graph, clock=clock, decision_log=log)
    live = []
    for text in ("ok", "no", "yes", "see you", "    ", "?"):
        live.append(engine.check(SendRequest("alice", ("bob",), text)))
        clock.advance(1)
    log.close()
    replayed = replay_log(log)
    assert [(d.verdict, d.code) for d in replayed] == [(d.verdict, d.code) for d in live]
    lines = [json.loads(raw) for raw in (tmp_path / "decisions.jsonl").read_text().splitlines()
             if '"decision"' in raw]
    shapes = {(line["len"], line.get("chars")) for line in lines[:4]}
    assert shapes == {(8, 7)}
    assert lines[5]["len"] == 8 and lines[5].get("chars", 0) == 0


def test_no_refusal_shares_the_challenges_numeric_code() -> None:
    # After the reports merge, reported_as_spam answered 709, CHALLENGE's code: a client
    # showing its captcha on 709 showed it to a reported sender, whom no pass lifts.
    from policy.middleware import codes

    numbers = [error.code for error in codes.REFUSALS.values()]
    assert codes.CHALLENGE.code not in numbers
    assert len(numbers) == len(set(numbers)), "two refusals share a numeric code"


@pytest.mark.parametrize("path", ["/1.1/apps/revoke.json", "/1.1/dm_conversations/new.json"])
def test_the_servers_own_endpoints_refuse_an_oversized_body_unread(server: Any,
                                                                   path: str) -> None:
    # They read the whole body (30 MB: 200) where the policy routes stop at 64 KiB (413).
    status, pulled = _post_endless_body(server, path, b"app_id=x&participant_ids=1002",
                                        "alice-token")
    assert status == 413
    assert pulled < 10


@pytest.mark.parametrize("since", ["yesterday", [1], object()])
def test_an_audit_since_of_another_type_is_an_invalid_request(engine: Engine,
                                                              since: object) -> None:
    # Its message called abs() on it: a bare TypeError.
    with pytest.raises(InvalidRequest) as raised:
        engine.audit(user="alice", since=since)  # type: ignore[arg-type]
    assert raised.value.field == "since"


def test_an_sms_command_with_escaped_braces_counts_them(clock: VirtualClock) -> None:
    from policy import MemoryGraph, SendRequest
    from policy.rules import parse_rules

    graph = MemoryGraph()
    graph.follow("bob", "alice")
    rules = parse_rules('[[rules]]\nname = "len"\ncheck = "text_length"\n'
                        'sms_command = "{{d}} {username} "\n', file="r.toml")
    engine = Engine(rules, graph=graph, clock=clock)
    # "{d} bob " is 8 characters: 152 more fit in 160, 153 do not.
    assert engine.check(SendRequest("alice", ("bob",), "x" * 152, channel="sms")).allowed
    refused = engine.check(SendRequest("alice", ("bob",), "x" * 153, channel="sms"))
    assert refused.code == "sms_too_long"
