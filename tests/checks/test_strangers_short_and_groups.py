"""Two content-agnostic limits of the strangers kind, in the default rules, on every storage:

- ``texts_under`` (``short_to_strangers``): texts too short to trace (under 8 letters and
  digits) reach at most 4 strangers a day; a conversation the sender did not start is
  talk among its members, never counted;
- ``at_once`` (``strangers``): one message to a new group, or to a conversation the
  sender started within the day, reaches at most 4 strangers: a first copy to many at
  once, which the duplicates rules never fire on (a first copy never does).
"""

from __future__ import annotations

import pytest

from policy import MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.decision import Verdict
from policy.errors import RulesError
from policy.rules import load_rules, parse_rules
from tests.conftest import DEFAULT_RULES, EngineFactory

SENDER = "host"


@pytest.fixture
def fans(graph: MemoryGraph) -> list[str]:
    """Followers the sender does not follow back, who never wrote: strangers."""
    people = [f"fan{i:02d}" for i in range(30)]
    for person in people:
        graph.follow(person, SENDER)
    for friend in ("pal1", "pal2", "pal3", "pal4", "pal5"):
        graph.follow(SENDER, friend)
        graph.follow(friend, SENDER)
    return people


def send(engine, to: tuple[str, ...] | str, text: str, conversation: str | None = None):
    to = (to,) if isinstance(to, str) else to
    return engine.check(SendRequest(SENDER, to, text, conversation=conversation))


# -- texts_under --------------------------------------------------------------------


def test_a_5th_stranger_sent_a_text_too_short_to_trace_waits_a_day(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    engine = engine_factory()
    for fan, text in zip(fans[:4], ("hi", "u up?", "hey hun", "\U0001f618"), strict=True):
        clock.advance(300)
        assert send(engine, fan, text).allowed, text
    clock.advance(300)
    fifth = send(engine, fans[4], "sup?")
    assert (fifth.verdict, fifth.code, fifth.reasons[0].rule) == (
        Verdict.THROTTLE, "too_many_strangers", "short_to_strangers")
    # Until the first leaves the day (sent 20 minutes before this one)
    assert 86400 - 1200 - 1 <= fifth.retry_after <= 86400 - 1200 + 1
    assert "8 letters and digits or more" in fifth.reasons[0].message
    # A longer text is traced instead, and admitted; people already reached, and friends,
    # are never refused
    assert send(engine, fans[4], "Hey, loved your photos from the marathon!").allowed
    assert send(engine, "pal1", "ok").allowed
    clock.advance(86400 - 1200 + 2)
    assert send(engine, fans[5], "hi").allowed
    # (a stranger counts from the last text it was sent: "ok" to one of them again keeps it)
    assert send(engine, fans[1], "ok").allowed


def test_short_texts_in_a_conversation_the_sender_did_not_start_are_not_counted(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    """A reviewer's finding of the first version: "lol" to a group chat of 5 people the
    sender does not follow, who never wrote, was refused, and no wait lifted it."""
    engine = engine_factory()
    graph.start_conversation("club", "someone-else", clock.now - 3 * 86400)
    members = tuple(fans[:8])
    for text in ("lol", "ok", "\U0001f44d", "yes!", "haha", "same", "omg", "wow"):
        clock.advance(60)
        assert send(engine, members, text, conversation="club").allowed, text


def test_a_short_nudge_to_someone_already_written_to_is_not_counted(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    """A reviewer's false positive: "?" after a longer message to 5 people who have not
    answered yet. They were reached already (strangers_daily's record): no new contact."""
    engine = engine_factory()
    asks = ["Hi, are you still selling the blue bike from the ad?",
            "Hello! Is the flat on Elm street still free from June?",
            "Could you tell me more about the guitar lessons you offer",
            "Loved your talk at the meetup, do you share the slides anywhere",
            "Is the kitten from your post still looking for a home?",
            "Are the tickets for Saturday's gig still available by any chance"]
    for fan, ask in zip(fans[:6], asks, strict=True):
        clock.advance(300)
        assert send(engine, fan, ask).allowed, ask
    for fan in fans[:6]:
        clock.advance(300)
        assert send(engine, fan, "?").allowed
    # A short text as the first contact is counted, as before: 4 new people a day
    for fan in fans[6:10]:
        assert send(engine, fan, "hi").allowed
    assert send(engine, fans[10], "hi").reasons[0].rule == "short_to_strangers"


def test_a_send_refused_unread_is_not_counted_as_short(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph) -> None:
    """A send an enforced stateless rule refuses (to someone who does not follow the
    sender) is not read: its length is not known, and short_to_strangers says nothing
    of it (a reviewer's finding: it said "messages of under 8 letters" of a long one)."""
    engine = engine_factory()
    for fan, text in zip(fans[:4], ("hi", "yo", "hey", "sup"), strict=True):
        assert send(engine, fan, text).allowed
    refused = send(engine, "nobody-follows", "Hello there, I loved the photos of the lake")
    assert [r.rule for r in refused.reasons] == ["followers_only"]


def test_texts_under_is_validated_and_off_unless_set() -> None:
    rules = parse_rules('[[rules]]\nname = "s"\ncheck = "strangers"\n')
    assert rules.get("s").params.texts_under == 0 and rules.get("s").params.at_once == 0
    for field in ("texts_under", "at_once"):
        with pytest.raises(RulesError) as err:
            parse_rules(f'[[rules]]\nname = "s"\ncheck = "strangers"\n{field} = -1\n')
        assert field in str(err.value) and "'s'" in str(err.value)
    with pytest.raises(RulesError) as err:  # at_once at the limit or over: meaningless
        parse_rules('[[rules]]\nname = "s"\ncheck = "strangers"\nlimit = 4\nat_once = 4\n')
    assert "at_once" in str(err.value)
    for target in ("nope", "s", "links"):  # unknown, itself, a rule of some texts only
        with pytest.raises(RulesError) as err:
            parse_rules('[[rules]]\nname = "links"\ncheck = "strangers"\nwith_contact = true\n\n'
                        '[[rules]]\nname = "s"\ncheck = "strangers"\ntexts_under = 8\n'
                        f'reached_by = "{target}"\n')
        assert "reached_by" in str(err.value), target
    default = load_rules(DEFAULT_RULES)
    assert default.get("short_to_strangers").params.reached_by == "strangers_daily"
    assert default.get("short_to_strangers").params.texts_under == 8
    assert default.get("strangers").params.at_once == 4


# -- at_once --------------------------------------------------------------------------


def test_a_new_group_of_more_than_4_strangers_is_refused_whatever_the_text(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    engine = engine_factory()
    text = "Hello everyone, welcome to the group, glad to have you all here"
    refused = send(engine, tuple(fans[:5]), text)
    assert (refused.verdict, refused.code, refused.reasons[0].rule) == (
        Verdict.THROTTLE, "too_many_strangers", "strangers")
    assert refused.retry_after is None  # waiting won't do: fewer people will
    assert "4 in a new group" in refused.reasons[0].message
    # 4 strangers and friends: admitted (friends are never counted)
    assert send(engine, (*fans[:4], "pal1", "pal2", "pal3"), text).allowed


def test_a_conversation_the_sender_started_counts_each_member_at_once(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    """The invited campaign: a conversation of its own, its strangers invited first, then
    the text. Started by the sender within the day: a new group by another door."""
    engine = engine_factory()
    graph.start_conversation("mine", SENDER, clock.now)
    assert not send(engine, tuple(fans[:6]), "hey all, what's up", conversation="mine").allowed
    # Someone else's conversation, or one the sender started days ago: its members are
    # bounded by the plain limits only (12 strangers in 6 hours)
    graph.start_conversation("theirs", "someone-else", clock.now)
    assert send(engine, tuple(fans[:6]), "hey all, what's up", conversation="theirs").allowed
    graph.start_conversation("old", SENDER, clock.now - 3 * 86400)
    assert send(engine, tuple(fans[6:12]), "hey all, what's up", conversation="old").allowed


def test_a_group_campaign_of_4_strangers_a_group_is_contained_by_the_duplicates_rule(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    """The attacker reads at_once and sends to new groups of 4: each stranger of a new
    group counts for the duplicates rule, so its second group is refused, 4 reached."""
    engine = engine_factory()
    text = "Hi all, I am new here and would love to hear what you think of my new page"
    assert send(engine, tuple(fans[:4]), text).allowed
    clock.advance(60)
    second = send(engine, tuple(fans[4:8]), text)
    assert (second.code, second.reasons[0].rule) == ("duplicate_content", "duplicates")


# -- an established group --------------------------------------------------------------


def test_an_established_groups_silent_members_count_as_people_followed(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    """A blind ham round's club organiser: a group chat started 60 days ago, 19 members
    of whom most never wrote and are not followed back. Its fixtures with a link were
    refused (links_to_strangers: 4 strangers a day sent a way back); a week-old
    conversation's silent members count as people followed (links_to_followed's 15)."""
    engine = engine_factory()
    members = (*fans[:14], "pal1", "pal2", "pal3", "pal4", "pal5")
    for pal in members[14:]:
        graph.record_message(pal, SENDER)  # the friends among them have posted
    text = "Hi all, fixtures for next month are up at clubsite.org/fixtures"
    graph.start_conversation("club", SENDER, clock.now - 60 * 86400)
    assert send(engine, members, text, conversation="club").allowed
    # 3 days old: its members who never wrote are strangers still
    graph.start_conversation("newer", SENDER, clock.now - 3 * 86400)
    refused = send(engine, tuple(fans[14:20]), text, conversation="newer")
    assert not refused.allowed
    assert "links_to_strangers" in {r.rule for r in refused.reasons}


def test_aged_groups_of_strangers_reach_at_most_fanout_a_day(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    """An attacker's answer: groups of 19 strangers made a week ahead, one text in each.
    Their members count for the rules on people followed: 30 a day (fanout), 15 of
    them sent a way back (links_to_followed)."""
    engine = engine_factory()
    groups = [tuple(f"g{g}m{m:02d}" for m in range(19)) for g in range(10)]
    for g, members in enumerate(groups):
        for person in members:
            graph.follow(person, SENDER)
        graph.start_conversation(f"aged{g}", SENDER, clock.now - 8 * 86400)
    reached: set[str] = set()
    for g, members in enumerate(groups):
        text = f"so bored tonight, anyone around? group {g}"
        if send(engine, members, text, conversation=f"aged{g}").allowed:
            reached.update(members)
        clock.advance(600)
    assert 0 < len(reached) <= 30
    linked: set[str] = set()
    clock.advance(86400)
    for g, members in enumerate(groups):
        if send(engine, members, f"pics at hotpics{g}.club x", conversation=f"aged{g}").allowed:
            linked.update(members)
        clock.advance(600)
    assert len(linked) <= 15


# -- a friend's new group ---------------------------------------------------------------


def _friends_group(graph: MemoryGraph, starter: str, members: tuple[str, ...], *,
                   wrote: bool) -> None:
    """Members the starter follows (and who follow it: it invited them), and wrote to."""
    for person in members:
        graph.follow(starter, person)
        graph.follow(person, starter)
        if wrote:
            graph.record_message(starter, person)


def test_a_friends_new_groups_members_count_as_people_followed(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    """A blind round's party (round 37): a friend started a group an hour ago with 11 of
    their friends, whom the sender does not follow and who have not written yet. The
    sender's post with a price and a link was refused (links_to_strangers: 11 strangers
    sent a way back); members the starter follows and wrote to are friends of a friend,
    counted as people the sender follows (links_to_followed's 15, fanout's 30)."""
    engine = engine_factory()
    guests = tuple(f"guest{i:02d}" for i in range(11))
    _friends_group(graph, "pal1", guests, wrote=True)
    graph.start_conversation("party", "pal1", clock.now - 3600)
    text = "tickets are 12 quid each, pay me at paypal.me/hostx"
    assert send(engine, (*guests, "pal1"), text, conversation="party").allowed
    # Members the starter follows but never wrote to: strangers still (a second account
    # that follows targets and invites them is no friend to them)
    followed_only = tuple(f"target{i:02d}" for i in range(6))
    _friends_group(graph, "pal2", followed_only, wrote=False)
    graph.start_conversation("lent", "pal2", clock.now)
    refused = send(engine, followed_only, text, conversation="lent")
    assert not refused.allowed
    assert "links_to_strangers" in {r.rule for r in refused.reasons}
    # Members the sender itself invited into another's conversation: strangers
    # (round 22's borrowed groups)
    graph.start_conversation("borrowed", "someone-else", clock.now)
    refused = send(engine, tuple(fans[:6]), text, conversation="borrowed")
    assert not refused.allowed
    assert "links_to_strangers" in {r.rule for r in refused.reasons}


def test_friends_groups_reach_at_most_links_to_followed_with_a_way_back(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    """An attacker's answer: a second account follows and greets its targets, starts a
    group of them, and the spammer posts its way back: the rules on people followed
    hold it, 15 a day sent a way back."""
    engine = engine_factory()
    graph.follow("accomplice", SENDER)
    graph.follow(SENDER, "accomplice")
    linked: set[str] = set()
    for g in range(6):
        members = tuple(f"h{g}m{m:02d}" for m in range(8))
        _friends_group(graph, "accomplice", members, wrote=True)
        graph.start_conversation(f"hosted{g}", "accomplice", clock.now)
        if send(engine, members, f"pics at hotpics{g}.club x", conversation=f"hosted{g}").allowed:
            linked.update(members)
        clock.advance(600)
    assert 0 < len(linked) <= 15


def test_members_a_friend_invited_into_the_senders_own_new_group_are_not_strangers(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    """A blind round's host (round 38): its party group grew as members invited their own
    friends, 5 or more people the host does not follow and who never wrote to it; its next
    message to its own group was refused (at_once). Members a friend of the sender's there
    follows and wrote to are friends of a friend; members nobody there wrote to are not."""
    engine = engine_factory()
    their_friends = tuple(f"plus{i}" for i in range(6))
    _friends_group(graph, "pal1", their_friends, wrote=True)
    graph.start_conversation("party", SENDER, clock.now - 1800)
    members = ("pal1", "pal2", *their_friends)
    assert send(engine, members, "U GOIN OUT 2NITE?", conversation="party").allowed
    # the same with the friends' friends never written to: 6 strangers at once
    unknown = tuple(f"walkin{i}" for i in range(6))
    _friends_group(graph, "pal3", unknown, wrote=False)
    graph.start_conversation("party2", SENDER, clock.now - 1800)
    refused = send(engine, ("pal3", *unknown), "U GOIN OUT 2NITE?", conversation="party2")
    assert (refused.allowed, refused.code) == (False, "too_many_strangers")


def test_a_friend_among_the_members_vouches_in_someone_elses_group(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    """A late joiner in a group another started: members whom a friend of the sender's in
    it follows and wrote to are friends of a friend, whoever started it."""
    engine = engine_factory()
    their_friends = tuple(f"crew{i}" for i in range(8))
    _friends_group(graph, "pal4", their_friends, wrote=True)
    graph.start_conversation("trip", "someone-else", clock.now - 7200)
    text = "minibus is 40 quid a head, pay me at paypal.me/hostx"
    assert send(engine, ("pal4", *their_friends), text, conversation="trip").allowed


def test_the_starter_vouches_whoever_it_is_to_the_sender(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    """The starter let the sender in: the members it follows and wrote to are friends of a
    friend even when the sender does not follow it and it is not among the recipients."""
    engine = engine_factory()
    neighbours = tuple(f"neighbour{i}" for i in range(8))
    _friends_group(graph, "organiser", neighbours, wrote=True)
    graph.start_conversation("street", "organiser", clock.now - 600)
    text = "skip hire is 15 quid each, pay me at paypal.me/hostx"
    assert send(engine, neighbours, text, conversation="street").allowed
