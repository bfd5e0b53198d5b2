"""One module per check kind. A rule in a rules file is a configured instance of one.

``policy/checks/base.py`` says what a kind module has. A kind outside this package
(a deployment's own, or a test's) is added with ``register``.
"""

from __future__ import annotations

from types import ModuleType

from policy.checks import (
    apps,
    contacts,
    cooldown,
    duplicates,
    follows,
    group,
    quota,
    reports,
    strangers,
    text_length,
)

KINDS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (text_length, follows, group, apps, cooldown, duplicates, contacts, strangers,
                   reports, quota)
}


def register(module: ModuleType) -> None:
    """Make ``module`` (a rule kind, see ``policy/checks/base.py``) usable in rules files."""
    missing = [name for name in ("KIND", "STATEFUL", "parse", "needs") if not hasattr(module, name)]
    wanted = ("step", "finding", "lua_params") if getattr(module, "STATEFUL", False) else ("evaluate",)
    missing += [name for name in wanted if not hasattr(module, name)]
    if missing:
        raise TypeError(f"{module.__name__} is not a rule kind: it lacks {', '.join(missing)}")
    KINDS[module.KIND] = module


__all__ = ["KINDS", "register"]
