"""One module per check kind. A rule in a rules file is a configured instance of one."""

from __future__ import annotations

from types import ModuleType

from policy.checks import apps, cooldown, duplicates, follows, group, quota, text_length

KINDS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (text_length, follows, group, apps, cooldown, duplicates, quota)
}

__all__ = ["KINDS"]
