"""One row per item and journey step, for spreadsheets (RFC 4180, UTF-8, header row).

Lens columns (strategy, warranty, evidence, source, persona) are read from the item
when the file format has them, so the columns stay the same as the format grows.
Every text cell is defused (`cell`): a spreadsheet never runs user text as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from valuecanvas.export.text import cell, links_of
from valuecanvas.model import LIST_NAMES, LISTS, Canvas, items_of, level_of

COLUMNS = (
    "list", "rank", "id", "text", "kind", "level", "value", "strategy", "warranty",
    "evidence", "source", "links", "phase", "touchpoint", "emotion", "persona",
)  # fmt: skip


# Columns read from an item's key of the same name, where its list has that key.
_OPTIONAL = ("kind", "value", "strategy", "warranty", "evidence", "source", "persona")
_STEP_ONLY = ("phase", "touchpoint", "emotion")


def _getter(model: type[Any], key: str) -> Callable[[Any], Any]:
    """Read `key` from an item, or None where the list has no such key (asked once per list)."""
    if key in model.model_fields:
        return attrgetter(key)
    return lambda _item: None


def rows(canvas: Canvas) -> list[list[Any]]:
    """The rows after the header, as plain values (before defusing)."""
    out: list[list[Any]] = []
    for name in LIST_NAMES:
        if name == "personas":
            continue
        spec = LISTS[name]
        get = {key: _getter(spec.model, key) for key in (*_OPTIONAL, *_STEP_ONLY)}
        for rank, item in enumerate(items_of(canvas, name), start=1):
            out.append(
                [
                    name, rank, item.id, item.text, get["kind"](item),
                    level_of(item, spec), get["value"](item),
                    get["strategy"](item), get["warranty"](item),
                    get["evidence"](item), get["source"](item),
                    links_of(item, name),
                    get["phase"](item), get["touchpoint"](item),
                    get["emotion"](item), get["persona"](item),
                ]
            )  # fmt: skip
    return out


def render_csv(canvas: Canvas) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([cell(v) for v in row] for row in rows(canvas))
    return buffer.getvalue()
