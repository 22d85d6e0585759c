"""Setting the value-lens tags at drafting speed: one key cycles a tag, a toggle list sets warranty.

Pure edits (no Textual), so the keys `v`/`V`, `r`/`R`, `g`/`G`, `w` and the journey's
persona filter `W` behave the same wherever they are called from. Each cycle wraps and
passes through "no tag" (`value`, `strategy`) so a tag set by mistake is one key away
from gone; `evidence` has no "none": `assumption` is its default.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from valuecanvas.edits import find, update_item
from valuecanvas.errors import EditError
from valuecanvas.model import EVIDENCE, LISTS, STRATEGIES, VALUE_TYPES, WARRANTY_ASPECTS, Canvas

TAG_CYCLES: dict[str, tuple[str | None, ...]] = {
    "value": (None, *VALUE_TYPES),
    "strategy": (None, *STRATEGIES),
    "evidence": EVIDENCE,
}
"""The order each cycling key walks, starting from the field's default."""

_WHERE = {
    "value": "jobs, pains, gains and the value map",
    "strategy": "products, pain relievers and gain creators",
    "evidence": "jobs, pains, gains and journey steps",
    "warranty": "products, pain relievers and gain creators",
    "persona": "journey steps",
}


def _check(canvas: Canvas, item_id: str, field: str) -> Any:
    name, _, item = find(canvas, item_id)
    if field not in LISTS[name].lens_keys:
        raise EditError(
            "a {item} has no {field}: it is set on {where}",
            item=LISTS[name].singular,
            field=field,
            where=_WHERE[field],
        )
    return item


def cycle_tag(canvas: Canvas, item_id: str, field: str, delta: int = 1) -> Canvas:
    """The next (`delta` 1) or previous (-1) value of `value`, `strategy` or `evidence`."""
    item = _check(canvas, item_id, field)
    order = TAG_CYCLES[field]
    current = getattr(item, field)
    at = order.index(current) if current in order else 0
    return update_item(canvas, item_id, {field: order[(at + delta) % len(order)]})


def set_warranty(canvas: Canvas, item_id: str, aspects: Iterable[str]) -> Canvas:
    """The warranty aspects the item assures, kept in the order of value-lens.md."""
    _check(canvas, item_id, "warranty")
    chosen = set(aspects)
    unknown = chosen - set(WARRANTY_ASPECTS)
    if unknown:
        raise EditError(
            f"unknown warranty aspect {', '.join(sorted(unknown))}: "
            f"use {', '.join(WARRANTY_ASPECTS)}"
        )
    return update_item(
        canvas, item_id, {"warranty": tuple(a for a in WARRANTY_ASPECTS if a in chosen)}
    )


def set_persona(canvas: Canvas, step_id: str, persona: str) -> Canvas:
    """Whose step it is: a persona id, or "" for no one."""
    _check(canvas, step_id, "persona")
    return update_item(canvas, step_id, {"persona": persona})


UNASSIGNED = ""
"""The journey filter value for the steps that name no persona."""


def next_persona_filter(canvas: Canvas, current: str | None, delta: int = 1) -> str | None:
    """The journey's persona filter after `current`: all (None), each persona, unassigned."""
    order: Sequence[str | None] = (None, *(p.id for p in canvas.personas), UNASSIGNED)
    at = order.index(current) if current in order else 0
    return order[(at + delta) % len(order)]


__all__ = [
    "TAG_CYCLES",
    "UNASSIGNED",
    "cycle_tag",
    "next_persona_filter",
    "set_persona",
    "set_warranty",
]
