"""The three checks each blind round's ways back are held to, in its own test file: read
with its key, pointed to (read, with no key: the way back is one click away), and the
ordinary talk a review aimed at the new readings stays talk."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from policy.ways_back import read_contacts

Check = Callable[..., None]


def reading_tests(read: Sequence[tuple[str, str]], pointed: Sequence[str],
                  talk: Sequence[str]) -> tuple[Check, Check, Check]:
    """(test_read, test_pointed, test_talk_stays_talk) over a round's cases."""

    @pytest.mark.parametrize(("text", "key"), read)
    def test_read(text: str, key: str) -> None:
        found, keys = read_contacts(text)
        assert found and key in keys, (text, keys)

    @pytest.mark.parametrize("text", pointed)
    def test_pointed(text: str) -> None:
        assert read_contacts(text)[0], text

    @pytest.mark.parametrize("text", talk)
    def test_talk_stays_talk(text: str) -> None:
        assert not read_contacts(text)[0], text

    return test_read, test_pointed, test_talk_stays_talk
