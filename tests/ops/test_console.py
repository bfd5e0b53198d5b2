"""The support console (``policy/console.py``) over HTTP: login and its cookie, CSRF on every
POST, the standing in words, recent decisions from the log, actions with a required
reason, and no message text anywhere. The real-browser run is ``test_console_browser.py``."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from policy import Engine
from policy.clock import VirtualClock
from policy.decisionlog import DecisionLog
from policy.rules import load_rules
from policy.server import create_app, demo_store
from tests.conftest import DEFAULT_RULES

ADMIN = "admin-token-for-tests-0123"
SEND = "/1.1/direct_messages/new.json"
SPAM = "Win a prize now: visit winprize.example or call 555 0100 today, {i}"
SPAM_WORDS = ("winprize", "prize", "555 0100", "today")


@pytest.fixture
def setup(tmp_path: Path, clock: VirtualClock) -> tuple[Any, Engine]:
    store = demo_store()
    log = DecisionLog(tmp_path / "decisions.jsonl")
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock, decision_log=log)
    return create_app(engine, store, admin_token=ADMIN), engine


class Browser:
    """An HTTP client with cookies on the app (no Origin header, like a non-browser)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.cookies = httpx.Cookies()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://demo",
                                         cookies=self.cookies) as client:
                response = await client.request(method, path, **kwargs)
                self.cookies = client.cookies
                return response

        return asyncio.run(go())

    def login(self, token: str = ADMIN, actor: str = "Sam") -> httpx.Response:
        page = self.request("GET", "/admin/login")
        nonce = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)
        return self.request("POST", "/admin/login",
                            data={"login_csrf": nonce, "actor": actor, "token": token})

    def csrf(self, path: str = "/admin/") -> str:
        return re.search(r'name="csrf" value="([^"]+)"', self.request("GET", path).text).group(1)


def send(app: Any, name: str, text: str) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
            return await client.post(SEND, data={"screen_name": name, "text": text},
                                     headers={"authorization": "Bearer alice-token"})

    return asyncio.run(go())


def cool_down_alice(app: Any, clock: VirtualClock) -> None:
    for i, name in enumerate(("carol", "dave", "erin", "frank", "gina", "mallory")):
        send(app, name, SPAM.format(i=i))
        clock.advance(5)
    assert send(app, "bob", "sorry about that").status_code == 403


def test_pages_need_a_login_and_the_cookie_is_httponly_samesite_strict(setup) -> None:
    app, _ = setup
    browser = Browser(app)
    for path in ("/admin/", "/admin/user?q=alice"):
        response = browser.request("GET", path)
        assert response.status_code == 303 and response.headers["location"] == "/admin/login"
    login = browser.request("GET", "/admin/login")
    assert login.status_code == 200
    for field in ('<label for="actor">', '<label for="token">', 'type="password"'):
        assert field in login.text
    assert browser.login(token="wrong-token-wrong-token").status_code == 401
    signed = browser.login()
    assert signed.status_code == 303
    cookie = next(c for c in signed.headers.get_list("set-cookie")
                  if c.startswith("dm_policy_console="))
    for flag in ("HttpOnly", "SameSite=Strict", "Path=/admin"):
        assert flag in cookie
    home = browser.request("GET", "/admin/")
    assert home.status_code == 200 and "Look up a user" in home.text
    for header in ("content-security-policy", "x-frame-options", "cache-control"):
        assert header in home.headers
    assert "script" not in home.text.lower()


def test_a_users_token_or_no_token_configured_never_logs_in(clock: VirtualClock,
                                                             monkeypatch) -> None:
    monkeypatch.delenv("DM_POLICY_ADMIN_TOKEN", raising=False)
    store = demo_store()
    app = create_app(Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock), store)
    browser = Browser(app)
    refused = browser.login(token="alice-token")
    assert refused.status_code == 401 and "No admin token is configured" in refused.text
    assert browser.request("GET", "/admin/").status_code == 303


def test_login_needs_its_form_token_and_failures_are_rate_limited(setup) -> None:
    app, _ = setup
    browser = Browser(app)
    forged = browser.request("POST", "/admin/login", data={"actor": "x", "token": ADMIN})
    assert forged.status_code == 403
    for _ in range(10):
        assert browser.login(token="not-the-admin-token").status_code == 401
    assert browser.login().status_code == 429  # even the right token, for a minute


def test_every_post_needs_the_sessions_csrf_token(setup, clock: VirtualClock) -> None:
    app, engine = setup
    cool_down_alice(app, clock)
    browser = Browser(app)
    browser.login()
    token = browser.csrf("/admin/user?q=alice")
    fields = {"action": "lift_cooldown", "user": "1001", "reason": "forged"}
    for data in (fields, {**fields, "csrf": "guessed"}):
        assert browser.request("POST", "/admin/action", data=data).status_code == 403
    other_site = browser.request("POST", "/admin/action", data={**fields, "csrf": token},
                                 headers={"origin": "http://evil.example"})
    assert other_site.status_code == 403
    assert engine.audit("1001") == []  # nothing was done
    assert browser.request("POST", "/admin/logout", data={}).status_code == 403
    # another session's token is not this one's
    other = Browser(app)
    other.login(actor="Kim")
    assert other.request("POST", "/admin/action",
                         data={**fields, "csrf": token}).status_code == 403
    done = browser.request("POST", "/admin/action", data={**fields, "csrf": token})
    assert done.status_code == 303
    assert [r.action for r in engine.audit("1001")] == ["lift_cooldown"]


def test_lift_a_cooldown_with_a_reason_and_see_it_audited(setup, clock: VirtualClock) -> None:
    app, engine = setup
    cool_down_alice(app, clock)
    browser = Browser(app)
    browser.login()
    page = browser.request("GET", "/admin/user?q=alice")
    assert page.status_code == 200
    text = page.text
    assert "alice (id 1001)" in text and "cannot send now" in text
    assert "each attempt restarts the wait" in text and "They can write to someone new again at" in text
    assert "Recent decisions" in text and "spam_cooldown/cooldown_active" in text
    assert "duplicates/duplicate_content" in text
    for word in SPAM_WORDS:
        assert word not in text.lower()
    token = re.search(r'name="csrf" value="([^"]+)"', text).group(1)
    # the reason is required: nothing is done without one
    blank = browser.request("POST", "/admin/action", data={
        "csrf": token, "action": "lift_cooldown", "user": "1001", "reason": "  "})
    assert blank.status_code == 303
    assert "Nothing was done" in browser.request("GET", blank.headers["location"]).text
    assert engine.audit("1001") == []
    lifted = browser.request("POST", "/admin/action", data={
        "csrf": token, "action": "lift_cooldown", "user": "1001",
        "reason": "ticket 4711: a birthday invitation, not spam"})
    after = browser.request("GET", lifted.headers["location"])
    assert "The cooldown was lifted." in after.text
    assert "ticket 4711: a birthday invitation, not spam" in after.text
    # the waits are over, someone new included (the ways back counted are forgotten too)
    assert "console:Sam" in after.text and "can send now" in after.text
    assert "ways_back" in after.text
    assert send(app, "bob", "sorry about that").status_code == 200
    record = engine.audit("1001")[0]
    assert (record.actor, record.action) == ("console:Sam", "lift_cooldown")


def test_other_actions_and_bad_input(setup, clock: VirtualClock) -> None:
    app, engine = setup
    send(app, "bob", "hello bob")
    browser = Browser(app)
    browser.login()
    token = browser.csrf("/admin/user?q=alice")

    def act(**data: str) -> str:
        response = browser.request("POST", "/admin/action",
                                   data={"csrf": token, "user": "1001", **data})
        assert response.status_code == 303
        return browser.request("GET", response.headers["location"]).text

    assert "The quota was credited." in act(action="credit_quota", amount="3", reason="r1")
    assert "Nothing was done" in act(action="credit_quota", amount="lots", reason="r2")
    assert "The app was revoked" in act(action="revoke_app", app="autoposter", reason="r3")
    assert "The app was restored" in act(action="restore_app", app="autoposter", reason="r4")
    assert "The quota was reset." in act(action="reset_quota", reason="r5")
    assert "tick the box" in act(action="forget_user", reason="r6")
    assert "Unknown action" in act(action="drop_tables", reason="r8")
    assert [r.reason for r in engine.audit("1001")] == ["r5", "r4", "r3", "r1"]
    page = act(action="forget_user", reason="r7", confirm="yes")
    assert "forgotten" in page and "No action was taken on this user." in page
    # forgetting erases the user's trail; the deployment's keeps an anonymous record
    assert engine.audit("1001") == []
    assert (engine.audit()[0].action, engine.audit()[0].reason) == ("forget_user", "r7")
    bad = browser.request("GET", "/admin/user?q=" + "x" * 300)
    assert bad.status_code == 400 and "Not a user id" in bad.text
    # <script> in a reason is shown as text, never run
    act(action="reset_quota", reason="<script>alert(1)</script>")
    page = browser.request("GET", "/admin/user?q=alice").text
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_logout_ends_the_session(setup) -> None:
    app, _ = setup
    browser = Browser(app)
    browser.login()
    token = browser.csrf()
    assert browser.request("POST", "/admin/logout", data={"csrf": token}).status_code == 303
    assert browser.request("GET", "/admin/").status_code == 303


def test_storage_down_says_so_and_does_nothing(clock: VirtualClock) -> None:
    from tests.processes import free_port

    store = demo_store()
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock,
                    storage=f"redis://127.0.0.1:{free_port()}/0?socket_connect_timeout=0.2"
                            "&socket_timeout=0.2&retries=0")
    app = create_app(engine, store, admin_token=ADMIN)
    browser = Browser(app)
    browser.login()
    page = browser.request("GET", "/admin/user?q=alice")
    assert page.status_code == 503 and "The storage is unavailable" in page.text
    token = browser.csrf()
    done = browser.request("POST", "/admin/action", data={
        "csrf": token, "action": "lift_cooldown", "user": "1001", "reason": "r"})
    assert done.status_code == 303
    after = browser.request("GET", "/admin/")  # the flash shows on the next page
    assert "Nothing was done: the storage is unavailable" in after.text
    engine.close()
