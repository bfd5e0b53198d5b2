"""``dm-policy simulate``: deterministic, valid, in time order, with the behaviours it promises."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from policy.backtest.events import GraphEvent, SendEvent, dump_event, read_events, text_sha256
from policy.backtest.simulate import (
    MAX_CHARS,
    CorpusError,
    SimConfig,
    clip,
    evade,
    load_corpus,
    simulate,
)
from policy.cli import main
from policy.fingerprint import signature, similarity
from policy.normalize import normalize

SMALL = SimConfig(seed=7, senders=60, hours=6)


def lines(config: SimConfig = SMALL, corpus=None) -> list[str]:
    return [dump_event(e) for e in simulate(config, corpus)]


def test_same_seed_same_events_other_seed_other_events() -> None:
    first = lines()
    assert first == lines()
    other = lines(SimConfig(seed=8, senders=60, hours=6))
    assert first != other


def test_cli_output_is_byte_identical_for_a_seed(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    args = ["simulate", "--seed", "3", "--senders", "40", "--hours", "3"]
    assert main([*args, "-o", str(a)]) == 0
    assert main([*args, "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert len(a.read_bytes().splitlines()) > 50


def test_every_event_reads_back_in_time_order_graph_first() -> None:
    events = list(read_events(lines()))
    assert [e.to_dict() for e in events] == [e.to_dict() for e in simulate(SMALL)]
    times = [e.t for e in events]
    assert times == sorted(times)
    first_send = next(i for i, e in enumerate(events) if isinstance(e, SendEvent))
    assert all(not isinstance(e, GraphEvent) for e in events[first_send:])
    assert all(len(e.text or "") <= MAX_CHARS for e in events if isinstance(e, SendEvent))


def test_the_behaviours_are_all_there() -> None:
    events = list(simulate(SimConfig(seed=2, senders=200, hours=12, compromised_share=0.05)))
    sends = [e for e in events if isinstance(e, SendEvent)]
    tags = {e.tag for e in sends}
    assert {"conversation", "burst", "phrase", "invitation", "campaign",
            "compromised_app"} <= tags
    assert any(e.to_dict()["type"] == "invite" for e in events)
    # Conversations go both ways.
    pairs = {(e.sender, e.recipients[0]) for e in sends if len(e.recipients) == 1}
    assert sum(1 for a, b in pairs if (b, a) in pairs) > 20
    # A campaign varies its text per recipient, but stays one text once normalised.
    by_spammer: dict[str, list[str]] = defaultdict(list)
    for e in sends:
        if e.tag == "campaign":
            by_spammer[e.sender].append(e.text or "")
    texts = max(by_spammer.values(), key=len)
    assert len(set(texts)) > len(texts) // 2
    # Compromised apps post for their user: first to the user themself.
    compromised = [e for e in sends if e.tag == "compromised_app"]
    assert any(e.recipients == (e.sender,) and e.app for e in compromised)
    assert {e.label for e in sends} == {"ham", "spam"}


def test_text_hashes_mode_writes_the_hash_of_the_same_text() -> None:
    plain = [e for e in simulate(SMALL) if isinstance(e, SendEvent)]
    hashed = [e for e in simulate(SimConfig(seed=7, senders=60, hours=6, text_hashes=True))
              if isinstance(e, SendEvent)]
    assert len(plain) == len(hashed)
    for p, h in zip(plain, hashed, strict=True):
        assert h.text is None
        assert h.text_sha256 == text_sha256(p.text or "")
        assert "text" not in h.to_dict()


@pytest.mark.parametrize("seed", range(5))
def test_evasions_change_the_text_not_its_fingerprint(seed: int) -> None:
    rng = random.Random(seed)
    base = "Congratulations! You have won a 500 prize. Call 09061234567 now to claim it"
    for _ in range(20):
        variant = evade(base, rng)
        assert variant != base
        assert len(variant) <= MAX_CHARS
        assert similarity(signature(base), signature(variant)) >= 0.6


def test_clip_cuts_at_a_word_boundary() -> None:
    text = "word " * 40
    cut = clip(text)
    assert len(cut) <= MAX_CHARS and cut.endswith("word")
    assert clip("short text") == "short text"


def test_bad_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--senders", "3"]) == 2
    assert "senders" in capsys.readouterr().err
    with pytest.raises(ValueError, match="hours"):
        SimConfig(hours=0)


def test_a_bad_corpus_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CorpusError, match="cannot read"):
        load_corpus(tmp_path / "absent.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("label,text\nham,hello\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="first line"):
        load_corpus(bad)
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("Label\tSMS\nmaybe\thello there\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2"):
        load_corpus(wrong)
    assert main(["simulate", "--corpus", str(bad)]) == 2
    assert "first line" in capsys.readouterr().err


def test_a_small_made_up_corpus_is_used(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.tsv"
    ham = ["see you at the station at five", "thanks for the cake, it was lovely"]
    spam = ["You won a voucher worth 200, reply WIN to 80000 to claim it today"]
    corpus.write_text("Label\tSMS\n" + "".join(f"ham\t{t}\n" for t in ham)
                      + "".join(f"spam\t{t}\n" for t in spam), encoding="utf-8")
    sends = [e for e in simulate(SimConfig(seed=1, senders=40, hours=6), load_corpus(corpus))
             if isinstance(e, SendEvent)]
    assert {e.text for e in sends if e.label == "ham"} <= set(ham)
    # spaces out first: a word cut in two ("yo u", "4 nna") is the word
    spam_norm = {normalize((e.text or "").replace(" ", "")) for e in sends if e.tag == "campaign"}
    assert spam_norm and all("wonavoucher" in t for t in spam_norm)


@pytest.mark.corpus
def test_the_real_corpus_gives_real_texts(corpus_path: Path) -> None:
    corpus = load_corpus(corpus_path)
    assert len(corpus.ham) > 4000 and len(corpus.spam) > 700
    ham = {clip(t) for t in corpus.ham}
    sends = [e for e in simulate(SimConfig(seed=1, senders=60, hours=6), corpus)
             if isinstance(e, SendEvent) and e.tag == "conversation"]
    assert sends and all(e.text in ham for e in sends)
