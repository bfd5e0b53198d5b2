"""The reference server's admin JSON API (``policy/admin.py``): its own token, the error
envelope, standing, actions and the audit trail over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from policy import Engine
from policy.clock import VirtualClock
from policy.rules import load_rules
from policy.server import create_app, demo_store
from tests.conftest import DEFAULT_RULES
from tests.ops.test_server import SEND, call, error_of

ADMIN = "admin-token-for-tests-0123"
SPAM = "Win a prize now: visit winprize.example or call 555 0100 today, {i}"


@pytest.fixture
def server(clock: VirtualClock) -> Any:
    store = demo_store()
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock)
    return create_app(engine, store, admin_token=ADMIN)


def cool_down_alice(server: Any, clock: VirtualClock) -> None:
    for i, name in enumerate(("bob", "carol", "dave", "erin", "frank", "gina", "mallory")):
        call(server, "POST", SEND, data={"screen_name": name, "text": SPAM.format(i=i)})
        clock.advance(5)


@pytest.mark.parametrize("path,method", [
    ("/admin/api/users/alice/standing", "GET"),
    ("/admin/api/users/alice/audit", "GET"),
    ("/admin/api/audit", "GET"),
    ("/admin/api/users/alice/lift-cooldown", "POST"),
    ("/admin/api/users/alice/credit-quota", "POST"),
])
def test_admin_routes_need_the_admin_token(server: Any, path: str, method: str) -> None:
    assert error_of(call(server, method, path, token=None)) == (401, 32, "unauthenticated")
    assert error_of(call(server, method, path, token="guessed-token")) == (401, 32,
                                                                           "invalid_token")
    # a user's token is known, and still never an admin's
    assert error_of(call(server, method, path, token="alice-token")) == (403, 220, "forbidden")
    assert error_of(call(server, method, path, token="alice-via-autoposter"))[0] == 403
    response = call(server, method, path, headers={"authorization": "Basic eA=="}, token=None)
    assert response.status_code == 401


def test_without_an_admin_token_configured_every_call_is_refused(clock: VirtualClock,
                                                                monkeypatch: Any) -> None:
    monkeypatch.delenv("DM_POLICY_ADMIN_TOKEN", raising=False)
    store = demo_store()
    app = create_app(Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock), store)
    assert call(app, "GET", "/admin/api/users/alice/standing", token=ADMIN).status_code == 401
    monkeypatch.setenv("DM_POLICY_ADMIN_TOKEN", ADMIN)
    app = create_app(Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock), store)
    assert call(app, "GET", "/admin/api/users/alice/standing", token=ADMIN).status_code == 200
    with pytest.raises(ValueError):
        create_app(Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock), store,
                   admin_token="short")


def test_standing_lift_and_audit_over_http(server: Any, clock: VirtualClock) -> None:
    cool_down_alice(server, clock)
    refused = call(server, "POST", SEND, data={"screen_name": "bob", "text": "sorry about that"})
    assert refused.status_code == 403
    standing = call(server, "GET", "/admin/api/users/alice/standing", token=ADMIN)
    assert standing.status_code == 200
    body = standing.json()
    assert body["user"] == "1001" and body["would"]["verdict"] == "cooldown"
    cooling = next(r for r in body["rules"] if r["kind"] == "cooldown")
    assert cooling["status"] == "cooling" and "restarts the wait" in cooling["words"]
    assert "winprize" not in standing.text and "555" not in standing.text
    # by id too
    assert call(server, "GET", "/admin/api/users/1001/standing", token=ADMIN).json() == body

    lifted = call(server, "POST", "/admin/api/users/alice/lift-cooldown", token=ADMIN,
                  json={"reason": "ticket 9: a false positive", "actor": "agent-7"})
    assert lifted.status_code == 200
    record = lifted.json()["record"]
    assert record["action"] == "lift_cooldown" and record["actor"] == "agent-7"
    assert record["user"] == "1001" and record["before"]["cooldowns"]
    sent = call(server, "POST", SEND, data={"screen_name": "bob", "text": "sorry about that"})
    assert sent.status_code == 200

    trail = call(server, "GET", "/admin/api/users/alice/audit", token=ADMIN).json()["records"]
    assert [r["id"] for r in trail] == [record["id"]]
    everyone = call(server, "GET", "/admin/api/audit?limit=5", token=ADMIN).json()["records"]
    assert everyone[0]["user"] is None and everyone[0]["user_key"] == record["user_key"]


def test_quota_and_app_actions_over_http(server: Any) -> None:
    call(server, "POST", SEND, data={"screen_name": "bob", "text": "hello bob"})
    credit = call(server, "POST", "/admin/api/users/alice/credit-quota", token=ADMIN,
                  data={"amount": "1", "reason": "goodwill"})
    assert credit.status_code == 200
    assert credit.json()["record"]["after"] == {"used": {"daily_quota": 0}}
    assert credit.json()["record"]["actor"] == "admin-api"
    reset = call(server, "POST", "/admin/api/users/alice/reset-quota", token=ADMIN,
                 json={"reason": "r", "rule": "daily_quota"})
    assert reset.status_code == 200
    revoke = call(server, "POST", "/admin/api/users/alice/revoke-app", token=ADMIN,
                  json={"reason": "compromised", "app": "autoposter"})
    assert revoke.status_code == 200
    via_app = call(server, "POST", SEND, token="alice-via-autoposter",
                   data={"screen_name": "bob", "text": "hi"})
    assert via_app.status_code == 403
    restore = call(server, "POST", "/admin/api/users/alice/restore-app", token=ADMIN,
                   json={"reason": "cleaned up", "app": "autoposter"})
    assert restore.status_code == 200
    actions = [r["action"] for r in call(server, "GET", "/admin/api/users/alice/audit",
                                         token=ADMIN).json()["records"]]
    assert actions == ["restore_app", "revoke_app", "reset_quota", "credit_quota"]
    forget = call(server, "POST", "/admin/api/users/alice/forget", token=ADMIN,
                  json={"reason": "erasure request"})
    assert forget.status_code == 200
    actions = [r["action"] for r in call(server, "GET", "/admin/api/users/alice/audit",
                                         token=ADMIN).json()["records"]]
    assert actions == []  # erased with the user
    everyone = call(server, "GET", "/admin/api/audit", token=ADMIN).json()["records"]
    assert [r["action"] for r in everyone] == ["forget_user"]


@pytest.mark.parametrize("path,payload", [
    ("lift-cooldown", {}),
    ("lift-cooldown", {"reason": ""}),
    ("lift-cooldown", {"reason": "x" * 501}),
    ("lift-cooldown", {"reason": 5}),
    ("lift-cooldown", {"reason": "ok", "actor": ""}),
    ("lift-cooldown", [1, 2]),
    ("credit-quota", {"reason": "r", "amount": -1}),
    ("credit-quota", {"reason": "r", "amount": "lots"}),
    ("credit-quota", {"reason": "r", "amount": 1, "rule": "nope"}),
    ("reset-quota", {"reason": "r", "rule": 3}),
    ("revoke-app", {"reason": "r"}),
    ("revoke-app", {"app": "x"}),
    ("forget", {}),
])
def test_bad_input_is_a_400_in_the_envelope(server: Any, path: str, payload: Any) -> None:
    response = call(server, "POST", f"/admin/api/users/alice/{path}", token=ADMIN, json=payload)
    assert error_of(response) == (400, 195, "invalid_parameter")
    trail = call(server, "GET", "/admin/api/users/alice/audit", token=ADMIN).json()["records"]
    assert trail == []


def test_bad_json_and_bad_query_are_400s(server: Any) -> None:
    response = call(server, "POST", "/admin/api/users/alice/lift-cooldown", token=ADMIN,
                    content=b"{not json", headers={"content-type": "application/json"})
    assert error_of(response)[0] == 400
    assert error_of(call(server, "GET", "/admin/api/users/alice/audit?limit=x",
                         token=ADMIN))[0] == 400
    assert error_of(call(server, "GET", "/admin/api/users/alice/audit?limit=0",
                         token=ADMIN))[0] == 400
    assert error_of(call(server, "GET", "/admin/api/audit?since=nan", token=ADMIN))[0] == 400


def test_storage_down_is_a_503(clock: VirtualClock) -> None:
    from tests.servers import free_port

    store = demo_store()
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock,
                    storage=f"redis://127.0.0.1:{free_port()}/0?socket_connect_timeout=0.2"
                            "&socket_timeout=0.2&retries=0")
    app = create_app(engine, store, admin_token=ADMIN)
    for method, path, kwargs in (("GET", "/admin/api/users/alice/standing", {}),
                                 ("POST", "/admin/api/users/alice/lift-cooldown",
                                  {"json": {"reason": "r"}})):
        assert error_of(call(app, method, path, token=ADMIN, **kwargs)) == (
            503, 130, "service_unavailable")
    engine.close()
