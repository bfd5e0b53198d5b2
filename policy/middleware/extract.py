"""What the middleware hands the host: a framework-free view of the request, and the extractor.

An *extractor* reads the recipients and the text of one send from an
``HttpRequest`` and returns a ``Message``; it raises ``HttpError`` (or
``policy.InvalidRequest``) when the request is malformed. The sender is never
read from the body: it comes from the host's ``sender`` function (the
authenticated user), already set on ``request.sender`` when the extractor runs.

``direct_message`` is the default extractor, in the shape of the seed endpoint
``POST direct_messages/new``: ``user_id`` or ``screen_name`` and ``text``, from
a JSON object body, a form body (``application/x-www-form-urlencoded``) or the
query string (as in the endpoint's example request).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from policy.middleware import codes
from policy.middleware.codes import ErrorCode

MAX_FIELDS = 100  # a form or query string with more fields than this is not a direct message


class HttpError(Exception):
    """Answer the request now with this status and Twitter-style error (no policy decision)."""

    def __init__(self, error: ErrorCode, message: str, *, label: str) -> None:
        super().__init__(message)
        self.error = error
        self.message = message
        self.label = label


def missing(name: str) -> HttpError:
    return HttpError(codes.MISSING_PARAMETER, f"{name} parameter is missing.",
                     label="missing_parameter")


def invalid(message: str) -> HttpError:
    return HttpError(codes.INVALID_PARAMETER, message, label="invalid_parameter")


@dataclass(frozen=True, slots=True)
class Message:
    """What an extractor reads from a request: who it goes to and what it says."""

    recipients: tuple[str, ...]
    text: str
    conversation: str | None = None
    channel: str = "api"


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """One request on a policy route, the same for ASGI and WSGI.

    ``headers`` have lowercase names; ``raw`` is the ASGI scope or the WSGI
    environ (where an authentication layer leaves the user); ``path_params``
    are the ``{name}`` parts of the route's path.
    """

    method: str
    path: str
    query_string: bytes
    headers: tuple[tuple[str, str], ...]
    body: bytes
    raw: Mapping[str, Any]
    path_params: Mapping[str, str] = field(default_factory=dict)
    sender: str | None = None

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key == wanted:
                return value
        return None

    @property
    def media_type(self) -> str:
        """The content type without parameters, lowercased ("" when absent)."""
        return (self.header("content-type") or "").split(";", 1)[0].strip().lower()

    def params(self) -> dict[str, Any]:
        """The query string and the body (a JSON object or a form) as one mapping.

        A name given twice (in the form, or in both places with different
        values) is refused: which one would be the message is ambiguous.
        """
        merged = self.query_fields()
        body = self.body_fields()
        for name, value in body.items():
            if name in merged and merged[name] != value:
                raise invalid(f"{name} is given in both the query string and the body.")
            merged[name] = value
        return merged

    def query_fields(self) -> dict[str, str]:
        """The query string's fields (a name given twice is refused)."""
        return _form_fields(self.query_string, "query string")

    def body_fields(self) -> dict[str, Any]:
        body = self.body
        media = self.media_type
        if not media and body.strip():
            # No content type: tell the two shapes apart by their first character.
            media = "application/json" if body.lstrip()[:1] in (b"{", b"[") else (
                "application/x-www-form-urlencoded")
        if media == "application/json" or media.endswith("+json"):
            if not body.strip():
                return {}
            try:
                value = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                raise invalid("The body is not valid JSON.") from None
            if not isinstance(value, dict):
                raise invalid("The JSON body must be an object.")
            try:
                # "\ud800" is valid JSON but no text: it could never be stored or answered.
                json.dumps(value, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:
                raise invalid("The JSON body holds a lone surrogate: not valid Unicode.") from None
            return value
        if media == "application/x-www-form-urlencoded":
            return _form_fields(body, "form body")
        if not body.strip():
            return {}
        raise invalid("Send the parameters as JSON or as application/x-www-form-urlencoded.")


def _form_fields(raw: bytes, where: str) -> dict[str, str]:
    if not raw:
        return {}
    try:
        # Raw UTF-8 (curl -d 'text=héllo') and percent-encoded UTF-8 both arrive as text.
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8",
                          errors="strict", max_num_fields=MAX_FIELDS)
    except ValueError:  # not UTF-8, bad percent-encoding of UTF-8, or too many fields
        raise invalid(f"The {where} is not valid UTF-8 form data.") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise invalid(f"{name} is given twice in the {where}.")
        fields[name] = value
    return fields


def _id_param(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    # JSON clients send numeric ids as numbers; bool is an int in Python, and no id.
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str):
        return value
    raise invalid(f"{name} must be a string or a number.")


def text_param(params: Mapping[str, Any]) -> str:
    """The required ``text`` parameter (its content is the policy's business, not ours)."""
    text = params.get("text")
    if text is None:
        raise missing("text")
    if not isinstance(text, str):
        raise invalid("text must be a string.")
    return text


Extractor = Callable[[HttpRequest], Message]
Resolver = Callable[[str], str | None]


def direct_message_extractor(resolve_screen_name: Resolver | None = None) -> Extractor:
    """An extractor for ``POST direct_messages/new``: ``user_id`` or ``screen_name``, ``text``.

    ``resolve_screen_name`` turns a screen name into the user id the graph
    knows (None: unknown user, answered 404 with code 50). Without one the
    screen name is the id. ``user_id`` wins when both are given in one place, as
    in the endpoint's documentation; the query string and the body naming two
    different recipients is a 400.
    """

    def recipient_of(params: Mapping[str, Any]) -> str | None:
        recipient = _id_param(params, "user_id")
        if recipient is not None:
            return recipient
        screen_name = _id_param(params, "screen_name")
        if screen_name is None or resolve_screen_name is None:
            return screen_name
        resolved = resolve_screen_name(screen_name.lstrip("@"))
        if resolved is None:
            raise HttpError(codes.USER_NOT_FOUND, "User not found.", label="user_not_found")
        return resolved

    def extract(request: HttpRequest) -> Message:
        params = request.params()  # refuses a name given twice with different values
        text = text_param(params)
        # The query string and the body each name a recipient their own way (user_id,
        # screen_name): both naming one, they must name the same user, or the app
        # behind could deliver to another one than the policy checked.
        from_query = recipient_of(request.query_fields())
        from_body = recipient_of(request.body_fields())
        if from_query is not None and from_body is not None and from_query != from_body:
            raise invalid("The query string and the body name different recipients.")
        recipient = from_body if from_body is not None else from_query
        if recipient is None:
            raise missing("user_id or screen_name")
        return Message(recipients=(recipient,), text=text)

    return extract


direct_message = direct_message_extractor()
