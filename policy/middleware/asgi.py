"""ASGI middleware: pure ASGI, so other routes (and streaming) pass through untouched.

    app = PolicyMiddleware(app, engine=engine)                       # any ASGI app
    app.add_middleware(PolicyMiddleware, engine=engine)              # Starlette / FastAPI

On a policy route it reads the body (at most ``max_body`` bytes), asks
``await engine.acheck(...)``, and either answers the refusal itself or replays
the body to the app and adds the ``x-rate-limit-*`` headers to its response.
Every other request (other paths, other methods, websockets, lifespan) is
handed to the app as it came: same ``scope``, ``receive`` and ``send``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from policy.errors import InvalidRequest
from policy.middleware.extract import HttpError, HttpRequest, invalid
from policy.middleware.gate import (
    POLICY_KEY,
    CheckedMessage,
    GatedMiddleware,
    Response,
    body_too_large,
    declared_length,
    merge_headers,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _ClientGone(Exception):
    """The client disconnected before the body was read: nobody to answer."""


class PolicyMiddleware(GatedMiddleware[ASGIApp]):
    """The policy in front of an ASGI app (``await engine.acheck``).

    ``PolicyMiddleware(app, engine=engine, **options)``: the options are ``GateOptions``'s.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        matched = self.gate.match(scope.get("method", ""), scope.get("path", ""))
        if matched is None:
            await self.app(scope, receive, send)
            return
        extractor, path_params = matched
        try:
            body = await self._read_body(scope, receive)
            request = HttpRequest(
                method=scope["method"],
                path=scope["path"],
                query_string=scope.get("query_string", b""),
                headers=tuple((k.decode("latin-1").lower(), v.decode("latin-1"))
                              for k, v in scope.get("headers", ())),
                body=body,
                raw=scope,
                path_params=path_params,
            )
            send_request = self.gate.send_request(request, extractor)
        except _ClientGone:
            return
        except HttpError as exc:
            await _respond(send, self.gate.error(exc))
            return
        try:
            decision = await self.gate.engine.acheck(send_request)
        except InvalidRequest as exc:
            # The host's graph answered attributes of the wrong type (docs/signals.md):
            # a 400 as documented, never the failure mode (which may let it through).
            await _respond(send, self.gate.error(invalid(exc.message)))
            return
        except Exception as exc:
            decision = self.gate.engine_failed(exc)
        outcome = self.gate.outcome(decision)
        if outcome.response is not None:
            await _respond(send, outcome.response)
            return
        # What was checked, for the app to deliver (a new state dict: never the server's).
        scope["state"] = {**(scope.get("state") or {}),
                          POLICY_KEY: CheckedMessage.of(send_request, decision)}
        await self.app(scope, _replay(body, receive), _with_headers(send, outcome.headers))

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        limit = self.gate.max_body
        for name, value in scope.get("headers", ()):
            if name.lower() == b"content-length":
                declared_length(value, limit)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _ClientGone()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise body_too_large(limit)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body already read, once; then the real channel (a disconnect, for instance)."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _with_headers(send: Send, headers: list[tuple[str, str]]) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = dict(message)
            message["headers"] = merge_headers(
                list(message.get("headers", ())), headers, lambda s: s.encode("latin-1"))
        await send(message)

    return send_with_headers


async def _respond(send: Send, response: Response) -> None:
    await send({
        "type": "http.response.start",
        "status": response.status,
        "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers],
    })
    await send({"type": "http.response.body", "body": response.body, "more_body": False})
