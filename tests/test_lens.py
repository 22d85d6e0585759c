"""Every rule of value-lens.md, each on its own, through `compute_lens`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from strategies import canvases
from valuecanvas.lens import compute_lens
from valuecanvas.model import (
    Canvas,
    Gain,
    GainCreator,
    Job,
    Journey,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
)

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "value-lens.md"


def lens(**lists: object) -> dict[str, object]:
    return compute_lens(Canvas(title="T", **lists)).to_json()  # type: ignore[arg-type]


# ---------------------------------------------------------------- value sought and delivered


def test_sought_sums_the_weights_of_jobs_pains_and_gains_by_value() -> None:
    out = lens(
        jobs=(Job(id="j1", text="a", importance="high", value="functional"),),  # 3
        pains=(
            Pain(id="p1", text="b", severity="mild", value="functional"),  # 1
            Pain(id="p2", text="c", severity="moderate", value="emotional"),  # 2
        ),
        gains=(
            Gain(id="g1", text="d", relevance="essential", value="symbolic"),  # 3
            Gain(id="g2", text="e", relevance="essential"),  # no value: not counted
        ),
    )
    assert out["value"]["sought"] == {  # type: ignore[index]
        "functional": 4,
        "economic": 0,
        "emotional": 2,
        "symbolic": 3,
    }


def test_delivered_sums_the_relevance_weights_of_the_value_map_by_value() -> None:
    out = lens(
        products=(Product(id="ps1", text="a", relevance="essential", value="economic"),),
        pain_relievers=(
            PainReliever(id="pr1", text="b", relevance="nice-to-have", value="economic"),
        ),
        gain_creators=(GainCreator(id="gc1", text="c", value="emotional"),),  # desirable: 2
    )
    assert out["value"]["delivered"] == {  # type: ignore[index]
        "functional": 0,
        "economic": 4,
        "emotional": 2,
        "symbolic": 0,
    }
    assert out["value"]["sought"] == dict.fromkeys(  # type: ignore[index]
        ("functional", "economic", "emotional", "symbolic"), 0
    )


def test_the_profile_does_not_count_as_delivered_nor_the_map_as_sought() -> None:
    out = lens(
        jobs=(Job(id="j1", text="a", value="symbolic"),),
        products=(Product(id="ps1", text="b", value="functional"),),
    )
    assert out["value"]["sought"]["functional"] == 0  # type: ignore[index]
    assert out["value"]["delivered"]["symbolic"] == 0  # type: ignore[index]


def test_emotional_share_is_emotional_plus_symbolic_over_all_four() -> None:
    out = lens(
        jobs=(
            Job(id="j1", text="a", importance="high", value="functional"),  # 3
            Job(id="j2", text="b", importance="medium", value="emotional"),  # 2
        ),
        gains=(Gain(id="g1", text="c", relevance="nice-to-have", value="symbolic"),),  # 1
    )
    assert out["value"]["sought_emotional_share"] == 50  # type: ignore[index]


def test_emotional_share_rounds_half_up() -> None:
    # 1 of 8 = 12.5 → 13 (banker's rounding would give 12)
    out = lens(
        jobs=(
            Job(id="j1", text="a", importance="high", value="functional"),
            Job(id="j2", text="b", importance="high", value="economic"),
            Job(id="j3", text="c", importance="low", value="economic"),
            Job(id="j4", text="d", importance="low", value="emotional"),
        ),
    )
    assert out["value"]["sought_emotional_share"] == 13  # type: ignore[index]
    # 5 of 8 = 62.5 → 63
    out = lens(
        products=(
            Product(id="ps1", text="a", relevance="essential", value="emotional"),
            Product(id="ps2", text="b", relevance="desirable", value="symbolic"),
            Product(id="ps3", text="c", relevance="essential", value="functional"),
        )
    )
    assert out["value"]["delivered_emotional_share"] == 63  # type: ignore[index]


def test_emotional_share_is_null_when_a_side_has_no_value_at_all() -> None:
    out = lens(
        jobs=(Job(id="j1", text="a"),),
        products=(Product(id="ps1", text="b", value="functional"),),
    )
    assert out["value"]["sought_emotional_share"] is None  # type: ignore[index]
    assert out["value"]["delivered_emotional_share"] == 0  # type: ignore[index]
    assert lens()["value"]["delivered_emotional_share"] is None  # type: ignore[index]


def _shares(sought_emotional: int, delivered_emotional: int) -> dict[str, object]:
    """A canvas whose sought and delivered shares are the given percentages (of 100 weight)."""

    def jobs(emotional: int) -> tuple[Job, ...]:
        out = [
            Job(id=f"je{n}", text="x", importance="low", value="emotional")
            for n in range(emotional)
        ]
        out += [
            Job(id=f"jf{n}", text="x", importance="low", value="functional")
            for n in range(100 - emotional)
        ]
        return tuple(out)

    def products(emotional: int) -> tuple[Product, ...]:
        out = [
            Product(id=f"pe{n}", text="x", relevance="nice-to-have", value="symbolic")
            for n in range(emotional)
        ]
        out += [
            Product(id=f"pf{n}", text="x", relevance="nice-to-have", value="economic")
            for n in range(100 - emotional)
        ]
        return tuple(out)

    return lens(jobs=jobs(sought_emotional), products=products(delivered_emotional))["value"]  # type: ignore[return-value]


@pytest.mark.parametrize(
    "sought,delivered,mismatch",
    [
        (60, 34, "emotional"),  # 26 points more sought: the customer wants more feeling
        (60, 35, None),  # exactly 25: not more than 25
        (35, 60, None),
        (34, 60, "practical"),  # 26 points more delivered
        (0, 100, "practical"),
        (100, 0, "emotional"),
        (50, 50, None),
    ],
)
def test_mismatch_needs_more_than_25_points_either_way(
    sought: int, delivered: int, mismatch: str | None
) -> None:
    value = _shares(sought, delivered)
    assert value["sought_emotional_share"] == sought
    assert value["delivered_emotional_share"] == delivered
    assert value["mismatch"] == mismatch


def test_mismatch_compares_the_rounded_shares() -> None:
    # sought 1/8 = 12.5 → 13; delivered 38.4 → 38: 25 points apart after rounding (25.9 before)
    out = lens(
        jobs=(
            Job(id="j1", text="a", importance="high", value="functional"),
            Job(id="j2", text="b", importance="high", value="economic"),
            Job(id="j3", text="c", importance="low", value="economic"),
            Job(id="j4", text="d", importance="low", value="emotional"),
        ),
        products=tuple(
            Product(
                id=f"ps{n}",
                text="x",
                relevance="nice-to-have",
                value="emotional" if n < 48 else "functional",
            )
            for n in range(125)
        ),
    )
    value = out["value"]
    assert value["sought_emotional_share"] == 13  # type: ignore[index]
    assert value["delivered_emotional_share"] == 38  # type: ignore[index]
    assert value["mismatch"] is None  # type: ignore[index]


def test_no_mismatch_when_either_share_is_null() -> None:
    out = lens(jobs=(Job(id="j1", text="a", value="emotional"),))
    assert out["value"]["delivered_emotional_share"] is None  # type: ignore[index]
    assert out["value"]["mismatch"] is None  # type: ignore[index]
    out = lens(products=(Product(id="ps1", text="a", value="emotional"),))
    assert out["value"]["mismatch"] is None  # type: ignore[index]


# ---------------------------------------------------------------- strategies


def test_strategies_are_shares_of_the_weight_of_map_items_that_have_one() -> None:
    out = lens(
        products=(
            Product(id="ps1", text="a", relevance="essential", strategy="performance"),  # 3
            Product(id="ps2", text="b", relevance="essential"),  # no strategy: left out
        ),
        pain_relievers=(
            PainReliever(id="pr1", text="c", relevance="nice-to-have", strategy="experience"),
        ),  # 1
        gain_creators=(GainCreator(id="gc1", text="d", strategy="performance"),),  # 2
    )
    assert out["strategies"] == {"performance": 83, "customisation": 0, "experience": 17}


def test_strategies_round_half_up() -> None:
    out = lens(
        products=tuple(
            Product(
                id=f"ps{n}",
                text="x",
                relevance="nice-to-have",
                strategy="customisation" if n == 0 else "experience",
            )
            for n in range(8)
        )
    )
    assert out["strategies"] == {"performance": 0, "customisation": 13, "experience": 88}


def test_strategies_are_all_null_when_no_item_has_one() -> None:
    out = lens(products=(Product(id="ps1", text="a", value="economic"),))
    assert out["strategies"] == {"performance": None, "customisation": None, "experience": None}


# ---------------------------------------------------------------- warranty


def test_warranty_lists_the_items_per_aspect_by_list_then_rank() -> None:
    out = lens(
        products=(
            Product(id="ps1", text="a", warranty=("capacity",)),
            Product(id="ps2", text="b", warranty=("availability", "capacity")),
        ),
        pain_relievers=(PainReliever(id="pr1", text="c", warranty=("capacity", "security")),),
        gain_creators=(GainCreator(id="gc1", text="d", warranty=("availability",)),),
    )
    assert out["warranty"] == {
        "availability": ["ps2", "gc1"],
        "capacity": ["ps1", "ps2", "pr1"],
        "security": ["pr1"],
        "continuity": [],
        "missing": ["continuity"],
    }


def test_warranty_missing_lists_every_aspect_in_order_when_none_is_assured() -> None:
    assert lens()["warranty"] == {
        "availability": [],
        "capacity": [],
        "security": [],
        "continuity": [],
        "missing": ["availability", "capacity", "security", "continuity"],
    }


# ---------------------------------------------------------------- evidence


def test_profile_evidence_is_the_weight_backed_by_more_than_an_assumption() -> None:
    out = lens(
        jobs=(Job(id="j1", text="a", importance="high", evidence="interview"),),  # 3 known
        pains=(Pain(id="p1", text="b", severity="moderate"),),  # 2 assumed
        gains=(Gain(id="g1", text="c", relevance="nice-to-have", evidence="reviews"),),  # 1
    )
    assert out["evidence"]["profile"] == 67  # type: ignore[index]


def test_profile_evidence_rounds_half_up() -> None:
    out = lens(
        jobs=tuple(
            Job(
                id=f"j{n}",
                text="x",
                importance="low",
                evidence="survey" if n == 0 else "assumption",
            )
            for n in range(8)
        )
    )
    assert out["evidence"]["profile"] == 13  # type: ignore[index]


def test_profile_evidence_is_null_for_an_empty_profile() -> None:
    out = lens(products=(Product(id="ps1", text="a"),))
    assert out["evidence"]["profile"] is None  # type: ignore[index]


def test_journey_evidence_counts_steps_and_is_null_without_steps() -> None:
    steps = tuple(
        Step(id=f"s{n}", text="x", phase="use", evidence="analytics" if n < 3 else "assumption")
        for n in range(8)
    )
    assert lens(journey=Journey(steps=steps))["evidence"]["journey"] == 38  # type: ignore[index]  # 37.5
    assert lens()["evidence"]["journey"] is None  # type: ignore[index]


def test_untested_are_the_must_address_items_still_assumed_in_the_spec_order() -> None:
    out = lens(
        gains=(
            Gain(id="g1", text="a", relevance="desirable"),  # first: must address
            Gain(id="g2", text="b", relevance="essential"),
        ),
        pains=(
            Pain(id="p1", text="c", severity="mild"),  # first: must address
            Pain(id="p2", text="d", severity="moderate"),  # not must address
            Pain(id="p3", text="e", severity="extreme"),
            Pain(id="p4", text="f", severity="extreme", evidence="observation"),  # tested
        ),
        jobs=(
            Job(id="j1", text="g", importance="low", evidence="interview"),  # tested
            Job(id="j2", text="h", importance="high"),
            Job(id="j3", text="i", importance="high"),
        ),
    )
    # jobs, then pains, then gains; each by level (top first), then rank
    assert out["evidence"]["untested"] == ["j2", "j3", "p3", "p1", "g2", "g1"]  # type: ignore[index]


def test_untested_is_empty_when_every_must_address_item_has_evidence() -> None:
    out = lens(
        jobs=(Job(id="j1", text="a", evidence="survey"), Job(id="j2", text="b", importance="low")),
    )
    assert out["evidence"]["untested"] == []  # type: ignore[index]


# ---------------------------------------------------------------- personas


def test_steps_by_persona_in_persona_order_and_unassigned_steps() -> None:
    out = lens(
        journey=Journey(
            steps=(
                Step(id="s1", text="a", phase="use", persona="pe2"),
                Step(id="s2", text="b", phase="use"),
                Step(id="s3", text="c", phase="use", persona="pe2"),
                Step(id="s4", text="d", phase="use"),
            )
        ),
        personas=(Persona(id="pe2", name="B"), Persona(id="pe1", name="A")),
    )
    assert list(out["steps_by_persona"].items()) == [("pe2", 2), ("pe1", 0)]  # type: ignore[attr-defined]
    assert out["unassigned_steps"] == 2


# ---------------------------------------------------------------- the JSON object


def test_the_json_has_every_key_of_the_spec_even_for_an_empty_canvas() -> None:
    assert lens() == {
        "value": {
            "sought": {"functional": 0, "economic": 0, "emotional": 0, "symbolic": 0},
            "delivered": {"functional": 0, "economic": 0, "emotional": 0, "symbolic": 0},
            "sought_emotional_share": None,
            "delivered_emotional_share": None,
            "mismatch": None,
        },
        "strategies": {"performance": None, "customisation": None, "experience": None},
        "warranty": {
            "availability": [],
            "capacity": [],
            "security": [],
            "continuity": [],
            "missing": ["availability", "capacity", "security", "continuity"],
        },
        "evidence": {"profile": None, "journey": None, "untested": []},
        "steps_by_persona": {},
        "unassigned_steps": 0,
    }


def test_the_json_keys_are_in_the_order_of_the_spec() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    example = json.loads(spec.split("```json\n", 1)[1].split("```", 1)[0])
    out = lens()

    def shape(obj: object) -> object:
        if isinstance(obj, dict):
            return [(k, shape(v)) for k, v in obj.items() if k != "steps_by_persona"]
        return None

    assert shape(out) == shape(example)


@settings(max_examples=60, deadline=None)
@given(canvases())
def test_lens_figures_stay_in_range(canvas: Canvas) -> None:
    out = compute_lens(canvas).to_json()
    for share in (
        out["value"]["sought_emotional_share"],
        out["value"]["delivered_emotional_share"],
        out["evidence"]["profile"],
        out["evidence"]["journey"],
    ):
        assert share is None or 0 <= share <= 100
    strategies = [v for v in out["strategies"].values() if v is not None]
    assert not strategies or 99 <= sum(strategies) <= 101
    assert sum(out["steps_by_persona"].values()) + out["unassigned_steps"] == len(
        canvas.journey.steps
    )
    assert json.loads(json.dumps(out)) == out


def _reference(canvas: Canvas) -> dict[str, object]:
    """value-lens.md read literally, slow and plain, to check `compute_lens` against."""
    from fractions import Fraction

    weight = {
        "high": 3, "medium": 2, "low": 1,
        "extreme": 3, "moderate": 2, "mild": 1,
        "essential": 3, "desirable": 2, "nice-to-have": 1,
    }  # fmt: skip
    level = {"jobs": "importance", "pains": "severity", "gains": "relevance"}

    def rnd(part: int, whole: int) -> int | None:
        if whole == 0:
            return None
        x = Fraction(100 * part, whole)
        return int(x + Fraction(1, 2))  # half up, for non-negative x

    profile = [(n, i) for n in ("jobs", "pains", "gains") for i in getattr(canvas, n)]
    value_map = [*canvas.products, *canvas.pain_relievers, *canvas.gain_creators]

    def w(name: str, item: object) -> int:
        return weight[getattr(item, level.get(name, "relevance"))]

    types = ("functional", "economic", "emotional", "symbolic")
    sought = {t: sum(w(n, i) for n, i in profile if i.value == t) for t in types}
    delivered = {t: sum(w("", i) for i in value_map if i.value == t) for t in types}
    s_share = rnd(sought["emotional"] + sought["symbolic"], sum(sought.values()))
    d_share = rnd(delivered["emotional"] + delivered["symbolic"], sum(delivered.values()))
    mismatch = None
    if s_share is not None and d_share is not None:
        if s_share - d_share > 25:
            mismatch = "emotional"
        elif d_share - s_share > 25:
            mismatch = "practical"
    with_strategy = sum(w("", i) for i in value_map if i.strategy)
    aspects = ("availability", "capacity", "security", "continuity")
    warranty = {a: [i.id for i in value_map if a in i.warranty] for a in aspects}
    untested = []
    for name in ("jobs", "pains", "gains"):
        items = list(getattr(canvas, name))
        top = {"jobs": "high", "pains": "extreme", "gains": "essential"}[name]
        must = [
            (-w(name, i), rank, i.id)
            for rank, i in enumerate(items)
            if (getattr(i, level[name]) == top or rank == 0) and i.evidence == "assumption"
        ]
        untested += [item_id for _, _, item_id in sorted(must)]
    steps = canvas.journey.steps
    return {
        "value": {
            "sought": sought,
            "delivered": delivered,
            "sought_emotional_share": s_share,
            "delivered_emotional_share": d_share,
            "mismatch": mismatch,
        },
        "strategies": {
            s: rnd(sum(w("", i) for i in value_map if i.strategy == s), with_strategy)
            for s in ("performance", "customisation", "experience")
        },
        "warranty": {**warranty, "missing": [a for a in aspects if not warranty[a]]},
        "evidence": {
            "profile": rnd(
                sum(w(n, i) for n, i in profile if i.evidence != "assumption"),
                sum(w(n, i) for n, i in profile),
            ),
            "journey": rnd(sum(1 for s in steps if s.evidence != "assumption"), len(steps)),
            "untested": untested,
        },
        "steps_by_persona": {
            p.id: sum(1 for s in steps if s.persona == p.id) for p in canvas.personas
        },
        "unassigned_steps": sum(1 for s in steps if not s.persona),
    }


@settings(max_examples=150, deadline=None)
@given(canvases(max_items=6))
def test_lens_equals_the_spec_read_literally(canvas: Canvas) -> None:
    assert compute_lens(canvas).to_json() == _reference(canvas)
