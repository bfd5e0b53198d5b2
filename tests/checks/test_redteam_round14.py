"""Red team, round 14: 15 families written to evade the reader it had read
(tests/redteam14/). What the reader now reads, and the ordinary words around them that
stay talk; each positive case failed before its fix."""

from __future__ import annotations

import pytest

from policy.promotion import reads_as_promotion
from policy.ways_back import read_contacts


@pytest.mark.parametrize(("text", "key"), [
    # payment and game apps
    ("donate through zelle: hartkai thank you", "h:hartkai"),
    ("add ivy_park on steam for the skins", "h:ivy_park"),
    ("add rhea_reed on roblox", "h:rhea_reed"),
    # a cashtag after the app
    ("pay me on cash app $miralux", "h:miralux"),
    ("cashapp: $blessedqueen22", "h:blessedqueen22"),
    # a mail address said with "on"
    ("write to noralux4 on gmail for photos", "e:noralux4@gmail.com"),
])
def test_handles_on_payment_and_game_apps(text: str, key: str) -> None:
    contact, keys = read_contacts(text)
    assert contact and key in keys, keys


@pytest.mark.parametrize("text", [
    "Could you please vote for me in the talent contest? link is in my story",
    "the form is on my latest post!",
])
def test_a_link_in_my_story_or_post(text: str) -> None:
    assert read_contacts(text)[0]


@pytest.mark.parametrize("text", [
    "i filmed you through your webcam, pay or i post it",
    "personal lending here, money in your account today",
    "order booster job, three hundred per day",
    "PayPal F&F only, I'll buy it sight unseen",
    "free PR box, just pay shipping",
    "A warrant has been opened against you. Reply today to settle it",
    # a one-time code asked for
    "you'll get a 6 digit code, just send it here", "please read me the code we texted you",
    "answer the code you got",
])
def test_pitches_of_today(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    "let off some steam lol", "the game is on steam now", "i posted it in my story",
    "my story is funny lol", "i have jury duty tomorrow", "my friends and family are coming",
    "chime in when you can", "the steam room at 5pm?", "we split it on zelle last time",
    "i bought $TSLA on robinhood", "my mom is on gmail now",
    "Dad please don't give anyone your bank code over the phone",
    "send me the code for the door",
])
def test_talk_stays_talk(text: str) -> None:
    assert not read_contacts(text)[0] and not reads_as_promotion(text)
