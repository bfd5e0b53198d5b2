"""The reference server: a small Starlette messaging API protected by the policy.

It is the example a host copies and the target of the end-to-end tests
(``pip install 'dm-policy[server]'``; ``dm-policy demo`` runs it on loopback):

- ``POST /1.1/direct_messages/new.json``: ``user_id`` or ``screen_name``, ``text``
  (the seed endpoint), JSON or form.
- ``POST /1.1/dm_conversations/new.json``: ``participant_ids`` (comma-separated
  ids or a JSON list) start a group; ``.../{id}/participants/add.json``
  (``user_ids``) invites more; ``.../{id}/messages/new.json`` (``text``) writes
  to the group.
- ``POST /1.1/apps/revoke.json`` / ``restore.json``: ``app_id``, for the
  authenticated user only, from a first-party token (an app's token is refused: a
  revoked app must not restore itself).
- ``GET /1.1/direct_messages.json``: the messages the authenticated user received.

Authentication is a bearer token (``Authorization: Bearer alice-token``), read
by Starlette's ``AuthenticationMiddleware`` in front of the policy middleware;
a token may belong to a third-party app (``alice-via-autoposter``). Users,
follows, blocks, conversations and messages live in memory (``UserStore``). As a
host must, the server tells its graph the facts the engine reads: a delivered message
(``record_message``) and an invitation the engine allowed (``record_invite``: who started
a new conversation, and when), never one it refused.
Starlette is imported here only, as it is an optional extra.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
)
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route as StarletteRoute

from policy.admin import ADMIN_PREFIX, admin_routes
from policy.admin import admin_token as _admin_token
from policy.console import console_routes
from policy.decision import Decision
from policy.decisionlog import DecisionLog
from policy.engine import Engine
from policy.errors import InvalidRequest, StorageError
from policy.graph import MemoryGraph
from policy.metrics import PrometheusObserver, metrics_app
from policy.middleware import codes
from policy.middleware.asgi import PolicyMiddleware
from policy.middleware.extract import (
    Extractor,
    HttpError,
    HttpRequest,
    Message,
    direct_message_extractor,
    invalid,
    missing,
    text_param,
)
from policy.middleware.gate import (
    DEFAULT_MAX_BODY,
    POLICY_KEY,
    CheckedMessage,
    GateOptions,
    PolicyGate,
    Route,
    body_too_large,
    error_body,
)
from policy.requests import InviteRequest

DEFAULT_RULES = "default"  # the packaged rules (policy/packaged.py)
SEND_PATH = "/1.1/direct_messages/new.json"
GROUP_SEND_PATH = "/1.1/dm_conversations/{conversation_id}/messages/new.json"
MAX_MESSAGES = 10_000  # the demo keeps the latest messages only
APP_NOT_ALLOWED = codes.APP_NOT_ALLOWED


@dataclass
class UserStore:
    """Users, tokens, follows (the policy's graph), conversations and messages, in memory."""

    graph: MemoryGraph = field(default_factory=MemoryGraph)
    users: dict[str, str] = field(default_factory=dict)  # id -> screen name
    tokens: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # -> (user, app)
    conversations: dict[str, list[str]] = field(default_factory=dict)  # id -> members
    messages: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_MESSAGES))
    _ids: Any = field(default_factory=lambda: itertools.count(240_000_000_000_000_000))

    def add_user(self, user_id: str, screen_name: str, *, token: str | None = None) -> None:
        self.users[user_id] = screen_name
        if token is not None:
            self.tokens[token] = (user_id, None)

    def add_token(self, token: str, user_id: str, app: str | None = None) -> None:
        self.tokens[token] = (user_id, app)

    def resolve(self, screen_name: str) -> str | None:
        wanted = screen_name.lower()
        for user_id, name in self.users.items():
            if name.lower() == wanted:
                return user_id
        return None

    def next_id(self) -> str:
        return str(next(self._ids))


def demo_store() -> UserStore:
    """A few users with follows and a block, to play with (see ``GET /``)."""
    store = UserStore()
    people = {"1001": "alice", "1002": "bob", "1003": "carol", "1004": "dave", "1005": "erin",
              "1006": "frank", "1007": "gina", "1666": "mallory"}
    for user_id, name in people.items():
        store.add_user(user_id, name, token=f"{name}-token")
    for follower in ("1002", "1003", "1004", "1005", "1006", "1007", "1666"):
        store.graph.follow(follower, "1001")  # everyone follows alice
    store.graph.follow("1001", "1002")  # alice follows bob back
    store.graph.block("1003", "1666")  # carol blocks mallory
    store.add_token("alice-via-autoposter", "1001", app="autoposter")
    return store


class TokenUser(BaseUser):
    def __init__(self, user_id: str, screen_name: str, app: str | None) -> None:
        self.user_id = user_id
        self.screen_name = screen_name
        self.app = app

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.screen_name

    @property
    def identity(self) -> str:
        return self.user_id


class TokenAuth(AuthenticationBackend):
    def __init__(self, store: UserStore) -> None:
        self.store = store

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        header = conn.headers.get("authorization")
        if not header or conn.url.path.startswith(ADMIN_PREFIX + "/"):
            return None  # the admin API checks its own token (policy/admin.py)
        scheme, _, token = header.partition(" ")
        found = self.store.tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if found is None:
            raise AuthenticationError("Invalid or expired token.")
        user_id, app = found
        return AuthCredentials(["dm"]), TokenUser(user_id, self.store.users[user_id], app)


def _envelope(error: codes.ErrorCode, message: str, label: str) -> Response:
    return Response(error_body([(error.code, message, label)]), status_code=error.status,
                    media_type="application/json")


def _auth_failed(conn: HTTPConnection, exc: AuthenticationError) -> Response:
    return _envelope(codes.INVALID_TOKEN, str(exc), "invalid_token")


def app_of(request: HttpRequest) -> str | None:
    """The third-party app behind the token (None: a first-party client)."""
    return getattr(request.raw.get("user"), "app", None)


def conversation_extractor(store: UserStore) -> Extractor:
    """A message to a group: the recipients are the other members of the conversation."""

    def extract(request: HttpRequest) -> Message:
        conversation = request.path_params["conversation_id"]
        members = store.conversations.get(conversation)
        if members is None:
            raise HttpError(codes.NOT_FOUND, "Sorry, that page does not exist.", label="not_found")
        if request.sender not in members:
            raise HttpError(codes.REFUSALS["not_a_member"],
                            "Only a member of the conversation can write to it.",
                            label="not_a_member")
        text = text_param(request.params())
        others = tuple(m for m in members if m != request.sender)
        return Message(recipients=others, text=text, conversation=conversation)

    return extract


async def _bounded_body(request: Request) -> bytes:
    """The body of the server's own endpoints, read up to the policy routes' bound only."""
    buffer = bytearray()
    async for chunk in request.stream():
        buffer += chunk
        if len(buffer) > DEFAULT_MAX_BODY:
            raise body_too_large(DEFAULT_MAX_BODY)
    return bytes(buffer)


async def _http_request(request: Request) -> HttpRequest:
    return HttpRequest(
        method=request.method,
        path=request.url.path,
        query_string=request.scope.get("query_string", b""),
        headers=tuple((k.lower(), v) for k, v in request.headers.items()),
        body=await _bounded_body(request),
        raw=request.scope,
        path_params=dict(request.path_params),
        sender=_user(request).user_id,
    )


def _user(request: Request) -> TokenUser:
    user = request.scope.get("user")
    if not isinstance(user, TokenUser):
        raise HttpError(codes.UNAUTHENTICATED, "Could not authenticate you.",
                        label="unauthenticated")
    return user


def _ids_param(params: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = params.get(name)
    if value is None or value == "":
        raise missing(name)
    if isinstance(value, str):
        items: Iterable[Any] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        raise invalid(f"{name} must be comma-separated ids or a list.")
    ids = []
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str) or not item.strip():
            raise invalid(f"{name} must hold user ids.")
        ids.append(item.strip())
    return tuple(ids)


class _AsgiEndpoint:
    """An ASGI app as a Starlette route endpoint (a function would be taken for a view)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


def create_app(
    engine: Engine | None = None,
    store: UserStore | None = None,
    *,
    rules: str | Path = DEFAULT_RULES,
    storage: str = "memory://",
    metrics: PrometheusObserver | None = None,
    admin_token: str | None = None,
    decision_log: DecisionLog | None = None,
) -> Starlette:
    """The reference server. Without ``engine``, one on ``rules`` and ``storage`` over the
    store's graph, observed by ``metrics`` (a fresh ``PrometheusObserver`` by default);
    with one, its graph must be ``store.graph``. ``GET /metrics`` serves ``metrics``'
    registry when there is one. ``admin_token`` (else ``$DM_POLICY_ADMIN_TOKEN``) opens
    the admin API under ``/admin/api/`` (``policy/admin.py``) and the support console at
    ``/admin/`` (``policy/console.py``), which shows recent decisions from the engine's
    ``decision_log`` (given here, it is the new engine's)."""
    store = store if store is not None else demo_store()
    if engine is None:
        metrics = metrics if metrics is not None else PrometheusObserver()
        engine = Engine.from_file(rules, storage=storage, graph=store.graph, observer=metrics,
                                  decision_log=decision_log)
    render = PolicyGate(engine, GateOptions(routes=()))
    send_extractor = direct_message_extractor(store.resolve)
    group_extractor = conversation_extractor(store)

    def refused(decision: Decision) -> Response:
        answer = render.refusal(decision, headers=[])
        return Response(answer.body, status_code=answer.status, headers=dict(answer.headers))

    def invited(invite: InviteRequest, decision: Decision) -> None:
        """What a host does with an invitation the engine allowed, as ``record_message``
        on delivery: tell its graph (``record_invite``; into no members, it starts the
        conversation, by the inviter, at the time the engine decided). Facts only: the
        conversation rules (``at_once``, a new group's members each counted) read them."""
        at = decision.at if decision.at else time.time()
        store.graph.record_invite(invite, at)

    def deliver(sender: str, message: CheckedMessage) -> dict[str, Any]:
        message_id = store.next_id()
        created = datetime.now(UTC).strftime("%a %b %d %H:%M:%S +0000 %Y")
        record = {
            "id": int(message_id), "id_str": message_id, "created_at": created,
            "sender_id": sender, "sender_screen_name": store.users.get(sender, sender),
            "text": message.text, "conversation_id": message.conversation,
        }
        for recipient in message.recipients:
            store.graph.record_message(sender, recipient)
            store.messages.append({**record, "recipient_id": recipient,
                                   "recipient_screen_name": store.users.get(recipient, recipient)})
        if message.conversation is None:
            record["recipient_id"] = message.recipients[0]
            record["recipient_screen_name"] = store.users.get(message.recipients[0])
        else:
            record["recipient_ids"] = list(message.recipients)
        return record

    async def index(request: Request) -> Response:
        return JSONResponse({
            "service": "dm-policy reference server",
            "rules_version": engine.rules.version,
            "endpoints": [
                "POST /1.1/direct_messages/new.json  (user_id | screen_name, text)",
                "GET  /1.1/direct_messages.json",
                "POST /1.1/dm_conversations/new.json  (participant_ids)",
                "POST /1.1/dm_conversations/{id}/participants/add.json  (user_ids)",
                "POST /1.1/dm_conversations/{id}/messages/new.json  (text)",
                "POST /1.1/apps/revoke.json | /1.1/apps/restore.json  (app_id)",
                "GET  /metrics  (Prometheus metrics, no token)",
                "GET  /admin/  (the support console: sign in with DM_POLICY_ADMIN_TOKEN)",
            ],
            "users": [{"id": uid, "screen_name": name} for uid, name in store.users.items()],
            "tokens": {token: {"user": store.users[uid], "app": app}
                       for token, (uid, app) in store.tokens.items()},
        })

    async def send_message(request: Request) -> Response:
        # The policy middleware allowed it: deliver exactly what it checked.
        checked: CheckedMessage = request.scope["state"][POLICY_KEY]
        return JSONResponse(deliver(checked.sender, checked))

    async def send_group_message(request: Request) -> Response:
        checked: CheckedMessage = request.scope["state"][POLICY_KEY]
        return JSONResponse(deliver(checked.sender, checked))

    async def received(request: Request) -> Response:
        me = _user(request).user_id
        mine = [m for m in store.messages if m["recipient_id"] == me][-50:]
        return JSONResponse(list(reversed(mine)))

    async def new_conversation(request: Request) -> Response:
        http = await _http_request(request)
        inviter = _user(request).user_id
        invitees = tuple(i for i in _ids_param(http.params(), "participant_ids") if i != inviter)
        if not invitees:
            raise invalid("participant_ids must name someone besides you.")
        conversation = store.next_id()
        invite = InviteRequest(inviter, invitees, conversation)
        decision = engine.check_invite(invite)
        if not decision.allowed:
            return refused(decision)
        invited(invite, decision)  # the inviter started it now: a new group, each member counts
        store.conversations[conversation] = [inviter, *invite.invitees]
        return JSONResponse({"conversation_id": conversation,
                             "participant_ids": store.conversations[conversation]})

    async def add_participants(request: Request) -> Response:
        http = await _http_request(request)
        inviter = _user(request).user_id
        conversation = request.path_params["conversation_id"]
        members = store.conversations.get(conversation)
        if members is None:
            raise HttpError(codes.NOT_FOUND, "Sorry, that page does not exist.", label="not_found")
        invitees = _ids_param(http.params(), "user_ids")
        invite = InviteRequest(inviter, invitees, conversation, tuple(members))
        decision = engine.check_invite(invite)
        if not decision.allowed:
            return refused(decision)
        invited(invite, decision)
        members.extend(i for i in invite.invitees if i not in members)
        return JSONResponse({"conversation_id": conversation, "participant_ids": members})

    async def revoke(request: Request) -> Response:
        return await _app_access(request, engine.revoke_app, "revoked")

    async def restore(request: Request) -> Response:
        return await _app_access(request, engine.restore_app, "restored")

    async def _app_access(request: Request, action: Any, done: str) -> Response:
        http = await _http_request(request)
        if app_of(http) is not None:
            # Only the user decides which apps act for them: a revoked (compromised) app
            # must not restore itself with the token it was given.
            raise HttpError(APP_NOT_ALLOWED, "A third-party app cannot change which apps may "
                            "send for you: use Twitter's own apps.", label="app_not_allowed")
        app = http.params().get("app_id")
        if app is None or app == "":
            raise missing("app_id")
        if not isinstance(app, str):
            raise invalid("app_id must be a string.")
        # A storage round trip (Redis): off the event loop.
        await run_in_threadpool(action, user=_user(request).user_id, app=app)
        return JSONResponse({"app_id": app, done: True})

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HttpError)
        return _envelope(exc.error, exc.message, exc.label)

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InvalidRequest)
        return _envelope(codes.INVALID_PARAMETER, exc.message, "invalid_parameter")

    async def storage_down(request: Request, exc: Exception) -> Response:
        # An admin call (revoke, restore) while the storage is down: nothing was done.
        response = _envelope(codes.SERVICE_UNAVAILABLE,
                             "The service is temporarily unavailable. Try again shortly.",
                             "service_unavailable")
        response.headers["retry-after"] = "1"
        return response

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return _envelope(codes.NOT_FOUND, "Sorry, that page does not exist.", "not_found")
        return _envelope(codes.ErrorCode(195, exc.status_code, ""),
                         str(exc.detail), "http_error")

    routes = [
        StarletteRoute("/", index),
        StarletteRoute(SEND_PATH, send_message, methods=["POST"]),
        StarletteRoute("/1.1/direct_messages.json", received),
        StarletteRoute("/1.1/dm_conversations/new.json", new_conversation, methods=["POST"]),
        StarletteRoute("/1.1/dm_conversations/{conversation_id}/participants/add.json",
                       add_participants, methods=["POST"]),
        StarletteRoute(GROUP_SEND_PATH, send_group_message, methods=["POST"]),
        StarletteRoute("/1.1/apps/revoke.json", revoke, methods=["POST"]),
        StarletteRoute("/1.1/apps/restore.json", restore, methods=["POST"]),
    ]
    token = _admin_token(admin_token)
    routes += admin_routes(engine, token=token,
                           user_tokens=store.tokens.__contains__,
                           resolve=lambda name: name if name in store.users else store.resolve(name))
    routes += console_routes(
        engine, token=token,
        resolve=lambda name: name if name in store.users else store.resolve(name),
        name_of=store.users.get, decision_log=engine.decision_log or decision_log)
    if metrics is not None:
        # A Route (not a Mount) so that /metrics answers without a redirect.
        routes.append(StarletteRoute("/metrics", _AsgiEndpoint(metrics_app(metrics.registry))))
    middleware = [
        # Outermost first: authentication sets scope["user"], then the policy reads it.
        Middleware(AuthenticationMiddleware, backend=TokenAuth(store), on_error=_auth_failed),
        Middleware(
            PolicyMiddleware,
            engine=engine,
            routes=[Route(SEND_PATH, extractor=send_extractor),
                    Route(GROUP_SEND_PATH, extractor=group_extractor)],
            app_id=app_of,
        ),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HttpError: http_error, InvalidRequest: invalid_request,
                            StorageError: storage_down, HTTPException: not_found},
    )
    app.state.engine = engine
    app.state.store = store
    app.state.admin_token = token is not None  # whether /admin/ can be signed in to
    return app
