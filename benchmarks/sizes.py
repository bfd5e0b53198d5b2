"""Approximate memory of Python objects (for the memory:// rows): ``sys.getsizeof``, deep."""

from __future__ import annotations

import sys
from typing import Any


def deep_size(obj: Any) -> int:
    """Bytes of ``obj`` and everything it reaches (containers, slots, instance dicts), once each."""
    seen: set[int] = set()
    stack = [obj]
    total = 0
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        if hasattr(item, "__dict__") and not isinstance(item, type):
            stack.append(vars(item))
        for cls in type(item).__mro__:
            for slot in getattr(cls, "__slots__", ()):
                if hasattr(item, slot) and slot != "__weakref__":
                    stack.append(getattr(item, slot))
    return total
