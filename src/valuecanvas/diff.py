"""What changed between two canvases, by id: the review of a canvas in a pull request.

Items are matched by id, never by position or text, so an edited item is one
change, not a removed and an added one. A moved item is one of the fewest whose
removal leaves the rest in the same order (the complement of a longest increasing
subsequence), so moving one item up reports that one item, not all it passed.
Fields are read from the models, so a field added to an item is compared too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from valuecanvas.fit import PROFILE, compute_fit
from valuecanvas.model import LIST_NAMES, LISTS, Canvas, Journey, ListName, items_of

# Canvas keys that are not fields of their own: the lists, the journey table, bookkeeping.
_NOT_FIELDS = frozenset({"format", "journey", "conflicts", *LIST_NAMES})


def canvas_fields(canvas: Canvas) -> dict[str, Any]:
    """The canvas's own fields (title, segment, market, notes, phases …), defaults filled in."""
    out = {name: getattr(canvas, name) for name in Canvas.model_fields if name not in _NOT_FIELDS}
    for name in Journey.model_fields:
        if name != "steps":
            out[name] = getattr(canvas.journey, name)
    return out


def id_fields(name: ListName) -> list[tuple[str, ListName]]:
    """The fields of a list's items that hold ids, with the list they point to.

    The links of `LISTS`, and any field named after a list's item (a step's `persona`
    names one persona), so a link field added tomorrow is followed too.
    """
    spec = LISTS[name]
    out = list(spec.links)
    by_singular = {other.singular: other.name for other in LISTS.values()}
    for key in spec.model.model_fields:
        if key in by_singular and key not in dict(out):
            out.append((key, by_singular[key]))
    return out


def item_fields(item: BaseModel) -> dict[str, Any]:
    """Every field of an item but its id (an absent optional field is None)."""
    return {name: getattr(item, name) for name in type(item).model_fields if name != "id"}


def jsonable(value: Any) -> Any:
    """A field value as JSON holds it: tuples become lists."""
    return list(value) if isinstance(value, tuple) else value


def longest_increasing(seq: Sequence[int]) -> set[int]:
    """Positions in `seq` of one longest strictly increasing subsequence (O(n log n))."""
    tails: list[int] = []  # tails[k]: smallest last value of an increasing run of length k+1
    tail_at: list[int] = []  # position in seq of that value
    parent = [-1] * len(seq)
    for pos, value in enumerate(seq):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[k] = value
            tail_at[k] = pos
        parent[pos] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(pos)
        pos = parent[pos]
    return keep


def moved_ids(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """Of the ids in both, the fewest that, taken out, leave the rest in the same order."""
    old_rank = {item_id: n for n, item_id in enumerate(old)}
    common = [item_id for item_id in new if item_id in old_rank]
    keep = longest_increasing([old_rank[i] for i in common])
    return [item_id for pos, item_id in enumerate(common) if pos not in keep]


@dataclass(frozen=True)
class ListDiff:
    """One list's changes; ids in the order of the file they come from."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    moved: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.moved)


@dataclass(frozen=True)
class FitChange:
    score: tuple[int | None, int | None]
    verdict: tuple[str, str]
    gaps_opened: list[str]
    gaps_closed: list[str]


@dataclass(frozen=True)
class CanvasDiff:
    """Everything that differs between OLD and NEW, with both canvases for the labels."""

    old: Canvas
    new: Canvas
    canvas: dict[str, tuple[Any, Any]]
    lists: dict[ListName, ListDiff]
    fit: FitChange

    @property
    def same(self) -> bool:
        """True when the canvases hold the same fields and items in the same order."""
        return not self.canvas and not any(self.lists.values())

    def to_json(self) -> dict[str, Any]:
        """Exactly the JSON object of collaboration.md."""
        return {
            "canvas": {k: [jsonable(a), jsonable(b)] for k, (a, b) in self.canvas.items()},
            "lists": {
                name: {
                    "added": list(d.added),
                    "removed": list(d.removed),
                    "changed": {
                        item_id: {f: [jsonable(a), jsonable(b)] for f, (a, b) in fields.items()}
                        for item_id, fields in d.changed.items()
                    },
                    "moved": list(d.moved),
                }
                for name, d in self.lists.items()
            },
            "fit": {
                "score": list(self.fit.score),
                "verdict": list(self.fit.verdict),
                "gaps_opened": list(self.fit.gaps_opened),
                "gaps_closed": list(self.fit.gaps_closed),
            },
        }


def diff_list(old: Sequence[Any], new: Sequence[Any]) -> ListDiff:
    """Added, removed, changed (field by field) and moved items of one list."""
    old_by_id = {i.id: i for i in old}
    new_ids = {i.id for i in new}
    changed: dict[str, dict[str, tuple[Any, Any]]] = {}
    for item in new:
        before = old_by_id.get(item.id)
        if before is None or before == item:
            continue
        a, b = item_fields(before), item_fields(item)
        fields = {f: (a.get(f), b.get(f)) for f in {**a, **b} if a.get(f) != b.get(f)}
        if fields:
            changed[item.id] = fields
    return ListDiff(
        added=[i.id for i in new if i.id not in old_by_id],
        removed=[i.id for i in old if i.id not in new_ids],
        changed=changed,
        moved=moved_ids([i.id for i in old], [i.id for i in new]),
    )


def _gaps(canvas: Canvas) -> tuple[Any, list[str]]:
    report = compute_fit(canvas)
    return report, [i for name in PROFILE for i in report.gaps[name]]


def diff(old: Canvas, new: Canvas) -> CanvasDiff:
    """The changes that turn OLD into NEW, and what they did to the fit."""
    a, b = canvas_fields(old), canvas_fields(new)
    fields = {name: (a[name], b[name]) for name in a if a[name] != b.get(name)}
    lists = {name: diff_list(items_of(old, name), items_of(new, name)) for name in LIST_NAMES}
    old_fit, old_gaps = _gaps(old)
    new_fit, new_gaps = _gaps(new)
    old_set, new_set = set(old_gaps), set(new_gaps)
    fit = FitChange(
        score=(old_fit.score, new_fit.score),
        verdict=(old_fit.verdict, new_fit.verdict),
        gaps_opened=[i for i in new_gaps if i not in old_set],
        gaps_closed=[i for i in old_gaps if i not in new_set],
    )
    return CanvasDiff(old, new, fields, lists, fit)
