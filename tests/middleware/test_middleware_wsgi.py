"""The WSGI middleware end to end on a Flask app, through werkzeug's test client."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from flask import Flask, Response, request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import Client, EnvironBuilder

from policy import Engine, MemoryGraph, StorageError
from policy.middleware import HttpRequest, Message, Route
from policy.middleware.wsgi import PolicyMiddleware
from policy.rules import load_rules
from policy.storage import MemoryStorage
from tests import docs
from tests.conftest import DEFAULT_RULES, ROOT, load_test_rules

SEND = "/1.1/direct_messages/new.json"


def flask_app() -> Flask:
    app = Flask("dm_test")

    @app.post(SEND)
    def send() -> Any:
        # Flask parses the replayed body as if nothing had read it before.
        return ({"form": request.form.to_dict(), "json": request.get_json(silent=True)},
                200, {"x-rate-limit-limit": "5"})

    @app.route("/other", methods=["GET", "POST"])
    def other() -> Any:
        return request.get_data(), 200, {"x-app-route": "yes"}

    @app.get("/stream")
    def stream() -> Response:
        def chunks() -> Any:
            for i in range(3):
                yield f"chunk {i}\n"

        return Response(chunks(), mimetype="text/plain")

    return app


def protect(engine: Engine, **options: Any) -> Flask:
    app = flask_app()
    app.wsgi_app = PolicyMiddleware(app.wsgi_app, engine=engine, **options)  # type: ignore[method-assign]
    return app


@pytest.fixture
def engine(graph: MemoryGraph, clock: Any) -> Engine:
    for follower in ("bob", "carol", "dave", "erin", "frank"):
        graph.follow(follower, "alice")
    return Engine(load_rules(DEFAULT_RULES), graph=graph, clock=clock)


def post(app: Flask, user: str | None = "alice", **kwargs: Any) -> Any:
    # REMOTE_USER is what a front server or WSGI auth layer sets: the default sender.
    environ = {"REMOTE_USER": user} if user else {}
    return app.test_client().post(kwargs.pop("path", SEND), environ_base=environ, **kwargs)


def error_of(response: Any) -> dict[str, Any]:
    payload = response.get_json()
    assert set(payload) == {"errors"}
    return payload["errors"][0]


def rate_headers(response: Any) -> tuple[int, int, int]:
    return tuple(int(response.headers[h]) for h in  # type: ignore[return-value]
                 ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"))


def test_allowed_json_reaches_flask_with_its_body(engine: Engine) -> None:
    response = post(protect(engine), json={"user_id": "bob", "text": "Lunch?"})
    assert response.status_code == 200
    assert response.get_json()["json"] == {"user_id": "bob", "text": "Lunch?"}
    assert rate_headers(response)[:2] == (1000, 999)
    assert response.headers.getlist("x-rate-limit-limit") == ["1000"]  # Flask's "5" replaced


def test_allowed_form_reaches_flask_with_its_fields(engine: Engine) -> None:
    response = post(protect(engine), data={"screen_name": "bob", "text": "hello, bob"})
    assert response.status_code == 200
    assert response.get_json()["form"] == {"screen_name": "bob", "text": "hello, bob"}


def test_raw_utf8_form_counts_characters_not_bytes(engine: Engine) -> None:
    # curl -d 'text=é...' sends raw UTF-8, not percent-escapes: 140 characters, 280 bytes.
    body = ("user_id=bob&text=" + "é" * 140).encode("utf-8")
    app = protect(engine)
    response = post(app, data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert response.get_json()["form"]["text"] == "é" * 140
    over = post(app, data=body + "é".encode(), content_type="application/x-www-form-urlencoded")
    assert (over.status_code, error_of(over)["code"]) == (403, 354)


def test_path_params_read_as_utf8_text(engine: Engine) -> None:
    seen: list[str] = []

    def group(req: HttpRequest) -> Message:
        seen.append(req.path_params["conversation"])
        return Message(recipients=("bob",), text="hi")

    app = protect(engine, routes=[Route("/groups/{conversation}/messages", extractor=group)])
    response = post(app, path="/groups/caf%C3%A9/messages", data={"text": "hi"})
    assert response.status_code == 404  # the Flask app has no such route; the policy allowed it
    assert seen == ["café"]


def test_sync_engine_is_used(engine: Engine) -> None:
    calls: list[str] = []

    class Spy(Engine):
        def check(self, req: Any) -> Any:
            calls.append("check")
            return super().check(req)

    spy = Spy(engine.rules, graph=engine.graph)
    assert post(protect(spy), json={"user_id": "bob", "text": "hi"}).status_code == 200
    assert calls == ["check"]


@pytest.mark.parametrize(
    ("body", "code", "label"),
    [
        ({"user_id": "zoe", "text": "Hello there"}, 150, "not_follower"),
        ({"user_id": "bob", "text": "x" * 141}, 354, "text_too_long"),
        ({"user_id": "bob", "text": ""}, 701, "text_empty"),
        ({"user_id": "alice", "text": "to me"}, 349, "self_message"),
    ],
)
def test_refusals(engine: Engine, body: dict[str, str], code: int, label: str) -> None:
    response = post(protect(engine), json=body)
    assert response.status_code == 403
    assert (error_of(response)["code"], error_of(response)["label"]) == (code, label)
    assert rate_headers(response)[:2] == (1000, 1000)
    assert "Retry-After" not in response.headers


def test_app_revoked_after_a_self_message(engine: Engine) -> None:
    app = protect(engine, app_id=lambda r: r.header("x-app"))
    post(app, json={"user_id": "alice", "text": "hi me"}, headers={"x-app": "autoposter"})
    blocked = post(app, json={"user_id": "bob", "text": "hi"}, headers={"x-app": "autoposter"})
    assert (blocked.status_code, error_of(blocked)["code"]) == (403, 93)
    assert post(app, json={"user_id": "bob", "text": "hi"}).status_code == 200


def test_duplicates_then_cooldown(engine: Engine, clock: Any) -> None:
    app = protect(engine)
    spam = "Congratulations! You won a {} prize. Call 0906170{} now to claim your reward"
    responses = []
    for i, name in enumerate(("bob", "carol", "dave", "erin", "frank")):
        clock.advance(30)
        responses.append(post(app, data={"user_id": name, "text": spam.format(i * 100, i)}))
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 403]
    assert error_of(responses[-1])["code"] == 226
    # the longest wait: a phone number to a 5th stranger within a day (links_to_strangers)
    assert responses[-1].headers["Retry-After"] == str(86400 - 4 * 30)
    again = post(app, data={"user_id": "bob", "text": "hello?"})
    assert (again.status_code, error_of(again)["code"], again.headers["Retry-After"]) == (
        403, 326, "1800")


def test_quota_is_429_with_retry_after(graph: MemoryGraph, clock: Any) -> None:
    graph.follow("bob", "alice")
    app = protect(Engine(load_test_rules("small-quota"), graph=graph, clock=clock))
    assert [post(app, json={"user_id": "bob", "text": f"{i}"}).status_code
            for i in range(2)] == [200, 200]
    over = post(app, json={"user_id": "bob", "text": "more"})
    assert (over.status_code, error_of(over)["code"]) == (429, 88)
    assert rate_headers(over)[:2] == (2, 0)
    assert int(over.headers["Retry-After"]) > 0


class BrokenStorage(MemoryStorage):
    kind = "broken"

    def transition(self, sender: str, inp: Any, now: float | None) -> Any:
        raise StorageError("connection refused")


@pytest.mark.parametrize(("on_error", "status"), [("fail_open", 200), ("fail_closed", 429)])
def test_storage_failure_is_never_a_500(graph: MemoryGraph, on_error: str, status: int) -> None:
    graph.follow("bob", "alice")
    engine = Engine(load_rules(DEFAULT_RULES), storage=BrokenStorage(), graph=graph,
                    on_error=on_error)
    response = post(protect(engine), json={"user_id": "bob", "text": "hi"})
    assert response.status_code == status
    rate_headers(response)


@pytest.mark.parametrize(
    ("data", "content_type", "status", "code"),
    [
        (b'{"user_id": "bob", "text"', "application/json", 400, 195),
        (b"[1, 2]", "application/json", 400, 195),
        (b'{"user_id": "bob"}', "application/json", 400, 38),
        (b"user_id=bob&text=%C3%28", "application/x-www-form-urlencoded", 400, 195),
        (b"text=hi", "application/x-www-form-urlencoded", 400, 38),
        (b"\x00\x01\x02", "application/octet-stream", 400, 195),
    ],
)
def test_malformed_bodies_are_400(
    engine: Engine, data: bytes, content_type: str, status: int, code: int
) -> None:
    response = post(protect(engine), data=data, content_type=content_type)
    assert (response.status_code, error_of(response)["code"]) == (status, code)
    limit, remaining, _ = rate_headers(response)
    assert remaining == limit


def test_unauthenticated_is_401(engine: Engine) -> None:
    response = post(protect(engine), user=None, json={"user_id": "bob", "text": "hi"})
    assert (response.status_code, error_of(response)["code"]) == (401, 32)


def test_bad_content_length_and_too_large(engine: Engine) -> None:
    app = protect(engine, max_body=256)
    too_big = post(app, json={"user_id": "bob", "text": "x" * 500})
    assert (too_big.status_code, error_of(too_big)["code"]) == (413, 195)
    environ = EnvironBuilder(path=SEND, method="POST", data=b"text=hi").get_environ()
    environ["CONTENT_LENGTH"] = "lots"
    environ["REMOTE_USER"] = "alice"
    status, _, body = _call(app.wsgi_app, environ)
    assert status.startswith("400") and json.loads(body)["errors"][0]["code"] == 195


def test_chunked_input_without_content_length(engine: Engine) -> None:
    seen: list[bytes] = []

    def inner(environ: dict, start_response: Any) -> list[bytes]:
        seen.append(environ["wsgi.input"].read())
        start_response("200 OK", [])
        return [b"ok"]

    body = json.dumps({"user_id": "bob", "text": "chunked"}).encode()
    environ = EnvironBuilder(path=SEND, method="POST", content_type="application/json").get_environ()
    environ.update({"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True,
                    "REMOTE_USER": "alice"})
    environ.pop("CONTENT_LENGTH", None)
    status, _, _ = _call(PolicyMiddleware(inner, engine=engine), environ)
    assert status.startswith("200")
    assert seen == [body]


def _call(app: Any, environ: dict) -> tuple[str, list[tuple[str, str]], bytes]:
    started: list[Any] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        started.append((status, headers))
        return lambda data: None

    body = b"".join(app(environ, start_response))
    return started[0][0], started[0][1], body


def test_other_routes_get_the_same_environ_and_iterable(engine: Engine) -> None:
    seen: list[Any] = []
    result = iter([b"a", b"b"])

    def inner(environ: dict, start_response: Any) -> Any:
        seen.append((environ, environ["wsgi.input"], start_response))
        return result

    app = PolicyMiddleware(inner, engine=engine)

    def start_response(status: str, headers: list, exc_info: Any = None) -> None:
        return None

    for method, path in (("POST", "/other"), ("GET", SEND)):
        environ = EnvironBuilder(path=path, method=method, data=b"x=1").get_environ()
        stream = environ["wsgi.input"]
        assert app(environ, start_response) is result  # not buffered, not wrapped
        assert seen[-1] == (environ, stream, start_response)


def test_other_routes_pass_through_flask(engine: Engine) -> None:
    client = protect(engine).test_client()
    response = client.post("/other", data=b"\xffnot a message")
    assert response.status_code == 200 and response.data == b"\xffnot a message"
    assert not any(k.lower().startswith("x-rate-limit") for k in response.headers.keys())


def test_a_streaming_route_streams_through(engine: Engine) -> None:
    app = protect(engine)
    response = Client(app).get("/stream", buffered=False)
    chunks = list(response.iter_encoded())
    assert chunks == [b"chunk 0\n", b"chunk 1\n", b"chunk 2\n"]
    response.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(
    body=st.one_of(st.binary(max_size=300),
                   st.dictionaries(st.sampled_from(["user_id", "screen_name", "text", "x"]),
                                   st.one_of(st.text(max_size=200), st.integers(), st.none(),
                                             st.booleans(), st.lists(st.integers(), max_size=3)),
                                   max_size=4).map(lambda d: json.dumps(d).encode())),
    content_type=st.sampled_from(["", "application/json", "application/x-www-form-urlencoded",
                                  "text/plain", "multipart/form-data; boundary=x",
                                  "application/json; charset=latin-1"]),
    user=st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")),
                                      max_size=300)),
    query=st.text(max_size=60),
)
def test_random_requests_never_give_a_5xx(
    engine: Engine, body: bytes, content_type: str, user: str | None, query: str
) -> None:
    app = protect(engine, sender=lambda r: r.header("x-user"))
    headers = {"content-type": content_type} if content_type else {}
    environ = EnvironBuilder(path=SEND, method="POST", data=body, headers=headers,
                             query_string=query.encode("utf-8").decode("latin-1")).get_environ()
    if user:
        environ["HTTP_X_USER"] = user.encode("utf-8").decode("latin-1")  # as PEP 3333 passes it
    status, response_headers, payload = _call(app.wsgi_app, environ)
    assert int(status[:3]) < 500
    assert any(k == "x-rate-limit-limit" for k, _ in response_headers)
    if not status.startswith("200"):
        assert "errors" in json.loads(payload)


def test_a_failing_extractor_is_a_400(engine: Engine) -> None:
    def broken(req: HttpRequest) -> Any:
        return {"not": "a Message"}

    response = post(protect(engine, extractor=broken), json={"user_id": "bob", "text": "hi"})
    assert (response.status_code, error_of(response)["code"]) == (400, 195)


def test_the_readme_flask_example_protects_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    block = docs.python_block("# app.py (Flask)")  # docs/http.md
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": "readme_flask"}
    exec(compile(block.code, str(block.path), "exec"), namespace)
    client = namespace["app"].test_client()
    alice = {"authorization": "Bearer alice-token"}
    allowed = client.post(SEND, headers=alice, data={"screen_name": "bob", "text": "Lunch?"})
    assert allowed.status_code == 200
    assert allowed.get_json() == {"sender": "alice", "recipients": ["bob"], "text": "Lunch?"}
    assert allowed.headers["x-rate-limit-remaining"] == "999"
    refused = client.post(SEND, headers=alice, json={"user_id": "carol", "text": "hi"})
    assert (refused.status_code, error_of(refused)["code"]) == (403, 150)
    anonymous = client.post(SEND, data={"screen_name": "bob", "text": "hi"})
    assert (anonymous.status_code, error_of(anonymous)["code"]) == (401, 32)
