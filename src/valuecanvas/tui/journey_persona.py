"""Whose journey: the persona column of step rows and the journey's persona filter (`W`).

Seeds 001 and 004: personas walk the journey, and in B2B each step may be a
different member of the decision-making unit. `W` cycles the steps shown: all,
then each persona's own steps, then the steps that name no one. Each step row
names its persona in a column (shown once any step names one).
"""

from __future__ import annotations

from valuecanvas.model import Canvas, Step
from valuecanvas.reports.words import tr
from valuecanvas.tagging import UNASSIGNED, next_persona_filter
from valuecanvas.tui.item_list import ItemList, one_line

PERSONA_COLUMN_MAX = 10


def short_name(name: str) -> str:
    """ "Sanne, 34, account manager" → "Sanne": what a step row has room for."""
    return one_line(name).split(",")[0].strip() or one_line(name)


def persona_column(canvas: Canvas) -> tuple[dict[str, str], int]:
    """Short name by persona id, and the column width (0 when no step names a persona)."""
    names = {p.id: short_name(p.name) for p in canvas.personas}
    used = {s.persona for s in canvas.journey.steps if s.persona}
    if not used:
        return names, 0
    longest = max((len(names.get(pid, pid)) for pid in used), default=1)
    return names, min(PERSONA_COLUMN_MAX, max(longest, 1))


def cycle_persona_filter(steps: ItemList, canvas: Canvas, lang: str = "en") -> None:
    """`W`: show the next persona's steps (all → each persona → no persona → all)."""
    current = steps.keep[0] if steps.keep else None
    chosen = next_persona_filter(canvas, current)
    if chosen is None:
        steps.set_keep(None)
        return
    keep = (chosen, lambda step, p=chosen: isinstance(step, Step) and step.persona == p)
    steps.set_keep(keep, "W " + label_for(chosen, canvas, lang))


def drop_stale_filter(steps: ItemList, canvas: Canvas) -> None:
    """The persona the filter shows is gone (deleted, undone): show all steps again."""
    key = steps.keep[0] if steps.keep else UNASSIGNED
    if key != UNASSIGNED and key not in {p.id for p in canvas.personas}:
        steps.set_keep(None)


def filter_label(steps: ItemList, canvas: Canvas, lang: str = "en") -> str:
    """What the journey shows: "all personas", "steps of pe1 Sanne", "steps of no persona"."""
    return label_for(steps.keep[0] if steps.keep else None, canvas, lang)


def label_for(key: str | None, canvas: Canvas, lang: str = "en") -> str:
    """The words for one filter value (None: all, "": no persona, else a persona id)."""
    if key is None:
        return tr("all personas", lang)
    if key == UNASSIGNED:
        return tr("steps of no persona", lang)
    name = next((short_name(p.name) for p in canvas.personas if p.id == key), "")
    return f"{tr('steps of', lang)} {key} {name}".rstrip()


__all__ = ["cycle_persona_filter", "drop_stale_filter", "filter_label", "persona_column"]
