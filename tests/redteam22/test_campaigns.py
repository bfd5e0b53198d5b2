"""Round 22 (tests/redteam22: an independent replica of the adaptive-spam issue's
evaluation, written blind by an outside helper from the public docs and the SMS Spam
Collection: its own generators for every tactic the issue names, its own spinner, its own
ordinary users) on the default rules, seed 1, 20 spam senders a tactic.

Floors at what the rules did when it was written, seed 1, after the confusables fold
(policy/confusables.py): "unfolded" (look-alikes the hand-kept tables missed) went from
50% contained to 100%. The tactics still under the issue's 95% (slow, short, mix, spun at
some seeds, the helper's own lures, hidden ways back and borrowed conversations) are
bounded by the strangers rules: none over 20 strangers a day.
`python -m tests.redteam22.run --seed N` prints the table."""

from __future__ import annotations

import pytest

from policy.rules import load_rules
from tests.redteam22.campaigns import CORPUS, families, load_corpus
from tests.redteam22.ham import run_ham
from tests.redteam22.harness import run_family
from tests.redteam22.run import EXTRAS, RULES_FILE

FLOORS = {
    "folded": 0.95, "personalised": 0.95, "spun": 0.8, "rotating-3": 0.95,
    "rotating-10": 0.95, "rotating-33": 0.95, "rotating-200": 0.95, "groups": 0.95,
    "split": 0.95, "slow": 0.5, "short": 0.1, "mix": 0.75, "lures": 0.0, "hidden": 0.4,
    "borrowed": 0.6, "unfolded": 0.95, "hidden-groups": 0.95, "hidden-groups-srv": 0.5,
}
TACTICS = [(name, make, True) for name, _, make in families()] + [
    (name, make, record) for name, _, make, record in EXTRAS]


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str]]:
    loaded = load_corpus(CORPUS)
    if loaded is None:
        pytest.skip(f"the SMS Spam Collection is not at {CORPUS} (read in place, never copied)")
    return loaded


def test_every_tactic_has_a_floor() -> None:
    assert sorted(FLOORS) == sorted(name for name, _, _ in TACTICS)


@pytest.mark.parametrize(("name", "make", "record"), TACTICS, ids=[t[0] for t in TACTICS])
def test_each_tactic_is_bounded(corpus: tuple[list[str], list[str]], name: str, make: object,
                                record: bool) -> None:
    _, spam = corpus
    run = run_family(make, name, load_rules(RULES_FILE), spam, spammers=20, seed=1,
                     record_invites=record)
    assert run["max"] <= 20, (name, run["max"])  # strangers_daily: 20 a day, whatever the texts
    assert run["contained"] >= FLOORS[name], (name, run["contained"])


def test_its_ordinary_users_stay_under_the_false_positive_target(
        corpus: tuple[list[str], list[str]]) -> None:
    ham, _ = corpus
    result = run_ham(load_rules(RULES_FILE), ham, n_users=1000, seed=1)
    assert result.senders > 900
    assert len(result.flagged) <= 0.005 * result.senders, len(result.flagged)
