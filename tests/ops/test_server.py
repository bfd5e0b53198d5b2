"""The reference server end to end: direct messages, groups, app revocation, random input,
and one run on a real uvicorn on loopback."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy import Engine
from policy.rules import load_rules
from policy.server import create_app, demo_store
from tests import servers
from tests.conftest import DEFAULT_RULES

SEND = "/1.1/direct_messages/new.json"
ALICE = {"authorization": "Bearer alice-token"}


@pytest.fixture
def server(clock: Any) -> Any:
    store = demo_store()
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock)
    return create_app(engine, store)


def call(app: Any, method: str, path: str, *, token: str | None = "alice-token",
         **kwargs: Any) -> httpx.Response:
    headers = dict(kwargs.pop("headers", {}))
    if token is not None:
        headers["authorization"] = f"Bearer {token}"

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
            return await client.request(method, path, headers=headers, **kwargs)

    return asyncio.run(go())


def error_of(response: httpx.Response) -> tuple[int, int, str]:
    error = response.json()["errors"][0]
    return response.status_code, error["code"], error["label"]


def test_send_by_screen_name_and_read_it(server: Any) -> None:
    sent = call(server, "POST", SEND, data={"screen_name": "bob", "text": "Lunch?"})
    assert sent.status_code == 200
    message = sent.json()
    assert (message["sender_screen_name"], message["recipient_screen_name"], message["text"]) == (
        "alice", "bob", "Lunch?")
    assert message["id_str"] == str(message["id"])
    assert sent.headers["x-rate-limit-remaining"] == "999"
    inbox = call(server, "GET", "/1.1/direct_messages.json", token="bob-token").json()
    assert [m["text"] for m in inbox] == ["Lunch?"]


def test_refusals_of_the_seed_endpoint(server: Any) -> None:
    # bob follows nobody but alice's followers follow her: bob -> carol is refused.
    refused = call(server, "POST", SEND, token="bob-token", json={"user_id": "1003", "text": "hi"})
    assert error_of(refused) == (403, 150, "not_follower")
    unknown = call(server, "POST", SEND, data={"screen_name": "nobody", "text": "hi"})
    assert error_of(unknown) == (404, 50, "user_not_found")
    long = call(server, "POST", SEND, json={"user_id": "1002", "text": "x" * 141})
    assert error_of(long) == (403, 354, "text_too_long")
    for response in (refused, unknown, long):
        assert {"x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"} <= set(
            response.headers)


def test_text_that_is_not_unicode_is_400_not_500(server: Any) -> None:
    # Valid JSON, but "\ud800" is a lone surrogate: it could not even be echoed back.
    body = b'{"user_id": "1002", "text": "\\ud800 hello"}'
    response = call(server, "POST", SEND, content=body,
                    headers={"content-type": "application/json"})
    assert error_of(response) == (400, 195, "invalid_parameter")
    form = call(server, "POST", SEND, content=b"user_id=1002&text=%ED%A0%80",
                headers={"content-type": "application/x-www-form-urlencoded"})
    assert error_of(form) == (400, 195, "invalid_parameter")


def test_authentication(server: Any) -> None:
    anonymous = call(server, "POST", SEND, token=None, json={"user_id": "1002", "text": "hi"})
    assert error_of(anonymous) == (401, 32, "unauthenticated")
    forged = call(server, "POST", SEND, token="forged", json={"user_id": "1002", "text": "hi"})
    assert error_of(forged) == (401, 89, "invalid_token")
    # The sender comes from the token, never from the body.
    sneaky = call(server, "POST", SEND, token="bob-token",
                  json={"user_id": "1001", "text": "hi", "sender_id": "1003"})
    assert sneaky.status_code == 200 and sneaky.json()["sender_id"] == "1002"


def test_group_conversations(server: Any) -> None:
    created = call(server, "POST", "/1.1/dm_conversations/new.json",
                   json={"participant_ids": ["1002", "1003"]})
    assert created.status_code == 200
    conversation = created.json()["conversation_id"]
    assert created.json()["participant_ids"] == ["1001", "1002", "1003"]
    group_path = f"/1.1/dm_conversations/{conversation}/messages/new.json"
    said = call(server, "POST", group_path, data={"text": "hello group"})
    assert said.status_code == 200 and said.json()["recipient_ids"] == ["1002", "1003"]
    assert said.headers["x-rate-limit-remaining"] == "999"
    # bob is a member: he may write even to carol, who does not follow him.
    assert call(server, "POST", group_path, token="bob-token", data={"text": "hi!"}).status_code == 200
    # mallory is blocked by carol, a member: she cannot be invited.
    blocked = call(server, "POST", f"/1.1/dm_conversations/{conversation}/participants/add.json",
                   data={"user_ids": "1666"})
    assert error_of(blocked) == (403, 706, "invitee_blocked")
    outsider = call(server, "POST", group_path, token="mallory-token", data={"text": "let me in"})
    assert error_of(outsider) == (403, 707, "not_a_member")
    # bob may invite his own followers only; nobody follows bob.
    stranger = call(server, "POST", f"/1.1/dm_conversations/{conversation}/participants/add.json",
                    token="bob-token", data={"user_ids": "1004"})
    assert error_of(stranger) == (403, 705, "invitee_not_follower")
    added = call(server, "POST", f"/1.1/dm_conversations/{conversation}/participants/add.json",
                 data={"user_ids": "1004,1005"})
    assert added.json()["participant_ids"] == ["1001", "1002", "1003", "1004", "1005"]
    missing = call(server, "POST", "/1.1/dm_conversations/404/messages/new.json",
                   data={"text": "anyone?"})
    assert error_of(missing) == (404, 34, "not_found")


def test_a_group_with_only_oneself_is_400(server: Any) -> None:
    response = call(server, "POST", "/1.1/dm_conversations/new.json",
                    data={"participant_ids": "1001"})
    assert error_of(response) == (400, 195, "invalid_parameter")


def test_group_too_large(server: Any) -> None:
    store = server.state.store
    for i in range(25):
        store.add_user(str(2000 + i), f"fan{i}")
        store.graph.follow(str(2000 + i), "1001")
    ids = ",".join(str(2000 + i) for i in range(20))
    response = call(server, "POST", "/1.1/dm_conversations/new.json", data={"participant_ids": ids})
    assert error_of(response) == (403, 703, "group_too_large")


def test_app_revocation_endpoint(server: Any) -> None:
    via_app = "alice-via-autoposter"
    assert call(server, "POST", SEND, token=via_app,
                data={"user_id": "1002", "text": "posted by an app"}).status_code == 200
    revoked = call(server, "POST", "/1.1/apps/revoke.json", data={"app_id": "autoposter"})
    assert revoked.status_code == 200 and revoked.json() == {"app_id": "autoposter",
                                                            "revoked": True}
    blocked = call(server, "POST", SEND, token=via_app, data={"user_id": "1002", "text": "again"})
    assert error_of(blocked) == (403, 93, "app_revoked")
    # Only that app, only for alice: her first-party client still sends.
    assert call(server, "POST", SEND, data={"user_id": "1002", "text": "me"}).status_code == 200
    assert call(server, "POST", "/1.1/apps/restore.json",
                data={"app_id": "autoposter"}).status_code == 200
    assert call(server, "POST", SEND, token=via_app,
                data={"user_id": "1002", "text": "back"}).status_code == 200
    missing = call(server, "POST", "/1.1/apps/revoke.json", data={})
    assert error_of(missing) == (400, 38, "missing_parameter")


def test_self_message_through_an_app_revokes_it(server: Any) -> None:
    self_message = call(server, "POST", SEND, token="alice-via-autoposter",
                        data={"user_id": "1001", "text": "Check this out"})
    assert error_of(self_message) == (403, 349, "self_message")
    after = call(server, "POST", SEND, token="alice-via-autoposter",
                 data={"user_id": "1002", "text": "more"})
    assert error_of(after) == (403, 93, "app_revoked")


def test_index_lists_users_and_tokens(server: Any) -> None:
    index = call(server, "GET", "/", token=None).json()
    assert index["tokens"]["alice-via-autoposter"] == {"user": "alice", "app": "autoposter"}
    assert {"id": "1002", "screen_name": "bob"} in index["users"]
    assert error_of(call(server, "GET", "/nope")) == (404, 34, "not_found")


def form(fields: dict[str, str]) -> bytes:
    # A lone surrogate becomes bytes that are not UTF-8: the server must say 400.
    return urlencode(fields, errors="surrogatepass").encode()


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=160)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=3),
    max_leaves=8,
)
field_names = st.sampled_from(["user_id", "screen_name", "text", "participant_ids", "user_ids",
                               "app_id", "sender_id"])
# Mostly well-formed sends with odd texts and recipients, so that the engine is reached too.
plausible = st.fixed_dictionaries(
    {"user_id": st.sampled_from(["1002", "1003", "1666", "1001", "", "nobody"]),
     # Lone surrogates too: json.dumps escapes them into valid JSON that is not valid text.
     "text": st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])),
                     max_size=200)},
    optional={"participant_ids": st.sampled_from(["1002", "1002,1003", "1666,1003", ""]),
              "app_id": st.text(max_size=20)},
)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from([SEND, SEND, "/1.1/dm_conversations/new.json", "/1.1/apps/revoke.json",
                          "/1.1/dm_conversations/1/messages/new.json",
                          "/1.1/dm_conversations/1/participants/add.json"]),
    sent=st.one_of(
        plausible.map(lambda d: (json.dumps(d).encode(), "application/json")),
        plausible.map(lambda d: (form(d), "application/x-www-form-urlencoded")),
        plausible.map(lambda d: (form(d), "")),
        st.tuples(
            st.one_of(
                st.binary(max_size=400),
                st.dictionaries(field_names, json_values, max_size=4).map(
                    lambda d: json.dumps(d).encode()),
                st.lists(st.tuples(st.text(max_size=12), st.text(max_size=40)), max_size=4).map(
                    lambda pairs: "&".join(f"{k}={v}" for k, v in pairs).encode("utf-8")),
            ),
            st.sampled_from(["", "application/json", "application/x-www-form-urlencoded",
                             "text/plain", "application/vnd.api+json", "application/json;;"]),
        ),
    ),
    token=st.sampled_from([None, "nope", "alice-token", "alice-token", "bob-token",
                           "mallory-token", "alice-via-autoposter"]),
    extra=st.dictionaries(st.sampled_from(["x-forwarded-for", "content-encoding", "accept",
                                           "x-user", "cookie"]),
                          st.text(st.characters(min_codepoint=32, max_codepoint=126),
                                  max_size=40), max_size=3),
    query=st.text(max_size=40),
)
def test_random_bodies_and_headers_never_give_a_5xx(
    server: Any, path: str, sent: tuple[bytes, str], token: str | None,
    extra: dict[str, str], query: str,
) -> None:
    body, content_type = sent
    headers = dict(extra)
    if content_type:
        headers["content-type"] = content_type
    response = call(server, "POST", path, token=token, content=body, headers=headers,
                    params={"q": query} if query else None)
    assert response.status_code < 500
    if response.status_code >= 400:
        assert "errors" in response.json()
    if path == SEND:
        assert "x-rate-limit-limit" in response.headers or response.status_code == 401


@pytest.fixture
def live_server(server: Any) -> Iterator[str]:
    """The reference server on a real uvicorn, on a free loopback port, stopped after the test."""
    with servers.uvicorn_on_loopback(server, start_timeout=5.0) as url:
        yield url


def test_over_a_real_uvicorn_on_loopback(live_server: str) -> None:
    with httpx.Client(base_url=live_server, timeout=5.0, headers=ALICE) as client:
        allowed = client.post(SEND, data={"screen_name": "bob", "text": "over real HTTP"})
        assert allowed.status_code == 200
        assert allowed.headers["x-rate-limit-remaining"] == "999"
        refused = client.post(SEND, json={"user_id": "nobody-follows", "text": "hi"})
        assert error_of(refused) == (403, 150, "not_follower")
        malformed = client.post(SEND, content=b"{", headers={"content-type": "application/json"})
        assert error_of(malformed) == (400, 195, "invalid_parameter")

        def chunked() -> Iterator[bytes]:
            yield b'{"user_id": "1002", '
            yield b'"text": "in two chunks"}'

        streamed = client.post(SEND, content=chunked(), headers={"content-type": "application/json"})
        assert streamed.status_code == 200 and streamed.json()["text"] == "in two chunks"


def test_the_server_on_every_storage_backend(backend: Any, clock: Any) -> None:
    """The same conversation on memory://, fakeredis and a real redis-server: the async
    engine path (acheck) and the threadpool revocation reach the storage in use."""
    store = demo_store()
    engine = Engine(load_rules(DEFAULT_RULES), storage=backend.new_storage(), graph=store.graph,
                    clock=clock)
    app = create_app(engine, store)
    via_app = {"authorization": "Bearer alice-via-autoposter"}

    async def conversation() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
            return [
                await client.post(SEND, headers=ALICE, data={"screen_name": "bob", "text": "a"}),
                await client.post(SEND, headers=ALICE, data={"screen_name": "bob", "text": "b"}),
                await client.post(SEND, headers={"authorization": "Bearer bob-token"},
                                  data={"screen_name": "carol", "text": "hi"}),
                await client.post("/1.1/apps/revoke.json", headers=ALICE,
                                  data={"app_id": "autoposter"}),
                await client.post(SEND, headers=via_app, data={"user_id": "1002", "text": "x"}),
                await client.post(SEND, headers=ALICE, data={"user_id": "1002", "text": "c"}),
            ]

    first, second, stranger, revoked, blocked, still_open = asyncio.run(conversation())
    assert [first.status_code, second.status_code] == [200, 200]
    assert [first.headers["x-rate-limit-remaining"],
            second.headers["x-rate-limit-remaining"]] == ["999", "998"]
    assert error_of(stranger) == (403, 150, "not_follower")
    assert revoked.status_code == 200
    assert error_of(blocked) == (403, 93, "app_revoked")
    assert blocked.headers["x-rate-limit-remaining"] == "998"  # alice's count; refused: unspent
    assert still_open.status_code == 200
    assert still_open.headers["x-rate-limit-remaining"] == "997"


def test_the_server_serves_its_metrics() -> None:
    app = create_app(rules=DEFAULT_RULES)  # the engine the server builds, with its observer
    assert call(app, "POST", SEND, data={"screen_name": "bob", "text": "Lunch?"}).status_code == 200
    call(app, "POST", SEND, data={"screen_name": "bob", "text": "x" * 141})
    scraped = call(app, "GET", "/metrics", token=None)
    assert scraped.status_code == 200
    body = scraped.text
    assert 'dm_policy_decisions_total{code="none",request="send",rule="none",verdict="allow"} 1.0' in body
    assert 'code="text_too_long"' in body
    assert "Lunch" not in body and "alice" not in body
