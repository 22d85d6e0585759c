"""Three-way merge of canvases by id: what `valuecanvas merge-driver` does for git.

The rules are collaboration.md's. Everything is read from the models and the
`LISTS` table, never from field names: a field added to an item tomorrow merges
like the others (a tuple as a set, anything else as a value), with no change here.

- A field one side changed takes that change; changed the same way, that value;
  changed differently, ours stays and a `Conflict` records both.
- Items added on both sides under the same id (each branch took the next free
  number) are both kept: THEIRS' gets the next free id and its links follow.
- Deleted on one side and untouched on the other: deleted, with every link to it.
  Deleted on one side and changed on the other: kept, with a `deleted` conflict.
- Links, empathy entries and every other tuple field merge as sets.
- Rank (the order of a list) and the phases come from the side that reordered;
  both did, differently: ours stays and the order is a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from valuecanvas.diff import canvas_fields, id_fields
from valuecanvas.edits import next_id, replace_list
from valuecanvas.model import (
    LIST_NAMES,
    Canvas,
    Conflict,
    ListName,
    items_of,
)

CANVAS = "canvas"


@dataclass(frozen=True)
class MergeResult:
    """The merged canvas, the conflicts this merge found, and THEIRS' renumbered ids."""

    canvas: Canvas
    conflicts: tuple[Conflict, ...]
    renamed: dict[str, str]

    @property
    def clean(self) -> bool:
        return not self.canvas.conflicts


def _record(value: Any) -> Any:
    """A value as `[[conflicts]]` holds it (absent optional fields and empties as None)."""
    return None if value == "" or value == () else value


def merge_set(base: Sequence[Any], ours: Sequence[Any], theirs: Sequence[Any]) -> tuple[Any, ...]:
    """What either side added is in, what either side removed is out; ours' order first."""
    if ours == theirs:
        return tuple(ours)
    b, o, t = set(base), set(ours), set(theirs)
    out = [x for x in ours if x not in b or x in t]
    out += [x for x in theirs if x not in b and x not in o]
    return tuple(dict.fromkeys(out))


def _value(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """One field's merged value, and whether the sides conflict (then ours)."""
    if ours == theirs:
        return ours, False
    if isinstance(ours, tuple) and isinstance(theirs, tuple):
        return merge_set(base if isinstance(base, tuple) else (), ours, theirs), False
    if base == ours:
        return theirs, False
    if base == theirs:
        return ours, False
    return ours, True


def merge_fields(
    base: BaseModel | None, ours: BaseModel, theirs: BaseModel
) -> tuple[BaseModel, list[tuple[str, Any, Any]]]:
    """An item merged field by field; the fields in conflict as (field, ours, theirs)."""
    if ours == theirs or base == theirs:
        return ours, []
    if base == ours:
        return theirs, []
    update: dict[str, Any] = {}
    clashes = []
    for name in type(ours).model_fields:
        b = getattr(base, name) if base is not None else None
        o, t = getattr(ours, name), getattr(theirs, name)
        value, clash = _value(b, o, t)
        if clash:
            clashes.append((name, o, t))
        elif value is not o:
            update[name] = value
    return (ours.model_copy(update=update) if update else ours), clashes


def _reordered(side: Sequence[str], base: Sequence[str], base_set: set[str]) -> bool:
    """Whether a side changed the relative order of the base items it kept."""
    side_set = set(side)
    return [i for i in side if i in base_set] != [i for i in base if i in side_set]


def merge_order(
    base: Sequence[str], ours: Sequence[str], theirs: Sequence[str], keep: Iterable[str]
) -> tuple[list[str], bool]:
    """The merged order of the ids in `keep`, and whether the sides' orders conflict.

    The side that reordered gives the order (ours if neither or both did); each item
    only the other side has stands after the item that precedes it on that side.
    """
    kept = set(keep)
    base_set = set(base)
    by_ours, by_theirs = _reordered(ours, base, base_set), _reordered(theirs, base, base_set)
    clash = False
    if by_ours and by_theirs:
        common = base_set & set(ours) & set(theirs)
        clash = [i for i in ours if i in common] != [i for i in theirs if i in common]
    winner, loser = (theirs, ours) if by_theirs and not by_ours else (ours, theirs)
    spine = [i for i in winner if i in kept]
    placed = set(spine)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for item_id in loser:
        if item_id in placed:
            anchor = item_id
        elif item_id in kept:
            after.setdefault(anchor, []).append(item_id)
    # The other side's new items wait behind the winner's own new items at the same spot,
    # so two branches that each append an item give ours', then theirs'.
    out: list[str] = []
    pending = list(after.get(None, ()))
    for item_id in spine:
        if pending and item_id in base_set:
            out.extend(pending)
            pending = []
        out.append(item_id)
        pending.extend(after.get(item_id, ()))
    out.extend(pending)
    return out, clash


# ---------------------------------------------------------------- renumbering


def _ids(canvas: Canvas) -> dict[str, tuple[ListName, Any]]:
    return {i.id: (name, i) for name in LIST_NAMES for i in items_of(canvas, name)}


def renumber_theirs(base: Canvas, ours: Canvas, theirs: Canvas) -> tuple[Canvas, dict[str, str]]:
    """THEIRS with each item it added under an id ours also added (differently) renumbered.

    The new id is the next free one of the item's list across all three canvases, and
    every link in THEIRS to the old id follows it.
    """
    base_ids, ours_ids, theirs_ids = _ids(base), _ids(ours), _ids(theirs)
    taken = set(base_ids) | set(ours_ids) | set(theirs_ids)
    renamed: dict[str, str] = {}
    for item_id, (name, item) in theirs_ids.items():
        if item_id in base_ids or item_id not in ours_ids:
            continue
        if ours_ids[item_id] == (name, item):
            continue  # both added the very same item
        new = next_id(theirs, name, taken)
        taken.add(new)
        renamed[item_id] = new
    if not renamed:
        return theirs, renamed
    out = theirs
    for name in LIST_NAMES:
        fields = [f for f, _ in id_fields(name)]
        items = []
        for item in items_of(out, name):
            update: dict[str, Any] = {}
            if item.id in renamed:
                update["id"] = renamed[item.id]
            for f in fields:
                value = getattr(item, f)
                if isinstance(value, tuple) and any(v in renamed for v in value):
                    update[f] = tuple(renamed.get(v, v) for v in value)
                elif isinstance(value, str) and value in renamed:
                    update[f] = renamed[value]
            items.append(item.model_copy(update=update) if update else item)
        out = replace_list(out, name, items)
    return out, renamed


# ---------------------------------------------------------------- lists


def merge_list(
    name: ListName, base: Sequence[Any], ours: Sequence[Any], theirs: Sequence[Any]
) -> tuple[list[Any], list[Conflict]]:
    """One list merged by id (items, rank), with the conflicts found in it."""
    if ours == theirs:
        return list(ours), []
    b = {i.id: i for i in base}
    o = {i.id: i for i in ours}
    t = {i.id: i for i in theirs}
    kept: dict[str, Any] = {}
    conflicts: list[Conflict] = []

    def deleted(item_id: str, by_ours: bool) -> None:
        conflicts.append(
            Conflict(list=name, id=item_id, field="deleted", ours=by_ours, theirs=not by_ours)
        )

    for item_id, item in o.items():
        if item_id in t:
            merged, clashes = merge_fields(b.get(item_id), item, t[item_id])
            kept[item_id] = merged
            conflicts.extend(
                Conflict(list=name, id=item_id, field=f, ours=_record(ov), theirs=_record(tv))
                for f, ov, tv in clashes
            )
        elif item_id not in b:
            kept[item_id] = item  # ours added it
        elif item != b[item_id]:
            kept[item_id] = item  # theirs deleted what ours changed
            deleted(item_id, by_ours=False)
    for item_id, item in t.items():
        if item_id in o:
            continue
        if item_id not in b:
            kept[item_id] = item  # theirs added it
        elif item != b[item_id]:
            kept[item_id] = item  # ours deleted what theirs changed
            deleted(item_id, by_ours=True)
    order, clash = merge_order(list(b), list(o), list(t), kept)
    if clash:
        conflicts.append(Conflict(list=name, field="order", ours=tuple(o), theirs=tuple(t)))
    return [kept[i] for i in order], conflicts


# ---------------------------------------------------------------- the canvas


def _drop_dangling(canvas: Canvas) -> Canvas:
    """Remove links to items that are gone (deleted on one side, linked on the other)."""
    present = {name: {i.id for i in items_of(canvas, name)} for name in LIST_NAMES}
    out = canvas
    for name in LIST_NAMES:
        links = id_fields(name)
        if not links:
            continue
        items = list(items_of(out, name))
        changed = False
        for n, item in enumerate(items):
            update: dict[str, Any] = {}
            for f, target in links:
                value = getattr(item, f)
                if isinstance(value, tuple):
                    if not present[target].issuperset(value):
                        update[f] = tuple(v for v in value if v in present[target])
                elif value and value not in present[target]:  # a link to one item
                    update[f] = type(item).model_fields[f].get_default()
            if update:
                items[n] = item.model_copy(update=update)
                changed = True
        if changed:
            out = replace_list(out, name, items)
    return out


def merge(base: Canvas, ours: Canvas, theirs: Canvas) -> MergeResult:
    """BASE, OURS and THEIRS merged by id; conflicts are in the result's `conflicts`."""
    theirs, renamed = renumber_theirs(base, ours, theirs)
    found: list[Conflict] = []
    update: dict[str, Any] = {}
    b, o, t = canvas_fields(base), canvas_fields(ours), canvas_fields(theirs)
    journey: dict[str, Any] = {}
    for field in o:
        if field == "phases":
            continue
        value, clash = _value(b.get(field), o[field], t.get(field, o[field]))
        if clash:
            found.append(
                Conflict(list=CANVAS, field=field, ours=_record(o[field]), theirs=_record(t[field]))
            )
        elif value is not o[field]:
            (update if field in Canvas.model_fields else journey)[field] = value

    phases_b, phases_o, phases_t = base.journey.phases, ours.journey.phases, theirs.journey.phases
    phases = merge_set(phases_b, phases_o, phases_t) or phases_o
    order, clash = merge_order(phases_b, phases_o, phases_t, phases)
    if clash:
        found.append(Conflict(list=CANVAS, field="phases", ours=phases_o, theirs=phases_t))

    lists: dict[ListName, list[Any]] = {}
    for name in LIST_NAMES:
        items, clashes = merge_list(
            name, items_of(base, name), items_of(ours, name), items_of(theirs, name)
        )
        lists[name] = items
        found.extend(clashes)

    used = [s.phase for s in lists["steps"] if s.phase and s.phase not in order]
    order.extend(dict.fromkeys(used))  # a step's phase the other side removed comes back

    journey.update(phases=tuple(order), steps=tuple(lists.pop("steps")))
    update["journey"] = ours.journey.model_copy(update=journey)
    update.update({name: tuple(items) for name, items in lists.items()})
    earlier = ours.conflicts + tuple(c for c in theirs.conflicts if c not in ours.conflicts)
    update["conflicts"] = earlier + tuple(found)
    merged = _drop_dangling(ours.model_copy(update=update))
    return MergeResult(merged, tuple(found), renamed)
