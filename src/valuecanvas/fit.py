"""Fit, exactly as fit.md defines it: one pure function for panel, CLI and exports.

A single pass over the canvas with sets of linked ids, so it stays linear and
well under a millisecond per thousand items.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import Any, Literal

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


def compute_fit(canvas: Canvas) -> FitReport:
    # Linear and allocation-light: it runs after every edit, on canvases of thousands of items.
    addressed: set[str] = set()
    for target, (source, field) in ADDRESSED_BY.items():
        get_links = attrgetter(field)
        linked: set[str] = set()
        for s in items_of(canvas, source):
            linked.update(get_links(s))
        if linked:
            addressed.update(linked.intersection([i.id for i in items_of(canvas, target)]))

    coverage: dict[ListName, int | None] = {}
    gaps: dict[ListName, tuple[str, ...]] = {}
    must: list[str] = []
    total_all = done_all = 0
    for name in PROFILE:
        spec = LISTS[name]
        items = items_of(canvas, name)
        total = done = 0
        by_level: dict[str, list[str]] = {v: [] for v in spec.level_values}
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
        coverage[name] = percent(done, total)
        gaps[name] = tuple(i for v in spec.level_values for i in by_level[v])
        total_all += total
        done_all += done

    if not addressed:
        verdict: Verdict = "none"
    elif addressed.issuperset(must):
        verdict = "fit"
    else:
        verdict = "partial"

    unanchored: list[str] = []
    for name in VALUE_MAP:
        fields = [field for field, _ in LISTS[name].links]
        unanchored.extend(
            item.id
            for item in items_of(canvas, name)
            if not any(getattr(item, field) for field in fields)
        )
    relieved = addressed.intersection([p.id for p in canvas.pains])
    low_points = tuple(
        s.id for s in canvas.journey.steps if s.emotion <= -1 and relieved.isdisjoint(s.pains)
    )
    return FitReport(
        verdict=verdict,
        score=percent(done_all, total_all),
        coverage=coverage,
        gaps=gaps,
        must_address=tuple(must),
        unanchored=tuple(unanchored),
        journey_low_points=low_points,
        addressed=frozenset(addressed),
    )
