"""The pure journey module: touchpoint overview, phase runs, the emotion curve."""

from __future__ import annotations

import time

from conftest import SAMPLES_DIR
from valuecanvas import storage
from valuecanvas.fit import compute_fit
from valuecanvas.journey import (
    AXIS_WIDTH,
    NO_TOUCHPOINT,
    PhaseTouchpoints,
    TouchpointStat,
    curve_layout,
    curve_text,
    emotion_curve,
    first_of_phase,
    touchpoint_overview,
)
from valuecanvas.model import Canvas, Journey, Step


def canvas_with(*steps: Step, phases: tuple[str, ...] = ("a", "b", "c")) -> Canvas:
    return Canvas(title="t", journey=Journey(phases=phases, steps=steps))


def step(n: int, phase: str = "a", emotion: int = 0, touchpoint: str = "") -> Step:
    return Step(id=f"s{n}", phase=phase, text=f"step {n}", emotion=emotion, touchpoint=touchpoint)


# ---------------------------------------------------------------- touchpoints


def test_overview_groups_by_phase_in_phase_order_with_counts_and_mean() -> None:
    canvas = canvas_with(
        step(1, "b", 2, "app"),
        step(2, "a", -1, "shop"),
        step(3, "b", -1, "app"),
        step(4, "b", 0, "mail"),
    )
    overview = touchpoint_overview(canvas)
    assert [p.phase for p in overview] == ["a", "b", "c"]
    assert overview[0] == PhaseTouchpoints("a", (TouchpointStat("shop", 1, -1.0, ("s2",)),))
    app, mail = overview[1].touchpoints
    assert (app.touchpoint, app.steps, app.average_emotion, app.step_ids) == (
        "app",
        2,
        0.5,
        ("s1", "s3"),
    )
    assert (mail.touchpoint, mail.steps) == ("mail", 1)
    assert overview[1].steps == 3
    assert overview[2].touchpoints == () and overview[2].steps == 0


def test_overview_names_steps_without_touchpoint_and_trims_names() -> None:
    overview = touchpoint_overview(canvas_with(step(1), step(2, touchpoint=" app ")))
    labels = [t.label for t in overview[0].touchpoints]
    assert labels == [NO_TOUCHPOINT, "app"]


def test_overview_of_the_b2b_sample() -> None:
    canvas = storage.load(SAMPLES_DIR / "office-coffee-b2b.toml").canvas
    overview = touchpoint_overview(canvas)
    assert [p.phase for p in overview] == list(canvas.journey.phases)
    assert sum(p.steps for p in overview) == len(canvas.journey.steps)
    quotes = next(p for p in overview if p.phase == "quotes")
    assert {t.touchpoint: t.average_emotion for t in quotes.touchpoints} == {
        "quote (PDF)": -1.0,
        "draft contract": -2.0,
    }


def test_first_of_phase_marks_where_each_run_starts() -> None:
    steps = (step(1, "a"), step(2, "a"), step(3, "b"), step(4, "a"))
    assert first_of_phase(steps) == {"s1", "s3", "s4"}
    assert first_of_phase(()) == frozenset()


# ---------------------------------------------------------------- curve


def test_curve_has_five_levels_and_a_marks_row_with_axis_labels() -> None:
    text = curve_text((step(1, emotion=2), step(2, emotion=-2)), 40).splitlines()
    assert len(text) == 6
    assert [line[:AXIS_WIDTH] for line in text] == ["+2 ┤", "+1 ┤", " 0 ┤", "-1 ┤", "-2 ┤", "   └"]
    assert all(len(line) == 40 for line in text)
    assert text[0][AXIS_WIDTH] == "●"  # first step at +2
    assert "●" in text[4]  # second at -2
    assert "│" in text[2]  # the line drops through 0


def test_curve_marks_low_points_and_the_cursor() -> None:
    steps = (step(1, emotion=1), step(2, emotion=-2), step(3, emotion=0))
    lines = curve_text(steps, 40, cursor=2, low_points={"s2"}).splitlines()
    assert "▼" in lines[4]
    assert "◉" in lines[2]
    marks = lines[5]
    assert "!" in marks and "▲" in marks
    assert marks.index("!") < marks.index("▲")


def test_curve_phase_boundaries_and_roles() -> None:
    rows = emotion_curve((step(1, "a"), step(2, "b")), 30)
    roles = {role for row in rows for _, role in row}
    assert {"axis", "point", "line", "phase"} <= roles
    assert "┊" in curve_text((step(1, "a"), step(2, "b")), 30)


def test_curve_layout_fits_small_journeys_and_scrolls_big_ones() -> None:
    assert curve_layout(3, 80) == curve_layout(3, 80, 2)
    small = curve_layout(3, 80)
    assert (small.start, small.count, small.cell) == (0, 3, 6)
    big = curve_layout(1000, 80, cursor=500)
    assert big.cell == 2 and big.count == (80 - AXIS_WIDTH) // 2
    assert big.start <= 500 < big.start + big.count
    end = curve_layout(1000, 80, cursor=999)
    assert end.start + end.count == 1000
    assert curve_layout(0, 80).count == 0


def test_curve_of_thousands_of_steps_shows_a_window_and_stays_fast() -> None:
    steps = tuple(step(n, "abc"[n % 3], n % 5 - 2) for n in range(5000))
    started = time.perf_counter()
    lines = curve_text(steps, 80, cursor=2500).splitlines()
    assert time.perf_counter() - started < 0.1
    assert lines[5].startswith("   └◂") and lines[5].endswith("▸")
    assert "◉" in "".join(lines)


def test_curve_of_a_sample_flags_its_low_point() -> None:
    canvas = storage.load(SAMPLES_DIR / "office-coffee-b2b.toml").canvas
    low = compute_fit(canvas).journey_low_points
    assert low
    text = curve_text(canvas.journey.steps, 80, low_points=set(low))
    assert text.count("▼") == len(low)
    assert text.splitlines()[5].count("!") == len(low)
