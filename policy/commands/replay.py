"""``dm-policy replay``: run recorded or simulated events through the engine on a virtual clock.

Every event runs at its own time. Prints decisions by verdict and by rule,
the senders refused most, and, where events carry labels, how well the spam
rules did (spam senders caught and at which recipient, ham senders refused).
``--rules-b`` replays the same events under a second rule set and prints what
changes. The events file is read as a stream.

Exit status: 0 done; 2 bad input (rules, events, storage URI, output path); 3 done, but
some decisions were made without the storage (it was unavailable: the summary says how
many, and by which failure mode), so the figures are not the policy's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from policy.backtest.events import EventError, open_events, read_events
from policy.backtest.replay import replay
from policy.backtest.report import ReportError, write_report
from policy.backtest.summary import CATCH_BY, ReplaySummary, SideSummary
from policy.errors import PolicyError, RulesError, StorageError
from policy.rules import load_rules


def register(sub: Any) -> None:
    p = sub.add_parser("replay", help="replay JSON Lines events through one or two rule sets",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("events", help="events file (JSON Lines; - for standard input)")
    p.add_argument("--rules", default="default",
                   help="rules file, or a packaged name (default: the packaged 'default')")
    p.add_argument("--rules-b", default=None, help="a second rules file to compare with")
    p.add_argument("--storage", default="memory://", help="storage URI (default memory://)")
    p.add_argument("--json", default=None, metavar="OUT", help="write the summary as JSON")
    p.add_argument("--report", nargs="?", const="replay-report.html", default=None,
                   metavar="OUT.html",
                   help="write the HTML report (default name: replay-report.html)")
    p.set_defaults(run=run)


class _Progress:
    """A one-line progress bar on standard error, only when it is a terminal."""

    def __init__(self, stream: IO[str], total_bytes: int | None) -> None:
        self.stream = stream
        self.total = total_bytes
        self.read = 0
        self.last = 0.0

    def lines(self, source: IO[str]) -> Iterator[str]:
        for line in source:
            self.read += len(line)
            yield line

    def __call__(self, events: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        if self.total:
            share = min(1.0, self.read / self.total)
            bar = "#" * int(share * 30)
            self.stream.write(f"\r[{bar:<30}] {share * 100:5.1f}% {events} events")
        else:
            self.stream.write(f"\r{events} events")
        self.stream.flush()

    def done(self) -> None:
        if self.last:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    try:
        rules = load_rules(args.rules)
        rules_b = load_rules(args.rules_b) if args.rules_b else None
        source = open_events(args.events)
    except (RulesError, EventError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    progress = None
    if sys.stderr.isatty():
        size = None if args.events == "-" else os.path.getsize(args.events)
        progress = _Progress(sys.stderr, size)
    try:
        with source:
            lines = progress.lines(source) if progress else source
            summary = replay(read_events(lines), rules, rules_b=rules_b, storage=args.storage,
                             on_event=progress)
    except (EventError, StorageError, PolicyError, ValueError) as exc:
        if progress:
            progress.done()
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if progress:
        progress.done()
    print(format_summary(summary))
    try:
        if args.json:
            text = json.dumps(summary.to_dict(), indent=2, ensure_ascii=False)
            _write(Path(args.json), text + "\n")
        if args.report:
            write_report(summary, args.report, title=f"dm-policy replay of {args.events}")
    except (OSError, ReportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    degraded = summary.a.decisions.degraded_total + (
        summary.b.decisions.degraded_total if summary.b is not None else 0)
    if degraded:
        print(f"error: the storage was unavailable: {degraded} decisions were made without it "
              f"(degraded); these figures are not the policy's", file=sys.stderr)
        return DEGRADED
    return 0


DEGRADED = 3  # exit status: done, but some decisions were made without the storage


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _rows(title: tuple[str, str], items: dict[str, int]) -> list[str]:
    width = max([len(title[0]), *(len(k) for k in items)])
    out = [f"  {title[0]:<{width}}  {title[1]:>9}"]
    out += [f"  {k:<{width}}  {v:>9}" for k, v in items.items()]
    return out


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.2f}%"


def _side(name: str, side: SideSummary) -> list[str]:
    rules = side.rules
    out = [f"Rules {name}: {rules.source} (version {rules.version})"]
    out += _rows(("verdict", "decisions"), side.decisions.by_verdict)
    if side.decisions.degraded:
        modes = ", ".join(f"{n} {mode}" for mode, n in side.decisions.degraded.items())
        out.append(f"  DEGRADED: {side.decisions.degraded_total} of {side.decisions.total} "
                   f"decisions were made without the storage (unavailable; answered {modes})")
    out += _rows(("deciding rule/code", "decisions"), side.decisions.by_rule)
    if side.decisions.shadow:
        out += _rows(("shadow rule/code", "would"), side.decisions.shadow)
    if side.invites:
        out += _rows(("invitations", "count"), side.invites)
    senders = side.senders
    out.append(f"  senders refused at least once: {senders.refused} of {senders.total}")
    for s in senders.top_refused[:10]:
        rules_hit = ", ".join(f"{r} {n}" for r, n in s.by_rule.items())
        out.append(f"    {s.sender}: {s.refused} of {s.sends} refused ({rules_hit})")
    labels = side.labels
    if labels is not None:
        out.append(f"  spam senders: {labels.spam_senders}, caught {labels.spam_caught} "
                   f"(recall {_pct(labels.recall)}), by their {CATCH_BY}th recipient "
                   f"{_pct(labels.spam_caught_early_share)}; "
                   f"caught at recipient: {labels.caught_at_recipient}")
        out.append(f"  precision of the spam rules: {_pct(labels.precision)}")
        out.append(f"  ham senders: {labels.ham_senders}, refused by a spam rule "
                   f"{labels.ham_refused_by_spam_rules} "
                   f"({_pct(labels.ham_refused_by_spam_rules_share)}), ever cooled down "
                   f"{labels.ham_cooled_down} ({_pct(labels.ham_cooled_down_share)})")
    return out


def format_summary(summary: ReplaySummary) -> str:
    ev = summary.events
    lines = [f"{ev.total} events over {summary.span.hours} h: "
             f"{ev.count('send')} sends ({ev.count('hash_only')} hash only), "
             f"{ev.count('invite')} invitations, {ev.count('graph')} graph events", ""]
    if ev.count("logged"):
        lines[-1:-1] = [f"{ev.count('logged')} logged decisions (a decision log): rules A "
                        f"decide {ev.count('logged_differ')} of them otherwise than logged"]
    lines += _side("A", summary.a)
    note = summary.empty_graph_note()
    if note is not None:
        lines.append(f"  note: {note}")
    if summary.b is not None and summary.diff is not None:
        lines += ["", *_side("B", summary.b), ""]
        diff = summary.diff
        lines.append(f"Differences A -> B: {diff.decisions_changed} decisions change, "
                     f"for {diff.senders_changed} senders")
        for change, n in list(diff.transitions.items())[:15]:
            lines.append(f"  {change}: {n}")
        for s in diff.top_senders[:10]:
            lines.append(f"    {s.sender}: {s.decisions_changed} decisions change")
        lines.append(f"  spam caught only by A: {diff.spam_caught_only_by_a_count}, "
                     f"only by B: {diff.spam_caught_only_by_b_count}; ham flagged only by A: "
                     f"{diff.ham_flagged_only_by_a_count}, only by B: "
                     f"{diff.ham_flagged_only_by_b_count}")
    return "\n".join(lines)
