"""Drafting helpers of the core: a pasted brainstorm list becomes item texts, and many
items are added as one change (one undo step)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from valuecanvas.edits import add_item, find, replace_list
from valuecanvas.errors import EditError
from valuecanvas.model import Canvas, ListName, Step

_BULLET = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s+")


def pasted_lines(text: str) -> list[str]:
    """One item text per pasted line: blank lines skipped, `- `, `* `, `• `, `1. `, `1) `
    bullets dropped, surrounding space stripped (notes and chats paste lists like that)."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BULLET.sub("", raw.strip(), count=1).strip()
        if line:
            out.append(line)
    return out


def add_items(
    canvas: Canvas, name: ListName, texts: Sequence[str], *, phase: str | None = None
) -> tuple[Canvas, list[str]]:
    """Add each text as an item at the end of the list; returns the canvas and the new ids."""
    ids: list[str] = []
    for text in texts:
        canvas, new_id = add_item(canvas, name, text, phase=phase)
        ids.append(new_id)
    return canvas, ids


def step_to_phase(canvas: Canvas, step_id: str, delta: int) -> Canvas:
    """`<` / `>`: the step moves to the previous / next phase and goes last in it.

    Steps stay grouped in phase order, so the step is placed after the last step of
    its new phase (or of the nearest earlier phase that has steps).
    """
    name, _, step = find(canvas, step_id)
    if name != "steps" or not isinstance(step, Step):
        raise EditError("{id} is not a journey step", id=step_id)
    phases = canvas.journey.phases
    at = phases.index(step.phase) if step.phase in phases else 0
    target = at + delta
    if not 0 <= target < len(phases):
        text = (
            "“{phase}” is the first phase: {id} cannot move further"
            if delta < 0
            else "“{phase}” is the last phase: {id} cannot move further"
        )
        raise EditError(text, phase=step.phase, id=step_id)
    moved = step.model_copy(update={"phase": phases[target]})
    rest = [s for s in canvas.journey.steps if s.id != step_id]
    order = {p: n for n, p in enumerate(phases)}
    index = 0
    for n, other in enumerate(rest):
        if order.get(other.phase, len(order)) <= target:
            index = n + 1
    rest.insert(index, moved)
    return replace_list(canvas, "steps", rest)
