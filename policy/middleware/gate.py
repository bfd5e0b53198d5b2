"""What both middlewares share, free of ASGI and WSGI: which routes send messages, how a
request becomes a ``SendRequest``, and how a ``Decision`` becomes an HTTP answer.

The ASGI and WSGI middlewares only move bytes in and out; every choice
(status, numeric code, envelope, headers, guards) is made here, once.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass
from http import HTTPStatus
from typing import Any, Generic, TypeVar

from policy.decision import Decision, Reason, Verdict
from policy.engine import STORAGE_RETRY_SECONDS, Engine
from policy.errors import InvalidRequest
from policy.middleware import codes
from policy.middleware.extract import (
    Extractor,
    HttpError,
    HttpRequest,
    Message,
    direct_message,
    invalid,
)
from policy.requests import SendRequest
from policy.rules import Mode

logger = logging.getLogger("policy.middleware")

DEFAULT_ROUTE = "/1.1/direct_messages/new.json"
DEFAULT_MAX_BODY = 64 * 1024  # a direct message is 140 characters; this is plenty for a body
RATE_LIMIT_HEADERS = ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset")
JSON_TYPE = "application/json; charset=utf-8"

SenderLookup = Callable[[HttpRequest], str | None]
AppLookup = Callable[[HttpRequest], str | None]
# The sender's attributes (policy/conditions.py) from the host's own systems, or None.
ContextLookup = Callable[[HttpRequest], Any]
Headers = list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Route:
    """A route that sends messages: ``path`` may hold ``{name}`` segments (read into
    ``request.path_params``); ``extractor`` None means the middleware's default."""

    path: str
    methods: tuple[str, ...] = ("POST",)
    extractor: Extractor | None = None

    def pattern(self) -> re.Pattern[str]:
        parts = re.split(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", self.path)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)" for i, part in enumerate(parts)
        )
        return re.compile(f"^{regex}$")


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: Headers
    body: bytes

    @property
    def status_line(self) -> str:
        return f"{self.status} {HTTPStatus(self.status).phrase}"


@dataclass(frozen=True, slots=True)
class Outcome:
    """Allowed: pass the request on and add ``headers`` to the app's response.
    Refused: answer ``response`` instead."""

    headers: Headers
    response: Response | None = None


POLICY_KEY = "dm_policy"
"""Where an allowed request's ``CheckedMessage`` is handed to the app: ASGI
``scope["state"]["dm_policy"]`` (Starlette/FastAPI: ``request.state.dm_policy``),
WSGI ``environ["dm_policy"]`` (Flask: ``request.environ["dm_policy"]``)."""


@dataclass(frozen=True, slots=True)
class CheckedMessage:
    """Exactly what the policy checked and allowed: deliver this, never re-read the
    request (a query string and a body may say different things)."""

    sender: str
    recipients: tuple[str, ...]
    text: str
    app: str | None
    channel: str
    conversation: str | None
    decision: Decision

    @classmethod
    def of(cls, request: SendRequest, decision: Decision) -> CheckedMessage:
        return cls(request.sender, tuple(request.recipients), request.text, request.app,
                   request.channel, request.conversation, decision)


def authenticated_user(request: HttpRequest) -> str | None:
    """The default ``sender``: the user an authentication layer left in front of the app.

    ASGI: ``scope["user"]`` as Starlette's ``AuthenticationMiddleware`` sets it
    (``identity``, else ``username``); WSGI: ``environ["REMOTE_USER"]``.
    """
    raw = request.raw
    user = raw.get("user")
    if user is not None:
        if not getattr(user, "is_authenticated", False):
            return None
        for attribute in ("identity", "username"):
            try:
                value = getattr(user, attribute, None)
            except NotImplementedError:  # Starlette's BaseUser.identity
                continue
            if isinstance(value, str) and value:
                return value
        return None
    remote = raw.get("REMOTE_USER")
    return remote if isinstance(remote, str) and remote else None


def error_body(errors: Sequence[tuple[int, str, str]],
               challenge: dict[str, Any] | None = None) -> bytes:
    """The Twitter API v1.1 envelope; ``label`` is dm-policy's stable string code. A
    CHALLENGE adds ``"challenge": {"rule", "code", "lifts_for"}`` (docs/signals.md)."""
    payload: dict[str, Any] = {"errors": [{"code": code, "message": message, "label": label}
                                          for code, message, label in errors]}
    if challenge is not None:
        payload["challenge"] = challenge
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def retry_after_seconds(seconds: float | None) -> int | None:
    if seconds is None:
        return None
    return max(1, math.ceil(seconds))


@dataclass(frozen=True, slots=True)
class GateOptions:
    """How a gate reads requests: the options of both middlewares (docs/http.md "Options").

    ``PolicyGate(engine, GateOptions(...))``; the middlewares take the same arguments
    after ``app`` and ``engine`` (``routes`` may be given by position, the others by name).
    """

    routes: Sequence[str | Route] = (DEFAULT_ROUTE,)
    _: KW_ONLY
    extractor: Extractor = direct_message
    sender: SenderLookup = authenticated_user
    app_id: AppLookup | None = None
    max_body: int = DEFAULT_MAX_BODY
    context: ContextLookup | None = None

    def __post_init__(self) -> None:
        if self.max_body < 1:
            raise ValueError("max_body must be at least 1 byte")


class PolicyGate:
    """The sans-IO middleware: match, read, decide, answer."""

    def __init__(self, engine: Engine, options: GateOptions | None = None) -> None:
        if not isinstance(engine, Engine):
            raise TypeError(f"engine must be a policy.Engine, got {type(engine).__name__}")
        options = options if options is not None else GateOptions()
        self.engine = engine
        self.max_body = options.max_body
        self._sender = options.sender
        self._app_id = options.app_id
        self._context = options.context
        self._routes: list[tuple[re.Pattern[str], frozenset[str], Extractor]] = []
        routes = options.routes
        if isinstance(routes, str):  # one path, not its characters
            routes = (routes,)
        for route in routes:
            if isinstance(route, str):
                route = Route(route)
            if not isinstance(route, Route):
                raise TypeError(f"a route is a path or a Route, got {type(route).__name__}")
            methods = frozenset(m.upper() for m in route.methods)
            self._routes.append((route.pattern(), methods, route.extractor or options.extractor))

    # -- the request -------------------------------------------------------

    def match(self, method: str, path: str) -> tuple[Extractor, dict[str, str]] | None:
        """The extractor and path parameters of a policy route, or None: not ours, untouched."""
        for pattern, methods, extractor in self._routes:
            if method.upper() in methods:
                found = pattern.match(path)
                if found is not None:
                    return extractor, found.groupdict()
        return None

    def send_request(self, request: HttpRequest, extractor: Extractor) -> SendRequest:
        """The ``SendRequest`` of one policy request; ``HttpError`` when it cannot be judged."""
        sender = self._lookup(self._sender, request, "sender")
        if sender is None:
            raise HttpError(codes.UNAUTHENTICATED, "Could not authenticate you.",
                            label="unauthenticated")
        app = self._lookup(self._app_id, request, "app_id") if self._app_id else None
        request = _with_sender(request, sender)
        context = self._sender_context(request)
        try:
            message = extractor(request)
            if not isinstance(message, Message):
                raise TypeError(f"the extractor returned {type(message).__name__}, not a Message")
            # SendRequest checks the recipients' type itself (a bare str would pass tuple()).
            return SendRequest(sender, message.recipients, message.text, app=app,
                               channel=message.channel, conversation=message.conversation,
                               context=context)
        except HttpError:
            raise
        except InvalidRequest as exc:
            raise invalid(exc.message) from None
        except Exception:
            # A host extractor that trips over odd input must not turn it into a 500.
            logger.exception("the extractor failed on %s %s", request.method, request.path)
            raise invalid("The request could not be read.") from None

    def _sender_context(self, request: HttpRequest) -> Any:
        """The ``context`` lookup's answer (None: none; a failing lookup is logged and
        answers None, so the rules' ``when_missing`` decides)."""
        if self._context is None:
            return None
        try:
            return self._context(request)
        except Exception:
            logger.exception("the context lookup failed on %s %s", request.method, request.path)
            return None

    @staticmethod
    def _lookup(lookup: SenderLookup | None, request: HttpRequest, what: str) -> str | None:
        if lookup is None:
            return None
        try:
            value = lookup(request)
        except Exception:
            logger.exception("the %s lookup failed on %s %s", what, request.method, request.path)
            return None
        return value if isinstance(value, str) and value.strip() else None

    def engine_failed(self, exc: BaseException) -> Decision:
        """An unexpected error inside the engine (a host graph that raised...): the rules'
        failure mode answers, as for a storage failure, never a 500."""
        logger.error("the engine failed (%s); answering %s", type(exc).__name__,
                     self.engine.on_error, exc_info=exc)
        mode = self.engine.on_error
        if mode == "fail_closed":
            return Decision(Verdict.THROTTLE,
                            reasons=(Reason.storage_unavailable(STORAGE_RETRY_SECONDS),),
                            retry_after=STORAGE_RETRY_SECONDS, degraded=mode, at=self._now())
        return Decision(Verdict.ALLOW, degraded=mode, at=self._now())

    # -- the answer --------------------------------------------------------

    def outcome(self, decision: Decision) -> Outcome:
        """Allowed (shadow refusals included: they never change the response) -> pass on
        with the rate-limit headers; refused -> the error envelope."""
        headers = self.rate_limit_headers(decision)
        if decision.allowed:
            return Outcome(headers)
        return Outcome(headers, self.refusal(decision, headers))

    def refusal(self, decision: Decision, headers: Headers | None = None) -> Response:
        first = codes.for_refusal(decision.code, decision.verdict)
        errors = [(codes.for_refusal(r.code, r.verdict).code, r.message, r.code)
                  for r in decision.reasons]
        if not errors:
            errors = [(first.code, "The message was refused.", decision.verdict.value)]
        out = list(headers if headers is not None else self.rate_limit_headers(decision))
        wait = retry_after_seconds(decision.retry_after)
        if wait is not None and decision.verdict in (Verdict.THROTTLE, Verdict.COOLDOWN):
            out.append(("retry-after", str(wait)))
        challenge = decision.challenge.to_dict() if decision.challenge is not None else None
        return self._json(first.status, error_body(errors, challenge), out)

    def error(self, exc: HttpError) -> Response:
        """A request that could not be judged: 400, 401, 404 or 413, with the headers."""
        body = error_body([(exc.error.code, exc.message, exc.label)])
        return self._json(exc.error.status, body, self.rate_limit_headers(None))

    @staticmethod
    def _json(status: int, body: bytes, headers: Headers) -> Response:
        return Response(status, [("content-type", JSON_TYPE),
                                 ("content-length", str(len(body))), *headers], body)

    def rate_limit_headers(self, decision: Decision | None) -> Headers:
        """``x-rate-limit-*`` from the decision's quota standing.

        Without a standing (a request refused before the engine, or the
        storage failed) they carry the first enforced quota rule's limit, with
        remaining = limit and reset = now: nothing was counted and the count was
        not read. Rules without an enforced quota send no such headers.
        """
        quota = decision.quota if decision is not None else None
        if quota is not None:
            limit, remaining, reset = quota.limit, quota.remaining, quota.reset
        else:
            limit_or_none = self._quota_limit()
            if limit_or_none is None:
                return []
            limit, remaining = limit_or_none, limit_or_none
            reset = decision.at if decision is not None and decision.at else self._now()
        return [
            ("x-rate-limit-limit", str(limit)),
            ("x-rate-limit-remaining", str(max(0, remaining))),
            ("x-rate-limit-reset", str(math.ceil(reset))),
        ]

    def _quota_limit(self) -> int | None:
        for rule in self.engine.rules.rules:
            if rule.kind == "quota" and rule.mode is Mode.ENFORCE:
                return int(rule.params.limit)
        return None

    @staticmethod
    def _now() -> float:
        return time.time()


def _with_sender(request: HttpRequest, sender: str) -> HttpRequest:
    return HttpRequest(request.method, request.path, request.query_string, request.headers,
                       request.body, request.raw, request.path_params, sender)


def body_too_large(limit: int) -> HttpError:
    return HttpError(codes.BODY_TOO_LARGE, f"The body is larger than {limit} bytes.",
                     label="body_too_large")


def unreadable_body() -> HttpError:
    """The client's body broke while it was read (truncated, reset): a 400."""
    return invalid("The body could not be read (truncated or broken).")


def bad_length() -> HttpError:
    return invalid("Content-Length is not a number of bytes.")


def declared_length(value: str | bytes, limit: int) -> int:
    """A ``Content-Length`` as a number of bytes: ``bad_length`` when it is not one,
    ``body_too_large`` when it is over ``limit``."""
    try:
        length = int(value)
    except ValueError:
        raise bad_length() from None
    if length < 0:
        raise bad_length()
    if length > limit:
        raise body_too_large(limit)
    return length


def merge_headers(app_headers: Sequence[tuple[Any, Any]], ours: Headers,
                  encode: Callable[[str], Any]) -> list[tuple[Any, Any]]:
    """The app's headers with ours replacing any ``x-rate-limit-*`` it set itself."""
    names = {encode(name) for name, _ in ours}
    kept = [(k, v) for k, v in app_headers if _lower(k) not in names]
    return kept + [(encode(k), encode(v)) for k, v in ours]


def _lower(name: Any) -> Any:
    return name.lower() if isinstance(name, (str, bytes)) else name




App = TypeVar("App")


class GatedMiddleware(Generic[App]):
    """What the ASGI and WSGI middlewares are built from: the app they wrap and a gate.

    ``PolicyMiddleware(app, engine, routes, extractor=..., sender=..., app_id=...,
    max_body=...)``: everything after ``engine`` is a ``GateOptions`` field (same defaults,
    same checks; an unknown option is a ``TypeError``).
    """

    def __init__(self, app: App, engine: Engine, *routes: Any, **options: Any) -> None:
        self.app = app
        self.gate = PolicyGate(engine, GateOptions(*routes, **options))
