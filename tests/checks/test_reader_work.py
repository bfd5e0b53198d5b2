"""A review's slowest inputs for the text readers (a fuzzer aimed at every pattern): each
was quadratic in a run of something, and is now linear or bounded. Asserted as work and
answers, not as time (speed is measured in benchmarks/): what the patterns are given, and
that the answers are those of the short form."""
from __future__ import annotations

import pytest

from policy import normalize as folding
from policy import ways_back as reader
from policy.normalize import normalize_counted, unconfuse
from policy.ways_back import read_contacts

# 290 spaces between an answer and "we": _HERE_PITCHED's spaces on both sides of an optional
# "will" cost the square of the run (6 ms); _POINTED's and _SENT_TO's the same
SPACED = [
    ("repl repl repl repl n we", "x free"),
    ("my name same pic", "x"),
    ("here", "0aaa.fun." * 15),
    ("reply to this and", "we'll send your prize, claim now"),
    ("ring", "0800 123 456"),
]


@pytest.mark.parametrize(("before", "after"), SPACED)
def test_a_run_of_spaces_reads_as_four(before: str, after: str) -> None:
    for run in (" " * 290, "\t \n " * 70, " \u00a0" * 140):
        assert read_contacts(before + run + after) == read_contacts(before + "    " + after)
    assert reader._LONG_SPACE.sub("    ", before + " " * 290 + after) == before + "    " + after


def test_look_alikes_are_read_from_a_words_start_only() -> None:
    """"\\u3316" * 320 is 1,920 katakana after NFKC: tried at each of them, the pattern for
    a word with a Latin letter scanned to the run's end every time (25 ms in normalize)."""
    assert folding._MIXED_WORD.pattern.startswith("(?<!\\w)")
    long_word = "\u30ad" * 2000
    assert [m.group() for m in folding._MIXED_WORD.finditer(long_word + " aж " + long_word)] == ["aж"]
    assert unconfuse("Fɑncγ a drink?") == "Fancy a drink?"
    assert unconfuse("сегодня") == "сегодня"  # a word of another script keeps its letters
    assert normalize_counted("\u3316" * 320)[1] == 1920  # every letter still counted


def test_a_domains_name_is_read_64_characters_back_at_most() -> None:
    """A domain's label has 63 characters at most: "dot" * 107 walked back over every
    earlier letter at each "dot" (1.8 ms)."""
    name = "a" * 63
    assert read_contacts(f"go to {name}.com now") == (True, (f"d:{name}.com",))
    found = read_contacts("x" * 200 + ".com")[1]
    assert found and len(found[0]) <= len("d:") + 64 + len(".com")
