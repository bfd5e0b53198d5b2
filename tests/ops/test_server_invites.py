"""The reference server records the invitations the engine allows, as a host must.

An outside red team found that ``policy/server.py`` checked invitations but never told
its graph: the conversation a sender started was unknown to the engine, so the
strangers rule's ``at_once = 4`` (rules/default.toml) never held, and one message to a
new group of 12 followers who never wrote to the sender reached all 12. The server now
calls ``graph.record_invite`` after an allowed invitation (only then): the starter and
time of a new conversation, its invited members in the store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from policy import Engine
from policy.graph import MemoryGraph
from policy.requests import InviteRequest
from policy.rules import load_rules
from policy.server import create_app, demo_store
from tests import servers
from tests.conftest import DEFAULT_RULES, T0

NEW = "/1.1/dm_conversations/new.json"
ALICE = "1001"
FANS = [str(3000 + i) for i in range(16)]  # follow alice; she does not follow them back


def add_path(conversation: str) -> str:
    return f"/1.1/dm_conversations/{conversation}/participants/add.json"


def send_path(conversation: str) -> str:
    return f"/1.1/dm_conversations/{conversation}/messages/new.json"


def error_of(response: httpx.Response) -> tuple[int, int, str]:
    error = response.json()["errors"][0]
    return response.status_code, error["code"], error["label"]


@pytest.fixture
def app(clock: Any) -> Any:
    store = demo_store()
    for i, fan in enumerate(FANS):
        store.add_user(fan, f"fan{i}")
        store.graph.follow(fan, ALICE)  # a follower who never wrote to alice: a stranger
    engine = Engine(load_rules(DEFAULT_RULES), graph=store.graph, clock=clock)
    return create_app(engine, store)


@pytest.fixture
def recorded(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any, float]]:
    """What the server told its graph: every ``record_invite`` and ``start_conversation``."""
    graph: MemoryGraph = app.state.store.graph
    calls: list[tuple[str, Any, float]] = []
    record_invite, start = graph.record_invite, graph.start_conversation

    def spy_invite(invite: InviteRequest, at: float) -> None:
        calls.append(("record_invite", invite, at))
        record_invite(invite, at)

    def spy_start(conversation: str, user: str, at: float) -> None:
        calls.append(("start_conversation", (conversation, user), at))
        start(conversation, user, at)

    monkeypatch.setattr(graph, "record_invite", spy_invite)
    monkeypatch.setattr(graph, "start_conversation", spy_start)
    return calls


def call(app: Any, method: str, path: str, *, token: str = "alice-token",
         **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://demo",
                                     timeout=5.0) as client:
            return await client.request(method, path, headers={
                "authorization": f"Bearer {token}"}, **kwargs)

    return asyncio.run(go())


@pytest.fixture
def live(app: Any) -> Iterator[httpx.Client]:
    """The server on a real uvicorn on a free loopback port (bounded: 5 s to start, 5 s a
    request, 10 s to stop), with alice's token."""
    with servers.uvicorn_on_loopback(app, start_timeout=5.0) as url, httpx.Client(
            base_url=url, timeout=5.0, headers={"authorization": "Bearer alice-token"}) as client:
        yield client


def test_one_message_to_a_new_group_of_12_strangers_is_refused_by_at_once(
        live: httpx.Client) -> None:
    # The red team's reproducer, over real HTTP: the invitation is allowed (12 followers)...
    twelve = live.post(NEW, json={"participant_ids": FANS[:12]})
    assert twelve.status_code == 200, twelve.text
    conversation = twelve.json()["conversation_id"]
    text = "Welcome everyone, glad you could all join this new group chat"
    # ... but one first message to all 12 strangers of a group alice just started is not.
    refused = live.post(send_path(conversation), data={"text": text})
    assert error_of(refused) == (429, 708, "too_many_strangers")
    assert "at once" in refused.json()["errors"][0]["message"]
    assert "retry-after" not in refused.headers  # waiting does not lift it: fewer people do
    # 4 such people in a new group are admitted (at_once = 4), refused sends count nothing.
    four = live.post(NEW, json={"participant_ids": FANS[12:16]})
    assert four.status_code == 200, four.text
    allowed = live.post(send_path(four.json()["conversation_id"]), data={"text": text})
    assert allowed.status_code == 200, allowed.text
    assert allowed.json()["recipient_ids"] == FANS[12:16]


def test_a_group_grown_by_invitations_is_still_the_senders_new_group(app: Any) -> None:
    # Started with 2, then 10 more invited: still a conversation alice started within the
    # day, so one message reaches each member, and 12 strangers at once are too many.
    created = call(app, "POST", NEW, data={"participant_ids": ",".join(FANS[:2])})
    assert created.status_code == 200
    conversation = created.json()["conversation_id"]
    added = call(app, "POST", add_path(conversation), json={"user_ids": FANS[2:12]})
    assert added.status_code == 200
    assert added.json()["participant_ids"] == [ALICE, *FANS[:12]]
    said = call(app, "POST", send_path(conversation), data={"text": "hello to all of you here"})
    assert error_of(said) == (429, 708, "too_many_strangers")


def test_an_allowed_invitation_is_recorded(app: Any, clock: Any,
                                           recorded: list[tuple[str, Any, float]]) -> None:
    store = app.state.store
    created = call(app, "POST", NEW, data={"participant_ids": "1002,1003"})
    assert created.status_code == 200
    conversation = created.json()["conversation_id"]
    # The starter and the time (the engine's clock), and the invited members.
    assert store.graph.conversation_started(conversation) == (ALICE, T0)
    assert store.conversations[conversation] == [ALICE, "1002", "1003"]
    assert [(name, what.conversation, what.invitees, what.members, at)
            for name, what, at in recorded if name == "record_invite"] == [
        ("record_invite", conversation, ("1002", "1003"), (), T0)]
    # An invitation into it later: recorded too, with its members; the start is unchanged.
    clock.advance(60)
    added = call(app, "POST", add_path(conversation), data={"user_ids": "1004"})
    assert added.status_code == 200
    assert store.conversations[conversation] == [ALICE, "1002", "1003", "1004"]
    assert store.graph.conversation_started(conversation) == (ALICE, T0)
    last = recorded[-1]
    assert last[0] == "record_invite" and last[2] == T0 + 60
    assert (last[1].invitees, last[1].members) == (("1004",), (ALICE, "1002", "1003"))


def test_a_refused_or_bad_invitation_records_nothing(
        app: Any, recorded: list[tuple[str, Any, float]]) -> None:
    store = app.state.store
    # 9999 does not follow alice: a new conversation with carol and 9999 is refused.
    unknown = call(app, "POST", NEW, data={"participant_ids": "1003,9999"})
    assert error_of(unknown) == (403, 705, "invitee_not_follower")
    # 21 people in all: too large.
    crowd = call(app, "POST", NEW, json={"participant_ids": [*FANS, "1002", "1003", "1004",
                                                             "1005"]})
    assert error_of(crowd) == (403, 703, "group_too_large")
    # bob is not followed by 1004: refused too.
    stranger = call(app, "POST", NEW, token="bob-token", data={"participant_ids": "1004"})
    assert error_of(stranger) == (403, 705, "invitee_not_follower")
    # Bad input: a 400 with a JSON error, nothing recorded.
    twice = call(app, "POST", NEW, data={"participant_ids": "1002,1002"})
    assert error_of(twice) == (400, 195, "invalid_parameter")
    empty = call(app, "POST", NEW, json={"participant_ids": [""]})
    assert error_of(empty) == (400, 195, "invalid_parameter")
    assert recorded == [] and store.conversations == {}
    # Into an existing conversation: a refused invitation changes neither graph nor members.
    created = call(app, "POST", NEW, data={"participant_ids": "1003"})
    conversation = created.json()["conversation_id"]
    before = list(recorded)
    refused = call(app, "POST", add_path(conversation), data={"user_ids": "1666"})
    assert error_of(refused) == (403, 706, "invitee_blocked")
    outsider = call(app, "POST", add_path(conversation), token="bob-token",
                    data={"user_ids": "1004"})
    assert outsider.status_code == 403
    bad = call(app, "POST", add_path(conversation), json={"user_ids": {"not": "ids"}})
    assert error_of(bad) == (400, 195, "invalid_parameter")
    assert recorded == before
    assert store.conversations[conversation] == [ALICE, "1003"]
    assert store.graph.conversation_started(conversation) == (ALICE, T0)
