"""The support console end to end in a real headless Chromium (Debian's ``chromium``,
driven by Playwright through its executable path: no browser download).

The reference server runs on uvicorn on a free loopback port, with a decision log.
alice is cooled down by sends through the messaging API; the test logs in as admin,
looks alice up, reads the standing, lifts the cooldown with a reason using the
keyboard, sees the audit record appear, and alice sends again. It saves the screenshots
of ``docs/console.md`` (desktop and phone widths) when ``DM_POLICY_SCREENSHOTS`` names
a directory.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from policy import Engine
from policy.decisionlog import DecisionLog
from policy.rules import load_rules
from policy.server import create_app, demo_store
from tests import servers
from tests.conftest import DEFAULT_RULES

ADMIN = "admin-token-for-browser-tests"
SEND = "/1.1/direct_messages/new.json"
SPAM = "Win a prize now: visit winprize.example or call 555 0100 today, {i}"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = pytest.mark.browser


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium not found on PATH (.ci/run installs Debian's chromium)")
    return path


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    pytest.importorskip("uvicorn")
    store = demo_store()
    log = DecisionLog(tmp_path / "decisions.jsonl")
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, decision_log=log)
    app = create_app(engine, store, admin_token=ADMIN)
    with servers.uvicorn_on_loopback(app) as url:
        yield url, engine


def send(url: str, name: str, text: str) -> httpx.Response:
    return httpx.post(url + SEND, data={"screen_name": name, "text": text},
                      headers={"authorization": "Bearer alice-token"}, timeout=10)


def shots() -> Path | None:
    folder = os.environ.get("DM_POLICY_SCREENSHOTS")
    return Path(folder) if folder else None


def test_lift_a_cooldown_in_a_real_browser(live: tuple[str, Engine]) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    url, engine = live
    # alice sends one offer to six people who follow her but whom she never wrote to:
    # the fifth copy is refused, and she is cooled down.
    codes = [send(url, name, SPAM.format(i=i)).status_code
             for i, name in enumerate(("carol", "dave", "erin", "frank", "gina", "mallory"))]
    assert codes[:4] == [200] * 4 and 403 in codes[4:]
    assert send(url, "bob", "sorry about that").status_code == 403
    folder = shots()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True,
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport=DESKTOP)
            page.goto(url + "/admin/")
            assert page.url.endswith("/admin/login")
            page.get_by_label("Your name").fill("Sam")
            page.get_by_label("Admin token").fill(ADMIN)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(url + "/admin/")
            cookie = next(c for c in page.context.cookies() if c["name"] == "dm_policy_console")
            assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
            assert page.evaluate("document.cookie") == ""  # out of a script's reach

            page.get_by_label("User (screen name or id)").fill("alice")
            page.keyboard.press("Enter")
            page.wait_for_url("**/admin/user?q=alice")
            assert page.get_by_role("main").is_visible()
            assert page.get_by_role("banner").is_visible()
            standing = page.locator("p.verdict").inner_text()
            assert "cannot send now" in standing and "They can write to someone new again at" in standing
            assert "each attempt restarts the wait" in page.inner_text("main")
            assert "spam_cooldown/cooldown_active" in page.inner_text("main")
            html = page.content().lower()
            for word in ("winprize", "prize", "555 0100"):
                assert word not in html
            # The same page on a phone: one column, nothing wider than the screen.
            phone = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True,
                                     device_scale_factor=2)
            phone.context.add_cookies([{**cookie}])
            phone.goto(url + "/admin/user?q=alice")
            assert "cannot send now" in phone.locator("p.verdict").inner_text()
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
                phone.screenshot(path=str(folder / "console-phone.png"))

            # The form's reason is required: the browser refuses an empty one.
            form = page.locator("form", has=page.get_by_role("heading",
                                                             name="Lift the cooldown"))
            form.get_by_role("button", name="Lift the cooldown").click()
            assert page.url.endswith("/admin/user?q=alice")
            assert engine.audit("1001") == []
            # With the keyboard: focus the reason, type it, Enter submits.
            form.get_by_label("Reason (required)").focus()
            page.keyboard.type("ticket 4711: a birthday invitation, not spam")
            page.keyboard.press("Enter")
            page.wait_for_load_state()
            page.get_by_role("status").get_by_text("The cooldown was lifted.").wait_for()
            trail = page.get_by_role("table", name="Actions on this user, newest first")
            row = trail.get_by_role("row").nth(1).inner_text()
            assert "console:Sam" in row and "lift_cooldown" in row
            assert "ticket 4711: a birthday invitation, not spam" in row
            assert "spam_cooldown until" in row and "→ none" in row  # before and after
            # Every wait is over, someone new included: the ways back counted (4 strangers
            # got the link, which held new strangers for the day) are forgotten too.
            assert "can send now" in page.locator("p.verdict").inner_text()
            assert "ways_back" in row

            # alice sends again, and the console shows it.
            assert send(url, "bob", "sorry about that").status_code == 200
            page.reload()
            decisions = page.get_by_role("table", name="The last").first.inner_text()
            assert "allow" in decisions.splitlines()[2]  # the newest row, under the header

            if folder is not None:
                page.screenshot(path=str(folder / "console-desktop.png"), full_page=True)
        finally:
            browser.close()
    record = engine.audit("1001")[0]
    assert (record.action, record.actor) == ("lift_cooldown", "console:Sam")


def test_keyboard_reaches_every_control_with_a_visible_label(live: tuple[str, Engine]) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    url, _ = live
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True,
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport=DESKTOP)
            page.goto(url + "/admin/login")
            page.keyboard.press("Tab")  # the skip link comes first
            assert page.evaluate("document.activeElement.textContent") == "Skip to the content"
            page.keyboard.press("Tab")
            page.keyboard.type("Sam")
            page.keyboard.press("Tab")
            page.keyboard.type(ADMIN)
            page.keyboard.press("Enter")
            page.wait_for_url(url + "/admin/")
            page.goto(url + "/admin/user?q=alice")
            unlabelled: Any = page.evaluate("""() => [...document.querySelectorAll(
                'input:not([type=hidden]), button')].filter(e => !(e.labels && e.labels.length)
                && !e.textContent.trim()).map(e => e.outerHTML)""")
            assert unlabelled == []
            # Tab through the page: every action's button is reached.
            reached = set()
            for _ in range(60):
                page.keyboard.press("Tab")
                reached.add(page.evaluate("document.activeElement.textContent.trim()"))
            for name in ("Lift the cooldown", "Reset the quota", "Credit the quota",
                         "Revoke an app", "Restore an app", "Forget the user", "Sign out"):
                assert name in reached
        finally:
            browser.close()
