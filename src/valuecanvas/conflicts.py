"""Merge conflicts left in a canvas (`[[conflicts]]`): how to report and resolve them.

The merge driver keeps ours in every conflicting field and records both values;
`check` turns each record into a problem (so CI catches a forgotten one) and the
TUI resolves them one by one with `resolve` — keep ours or take theirs.
"""

from __future__ import annotations

import shlex
from typing import Any, Literal

from valuecanvas.edits import delete_item, find, replace_list
from valuecanvas.errors import EditError, Problem, printable
from valuecanvas.model import LIST_NAMES, LISTS, Canvas, Conflict, ListName, items_of

Side = Literal["ours", "theirs"]
CANVAS = "canvas"


def describe_value(value: Any) -> str:
    """A conflict value as a reader sees it: quoted text, `true`, `[a, b]`, `(none)`."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        shown = ", ".join(printable(str(v)) for v in value[:8])
        more = f", … ({len(value)} in all)" if len(value) > 8 else ""
        return f"[{shown}{more}]"
    if isinstance(value, str):
        one = " ".join(value.split())
        one = one if len(one) <= 50 else one[:49] + "…"
        return f"'{printable(one)}'"
    return str(value)


def where(conflict: Conflict) -> str:
    """`pains p1 severity`, `canvas title`, `jobs order`: what the conflict is about."""
    parts = [conflict.list, conflict.id or "", conflict.field]
    return " ".join(printable(p) for p in parts if p)


def summary(conflict: Conflict) -> str:
    """One line on what the two branches did, for `check` and the TUI."""
    if conflict.field == "deleted":
        deleter = "ours" if conflict.ours is True else "theirs"
        other = "theirs" if deleter == "ours" else "ours"
        item = " ".join(printable(p) for p in (conflict.list, conflict.id or "") if p)
        return f"{item}: {deleter} deleted the item, {other} changed it (it is kept for now)"
    return (
        f"{where(conflict)}: the branches disagree — ours {describe_value(conflict.ours)}, "
        f"theirs {describe_value(conflict.theirs)} (ours is in the file)"
    )


def problems(canvas: Canvas, path: str, lines: list[int | None] | None = None) -> list[Problem]:
    """Each conflict left in the canvas as a problem: where, what, and how to resolve it."""
    out = []
    for index, conflict in enumerate(canvas.conflicts):
        line = lines[index] if lines is not None and index < len(lines) else None
        out.append(
            Problem(
                f"conflicts[{index + 1}]",
                f"merge conflict in {summary(conflict)}; resolve it (o keeps ours, t takes "
                f"theirs) with: valuecanvas {shlex.quote(path)} — or edit the file and delete "
                "this [[conflicts]] table",
                line,
            )
        )
    return out


def _default(name: ListName | None, field: str) -> Any:
    model: Any = LISTS[name].model if name is not None else Canvas
    info = model.model_fields.get(field)
    return None if info is None or info.is_required() else info.get_default()


def _value(value: Any, name: ListName | None, field: str) -> Any:
    """A recorded value back as the model holds it: absent → the default, lists → tuples."""
    if value is None:
        return _default(name, field)
    return tuple(value) if isinstance(value, list) else value


def _names(value: Any) -> tuple[str, ...]:
    """A recorded order (a list of ids or phases); anything else names nothing."""
    return tuple(str(v) for v in value) if isinstance(value, tuple | list) else ()


def _reorder(ids: tuple[str, ...], wanted: tuple[str, ...]) -> tuple[str, ...]:
    """`ids` in the order of `wanted`; ids `wanted` does not name keep their place after."""
    rank = {i: n for n, i in enumerate(wanted)}
    known = sorted((i for i in ids if i in rank), key=rank.__getitem__)
    return (*known, *(i for i in ids if i not in rank))


def apply(canvas: Canvas, conflict: Conflict, side: Side) -> Canvas:
    """The canvas with the value of `side` in the conflicting field (no record removed)."""
    value = conflict.ours if side == "ours" else conflict.theirs
    if conflict.list == CANVAS:
        if conflict.field in ("order", "phases"):
            phases = _reorder(canvas.journey.phases, _names(value))
            return canvas.model_copy(
                update={"journey": canvas.journey.model_copy(update={"phases": phases})}
            )
        if conflict.field not in Canvas.model_fields:
            raise EditError(f"'{printable(conflict.field)}' is not a canvas field")
        return canvas.model_copy(update={conflict.field: _value(value, None, conflict.field)})
    if conflict.list not in LIST_NAMES:
        raise EditError(f"'{printable(conflict.list)}' is not a list of the canvas")
    name: ListName = conflict.list
    if conflict.field == "order":
        items = {i.id: i for i in items_of(canvas, name)}
        order = _reorder(tuple(items), _names(value))
        return replace_list(canvas, name, (items[i] for i in order))
    try:
        _, index, item = find(canvas, conflict.id or "")
    except EditError:
        return canvas  # already deleted: nothing left to choose
    if conflict.field == "deleted":
        return delete_item(canvas, item.id) if value is True else canvas
    new = item.model_copy(update={conflict.field: _value(value, name, conflict.field)})
    items_list = list(items_of(canvas, name))
    items_list[index] = new
    return replace_list(canvas, name, items_list)


def resolve(canvas: Canvas, index: int, side: Side) -> Canvas:
    """Settle conflict `index` with `side`'s value and drop its record."""
    conflict = canvas.conflicts[index]
    out = apply(canvas, conflict, side)
    rest = canvas.conflicts[:index] + canvas.conflicts[index + 1 :]
    return out.model_copy(update={"conflicts": rest})
