"""Rules over the whole canvas: ids, completing a hand-written file, cross-item rules.

The model (`model.py`) says what one item may hold; these functions look at all of
them at once. Storage runs them on every load; edits use the ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from valuecanvas.errors import printable
from valuecanvas.memo import by_identity
from valuecanvas.model import (
    LIST_NAMES,
    LISTS,
    Canvas,
    ListName,
    Step,
    all_items,
    items_of,
    place_of,
    replace_list,
)


def all_ids(canvas: Canvas) -> set[str]:
    """Every id in use, in any list."""
    return {item.id for name in LIST_NAMES for item in items_of(canvas, name) if item.id}


def next_id(canvas: Canvas, name: ListName, taken: set[str] | None = None) -> str:
    """The next free app-style id of a list: its prefix and one more than the highest number.

    The highest number of each prefix is remembered per list object, so adding an item
    to a large canvas reads only the list the last edit changed, not every id.
    """
    prefix = LISTS[name].prefix
    if taken is not None:
        pattern = re.compile(rf"^{prefix}(\d+)$")
        numbers = [int(m.group(1)) for i in taken if (m := pattern.match(i))]
        n = max(numbers, default=0) + 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"
    lists = [items_of(canvas, other) for other in LIST_NAMES]
    n = max(_highest(items, prefix) for items in lists) + 1
    while any(f"{prefix}{n}" in index_of(items) for items in lists):
        n += 1
    return f"{prefix}{n}"


@by_identity(32)
def index_of(items: tuple[Any, ...]) -> dict[str, int]:
    """Where each id first stands in this list (remembered per list object): finding an
    item after an edit reads only the lists the edit changed. Do not change the dict."""
    out: dict[str, int] = {}
    for n, item in enumerate(items):
        out.setdefault(item.id, n)
    return out


@by_identity(32)
def linkers(sources: tuple[Any, ...], field: str) -> dict[str, tuple[str, ...]]:
    """For every id these items link through `field`: the ids of the items linking it,
    in list order (remembered per list object). Do not change the dict."""
    out: dict[str, list[str]] = {}
    for s in sources:
        for link in getattr(s, field):
            out.setdefault(link, []).append(s.id)
    return {link: tuple(ids) for link, ids in out.items()}


@by_identity(64)
def _highest(items: tuple[Any, ...], prefix: str) -> int:
    """The highest number of the ids that read `prefix` and a number, 0 if none: the ids
    `^{prefix}(\\d+)$` matches (decimal digits of any script; `$` also before one final
    newline), without a regular expression per id."""
    cut = len(prefix)
    best = 0
    for item in items:
        item_id = item.id
        if item_id.startswith(prefix):
            rest = item_id[cut:]
            if rest.endswith("\n"):
                rest = rest[:-1]
            if rest.isdecimal():
                best = max(best, int(rest))
    return best


def complete(canvas: Canvas) -> Canvas:
    """Fill in what a hand-written file may leave out: ids and a phased item's phase."""
    taken = all_ids(canvas)
    first_phase = canvas.journey.phases[0] if canvas.journey.phases else ""
    out = canvas
    for name in LIST_NAMES:
        phased = LISTS[name].phased
        items = items_of(out, name)
        if all(i.id and (not phased or i.phase) for i in items):
            continue
        fixed = []
        for item in items:
            update: dict[str, Any] = {}
            if not item.id:
                update["id"] = next_id(out, name, taken)
                taken.add(update["id"])
            if phased and not item.phase and first_phase:
                update["phase"] = first_phase
            fixed.append(item.model_copy(update=update) if update else item)
        out = replace_list(out, name, fixed)
    return out


@dataclass(frozen=True)
class RuleBreak:
    """A broken cross-item rule: where, and what to do (storage adds the file name)."""

    place: str
    message: str
    list_name: ListName | None = None
    index: int | None = None
    key: str | None = None


def rule_breaks(canvas: Canvas) -> list[RuleBreak]:
    """Rules that span items: unique ids, links to the right lists, known phases."""
    out: list[RuleBreak] = []
    owner: dict[str, ListName] = {}
    for name, index, item in all_items(canvas):
        if not item.id:
            continue
        if item.id in owner:
            other = LISTS[owner[item.id]].singular
            out.append(
                RuleBreak(
                    place_of(name, index, item.id),
                    f"id '{item.id}' is already used by a {other}; ids must be unique in "
                    "the whole file — rename one of them",
                    name, index, "id",
                )
            )  # fmt: skip
        else:
            owner[item.id] = name
    known_ids: dict[ListName, list[str]] = {}
    phases = canvas.journey.phases
    if len(set(phases)) != len(phases):
        dup = next(p for p in phases if phases.count(p) > 1)
        out.append(
            RuleBreak(
                "journey.phases", f"phase '{printable(dup)}' is listed twice; list each phase once"
            )
        )
    for name, index, item in all_items(canvas):
        spec = LISTS[name]
        for field, target in spec.links:
            for link in getattr(item, field):
                found = owner.get(link)
                if found == target:
                    continue
                want = LISTS[target].singular
                if found is None:
                    if target not in known_ids:  # once per list: linear in the problems
                        known_ids[target] = [i.id for i in items_of(canvas, target) if i.id][:8]
                    known = known_ids[target]
                    hint = (
                        f"known {target}: {', '.join(known)}" if known else f"there are no {target}"
                    )
                    msg = (
                        f"links to '{link}', which does not exist ({hint}); "
                        f"correct the id or remove it from {field}"
                    )
                else:
                    msg = (
                        f"links to '{link}', which is a {LISTS[found].singular}, not a {want}; "
                        f"'{field}' may only list {target}, so remove '{link}' from it"
                    )
                out.append(
                    RuleBreak(f"{place_of(name, index, item.id)}.{field}", msg, name, index, field)
                )
        if isinstance(item, Step) and item.persona and owner.get(item.persona) != "personas":
            out.append(_persona_break(canvas, index, item, owner.get(item.persona)))
        if isinstance(item, Step) and item.phase and item.phase not in phases:
            out.append(
                RuleBreak(
                    f"{place_of(name, index, item.id)}.phase",
                    f"phase '{printable(item.phase)}' is not in journey.phases "
                    f"({printable(', '.join(phases))}); "
                    "use one of those or add it to journey.phases",
                    name, index, "phase",
                )
            )  # fmt: skip
    return out


def _persona_break(canvas: Canvas, index: int, step: Step, found: ListName | None) -> RuleBreak:
    """A step whose `persona` names no persona: say which ids would do."""
    persona = step.persona
    if found is None:
        known = [p.id for p in canvas.personas if p.id][:8]
        hint = f"known personas: {', '.join(known)}" if known else "there are no personas"
        msg = (
            f"persona '{persona}' does not exist ({hint}); correct the id, "
            "or remove the persona key to leave the step unassigned"
        )
    else:
        msg = (
            f"persona '{persona}' is a {LISTS[found].singular}, not a persona; "
            "name a persona id (pe1, …) or remove the persona key"
        )
    return RuleBreak(f"{place_of('steps', index, step.id)}.persona", msg, "steps", index, "persona")
