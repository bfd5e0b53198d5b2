"""The storage backends every oracle test runs on.

A backend opens once per test (``open``) and hands out fresh, empty storages
(``new_storage``). The Redis drivers add themselves here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from policy.storage import MemoryStorage
from policy.storage.base import Storage


@dataclass
class Backend:
    name: str
    factory: Any = None  # callable(request) -> context manager yielding a storage maker
    new_storage: Any = field(default=None)

    @contextmanager
    def open(self, request: pytest.FixtureRequest) -> Iterator[Backend]:
        with self.factory(request) as maker:
            yield Backend(self.name, self.factory, maker)


@contextmanager
def _memory(request: pytest.FixtureRequest) -> Iterator[Any]:
    def maker() -> Storage:
        return MemoryStorage()

    yield maker


BACKENDS: list[Backend] = [Backend("memory", _memory)]
