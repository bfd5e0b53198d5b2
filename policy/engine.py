"""The engine: the public entry point that ties rules, graph, storage and clock together.

It gathers the graph's answers and the text's fingerprint (the only work that
touches anything outside the request), runs the pure core, lets the storage
driver commit the sender's new state atomically, and answers a ``Decision``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy import core, feedback
from policy.challenge import pass_ttl
from policy.checks.base import FOLLOWED, NEEDS, NONE, WROTE, Facts
from policy.conditions import EMPTY, ConditionPlan, SenderContext, context_of
from policy.decision import Decision, Reason, Verdict
from policy.errors import ClockError, InvalidRequest, StorageError, StorageUnavailable
from policy.fingerprint import TextFeatures
from policy.graph import MemoryGraph, SocialGraph
from policy.ids import IdHasher
from policy.ids import key_secret as resolve_key_secret
from policy.observe import Observer
from policy.operators import DEFAULT_REVOCATION_TTL, OperatorCalls  # noqa: F401 (re-exported)
from policy.requests import InviteRequest, SendRequest, require_id
from policy.rules import (
    FAILURE_MODES,
    Mode,
    Rule,
    RuleSet,
    check_local_share,
    check_reload,
    load_rules,
)
from policy.storage import MemoryStorage, Storage, open_storage
from policy.ways_back import contact_key

if TYPE_CHECKING:
    from policy.decisionlog import DecisionLog

logger = logging.getLogger("policy.engine")
Clock = Callable[[], float]
MIN_CLOCK = 1e9  # an injected clock reads epoch seconds from 2001-09-09...
MAX_CLOCK = 1e11  # ...to the year 5138 (milliseconds stay exact in a double)
STORAGE_RETRY_SECONDS = 1.0  # after a storage failure, how long to answer degraded before retrying
FRESH_CONVERSATION = 86400.0  # a conversation its sender started this long ago is a new group
# A conversation started this long ago, by anyone, is established: its members who never
# wrote count as people the sender follows (fanout's 30 a day, links_to_followed's 15), not
# as strangers (a club's group chat of silent members; docs/spam.md, "An established group")
ESTABLISHED_CONVERSATION = 7 * 86400.0
# Friends of the sender's asked whether they follow and wrote to a silent member of a group
# conversation (engine._vouched): at most 2 x 5 graph calls a member, in groups of at most 50
# (the seed's are 20; a larger one is not vouched for: at most 500 calls a send)
MAX_VOUCHERS = 5
MAX_VOUCHED_MEMBERS = 50


def _started_fresh(sender: str, started: tuple[str | None, float]) -> bool:
    """Whether a conversation started by ``started[0]``, ``started[1]`` seconds ago, is
    ``sender``'s own within ``FRESH_CONVERSATION`` (a start a little ahead is now)."""
    return started[0] == sender and -300.0 <= started[1] <= FRESH_CONVERSATION


@dataclass(frozen=True, slots=True)
class _Plan:
    """What every decision needs to know of one rule set, worked out once for it."""

    ruleset: RuleSet
    # active rules the core evaluates without state, each with its check's evaluate
    stateless_checks: tuple[tuple[Rule, core.Evaluate], ...]
    stateful: tuple[Rule, ...]  # active rules the storage's transition evaluates
    needs: dict[str, Any]  # what to gather for them (policy.checks.base.NEEDS), combined
    local: tuple[Rule, ...]  # ``stateful`` as one process applies them alone (local mode)
    conditions: ConditionPlan | None = None  # the rules with a ``when`` (None: there are none)

    @classmethod
    def of(cls, ruleset: RuleSet, local_share: float | None = None) -> _Plan:
        active = ruleset.active
        needs: dict[str, Any] = {}
        for rule in active:
            for name, value in rule.needs().items():
                how = NEEDS[name]  # a KeyError names a need the engine cannot gather
                if name not in needs:
                    needs[name] = value
                elif how == "max":
                    needs[name] = max(needs[name], value)
                elif how == "min":
                    needs[name] = min(needs[name], value)
                else:
                    needs[name] = needs[name] or value
        stateful = tuple(r for r in active if r.stateful)
        return cls(
            ruleset,
            core.stateless_checks(active),
            stateful,
            needs,
            _local_rules(stateful, ruleset.local_share if local_share is None else local_share),
            ConditionPlan.of(active),
        )


NO_GRAPH_WARNING = (
    "dm-policy: Engine built without graph=: it asks an empty MemoryGraph, in which no one "
    "follows anyone, so a followers-only rule refuses every send (not_follower). Pass "
    "graph= your social graph (an object with follows(follower, followee) and "
    "blocks(blocker, blocked)), or a MemoryGraph you fill."
)


def _warn_no_graph() -> None:
    logger.warning(NO_GRAPH_WARNING)
    # Point the warning at the caller's line, out of this module (Engine(), from_file, default).
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename == __file__:
        frame, level = frame.f_back, level + 1
    warnings.warn(NO_GRAPH_WARNING, UserWarning, stacklevel=level + 1)


def _local_rules(rules: tuple[Rule, ...], share: float) -> tuple[Rule, ...]:
    """The rules a process applies alone on its local store: each kind that has a
    ``local_params`` hook (the quota) takes ``share`` of what it admits."""
    if share >= 1:
        return rules
    local = []
    for rule in rules:
        hook = getattr(rule.module, "local_params", None)
        local.append(rule if hook is None else replace(rule, params=hook(rule.params, share)))
    return tuple(local)


@dataclass(slots=True)
class _Prepared:
    ruleset: RuleSet
    sender_key: str
    stateless: list[tuple[Any, Any]]
    inp: core.TransitionInput | None
    started: float
    local: tuple[Rule, ...] = ()  # the stateful rules of the local store (local mode)
    # What the decision log records (only kept when there is one).
    logged: tuple[SendRequest, Facts, dict[str, Any], SenderContext] | None = None


class Engine(OperatorCalls):
    """Decides, for each direct message, whether to deliver it.

    >>> engine = Engine.from_file("default", graph=graph)
    >>> engine.check(SendRequest("alice", ("bob",), "hi")).allowed

    ``storage`` is a URI (``memory://``, ``redis://host:6379/0``,
    ``redis+cluster://host:7000``) or a driver. ``clock`` is a zero-argument
    callable returning epoch seconds; without one the storage's clock is used
    (Redis ``TIME``, so that every process agrees). ``on_error`` (``fail_open``,
    ``fail_closed`` or ``local``) overrides the rules file's failure mode.
    ``key_secret`` (bytes or str, at least 16 bytes; else ``$DM_POLICY_KEY_SECRET``) keys
    the hashes of ids: required on a shared storage (Redis), the same on every process.
    ``text_cache_size`` texts are remembered (by digest) with their fingerprint, so
    that a campaign's repeats are not fingerprinted again (0 turns that off).
    ``local_share`` (0 < share <= 1) overrides the rules file's: in ``local`` mode each
    process admits at most that share of every quota on its own store.
    ``decision_log`` (a ``policy.decisionlog.DecisionLog``) writes each send decision
    as a line without the text, which ``dm-policy replay`` replays.
    """

    def __init__(
        self,
        rules: RuleSet,
        *,
        storage: Storage | str = "memory://",
        graph: SocialGraph | None = None,
        clock: Clock | None = None,
        observer: Observer | None = None,
        key_secret: bytes | str | None = None,
        on_error: str | None = None,
        storage_options: dict[str, Any] | None = None,
        text_cache_size: int = 2048,
        local_share: float | None = None,
        decision_log: DecisionLog | None = None,
    ) -> None:
        if not isinstance(rules, RuleSet):
            raise TypeError("rules must be a RuleSet (see Engine.from_file)")
        if on_error is not None and on_error not in FAILURE_MODES:
            raise ValueError(f"on_error must be one of {', '.join(FAILURE_MODES)}, got {on_error!r}")
        if clock is not None and not callable(clock):
            raise TypeError("clock must be a zero-argument callable returning epoch seconds")
        if local_share is not None and (problem := check_local_share(local_share)) is not None:
            raise ValueError(f"local_share {problem}")
        if not isinstance(text_cache_size, int) or text_cache_size < 0:
            raise ValueError(f"text_cache_size must be an integer >= 0, got {text_cache_size!r}")
        self._rules = rules
        self._local_share = None if local_share is None else float(local_share)
        self._plan = _Plan.of(rules, self._local_share)
        if graph is None:
            _warn_no_graph()
        self._graph: SocialGraph = graph if graph is not None else MemoryGraph()
        # Optional in the protocol: looked up once (a graph without it knows no conversations).
        self._has_written: Callable[[str, str], bool] | None = getattr(
            self._graph, "has_written", None
        )
        # Optional too: the sender's attributes, read only when a rule has a `when`.
        self._attributes: Callable[[str], Any] | None = getattr(self._graph, "attributes", None)
        # Optional too: who started a conversation, and when (a fresh one is a new group).
        self._started: Callable[[str], Any] | None = getattr(
            self._graph, "conversation_started", None)
        self._clock = clock
        self._storage: Storage = (
            open_storage(storage, clock=clock, **(storage_options or {}))
            if isinstance(storage, str)
            else storage
        )
        self._observer = observer or Observer()
        self._observer.rules_loaded(rules.version)
        watch_config = getattr(self._storage, "watch_config", None)  # Redis: eviction, AOF
        if watch_config is not None:
            watch_config(self._observer.storage_config)
        # Ids are hashed with a secret kept outside the storage (policy/ids.py): a shared
        # storage without one is refused (KeySecretRequired), memory:// takes a random one.
        self._keys = IdHasher(resolve_key_secret(key_secret, storage=self._storage))
        self._on_error_override = on_error
        self._fallback: MemoryStorage | None = None
        self._fallback_lock = threading.Lock()
        self._storage_down_until = 0.0  # monotonic time before which the storage is not retried
        self._texts = TextFeatures(text_cache_size)
        self._decision_log = decision_log
        if decision_log is not None:
            decision_log.bind(keys=self._keys, graph=self._graph, texts=self._texts)

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        storage: Storage | str = "memory://",
        graph: SocialGraph | None = None,
        clock: Clock | None = None,
        **options: Any,
    ) -> Engine:
        """An engine on the rules of ``path`` (a ``RulesError`` if the file is invalid): a
        file, or the name of a packaged one (``"default"``, ``"shadow-trial"``)."""
        return cls(load_rules(path), storage=storage, graph=graph, clock=clock, **options)

    @classmethod
    def default(
        cls,
        storage: Storage | str = "memory://",
        graph: SocialGraph | None = None,
        clock: Clock | None = None,
        **options: Any,
    ) -> Engine:
        """An engine on the packaged default policy (``rules/default.toml``)."""
        return cls.from_file("default", storage=storage, graph=graph, clock=clock, **options)

    # -- properties --------------------------------------------------------

    @property
    def rules(self) -> RuleSet:
        return self._rules

    @property
    def storage(self) -> Storage:
        return self._storage

    @property
    def graph(self) -> SocialGraph:
        return self._graph

    @property
    def decision_log(self) -> DecisionLog | None:
        return self._decision_log

    @property
    def on_error(self) -> str:
        return self._on_error_override or self._rules.on_error

    # -- decisions ---------------------------------------------------------

    def check(self, request: SendRequest) -> Decision:
        """Decide one send, and consume the sender's quota if it is allowed."""
        prepared = self._prepare(request)
        result, degraded = None, None
        if prepared.inp is not None:
            result, degraded = self._transition(prepared.sender_key, prepared.inp, prepared.local)
        signal = self._app_signal_due(request, result)
        if signal is not None:
            self._signal_app(prepared.sender_key, *signal)
        return self._finish(prepared, result, degraded)

    async def acheck(self, request: SendRequest) -> Decision:
        """``check`` for asyncio: the storage round trip is awaited, never blocking the loop."""
        prepared = self._prepare(request)
        result, degraded = None, None
        if prepared.inp is not None:
            result, degraded = await self._atransition(prepared.sender_key, prepared.inp,
                                                       prepared.local)
        signal = self._app_signal_due(request, result)
        if signal is not None:
            # Rare (a self-message through an app) and a separate round trip: off the loop.
            await asyncio.to_thread(self._signal_app, prepared.sender_key, *signal)
        return self._finish(prepared, result, degraded)

    def check_invite(self, invite: InviteRequest) -> Decision:
        """Decide whether ``invite.inviter`` may add ``invite.invitees`` to a conversation."""
        if not isinstance(invite, InviteRequest):
            raise InvalidRequest(f"expected an InviteRequest, got {type(invite).__name__}")
        ruleset = self._rules
        graph = self._graph
        plan = self._plan_for(ruleset)
        everyone = {invite.inviter, *invite.members}
        newcomers = [i for i in invite.invitees if i not in everyone]
        blocked: set[tuple[str, str]] = set()
        if len(everyone) + len(newcomers) <= plan.needs.get("blocked_pairs_up_to", 0):
            # Nobody blocked by a member, newcomers included: one newcomer who blocks
            # another, or a member, makes them "blocked by a member" once both are in. (A
            # group over the size limit is refused anyway, and one without a group rule
            # reads no blocks: not n² questions to the graph, as on the send path.)
            blocked = {(m, i) for m in everyone for i in invite.invitees
                       if m != i and graph.blocks(m, i)}
            blocked.update((i, other) for i in newcomers for other in (*everyone, *newcomers)
                           if other != i and graph.blocks(i, other))
        facts = Facts(
            follows_sender=frozenset(i for i in invite.invitees if graph.follows(i, invite.inviter)),
            blocked_pairs=frozenset(blocked),
        )
        rules = ruleset.rules
        conditions = plan.conditions
        if conditions is not None:
            inactive = conditions.inactive(context_of(EMPTY, self._attributes, invite.inviter),
                                           self._now(), self._observer)
            rules = tuple(r for r in rules if r.name not in inactive)
        found = core.evaluate_invite(rules, invite, facts)
        decision = core.assemble(ruleset, found, None, now=self._now())
        self._observer.invite(decision)
        return decision

    # -- recipient feedback ------------------------------------------------

    def report(self, *, reporter: str, sender: str, kind: str = "spam") -> feedback.ReportOutcome:
        """``reporter`` reported a message of ``sender`` as spam (``kind="spam"``) or blocked
        the sender after it (``"block"``): one round trip, recorded in the sender's state.
        Raises ``StorageUnavailable`` while the storage is down (not recorded: retry or drop).
        """
        key, inp = self._report_input(reporter, sender, kind)
        result = None
        if inp is not None:
            now = self._clock_now()
            with self._admin("report"):
                result = self._storage.transition(key, inp, now)
        return self._reported(kind, result)

    async def areport(self, *, reporter: str, sender: str, kind: str = "spam"
                      ) -> feedback.ReportOutcome:
        """``report`` for asyncio."""
        key, inp = self._report_input(reporter, sender, kind)
        result = None
        if inp is not None:
            now = self._clock_now()
            with self._admin("report"):
                result = await self._storage.atransition(key, inp, now)
        return self._reported(kind, result)

    def _report_input(self, reporter: str, sender: str, kind: str
                      ) -> tuple[str, core.TransitionInput | None]:
        require_id(reporter, "reporter")
        require_id(sender, "sender")
        feedback.check_kind(kind)
        if reporter == sender:
            raise InvalidRequest("a user cannot report themselves")
        has_written = self._has_written
        replied = has_written is not None and has_written(reporter, sender)
        plan = self._plan_for(self._rules)
        # The reporter as a recipient unit: the same hash the strangers record keeps.
        inp = feedback.report_input(plan.stateful, self._keys.unit("u\x00" + reporter),
                                    replied, kind)
        return self._keys.user(sender), inp

    def _reported(self, kind: str, result: core.TransitionResult | None
                  ) -> feedback.ReportOutcome:
        outcome = feedback.outcome_of(kind, result)
        self._observer.report(kind, outcome.outcome)
        return outcome

    # -- administration ----------------------------------------------------

    # Admin calls reach the storage whatever the failure mode (there is no decision to
    # degrade): while it is down they raise ``StorageUnavailable`` (a ``StorageError``),
    # nothing is queued, and the host retries (``forget_user`` must be retried). The
    # operator calls (standing, audited actions: revoke_app, restore_app, forget_user,
    # lift_cooldown...) are in ``policy/operators.py``.

    def challenge_passed(self, user: str) -> float:
        """``user`` passed the host's challenge: the codes the rules answer with a challenge
        are lifted for ``challenge_ttl`` (the longest of the rules'); returns when the pass
        ends (epoch seconds). One round trip. Raises ``StorageUnavailable`` while the
        storage is down (not passed: retry)."""
        require_id(user, "user")
        ttl = pass_ttl(self._rules.rules)
        key = self._keys.user(user)
        now = self._clock_now()
        with self._admin("challenge_passed"):
            until = self._storage.pass_challenge(key, ttl, now)
        # The local store only once the storage took it, so a degraded decision agrees; a
        # pass that raised is not passed anywhere (unlike forget_user, which forgets first).
        if self._fallback is not None:
            self._fallback.pass_challenge(key, ttl, now)
        self._observer.challenge_passed()
        if self._decision_log is not None:  # a replay of the log passes it too
            self._decision_log.action("challenge_passed", user, at=until - ttl)
        return until

    def app_report(self, app: str) -> dict[str, Any]:
        """How many distinct users had self-messages through ``app`` in the signal window.

        Raises ``StorageUnavailable`` while the storage is down.
        """
        require_id(app, "app")
        window, bar = self._app_signal_settings()
        now = self._clock_now()
        with self._admin("app_report"):
            users = self._storage.app_signal_count(self._keys.app(app), window, now)
        return {"users_with_self_messages": users, "window_seconds": window,
                "flagged": users >= bar}

    @contextlib.contextmanager
    def _admin(self, call: str) -> Iterator[None]:
        try:
            yield
        except StorageError as error:
            if isinstance(error, StorageUnavailable):
                raise
            logger.warning("storage %s failed during %s (%s); the call did not take effect",
                           self._storage.kind, call, error)
            raise StorageUnavailable(
                f"{call}: the storage ({self._storage.kind}) is unavailable ({error}); "
                "nothing was done, retry") from error

    def reload(self, path: str | Path) -> RuleSet:
        """Load new rules; an invalid file raises ``RulesError`` and the old rules keep running."""
        try:
            ruleset = load_rules(path)
            check_reload(self._rules, ruleset, str(path))
        except Exception:
            self._observer.reload(False, self._rules.version)
            raise
        self._rules = ruleset  # one reference swap: a decision sees old or new, never a mix
        self._observer.reload(True, ruleset.version)
        return ruleset

    def close(self) -> None:
        """Release the storage's connections (sync hosts)."""
        self._storage.close()

    async def aclose(self) -> None:
        """Release the storage's connections, async pools included (async hosts)."""
        aclose = getattr(self._storage, "aclose", None)
        if aclose is not None:
            await aclose()
        else:
            self._storage.close()

    # -- internals ---------------------------------------------------------

    def _now(self) -> float:
        return self._read_clock() if self._clock is not None else time.time()

    def _clock_now(self) -> float | None:
        return self._read_clock() if self._clock is not None else None

    def _read_clock(self) -> float:
        """The injected clock's reading, checked: nonsense is a ``ClockError`` at once,
        before the storage sees it (memory:// would raise, Redis silently allow)."""
        value = self._clock()  # type: ignore[misc]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ClockError(f"the clock returned {type(value).__name__} {value!r}, "
                             "not epoch seconds")
        if not (MIN_CLOCK <= value <= MAX_CLOCK):  # nan fails too
            raise ClockError(f"the clock returned {value!r}: epoch seconds must be finite, "
                             f"from {MIN_CLOCK:.0e} (2001-09-09) to {MAX_CLOCK:.0e}")
        return float(value)

    def _app_signal_settings(self) -> tuple[float, int]:
        rules = self._rules
        return rules.param("signal_window", 86400.0), rules.param("flag_after_users", 5)

    def _plan_for(self, ruleset: RuleSet) -> _Plan:
        plan = self._plan
        if plan.ruleset is not ruleset:  # reloaded since: one new plan, swapped in one step
            plan = self._plan = _Plan.of(ruleset, self._local_share)
        return plan

    def _prepare(self, request: SendRequest) -> _Prepared:
        started = time.perf_counter()
        if not isinstance(request, SendRequest):
            raise InvalidRequest(f"expected a SendRequest, got {type(request).__name__}")
        plan = self._plan_for(self._rules)
        facts = self._facts(request, plan)
        checks, inactive = plan.stateless_checks, frozenset[str]()
        context = EMPTY
        if plan.conditions is not None or self._decision_log is not None:
            context = context_of(request.context, self._attributes, request.sender)
        if plan.conditions is not None:  # policy/conditions.py: worked out here, in Python
            inactive = plan.conditions.inactive(context, self._now(), self._observer)
            checks = tuple(c for c in checks if c[0].name not in inactive)
        stateless = core.evaluate_stateless(checks, request, facts)
        inp = None
        if plan.stateful:
            refused = any(rule.mode is Mode.ENFORCE for rule, _ in stateless)
            inp = core.TransitionInput(
                rules=plan.stateful,
                features=self._features(request, facts, plan, refused),
                refused_before=refused,
                inactive=inactive,
            )
        return _Prepared(plan.ruleset, self._keys.user(request.sender), stateless, inp, started,
                         plan.local, None if self._decision_log is None else
                         (request, facts, plan.needs, context))

    def _facts(self, request: SendRequest, plan: _Plan) -> Facts:
        graph = self._graph
        needs = plan.needs
        sender, recipients = request.sender, request.recipients
        follows_sender = frozenset(r for r in recipients if graph.follows(r, sender))
        followed: frozenset[str] = frozenset()
        wrote: frozenset[str] = frozenset()
        if "relationships" in needs:
            followed = frozenset(r for r in recipients if graph.follows(sender, r))
            has_written = self._has_written
            if has_written is not None:
                wrote = frozenset(r for r in recipients if has_written(r, sender))
        blocked: frozenset[tuple[str, str]] = frozenset()
        if (
            request.conversation is None
            and len(recipients) > 1
            # A group over the size limit is refused anyway: don't ask the graph n² questions.
            and len(recipients) + 1 <= needs.get("blocked_pairs_up_to", 0)
        ):
            people = (sender, *recipients)
            blocked = frozenset(
                (a, b) for a in people for b in people if a != b and graph.blocks(a, b)
            )
        return Facts(follows_sender, followed, wrote, blocked)

    def _features(
        self, request: SendRequest, facts: Facts, plan: _Plan, refused: bool
    ) -> core.Features:
        signature, chars, contact = None, 0, False
        contacts: tuple[str, ...] = ()
        units: tuple[tuple[str, bool], ...] = ()
        needs = plan.needs
        # Cheap checks first: a send an enforced stateless rule refuses (a text too long,
        # a non-follower) is neither traced nor matched, so its text is not read (no
        # normalisation, no signature: a 100,000-character text would cost 25 to 50 ms).
        reads_text = "text_from_chars" in needs or "contacts" in needs
        if reads_text and refused:
            chars = -1  # not read: no rule may count its length (texts_under)
        elif reads_text:
            text = self._texts.of(request.text, needs.get("text_from_chars", 1 << 30))
            chars, signature, contact = text.chars, text.signature, text.contact
            if text.year_only and all(r in facts.followed_by_sender or r in facts.wrote_to_sender
                                      for r in request.recipients):
                # A year alone is a way back toward strangers only (a lure's "did u go to
                # Leeds 2019?"); to people followed or who wrote, "all the best for 2027"
                # is talk (a blind review's greeters, round 35)
                contact = False
            if "contacts" in needs:
                # Keyed like ids: a number or a domain is never recoverable from storage.
                # One number however it is dialled (ways_back.contact_key).
                contacts = tuple(dict.fromkeys(self._keys.unit("k\x00" + contact_key(c))
                                               for c in text.contacts))
        people: tuple[tuple[str, bool], ...] | None = None
        if "units" in needs or "people" in needs:
            followed, wrote = facts.followed_by_sender, facts.wrote_to_sender
            unit = self._keys.unit
            # Each person counts, as if written to alone: a new group of strangers is as
            # many strangers.
            each = tuple((unit("u\x00" + r),
                          WROTE if r in wrote else FOLLOWED if r in followed else NONE)
                         for r in request.recipients)
            started = self._conversation_started(request)
            if started is None or _started_fresh(request.sender, started):
                units = each
                if started is not None and not refused:
                    # The sender's own new group: members its friends there invited
                    units = self._vouched(request, each, None)
            else:
                # An existing conversation is one recipient for the duplicates rule (its
                # members see one message), but each member is reached (strangers).
                # Keyed by its members too: the same group with members swapped in and
                # out is as many groups, whoever replies. Its evidence is its weakest
                # member's: a stranger makes it count for the plain rules, people followed
                # only for the count_followed ones (a growing group of friends reaches
                # mass_copies' 15 changes, not duplicates' 5), a group of people who all
                # wrote for none. (Swapping several members at a time is one unit each
                # time: the strangers rules and fanout bound it, as they bound new groups.
                # Counting each member instead refused an organiser's announcement posted
                # to a second chat of silent members, or again after one left: an outside
                # red team's conversations of invited strangers are bounded by the
                # strangers rules, 12 in 6 hours, as any text is.)
                weakest = min((evidence for _, evidence in each), default=NONE)
                units = ((unit("\x00".join(("c", request.conversation,
                                             *sorted(request.recipients)))), weakest),)
                # A week-old conversation's silent members are people the sender follows:
                # a spammer's aged groups are bounded by fanout as a follow-back scheme is
                starter = started[0]
                if started[1] >= ESTABLISHED_CONVERSATION:
                    people = tuple((person, evidence or FOLLOWED) for person, evidence in each)
                elif not refused:
                    people = self._vouched(request, each, starter)
                else:
                    people = each
        return core.Features(
            app=self._keys.app(request.app) if request.app is not None else None,
            self_message=request.sender in request.recipients,
            signature=signature,
            text_chars=chars,
            units=units,
            contact=contact,
            people=people,
            contacts=contacts,
        )

    def _vouched(self, request: SendRequest, each: tuple[tuple[str, int], ...],
                 starter: str | None) -> tuple[tuple[str, int], ...]:
        """Friends of a friend in a group conversation: a silent member whom the
        conversation's starter, or a friend of the sender's there (a member the sender
        follows or who wrote to it), follows and wrote to counts as a person the sender
        follows (fanout 30 a day, links_to_followed 15), not as a stranger. A blind
        round's party groups (round 37: a friend invites friends who do not know each
        other; round 38: members invite their own) refused posts to them. Members nobody
        there wrote to stay strangers, whoever invited them (round 22's borrowed groups);
        an accomplice that follows and greets targets first is bounded by its own rules
        (the adversary's "hosted" tactic). At most ``MAX_VOUCHERS`` friends are asked
        about each silent member (two graph calls each)."""
        wrote = self._has_written
        if (wrote is None or len(each) > MAX_VOUCHED_MEMBERS
                or all(evidence != NONE for _, evidence in each)):
            return each
        recipients = request.recipients
        vouchers = [r for r, (_, evidence) in zip(recipients, each, strict=True)
                    if evidence != NONE and r != starter]
        if starter is not None and starter != request.sender:
            # whoever the sender is to them: it let the sender in (the likeliest inviter)
            vouchers.insert(0, starter)
        if not vouchers:
            return each
        vouchers = vouchers[:MAX_VOUCHERS]
        follows = self._graph.follows
        return tuple(
            (person, FOLLOWED if evidence == NONE and any(
                v != r and follows(v, r) and wrote(v, r) for v in vouchers) else evidence)
            for (person, evidence), r in zip(each, recipients, strict=True))

    def _conversation_started(self, request: SendRequest) -> tuple[str | None, float] | None:
        """Who started the request's conversation and how long ago (seconds), from
        ``graph.conversation_started``; None for no conversation. A conversation the graph
        does not know is as old as can be (not fresh, not established: its members who
        never wrote are strangers, but friends of a friend: ``_vouched``). The sender's own within ``FRESH_CONVERSATION`` is a new
        group by another door, each member a recipient for the duplicates rules. (An outside
        red team invited 4 strangers into each of five conversations of its own and sent one
        text to each: counted once each, 12 reached before any spam rule.)"""
        if request.conversation is None:
            return None
        if self._started is None:
            return (None, -1.0)
        started = self._started(request.conversation)
        if started is None:
            return (None, -1.0)
        try:
            user, at = started
        except (TypeError, ValueError):
            user, at = None, None
        if (not isinstance(user, str) or isinstance(at, bool) or not isinstance(at, (int, float))
                or not MIN_CLOCK <= at <= MAX_CLOCK):  # nan, inf, 10**400 too (no OverflowError)
            raise InvalidRequest("graph.conversation_started must return (user, epoch "
                                 f"seconds from {MIN_CLOCK:.0e} to {MAX_CLOCK:.0e}) or None",
                                 field="graph.conversation_started")
        # The process's clock (or the injected one), not the storage's: a day is coarse
        # enough for the clocks of a fleet. A start a little ahead of it is now.
        return (user, self._now() - at)

    def _storage_available(self) -> bool:
        return time.monotonic() >= self._storage_down_until

    def _storage_failed(self, error: StorageError) -> None:
        self._storage_down_until = time.monotonic() + STORAGE_RETRY_SECONDS
        self._observer.storage_error(self._storage.kind, self.on_error)
        # At most one line a second per engine: the breaker above spaces the failures.
        logger.warning("storage %s failed (%s); answering %s for %.0f s", self._storage.kind,
                       error, self.on_error, STORAGE_RETRY_SECONDS)

    def _transition(
        self, key: str, inp: core.TransitionInput, local: tuple[Rule, ...]
    ) -> tuple[core.TransitionResult | None, str | None]:
        now = self._clock_now()
        if self._storage_available():
            try:
                return self._observed(self._storage.transition(key, inp, now)), None
            except StorageError as error:
                self._storage_failed(error)
        return self._degraded(key, inp, now, local)

    async def _atransition(
        self, key: str, inp: core.TransitionInput, local: tuple[Rule, ...]
    ) -> tuple[core.TransitionResult | None, str | None]:
        now = self._clock_now()
        if self._storage_available():
            try:
                return self._observed(await self._storage.atransition(key, inp, now)), None
            except StorageError as error:
                self._storage_failed(error)
        return self._degraded(key, inp, now, local)

    def _observed(self, result: core.TransitionResult) -> core.TransitionResult:
        """``result``, with how a storage with a state cache made it told to the observer."""
        if result.via is not None:
            self._observer.state_cache(result.via)
        return result

    def _degraded(
        self, key: str, inp: core.TransitionInput, now: float | None, local: tuple[Rule, ...]
    ) -> tuple[core.TransitionResult | None, str]:
        mode = self.on_error
        if mode == "local":
            # A per-process store that knows nothing of the shared one: each quota admits
            # its local_share here (the plan's ``local`` rules), so N processes admit at
            # most limit x (1 + N x share) in a window while the storage is down.
            with self._fallback_lock:
                if self._fallback is None:
                    self._fallback = MemoryStorage()
            if local and local is not inp.rules:
                inp = replace(inp, rules=local)
            return self._fallback.transition(key, inp, now), mode
        return None, mode

    @staticmethod
    def _app_signal_due(
        request: SendRequest, result: core.TransitionResult | None
    ) -> tuple[str, bool] | None:
        """(app, revoked) when this send is a self-message through an app, to count per app."""
        if result is None or request.app is None:
            return None
        if any(hit.code == "self_message" for hit in result.fired):
            return request.app, result.revoked_app
        return None

    def _finish(
        self,
        prepared: _Prepared,
        result: core.TransitionResult | None,
        degraded: str | None,
    ) -> Decision:
        now = result.now if result is not None else self._now()
        decision = core.assemble(prepared.ruleset, prepared.stateless, result, now=now)
        if degraded == "fail_closed" and decision.allowed:
            decision = replace(
                decision,
                verdict=Verdict.THROTTLE,
                retry_after=STORAGE_RETRY_SECONDS,
                reasons=(Reason.storage_unavailable(STORAGE_RETRY_SECONDS),),
            )
        if degraded is not None:
            decision = replace(decision, degraded=degraded)
        self._observer.decision(decision, time.perf_counter() - prepared.started,
                                self._storage.kind)
        if prepared.logged is not None and self._decision_log is not None:
            self._decision_log.record(*prepared.logged, decision)
        return decision

    def _signal_app(self, sender_key: str, app: str, revoked: bool) -> None:
        window, bar = self._app_signal_settings()
        try:
            users = self._storage.record_app_signal(self._keys.app(app), sender_key, window,
                                                    self._clock_now())
        except StorageError as error:
            self._storage_failed(error)
            return
        self._observer.app_signal(flagged=users >= bar)
        if revoked:
            self._observer.app_revoked(automatic=True)
