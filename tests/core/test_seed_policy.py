"""The seed policy, rule by rule, on a virtual clock, on every storage backend.

Each test would fail if its rule broke: the edges (140/141 characters, the
1,000th/1,001st send, +29 minutes, the 21st person) are checked on both sides.
"""

from __future__ import annotations

from typing import Any

import pytest

from policy import Engine, InviteRequest, MemoryGraph, SendRequest, Verdict
from policy.clock import VirtualClock
from tests.conftest import DEFAULT_RULES, EngineFactory, rules_file

FRIENDS = [f"friend{i:02d}" for i in range(40)]
SPAM = "Congratulations! You have won a {} pound prize. Call {} now to claim it before midnight"


@pytest.fixture
def followed(graph: MemoryGraph) -> MemoryGraph:
    """alice, sam and hank are followed by all FRIENDS (so they may message them)."""
    for friend in FRIENDS:
        for user in ("alice", "sam", "hank"):
            graph.follow(friend, user)
    return graph


def _hank_follows_back(graph: MemoryGraph) -> None:
    """hank's 40 followers are his friends both ways, who write to him too: the quota
    alone limits him (40 strangers in a few hours would meet the strangers rule first,
    40 people he follows who never wrote fanout's 30 a day)."""
    for friend in FRIENDS:
        graph.follow("hank", friend)
        graph.record_message(friend, "hank")


def send(engine, sender: str, to: str | tuple[str, ...], text: str = "hello there", **kw):
    recipients = (to,) if isinstance(to, str) else to
    return engine.check(SendRequest(sender, recipients, text, **kw))


# -- who may message whom ---------------------------------------------------


def test_one_to_one_only_to_a_follower(engine_factory: EngineFactory, graph: MemoryGraph) -> None:
    engine = engine_factory()
    graph.follow("bob", "alice")
    assert send(engine, "alice", "bob").allowed
    refused = send(engine, "alice", "carol")
    assert refused.verdict is Verdict.REJECT
    assert refused.code == "not_follower"
    assert refused.reasons[0].rule == "followers_only"
    # Following the other way round is not enough: carol must follow alice.
    graph.follow("alice", "carol")
    assert send(engine, "alice", "carol").code == "not_follower"
    graph.follow("carol", "alice")
    assert send(engine, "alice", "carol").allowed


def test_a_refused_send_consumes_no_quota(engine_factory: EngineFactory, followed) -> None:
    engine = engine_factory()
    first = send(engine, "alice", FRIENDS[0])
    send(engine, "alice", "stranger")
    send(engine, "alice", FRIENDS[0], "x" * 141)
    after = send(engine, "alice", FRIENDS[1])
    assert first.quota is not None and after.quota is not None
    assert after.quota.remaining == first.quota.remaining - 1


# -- text length ------------------------------------------------------------


def test_api_text_limit_is_140_characters(engine_factory: EngineFactory, followed) -> None:
    engine = engine_factory()
    assert send(engine, "alice", FRIENDS[0], "a" * 140).allowed
    refused = send(engine, "alice", FRIENDS[0], "a" * 141)
    assert (refused.verdict, refused.code) == (Verdict.REJECT, "text_too_long")
    assert send(engine, "alice", FRIENDS[0], "").code == "text_empty"
    assert send(engine, "alice", FRIENDS[0], "   \n").code == "text_empty"


def test_characters_are_counted_as_people_count_them(engine_factory: EngineFactory, followed) -> None:
    engine = engine_factory()
    # "é" written as e + combining accent is one character (NFC), not two.
    assert send(engine, "alice", FRIENDS[0], "e\u0301" * 140).allowed
    assert send(engine, "alice", FRIENDS[0], "e\u0301" * 141).code == "text_too_long"
    assert send(engine, "alice", FRIENDS[0], "😀" * 140).allowed


def test_sms_must_fit_160_with_the_d_username_command(engine_factory: EngineFactory, graph) -> None:
    engine = engine_factory()
    graph.follow("bob", "alice")
    graph.follow("maximilian_99", "alice")
    # "d bob " is 6 characters: 154 + 6 = 160 fits, 155 + 6 = 161 would be split.
    assert send(engine, "alice", "bob", "s" * 154, channel="sms").allowed
    refused = send(engine, "alice", "bob", "s" * 155, channel="sms")
    assert (refused.verdict, refused.code) == (Verdict.REJECT, "sms_too_long")
    # A longer username leaves less room: "d maximilian_99 " is 16 characters.
    assert send(engine, "alice", "maximilian_99", "s" * 144, channel="sms").allowed
    assert send(engine, "alice", "maximilian_99", "s" * 145, channel="sms").code == "sms_too_long"
    # The same 155 characters over the API are refused by the 140 limit, not the SMS one.
    assert send(engine, "alice", "bob", "s" * 155).code == "text_too_long"


# -- groups -----------------------------------------------------------------


def test_group_message_up_to_20_people(engine_factory: EngineFactory, followed) -> None:
    engine = engine_factory()
    nineteen = tuple(FRIENDS[:19])  # + alice = 20 people
    for friend in nineteen:  # friends both ways (19 strangers at once: the strangers rule)
        followed.follow("alice", friend)
    assert send(engine, "alice", nineteen, "Party at mine on Saturday, bring snacks").allowed
    refused = send(engine, "alice", tuple(FRIENDS[:20]), "Party at mine on Saturday")
    assert (refused.verdict, refused.code) == (Verdict.REJECT, "group_too_large")


def test_new_group_refused_when_a_member_blocked_another(
    engine_factory: EngineFactory, followed: MemoryGraph
) -> None:
    engine = engine_factory()
    group = (FRIENDS[0], FRIENDS[1], FRIENDS[2])
    assert send(engine, "alice", group).allowed
    followed.block(FRIENDS[0], FRIENDS[2])
    assert send(engine, "alice", group).code == "blocked_member"


def test_invite_only_your_followers(engine_factory: EngineFactory, graph: MemoryGraph) -> None:
    engine = engine_factory()
    graph.follow("carol", "alice")
    ok = engine.check_invite(InviteRequest("alice", ("carol",), "c1", ("alice", "bob")))
    assert ok.allowed
    refused = engine.check_invite(InviteRequest("alice", ("dave",), "c1", ("alice", "bob")))
    assert (refused.verdict, refused.code) == (Verdict.REJECT, "invitee_not_follower")


def test_other_members_may_invite_their_own_followers(
    engine_factory: EngineFactory, graph: MemoryGraph
) -> None:
    engine = engine_factory()
    graph.follow("dave", "bob")  # dave follows bob, not alice
    decision = engine.check_invite(InviteRequest("bob", ("dave",), "c1", ("alice", "bob")))
    assert decision.allowed
    # ...but not someone else's follower.
    graph.follow("erin", "alice")
    assert engine.check_invite(
        InviteRequest("bob", ("erin",), "c1", ("alice", "bob"))
    ).code == "invitee_not_follower"


def test_someone_blocked_by_any_member_cannot_be_invited(
    engine_factory: EngineFactory, graph: MemoryGraph
) -> None:
    engine = engine_factory()
    graph.follow("mallory", "alice")
    members = ("alice", "bob", "carol")
    assert engine.check_invite(InviteRequest("alice", ("mallory",), "c1", members)).allowed
    graph.block("carol", "mallory")  # carol is not the inviter
    refused = engine.check_invite(InviteRequest("alice", ("mallory",), "c1", members))
    assert (refused.verdict, refused.code) == (Verdict.REJECT, "invitee_blocked")


def test_newcomers_who_block_each_other_or_a_member_cannot_be_invited_together(
    engine_factory: EngineFactory, graph: MemoryGraph
) -> None:
    """"Nobody blocked by a member" holds once the invitees are members too: a new group of
    carol and mallory, carol blocking mallory, is refused (as a message to both is), and so
    is a newcomer who blocks a member; each alone is welcome."""
    engine = engine_factory()
    for person in ("carol", "mallory", "dave"):
        graph.follow(person, "alice")
    graph.block("carol", "mallory")
    new_group = engine.check_invite(InviteRequest("alice", ("carol", "mallory"), "g1"))
    assert (new_group.verdict, new_group.code) == (Verdict.REJECT, "invitee_blocked")
    assert engine.check_invite(InviteRequest("alice", ("carol", "dave"), "g1")).allowed
    assert engine.check_invite(InviteRequest("alice", ("mallory", "dave"), "g1")).allowed
    # the sending path agrees: one message to both is a new group with a block in it
    assert engine.check(SendRequest("alice", ("carol", "mallory"), "hello both")).code == (
        "blocked_member")
    # a newcomer who blocks a member already in the conversation
    graph.block("dave", "bob")
    refused = engine.check_invite(InviteRequest("alice", ("dave",), "g2", ("alice", "bob")))
    assert refused.code == "invitee_blocked"
    # the same newcomer where nobody they block is a member
    assert engine.check_invite(InviteRequest("alice", ("dave",), "g3", ("alice",))).allowed


def test_the_21st_member_cannot_be_invited(engine_factory: EngineFactory, graph: MemoryGraph) -> None:
    engine = engine_factory()
    members = tuple(["alice", *FRIENDS[:19]])  # 20 people already
    graph.follow("newcomer", "alice")
    refused = engine.check_invite(InviteRequest("alice", ("newcomer",), "c1", members))
    assert (refused.verdict, refused.code) == (Verdict.REJECT, "group_too_large")
    assert engine.check_invite(InviteRequest("alice", ("newcomer",), "c1", members[:19])).allowed


def test_only_members_invite(engine_factory: EngineFactory, graph: MemoryGraph) -> None:
    engine = engine_factory()
    graph.follow("carol", "zed")
    refused = engine.check_invite(InviteRequest("zed", ("carol",), "c1", ("alice", "bob")))
    assert refused.code == "not_a_member"


def test_messages_inside_a_conversation_skip_the_follow_check(
    engine_factory: EngineFactory, graph: MemoryGraph
) -> None:
    engine = engine_factory()
    # dave was invited by bob, so dave does not follow alice: in the group that is fine.
    assert send(engine, "alice", ("bob", "dave"), conversation="c1").allowed
    assert send(engine, "alice", ("bob", "dave")).code == "not_follower"


# -- the daily quota ----------------------------------------------------------


def test_the_1001st_message_of_a_day_is_refused(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _hank_follows_back(followed)
    for i in range(1000):
        decision = send(engine, "hank", FRIENDS[i % 40], f"update number {i}")
        assert decision.allowed, (i, decision)
        clock.advance(30)  # 1,000 sends spread over 8h20m
    assert decision.quota is not None and decision.quota.remaining == 0
    refused = send(engine, "hank", FRIENDS[0], "one more")
    assert (refused.verdict, refused.code) == (Verdict.THROTTLE, "quota_exceeded")
    assert refused.retry_after is not None and refused.retry_after > 0
    assert refused.quota is not None and refused.quota.limit == 1000


def test_capacity_returns_exactly_when_the_refusal_says(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _hank_follows_back(followed)
    clock.advance(437)  # not on a bucket boundary
    for i in range(1000):
        send(engine, "hank", FRIENDS[i % 40], f"update number {i}")
    refused = send(engine, "hank", FRIENDS[0], "one more")
    assert refused.retry_after is not None
    # Rolling window: nothing returns before a whole day has passed...
    assert refused.retry_after >= 86400
    assert refused.retry_after <= 86400 + 900  # ...and at most one 15-minute bucket late
    clock.advance(refused.retry_after - 1)
    assert send(engine, "hank", FRIENDS[0], "still too early").code == "quota_exceeded"
    clock.advance(1)
    assert send(engine, "hank", FRIENDS[0], "back again").allowed


def test_the_window_rolls_rather_than_resetting_at_midnight(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _hank_follows_back(followed)
    for i in range(500):  # 500 in the morning
        send(engine, "hank", FRIENDS[i % 40], f"morning {i}")
    clock.advance(12 * 3600)
    for i in range(500):  # 500 twelve hours later
        assert send(engine, "hank", FRIENDS[i % 40], f"evening {i}").allowed
    clock.advance(11 * 3600)  # 23h after the first batch: all 1,000 still count
    assert send(engine, "hank", FRIENDS[0], "late").code == "quota_exceeded"
    clock.advance(3600 + 900)  # the morning batch has left the window
    for i in range(500):
        assert send(engine, "hank", FRIENDS[i % 40], f"next day {i}").allowed
    assert send(engine, "hank", FRIENDS[0], "too many").code == "quota_exceeded"


# -- duplicates and the 30-minute cooldown ----------------------------------


def _campaign(engine, sender: str, count: int, clock: VirtualClock, start: int = 0):
    decisions = []
    for i in range(start, start + count):
        clock.advance(20)
        text = SPAM.format(100 + i * 7, f"0906170{1400 + i}")
        decisions.append(send(engine, sender, FRIENDS[i], text))
    return decisions


def test_the_same_text_to_a_fifth_account_starts_the_cooldown(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    decisions = _campaign(engine, "sam", 5, clock)
    assert all(d.allowed for d in decisions[:4])
    fifth = decisions[4]
    assert (fifth.verdict, fifth.code) == (Verdict.COOLDOWN, "duplicate_content")
    assert fifth.reasons[0].retry_after == 1800
    # The copies carry a phone number: a 5th stranger sent one within the day waits for
    # the day to roll as well (links_to_strangers); the cooldown itself is 30 minutes.
    # strangers_daily: 4 strangers were sent one, so nobody new at all within the day.
    assert {r.rule: r.retry_after for r in fifth.reasons[1:]} == {
        "links_to_strangers": pytest.approx(86400 - 4 * 20),
        "strangers_daily": pytest.approx(86400 - 4 * 20)}


def test_each_attempt_during_the_wait_restarts_it(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _campaign(engine, "sam", 5, clock)
    clock.advance(29 * 60)
    # (to someone it wrote to: a new stranger would also wait for the day, strangers_daily)
    retry = send(engine, "sam", FRIENDS[0], "an innocent question about tomorrow")
    assert (retry.verdict, retry.code) == (Verdict.COOLDOWN, "cooldown_active")
    assert retry.retry_after == 1800  # restarted: a full 30 minutes from this attempt
    clock.advance(29 * 60)  # 58 minutes after the spam, 29 after the last attempt
    assert send(engine, "sam", FRIENDS[30], "hello?").code == "cooldown_active"
    clock.advance(30 * 60)  # 30 minutes without any attempt
    # (to someone it wrote to: 4 strangers sent a number, nobody new within the day)
    assert send(engine, "sam", FRIENDS[0], "sorry about that").allowed


def test_any_attempt_restarts_the_wait_even_one_refused_for_another_reason(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _campaign(engine, "sam", 5, clock)
    clock.advance(20 * 60)
    attempt = send(engine, "sam", "stranger", "x" * 200)  # not a follower, too long
    assert attempt.verdict is Verdict.COOLDOWN
    clock.advance(20 * 60)  # 40 minutes after the spam, 20 after the attempt
    assert send(engine, "sam", FRIENDS[30], "hello?").code == "cooldown_active"


def test_the_wait_lifts_after_30_minutes_without_attempts(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _campaign(engine, "sam", 5, clock)
    clock.advance(30 * 60)  # exactly 30 minutes, no attempt in between
    assert send(engine, "sam", FRIENDS[0], "completely different words here").allowed
    # someone new is not: the copies gave 4 strangers a number (strangers_daily)
    new = send(engine, "sam", FRIENDS[30], "completely different words here")
    assert (new.verdict, new.code, new.reasons[0].rule) == (
        Verdict.THROTTLE, "links_to_strangers", "strangers_daily")


def test_one_second_before_the_30_minutes_the_wait_still_holds(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _campaign(engine, "sam", 5, clock)
    clock.advance(30 * 60 - 1)
    assert send(engine, "sam", FRIENDS[30], "completely different words here").code == (
        "cooldown_active"
    )


def test_the_campaign_stays_blocked_after_the_wait(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _campaign(engine, "sam", 5, clock)
    clock.advance(31 * 60)
    again = _campaign(engine, "sam", 1, clock, start=10)[0]
    assert again.code == "duplicate_content"


@pytest.mark.parametrize(
    "evade",
    [
        pytest.param(lambda t, i: t.upper() if i % 2 else t.lower(), id="case"),
        pytest.param(lambda t, i: t.replace(" ", "  " if i % 2 else " \t "), id="spacing"),
        pytest.param(lambda t, i: t.replace("o", "\u043e"), id="cyrillic-o"),
        pytest.param(lambda t, i: t.replace("a", "\u0430").replace("e", "\u0435"), id="cyrillic-ae"),
        pytest.param(lambda t, i: "\u200b".join(t[j : j + 3] for j in range(0, len(t), 3)),
                     id="zero-width"),
        pytest.param(lambda t, i: t.replace("Call", "Cal1" if i % 2 else "CALL"), id="spelling"),
        pytest.param(lambda t, i: "\uff23" + t[1:], id="full-width"),
    ],
)
def test_evasions_are_still_caught(
    engine_factory: EngineFactory, followed, clock: VirtualClock, evade
) -> None:
    engine = engine_factory()
    verdicts = []
    for i in range(5):
        clock.advance(20)
        text = evade(SPAM.format(100 + i * 50, f"0906170{1000 + i * 17}"), i)
        verdicts.append(send(engine, "sam", FRIENDS[i], text[:140]).code)
    assert verdicts == [None, None, None, None, "duplicate_content"]


def test_short_common_replies_to_several_friends_are_not_spam(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    # Replies: each friend wrote first (a short text to people who never wrote to the
    # sender is the next test's).
    for friend in FRIENDS[:12]:
        followed.record_message(friend, "alice")
    engine = engine_factory()
    for text in ("ok", "Happy birthday!!", "thanks :)", "see you soon"):
        for friend in FRIENDS[:12]:
            clock.advance(10)
            assert send(engine, "alice", friend, text).allowed


def test_one_word_openers_to_strangers_are_bounded_and_a_longer_text_is_not(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    """Texts under 8 letters and digits are too short to trace: 4 people who never wrote
    to the sender (and whom it does not follow) get them in a day, whichever words; the
    5th is refused (short_to_strangers), and may have a longer message now."""
    engine = engine_factory()
    for friend, text in zip(FRIENDS[:4], ("hi", "hey u", "hello!", "\U0001f44b"), strict=True):
        clock.advance(60)
        assert send(engine, "alice", friend, text).allowed
    clock.advance(60)
    fifth = send(engine, "alice", FRIENDS[4], "yo")
    assert (fifth.verdict, fifth.reasons[0].rule) == (Verdict.THROTTLE, "short_to_strangers")
    assert "8 letters and digits or more" in fifth.reasons[0].message
    assert 23 * 3600 < fifth.retry_after <= 24 * 3600
    assert send(engine, "alice", FRIENDS[4], "Hi! Loved your photos from the marathon").allowed
    assert send(engine, "alice", FRIENDS[0], "ok").allowed  # someone already reached


def test_different_texts_to_many_people_are_not_spam(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    topics = ["the match tonight", "your new job", "the trip to Lisbon", "grandma's recipe",
              "that book you lent me", "the broken bike", "Saturday's concert", "the exam",
              "your sister's wedding", "the flat viewing"]
    for i, topic in enumerate(topics):
        clock.advance(30)
        assert send(engine, "alice", FRIENDS[i], f"Hey, what did you think about {topic}?").allowed


def test_friends_who_are_followed_back_do_not_count(
    engine_factory: EngineFactory, followed: MemoryGraph, clock: VirtualClock
) -> None:
    engine = engine_factory()
    invite = "We are having a barbecue at our place on Saturday from 4pm, would love to see you"
    for friend in FRIENDS[:10]:
        followed.follow("alice", friend)  # mutual follows: friends, not targets
    for friend in FRIENDS[:10]:
        clock.advance(15)
        assert send(engine, "alice", friend, invite).allowed


def test_people_who_wrote_to_the_sender_do_not_count(
    engine_factory: EngineFactory, followed: MemoryGraph, clock: VirtualClock
) -> None:
    engine = engine_factory()
    text = "Reminder: the book club meets on Thursday at 7, bring chapter five notes please"
    for friend in FRIENDS[:8]:
        followed.record_message(friend, "alice")  # a conversation that goes both ways
    for friend in FRIENDS[:8]:
        clock.advance(15)
        assert send(engine, "alice", friend, text).allowed
    # The same text to strangers who never wrote: the 5th of them trips the rule.
    codes = []
    for friend in FRIENDS[8:13]:
        clock.advance(15)
        codes.append(send(engine, "alice", friend, text).code)
    assert codes == [None, None, None, None, "duplicate_content"]


def test_an_invitation_to_a_few_friends_is_fine(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    text = "Would you like to join our five-a-side football team on Tuesday evenings?"
    for friend in FRIENDS[:4]:
        clock.advance(60)
        assert send(engine, "alice", friend, text).allowed


def test_one_group_conversation_counts_once(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    text = "Don't forget the meeting moves to room 4 tomorrow morning at nine sharp"
    for _ in range(10):
        clock.advance(30)
        assert send(engine, "alice", tuple(FRIENDS[:6]), text, conversation="team").allowed


def test_the_duplicate_trace_expires(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    engine = engine_factory()
    _campaign(engine, "sam", 4, clock)
    clock.advance(6 * 3600 + 1)  # the trace window (6h) has passed
    fifth = _campaign(engine, "sam", 1, clock, start=4)[0]
    # not a duplicate any more; a 5th stranger sent a phone number within the day is the
    # links_to_strangers rule's (a throttle, not the spam cooldown)
    assert [(r.rule, r.verdict) for r in fifth.reasons] == [
        ("links_to_strangers", Verdict.THROTTLE), ("strangers_daily", Verdict.THROTTLE)]
    clock.advance(18 * 3600)  # the first copies leave the rolling day too
    assert _campaign(engine, "sam", 1, clock, start=5)[0].allowed


# -- apps -------------------------------------------------------------------


def test_a_revoked_app_is_blocked_for_that_user_only(
    engine_factory: EngineFactory, followed
) -> None:
    engine = engine_factory()
    engine.revoke_app(user="alice", app="autoposter")
    blocked = send(engine, "alice", FRIENDS[0], app="autoposter")
    assert (blocked.verdict, blocked.code) == (Verdict.APP_BLOCKED, "app_revoked")
    assert send(engine, "alice", FRIENDS[0]).allowed  # first-party: not locked out
    assert send(engine, "alice", FRIENDS[0], app="other_app").allowed
    assert send(engine, "hank", FRIENDS[0], app="autoposter").allowed  # another user
    engine.restore_app(user="alice", app="autoposter")
    assert send(engine, "alice", FRIENDS[0], app="autoposter").allowed


def test_a_message_to_oneself_stops_the_app_not_the_user(
    engine_factory: EngineFactory, followed
) -> None:
    engine = engine_factory()
    selfie = send(engine, "alice", "alice", "check this out", app="autoposter")
    assert (selfie.verdict, selfie.code) == (Verdict.REJECT, "self_message")
    assert send(engine, "alice", FRIENDS[0], app="autoposter").code == "app_revoked"
    assert send(engine, "alice", FRIENDS[0], "it was not me").allowed
    # A first-party self-message is refused but revokes nothing.
    assert send(engine, "hank", "hank", "note to self").code == "self_message"
    assert send(engine, "hank", FRIENDS[0], "hello").allowed


def test_an_app_abused_across_many_users_stands_out(
    engine_factory: EngineFactory, followed
) -> None:
    engine = engine_factory()
    for i in range(4):
        send(engine, f"victim{i}", f"victim{i}", "free followers here", app="shadyapp")
    report = engine.app_report("shadyapp")
    assert report["users_with_self_messages"] == 4 and not report["flagged"]
    send(engine, "victim4", "victim4", "free followers here", app="shadyapp")
    send(engine, "victim4", "victim4", "again", app="shadyapp")  # same user: counted once
    report = engine.app_report("shadyapp")
    assert report["users_with_self_messages"] == 5 and report["flagged"]
    assert engine.app_report("goodapp")["users_with_self_messages"] == 0


# -- shadow mode, forget, reload, async --------------------------------------


def test_shadow_rules_report_but_never_refuse(engine_factory: EngineFactory, followed) -> None:
    engine = engine_factory(rules_file("shadow-quota"))
    assert [send(engine, "alice", FRIENDS[i]).shadow for i in range(2)] == [(), ()]
    third = send(engine, "alice", FRIENDS[2])
    assert third.allowed
    assert [(r.rule, r.code) for r in third.shadow] == [("strict_quota", "quota_exceeded")]
    assert third.quota is not None and third.quota.limit == 1000  # the enforced quota


def test_a_shadow_duplicates_rule_does_not_start_an_enforced_cooldown(
    engine_factory: EngineFactory, followed, clock: VirtualClock
) -> None:
    default = DEFAULT_RULES.read_text()
    rules = default.replace(
        'name = "duplicates"\ncheck = "duplicates"',
        'name = "duplicates"\ncheck = "duplicates"\nmode = "shadow"',
    ).replace(  # the copies carry a phone number: that rule in shadow too
        'name = "links_to_strangers"\ncheck = "strangers"',
        'name = "links_to_strangers"\ncheck = "strangers"\nmode = "shadow"',
    )
    assert rules != default
    engine = engine_factory(rules)
    decisions = _campaign(engine, "sam", 6, clock)
    assert all(d.allowed for d in decisions)
    assert decisions[4].shadow[0].code == "duplicate_content"


def test_forget_user_removes_everything(engine_factory: EngineFactory, followed, clock) -> None:
    engine = engine_factory()
    _campaign(engine, "sam", 5, clock)
    engine.revoke_app(user="sam", app="autoposter")
    assert send(engine, "sam", FRIENDS[20], "hi").code == "cooldown_active"
    engine.forget_user("sam")
    fresh = send(engine, "sam", FRIENDS[20], "hi", app="autoposter")
    assert fresh.allowed
    assert fresh.quota is not None and fresh.quota.remaining == 999


def test_acheck_decides_like_check(engine_factory: EngineFactory, followed, clock) -> None:
    import asyncio

    engine = engine_factory()

    async def run() -> list:
        out = []
        for i in range(5):
            clock.advance(20)
            text = SPAM.format(100 + i, f"0906170{1400 + i}")
            out.append(await engine.acheck(SendRequest("sam", (FRIENDS[i],), text)))
        await engine.aclose()  # the async pools belong to this event loop
        return out

    decisions = asyncio.run(run())
    assert [d.code for d in decisions] == [None, None, None, None, "duplicate_content"]


def test_acheck_counts_a_self_message_per_app(engine_factory: EngineFactory, followed) -> None:
    import asyncio

    engine = engine_factory()

    async def run():
        decision = await engine.acheck(SendRequest("alice", ("alice",), "look", app="autoposter"))
        report = engine.app_report("autoposter")
        await engine.aclose()
        return decision, report

    decision, report = asyncio.run(run())
    assert decision.code == "self_message"
    assert report["users_with_self_messages"] == 1


def test_an_oversized_invitation_asks_the_graph_no_block_questions(clock: VirtualClock) -> None:
    """A review: 1,000 members and 1,000 invitees made a million graph.blocks calls for an
    invitation refused as too large anyway. Blocks are asked within the size limit only."""
    calls = []

    class Counting(MemoryGraph):
        def blocks(self, blocker: str, blocked: str) -> bool:
            calls.append((blocker, blocked))
            return super().blocks(blocker, blocked)

    graph = Counting()
    members = tuple(f"m{i}" for i in range(1000))
    invitees = tuple(f"n{i}" for i in range(1000))
    for person in invitees:
        graph.follow(person, "m0")
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock)
    refused = engine.check_invite(InviteRequest("m0", invitees, "big", members))
    assert refused.code == "group_too_large"
    assert calls == []
    small = engine.check_invite(InviteRequest("m0", invitees[:3], "small", members[:4]))
    assert small.allowed and 0 < len(calls) <= 7 * 7


def test_a_reload_that_gives_a_rule_s_name_to_another_kind_is_refused(tmp_path: Any) -> None:
    """A review: a strangers rule's field read by a reports rule of the same name after a
    reload is a Lua error at each of that sender's decisions (and wrong counts on
    memory://). The reload is refused, naming the rule and the field; the old rules keep
    running; a new name is fine."""
    from policy.errors import RulesError

    before = tmp_path / "before.toml"
    before.write_text('[[rules]]\nname = "x"\ncheck = "strangers"\nlimit = 5\nwindow = "1h"\n')
    swapped = ('[[rules]]\nname = "s"\ncheck = "strangers"\nlimit = 50\nwindow = "1h"\n\n'
               '[[rules]]\nname = "{name}"\ncheck = "reports"\nstrangers = "s"\n'
               'window = "10m"\nmin_reports = 1\nshare = 0.25\nmax_reports = 2\n')
    engine = Engine.from_file(before, storage="memory://", graph=MemoryGraph())
    after = tmp_path / "after.toml"
    after.write_text(swapped.format(name="x"))
    with pytest.raises(RulesError) as refused:
        engine.reload(after)
    assert (refused.value.rule, refused.value.field) == ("x", "check")
    assert "'strangers' to 'reports'" in str(refused.value)
    assert engine.rules.get("x").kind == "strangers"  # the old rules keep running
    after.write_text(swapped.format(name="x_reports"))
    assert engine.reload(after).get("x_reports").kind == "reports"
