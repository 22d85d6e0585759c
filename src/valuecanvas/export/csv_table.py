"""One row per item and journey step, for spreadsheets (RFC 4180, UTF-8, header row).

Lens columns (strategy, warranty, evidence, source, persona) are read from the item
when the file format has them, so the columns stay the same as the format grows.
Every text cell is defused (`cell`): a spreadsheet never runs user text as a formula.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from valuecanvas.export.text import cell, links_of
from valuecanvas.model import LIST_NAMES, LISTS, Canvas, items_of, level_of

COLUMNS = (
    "list", "rank", "id", "text", "kind", "level", "value", "strategy", "warranty",
    "evidence", "source", "links", "phase", "touchpoint", "emotion", "persona",
)  # fmt: skip


def rows(canvas: Canvas) -> list[list[Any]]:
    """The rows after the header, as plain values (before defusing)."""
    out: list[list[Any]] = []
    for name in LIST_NAMES:
        if name == "personas":
            continue
        spec = LISTS[name]
        for rank, item in enumerate(items_of(canvas, name), start=1):
            is_step = name == "steps"
            out.append(
                [
                    name, rank, item.id, item.text, getattr(item, "kind", None),
                    level_of(item, spec), getattr(item, "value", None),
                    getattr(item, "strategy", None), getattr(item, "warranty", None),
                    getattr(item, "evidence", None), getattr(item, "source", None),
                    links_of(item, name),
                    item.phase if is_step else None, item.touchpoint if is_step else None,
                    item.emotion if is_step else None, getattr(item, "persona", None),
                ]
            )  # fmt: skip
    return out


def render_csv(canvas: Canvas) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([cell(v) for v in row] for row in rows(canvas))
    return buffer.getvalue()
