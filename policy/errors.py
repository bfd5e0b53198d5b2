"""Typed errors. Every refusal of bad input is one of these, never a crash."""

from __future__ import annotations


class PolicyError(Exception):
    """Base class of every error dm-policy raises on purpose."""


class InvalidRequest(PolicyError, ValueError):
    """The request is malformed (empty sender, no recipients, text not a str...).

    Raised before any state is read or changed.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class RulesError(PolicyError, ValueError):
    """A rules file is invalid. The message names file, rule, field and what is wrong."""

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        rule: str | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.rule = rule
        self.field = field
        self.problem = problem
        where = []
        if file:
            where.append(f"file {file}")
        if rule:
            where.append(f"rule {rule!r}")
        if field:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {problem}" if prefix else problem)


class StorageError(PolicyError):
    """The storage backend failed (unreachable, timed out, answered nonsense)."""


class StorageUnavailable(StorageError):
    """An admin call (``revoke_app``, ``restore_app``, ``forget_user``, ``app_report``)
    could not reach the storage. Nothing is queued: the call did not take effect (or
    may have only partly, for ``forget_user``), and is safe to retry, as it must be.

    Decisions never raise it: they answer by the rules' failure mode instead.
    """


class ClockError(PolicyError, ValueError):
    """The injected ``clock`` answered nonsense: not a real number (int or float), not
    finite, or outside epoch seconds ``MIN_CLOCK`` (1e9, 2001-09-09) to ``MAX_CLOCK``
    (1e11, year 5138).

    Raised by ``check``/``acheck`` (and every call that reads the clock) before any
    state is read or changed, the same on every storage.
    """
