"""The diff as a reviewer reads it in a pull request: plain text, one change a line.

Markers in the first column (`+` added, `-` removed, `~` changed, `↕` moved) let
an eye scan a long review; every item shows its id and text, links show as
`+id` / `-id` with the linked item's text, long text as a before/after pair.
User text is data: control characters are shown escaped and line breaks folded.
"""

from __future__ import annotations

from typing import Any

from valuecanvas.diff import CanvasDiff, ListDiff, id_fields
from valuecanvas.errors import printable
from valuecanvas.model import LISTS, Canvas, ListName, items_of, level_of
from valuecanvas.reports.text import pct

_SHORT = 40  # text up to this long (one line) shows as `old → new` on one line


def one_line(text: str, limit: int = 70) -> str:
    """User text on one line, control characters escaped, cut at `limit`."""
    flat = printable(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _value(value: Any, limit: int = _SHORT) -> str:
    if value is None or value == "" or value == ():
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return ", ".join(one_line(str(v), 30) for v in value)
    if isinstance(value, str):
        return f'"{one_line(value, limit)}"'
    return str(value)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class _Labels:
    """Text and level of every item of both canvases, by id (new wins)."""

    def __init__(self, old: Canvas, new: Canvas) -> None:
        self.text: dict[str, str] = {}
        self.level: dict[str, str] = {}
        for canvas in (old, new):
            for name, spec in LISTS.items():
                for item in items_of(canvas, name):
                    self.text[item.id] = item.label
                    level = level_of(item, spec)
                    if level:
                        self.level[item.id] = level

    def line(self, marker: str, item_id: str, width: int = 6) -> str:
        level = self.level.get(item_id)
        tail = f"  [{level}]" if level else ""
        text = one_line(self.text.get(item_id, ""))
        return f"  {marker} {printable(item_id):<{width}} {text}{tail}"

    def link(self, sign: str, item_id: str) -> str:
        return f'{sign}{printable(item_id)} "{one_line(self.text.get(item_id, ""), 30)}"'


def _field_lines(
    name: ListName, field: str, old: Any, new: Any, labels: _Labels, pad: str
) -> list[str]:
    links = dict(id_fields(name))
    if field in links and isinstance(old, str) and isinstance(new, str):  # one id, e.g. persona
        shown = [labels.link("", v) if v else "(none)" for v in (old, new)]
        return [f"{pad}{field}: {shown[0]} → {shown[1]}"]
    if isinstance(old, tuple) and isinstance(new, tuple):
        gone = [v for v in old if v not in new]
        came = [v for v in new if v not in old]
        if field in links:
            parts = [labels.link("+", v) for v in came] + [labels.link("-", v) for v in gone]
            return [f"{pad}{field}: {'  '.join(parts) if parts else 'reordered'}"]
        if not gone and not came:
            return [f"{pad}{field}: reordered"]
        out = [f"{pad}{field}:"]
        out += [f'{pad}  + "{one_line(str(v))}"' for v in came]
        out += [f'{pad}  - "{one_line(str(v))}"' for v in gone]
        return out
    long = any(isinstance(v, str) and (len(v) > _SHORT or "\n" in v) for v in (old, new))
    if long:
        return [f"{pad}{field}:", f"{pad}  - {_value(old, 300)}", f"{pad}  + {_value(new, 300)}"]
    return [f"{pad}{field}: {_value(old)} → {_value(new)}"]


def _counts(d: ListDiff) -> str:
    parts = [
        f"{len(d.added)} added" if d.added else "",
        f"{len(d.removed)} removed" if d.removed else "",
        f"{len(d.changed)} changed" if d.changed else "",
        f"{len(d.moved)} moved" if d.moved else "",
    ]
    return ", ".join(p for p in parts if p)


def _list_lines(name: ListName, d: ListDiff, result: CanvasDiff, labels: _Labels) -> list[str]:
    width = max((len(i) for i in (*d.added, *d.removed, *d.changed, *d.moved)), default=0)
    width = min(max(width, 4), 12)
    pad = " " * (width + 7)
    out = [f"{LISTS[name].title}: {_counts(d)}"]
    out += [labels.line("+", i, width) for i in d.added]
    out += [labels.line("-", i, width) for i in d.removed]
    for item_id, fields in d.changed.items():
        out.append(labels.line("~", item_id, width))
        for field, (a, b) in fields.items():
            out += _field_lines(name, field, a, b, labels, pad)
    if d.moved:
        old_rank = {i.id: n for n, i in enumerate(items_of(result.old, name), 1)}
        new_rank = {i.id: n for n, i in enumerate(items_of(result.new, name), 1)}
        for item_id in d.moved:
            a, b = old_rank[item_id], new_rank[item_id]
            out.append(
                labels.line("↕", item_id, width)
                + f"  ({'up' if b < a else 'down'}: {_ordinal(a)} → {_ordinal(b)})"
            )
    return out


def _fit_lines(result: CanvasDiff, labels: _Labels) -> list[str]:
    fit = result.fit
    (s0, s1), (v0, v1) = fit.score, fit.verdict
    score = f"{pct(s0)} → {pct(s1)}" if s0 != s1 else f"{pct(s1)} (unchanged)"
    verdict = f"{v0} → {v1}" if v0 != v1 else f"{v1} (unchanged)"
    trend = ""
    if s0 is not None and s1 is not None and s0 != s1:
        trend = " (better)" if s1 > s0 else " (worse)"
    out = [f"Fit: score {score}{trend}; verdict {verdict}"]
    for title, ids in (
        ("gaps opened (not addressed now)", fit.gaps_opened),
        ("gaps closed (addressed now, or removed)", fit.gaps_closed),
    ):
        if ids:
            out.append(f"  {title}:")
            out += ["  " + labels.line(" ", i) for i in ids]
    if not fit.gaps_opened and not fit.gaps_closed:
        out.append("  no gap opened or closed")
    return out


def diff_text(result: CanvasDiff, old_name: str, new_name: str) -> list[str]:
    """The review text: header, canvas fields, each changed list, then the fit."""
    labels = _Labels(result.old, result.new)
    out = [f"--- {printable(old_name)}", f"+++ {printable(new_name)}", ""]
    left = len(result.new.conflicts)
    if left:
        out += [
            f"! {left} merge conflict{'s' if left != 1 else ''} not resolved yet "
            "([[conflicts]]; valuecanvas check fails until they are)",
            "",
        ]
    if result.same:
        out += ["No changes to the canvas.", ""]
    if result.canvas:
        out.append("Canvas:")
        for field, (a, b) in result.canvas.items():
            if field == "phases":
                out.append(f"  phases: {_value(a)}")
                out.append(f"       → {_value(b)}")
            elif any(isinstance(v, str) and (len(v) > _SHORT or "\n" in v) for v in (a, b)):
                out += [f"  {field}:", f"    - {_value(a, 300)}", f"    + {_value(b, 300)}"]
            else:
                out.append(f"  {field}: {_value(a)} → {_value(b)}")
        out.append("")
    for name, d in result.lists.items():
        if d:
            out += _list_lines(name, d, result, labels)
            out.append("")
    out += _fit_lines(result, labels)
    return out
