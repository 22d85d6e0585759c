"""Every change to a canvas, as a pure function: old canvas in, new canvas out.

The TUI sends every key through these, tests call them directly, and undo is
just the previous canvas. An edit that changes nothing returns the very same
canvas object, so callers can tell (`new is old`) and record no history.
Edits keep the file's rules: unique ids, links only to the right lists (and
removed with the item they point to), phases that exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from pydantic import ValidationError

from valuecanvas.errors import EditError
from valuecanvas.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    LINKED_FROM,
    LIST_NAMES,
    LISTS,
    AnyItem,
    Canvas,
    Item,
    ListName,
    Step,
    items_of,
)
from valuecanvas.model import replace_list as replace_list  # re-exported: edits' callers use them
from valuecanvas.rules import all_ids as all_ids
from valuecanvas.rules import complete as complete
from valuecanvas.rules import index_of, linkers
from valuecanvas.rules import next_id as next_id
from valuecanvas.validation import explain

# ---------------------------------------------------------------- lookups


def find(canvas: Canvas, item_id: str) -> tuple[ListName, int, AnyItem]:
    """The list, index and item with this id; EditError if there is none."""
    for name in LIST_NAMES:
        items = items_of(canvas, name)
        index = index_of(items).get(item_id)
        if index is not None:
            return name, index, cast(AnyItem, items[index])
    raise EditError("there is no item with id '{id}'", id=item_id)


def list_of(canvas: Canvas, item_id: str) -> ListName | None:
    """Which list holds this id, or None."""
    try:
        return find(canvas, item_id)[0]
    except EditError:
        return None


def _validated(name: ListName, data: Mapping[str, Any]) -> Item:
    spec = LISTS[name]
    try:
        return spec.model.model_validate(dict(data))
    except ValidationError as exc:
        messages = [
            f"{spec.singular if place in ('', 'top level') else place.split('.')[-1]}: {msg}"
            for _, place, msg in explain(exc, dict(data), spec.model)
        ]
        raise EditError("; ".join(messages)) from None


def _check_links(canvas: Canvas, name: ListName, field: str, ids: Iterable[str]) -> None:
    target = dict(LISTS[name].links)[field]
    targets = index_of(items_of(canvas, target))
    for link in ids:
        if link not in targets:
            raise EditError(
                f"'{link}' is not one of the {target}; a {field} link must name a {LISTS[target].singular}"
            )


# ---------------------------------------------------------------- items


def add_item(
    canvas: Canvas,
    name: ListName,
    text: str,
    *,
    index: int | None = None,
    phase: str | None = None,
) -> tuple[Canvas, str]:
    """Add an item with default fields (at the end unless `index`); returns it and its id."""
    new_id = next_id(canvas, name)
    spec = LISTS[name]
    data: dict[str, Any] = {"id": new_id, spec.text_field: text.strip()}
    if spec.phased:
        phases = canvas.journey.phases
        chosen = phase if phase is not None else (phases[0] if phases else "")
        if chosen not in phases:
            raise EditError(
                f"phase '{chosen}' is not one of the journey phases ({', '.join(phases)}); "
                "choose one of those or add the phase first"
            )
        data["phase"] = chosen
    item = _validated(name, data)
    items = list(items_of(canvas, name))
    items.insert(len(items) if index is None else max(0, min(index, len(items))), item)
    return replace_list(canvas, name, items), new_id


def update_item(canvas: Canvas, item_id: str, changes: Mapping[str, Any]) -> Canvas:
    """Change fields of one item (text, kind, level, notes, links, …), checked as a file would be."""
    name, index, item = find(canvas, item_id)
    if "id" in changes and changes["id"] != item_id:
        raise EditError("an id never changes once given")
    current = item.model_dump()
    merged = {**current, **changes}
    if merged == current:
        return canvas
    spec = LISTS[name]
    new = _validated(name, merged)
    if new == item:  # e.g. the same links given as a list
        return canvas
    for field, _target in spec.links:
        if field in changes:
            _check_links(canvas, name, field, getattr(new, field))
    if (
        isinstance(new, Step)
        and new.persona
        and "persona" in changes
        and new.persona not in {p.id for p in canvas.personas}
    ):
        raise EditError(
            f"'{new.persona}' is not one of the personas; a step's persona must name one"
        )
    phases = canvas.journey.phases
    if isinstance(new, Step) and new.phase not in phases:
        raise EditError(
            f"phase '{new.phase}' is not one of the journey phases ({', '.join(phases)}); "
            "choose one of those or add the phase first"
        )
    items = list(items_of(canvas, name))
    items[index] = new
    return replace_list(canvas, name, items)


def delete_item(canvas: Canvas, item_id: str) -> Canvas:
    """Remove an item and every link to it."""
    name, index, _ = find(canvas, item_id)
    items = list(items_of(canvas, name))
    del items[index]
    out = replace_list(canvas, name, items)
    if name == "personas" and any(s.persona == item_id for s in out.journey.steps):
        steps = (
            s.model_copy(update={"persona": ""}) if s.persona == item_id else s
            for s in out.journey.steps
        )
        out = replace_list(out, "steps", steps)
    for source, field in LINKED_FROM[name]:
        sources = items_of(out, source)
        if item_id in linkers(sources, field):
            out = replace_list(
                out,
                source,
                (
                    s.model_copy(
                        update={field: tuple(x for x in getattr(s, field) if x != item_id)}
                    )
                    if item_id in getattr(s, field)
                    else s
                    for s in sources
                ),
            )
    return out


def move_item(canvas: Canvas, item_id: str, delta: int) -> Canvas:
    """Move an item `delta` places (negative: up, to a higher rank), stopping at the ends."""
    name, index, item = find(canvas, item_id)
    items = list(items_of(canvas, name))
    target = max(0, min(len(items) - 1, index + delta))
    if target == index:
        return canvas
    del items[index]
    items.insert(target, item)
    return replace_list(canvas, name, items)


def shift_level(canvas: Canvas, item_id: str, delta: int) -> Canvas:
    """`+`/`-`: raise (delta > 0) or lower the level; on a journey step, the emotion."""
    name, _, item = find(canvas, item_id)
    if isinstance(item, Step):
        emotion = max(EMOTION_MIN, min(EMOTION_MAX, item.emotion + delta))
        return update_item(canvas, item_id, {"emotion": emotion})
    spec = LISTS[name]
    if spec.level_field is None:
        return canvas
    values = spec.level_values
    position = values.index(getattr(item, spec.level_field))
    new = values[max(0, min(len(values) - 1, position - delta))]
    return update_item(canvas, item_id, {spec.level_field: new})


def cycle_kind(canvas: Canvas, item_id: str, step: int = 1) -> Canvas:
    """`t` / `T`: the next (step 1) or previous (step -1) kind of the item's list, wrapping
    around, so one `T` undoes one `t`."""
    name, _, item = find(canvas, item_id)
    kinds = LISTS[name].kind_values
    if not kinds:
        return canvas
    current = getattr(item, "kind")  # noqa: B009 - only lists with kinds get here
    return update_item(canvas, item_id, {"kind": kinds[(kinds.index(current) + step) % len(kinds)]})


# ---------------------------------------------------------------- links


def link_field(source: ListName, target: ListName) -> str | None:
    """The field of `source` items that links to `target` items, if any."""
    return next((f for f, t in LISTS[source].links if t == target), None)


def linked_ids(canvas: Canvas, item_id: str) -> set[str]:
    """Every item linked with this one, in either direction."""
    name, _, item = find(canvas, item_id)
    out: set[str] = set()
    for field, _ in LISTS[name].links:
        out.update(getattr(item, field))
    for source, field in LINKED_FROM[name]:
        out.update(linkers(items_of(canvas, source), field).get(item_id, ()))
    return out


def set_links(canvas: Canvas, item_id: str, target: ListName, ids: Iterable[str]) -> Canvas:
    """Make the item link exactly `ids` of the `target` list (kept in the target's rank order)."""
    name, _, item = find(canvas, item_id)
    field = link_field(name, target)
    if field is None:
        raise EditError("a {item} cannot link {target}", item=LISTS[name].singular, target=target)
    wanted = set(ids)
    _check_links(canvas, name, field, wanted)
    ordered = tuple(i.id for i in items_of(canvas, target) if i.id in wanted)
    if ordered == tuple(getattr(item, field)):
        return canvas
    return update_item(canvas, item_id, {field: ordered})


def set_linked_by(canvas: Canvas, item_id: str, source: ListName, ids: Iterable[str]) -> Canvas:
    """From a job, pain or gain: make exactly `ids` of the `source` list link to it."""
    target, _, _ = find(canvas, item_id)
    field = link_field(source, target)
    if field is None:
        raise EditError("{source} cannot link a {item}", source=source, item=LISTS[target].singular)
    wanted = set(ids)
    known = {s.id for s in items_of(canvas, source)}
    missing = wanted - known
    if missing:
        raise EditError(f"'{sorted(missing)[0]}' is not one of the {source}")
    order = {i.id: n for n, i in enumerate(items_of(canvas, target))}
    changed = False
    new_items = []
    for s in items_of(canvas, source):
        links = tuple(getattr(s, field))
        has = item_id in links
        if (s.id in wanted) == has:
            new_items.append(s)
            continue
        changed = True
        if has:
            links = tuple(x for x in links if x != item_id)
        else:
            links = tuple(sorted((*links, item_id), key=lambda x: order.get(x, len(order))))
        new_items.append(s.model_copy(update={field: links}))
    return replace_list(canvas, source, new_items) if changed else canvas


def toggle_link(canvas: Canvas, a_id: str, b_id: str) -> Canvas:
    """Link two items if they are not linked, unlink them if they are (either direction)."""
    a_list, _, a = find(canvas, a_id)
    b_list, _, b = find(canvas, b_id)
    if (field := link_field(a_list, b_list)) is not None:
        current = set(getattr(a, field))
        return set_links(canvas, a_id, b_list, current ^ {b_id})
    if (field := link_field(b_list, a_list)) is not None:
        current = set(getattr(b, field))
        return set_links(canvas, b_id, a_list, current ^ {a_id})
    raise EditError(
        "a {item} and a {other} cannot be linked",
        item=LISTS[a_list].singular,
        other=LISTS[b_list].singular,
    )


# ---------------------------------------------------------------- canvas and journey


def update_canvas(canvas: Canvas, changes: Mapping[str, Any]) -> Canvas:
    """Change the canvas settings: title, segment, market, notes."""
    allowed = {"title", "segment", "market", "notes"}
    unknown = set(changes) - allowed
    if unknown:
        raise EditError(
            f"'{sorted(unknown)[0]}' is not a canvas setting; use title, segment, market or notes"
        )
    if all(getattr(canvas, k) == v for k, v in changes.items()):
        return canvas
    data = {k: getattr(canvas, k) for k in allowed} | dict(changes)
    try:
        checked = Canvas.model_validate(data)
    except ValidationError as exc:
        raise EditError("; ".join(f"{p}: {m}" for _, p, m in explain(exc, data))) from None
    return canvas.model_copy(update={k: getattr(checked, k) for k in allowed})


def _with_phases(
    canvas: Canvas, phases: Iterable[str], steps: Iterable[Step] | None = None
) -> Canvas:
    update: dict[str, Any] = {"phases": tuple(phases)}
    if steps is not None:
        update["steps"] = tuple(steps)
    return canvas.model_copy(update={"journey": canvas.journey.model_copy(update=update)})


def _phase_name(name: str, phases: tuple[str, ...], current: str | None = None) -> str:
    clean = name.strip()
    if not clean:
        raise EditError("a phase needs a name")
    if any(ch in clean for ch in "\n\t") or any(ord(ch) < 32 or ord(ch) == 127 for ch in clean):
        raise EditError("a phase name is one line of text without control characters")
    if clean in phases and clean != current:
        raise EditError("there is already a phase '{phase}'", phase=clean)
    return clean


def add_phase(canvas: Canvas, name: str, index: int | None = None) -> Canvas:
    phases = list(canvas.journey.phases)
    clean = _phase_name(name, canvas.journey.phases)
    phases.insert(len(phases) if index is None else max(0, min(index, len(phases))), clean)
    return _with_phases(canvas, phases)


def rename_phase(canvas: Canvas, old: str, new: str) -> Canvas:
    """Rename a phase and every step in it."""
    phases = canvas.journey.phases
    if old not in phases:
        raise EditError("there is no phase '{phase}'", phase=old)
    clean = _phase_name(new, phases, current=old)
    if clean == old:
        return canvas
    steps = [
        s.model_copy(update={"phase": clean}) if s.phase == old else s for s in canvas.journey.steps
    ]
    return _with_phases(canvas, [clean if p == old else p for p in phases], steps)


def move_phase(canvas: Canvas, phase: str, delta: int) -> Canvas:
    phases = list(canvas.journey.phases)
    if phase not in phases:
        raise EditError("there is no phase '{phase}'", phase=phase)
    index = phases.index(phase)
    target = max(0, min(len(phases) - 1, index + delta))
    if target == index:
        return canvas
    phases.insert(target, phases.pop(index))
    return _with_phases(canvas, phases)


def remove_phase(canvas: Canvas, phase: str) -> Canvas:
    """Remove a phase no step uses (a used one would orphan its steps)."""
    phases = canvas.journey.phases
    if phase not in phases:
        raise EditError("there is no phase '{phase}'", phase=phase)
    used = sum(1 for s in canvas.journey.steps if s.phase == phase)
    if used:
        raise EditError(
            "phase '{phase}' still has {count} step(s); move or delete them first",
            phase=phase,
            count=used,
        )
    if len(phases) == 1:
        raise EditError("the journey needs at least one phase")
    return _with_phases(canvas, [p for p in phases if p != phase])
