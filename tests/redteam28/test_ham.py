"""Round 28 (tests/redteam28): ordinary users only, a blind false-positive test. A helper
that read only the README, the rules file and docs/python.md modelled 17 kinds of ordinary
user from the SMS corpus's ham and its own wording: chats both ways, bursts, groups,
invitations to 3 to 34 people, "happy new year" to 20 to 40 friends, a new number to 10 to
40 contacts, memes forwarded, a small business, a marketplace seller, a club organiser, a
coach writing to parents, a new user, people who follow hundreds back.

Blind, seeds 1 / 2 / 3: 1.95%, 1.70% and 1.75% of 2,000 refused by a spam rule; 13 of the
17 kinds never. The others: a club organiser or a coach sending one notice to each member,
one by one, to 5 or more who never wrote and are not followed back (the seed policy's "the
same message to many accounts"; a group conversation is the way), a new user thanking a
5th follower with the same words, a marketplace seller sending its number or price to a
5th commenter; and a club organiser posting in the club's 60-day-old group chat of silent
members (12 users at the three seeds): read since as people the sender follows
(policy/engine.py, ESTABLISHED_CONVERSATION), refused no more. Now 1.75%, 1.50% and 1.55%.
The ceilings below are seed 1 now."""
from __future__ import annotations

import pytest

from tests.redteam27.corpus import CORPUS, available

HAM = 2000
REFUSED_AT_MOST = 35      # of 2,000 at seed 1 (measured)
NEVER_REFUSED = {"casual", "chatty", "group_chat", "inviter", "follow_back_many", "meme_forwarder",
                 "party_invite", "new_year", "heavy", "new_number", "small_business", "busy_canned",
                 "birthday"}


@pytest.fixture(scope="module")
def hams():
    if not available():
        pytest.skip(f"the SMS Spam Collection is absent: {CORPUS}")
    from tests.redteam28.run import measure
    return measure(1, 0, HAM, [])[1]


def test_ordinary_users_refused_at_most_as_measured(hams):
    assert len(hams) == HAM
    refused = [h for h in hams if h.refused]
    assert len(refused) <= REFUSED_AT_MOST, [(h.user, h.kind, h.refused[0]) for h in refused[:5]]


def test_the_kinds_never_refused_stay_so(hams):
    kinds = {h.kind for h in hams}
    assert NEVER_REFUSED <= kinds
    refused = [(h.user, h.kind, h.refused[0]) for h in hams if h.refused and h.kind in NEVER_REFUSED]
    assert not refused, refused[:5]


def test_an_established_group_chat_is_never_refused(hams):
    """The club organiser's post to its 60-day-old group chat of silent members."""
    refused = [(h.user, r) for h in hams for r in h.refused if r[3] == "club group"]
    assert not refused, refused[:5]
