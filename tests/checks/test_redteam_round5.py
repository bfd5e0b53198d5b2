"""Red team, round 5: an outside team's new campaigns (its own rewording, ways back
moved out of the text or written to slip past the reader) against rules/default.toml,
memory://.

What held: a fixed pitch with ordinary texts to people already reached between its
copies (the trace is not flushed); a greeting first, then the pitch with a readable
number (``links_to_strangers`` held the pitch to 4 strangers). What leaked, 20
strangers a day and never refused by a spam rule, each now a test that failed when it
was written:

- a phone number in groups joined by "and then" ("ring 077 and then 814 and then 823
  and then 78");
- links without a dot the reader knew: "winprize dawt com", "t me slash winbot",
  "instagram com/winbot", "w-i-n-p-r-i-z-e.c-o-m", full stops of other scripts
  ("winprize꘎com", "܁", "˙", "᛫");
- the way back on the sender's profile: "link's in my bio", "everything is on my
  profile", "see my pinned post";
- a promotion's words in Canadian syllabics or Cherokee letters ("ᑕᒪᗩIᗰ ᑭᖇIᘔE",
  "Ꮯlaim your Ꮲrize") or cut by slashes and tildes ("c/l/a/i/m", "c~l~a~i~m").

A reviewer then wrote 366 ordinary messages in the new patterns' words and shapes: the
first version read 124 of them ("the bio lab", "my profile pic", "rom com/horror",
"salary net/gross", "it wasn't me/us", "10 and then 12 and then 14", "B.Com / M.Com",
Urdu and Amharic full stops between numbers, "w/in"). The patterns were narrowed: a
pointer to "my" bio, profile or pinned post that ends its clause; "<name> com/x" for a
platform, after a word that points at a link, or with a digit in the path; "t me/x"
not after "n't"; groups joined by "and then" that only rise or fall are a list (but
for a leading 0); the full stops of Urdu, Amharic and Syriac only glued between Latin
letters or digits; a word cut by "/" or "~" into pieces longer than a letter only into
a trade word. 19 of the 366 still read differently, most of them contrived ("ok።me
too", "free~entry").

None of the corpus's 5,574 texts reads differently after these (contacts, contact
tokens, promotions and signatures compared text by text).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.normalize import normalize
from policy.promotion import reads_as_promotion
from policy.ways_back import read_contacts
from tests.conftest import DEFAULT_RULES

T0 = 1_790_000_000.0


@pytest.mark.parametrize(("text", "contacts"), [
    ("ring 077 and then 814 and then 823 and then 78", ("n:07781482378",)),
    ("winprize dawt com", ("d:winprize.com",)),
    ("winprize dought com for the details", ("d:winprize.com",)),
    ("visit winprize com slash claim", ("d:winprize.com",)),
    ("t me slash winbot", ("d:t.me",)),
    ("t dot me slash winbot", ("d:t.me",)),
    ("t . me / winbot", ("d:t.me",)),
    ("wa me/447700900123", ("n:447700900123", "d:wa.me")),
    ("instagram com/winbot", ("d:instagram.com",)),
    ("w-i-n-p-r-i-z-e.c-o-m", ("d:winprize.com",)),
    ("winprize\ua60ecom", ("d:winprize.com",)),
    ("winprize\u0701com", ("d:winprize.com",)),
    ("winprize\u02d9com", ("d:winprize.com",)),
    ("winprize\u16ebcom", ("d:winprize.com",)),
    ("Earn 300 a day from home, details in my bio", ()),
    ("Interested? everything is on my profile", ()),
    ("check the pinned post on my page for the details", ()),
    ("my insta is in my bio", ()),
    ("link's in my bio", ()),
    ("see my pinned post x", ()),
])
def test_the_reader_sees_these_ways_back(text: str, contacts: tuple[str, ...]) -> None:
    assert read_contacts(text) == (True, contacts)


@pytest.mark.parametrize("text", [
    "we met in 2 and then 3 weeks later",
    "guitar slash vocals in the band", "text me/call me later", "and/or", "w/e", "b/c i was late",
    "the a-b-c of it", "see you on my profile pic lol", "my bio teacher is off sick",
    "we need a new profile photo for the team page", "it was pinned to the fridge",
    "come on, dawt be silly", "the com/ms team",
    # a reviewer's ordinary messages that the first version of this round read
    "want to watch a rom com/comedy tonight?", "Is that salary net/gross? they never say",
    "our student org/club is meeting thursday", "it wasn't me/us who left the door open",
    "I left it in the bio lab, can someone grab it before 3?", "did you see my profile pic?",
    "Practice moved to Thursday, see the pinned post for details",
    "I updated the details on my profile, new job!", "tap the profile picture to see the full photo",
    "I posted it on my profile, go look at the sunset!",
    "the scores were 100 and then 200 and then 300 and then 400",
    "classes on the 10 and then 12 and then 14 and then 16 and then 18",
    "B.Com / M.Com grads can apply", "\u0645\u06cc\u0679\u0646\u06af 204\u06d4 10 \u0628\u062c\u06d2",
])
def test_ordinary_texts_are_still_no_way_back(text: str) -> None:
    assert read_contacts(text) == (False, ())


@pytest.mark.parametrize("text", [
    "\u1455\u14aa\u15e9I\u15f0 your \u146d\u1587I\u1614E now",  # ᑕᒪᗩIᗰ your ᑭᖇIᘔE
    "\u13dflaim your \u13e2rize",  # Ꮯlaim your Ꮲrize
    "\uabaflaim your \uabb2rize",  # the same in Cherokee small letters
    "c/l/a/i/m your p/r/i/z/e",
    "c~l~a~i~m your p~r~i~z~e today",
])
def test_a_promotion_in_other_letters_or_cut_by_symbols_reads_as_one(text: str) -> None:
    assert reads_as_promotion(text)


def test_look_alike_letters_of_other_scripts_fold_for_every_reader() -> None:
    assert normalize("\u13dflaim your \u13e2rize") == normalize("claim your prize")
    assert normalize("\u1455\u14aa\u15e9I\u15f0") == normalize("claim")


@pytest.mark.parametrize("text", ["w/e and/or 1/2 price pizza", "and/or the free/cheap option",
                                  "the a/b test won, free pizza for the team",
                                  "great news: the discount code works w/in the app",
                                  "congratulations on your promotion, w/in reach of the top now"])
def test_slashes_of_talk_are_no_promotion(text: str) -> None:
    assert not reads_as_promotion(text)


PITCH = ["u could be making a grand a week from ur sofa",
         "my cousin quit her job, she does 1k weekly from home now",
         "looking for 3 people to join my team, laptop + 2 hrs a day",
         "remote role open, pays weekly, no experience needed",
         "i went from broke to a new car in 3 months, ask me how",
         "side hustle that actually pays, started last spring",
         "want to earn while u sleep? i'll show u the ropes",
         "we're hiring from home, flexible hours, good money"]
SPAM_RULES = {"duplicates", "mass_copies", "contacts", "links_to_strangers",
              "links_to_followed", "spam_cooldown", "spam_strangers_pause"}


@pytest.mark.parametrize("way_back", [
    "ring 077 and then 814 and then 823 and then 78",
    "t me slash winbot22",
    "link's in my bio",
])
def test_the_red_teams_reworded_pitch_is_refused_by_the_5th_stranger(way_back: str) -> None:
    """Its reproducer: a new stranger every 25 minutes, each a different hand-written
    variant of one pitch. 12 were delivered, then only the plain strangers rule refused."""
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock)
    refused_at = None
    for i, pitch in enumerate(PITCH):
        graph.follow(f"t{i}", "spammer")
        decision = engine.check(SendRequest("spammer", (f"t{i}",), f"hey - {pitch}, {way_back}"))
        if not decision.allowed:
            refused_at = i
            assert decision.reasons[0].rule in SPAM_RULES, decision.reasons
            break
        clock.advance(1500)
    assert refused_at is not None and refused_at <= 4, refused_at


_PIECES = ["and", "then", "0", "07", "814", "12", "100", "slash", "dawt", "dought", "com", "net",
           "me", "t", "wa", "/", "~", "-", ".", " ", "my", "the", "bio", "profile", "pinned",
           "post", "link's", "in", "on", "instagram", "visit", "n't", "\u06d4", "\u1362",
           "\ua60e", "\u02d9", "\u13df", "\u1455", "c", "l", "a", "i", "m", "x", "!", "'"]


@given(st.lists(st.sampled_from(_PIECES), max_size=80).map(" ".join)
       | st.lists(st.sampled_from(_PIECES), max_size=120).map("".join))
@settings(max_examples=300, deadline=None)
def test_the_new_patterns_never_raise_and_answer_in_their_form(text: str) -> None:
    contact, tokens = read_contacts(text)
    assert contact in (True, False) and isinstance(tokens, tuple)
    # ("w:": a wallet's address, "12andandandandandandandand" has the form of one)
    assert all(t[:2] in ("n:", "d:", "e:", "h:", "k:", "w:") for t in tokens), tokens
    assert reads_as_promotion(text) in (True, False)
