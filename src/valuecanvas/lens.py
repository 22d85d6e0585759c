"""The value lens, exactly as value-lens.md defines it: one pure function for view, CLI, exports.

Fit asks whether the value map addresses the profile; the lens asks which value
(seed 002: practical or emotional), raised by which track, assured how (seed 003:
warranty) and how we know (seeds 001, 004: evidence, personas). One pass over the
canvas with the weights of fit.md, so it stays linear; each list's part is
remembered per list object, so after an edit only the lists it changed are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from valuecanvas.fit import PROFILE, VALUE_MAP, percent
from valuecanvas.memo import by_identity
from valuecanvas.model import (
    LISTS,
    STRATEGIES,
    VALUE_TYPES,
    WARRANTY_ASPECTS,
    Canvas,
    ListName,
    items_of,
)

Mismatch = Literal["emotional", "practical"]
EMOTIONAL_TYPES = frozenset({"emotional", "symbolic"})
MISMATCH_POINTS = 25  # more than this many points apart is a mismatch

# Weight of every level word (fit.md: top 3, middle 2, bottom 1), per list with levels.
_WEIGHTS: dict[ListName, dict[str, int]] = {
    name: {
        level: len(LISTS[name].level_values) - i for i, level in enumerate(LISTS[name].level_values)
    }
    for name in (*PROFILE, *VALUE_MAP)
}


@dataclass(frozen=True)
class LensReport:
    sought: dict[str, int]
    delivered: dict[str, int]
    sought_emotional_share: int | None
    delivered_emotional_share: int | None
    mismatch: Mismatch | None
    strategies: dict[str, int | None]
    warranty: dict[str, tuple[str, ...]]
    missing_warranty: tuple[str, ...]
    evidence_profile: int | None
    evidence_journey: int | None
    untested: tuple[str, ...]
    steps_by_persona: dict[str, int]
    unassigned_steps: int

    def to_json(self) -> dict[str, Any]:
        """Exactly the JSON object of value-lens.md; every key always present."""
        return {
            "value": {
                "sought": dict(self.sought),
                "delivered": dict(self.delivered),
                "sought_emotional_share": self.sought_emotional_share,
                "delivered_emotional_share": self.delivered_emotional_share,
                "mismatch": self.mismatch,
            },
            "strategies": dict(self.strategies),
            "warranty": {
                **{aspect: list(self.warranty[aspect]) for aspect in WARRANTY_ASPECTS},
                "missing": list(self.missing_warranty),
            },
            "evidence": {
                "profile": self.evidence_profile,
                "journey": self.evidence_journey,
                "untested": list(self.untested),
            },
            "steps_by_persona": dict(self.steps_by_persona),
            "unassigned_steps": self.unassigned_steps,
        }


def emotional_share(weights: dict[str, int]) -> int | None:
    """round(100 × (emotional + symbolic) / all four); None when no item has a value."""
    return percent(weights["emotional"] + weights["symbolic"], sum(weights.values()))


def mismatch_of(sought: int | None, delivered: int | None) -> Mismatch | None:
    """`emotional`: sought exceeds delivered by more than 25 points; `practical`: the reverse."""
    if sought is None or delivered is None:
        return None
    if sought - delivered > MISMATCH_POINTS:
        return "emotional"
    if delivered - sought > MISMATCH_POINTS:
        return "practical"
    return None


# The lists the lens reads, in the order `_lens` takes them.
_LENS_LISTS: tuple[ListName, ...] = (*PROFILE, *VALUE_MAP, "steps", "personas")


def compute_lens(canvas: Canvas) -> LensReport:
    """The lens of value-lens.md. Each list's part is remembered per list object
    (`memo.by_identity`), so an edit recomputes only the lists it changed and undo/redo
    recomputes nothing. The report is shared between calls: never change it."""
    return _lens(*(items_of(canvas, name) for name in _LENS_LISTS))


@dataclass(frozen=True)
class _ProfilePart:
    sought: dict[str, int]
    total: int
    known: int
    untested: tuple[str, ...]


@by_identity(16)
def _profile(name: ListName, items: tuple[Any, ...]) -> _ProfilePart:
    sought = dict.fromkeys(VALUE_TYPES, 0)
    total = known = 0
    spec = LISTS[name]
    weights = _WEIGHTS[name]
    level_field = str(spec.level_field)
    top = spec.level_values[0]
    by_level: dict[str, list[str]] = {v: [] for v in spec.level_values}
    for rank, item in enumerate(items):
        level = getattr(item, level_field)
        w = weights[level]
        total += w
        if item.value is not None:
            sought[item.value] += w
        if item.evidence != "assumption":
            known += w
        elif level == top or rank == 0:  # must-address (fit.md), still a guess
            by_level[level].append(item.id)
    return _ProfilePart(
        sought, total, known, tuple(i for v in spec.level_values for i in by_level[v])
    )


@dataclass(frozen=True)
class _MapPart:
    delivered: dict[str, int]
    strategies: dict[str, int]
    warranty: dict[str, tuple[str, ...]]


@by_identity(16)
def _value_map(name: ListName, items: tuple[Any, ...]) -> _MapPart:
    weights = _WEIGHTS[name]
    delivered = dict.fromkeys(VALUE_TYPES, 0)
    by_strategy = dict.fromkeys(STRATEGIES, 0)
    warranty: dict[str, list[str]] = {aspect: [] for aspect in WARRANTY_ASPECTS}
    for item in items:
        w = weights[item.relevance]
        if item.value is not None:
            delivered[item.value] += w
        if item.strategy is not None:
            by_strategy[item.strategy] += w
        for aspect in item.warranty:
            warranty[aspect].append(item.id)
    return _MapPart(delivered, by_strategy, {a: tuple(ids) for a, ids in warranty.items()})


@by_identity(16)
def _journey(steps: tuple[Any, ...], people: tuple[Any, ...]) -> tuple[dict[str, int], int, int]:
    """Steps per persona, unassigned steps, steps with evidence."""
    personas = {p.id: 0 for p in people}
    unassigned = known_steps = 0
    for step in steps:
        if step.evidence != "assumption":
            known_steps += 1
        if step.persona in personas:
            personas[step.persona] += 1
        else:
            unassigned += 1
    return personas, unassigned, known_steps


@by_identity(16)
def _lens(*lists: tuple[Any, ...]) -> LensReport:
    by_name = dict(zip(_LENS_LISTS, lists, strict=True))
    sought = dict.fromkeys(VALUE_TYPES, 0)
    profile_total = profile_known = 0
    untested: list[str] = []
    for name in PROFILE:
        part = _profile(name, by_name[name])
        for value, w in part.sought.items():
            sought[value] += w
        profile_total += part.total
        profile_known += part.known
        untested.extend(part.untested)

    delivered = dict.fromkeys(VALUE_TYPES, 0)
    by_strategy = dict.fromkeys(STRATEGIES, 0)
    warranty: dict[str, list[str]] = {aspect: [] for aspect in WARRANTY_ASPECTS}
    for name in VALUE_MAP:
        vm = _value_map(name, by_name[name])
        for value, w in vm.delivered.items():
            delivered[value] += w
        for strategy, w in vm.strategies.items():
            by_strategy[strategy] += w
        for aspect, ids in vm.warranty.items():
            warranty[aspect].extend(ids)
    strategy_total = sum(by_strategy.values())

    steps = by_name["steps"]
    personas, unassigned, known_steps = _journey(steps, by_name["personas"])
    sought_share = emotional_share(sought)
    delivered_share = emotional_share(delivered)
    return LensReport(
        sought=sought,
        delivered=delivered,
        sought_emotional_share=sought_share,
        delivered_emotional_share=delivered_share,
        mismatch=mismatch_of(sought_share, delivered_share),
        strategies={s: percent(by_strategy[s], strategy_total) for s in STRATEGIES},
        warranty={aspect: tuple(ids) for aspect, ids in warranty.items()},
        missing_warranty=tuple(a for a in WARRANTY_ASPECTS if not warranty[a]),
        evidence_profile=percent(profile_known, profile_total),
        evidence_journey=percent(known_steps, len(steps)),
        untested=tuple(untested),
        steps_by_persona=dict(personas),
        unassigned_steps=unassigned,
    )
