"""The reader on direct messages of today (tests/data/dm_today.tsv, red team round 7).

Helpers who never saw the reader wrote 550 scams of the 2020s (a: 300 in 15 kinds,
b: 250 in 21) and 400 ordinary messages in the same words (b); a third wrote 400
ordinary messages that use round 7's new words on purpose (c: airdropping photos, a
mentor at work, an inheritance, "are you single?" asked for a cousin). Phone numbers
were rewritten into a fictional range, their format kept. At e9c343c the reader read 380
of the 550 scams (69%), 109 of b's ordinary messages and 40 of c's (most for a price or a
number, which any text to someone who never wrote may carry). The bounds below are
those of round 7 with a little room: a change to the reader that reads fewer scams or
more talk fails here first.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from policy.promotion import reads_as_promotion
from policy.ways_back import read_contacts
from tests.checks.test_redteam_round7 import first_refusal

DATA = Path(__file__).resolve().parents[1] / "data" / "dm_today.tsv"


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, helper, kind, text = line.split("\t", 3)
            rows.append((label, helper, kind, text))
    return rows


ROWS = _rows()


def _read(text: str) -> bool:
    return read_contacts(text)[0] or reads_as_promotion(text)


def test_the_file_holds_what_its_header_says() -> None:
    counts = collections.Counter((label, helper) for label, helper, _, _ in ROWS)
    assert counts == {("spam", "a"): 300, ("spam", "b"): 250, ("campaign", "a"): 120,
                      ("ham", "b"): 400, ("ham", "c"): 400}


def test_three_scams_of_today_in_four_are_read() -> None:
    read = sum(_read(text) for label, _, _, text in ROWS if label == "spam")
    assert read >= 415, read  # 426 of 550 at round 7; 380 before


@pytest.mark.parametrize(("helper", "most"), [("b", 112), ("c", 50)])
def test_ordinary_messages_in_the_same_words_stay_mostly_talk(helper: str, most: int) -> None:
    texts = [text for label, h, _, text in ROWS if label == "ham" and h == helper]
    read = [text for text in texts if _read(text)]
    assert len(read) <= most, len(read)  # b: 109 (109 before); c: 47 (40 before)
    # read as a pitch with no number, link, address or price in it: a handful
    pitches = [text for text in read if not read_contacts(text)[0]]
    assert len(pitches) <= 10, pitches  # b: 3, c: 9


def test_campaigns_in_rotation_are_refused_by_the_5th_stranger() -> None:
    """Each campaign: 12 rewordings of one scam with one way back, one to each stranger
    in turn. The recovery 'hacker' named with "@" ("@x fixed it for me fast. DM him") is
    a key only in the copies with a word of the trade: its 5th copy has none and reaches
    a 5th stranger."""
    campaigns: dict[str, list[str]] = collections.defaultdict(list)
    for label, _, kind, text in ROWS:
        if label == "campaign":
            campaigns[kind].append(text)
    assert len(campaigns) == 10 and all(len(texts) == 12 for texts in campaigns.values())
    reached = {kind: first_refusal(texts) for kind, texts in campaigns.items()}
    assert None not in reached.values(), reached
    assert max(n for n in reached.values() if n is not None) <= 5, reached
    assert sum(n is not None and n <= 4 for n in reached.values()) >= 9, reached
