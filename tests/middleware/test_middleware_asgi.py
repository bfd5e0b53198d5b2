"""The ASGI middleware end to end, over httpx's ASGI transport: allowed sends, every
refusal with its code and status, the headers, malformed bodies, routes it must not touch."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route as StarletteRoute

from policy import Engine, MemoryGraph, StorageError
from policy.middleware import REFUSALS, REQUEST_ERRORS, HttpRequest, Message, Route
from policy.middleware.asgi import PolicyMiddleware
from policy.rules import load_rules
from policy.storage import MemoryStorage
from tests import docs
from tests.conftest import DEFAULT_RULES, ROOT, load_test_rules

SEND = "/1.1/direct_messages/new.json"


async def echo(request: Request) -> Response:
    body = await request.body()
    # The app's own rate-limit header must be replaced by the policy's.
    return JSONResponse({"body": body.decode("latin-1")}, headers={"x-rate-limit-limit": "5"})


async def other(request: Request) -> Response:
    return PlainTextResponse(await request.body(), headers={"x-app-route": "yes"})


async def stream(request: Request) -> Response:
    async def chunks() -> Any:
        for i in range(3):
            yield f"chunk {i}\n".encode()

    return StreamingResponse(chunks(), media_type="text/plain")


def inner_app() -> Starlette:
    return Starlette(routes=[
        StarletteRoute(SEND, echo, methods=["POST", "GET"]),
        StarletteRoute("/other", other, methods=["POST", "GET"]),
        StarletteRoute("/stream", stream, methods=["GET", "POST"]),
        StarletteRoute("/multi", echo, methods=["POST"]),
    ])


def user_header(request: HttpRequest) -> str | None:
    return request.header("x-user")  # stands for an authentication layer


def app_header(request: HttpRequest) -> str | None:
    return request.header("x-app")


def multi_extractor(request: HttpRequest) -> Message:
    """A test extractor: several recipients (``to``) and a channel."""
    params = request.params()
    return Message(recipients=tuple(params["to"].split(",")), text=params["text"],
                   channel=params.get("channel", "api"))


def protect(engine: Engine, app: Any = None, **options: Any) -> PolicyMiddleware:
    options.setdefault("sender", user_header)
    options.setdefault("app_id", app_header)
    options.setdefault("routes", [SEND, Route("/multi", extractor=multi_extractor)])
    return PolicyMiddleware(app or inner_app(), engine=engine, **options)


@pytest.fixture
def engine(graph: MemoryGraph, clock: Any) -> Engine:
    for follower in ("bob", "carol", "dave", "erin", "frank", "gina", "hank", "alice"):
        graph.follow(follower, "alice")
    return Engine(load_rules(DEFAULT_RULES), graph=graph, clock=clock)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def _request(app: Any, method: str, path: str, **kwargs: Any) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        return await client.request(method, path, **kwargs)


def post(app: Any, data: Any = None, *, user: str | None = "alice", path: str = SEND,
         app_id: str | None = None, **kwargs: Any) -> httpx.Response:
    headers = dict(kwargs.pop("headers", {}))
    if user is not None:
        headers["x-user"] = user
    if app_id is not None:
        headers["x-app"] = app_id
    if data is not None:
        kwargs["json"] = data
    return run(_request(app, "POST", path, headers=headers, **kwargs))


def error_of(response: httpx.Response) -> dict[str, Any]:
    payload = response.json()
    assert set(payload) == {"errors"}
    return payload["errors"][0]


def assert_rate_headers(response: httpx.Response) -> tuple[int, int, int]:
    values = tuple(int(response.headers[h]) for h in
                   ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"))
    assert values[1] <= values[0]
    return values  # type: ignore[return-value]


# -- allowed ---------------------------------------------------------------


def test_allowed_send_reaches_the_app_with_its_body_and_rate_limit_headers(engine: Engine) -> None:
    app = protect(engine)
    body = {"user_id": "bob", "text": "Lunch tomorrow?"}
    response = post(app, body)
    assert response.status_code == 200
    assert json.loads(response.json()["body"]) == body  # the body was replayed intact
    limit, remaining, _ = assert_rate_headers(response)
    assert (limit, remaining) == (1000, 999)
    assert response.headers.get_list("x-rate-limit-limit") == ["1000"]  # the app's "5" replaced
    assert "retry-after" not in response.headers


def test_form_body_and_query_string_in_the_seed_endpoint_shape(engine: Engine) -> None:
    app = protect(engine)
    form = post(app, user="alice", data=None, content=b"screen_name=bob&text=hello%2C+bob",
                headers={"content-type": "application/x-www-form-urlencoded"})
    assert form.status_code == 200
    assert form.json()["body"] == "screen_name=bob&text=hello%2C+bob"
    # The endpoint's example request carries its parameters in the query string.
    query = run(_request(app, "POST", SEND + "?text=hello%2C%20tworld.&screen_name=carol",
                         headers={"x-user": "alice"}))
    assert query.status_code == 200
    assert int(query.headers["x-rate-limit-remaining"]) == 998


def test_json_numeric_user_id_is_an_id(engine: Engine, graph: MemoryGraph) -> None:
    graph.follow("12345", "alice")
    assert post(protect(engine), {"user_id": 12345, "text": "hi"}).status_code == 200
    assert post(protect(engine), {"user_id": 54321, "text": "hi"}).status_code == 403


def test_async_engine_is_used_never_the_blocking_one(engine: Engine) -> None:
    calls: list[str] = []

    class Spy(Engine):
        def check(self, request: Any) -> Any:
            calls.append("check")
            return super().check(request)

        async def acheck(self, request: Any) -> Any:
            calls.append("acheck")
            return await super().acheck(request)

    spy = Spy(engine.rules, graph=engine.graph)
    assert post(protect(spy), {"user_id": "bob", "text": "hi"}).status_code == 200
    assert calls == ["acheck"]


def test_add_middleware_in_starlette(engine: Engine) -> None:
    app = inner_app()
    app.add_middleware(PolicyMiddleware, engine=engine, sender=user_header)
    assert post(app, {"user_id": "bob", "text": "hi"}).status_code == 200
    refused = post(app, {"user_id": "zoe", "text": "hi"})
    assert (refused.status_code, error_of(refused)["code"]) == (403, 150)


# -- refusals --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code", "label"),
    [
        ({"user_id": "zoe", "text": "Hello there"}, 150, "not_follower"),
        ({"user_id": "bob", "text": "x" * 141}, 354, "text_too_long"),
        ({"user_id": "bob", "text": "   "}, 701, "text_empty"),
    ],
)
def test_stateless_refusals(engine: Engine, body: dict[str, Any], code: int, label: str) -> None:
    response = post(protect(engine), body)
    assert response.status_code == 403
    error = error_of(response)
    assert (error["code"], error["label"]) == (code, label)
    assert isinstance(error["message"], str) and error["message"]
    assert "retry-after" not in response.headers
    limit, remaining, _ = assert_rate_headers(response)
    assert (limit, remaining) == (1000, 1000)  # a refusal consumes nothing


def test_refusal_message_never_echoes_the_text(engine: Engine) -> None:
    secret = "my secret plan"
    response = post(protect(engine), {"user_id": "zoe", "text": secret})
    assert secret not in response.text


@pytest.mark.parametrize(
    ("form", "code", "label"),
    [
        ({"to": ",".join(f"u{i}" for i in range(20)), "text": "hi all"}, 703, "group_too_large"),
        ({"to": "bob", "text": "y" * 155, "channel": "sms"}, 702, "sms_too_long"),
    ],
)
def test_refusals_through_a_host_extractor(
    engine: Engine, graph: MemoryGraph, form: dict[str, str], code: int, label: str
) -> None:
    for i in range(20):
        graph.follow(f"u{i}", "alice")
    response = post(protect(engine), path="/multi", data=form)
    assert response.status_code == 403
    assert (error_of(response)["code"], error_of(response)["label"]) == (code, label)


def test_blocked_member_in_a_new_group(engine: Engine, graph: MemoryGraph) -> None:
    graph.block("bob", "carol")
    response = post(protect(engine), path="/multi", data={"to": "bob,carol", "text": "hi"})
    assert (response.status_code, error_of(response)["code"]) == (403, 704)


def test_self_message_revokes_the_app_then_app_blocked(engine: Engine) -> None:
    app = protect(engine)
    first = post(app, {"user_id": "alice", "text": "Check this out"}, app_id="autoposter")
    assert (first.status_code, error_of(first)["code"], error_of(first)["label"]) == (
        403, 349, "self_message")
    second = post(app, {"user_id": "bob", "text": "Another one"}, app_id="autoposter")
    assert (second.status_code, error_of(second)["code"], error_of(second)["label"]) == (
        403, 93, "app_revoked")
    assert post(app, {"user_id": "bob", "text": "Sorry, not me"}).status_code == 200


def test_duplicates_then_cooldown_with_retry_after(engine: Engine, clock: Any) -> None:
    app = protect(engine)
    spam = "Congratulations! You won a {} prize. Call 0906170{} now to claim your reward"
    statuses = []
    for i, name in enumerate(("bob", "carol", "dave", "erin", "frank")):
        clock.advance(30)
        statuses.append(post(app, {"user_id": name, "text": spam.format(100 * i, i)}))
    assert [r.status_code for r in statuses] == [200, 200, 200, 200, 403]
    flagged = statuses[-1]
    assert (error_of(flagged)["code"], error_of(flagged)["label"]) == (226, "duplicate_content")
    # The longest wait of the refusal: the copies carry a phone number, and a 5th stranger
    # sent one within a day waits for the first to leave the day (links_to_strangers);
    # the spam cooldown itself is 30 minutes, as the next attempt shows.
    assert flagged.headers["retry-after"] == str(86400 - 4 * 30)
    clock.advance(60)
    waiting = post(app, {"user_id": "bob", "text": "sorry, was that you?"})
    assert (waiting.status_code, error_of(waiting)["code"]) == (403, 326)
    assert error_of(waiting)["label"] == "cooldown_active"
    assert waiting.headers["retry-after"] == "1800"  # the attempt restarted the wait
    assert_rate_headers(waiting)


def test_quota_is_429_with_retry_after_and_rate_limit_headers(graph: MemoryGraph, clock: Any) -> None:
    graph.follow("bob", "alice")
    engine = Engine(load_test_rules("small-quota"), graph=graph, clock=clock)
    app = protect(engine)
    remaining = [post(app, {"user_id": "bob", "text": f"n{i}"}) for i in range(2)]
    assert [int(r.headers["x-rate-limit-remaining"]) for r in remaining] == [1, 0]
    over = post(app, {"user_id": "bob", "text": "one more"})
    assert over.status_code == 429
    assert (error_of(over)["code"], error_of(over)["label"]) == (88, "quota_exceeded")
    limit, left, reset = assert_rate_headers(over)
    assert (limit, left) == (2, 0)
    wait = int(over.headers["retry-after"])
    assert 0 < wait <= 2 * 3600
    assert reset >= clock.now
    clock.advance(wait)
    assert post(app, {"user_id": "bob", "text": "later"}).status_code == 200


def test_shadow_refusal_never_changes_the_response(graph: MemoryGraph, clock: Any) -> None:
    engine = Engine(load_test_rules("shadow-follows"), graph=graph, clock=clock)
    graph.follow("bob", "alice")
    app = protect(engine)
    shadowed = post(app, {"user_id": "zoe", "text": "hello"})  # zoe does not follow alice
    plain = post(app, {"user_id": "bob", "text": "hello"})
    assert shadowed.status_code == plain.status_code == 200
    assert shadowed.content.replace(b"zoe", b"bob") == plain.content
    strip = {"x-rate-limit-remaining", "content-length"}
    assert {k: v for k, v in shadowed.headers.items() if k not in strip} == {
        k: v for k, v in plain.headers.items() if k not in strip}


# -- storage and engine failures never become a 500 ---------------------------


class BrokenStorage(MemoryStorage):
    kind = "broken"

    def transition(self, sender: str, inp: Any, now: float | None) -> Any:
        raise StorageError("connection refused")

    async def atransition(self, sender: str, inp: Any, now: float | None) -> Any:
        raise StorageError("connection refused")


@pytest.mark.parametrize(("on_error", "status"), [("fail_open", 200), ("fail_closed", 429),
                                                  ("local", 200)])
def test_storage_failure_is_never_a_500(graph: MemoryGraph, on_error: str, status: int) -> None:
    graph.follow("bob", "alice")
    engine = Engine(load_rules(DEFAULT_RULES), storage=BrokenStorage(), graph=graph,
                    on_error=on_error)
    response = post(protect(engine), {"user_id": "bob", "text": "hello"})
    assert response.status_code == status
    assert_rate_headers(response)
    if status == 429:
        assert (error_of(response)["code"], error_of(response)["label"]) == (
            130, "storage_unavailable")
        assert response.headers["retry-after"] == "1"


class RaisingGraph(MemoryGraph):
    def follows(self, follower: str, followee: str) -> bool:
        raise ConnectionError("graph database unreachable")


@pytest.mark.parametrize(("on_error", "status"), [("fail_open", 200), ("fail_closed", 429)])
def test_an_engine_exception_follows_the_failure_mode(on_error: str, status: int) -> None:
    engine = Engine(load_rules(DEFAULT_RULES), graph=RaisingGraph(), on_error=on_error)
    response = post(protect(engine), {"user_id": "bob", "text": "hello"})
    assert response.status_code == status
    assert_rate_headers(response)


def test_a_failing_extractor_is_a_400(engine: Engine) -> None:
    def broken(request: HttpRequest) -> Message:
        raise KeyError("to")

    app = protect(engine, routes=[Route(SEND, extractor=broken)])
    response = post(app, {"user_id": "bob", "text": "hi"})
    assert (response.status_code, error_of(response)["code"]) == (400, 195)
    assert_rate_headers(response)


def test_an_extractor_returning_a_bare_string_is_a_400(engine: Engine) -> None:
    def sloppy(request: HttpRequest) -> Message:
        return Message(recipients="bob", text="hi")  # type: ignore[arg-type]

    response = post(protect(engine, routes=[Route(SEND, extractor=sloppy)]), {"text": "hi"})
    assert (response.status_code, error_of(response)["code"]) == (400, 195)


def test_a_failing_sender_lookup_is_a_401(engine: Engine) -> None:
    def broken(request: HttpRequest) -> str | None:
        raise RuntimeError("token service down")

    response = post(protect(engine, sender=broken), {"user_id": "bob", "text": "hi"})
    assert (response.status_code, error_of(response)["code"]) == (401, 32)


# -- requests the policy cannot judge ---------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type", "status", "code"),
    [
        (b'{"user_id": "bob", "text": ', "application/json", 400, 195),
        (b'["bob", "hi"]', "application/json", 400, 195),
        (b'{"user_id": "bob", "text": 5}', "application/json", 400, 195),
        (b'{"user_id": true, "text": "hi"}', "application/json", 400, 195),
        (b'{"user_id": "bob"}', "application/json", 400, 38),
        (b'{"text": "hi"}', "application/json", 400, 38),
        (b'\xff\xfe{"text": "hi"}', "application/json", 400, 195),
        (b'{"user_id": "bob", "text": "\\ud800 lone"}', "application/json", 400, 195),
        (b"user_id=bob&text=%ff%fe", "application/x-www-form-urlencoded", 400, 195),
        (b"user_id=bob&text=a&text=b", "application/x-www-form-urlencoded", 400, 195),
        (b"text=hi", "application/x-www-form-urlencoded", 400, 38),
        (b"<dm to='bob'>hi</dm>", "application/xml", 400, 195),
        (b"", "", 400, 38),
        (json.dumps({"user_id": "b" * 300, "text": "hi"}).encode(), "application/json", 400, 195),
    ],
)
def test_malformed_bodies_are_400(
    engine: Engine, content: bytes, content_type: str, status: int, code: int
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = post(protect(engine), content=content, headers=headers)
    assert response.status_code == status
    assert error_of(response)["code"] == code
    limit, remaining, _ = assert_rate_headers(response)
    assert remaining == limit


def test_query_and_body_disagreeing_is_400(engine: Engine) -> None:
    response = run(_request(protect(engine), "POST", SEND + "?user_id=carol",
                            json={"user_id": "bob", "text": "hi"}, headers={"x-user": "alice"}))
    assert (response.status_code, error_of(response)["code"]) == (400, 195)


def test_no_authenticated_sender_is_401_and_never_read_from_the_body(engine: Engine) -> None:
    response = post(protect(engine), {"user_id": "bob", "text": "hi", "sender": "alice"},
                    user=None)
    assert (response.status_code, error_of(response)["code"]) == (401, 32)
    assert_rate_headers(response)


def test_a_body_over_the_limit_is_413(engine: Engine) -> None:
    app = protect(engine, max_body=1024)
    big = {"user_id": "bob", "text": "x" * 2000}
    response = post(app, big)
    assert (response.status_code, error_of(response)["code"]) == (413, 195)


def test_a_streamed_body_over_the_limit_is_413_even_without_content_length(
    engine: Engine,
) -> None:
    app = protect(engine, max_body=1024)
    messages = [{"type": "http.request", "body": b"x" * 600, "more_body": True}] * 3
    sent = run(_raw_call(app, _scope("POST", SEND, [(b"x-user", b"alice")]), messages))
    assert sent[0]["status"] == 413


# -- routes the middleware must not touch ------------------------------------


def _scope(method: str, path: str, headers: list[tuple[bytes, bytes]] | None = None) -> dict:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "headers": headers or [],
            "client": ("127.0.0.1", 1234), "server": ("testserver", 80)}


async def _raw_call(app: Any, scope: dict, messages: list[dict]) -> list[dict]:
    queue = list(messages)
    sent: list[dict] = []

    async def receive() -> dict:
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


def test_other_routes_get_the_very_same_receive_and_send(engine: Engine) -> None:
    seen: list[tuple[Any, Any, Any]] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        seen.append((scope, receive, send))

    app = protect(engine, app=inner)
    scope = _scope("POST", "/other")

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        pass

    run(app(scope, receive, send))
    get_on_policy_path = _scope("GET", SEND)
    run(app(get_on_policy_path, receive, send))
    lifespan = {"type": "lifespan", "asgi": {"version": "3.0"}}
    run(app(lifespan, receive, send))
    assert [(s, r, t) for s, r, t in seen] == [(scope, receive, send),
                                               (get_on_policy_path, receive, send),
                                               (lifespan, receive, send)]


def test_other_routes_pass_through_unchanged(engine: Engine) -> None:
    app = protect(engine)
    body = b"not json at all \xff"
    response = run(_request(app, "POST", "/other", content=body))
    assert response.status_code == 200
    assert response.content == body
    assert response.headers["x-app-route"] == "yes"
    assert not any(h.startswith("x-rate-limit") for h in response.headers)
    # GET on the policy path is not a send: the app answers it, untouched.
    get = run(_request(app, "GET", SEND))
    assert get.status_code == 200 and get.headers["x-rate-limit-limit"] == "5"


def test_a_streaming_route_streams_through(engine: Engine) -> None:
    app = protect(engine)
    sent = run(_raw_call(app, _scope("GET", "/stream"),
                         [{"type": "http.request", "body": b"", "more_body": False}]))
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    chunks = [m["body"] for m in bodies if m["body"]]
    assert chunks == [b"chunk 0\n", b"chunk 1\n", b"chunk 2\n"]  # one message per chunk
    assert all(m.get("more_body") for m in bodies if m["body"])

    async def over_http() -> list[bytes]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            async with client.stream("GET", "/stream") as response:
                return [chunk async for chunk in response.aiter_raw()]

    assert b"".join(run(over_http())) == b"chunk 0\nchunk 1\nchunk 2\n"


def test_a_client_gone_before_the_body_gets_no_answer(engine: Engine) -> None:
    app = protect(engine)
    sent = run(_raw_call(app, _scope("POST", SEND, [(b"x-user", b"alice")]),
                         [{"type": "http.disconnect"}]))
    assert sent == []


def test_after_the_replay_the_app_sees_the_real_channel(engine: Engine) -> None:
    received: list[dict] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        received.append(await receive())
        received.append(await receive())
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    app = protect(engine, app=inner)
    body = json.dumps({"user_id": "bob", "text": "hi"}).encode()
    sent = run(_raw_call(
        app, _scope("POST", SEND, [(b"x-user", b"alice"), (b"content-type", b"application/json")]),
        [{"type": "http.request", "body": body[:10], "more_body": True},
         {"type": "http.request", "body": body[10:], "more_body": False}]))
    assert received[0] == {"type": "http.request", "body": body, "more_body": False}
    assert received[1] == {"type": "http.disconnect"}
    assert sent[0]["status"] == 204
    assert (b"x-rate-limit-remaining", b"999") in sent[0]["headers"]


# -- the documented table ---------------------------------------------------


def test_readme_documents_every_code_as_the_table_says() -> None:
    # docs/http.md's table, and the rows a topic's page adds (docs/*.md, the same markers)
    section = docs.section("http")
    rows = re.findall(r"^\| `([a-z_]+)` \| (\d+) \| (\d+) \|", section, flags=re.M)
    documented = {label: (int(code), int(status)) for label, code, status in rows}
    expected = {label: (e.code, e.status) for label, e in (REFUSALS | REQUEST_ERRORS).items()}
    assert documented == expected


def readme_example(marker: str) -> str:
    """The documentation's python block that starts with ``marker`` (docs/http.md): the
    tests run what users copy."""
    block = docs.python_block(marker)
    assert block.code.startswith(marker)
    return block.code


def test_the_readme_fastapi_example_protects_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi", reason="the README's FastAPI example needs fastapi")
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": "readme_fastapi"}
    exec(compile(readme_example("# app.py (FastAPI)"), "README.md", "exec"), namespace)
    app = namespace["app"]
    alice = {"authorization": "Bearer alice-token"}
    allowed = run(_request(app, "POST", SEND, headers=alice,
                           json={"screen_name": "bob", "text": "Lunch?"}))
    assert allowed.status_code == 200
    assert allowed.json() == {"sender": "alice", "recipients": ["bob"], "text": "Lunch?"}
    assert allowed.headers["x-rate-limit-remaining"] == "999"
    refused = run(_request(app, "POST", SEND, headers=alice,
                           json={"screen_name": "carol", "text": "Lunch?"}))
    assert (refused.status_code, error_of(refused)["code"]) == (403, 150)
    anonymous = run(_request(app, "POST", SEND, json={"screen_name": "bob", "text": "hi"}))
    assert (anonymous.status_code, error_of(anonymous)["code"]) == (401, 32)


def test_the_middleware_needs_no_web_framework() -> None:
    # starlette and uvicorn are the optional "server" extra: only policy/server.py imports them.
    code = (
        "import sys\n"
        "for name in ('starlette', 'uvicorn', 'flask', 'werkzeug', 'fastapi'):\n"
        "    sys.modules[name] = None\n"
        "import policy.middleware.asgi, policy.middleware.wsgi, policy.cli\n"
        "policy.cli.build_parser()\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_a_single_path_string_is_one_route(engine: Engine) -> None:
    app = protect(engine, routes=SEND)
    assert post(app, {"user_id": "zoe", "text": "hi"}).status_code == 403
    assert run(_request(app, "POST", "/other", content=b"x")).status_code == 200
