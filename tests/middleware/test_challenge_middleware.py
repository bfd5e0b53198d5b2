"""A CHALLENGE round trip through both middlewares: refused with a challenge (403,
numeric code 709 and a ``challenge`` field), the host's challenge passed
(``engine.challenge_passed``), the same send allowed; and the sender's context from a
``context`` lookup (docs/signals.md)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from flask import Flask
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route as StarletteRoute

from policy import Engine, MemoryGraph
from policy.clock import VirtualClock
from policy.middleware import HttpRequest, codes
from policy.middleware.asgi import PolicyMiddleware as AsgiMiddleware
from policy.middleware.wsgi import PolicyMiddleware as WsgiMiddleware
from policy.rules import load_rules
from tests.conftest import ROOT

SEND = "/1.1/direct_messages/new.json"
STRICT = ROOT / "rules" / "strict.toml"
OLD = {"account_age": "400d", "verified_email": True}


def _user(request: HttpRequest) -> str | None:
    return request.header("x-user")


def _context(request: HttpRequest) -> Any:
    """Stands for the host's account service: attributes sent in a header."""
    raw = request.header("x-account")
    return json.loads(raw) if raw else None


@pytest.fixture
def engine(graph: MemoryGraph, clock: VirtualClock) -> Engine:
    for follower in ("bob", "carol", "dave", "erin", "frank"):
        graph.follow(follower, "alice")
    return Engine(load_rules(STRICT), graph=graph, clock=clock)


async def _echo(request: Request) -> Response:
    return JSONResponse({"delivered": True})


def asgi_post(app: Any, to: str, text: str, *, account: dict[str, Any] | None = None
              ) -> tuple[int, dict[str, Any]]:
    headers = {"x-user": "alice"}
    if account is not None:
        headers["x-account"] = json.dumps(account)

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.post(SEND, json={"user_id": to, "text": text}, headers=headers)

    response = asyncio.run(go())
    return response.status_code, response.json()


def wsgi_post(app: Flask, to: str, text: str, *, account: dict[str, Any] | None = None
              ) -> tuple[int, dict[str, Any]]:
    headers = {"x-user": "alice"}
    if account is not None:
        headers["x-account"] = json.dumps(account)
    response = app.test_client().post(SEND, json={"user_id": to, "text": text}, headers=headers)
    return response.status_code, response.get_json()


def asgi_app(engine: Engine) -> Any:
    inner = Starlette(routes=[StarletteRoute(SEND, _echo, methods=["POST"])])
    return AsgiMiddleware(inner, engine=engine, sender=_user, context=_context)


def wsgi_app(engine: Engine) -> Flask:
    app = Flask("challenge_test")

    @app.post(SEND)
    def send() -> Any:
        return {"delivered": True}

    app.wsgi_app = WsgiMiddleware(app.wsgi_app, engine=engine,  # type: ignore[method-assign]
                                  sender=_user, context=_context)
    return app


SIDES = {"asgi": (asgi_app, asgi_post), "wsgi": (wsgi_app, wsgi_post)}


@pytest.mark.parametrize("side", SIDES)
def test_challenge_round_trip(side: str, engine: Engine, clock: VirtualClock) -> None:
    make, post = SIDES[side]
    app = make(engine)
    # A message to oneself: on strict.toml the owner is challenged.
    status, body = post(app, "alice", "is this me?", account=OLD)
    assert status == codes.CHALLENGE.status == 403
    assert body["errors"][0]["code"] == 709
    assert body["errors"][0]["label"] == "self_message"
    assert "is this me" not in json.dumps(body)
    assert body["challenge"] == {"rule": "apps", "code": "self_message", "lifts_for": 86400.0}
    # Asked again without a pass: still challenged, nothing delivered.
    assert post(app, "alice", "is this me?", account=OLD)[0] == 403
    # The host's challenge (a phone code) is passed: the same send goes through.
    until = engine.challenge_passed("alice")
    assert until == clock.now + 86400
    status, body = post(app, "alice", "is this me?", account=OLD)
    assert (status, body) == (200, {"delivered": True})
    # A day later the pass is over: challenged again.
    clock.advance(86400 + 1)
    status, body = post(app, "alice", "is this me?", account=OLD)
    assert status == 403 and body["challenge"]["code"] == "self_message"


@pytest.mark.parametrize("side", SIDES)
def test_other_refusals_carry_no_challenge_field(side: str, engine: Engine) -> None:
    make, post = SIDES[side]
    status, body = post(make(engine), "nobody", "hello there", account=OLD)
    assert status == 403 and set(body) == {"errors"} and body["errors"][0]["label"] == "not_follower"


@pytest.mark.parametrize("side", SIDES)
def test_context_lookup_selects_the_tier(side: str, engine: Engine) -> None:
    """The same text to a 3rd stranger: a new, unverified account is cooled down
    (duplicates_new); an old, verified one is not (the seed's 5th)."""
    make, post = SIDES[side]
    app = make(engine)
    new = {"account_age": "2d", "verified_email": False, "verified_phone": False}
    text = "Win a brand new phone today, reply YES to claim your prize now"
    results = [post(app, to, text, account=new)[0] for to in ("bob", "carol", "dave")]
    assert results == [200, 200, 403]
    engine.forget_user("alice")
    results = [post(app, to, text, account=OLD)[0] for to in ("bob", "carol", "dave")]
    assert results == [200, 200, 200]


@pytest.mark.parametrize("side", SIDES)
def test_a_bad_context_is_a_400(side: str, engine: Engine) -> None:
    make, post = SIDES[side]
    status, body = post(make(engine), "bob", "hello", account={"account_age": True})
    assert status == 400 and body["errors"][0]["label"] == "invalid_parameter"
    assert "context.account_age" in body["errors"][0]["message"]
    status, body = post(make(engine), "bob", "hello", account={"karma": 3})
    assert status == 400 and "context.karma" in body["errors"][0]["message"]
