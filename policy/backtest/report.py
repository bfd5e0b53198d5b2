"""The HTML report of a replay: one self-contained file that opens offline.

Tables from the summary, and charts drawn with matplotlib (the optional
extra ``report``; imported only here, on the ``Agg`` backend) as inline SVG:
refusals over time by rule, the distribution of quota use, the time to catch
a spam sender and the recipient it was caught at. No script, no external
style sheet, font or image: text is drawn as paths. Without matplotlib (a plain
``pip install dm-policy``) the report has the tables and says how to get the charts.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

from policy.backtest.summary import CATCH_BY, LabelSummary, ReplaySummary, SideSummary
from policy.errors import PolicyError

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; } figcaption { color: #555; font-size: 0.9em; }
.sides { display: flex; gap: 2em; flex-wrap: wrap; }
"""


class ReportError(PolicyError):
    """The report cannot be made (matplotlib is missing, or the file cannot be written)."""


NO_CHARTS = "The charts need matplotlib: pip install 'dm-policy[report]'."


def _pyplot() -> Any:
    """matplotlib's pyplot, or None when it is not installed (tables only)."""
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg", force=True)
    matplotlib.rcParams["svg.hashsalt"] = "dm-policy"  # stable ids: the same summary, same file
    matplotlib.rcParams["svg.fonttype"] = "path"  # no font needed to open it
    import matplotlib.pyplot as plt

    return plt


def _svg(plt: Any, fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: inline SVG


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for value in row:
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            cells.append(f'<td class="n">{_esc(value)}</td>' if numeric else f"<td>{_esc(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.2f}%"


def _figure(svg: str, caption: str, chart_id: str) -> str:
    return (f'<figure id="{chart_id}">{svg}<figcaption>{_esc(caption)}</figcaption></figure>')


def _refusals_chart(plt: Any, side: SideSummary, hours: float) -> str:
    series = side.series
    fig, ax = plt.subplots(figsize=(9, 3.2))
    width_h = series.bin_seconds / 3600
    bins = max(1, int(hours / width_h) + 1)
    for rule, points in sorted(series.refusals.items()):
        counts = [0] * bins
        for index, count in points:
            if 0 <= index < bins:
                counts[index] += count
        ax.plot([i * width_h for i in range(bins)], counts, label=rule, linewidth=1.2)
    ax.set_xlabel("hours since the first event")
    ax.set_ylabel(f"refusals per {series.bin_seconds // 60} min")
    if series.refusals:
        ax.legend(loc="upper right", fontsize="small")
    else:
        ax.text(0.5, 0.5, "no refusals", transform=ax.transAxes, ha="center")
    return _svg(plt, fig)


def _quota_chart(plt: Any, side: SideSummary) -> str:
    hist = side.quota_use.max_used_per_sender
    fig, ax = plt.subplots(figsize=(6, 3))
    if hist.counts:
        edges = hist.edges
        ax.bar(edges[:-1], hist.counts, width=edges[1] - edges[0], align="edge",
               edgecolor="white")
        ax.set_yscale("log")
    ax.set_xlabel(f"most of the quota used at once (limit {side.quota_use.limit})")
    ax.set_ylabel("senders")
    return _svg(plt, fig)


def _catch_chart(plt: Any, labels: LabelSummary) -> str:
    minutes = [s / 60 for s in labels.time_to_catch_seconds]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3))
    if minutes:
        ordered = sorted(minutes)
        left.step(ordered, [(i + 1) / len(ordered) for i in range(len(ordered))], where="post")
    left.set_xlabel("minutes from first spam to first refusal")
    left.set_ylabel("share of caught spam senders")
    at = labels.caught_at_recipient
    right.bar([int(k) for k in at], list(at.values()))
    right.set_xlabel("caught at its n-th distinct recipient")
    right.set_ylabel("spam senders")
    return _svg(plt, fig)


def _side_html(plt: Any, name: str, side: SideSummary, hours: float, key: str) -> str:
    d = side.decisions
    parts = [f"<h2>Rules {_esc(name)}: {_esc(side.rules.source or '')} "
             f"(version {_esc(side.rules.version)})</h2>", '<div class="sides">',
             _table(["verdict", "decisions"], [[k, v] for k, v in d.by_verdict.items()]),
             _table(["deciding rule / code", "decisions"],
                    [[k, v] for k, v in d.by_rule.items()])]
    if d.shadow:
        parts.append(_table(["shadow rule / code", "would refuse"],
                            [[k, v] for k, v in d.shadow.items()]))
    if side.invites:
        parts.append(_table(["invitation verdict", "invitations"],
                            [[k, v] for k, v in side.invites.items()]))
    parts.append("</div>")
    senders = side.senders
    parts.append(f"<p>{senders.refused} of {senders.total} senders refused at least once."
                 "</p>")
    if senders.top_refused:
        parts.append(_table(["sender", "refused", "sends", "by rule"],
                            [[s.sender, s.refused, s.sends,
                              ", ".join(f"{r}: {n}" for r, n in s.by_rule.items())]
                             for s in senders.top_refused]))
    labels = side.labels
    if labels is not None:
        parts.append(_table(["labelled senders", "value"], [
            ["spam senders", labels.spam_senders],
            ["caught (recall)", f"{labels.spam_caught} ({_pct(labels.recall)})"],
            [f"caught by their {CATCH_BY}th recipient", _pct(labels.spam_caught_early_share)],
            ["precision of the spam rules", _pct(labels.precision)],
            ["ham senders", labels.ham_senders],
            ["ham senders refused by a spam rule",
             f"{labels.ham_refused_by_spam_rules} "
             f"({_pct(labels.ham_refused_by_spam_rules_share)})"],
            ["ham senders ever cooled down",
             f"{labels.ham_cooled_down} ({_pct(labels.ham_cooled_down_share)})"],
        ]))
    if d.degraded:
        parts.append(f"<p><strong>Degraded:</strong> {d.degraded_total} of {d.total} decisions "
                     f"were made without the storage (it was unavailable): "
                     f"{_esc(', '.join(f'{n} {m}' for m, n in d.degraded.items()))}.</p>")
    if plt is None:
        parts.append(f"<p>{_esc(NO_CHARTS)}</p>")
        return "\n".join(parts)
    parts.append(_figure(_refusals_chart(plt, side, hours),
                         f"Refusals over time by rule ({name})", f"chart-refusals-{key}"))
    parts.append(_figure(_quota_chart(plt, side),
                         f"Distribution of quota use per sender ({name})", f"chart-quota-{key}"))
    if labels is not None:
        parts.append(_figure(_catch_chart(plt, labels),
                             f"Time to catch a spam sender ({name})", f"chart-catch-{key}"))
    return "\n".join(parts)


def render(summary: ReplaySummary, *, title: str = "dm-policy replay") -> str:
    """The report as one HTML document."""
    plt = _pyplot()
    hours = summary.span.hours
    ev = summary.events
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_esc(title)}</h1>",
        f"<p>{ev.total} events over {hours} hours: {ev.count('send')} sends "
        f"({ev.count('hash_only')} with a text hash only), {ev.count('invite')} invitations, "
        f"{ev.count('graph')} graph events.</p>",
        _side_html(plt, "A", summary.a, hours, "a"),
    ]
    note = summary.empty_graph_note()
    if note is not None:
        parts.append(f'<p class="note"><strong>Note:</strong> {_esc(note)}</p>')
    if summary.b is not None and summary.diff is not None:
        parts.append(_side_html(plt, "B", summary.b, hours, "b"))
        diff = summary.diff
        parts.append("<h2>Differences (A to B)</h2>")
        parts.append(f"<p>{diff.decisions_changed} decisions change, for "
                     f"{diff.senders_changed} senders. Spam senders caught only by A: "
                     f"{diff.spam_caught_only_by_a_count}, only by B: "
                     f"{diff.spam_caught_only_by_b_count}; ham senders flagged only by A: "
                     f"{diff.ham_flagged_only_by_a_count}, only by B: "
                     f"{diff.ham_flagged_only_by_b_count}.</p>")
        parts.append(_table(["A -> B", "decisions"],
                            [[k, v] for k, v in list(diff.transitions.items())[:30]]))
        if diff.top_senders:
            parts.append(_table(["sender", "decisions changed"],
                                [[s.sender, s.decisions_changed] for s in diff.top_senders]))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(summary: ReplaySummary, path: str | Path, *, title: str = "dm-policy replay"
                 ) -> None:
    """Render and write atomically (a temporary file renamed): never a partial report."""
    document = render(summary, title=title)
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(document, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"cannot write the report {path}: {exc.strerror}") from None
