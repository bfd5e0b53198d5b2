"""docs/rules.md is the check modules' own declarations, rendered: current, complete, and
failing as soon as a kind's parameters change without ``python -m policy.checks.reference
--write``."""

from __future__ import annotations

import pytest

from policy.checks import KINDS, duplicates
from policy.checks import reference as ref
from policy.checks.params import ParamReader
from tests.conftest import ROOT

REGENERATE = "docs/rules.md is not current: run  python -m policy.checks.reference --write"


def test_docs_rules_md_is_current() -> None:
    assert ref.DOC == ROOT / "docs" / "rules.md"
    assert ref.DOC.read_text(encoding="utf-8") == ref.render(), REGENERATE


def test_every_kind_and_parameter_is_in_the_reference() -> None:
    text = ref.render()
    for kind, module in KINDS.items():
        if not module.__name__.startswith("policy.checks."):
            continue  # a test's or a deployment's own kind (register)
        assert f"### `{kind}`" in text
        for param in ref.params_of(module):
            assert f"| `{param.name}` | {param.type} |" in text
    for name in ("max_people", "flag_after_users", "triggered_by", "sms_command", "precision"):
        assert f"| `{name}` |" in text  # the parameters the issue found nowhere


def test_param_docs_describe_only_parameters_that_exist() -> None:
    for kind, module in ref.kinds():
        read = {p.name for p in ref.params_of(module)}
        stale = set(getattr(module, "PARAM_DOCS", {})) - read
        assert not stale, f"policy/checks/{kind}.py PARAM_DOCS describes {sorted(stale)}"


def test_a_changed_declaration_makes_the_reference_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    before = ref.render()
    original = duplicates.parse

    def parse(reader: ParamReader) -> object:
        reader.integer("new_knob", 3, minimum=1, maximum=9)
        return original(reader)

    monkeypatch.setattr(duplicates, "parse", parse)
    after = ref.render()
    assert after != before
    assert "| `new_knob` | whole number | `3` | 1 to 9 |" in after
    monkeypatch.setattr(duplicates, "PARAM_DOCS", {**duplicates.PARAM_DOCS, "window": "x"})
    assert "| `window` | duration | `\"6h\"` | 1 s to 366 d | x |" in ref.render()
