"""HTTP middleware: the policy in front of a messaging server's send routes.

- ``policy.middleware.asgi.PolicyMiddleware``: pure ASGI (Starlette, FastAPI...), ``acheck``.
- ``policy.middleware.wsgi.PolicyMiddleware``: WSGI (Flask, Django...), ``check``.

Both share ``policy.middleware.gate`` (routes, the request -> ``SendRequest``,
the decision -> status, Twitter-style error envelope and ``x-rate-limit-*``
headers) and ``policy.middleware.codes`` (the table of numeric codes). Neither
imports a web framework.
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
    RATE_LIMIT_HEADERS,
    GateOptions,
    PolicyGate,
    Route,
)

__all__ = [
    "DEFAULT_ROUTE",
    "RATE_LIMIT_HEADERS",
    "REFUSALS",
    "REQUEST_ERRORS",
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
