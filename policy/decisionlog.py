"""The decision log: each send decision as one JSON line, without the message's words.

    log = DecisionLog("/var/log/dm-policy/decisions.jsonl", max_bytes=64 << 20, backups=8)
    engine = Engine.from_file("rules/default.toml", decision_log=log)

A line carries what the rules read of a send, and nothing they do not: the time the
engine decided at, the sender and recipients hashed with the deployment's key secret
(``policy/ids.py``, the same hash the storage keys the sender by), the app and the
conversation hashed, the channel, the text's length, its letters-and-digits count,
its fingerprint (the 32-byte MinHash, each byte passed through a permutation keyed
with the secret, so that only equality survives: the fuzzy rules compare bytes for
equality and nothing else), whether it carries a contact and the contacts hashed with
the secret, the graph's answers the rules use as booleans per recipient (follows the
sender, followed by the sender, has written to the sender; the blocks among the people
of a new group), and the verdict with the rules that fired.

``dm-policy replay`` reads such a log (``type: decision`` lines are events like the
others, ``policy/backtest/events.py``): each line is replayed on its own facts, with
no graph and no text, so a candidate rules file is backtested on production traffic,
the fuzzy rules included. Replayed under the rules that wrote it, a log gives back
every decision exactly (``tests/backtest/test_decision_log.py``).

Files rotate by size: ``path`` is written, ``path.1`` is the previous one, up to
``path.<backups>``; older ones are deleted. Each file opens with a ``meta`` line
(the format, its version and ``signature_from``). Writes are serialised by a lock
(threads of one process share one log); processes each need their own path. A
failing disk never fails a decision: the line is dropped and counted (``dropped``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from operator import getitem
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from policy.checks.base import Facts
from policy.checks.text_length import char_count
from policy.conditions import EMPTY, SenderContext
from policy.decision import Decision
from policy.errors import InvalidRequest, PolicyError
from policy.fingerprint import SIGNATURE_BYTES, TextFacts
from policy.graph import MemoryGraph
from policy.requests import CHANNELS, MAX_PEOPLE, MAX_TEXT_CHARS, SendRequest

if TYPE_CHECKING:
    from policy.fingerprint import TextFeatures
    from policy.graph import SocialGraph
    from policy.ids import IdHasher

logger = logging.getLogger("policy.decisionlog")

FORMAT = "dm-policy-decision-log"
VERSION = 1
DEFAULT_MAX_BYTES = 64 << 20
DEFAULT_BACKUPS = 8
# Texts shorter than this (letters and digits) carry no fingerprint: "ok" or "see you"
# say too little to be a campaign, and skipping them saves the fingerprint's cost.
DEFAULT_SIGNATURE_FROM = 8
DEFAULT_BLOCKS_UP_TO = 50  # blocks asked of the graph for new groups up to this many people
# How far back in time (seconds) a decision line may be written after a later one:
# threads and processes finish decisions in a slightly different order than they made them.
SLACK_SECONDS = 5.0
ID_HEX = 24  # IdHasher.user: 12 bytes
_HEX = frozenset("0123456789abcdef")
_WARN_EVERY = 60.0
_ENCODE = json.JSONEncoder(separators=(",", ":")).encode  # one encoder, not one per line


class DecisionLog:
    """Writes each decision of the engine it is given to (``Engine(decision_log=...)``).

    ``max_bytes`` bounds one file, ``backups`` the rotated files kept beside it (so at
    most ``(backups + 1) x max_bytes`` on disk). ``signature_from``: texts with fewer
    letters and digits carry no fingerprint (a candidate rule tracing shorter texts
    cannot be replayed from this log, and the replay says so). ``blocks_up_to``: the
    graph is asked for the blocks among a new group's people up to this size, whatever
    the live rules need.
    """

    def __init__(self, path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 backups: int = DEFAULT_BACKUPS, signature_from: int = DEFAULT_SIGNATURE_FROM,
                 blocks_up_to: int = DEFAULT_BLOCKS_UP_TO) -> None:
        if not isinstance(max_bytes, int) or max_bytes < 4096:
            raise ValueError(f"max_bytes must be an integer of at least 4096, got {max_bytes!r}")
        if not isinstance(backups, int) or backups < 0:
            raise ValueError(f"backups must be an integer >= 0, got {backups!r}")
        if not isinstance(signature_from, int) or signature_from < 1:
            raise ValueError(f"signature_from must be an integer >= 1, got {signature_from!r}")
        if not isinstance(blocks_up_to, int) or blocks_up_to < 0:
            raise ValueError(f"blocks_up_to must be an integer >= 0, got {blocks_up_to!r}")
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.backups = backups
        self.signature_from = signature_from
        self.blocks_up_to = blocks_up_to
        self.written = 0
        self.dropped = 0
        self._lock = threading.Lock()
        self._file: IO[str] | None = None
        self._size = 0
        self._last_warning = 0.0
        self._keys: IdHasher | None = None
        self._graph: SocialGraph | None = None
        self._texts: TextFeatures | None = None
        self._permutation: tuple[bytes, ...] = ()

    # -- wiring (the engine calls these) ----------------------------------

    def bind(self, *, keys: IdHasher, graph: SocialGraph, texts: TextFeatures) -> None:
        """Called by the engine this log records: its id hasher, graph and text cache."""
        if self._keys is not None and self._keys is not keys:
            raise ValueError("a DecisionLog records one engine: give each engine its own log")
        self._keys, self._graph, self._texts = keys, graph, texts
        self._permutation = signature_permutation(keys.derive(b"decision-log-signature"))

    def user_hash(self, user: str) -> str:
        """How ``user`` appears in this log (as sender or recipient)."""
        if self._keys is None:
            raise RuntimeError("the log is not bound to an engine yet")
        return self._keys.user(user)

    def record(self, request: SendRequest, facts: Facts, needs: Mapping[str, Any],
               context: SenderContext, decision: Decision) -> None:
        """Write one decision; never raises (a failure drops the line and is counted)."""
        try:
            line = _ENCODE(self.entry(request, facts, needs, decision, context))
        except Exception:  # a bug here must not fail the send
            logger.exception("decision log: could not build a line")
            self.dropped += 1
            return
        self._write(line + "\n", decision.at)

    def action(self, action: str, user: str, *, at: float, app: str | None = None,
               amount: int | None = None, rule: str | None = None) -> None:
        """Write an audited action (``policy/operators.py`` calls this once it is done), so
        that a replay applies it too: the user and app hashed, never the actor or the
        reason (free text). Never raises."""
        keys = self._keys
        if keys is None:
            return
        out: dict[str, Any] = {"t": at, "type": "action", "action": action,
                               "user": keys.user(user)}
        if app is not None:
            out["app"] = keys.app(app)
        if amount is not None:
            out["amount"] = amount
        if rule is not None:
            out["rule"] = rule
        try:
            line = _ENCODE(out)
        except Exception:  # a bug here must not fail the action
            logger.exception("decision log: could not build a line")
            self.dropped += 1
            return
        self._write(line + "\n", at)

    def entry(self, request: SendRequest, facts: Facts, needs: Mapping[str, Any],
              decision: Decision, context: SenderContext = EMPTY) -> dict[str, Any]:
        """The JSON object of one decision (``record`` writes it)."""
        keys, graph, texts = self._keys, self._graph, self._texts
        if keys is None or graph is None or texts is None:
            raise RuntimeError("the log is not bound to an engine (Engine(decision_log=...))")
        sender, recipients = request.sender, request.recipients
        out: dict[str, Any] = {"t": decision.at, "type": "decision",
                               "sender": keys.user(sender),
                               "recipients": [keys.user(r) for r in recipients]}
        if request.channel != "api":
            out["channel"] = request.channel
            # Over SMS the longest recipient's name counts with the text (text_length).
            out["name_chars"] = max(char_count(r) for r in recipients)
        if request.app is not None:
            out["app"] = keys.app(request.app)
        if request.conversation is not None:
            out["conversation"] = keys.unit("c\x00" + request.conversation)
        text = request.text
        length = char_count(text)
        out["len"] = length
        if not text.strip():
            out["blank"] = True
        else:
            found = texts.of(text, self.signature_from)
            # A very short text's exact counts say what it was ("ok", "yes", "no"): below
            # signature_from they are rounded up (no rule the log can replay reads them
            # finer: a lower min_chars is a LogGap, and text_length bounds are far above).
            if length < self.signature_from:
                out["len"] = self.signature_from
            out["chars"] = (self.signature_from - 1 if 0 < found.chars < self.signature_from
                            else found.chars)
            if found.signature is not None:
                out["sig"] = self._permute(found.signature).hex()
            if found.contact:
                out["contact"] = True
                if found.year_only:
                    out["year"] = True
            if found.contacts:
                out["contacts"] = [keys.unit("k\x00" + c) for c in found.contacts]
        # The graph's answers, one character per recipient ("1": yes).
        out["follows"] = _bits(recipients, facts.follows_sender)
        if "relationships" in needs:
            followed, wrote = facts.followed_by_sender, facts.wrote_to_sender
        else:  # the live rules did not ask: the log does, for candidate rules that will
            followed = frozenset(r for r in recipients if graph.follows(sender, r))
            has_written = getattr(graph, "has_written", None)
            wrote = frozenset(r for r in recipients
                              if has_written is not None and has_written(r, sender))
        out["followed"] = _bits(recipients, followed)
        out["wrote"] = _bits(recipients, wrote)
        if request.conversation is None and len(recipients) > 1:
            out["blocked"] = self._blocked(request, facts, needs)
        if context is not EMPTY and context != EMPTY:
            # What the host knows of the sender (the request's over the graph's), for the
            # rules with a ``when`` (policy/conditions.py): numbers and flags, no id.
            out["context"] = {f.name: getattr(context, f.name) for f in fields(context)
                              if getattr(context, f.name) is not None}
        out["verdict"] = decision.verdict.value
        out["rules"] = [f"{r.rule}/{r.code}" for r in decision.reasons]
        if decision.shadow:
            out["shadow"] = [f"{r.rule}/{r.code}" for r in decision.shadow]
        if decision.retry_after is not None:
            out["retry_after"] = decision.retry_after
        if decision.degraded is not None:
            out["degraded"] = decision.degraded
        out["version"] = decision.rules_version
        return out

    def _blocked(self, request: SendRequest, facts: Facts,
                 needs: Mapping[str, Any]) -> list[list[int]] | None:
        """The blocks among a new group's people as (blocker, blocked) indexes, the
        sender 0 and the recipients from 1; None: not known (a group too large to ask)."""
        people = (request.sender, *request.recipients)
        if len(people) <= needs.get("blocked_pairs_up_to", 0):
            pairs = facts.blocked_pairs
        elif len(people) <= self.blocks_up_to:
            graph = self._graph
            assert graph is not None
            pairs = frozenset((a, b) for a in people for b in people
                              if a != b and graph.blocks(a, b))
        else:
            return None
        index = {person: i for i, person in enumerate(people)}
        return sorted([index[a], index[b]] for a, b in pairs)

    def _permute(self, signature: bytes) -> bytes:
        return bytes(map(getitem, self._permutation, signature))

    # -- the files ----------------------------------------------------------

    def _write(self, line: str, at: float) -> None:
        data = len(line.encode("utf-8"))
        with self._lock:
            try:
                if self._file is None:
                    self._open(at, rotate=self._size_on_disk() + data > self.max_bytes)
                elif self._size + data > self.max_bytes:
                    self._open(at, rotate=True)
                assert self._file is not None
                self._file.write(line)
                self._file.flush()
                self._size += data
                self.written += 1
            except OSError as error:
                self.dropped += 1
                self._close_quietly()
                now = time.monotonic()
                if now - self._last_warning >= _WARN_EVERY:
                    self._last_warning = now
                    logger.warning("decision log %s: cannot write (%s); %d lines dropped so far",
                                   self.path, error, self.dropped)

    def _size_on_disk(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def _open(self, at: float, *, rotate: bool) -> None:
        self._close_quietly()
        if rotate:
            self._rotate()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._size = self._size_on_disk()  # a restarted process appends to its file
        self._file = open(self.path, "a", encoding="utf-8")
        header = json.dumps({"t": at, "type": "meta", "format": FORMAT, "version": VERSION,
                             "signature_from": self.signature_from}, separators=(",", ":"))
        self._file.write(header + "\n")
        self._size += len(header) + 1

    def _rotate(self) -> None:
        if self.backups == 0:
            self.path.unlink(missing_ok=True)
            return
        for n in range(self.backups, 0, -1):
            source = self.path if n == 1 else self._backup(n - 1)
            if source.exists():
                os.replace(source, self._backup(n))

    def _backup(self, n: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{n}")

    def _close_quietly(self) -> None:
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass
            self._file = None

    def files(self) -> list[Path]:
        """The log's files, oldest first (the order to replay them in)."""
        found = [self._backup(n) for n in range(self.backups, 0, -1)]
        return [p for p in [*found, self.path] if p.exists()]

    def close(self) -> None:
        with self._lock:
            self._close_quietly()

    # -- reading back ---------------------------------------------------------

    def recent(self, user: str, *, limit: int = 20,
               scan_bytes: int = 8 << 20) -> list[dict[str, Any]]:
        """The last ``limit`` decisions where ``user`` is the sender or a recipient,
        newest first, reading at most ``scan_bytes`` from the end of the files."""
        return recent_decisions(self.files(), self.user_hash(user), limit=limit,
                                scan_bytes=scan_bytes)


def recent_decisions(files: list[Path], user_hash: str, *, limit: int = 20,
                     scan_bytes: int = 8 << 20) -> list[dict[str, Any]]:
    """The last ``limit`` decision lines of ``files`` (oldest first) naming ``user_hash``."""
    out: list[dict[str, Any]] = []
    budget = scan_bytes
    for path in reversed(files):
        if budget <= 0 or len(out) >= limit:
            break
        for raw in _tail_lines(path, budget):
            budget -= len(raw) + 1
            if user_hash not in raw:  # cheap: most lines are someone else's
                continue
            try:
                line = json.loads(raw)
            except ValueError:
                continue  # a torn last line (a crash mid-write)
            if line.get("type") != "decision":
                continue
            if line.get("sender") == user_hash or user_hash in line.get("recipients", ()):
                out.append(line)
                if len(out) >= limit:
                    break
    return out


def _tail_lines(path: Path, budget: int) -> Iterator[str]:
    """Lines of ``path`` from the last one back, within ``budget`` bytes from its end."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            start = max(0, size - budget)
            handle.seek(start)
            data = handle.read()
    except OSError:
        return
    lines = data.decode("utf-8", "replace").split("\n")
    if start > 0:
        lines = lines[1:]  # cut mid-line
    for raw in reversed(lines):
        if raw.strip():
            yield raw


def _bits(recipients: tuple[str, ...], members: frozenset[str]) -> str:
    return "".join("1" if r in members else "0" for r in recipients)


def signature_permutation(key: bytes) -> tuple[bytes, ...]:
    """Per signature byte position, a permutation of 1..255 (0 kept) keyed by ``key``:
    equal bytes stay equal, different ones different, and without the key a logged
    fingerprint cannot be compared with one computed from a guessed text."""
    tables = []
    for slot in range(SIGNATURE_BYTES):
        order = sorted(range(1, 256), key=lambda v, s=slot: hashlib.blake2b(
            bytes((s, v)), key=key, digest_size=8).digest())
        table = bytearray(256)
        for value, image in zip(range(1, 256), order, strict=True):
            table[value] = image
        tables.append(bytes(table))
    return tuple(tables)


# -- replaying a log ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DecisionEvent:
    """One logged decision, as the replay reads it (``type: decision``)."""

    t: float
    sender: str
    recipients: tuple[str, ...]
    length: int  # the text's characters (NFC), what text_length counts
    blank: bool = False
    chars: int = 0  # letters and digits after normalisation
    signature: bytes | None = None  # keyed-permuted MinHash
    contact: bool = False
    year_only: bool = False  # the contact is a year alone (fingerprint.TextFacts)
    contacts: tuple[str, ...] = ()
    channel: str = "api"
    name_chars: int = 0  # over SMS: the longest recipient's name
    app: str | None = None
    conversation: str | None = None
    follows: str = ""
    followed: str = ""
    wrote: str = ""
    blocked: tuple[tuple[int, int], ...] | None = ()
    verdict: str = "allow"
    rules: tuple[str, ...] = ()
    degraded: str | None = None
    context: SenderContext = EMPTY
    line: int = 0
    label: str | None = None  # never logged: the replay's tally reads it
    tag: str | None = None

    def request(self) -> SendRequest:
        """The send as the replay makes it: the hashed ids as ids, and a stand-in text
        of the logged length (the fingerprint comes from the log, not from this text)."""
        length = self.length
        if self.blank:
            text = " " * length
        else:
            if self.channel == "sms":
                # The stand-in recipients are ID_HEX characters long: what their names
                # added to the SMS length is moved onto the text.
                length = max(1, length + self.name_chars - ID_HEX)
            text = "x" * max(1, length)
        return SendRequest(self.sender, self.recipients, text, app=self.app,
                           channel=self.channel, conversation=self.conversation,
                           context=self.context)

    def text_facts(self) -> TextFacts:
        return TextFacts(self.chars, self.signature, self.contact, self.contacts,
                         self.contact and self.year_only)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": self.t, "type": "decision", "sender": self.sender,
                               "recipients": list(self.recipients)}
        if self.channel != "api":
            out["channel"] = self.channel
            out["name_chars"] = self.name_chars
        for name in ("app", "conversation"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        out["len"] = self.length
        if self.blank:
            out["blank"] = True
        else:
            out["chars"] = self.chars
            if self.signature is not None:
                out["sig"] = self.signature.hex()
            if self.contact:
                out["contact"] = True
                if self.year_only:
                    out["year"] = True
            if self.contacts:
                out["contacts"] = list(self.contacts)
        out.update(follows=self.follows, followed=self.followed, wrote=self.wrote)
        if self.conversation is None and len(self.recipients) > 1:
            out["blocked"] = None if self.blocked is None else [list(p) for p in self.blocked]
        if self.context != EMPTY:
            out["context"] = {f.name: getattr(self.context, f.name)
                              for f in fields(self.context)
                              if getattr(self.context, f.name) is not None}
        out.update(verdict=self.verdict, rules=list(self.rules))
        if self.degraded is not None:
            out["degraded"] = self.degraded
        return out


ACTIONS = ("lift_cooldown", "reset_quota", "credit_quota", "revoke_app", "restore_app",
           "forget_user", "challenge_passed")


@dataclass(frozen=True, slots=True)
class ActionEvent:
    """An audited action as the log wrote it (``type: action``): the replay applies it."""

    t: float
    action: str
    user: str
    app: str | None = None
    amount: int | None = None
    rule: str | None = None
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": self.t, "type": "action", "action": self.action,
                               "user": self.user}
        for name in ("app", "amount", "rule"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out

    def apply(self, engine: Any) -> None:
        """Do the action on ``engine`` (ids are the log's hashes, as the replay's are)."""
        who = {"actor": "replay", "reason": "from the decision log"}
        if self.action == "lift_cooldown":
            engine.lift_cooldown(self.user, **who)
        elif self.action == "reset_quota":
            engine.reset_quota(self.user, rule=self.rule, **who)
        elif self.action == "credit_quota":
            engine.credit_quota(self.user, self.amount, rule=self.rule, **who)
        elif self.action == "revoke_app":
            engine.revoke_app(user=self.user, app=self.app, **who)
        elif self.action == "restore_app":
            engine.restore_app(user=self.user, app=self.app, **who)
        elif self.action == "challenge_passed":
            engine.challenge_passed(self.user)
        else:
            engine.forget_user(self.user, **who)


def parse_action(raw: Mapping[str, Any], t: float, line: int) -> ActionEvent:
    """A ``type: action`` line (``InvalidRequest`` names the bad field)."""
    action = raw.get("action")
    if action not in ACTIONS:
        raise InvalidRequest(f"action must be one of {', '.join(ACTIONS)}", field="action")
    app, amount, rule = raw.get("app"), raw.get("amount"), raw.get("rule")
    if action in ("revoke_app", "restore_app") and app is None:
        raise InvalidRequest("app is required for this action", field="app")
    if amount is not None or action == "credit_quota":
        amount = _count(raw, "amount", maximum=10**9)
    if rule is not None and (not isinstance(rule, str) or not 0 < len(rule) <= 200):
        raise InvalidRequest("rule must be a rule name", field="rule")
    return ActionEvent(t, action, _hex_id(raw.get("user"), "user"),
                       None if app is None else _hex_id(app, "app"), amount, rule, line)


def _hex_id(value: Any, field: str, size: int | None = None) -> str:
    if (not isinstance(value, str) or not value or len(value) > 64 or not set(value) <= _HEX
            or (size is not None and len(value) != size)):
        raise InvalidRequest(f"{field} must be a hashed id (lowercase hex)", field=field)
    return value


def _count(raw: Mapping[str, Any], name: str, *, default: int | None = None,
           maximum: int = MAX_TEXT_CHARS) -> int:
    value = raw.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
        raise InvalidRequest(f"{name} must be an integer from 0 to {maximum}", field=name)
    return value


def _flags(raw: Mapping[str, Any], name: str, count: int) -> str:
    value = raw.get(name, "0" * count)
    if not isinstance(value, str) or len(value) != count or not set(value) <= {"0", "1"}:
        raise InvalidRequest(f"{name} must be a string of 0 and 1, one per recipient",
                             field=name)
    return value


def parse_decision(raw: Mapping[str, Any], t: float, line: int) -> DecisionEvent:
    """A ``type: decision`` line (``InvalidRequest`` names the bad field)."""
    recipients = raw.get("recipients")
    if not isinstance(recipients, list) or not 0 < len(recipients) <= MAX_PEOPLE:
        raise InvalidRequest("recipients must be a list of hashed ids", field="recipients")
    ids = tuple(_hex_id(r, "recipients") for r in recipients)
    if len(set(ids)) != len(ids):
        raise InvalidRequest("recipients names the same user twice", field="recipients")
    channel = raw.get("channel", "api")
    if channel not in CHANNELS:
        raise InvalidRequest(f"channel must be one of {', '.join(CHANNELS)}", field="channel")
    sig = raw.get("sig")
    signature = None
    if sig is not None:
        if not isinstance(sig, str) or len(sig) != 2 * SIGNATURE_BYTES or not set(sig) <= _HEX:
            raise InvalidRequest(f"sig must be {2 * SIGNATURE_BYTES} hex digits", field="sig")
        signature = bytes.fromhex(sig)
    contacts = raw.get("contacts", [])
    if not isinstance(contacts, list) or len(contacts) > 64:
        raise InvalidRequest("contacts must be a list of hashed contacts", field="contacts")
    n = len(ids)
    blocked_raw = raw.get("blocked", [])
    blocked: tuple[tuple[int, int], ...] | None = None
    if blocked_raw is not None:
        if not isinstance(blocked_raw, list):
            raise InvalidRequest("blocked must be a list of [blocker, blocked] indexes or null",
                                 field="blocked")
        pairs = []
        for pair in blocked_raw:
            if (not isinstance(pair, list) or len(pair) != 2
                    or not all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i <= n
                               for i in pair)):
                raise InvalidRequest("blocked must be a list of [blocker, blocked] indexes",
                                     field="blocked")
            pairs.append((pair[0], pair[1]))
        blocked = tuple(pairs)
    rules = raw.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise InvalidRequest("rules must be a list of rule/code strings", field="rules")
    verdict = raw.get("verdict")
    if not isinstance(verdict, str):
        raise InvalidRequest("verdict must be a string", field="verdict")
    degraded = raw.get("degraded")
    app, conversation = raw.get("app"), raw.get("conversation")
    return DecisionEvent(
        t=t,
        sender=_hex_id(raw.get("sender"), "sender"),
        recipients=ids,
        length=_count(raw, "len"),
        blank=raw.get("blank") is True,
        chars=_count(raw, "chars", default=0),
        signature=signature,
        contact=raw.get("contact") is True,
        year_only=raw.get("year") is True,
        contacts=tuple(_hex_id(c, "contacts") for c in contacts),
        channel=channel,
        name_chars=_count(raw, "name_chars", default=0, maximum=256),
        app=None if app is None else _hex_id(app, "app"),
        conversation=None if conversation is None else _hex_id(conversation, "conversation"),
        follows=_flags(raw, "follows", n),
        followed=_flags(raw, "followed", n),
        wrote=_flags(raw, "wrote", n),
        blocked=blocked,
        verdict=verdict,
        rules=tuple(rules),
        degraded=degraded if isinstance(degraded, str) else None,
        context=SenderContext.of(raw.get("context")),
        line=line,
    )


class LoggedGraph(MemoryGraph):
    """The replay's graph: a ``MemoryGraph`` (for the graph events of a mixed file) that,
    while a logged decision is replayed (``use``), answers from that decision's facts."""

    def __init__(self) -> None:
        super().__init__()
        self._facts: tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]],
                           frozenset[tuple[str, str]]] | None = None

    def use(self, event: DecisionEvent | None) -> None:
        if event is None:
            self._facts = None
            return
        s, rs = event.sender, event.recipients
        follows = {(r, s) for r, bit in zip(rs, event.follows, strict=True) if bit == "1"}
        follows |= {(s, r) for r, bit in zip(rs, event.followed, strict=True) if bit == "1"}
        wrote = frozenset((r, s) for r, bit in zip(rs, event.wrote, strict=True) if bit == "1")
        people = (s, *rs)
        blocks = frozenset((people[a], people[b]) for a, b in event.blocked or ())
        self._facts = (frozenset(follows), blocks, wrote)

    def follows(self, follower: str, followee: str) -> bool:
        if self._facts is None:
            return super().follows(follower, followee)
        return (follower, followee) in self._facts[0]

    def blocks(self, blocker: str, blocked: str) -> bool:
        if self._facts is None:
            return super().blocks(blocker, blocked)
        return (blocker, blocked) in self._facts[1]

    def has_written(self, author: str, reader: str) -> bool:
        if self._facts is None:
            return super().has_written(author, reader)
        return (author, reader) in self._facts[2]

    def attributes(self, user: str) -> SenderContext | None:
        if self._facts is None:
            return super().attributes(user)
        return None  # a logged decision carries its sender's context, merged already


class LoggedTexts:
    """The replay's text facts: while a logged decision is replayed (``use``), its logged
    length, fingerprint and contacts; otherwise the engine's own ``TextFeatures``."""

    def __init__(self, texts: TextFeatures, signature_from: int = 1) -> None:
        self._texts = texts
        self._event: DecisionEvent | None = None
        self.signature_from = signature_from  # from the log's meta lines

    def use(self, event: DecisionEvent | None) -> None:
        self._event = event

    def of(self, text: str, traced_from: int) -> TextFacts:
        event = self._event
        if event is None:
            return self._texts.of(text, traced_from)
        facts = event.text_facts()
        if facts.chars < traced_from:
            return facts._replace(signature=None)
        if facts.signature is None:
            if facts.chars == 0:  # only spaces: the empty signature (0 is never permuted)
                return facts._replace(signature=bytes(SIGNATURE_BYTES))
            raise LogGap(
                f"this log carries the fingerprints of texts of at least {self.signature_from} "
                f"letters and digits, and the rules trace texts from {traced_from}: lower "
                "min_chars / contact_min_chars cannot be replayed from it", line=event.line)
        return facts


class LogGap(PolicyError, ValueError):
    """The log lacks what the replayed rules need (a fingerprint of a shorter text)."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)
