"""The support console: a small server-rendered web page of the reference server, at ``/admin/``.

A support agent logs in with the admin token (and their name, which the audit trail
records as the actor), looks a user up by screen name or id, and sees:

- the standing in plain words ("can send again at 14:32 UTC, 30 minutes after their
  last attempt; each attempt restarts the wait"), rule by rule (``Engine.standing``:
  read only, nothing consumed or restarted);
- the user's recent decisions from the decision log (``policy/decisionlog.py``), found
  by the user's keyed hash: time, sent or received, verdict and rules, never a text;
- the audit trail (``Engine.audit``);
- the audited actions (lift the cooldown, reset or credit the quota, revoke or restore
  an app, forget the user), each a form with a required reason.

Security: the admin token is compared in constant time; a login starts a server-side
session whose cookie is ``HttpOnly``, ``SameSite=Strict``, ``Path=/admin`` (``Secure``
over HTTPS); every POST carries the session's CSRF token (the login form a token of its
own, double-submitted); sessions end after ``IDLE_SECONDS`` idle or on logout; failed
logins are rate limited. Pages set a strict Content-Security-Policy (no script at all,
the style sheet from ``/admin/console.css``), ``no-store`` and ``frame-ancestors 'none'``.
No page shows a message's text: the engine keeps none, and the log has none.

Accessibility: landmarks (banner, navigation, main, contentinfo), a skip link, a label
for every field, tables with captions and header scopes, focus outlines, status
messages in a live region, no script; a viewport meta and a single-column layout
below 40em make it usable on a phone.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from policy.audit import amount_from_text
from policy.checks.base import at_words
from policy.decisionlog import DecisionLog
from policy.engine import Engine
from policy.errors import InvalidRequest, StorageError
from policy.requests import require_id

PREFIX = "/admin"
COOKIE = "dm_policy_console"
LOGIN_COOKIE = "dm_policy_console_login"
IDLE_SECONDS = 8 * 3600.0
MAX_SESSIONS = 1000
LOGIN_FAILURES_PER_MINUTE = 10
MAX_FORM_BYTES = 8 * 1024
RECENT_DECISIONS = 20
AUDIT_SHOWN = 20
ACTIONS = {
    "lift_cooldown": "Lift the cooldown",
    "reset_quota": "Reset the quota",
    "credit_quota": "Credit the quota",
    "revoke_app": "Revoke an app",
    "restore_app": "Restore an app",
    "forget_user": "Forget the user",
}
DONE = {
    "lift_cooldown": "The cooldown was lifted.",
    "reset_quota": "The quota was reset.",
    "credit_quota": "The quota was credited.",
    "revoke_app": "The app was revoked for this user.",
    "restore_app": "The app was restored for this user.",
    "forget_user": "The user's state was forgotten.",
}
SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'none'; style-src 'self'; img-src 'self'; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",  # (no-referrer would make the Origin of a POST null)
    "x-frame-options": "DENY",
}


@dataclass
class Session:
    actor: str
    csrf: str
    seen: float
    flash: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)


class Sessions:
    """Server-side sessions, bounded (the oldest dropped first), idle ones expired."""

    def __init__(self, idle: float = IDLE_SECONDS, size: int = MAX_SESSIONS) -> None:
        self.idle = idle
        self.size = size
        self._items: OrderedDict[str, Session] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, actor: str) -> tuple[str, Session]:
        sid = secrets.token_urlsafe(32)
        session = Session(actor, secrets.token_urlsafe(32), time.monotonic())
        with self._lock:
            self._items[sid] = session
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return sid, session

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        now = time.monotonic()
        with self._lock:
            session = self._items.get(sid)
            if session is None:
                return None
            if now - session.seen > self.idle:
                del self._items[sid]
                return None
            session.seen = now
            self._items.move_to_end(sid)
            return session

    def end(self, sid: str | None) -> None:
        with self._lock:
            self._items.pop(sid or "", None)


class FailureLimit:
    """Failed sign-ins (or admin tokens) per client address: ``per_minute`` failures from
    one address lock it out for the rest of that minute. Per address, so that nobody can
    lock every agent out by failing on purpose; bounded to ``addresses`` (the oldest
    forgotten first)."""

    def __init__(self, per_minute: int = LOGIN_FAILURES_PER_MINUTE,
                 addresses: int = 4096) -> None:
        self.per_minute = per_minute
        self.addresses = addresses
        self._items: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def blocked(self, address: str, now: float) -> bool:
        with self._lock:
            seen = self._items.get(address)
            return seen is not None and len(seen) == self.per_minute and now - seen[0] < 60

    def failed(self, address: str, now: float) -> None:
        with self._lock:
            seen = self._items.pop(address, None)
            if seen is None:
                seen = deque(maxlen=self.per_minute)
            seen.append(now)
            self._items[address] = seen
            while len(self._items) > self.addresses:
                self._items.popitem(last=False)


def client_address(request: Request) -> str:
    """The peer's address (behind a proxy: the proxy's, unless the server is told to
    trust its forwarded headers, as uvicorn's ``--proxy-headers``)."""
    return request.client.host if request.client is not None else ""


CSS = """
:root { --ink: #1b1f24; --muted: #4f5b67; --line: #c9d1d9; --bg: #f6f8fa; --accent: #0b5cad;
  --bad: #a4161a; --good: #1a7f37; --warn: #7a4d00; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #fff; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5em; }
.skip:focus { left: .5em; }
header { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center;
  justify-content: space-between; padding: .75em 1em; background: var(--ink); color: #fff; }
header .brand { margin: 0; font-weight: 700; }
header a, header button.link { color: #fff; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1em; align-items: center; }
main { max-width: 72em; margin: 0 auto; padding: 1em; }
footer { max-width: 72em; margin: 2em auto; padding: 0 1em; color: var(--muted);
  font-size: .875em; }
h1 { font-size: 1.5em; margin: .25em 0 .5em; }
h2 { font-size: 1.2em; margin: 1.5em 0 .5em; border-bottom: 1px solid var(--line);
  padding-bottom: .25em; }
label { display: block; font-weight: 600; margin: .5em 0 .25em; }
input[type=text], input[type=password], input[type=number], input[type=search] {
  width: 100%; max-width: 28em; padding: .55em .6em; font: inherit; border: 1px solid #8c959f;
  border-radius: 6px; }
button { font: inherit; padding: .55em 1em; border-radius: 6px; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer; margin-top: .5em; min-height: 2.75em; }
button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
button.link { background: none; border: none; padding: 0; margin: 0; min-height: 0;
  text-decoration: underline; }
.search { display: flex; flex-wrap: wrap; gap: .5em; align-items: end; }
.search div { flex: 0 1 28em; }
.verdict { padding: .75em 1em; border-radius: 6px; border-left: 6px solid var(--good);
  background: #eef8f0; }
.verdict.refused { border-color: var(--bad); background: #fcefef; }
.flash { padding: .75em 1em; border-radius: 6px; margin: .5em 0; background: #eef8f0;
  border: 1px solid var(--good); }
.flash.error { background: #fcefef; border-color: var(--bad); }
.rules { list-style: none; padding: 0; margin: 0; }
.rules li { padding: .5em 0; border-bottom: 1px solid var(--line); }
.status { display: inline-block; min-width: 6.5em; font-weight: 700; }
.status.cooling, .status.throttled, .status.revoked { color: var(--bad); }
.status.tracing { color: var(--warn); }
.status.clear { color: var(--good); }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95em; }
caption { text-align: left; color: var(--muted); padding: .25em 0; }
th, td { text-align: left; padding: .4em .5em; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: var(--bg); }
.actions { display: grid; grid-template-columns: repeat(auto-fill, minmax(18em, 1fr));
  gap: 1em; }
.actions form { border: 1px solid var(--line); border-radius: 8px; padding: .75em 1em;
  background: var(--bg); }
.actions h3 { margin: 0; font-size: 1.05em; }
.hint { color: var(--muted); font-size: .9em; margin: .25em 0; }
.card { max-width: 28em; margin: 2em auto; border: 1px solid var(--line); border-radius: 8px;
  padding: 1em 1.25em; }
code { font-size: .9em; word-break: break-all; }
@media (max-width: 40em) {
  body { font-size: 17px; }
  main { padding: .75em; }
  .actions { grid-template-columns: 1fr; }
  th, td { padding: .35em .3em; }
  button { width: 100%; }
  button.link { width: auto; }
  header { padding: .5em .75em; }
  /* Tables become one card per row, each value beside its column's name. */
  table, caption, tbody, tr, td { display: block; width: 100%; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid var(--line); border-radius: 6px; margin: .5em 0; padding: .25em 0; }
  td { border: none; display: grid; grid-template-columns: 7.5em 1fr; gap: .5em;
    overflow-wrap: anywhere; }
  td::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
}
"""


def _attrs(headers: dict[str, str] | None = None) -> dict[str, str]:
    return {**SECURITY_HEADERS, **(headers or {})}


def _page(title: str, body: str, *, session: Session | None = None, status: int = 200,
          headers: dict[str, str] | None = None) -> HTMLResponse:
    nav = ""
    if session is not None:
        nav = (f'<nav aria-label="Console"><ul><li><a href="{PREFIX}/">Look up a user</a></li>'
               f'<li>Signed in as {escape(session.actor.removeprefix("console:"))}</li>'
               f'<li><form method="post" action="{PREFIX}/logout">'
               f'<input type="hidden" name="csrf" value="{escape(session.csrf)}">'
               '<button class="link" type="submit">Sign out</button></form></li></ul></nav>')
    flashes = ""
    if session is not None and session.flash:
        items = "".join(f'<p class="flash{" error" if kind == "error" else ""}">'
                        f"{escape(message)}</p>" for kind, message in session.flash)
        session.flash.clear()
        flashes = items
    html = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · dm-policy support console</title>
<link rel="stylesheet" href="{PREFIX}/console.css">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header>
<p class="brand">dm-policy support console</p>
{nav}
</header>
<main id="main" tabindex="-1">
<div role="status" aria-live="polite">{flashes}</div>
{body}
</main>
<footer>
<p>Every action is recorded in the audit trail with your name and reason.
No message text is kept or shown here.</p>
</footer>
</body>
</html>
"""
    return HTMLResponse(html, status_code=status, headers=_attrs(headers))


def _cookie(name: str, value: str, request: Request, *, max_age: int | None = None) -> str:
    parts = [f"{name}={value}", f"Path={PREFIX}", "HttpOnly", "SameSite=Strict"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if request.url.scheme == "https":
        parts.append("Secure")
    return "; ".join(parts)


def _when(at: float | None, now: float) -> str:
    """A decision's time to the second (several fall in one minute), the date if not today."""
    if at is None:
        return "—"
    when, today = time.gmtime(at), time.gmtime(now)
    clock = time.strftime("%H:%M:%S UTC", when)
    return clock if when[:3] == today[:3] else time.strftime("%Y-%m-%d ", when) + clock


def _value(value: Any, now: float) -> str:
    """An audit record's before or after value in words (epoch seconds as times)."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {_value(v, now)}" for k, v in value.items()) or "none"
    if isinstance(value, float | int) and not isinstance(value, bool) and 1e9 <= value < 1e11:
        return "until " + at_words(float(value), now)
    if value is None:
        return "none"
    if isinstance(value, list):
        return ", ".join(_value(v, now) for v in value) or "none"
    return str(value)


def _row(*cells: tuple[str, str]) -> str:
    """A table row whose cells carry their column's name (shown beside them on a phone)."""
    return "<tr>" + "".join(f'<td data-label="{escape(label)}">{escape(value)}</td>'
                            for label, value in cells) + "</tr>"


def console_routes(
    engine: Engine,
    *,
    token: str | None,
    resolve: Callable[[str], str | None] | None = None,
    name_of: Callable[[str], str | None] | None = None,
    decision_log: DecisionLog | None = None,
    sessions: Sessions | None = None,
) -> list[Route]:
    """The console's routes under ``/admin/`` (``token``: the admin token, None: nobody can
    log in). ``resolve(name)``: a user id for a screen name; ``name_of(id)``: the screen
    name shown beside an id; ``decision_log``: where recent decisions are read from."""
    sessions = sessions if sessions is not None else Sessions()
    failures = FailureLimit()

    def current(request: Request) -> tuple[str | None, Session | None]:
        sid = request.cookies.get(COOKIE)
        return sid, sessions.get(sid)

    async def form(request: Request) -> dict[str, str]:
        # Read up to the bound only: /admin/login answers anyone, and a body of any size
        # must not be held in memory before its size is known.
        buffer = bytearray()
        async for chunk in request.stream():
            buffer += chunk
            if len(buffer) > MAX_FORM_BYTES:
                raise InvalidRequest("the form is too large", field="body")
        raw = bytes(buffer)
        try:
            return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        except UnicodeDecodeError as exc:
            raise InvalidRequest("the form is not UTF-8", field="body") from exc

    def same_origin(request: Request) -> bool:
        # Browsers send Origin on POSTs: one from another site is refused outright ("null",
        # from privacy contexts, and none, from other clients, leave it to the CSRF token).
        origin = request.headers.get("origin")
        if origin is None or origin == "null":
            return True
        # The host only: behind a proxy that ends TLS the server sees http while the
        # browser says https (every POST was refused), and a proxy may rewrite the Host
        # (X-Forwarded-Host). A cross-site form can set neither header.
        try:
            host = urlsplit(origin).netloc.lower()
        except ValueError:
            return False
        forwarded = request.headers.get("x-forwarded-host", "").split(",")[0].strip()
        return bool(host) and host in {request.url.netloc.lower(), forwarded.lower()}

    def genuine(request: Request, session: Session, data: dict[str, str]) -> bool:
        """A session's POST from this site, carrying that session's CSRF token."""
        return same_origin(request) and hmac.compare_digest(session.csrf, data.get("csrf", ""))

    def forbidden(message: str) -> HTMLResponse:
        body = (f'<h1>Refused</h1><p>{escape(message)}</p>'
                f'<p><a href="{PREFIX}/">Back to the console</a></p>')
        return _page("Refused", body, status=403)

    def to_login() -> Response:
        return RedirectResponse(f"{PREFIX}/login", status_code=303, headers=_attrs())

    # -- login --------------------------------------------------------------------

    def login_page(request: Request, error: str | None = None, status: int = 200) -> Response:
        nonce = secrets.token_urlsafe(24)
        problem = (f'<p class="flash error" role="alert">{escape(error)}</p>' if error else "")
        body = f"""<div class="card">
<h1>Sign in</h1>
{problem}
<form method="post" action="{PREFIX}/login">
<input type="hidden" name="login_csrf" value="{nonce}">
<label for="actor">Your name</label>
<input id="actor" name="actor" type="text" autocomplete="username" required maxlength="60"
 aria-describedby="actor-hint">
<p class="hint" id="actor-hint">Recorded as the actor of every action you take.</p>
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</div>"""
        response = _page("Sign in", body, status=status)
        response.headers.append("set-cookie", _cookie(LOGIN_COOKIE, nonce, request, max_age=3600))
        return response

    async def login(request: Request) -> Response:
        if request.method == "GET":
            _, session = current(request)
            if session is not None:
                return RedirectResponse(f"{PREFIX}/", status_code=303, headers=_attrs())
            return login_page(request)
        if not same_origin(request):
            return forbidden("This form was sent from another site.")
        data = await form(request)
        nonce = request.cookies.get(LOGIN_COOKIE, "")
        if not nonce or not hmac.compare_digest(nonce, data.get("login_csrf", "")):
            return login_page(request, "The sign-in form expired: please sign in again.", 403)
        now, address = time.monotonic(), client_address(request)
        if failures.blocked(address, now):
            return login_page(request, "Too many failed sign-ins: wait a minute.", 429)
        actor = " ".join(data.get("actor", "").split())[:60]
        given = data.get("token", "")
        if not actor:
            return login_page(request, "Your name is required.", 400)
        if not actor.isprintable():  # the audit trail would refuse every action of the session
            return login_page(request, "Your name must be plain text (no control characters).",
                              400)
        if token is None or not hmac.compare_digest(given.encode(), token.encode()):
            failures.failed(address, now)
            message = ("No admin token is configured on this server (DM_POLICY_ADMIN_TOKEN)."
                       if token is None else "Wrong admin token.")
            return login_page(request, message, 401)
        sid, _ = sessions.start(f"console:{actor}")
        response = RedirectResponse(f"{PREFIX}/", status_code=303, headers=_attrs())
        response.headers.append("set-cookie", _cookie(COOKIE, sid, request))
        response.headers.append("set-cookie", _cookie(LOGIN_COOKIE, "", request, max_age=0))
        return response

    async def logout(request: Request) -> Response:
        sid, session = current(request)
        if session is None:
            return to_login()
        data = await form(request)
        if not genuine(request, session, data):
            return forbidden("The form's security token is missing or wrong.")
        sessions.end(sid)
        response = to_login()
        response.headers.append("set-cookie", _cookie(COOKIE, "", request, max_age=0))
        return response

    # -- pages ------------------------------------------------------------------------

    def search_form(value: str = "") -> str:
        return f"""<form class="search" method="get" action="{PREFIX}/user" role="search">
<div><label for="q">User (screen name or id)</label>
<input id="q" name="q" type="search" value="{escape(value)}" required autocomplete="off"></div>
<button type="submit">Look up</button>
</form>"""

    async def home(request: Request) -> Response:
        _, session = current(request)
        if session is None:
            return to_login()
        body = f"<h1>Look up a user</h1>\n{search_form()}"
        return _page("Look up a user", body, session=session)

    def user_id_of(name: str) -> str:
        name = name.strip()
        if resolve is not None:
            found = resolve(name)
            if found is not None:
                return found
        return require_id(name, "user")

    def shown(user: str) -> str:
        name = name_of(user) if name_of is not None else None
        return f"{name} (id {user})" if name and name != user else user

    async def user_page(request: Request) -> Response:
        _, session = current(request)
        if session is None:
            return to_login()
        query = request.query_params.get("q", "")
        try:
            user = user_id_of(query)
        except InvalidRequest as exc:
            session.flash.append(("error", f"Not a user id: {exc.message}."))
            body = f"<h1>Look up a user</h1>\n{search_form(query)}"
            return _page("Look up a user", body, session=session, status=400)
        parts = [f"<h1>{escape(shown(user))}</h1>", search_form(query)]
        try:
            standing = await engine.astanding(user)
            trail = await run_in_threadpool(engine.audit, user, None, AUDIT_SHOWN)
        except StorageError:
            parts.append('<p class="flash error" role="alert">The storage is unavailable: '
                         "the standing cannot be read now. Try again shortly.</p>")
            return _page(shown(user), "\n".join(parts), session=session, status=503)
        now = standing.at
        parts.append(standing_html(standing, user, now))
        parts.append(await decisions_html(user, now))
        parts.append(audit_html(trail, now))
        parts.append(actions_html(user, session, standing))
        return _page(shown(user), "\n".join(parts), session=session)

    def standing_html(standing: Any, user: str, now: float) -> str:
        would = standing.would
        if would.allowed:
            head = f"{shown(user)} can send now."
            css = "verdict"
        else:
            head = f"{shown(user)} cannot send now: {would.message}"
            if would.retry_at is not None:
                # The probe is a message to someone new: the rules below say when the
                # people they know can be written to again (a cooldown's shorter wait).
                head += (f" They can write to someone new again at "
                         f"{at_words(would.retry_at, now)}.")
            css = "verdict refused"
        items = []
        for rule in standing.rules:
            shadow = " (shadow: never refuses)" if rule.mode != "enforce" else ""
            items.append(f'<li><span class="status {escape(rule.status)}">'
                         f"{escape(rule.status)}</span> <strong>{escape(rule.rule)}</strong>"
                         f"{escape(shadow)}: {escape(rule.words)}</li>")
        return (f'<section aria-labelledby="standing-h"><h2 id="standing-h">Standing at '
                f"{escape(at_words(now, now))}</h2>"
                f'<p class="{css}">{escape(head)}</p>'
                f'<p class="hint">What a message to someone new would get right now; '
                "looking does not count as an attempt.</p>"
                f'<ul class="rules">{"".join(items)}</ul></section>')

    async def decisions_html(user: str, now: float) -> str:
        title = '<section aria-labelledby="log-h"><h2 id="log-h">Recent decisions</h2>'
        if decision_log is None:
            return title + '<p class="hint">No decision log on this server.</p></section>'
        lines = await run_in_threadpool(decision_log.recent, user, limit=RECENT_DECISIONS)
        if not lines:
            return title + '<p>No decision in the log names this user.</p></section>'
        mine = decision_log.user_hash(user)
        rows = []
        for line in lines:
            count = len(line.get("recipients", ()))
            if line.get("sender") == mine:
                what = f"sent to {count} {'person' if count == 1 else 'people'}"
            else:
                what = "received"
            rules = ", ".join(line.get("rules", ())) or "—"
            wait = line.get("retry_after")
            wait_text = "—" if not isinstance(wait, (int, float)) else f"{round(wait)} s"
            t = line.get("t")
            rows.append(_row(("Time", _when(t if isinstance(t, float) else None, now)),
                             ("Message", what), ("Verdict", str(line.get("verdict"))),
                             ("Rules", rules), ("Retry after", wait_text)))
        return (title + '<div class="table"><table><caption>The last '
                f"{len(rows)} decisions naming this user, newest first (from the decision log; "
                "texts are never logged)</caption><thead><tr><th scope=\"col\">Time</th>"
                '<th scope="col">Message</th><th scope="col">Verdict</th>'
                '<th scope="col">Rules</th><th scope="col">Retry after</th></tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table></div></section>")

    def audit_html(trail: list[Any], now: float) -> str:
        title = '<section aria-labelledby="audit-h"><h2 id="audit-h">Audit trail</h2>'
        if not trail:
            return title + "<p>No action was taken on this user.</p></section>"
        rows = []
        for record in trail:
            changes = "; ".join(f"{k}: {_value(record.before.get(k), now)} → "
                                f"{_value(record.after.get(k), now)}"
                                for k in sorted(set(record.before) | set(record.after)))
            rows.append(_row(("Time", _when(record.at, now)), ("Who", record.actor),
                             ("Action", record.action), ("Reason", record.reason),
                             ("Before → after", changes or "—")))
        return (title + '<div class="table"><table><caption>Actions on this user, newest '
                'first</caption><thead><tr><th scope="col">Time</th><th scope="col">Who</th>'
                '<th scope="col">Action</th><th scope="col">Reason</th>'
                '<th scope="col">Before → after</th></tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table></div></section>")

    def actions_html(user: str, session: Session, standing: Any) -> str:
        cooling = any(r.status == "cooling" for r in standing.rules)

        def action_form(action: str, extra: str = "", hint: str = "",
                        danger: bool = False) -> str:
            rid = f"reason-{action}"
            hint_html = f'<p class="hint">{escape(hint)}</p>' if hint else ""
            css = "danger" if danger else ("" if action != "lift_cooldown" or cooling
                                           else "secondary")
            return (f'<form method="post" action="{PREFIX}/action" '
                    f'aria-labelledby="h-{action}">'
                    f'<h3 id="h-{action}">{escape(ACTIONS[action])}</h3>{hint_html}'
                    f'<input type="hidden" name="csrf" value="{escape(session.csrf)}">'
                    f'<input type="hidden" name="user" value="{escape(user)}">'
                    f'<input type="hidden" name="action" value="{action}">{extra}'
                    f'<label for="{rid}">Reason (required)</label>'
                    f'<input id="{rid}" name="reason" type="text" required maxlength="500">'
                    f'<button type="submit" class="{css}">{escape(ACTIONS[action])}</button>'
                    "</form>")

        def app_field(action: str) -> str:
            return (f'<label for="app-{action}">App id</label>'
                    f'<input id="app-{action}" name="app" type="text" required>')

        forms = [
            action_form("lift_cooldown", hint="Ends every wait now; the next send is decided "
                        "afresh." if cooling else "No cooldown holds this user now."),
            action_form("reset_quota", hint="Forgets what the user sent in the quota."),
            action_form("credit_quota", '<label for="amount">Messages to give back</label>'
                        '<input id="amount" name="amount" type="number" min="1" step="1" '
                        'required inputmode="numeric">'),
            action_form("revoke_app", app_field("revoke_app")),
            action_form("restore_app", app_field("restore_app")),
            action_form("forget_user",
                        '<label for="confirm-forget"><input id="confirm-forget" name="confirm" '
                        'type="checkbox" value="yes" required> Delete everything kept about '
                        "this user as a sender</label>",
                        hint="Cannot be undone. Their audit trail is erased too; the "
                        "deployment's trail keeps an anonymous record of it.",
                        danger=True),
        ]
        return (f'<section aria-labelledby="actions-h"><h2 id="actions-h">Actions</h2>'
                f'<div class="actions">{"".join(forms)}</div></section>')

    async def action(request: Request) -> Response:
        _, session = current(request)
        if session is None:
            return to_login()
        data = await form(request)
        if not genuine(request, session, data):
            return forbidden("The form's security token is missing or wrong: reload the "
                             "page and try again.")
        name, user = data.get("action", ""), data.get("user", "")
        back = RedirectResponse(f"{PREFIX}/user?q={quote(user, safe='')}", status_code=303,
                                headers=_attrs())
        if name not in ACTIONS:
            session.flash.append(("error", "Unknown action."))
            return back
        reason = data.get("reason", "")
        actor = session.actor
        try:
            require_id(user, "user")
            if name == "lift_cooldown":
                call: Callable[[], Any] = lambda: engine.lift_cooldown(  # noqa: E731
                    user, actor=actor, reason=reason)
            elif name == "reset_quota":
                call = lambda: engine.reset_quota(user, actor=actor, reason=reason)  # noqa: E731
            elif name == "credit_quota":
                amount = amount_from_text(data.get("amount", ""))
                call = lambda: engine.credit_quota(  # noqa: E731
                    user, amount, actor=actor, reason=reason)
            elif name in ("revoke_app", "restore_app"):
                app = data.get("app", "").strip()
                method = engine.revoke_app if name == "revoke_app" else engine.restore_app
                call = lambda: method(user=user, app=app, actor=actor,  # noqa: E731
                                      reason=reason)
            else:
                if data.get("confirm") != "yes":
                    raise InvalidRequest("tick the box to confirm", field="confirm")
                call = lambda: engine.forget_user(user, actor=actor, reason=reason)  # noqa: E731
            await run_in_threadpool(call)
        except InvalidRequest as exc:
            session.flash.append(("error", f"Nothing was done: {exc.message}."))
        except StorageError:
            session.flash.append(("error", "Nothing was done: the storage is unavailable. "
                                  "Try again shortly."))
        else:
            session.flash.append(("ok", DONE[name]))
        return back

    async def css(request: Request) -> Response:
        return Response(CSS, media_type="text/css",
                        headers={"cache-control": "max-age=3600",
                                 "x-content-type-options": "nosniff"})

    async def root(request: Request) -> Response:
        return RedirectResponse(f"{PREFIX}/", status_code=308)

    return [
        Route(PREFIX, root),
        Route(PREFIX + "/", home),
        Route(PREFIX + "/login", login, methods=["GET", "POST"]),
        Route(PREFIX + "/logout", logout, methods=["POST"]),
        Route(PREFIX + "/user", user_page),
        Route(PREFIX + "/action", action, methods=["POST"]),
        Route(PREFIX + "/console.css", css),
    ]
