"""Fit, exactly as fit.md defines it: one pure function for panel, CLI and exports.

A single pass over the canvas with sets of linked ids, so it stays linear; the
per-list parts are remembered per list object, so after an edit only the lists it
changed are read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import Any, Literal

from valuecanvas.memo import by_identity
from valuecanvas.model import LISTS, Canvas, ListName, items_of

Verdict = Literal["none", "partial", "fit"]
PROFILE: tuple[ListName, ListName, ListName] = ("jobs", "pains", "gains")
VALUE_MAP: tuple[ListName, ListName, ListName] = ("products", "pain_relievers", "gain_creators")
# Which value map list addresses which profile list, and through which field.
ADDRESSED_BY: dict[ListName, tuple[ListName, str]] = {
    "jobs": ("products", "jobs"),
    "pains": ("pain_relievers", "pains"),
    "gains": ("gain_creators", "gains"),
}


def weight(list_name: ListName, level: str) -> int:
    """3 for the top level, 2 for the middle, 1 for the bottom."""
    values = LISTS[list_name].level_values
    return len(values) - values.index(level)


# weight() of every level word, per profile list.
_WEIGHTS: dict[ListName, dict[str, int]] = {
    name: {level: weight(name, level) for level in LISTS[name].level_values} for name in PROFILE
}


def percent(part: int, whole: int) -> int | None:
    """100 × part / whole, rounded half up; None for an empty whole."""
    if whole == 0:
        return None
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class FitReport:
    verdict: Verdict
    score: int | None
    coverage: dict[ListName, int | None]
    gaps: dict[ListName, tuple[str, ...]]
    must_address: tuple[str, ...]
    unanchored: tuple[str, ...]
    journey_low_points: tuple[str, ...]
    addressed: frozenset[str]

    def to_json(self) -> dict[str, Any]:
        """Exactly the JSON object of fit.md."""
        return {
            "verdict": self.verdict,
            "score": self.score,
            "coverage": {name: self.coverage[name] for name in PROFILE},
            "gaps": {name: list(self.gaps[name]) for name in PROFILE},
            "unanchored": list(self.unanchored),
            "journey_low_points": list(self.journey_low_points),
        }


# The lists fit reads, in the order `_fit` takes them.
_FIT_LISTS: tuple[ListName, ...] = (*PROFILE, *VALUE_MAP, "steps")


def compute_fit(canvas: Canvas) -> FitReport:
    """Fit of fit.md. Runs after every edit: each part is remembered per list object
    (`memo.by_identity`), so an edit recomputes only the lists it changed and undo/redo
    recomputes nothing. The report is shared between calls: never change it."""
    return _fit(*(items_of(canvas, name) for name in _FIT_LISTS))


@by_identity(16)
def _linked(sources: tuple[Any, ...], field: str) -> frozenset[str]:
    """Every id the `field` links of these items name."""
    get_links = attrgetter(field)
    linked: set[str] = set()
    for s in sources:
        linked.update(get_links(s))
    return frozenset(linked)


@by_identity(16)
def _ids(items: tuple[Any, ...]) -> frozenset[str]:
    return frozenset(i.id for i in items)


@by_identity(16)
def _both(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """a ∩ b, the same object while a and b are (so `_profile` below stays remembered)."""
    return a & b


@dataclass(frozen=True)
class _ProfilePart:
    """One profile list's share of the report, given which of its ids are addressed."""

    total: int
    done: int
    gaps: tuple[str, ...]
    must: tuple[str, ...]


@by_identity(16)
def _profile(name: ListName, items: tuple[Any, ...], addressed: frozenset[str]) -> _ProfilePart:
    spec = LISTS[name]
    total = done = 0
    by_level: dict[str, list[str]] = {v: [] for v in spec.level_values}
    must: list[str] = []
    weights = _WEIGHTS[name]
    get_level = attrgetter(str(spec.level_field))
    top = spec.level_values[0]
    for rank, item in enumerate(items):
        level = get_level(item)
        w = weights[level]
        total += w
        item_id = item.id
        if item_id in addressed:
            done += w
        else:
            by_level[level].append(item_id)
        if level == top or rank == 0:
            must.append(item_id)
    gaps = tuple(i for v in spec.level_values for i in by_level[v])
    return _ProfilePart(total, done, gaps, tuple(must))


@by_identity(16)
def _unanchored(name: ListName, items: tuple[Any, ...]) -> tuple[str, ...]:
    fields = [field for field, _ in LISTS[name].links]
    return tuple(item.id for item in items if not any(getattr(item, field) for field in fields))


@by_identity(16)
def _disjoint(a: frozenset[str], b: frozenset[str]) -> bool:
    return a.isdisjoint(b)


@by_identity(16)
def _union(*sets: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*sets)


@by_identity(16)
def _low_points(steps: tuple[Any, ...], relieved: frozenset[str]) -> tuple[str, ...]:
    """Steps felt as bad (emotion -1 or lower) with no pain of theirs relieved."""
    return tuple(s.id for s in steps if s.emotion <= -1 and relieved.isdisjoint(s.pains))


@by_identity(16)
def _fit(*lists: tuple[Any, ...]) -> FitReport:
    by_name = dict(zip(_FIT_LISTS, lists, strict=True))
    # Per profile list: its ids some value map item links (fit.md "addressed").
    own: dict[ListName, frozenset[str]] = {}
    for target, (source, field) in ADDRESSED_BY.items():
        linked = _linked(by_name[source], field)
        own[target] = _both(linked, _ids(by_name[target]))
    addressed = _union(own["jobs"], own["pains"], own["gains"])

    coverage: dict[ListName, int | None] = {}
    gaps: dict[ListName, tuple[str, ...]] = {}
    must: list[str] = []
    total_all = done_all = 0
    # Each profile list's part is remembered with its own addressed ids. Only a file with
    # the same id in two lists (which storage refuses) could have an id addressed in one
    # count in another: then every list reads the whole set, as fit.md says.
    ids = [_ids(by_name[name]) for name in PROFILE]
    shared = _disjoint(ids[0], ids[1]) and _disjoint(ids[0], ids[2]) and _disjoint(ids[1], ids[2])
    for name in PROFILE:
        items = by_name[name]
        mine = own[name] if shared else addressed
        part = _profile(name, items, mine)
        coverage[name] = percent(part.done, part.total)
        gaps[name] = part.gaps
        must.extend(part.must)
        total_all += part.total
        done_all += part.done

    if not addressed:
        verdict: Verdict = "none"
    elif addressed.issuperset(must):
        verdict = "fit"
    else:
        verdict = "partial"

    unanchored = sum((_unanchored(name, by_name[name]) for name in VALUE_MAP), ())
    # The addressed pains; with every id in one list only, exactly own["pains"].
    relieved = own["pains"] if shared else _both(addressed, _ids(by_name["pains"]))
    low_points = _low_points(by_name["steps"], relieved)
    return FitReport(
        verdict=verdict,
        score=percent(done_all, total_all),
        coverage=coverage,
        gaps=gaps,
        must_address=tuple(must),
        unanchored=unanchored,
        journey_low_points=low_points,
        addressed=addressed,
    )
