"""The adversary harness (``policy/backtest/adversary.py``): its tactics do what they claim,
its spam senders obey every refusal, and on today's default rules it measures the known
weaknesses. The detector targets are not asserted here (today's rule misses them).
"""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from policy import Engine
from policy.backtest.adversary import (
    ADVERSARIES,
    CONTACT_TACTICS,
    FOLLOW_TACTICS,
    HOMOGLYPHS,
    HOSTED_TACTICS,
    TACTICS,
    UNREAD_FORMS,
    Limits,
    RunConfig,
    Spammer,
    ham_events,
    read_limits,
    run_tactic,
    salad_words,
    spin,
    split_message,
    tactic_plan,
    targets_met,
    text_chars,
)
from policy.backtest.simulate import Corpus, load_corpus
from policy.cli import main
from policy.decision import Decision, Verdict
from policy.fingerprint import signature, similarity
from policy.normalize import normalize
from policy.rules import Mode, RuleSet, load_rules, parse_rules
from policy.ways_back import read_contacts
from tests.conftest import DEFAULT_RULES, rules_file

pytestmark = pytest.mark.corpus

# Thresholds unlike the defaults: the tactics must follow the file, not remember 5/32/6h.
OTHER_RULES = """
version = "other"
[[rules]]
name = "cool"
check = "cooldown"
duration = "10m"
triggered_by = ["dups"]
[[rules]]
name = "text"
check = "text_length"
max_chars = 120
[[rules]]
name = "followers_only"
check = "follows"
[[rules]]
name = "group"
check = "group"
max_people = 8
[[rules]]
name = "dups"
check = "duplicates"
recipients = 3
window = "2h"
max_texts = 10
min_chars = 20
[[rules]]
name = "quota"
check = "quota"
limit = "100/hour"
"""


@pytest.fixture(scope="module")
def corpus(corpus_path: Path) -> Corpus:
    return load_corpus(corpus_path)


@pytest.fixture(scope="module")
def corpus_path() -> Path:  # module-scoped twin of conftest's fixture
    from tests.conftest import CORPUS

    if not CORPUS.exists():
        pytest.skip(f"the SMS Spam Collection is absent ({CORPUS}); it lives in ../shared/data")
    return CORPUS


@pytest.fixture(scope="module")
def default_rules() -> RuleSet:
    return load_rules(DEFAULT_RULES)


# The tactics the README's "before" table was measured with (the others came after it).
BEFORE_TACTICS = ("folded", "personalised", "spun", "rotating", "groups", "split", "slow",
                  "short")
NEW_TACTICS = (*CONTACT_TACTICS, "conversation")


def spammer(tactic: str, corpus: Corpus, limits: Limits, *, k: int = 40, seed: int = 3) -> Spammer:
    targets = [f"t{i}" for i in range(500)]
    return Spammer("s", tactic_plan(tactic, k=k), targets, corpus.spam, limits,
                   random.Random(seed), {t: "Anna" for t in targets},
                   words=salad_words(corpus.ham))


def attempts(s: Spammer, n: int) -> list[Any]:
    """The next ``n`` attempts, each taken as delivered."""
    out = []
    now = 0.0
    allowed = Decision(verdict=Verdict.ALLOW)
    for _ in range(n):
        planned = s.next_attempt(now)
        assert planned is not None
        now = planned[0]
        out.append(planned[1])
        s.outcome(planned[1], allowed, now)
    return out


# -- (a) the generators ---------------------------------------------------------


def test_limits_are_read_from_the_rules(default_rules: RuleSet) -> None:
    limits = read_limits(default_rules)
    # min_chars: shorter texts are traced too (short_similarity), from 8 letters and
    # digits; similarity: a text with a contact is compared at 0.25
    assert (limits.recipients, limits.window, limits.max_texts, limits.min_chars,
            limits.similarity) == (5, 6 * 3600, 10, 8, 0.25)
    # texts without a contact under 32 count as one only as near copies (0.8)
    assert (limits.plain_min_chars, limits.short_similarity) == (32, 0.8)
    strict = read_limits(load_rules(DEFAULT_RULES.parent / "strict.toml"))
    assert strict.min_chars == 8
    # the tightest "limit per window": the daily strangers rule (short_to_strangers counts
    # only texts under 8 letters and digits: not a limit on the others)
    assert limits.rate == (20, 86400.0) and limits.cooldown == 1800 and limits.max_people == 20
    # texts with a contact: 4 strangers a day (the slow tactic paces those under it)
    assert limits.contact_rate == (4, 86400.0)
    other = read_limits(parse_rules(OTHER_RULES, file="<test>"))
    assert (other.recipients, other.window, other.max_texts, other.min_chars) == (3, 7200, 10, 20)
    assert other.rate == (100, 3600.0) and other.max_chars == 120 and other.max_people == 8


@pytest.mark.parametrize("rules_text", [None, OTHER_RULES])
def test_short_texts_are_all_under_min_chars(corpus: Corpus, default_rules: RuleSet,
                                             rules_text: str | None) -> None:
    rules = default_rules if rules_text is None else parse_rules(rules_text, file="<test>")
    limits = read_limits(rules)
    texts = [a.text for a in attempts(spammer("short", corpus, limits), 100)]
    assert all(0 < text_chars(t) < limits.min_chars for t in texts)
    assert len(set(texts)) > 50  # folded variants, not one string


def test_rotating_uses_k_distinct_templates(corpus: Corpus, default_rules: RuleSet) -> None:
    limits = read_limits(default_rules)
    for k in (2, 7, 40, 200):
        s = spammer("rotating", corpus, limits, k=k)
        assert len(set(s.templates)) == k
        used = {a.template for a in attempts(s, 2 * k)}
        assert used == set(range(k))
    with pytest.raises(ValueError):
        tactic_plan("rotating", k=201)


def test_split_parts_make_the_message(corpus: Corpus, default_rules: RuleSet) -> None:
    text = "Congratulations you have won a prize call now to claim it today"
    for n in (2, 3):
        parts = split_message(text, n)
        assert len(parts) == n and " ".join(parts) == text
    sent = attempts(spammer("split", corpus, read_limits(default_rules)), 30)
    messages: list[list[Any]] = [[]]
    for a in sent:
        messages[-1].append(a)
        if a.last_part:
            messages.append([])
    assert all(2 <= len(m) <= 3 for m in messages[:-1])
    # one recipient's parts (the last list is empty when the 30th attempt ended a message)
    assert all(len({a.recipients for a in m}) == 1 for m in messages if m)


def test_spun_copies_differ_but_share_words(corpus: Corpus) -> None:
    rng = random.Random(5)
    template = next(t for t in corpus.spam if len(t.split()) >= 15)
    copies = [spin(template, rng) for _ in range(20)]
    assert len(set(copies)) == 20
    base = set(template.lower().split())
    for copy in copies:
        words = set(copy.lower().split())
        assert len(words & base) / len(words | base) >= 0.3


def test_personalised_texts_carry_name_and_code(corpus: Corpus, default_rules: RuleSet) -> None:
    for a in attempts(spammer("personalised", corpus, read_limits(default_rules)), 20):
        letters = normalize(a.text.replace(" ", ""))  # folded (and spaced): the name too
        assert "anna" in letters and "ref" in letters and len(a.text) <= 140


@pytest.mark.parametrize("rules_text", [None, OTHER_RULES])
def test_groups_are_new_conversations_within_the_size_limit(
        corpus: Corpus, default_rules: RuleSet, rules_text: str | None) -> None:
    rules = default_rules if rules_text is None else parse_rules(rules_text, file="<test>")
    limits = read_limits(rules)
    sent = attempts(spammer("groups", corpus, limits), 10)
    assert all(2 <= len(a.recipients) <= limits.max_people - 1 for a in sent)
    assert max(len(a.recipients) for a in sent) == limits.max_people - 1


# -- (a') the tactics that carry one fixed contact, and conversations ---------------


def test_new_tactics_are_known_and_mixed(corpus: Corpus) -> None:
    assert set(NEW_TACTICS) <= set(TACTICS) and set(TACTICS) < set(ADVERSARIES)
    from policy.backtest.adversary import mixed_plan

    rng = random.Random(1)
    plans = [mixed_plan(rng) for _ in range(300)]
    for switch in ("salad", "obfuscate", "payload", "homoglyph", "conversation"):
        assert any(getattr(p, switch) for p in plans), switch


def test_unread_copies_carry_neither_a_contact_nor_a_promotion(
        corpus: Corpus, default_rules: RuleSet) -> None:
    """The attacker that read policy/promotion.py: real spam templates, spun, that the
    rules read as talk (a contact or a promotion would count for links_to_strangers)."""
    from policy.backtest.adversary import counted_as_contact

    s = spammer("unread", corpus, read_limits(default_rules), k=40)
    assert len(s.templates) == 40 and len(set(s.templates)) == 40
    texts = [a.text for a in attempts(s, 120)]
    assert len(set(texts)) > 100  # spun: copies differ
    read = [t for t in texts if counted_as_contact(t)]
    assert len(read) <= 3, read  # 20 draws a copy, at most: a rare copy stays read


@pytest.mark.parametrize("seed", [1, 2, 3, 4])  # phone numbers and domains both
def test_salad_copies_are_pairwise_dissimilar_yet_carry_one_contact(
        corpus: Corpus, default_rules: RuleSet, seed: int) -> None:
    limits = read_limits(default_rules)
    s = spammer("salad", corpus, limits, seed=seed)
    assert s.contact is not None
    texts = [a.text for a in attempts(s, 30)]
    sigs = [signature(t) for t in texts]
    keep = limits.max_texts or 32  # what the trace remembers: the attacker needs no more
    worst = max(similarity(a, b) for i, a in enumerate(sigs) for b in sigs[i + 1:i + keep])
    assert worst < limits.similarity, worst  # under the duplicates rule's threshold
    for text in texts:
        assert read_contacts(text)[1] == (s.contact.token,), text  # one contact, every copy
        assert s.contact.plain in text  # in the clear, digits never changed
        assert limits.max_chars * 0.75 < len(text) <= limits.max_chars  # padded


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_obfuscated_contacts_are_read_whichever_way_they_are_written(
        corpus: Corpus, default_rules: RuleSet, seed: int) -> None:
    limits = read_limits(default_rules)
    s = spammer("obfuscated", corpus, limits, seed=seed)
    assert s.contact is not None
    texts = [a.text for a in attempts(s, 60)]
    assert len(set(texts)) == len(texts)  # spun: no two copies alike
    assert set(s.forms) == set(s.contact.forms())  # every way of writing it, at random
    read = {form: [0, 0] for form in s.forms}
    for text, form in zip(texts, s.forms, strict=True):
        assert len(text) <= limits.max_chars
        assert s.contact.plain not in text  # never in the clear
        read[form][0] += s.contact.token in read_contacts(text)[1]
        read[form][1] += 1
    # Spelled out (a digit or two among the words too), keycaps, "DOT", "(.)", letters
    # spaced out: read, but for the odd copy whose folding puts a number word next to it
    # ("t o oh nine ...": the spacing trick split "to", and "o" reads as a zero)
    for form, (hits, copies) in read.items():
        assert hits >= 0.7 * copies, (form, hits, copies, UNREAD_FORMS)


def test_payload_rotates_k_templates_with_one_contact(corpus: Corpus,
                                                      default_rules: RuleSet) -> None:
    limits = read_limits(default_rules)
    alone = copies = 0
    for k in (2, 40, 200):
        s = spammer("payload", corpus, limits, k=k)
        assert len(set(s.templates)) == k and s.contact is not None
        sent = attempts(s, 2 * k)
        assert {a.template for a in sent} == set(range(k))
        read = [read_contacts(a.text)[1] for a in sent]
        assert all(s.contact.token in r for r in read)
        alone += sum(r == (s.contact.token,) for r in read)
        copies += len(read)
    # the templates' own numbers and links were taken out: one contact in nearly every
    # copy (spinning "for" into "4" beside a 4-digit amount makes the odd 5-digit one,
    # "mobile" into "phone" before "500 mins" the odd "n:500"), counted over all 484
    assert alone >= 0.95 * copies, (alone, copies)
    with pytest.raises(ValueError):
        tactic_plan("payload", k=1)


def test_homoglyph_letters_are_not_folded(corpus: Corpus, default_rules: RuleSet) -> None:
    limits = read_limits(default_rules)
    glyphs = set(HOMOGLYPHS.values())
    assert len(glyphs) >= 15
    for glyph in glyphs:  # outside normalize's table, kept by NFKC and case folding
        assert normalize(f"x{glyph}x") == f"x{glyph}x", glyph
    s = spammer("homoglyph", corpus, limits)
    for a in attempts(s, 30):
        letters = [ch for ch in a.text if ch.isalpha()]
        swapped = [ch for ch in letters if ch in glyphs]
        assert 0.29 <= len(swapped) / len(letters) <= 0.41, a.text  # 30 to 40%
        kept = normalize(a.text)
        assert sum(kept.count(g) for g in glyphs) == len(swapped)  # none folded away
        assert read_contacts(a.text)[1] == (s.contact.token,)


@pytest.mark.parametrize("rules_text", [None, OTHER_RULES])
def test_conversation_keeps_one_id_and_swaps_its_members(
        corpus: Corpus, default_rules: RuleSet, rules_text: str | None) -> None:
    rules = default_rules if rules_text is None else parse_rules(rules_text, file="<test>")
    limits = read_limits(rules)
    sent = attempts(spammer("conversation", corpus, limits), 10)
    assert len({a.conversation for a in sent}) == 1 and sent[0].conversation is not None
    size = min(limits.max_people - 1, limits.fanout or limits.max_people)
    assert all(len(a.recipients) == size and a.invitees == a.recipients for a in sent)
    for a, b in pairwise(sent):  # each round, new members only
        assert not set(a.recipients) & set(b.recipients)


# -- (b) the driver obeys -----------------------------------------------------------


def test_spammers_never_try_before_retry_after(corpus: Corpus) -> None:
    rules = parse_rules(OTHER_RULES, file="<test>")
    log: dict[str, list[tuple[float, Decision]]] = defaultdict(list)

    class Recording(Engine):
        def check(self, request: Any) -> Decision:
            decision = super().check(request)
            if request.sender.startswith("spam-"):
                log[request.sender].append((decision.at, decision))
            return decision

    def factory(rules: RuleSet, graph: Any, clock: Any) -> Engine:
        return Recording(rules, storage="memory://", graph=graph, clock=clock)

    for tactic in ("folded", "groups", "rotating"):
        run_tactic(tactic, rules, corpus, RunConfig(spammers=3, hours=3, rotating_k=30),
                   engine_factory=factory)
    waits = 0
    for entries in log.values():
        for (t, decision), (t_next, _) in pairwise(entries):
            if decision.retry_after:
                waits += 1
                assert t_next >= t + decision.retry_after
    assert waits > 10  # cooldowns and quota refusals were met, and obeyed


# -- (c) the detector before and after: what escapes, measured ---------------------------


@pytest.fixture(scope="module")
def before(corpus: Corpus) -> dict[str, dict[str, Any]]:
    """The tactics against the duplicates rule alone, as it was (no strangers rule)."""
    rules = load_rules(rules_file("seed-duplicates-only"))
    config = RunConfig(spammers=4, ham_senders=0, hours=6)
    return {t: run_tactic(t, rules, corpus, config) for t in BEFORE_TACTICS}


def test_folded_was_contained_before(before: dict[str, dict[str, Any]]) -> None:
    row = before["folded"]
    assert row["contained_share"] == 1.0 and row["reached_per_day_max"] <= 4 * 4 * 2
    assert targets_met(row)["contained"]


def test_rotating_short_and_slow_escaped_before(before: dict[str, dict[str, Any]]) -> None:
    for tactic in ("rotating", "short", "slow"):
        row = before[tactic]
        assert row["contained_share"] == 0.0, tactic
        assert row["reached_per_day_mean"] > 50 * 2, tactic
        assert not targets_met(row)["reached_per_day"], tactic
    # Under every threshold: never refused at all.
    assert before["slow"]["refusals"] == {} and before["short"]["refusals"] == {}


def test_slow_follows_other_thresholds(corpus: Corpus) -> None:
    rules = parse_rules(OTHER_RULES, file="<test>")
    row = run_tactic("slow", rules, corpus, RunConfig(spammers=3, ham_senders=0, hours=4))
    assert row["refusals"] == {} and row["delivered"] > 3 * 10


# -- (d) the command ---------------------------------------------------------------------


def test_quality_adversary_prints_every_tactic(corpus_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["quality", "--adversary", "mix", "--corpus", str(corpus_path),
                 "--rules", str(DEFAULT_RULES), "--spammers", "2", "--ham-senders", "30",
                 "--hours", "1"])
    out = capsys.readouterr().out
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("| ") and "tactic" not in line]
    assert [r.split("|")[1].strip() for r in rows] == [*TACTICS, "mix"]


# -- (e) the default rules against every tactic: the targets that hold ------------------


@pytest.fixture(scope="module")
def now_default(corpus: Corpus, default_rules: RuleSet) -> dict[str, dict[str, Any]]:
    """Every tactic (and a mix) on rules/default.toml, a full day, with ordinary users."""
    config = RunConfig(seed=5, spammers=3, ham_senders=300, hours=24)
    ham = ham_events(config, corpus)
    return {t: run_tactic(t, default_rules, corpus, config, ham=ham) for t in ADVERSARIES}


def test_every_tactic_reaches_at_most_50_strangers_a_day(
        now_default: dict[str, dict[str, Any]]) -> None:
    assert set(NEW_TACTICS) <= set(now_default)  # the red team's campaigns too
    rules = load_rules(DEFAULT_RULES)
    fanout = rules.get("fanout").params.limit
    for tactic, row in now_default.items():
        assert targets_met(row)["reached_per_day"], (tactic, row["reached_per_day_mean"])
        if tactic == "followswap":
            # strangers until the strangers rules refuse, then followed, written, unfollowed:
            # both bounds, 50 people who never wrote a day at most
            bound = rules.get("strangers_daily").params.limit + fanout
            assert bound <= 50 and row["reached_per_day_max"] <= bound, row
            continue
        if tactic in HOSTED_TACTICS:
            # an adversary that works (its host's greetings make friends of a friend), held
            # by the fanout rule's bound
            assert row["reached_per_day_mean"] > 4, row
        if tactic in FOLLOW_TACTICS or tactic in HOSTED_TACTICS:
            # Targets the spammer (or the host of its conversations) follows are no
            # strangers: the fanout rule's bound.
            assert row["reached_per_day_max"] <= fanout, (tactic, row["reached_per_day_max"])
            continue
        # the strangers rules' bound, whatever gets past the duplicates rule
        assert row["reached_per_day_max"] <= 20, (tactic, row["reached_per_day_max"])


def test_following_every_target_first_is_bounded(
        now_default: dict[str, dict[str, Any]], corpus: Corpus) -> None:
    """A spammer that follows its targets makes them "friends" to the plain rules: with
    the count_followed rules off, it reaches its quota's worth; with them, one text is
    refused at mass_copies' 15th recipient, rotated texts with a number at
    links_to_followed's 15 a day and the others at fanout's 50."""
    copies, rotating = now_default["followback-copies"], now_default["followback"]
    assert "duplicate_content" in copies["refusals"], copies["refusals"]
    # links_to_followed (the templates' numbers) or fanout (those without one)
    assert {"links_to_strangers", "too_many_strangers"} & set(rotating["refusals"]), rotating
    fanout = load_rules(DEFAULT_RULES).get("fanout").params.limit
    assert rotating["reached_per_day_max"] <= fanout
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    for name in ("mass_copies", "links_to_followed", "fanout"):
        text = text.replace(f'name = "{name}"\n', f'name = "{name}"\nmode = "off"\n')
    without = parse_rules(text, file="<without count_followed>")
    assert all(r.mode is Mode.OFF for r in without.rules
               if r.name in ("mass_copies", "links_to_followed", "fanout"))
    row = run_tactic("followback", without, corpus,
                     RunConfig(seed=5, spammers=2, ham_senders=0, hours=6))
    assert row["reached_per_day_mean"] > 4 * rotating["reached_per_day_max"], row


def test_no_ordinary_sender_is_refused_by_a_spam_rule(
        now_default: dict[str, dict[str, Any]]) -> None:
    assert set(NEW_TACTICS) <= set(now_default)
    for tactic, row in now_default.items():
        assert row["ham_senders"] >= 250, tactic
        assert targets_met(row)["ham_cooled"], (tactic, row["ham_refused_by_spam_rule"])


def test_copies_and_new_groups_are_contained_by_the_5th_stranger(
        now_default: dict[str, dict[str, Any]]) -> None:
    for tactic in ("folded", "groups"):
        assert targets_met(now_default[tactic])["contained"], tactic
    # Personalised and spun copies, and rotated templates: a promotion's words count as a
    # contact (policy/promotion.py), compared at contact_similarity and counted by
    # links_to_strangers; in this small run all are contained (1 of 3 rotating spammers
    # and 2 of 3 spun ones before). The full run's figures: README, docs/spam.md.
    for tactic in ("personalised", "spun", "rotating"):
        row = now_default[tactic]
        assert targets_met(row)["contained"], (tactic, row["contained"], row["refusals"])


def test_a_message_cut_in_parts_is_mostly_contained(corpus: Corpus,
                                                   default_rules: RuleSet) -> None:
    """The parts without the number are short and alike from copy to copy: traced while
    the part with it is (duplicates: Cluster.contact); once 4 strangers got the part with
    the number, a 5th gets no part at all (strangers_daily's lower limit). 60 split
    spammers at seed 5: 53 contained (88%; 44, 73%, before that limit; 36, 60%, before
    the trace remembered a contact); the 95% target is not met (docs/spam.md)."""
    row = run_tactic("split", default_rules, corpus,
                     RunConfig(seed=5, spammers=60, ham_senders=0, hours=24), ham=[])
    assert row["contained_share"] >= 0.85, (row["contained"], row["refusals"])
    assert "duplicate_content" in row["refusals"], row["refusals"]


def test_one_contact_in_the_clear_is_contained_by_the_5th_stranger(
        now_default: dict[str, dict[str, Any]]) -> None:
    # Salad, rotating templates and homoglyphs defeat the text's fingerprint, not the
    # contact the campaign needs its readers to use: the contacts rule contains them. The
    # obfuscated contact is read since the red team's third round, so its copies are
    # compared at the contact similarity and the duplicates rule (before contacts in
    # the file) refuses the same 5th stranger first.
    for tactic in ("salad", "payload", "homoglyph", "obfuscated"):
        row = now_default[tactic]
        assert targets_met(row)["contained"], (tactic, row["contained"], row["refusals"])
        expected = "duplicate_content" if tactic == "obfuscated" else "duplicate_contact"
        assert expected in row["refusals"], (tactic, row["refusals"])


def test_contacts_to_strangers_bound_rotation_pacing_and_conversations(
        now_default: dict[str, dict[str, Any]]) -> None:
    """Rotated templates, texts paced under every threshold and one conversation with new
    members each round repeat neither a text nor a contact; they reached the strangers
    rules' 20 a day. The texts that carry a phone number or link now reach 4 strangers a
    day (links_to_strangers), and once they have, no text reaches a 5th (strangers_daily's
    lower limit): 4 a day, contained (8 before that limit, 20 before the links rule)."""
    for tactic in ("rotating", "slow", "conversation"):
        row = now_default[tactic]
        assert row["reached_per_day_max"] <= 4, (tactic, row["reached_per_day_max"])
        assert targets_met(row)["contained"], (tactic, row["contained"], row["refusals"])
    # Templates that carry neither (the attacker read the reader): only the strangers
    # rules' caps bound them, 20 a day (docs/spam.md, "What it still does not catch").
    unread = now_default["unread"]
    assert unread["contained_share"] == 0.0 and unread["reached_per_day_max"] <= 20, unread
    assert "links_to_strangers" in now_default["rotating"]["refusals"]
    # The conversation (its sender started it) counts each member: 4 at once at most
    # (the strangers rule's at_once), and its next text to 4 more is a copy to 8.
    assert "duplicate_content" in now_default["conversation"]["refusals"]
    assert now_default["conversation"]["contained_share"] == 1.0


def test_ways_back_in_3_messages_hold_rotation_and_pacing(corpus: Corpus,
                                                          default_rules: RuleSet) -> None:
    """A rotating or paced campaign whose copies read as a way back most of the time, not
    every time (2 that read as nothing among its first 5), reached a 5th stranger with
    links_to_strangers never full: strangers_daily's armed_sends holds it (100 spammers a
    tactic at seed 3: rotation 89% and pacing 95% contained without it, docs/spam.md)."""
    text = DEFAULT_RULES.read_text()
    start = text.index("armed_sends = 3")
    without = parse_rules(text[:start] + text[text.index("\n", start) + 1:], file="<test>")
    assert all(not getattr(r.params, "armed_sends", 0) for r in without.rules)
    for tactic in ("rotating", "slow"):
        config = RunConfig(seed=3, spammers=100, ham_senders=0, hours=24)
        now = run_tactic(tactic, default_rules, corpus, config, ham=[])
        before = run_tactic(tactic, without, corpus, config, ham=[])
        # (0.98 before the copies were spelt apart too, "pr1ze", "tx7": 0.97 since)
        assert now["contained_share"] >= 0.97, (tactic, now["contained"], now["refusals"])
        # 4 before the copies were spelt apart; since, 1 rotating spammer of 100 reached 9
        # (6 of its first 8 copies read as nothing: templates cut to fit, "mob11es")
        assert now["reached_per_day_max"] <= 9, (tactic, now["reached_per_day_max"])
        assert now["reached_per_day_mean"] <= 4.1, (tactic, now["reached_per_day_mean"])
        assert before["contained_share"] < now["contained_share"], (tactic, before["contained"])


@pytest.mark.redis
@pytest.mark.parametrize("tactic", ["rotating", "split", "invited"])
def test_a_tactic_s_row_is_the_same_on_redis_with_the_state_cache(
        request: pytest.FixtureRequest, corpus: Corpus, default_rules: RuleSet,
        tactic: str) -> None:
    """End to end: spam senders and ordinary users on a real redis-server, most decisions
    served from the state cache's copies, give memory://'s row exactly."""
    from tests import servers

    server = servers.session_redis(request.config)
    engines: list[Engine] = []

    def on_redis(rules: RuleSet, graph: Any, clock: Any) -> Engine:
        engine = Engine(rules, storage=server.url, graph=graph, clock=clock,
                        storage_options={"key_prefix": servers.unique_prefix()})
        engines.append(engine)
        return engine

    config = RunConfig(spammers=4, ham_senders=60, hours=12, rotating_k=30)
    ham = ham_events(config, corpus)
    expected = run_tactic(tactic, default_rules, corpus, config, ham=ham)
    got = run_tactic(tactic, default_rules, corpus, config, ham=ham, engine_factory=on_redis)
    assert got == expected
    cache = engines[0].storage._cache  # type: ignore[attr-defined]
    assert cache is not None and cache.hits > 3 * cache.misses, (cache.hits, cache.misses)
    assert cache.hits > 300  # the row was decided from copies, not a handful
    for engine in engines:
        engine.close()


def test_held_counts_the_whole_run_not_the_first_refusal() -> None:
    """A spammer refused first for a group too large (nobody reached yet) is contained by
    the first refusal; 'held' says it still reached 20 over the run."""
    from policy.backtest import adversary as adv

    group_first = adv._SpamTally(adv.tactic_plan("groups"))
    group_first.reached = {f"t{i}" for i in range(20)}
    group_first.reached_before_refusal = 0
    copies = adv._SpamTally(adv.tactic_plan("folded"))
    copies.reached = {f"u{i}" for i in range(4)}
    copies.reached_before_refusal = 4
    row = adv._row("x", {"a": group_first, "b": copies}, adv._HamTally(), adv.RunConfig(),
                   adv.Limits())
    assert (row["contained"], row["held"], row["held_share"]) == (2, 1, 0.5)
    table = adv.format_adversary_table({"rows": [{**row, "targets_met": {}}]})
    assert table.splitlines()[0].endswith("| held to 4 all run |")
    assert table.splitlines()[2].endswith("| 50.0% |")


def test_short_texts_and_groups_of_strangers_are_contained(
        now_default: dict[str, dict[str, Any]]) -> None:
    """Short texts are traced as near copies from 8 letters and digits, shorter ones
    counted (short_to_strangers): one short text folded per copy is contained. One message
    to a new group or a conversation of its own reaches 4 strangers at most (at_once):
    the conversation and invited campaigns are contained too. Short texts spun apart per
    copy are not (the strangers rules' 20 a day: docs/spam.md)."""
    for tactic in ("short", "conversation", "invited"):
        row = now_default[tactic]
        assert targets_met(row)["contained"], (tactic, row["contained"], row["refusals"])
    assert now_default["short"]["refusals"].keys() <= {"too_many_strangers",
                                                        "duplicate_content",
                                                        "cooldown_active"}
    spun = now_default["short-spun"]
    assert spun["contained_share"] < 0.95 and spun["reached_per_day_max"] <= 20, spun
