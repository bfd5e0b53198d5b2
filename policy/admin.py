"""The admin JSON API of the reference server: a user's standing, the audited actions and
the audit trail, under ``/admin/api/``, behind an admin token of its own.

- ``GET  /admin/api/users/{user}/standing``
- ``GET  /admin/api/users/{user}/audit?since=<epoch s>&limit=<n>``
- ``GET  /admin/api/audit?since=&limit=`` (every user's; records carry ``user_key`` only)
- ``POST /admin/api/users/{user}/lift-cooldown``  ``{"reason": ..., "actor": ...}``
- ``POST /admin/api/users/{user}/reset-quota``    ``{"reason", "actor", "rule"?}``
- ``POST /admin/api/users/{user}/credit-quota``   ``{"amount", "reason", "actor", "rule"?}``
- ``POST /admin/api/users/{user}/revoke-app`` / ``restore-app``  ``{"app", "reason", "actor"}``
- ``POST /admin/api/users/{user}/forget``         ``{"reason", "actor"}``

``{user}`` is a user id, or a screen name the server's store resolves. Bodies are JSON
(or a form). ``actor`` defaults to ``admin-api``. Authentication: ``Authorization:
Bearer <admin token>`` (``create_app(admin_token=...)`` or ``$DM_POLICY_ADMIN_TOKEN``,
at least 16 characters): no or an unknown token is a 401, a user's token a 403 (the
users' tokens never reach the admin API), bad input a 400, the storage down a 503,
all in the server's JSON error envelope. Without an admin token configured, every
admin request is a 401.
"""

from __future__ import annotations

import hmac
import json
import os
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from policy.audit import amount_from_text
from policy.console import FailureLimit, client_address
from policy.engine import Engine
from policy.errors import InvalidRequest
from policy.middleware import codes
from policy.middleware.gate import error_body

ADMIN_PREFIX = "/admin/api"
ADMIN_TOKEN_ENV = "DM_POLICY_ADMIN_TOKEN"
MIN_TOKEN_CHARS = 16
MAX_BODY = 16 * 1024
DEFAULT_ACTOR = "admin-api"
ADMIN_UNAUTHENTICATED = codes.ErrorCode(32, 401, "the admin API needs the admin token")
ADMIN_FORBIDDEN = codes.ErrorCode(220, 403, "a user's token on the admin API")
ADMIN_TOO_MANY = codes.ErrorCode(88, 429, "too many wrong admin tokens from one address")


def admin_token(given: str | None = None) -> str | None:
    """The admin token: ``given``, else ``$DM_POLICY_ADMIN_TOKEN``; too short: ValueError."""
    token = given if given is not None else os.environ.get(ADMIN_TOKEN_ENV) or None
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise ValueError(f"the admin token must be at least {MIN_TOKEN_CHARS} characters")
    return token


def envelope(error: codes.ErrorCode, message: str, label: str) -> Response:
    """The server's JSON error envelope."""
    return Response(error_body([(error.code, message, label)]), status_code=error.status,
                    media_type="application/json")


def admin_routes(
    engine: Engine,
    *,
    token: str | None,
    user_tokens: Callable[[str], bool],
    resolve: Callable[[str], str | None] | None = None,
) -> list[Route]:
    """The admin routes, to add to a Starlette app whose exception handlers answer
    ``InvalidRequest`` (400) and ``StorageError`` (503) with the envelope.
    ``user_tokens(token)``: whether ``token`` is a user's (answered 403);
    ``resolve(name)``: a user id for a screen name (None: take the path as an id)."""

    failures = FailureLimit()  # the console's sign-in limit: the token is the same

    def denied(request: Request) -> Response | None:
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        given = given.strip()
        if not header or scheme.lower() != "bearer" or not given:
            return envelope(ADMIN_UNAUTHENTICATED, "The admin API needs the admin token.",
                            "unauthenticated")
        now, address = time.monotonic(), client_address(request)
        if failures.blocked(address, now):
            response = envelope(ADMIN_TOO_MANY, "Too many wrong admin tokens: wait a minute.",
                                "too_many_attempts")
            response.headers["retry-after"] = "60"
            return response
        if token is not None and hmac.compare_digest(given.encode(), token.encode()):
            return None
        failures.failed(address, now)
        if user_tokens(given):
            return envelope(ADMIN_FORBIDDEN, "A user's token cannot use the admin API.",
                            "forbidden")
        return envelope(ADMIN_UNAUTHENTICATED, "Invalid admin token.", "invalid_token")

    def user_of(request: Request) -> str:
        name = request.path_params["user"]
        if resolve is not None:
            found = resolve(name)
            if found is not None:
                return found
        return name

    async def body(request: Request) -> dict[str, Any]:
        buffer = bytearray()
        async for chunk in request.stream():  # up to the bound only, never the whole body
            buffer += chunk
            if len(buffer) > MAX_BODY:
                raise InvalidRequest(f"the body is over {MAX_BODY} bytes", field="body")
        raw = bytes(buffer)
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind == "application/x-www-form-urlencoded":
            try:
                return dict(parse_qsl(raw.decode("utf-8"), strict_parsing=False))
            except UnicodeDecodeError as exc:
                raise InvalidRequest("the form is not UTF-8", field="body") from exc
        if not raw.strip():
            return {}
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise InvalidRequest(f"the body is not JSON: {exc}", field="body") from exc
        if not isinstance(data, dict):
            raise InvalidRequest("the body must be a JSON object", field="body")
        return data

    def text(data: dict[str, Any], name: str, default: str | None = None) -> Any:
        value = data.get(name, default)
        if value is not None and not isinstance(value, str):
            raise InvalidRequest(f"{name} must be a string", field=name)
        return value

    def number(params: Any, name: str, kind: type) -> Any:
        value = params.get(name)
        if value is None or value == "":
            return None
        try:
            return kind(value)
        except (TypeError, ValueError) as exc:
            raise InvalidRequest(f"{name} must be a number, got {value!r}", field=name) from exc

    def records(found: list[Any]) -> Response:
        return JSONResponse({"records": [r.to_dict() for r in found]})

    def guarded(handler: Callable[[Request], Any]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            refusal = denied(request)
            if refusal is not None:
                return refusal
            return await handler(request)

        return endpoint

    async def standing(request: Request) -> Response:
        found = await engine.astanding(user_of(request))
        return JSONResponse({**found.to_dict(), "words": found.words()})

    async def user_audit(request: Request) -> Response:
        user = user_of(request)
        since = number(request.query_params, "since", float)
        limit = number(request.query_params, "limit", int)
        limit = 100 if limit is None else limit
        return records(await run_in_threadpool(engine.audit, user, since, limit))

    async def all_audit(request: Request) -> Response:
        since = number(request.query_params, "since", float)
        limit = number(request.query_params, "limit", int)
        limit = 100 if limit is None else limit
        return records(await run_in_threadpool(engine.audit, None, since, limit))

    def action(call: Callable[[str, dict[str, Any], str, str], Any]) -> Callable[[Request], Any]:
        async def handler(request: Request) -> Response:
            data = await body(request)
            user = user_of(request)
            actor = text(data, "actor", DEFAULT_ACTOR)
            reason = text(data, "reason")
            # A storage round trip (Redis): off the event loop.
            record = await run_in_threadpool(call, user, data, actor, reason)
            return JSONResponse({"record": record.to_dict()})

        return handler

    def credit(user: str, data: dict[str, Any], actor: str, reason: str) -> Any:
        amount = data.get("amount")
        if isinstance(amount, str):
            amount = amount_from_text(amount)
        return engine.credit_quota(user, amount, actor=actor, reason=reason,  # type: ignore[arg-type]
                                   rule=text(data, "rule"))

    def app_call(method: Callable[..., Any]) -> Callable[[str, dict[str, Any], str, str], Any]:
        def call(user: str, data: dict[str, Any], actor: str, reason: str) -> Any:
            app = text(data, "app")
            if not app:
                raise InvalidRequest("app is required", field="app")
            if reason is None:  # the old call form is for the Python API only
                raise InvalidRequest("reason must be a non-empty string", field="reason")
            return method(user=user, app=app, actor=actor, reason=reason)

        return call

    def forget(user: str, data: dict[str, Any], actor: str, reason: str) -> Any:
        if reason is None:
            raise InvalidRequest("reason must be a non-empty string", field="reason")
        return engine.forget_user(user, actor=actor, reason=reason)

    user_path = ADMIN_PREFIX + "/users/{user}"
    post = ["POST"]
    return [
        Route(user_path + "/standing", guarded(standing)),
        Route(user_path + "/audit", guarded(user_audit)),
        Route(ADMIN_PREFIX + "/audit", guarded(all_audit)),
        Route(user_path + "/lift-cooldown", methods=post, endpoint=guarded(action(
            lambda u, d, a, r: engine.lift_cooldown(u, actor=a, reason=r)))),
        Route(user_path + "/reset-quota", methods=post, endpoint=guarded(action(
            lambda u, d, a, r: engine.reset_quota(u, actor=a, reason=r, rule=text(d, "rule"))))),
        Route(user_path + "/credit-quota", methods=post, endpoint=guarded(action(credit))),
        Route(user_path + "/revoke-app", methods=post,
              endpoint=guarded(action(app_call(engine.revoke_app)))),
        Route(user_path + "/restore-app", methods=post,
              endpoint=guarded(action(app_call(engine.restore_app)))),
        Route(user_path + "/forget", methods=post, endpoint=guarded(action(forget))),
    ]
