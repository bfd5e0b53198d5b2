"""HTTP middleware: the policy in front of a messaging server's send routes.

- ``policy.middleware.asgi.PolicyMiddleware``: pure ASGI (Starlette, FastAPI...), ``acheck``.
- ``policy.middleware.wsgi.PolicyMiddleware``: WSGI (Flask, Django...), ``check``.

Both share ``policy.middleware.gate`` (routes, the request -> ``SendRequest``,
the decision -> status, Twitter-style error envelope and ``x-rate-limit-*``
headers) and ``policy.middleware.codes`` (the table of numeric codes). Neither
imports a web framework. An allowed request reaches the app with a
``CheckedMessage`` (what was checked: deliver that) under ``POLICY_KEY``, in
ASGI ``scope["state"]`` and in the WSGI environ.
"""

from policy.middleware.codes import REFUSALS, REQUEST_ERRORS, ErrorCode
from policy.middleware.extract import (
    HttpError,
    HttpRequest,
    Message,
    direct_message,
    direct_message_extractor,
)
from policy.middleware.gate import (
    DEFAULT_ROUTE,
    POLICY_KEY,
    RATE_LIMIT_HEADERS,
    CheckedMessage,
    GateOptions,
    PolicyGate,
    Route,
)

__all__ = [
    "DEFAULT_ROUTE",
    "POLICY_KEY",
    "RATE_LIMIT_HEADERS",
    "REFUSALS",
    "REQUEST_ERRORS",
    "CheckedMessage",
    "ErrorCode",
    "GateOptions",
    "HttpError",
    "HttpRequest",
    "Message",
    "PolicyGate",
    "Route",
    "direct_message",
    "direct_message_extractor",
]
