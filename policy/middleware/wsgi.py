"""WSGI middleware: the same policy for Flask, Django or any WSGI app.

    app.wsgi_app = PolicyMiddleware(app.wsgi_app, engine=engine, sender=...)   # Flask

On a policy route (matched against ``PATH_INFO``) it reads the body (at most
``max_body`` bytes), asks ``engine.check(...)``, and either answers the
refusal itself or hands the app a fresh ``wsgi.input`` holding the same bytes
and adds the ``x-rate-limit-*`` headers to its response. Every other request
reaches the app with the very ``environ`` and ``start_response`` it came with,
and the app's response iterable is returned as is (streaming stays streaming).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
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
    unreadable_body,
)

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[Environ, StartResponse], Iterable[bytes]]

logger = logging.getLogger("policy.middleware")


class PolicyMiddleware(GatedMiddleware[WSGIApp]):
    """The policy in front of a WSGI app (``engine.check``).

    ``PolicyMiddleware(app, engine=engine, **options)``: the options are ``GateOptions``'s.
    """

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        path = _path(environ)
        matched = self.gate.match(environ.get("REQUEST_METHOD", ""), path)
        if matched is None:
            return self.app(environ, start_response)
        extractor, path_params = matched
        try:
            body = self._read_body(environ)
            request = HttpRequest(
                method=environ["REQUEST_METHOD"],
                path=path,
                query_string=_query(environ),
                headers=_headers(environ),
                body=body,
                raw=environ,
                path_params=path_params,
            )
            send_request = self.gate.send_request(request, extractor)
        except HttpError as exc:
            return _respond(start_response, self.gate.error(exc))
        try:
            decision = self.gate.engine.check(send_request)
        except InvalidRequest as exc:
            # The host's graph answered attributes of the wrong type (docs/signals.md):
            # a 400 as documented, never the failure mode (which may let it through).
            return _respond(start_response, self.gate.error(invalid(exc.message)))
        except Exception as exc:
            decision = self.gate.engine_failed(exc)
        outcome = self.gate.outcome(decision)
        if outcome.response is not None:
            return _respond(start_response, outcome.response)
        environ[POLICY_KEY] = CheckedMessage.of(send_request, decision)  # what was checked
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        headers = outcome.headers

        def start_with_headers(status: str, app_headers: list[tuple[str, str]],
                               exc_info: Any = None) -> Any:
            merged = merge_headers(app_headers, headers, lambda s: s)
            if exc_info is not None:
                return start_response(status, merged, exc_info)
            return start_response(status, merged)

        return self.app(environ, start_with_headers)

    def _read_body(self, environ: Environ) -> bytes:
        limit = self.gate.max_body
        stream = environ.get("wsgi.input")
        raw_length = (environ.get("CONTENT_LENGTH") or "").strip()
        if raw_length:
            length = declared_length(raw_length, limit)
        elif environ.get("wsgi.input_terminated"):
            length = limit + 1  # chunked: read to the end, up to one byte past the limit
        else:
            return b""  # no length and no terminated stream: PEP 3333 says there is no body
        if stream is None:
            return b""
        chunks: list[bytes] = []
        size = 0
        while size < length:
            try:
                chunk = stream.read(min(65536, length - size))
            except Exception as exc:
                # The client's body is broken (a truncated chunked body, a connection
                # reset mid-body: OSError, or the server's own error): a 400, never a 500.
                logger.info("the request body could not be read (%s)", type(exc).__name__)
                raise unreadable_body() from None
            if not isinstance(chunk, (bytes, bytearray)):
                raise unreadable_body()
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise body_too_large(limit)
        return b"".join(chunks)


def _path(environ: Environ) -> str:
    """PATH_INFO as text, as ASGI gives it (PEP 3333 hands over the bytes as latin-1)."""
    raw = environ.get("PATH_INFO", "")
    try:
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw


def _query(environ: Environ) -> bytes:
    """QUERY_STRING as bytes (PEP 3333: latin-1). A server that hands over decoded text
    past latin-1 breaks the standard; its text is taken as UTF-8 rather than failing."""
    raw = environ.get("QUERY_STRING", "")
    try:
        return raw.encode("latin-1")
    except UnicodeEncodeError:
        return raw.encode("utf-8", "surrogatepass")


def _headers(environ: Environ) -> tuple[tuple[str, str], ...]:
    headers: list[tuple[str, str]] = []
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers.append((key[5:].replace("_", "-").lower(), str(value)))
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            headers.append((key.replace("_", "-").lower(), str(value)))
    return tuple(headers)


def _respond(start_response: StartResponse, response: Response) -> list[bytes]:
    start_response(response.status_line, list(response.headers))
    return [response.body]
