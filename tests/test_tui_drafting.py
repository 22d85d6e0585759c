"""The drafting keys of issue 16, pressed for real and checked in the saved TOML:
`T`, the journey's `<` `>` `@`, empty phases shown, the low point explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_helpers import copy_sample, open_app, saved_toml
from valuecanvas import drafting
from valuecanvas.errors import EditError
from valuecanvas.model import Canvas
from valuecanvas.tui.journey_view import EmotionCurve

SIZE = (80, 24)


def steps_of(path: Path) -> list[dict]:
    return saved_toml(path)["journey"]["steps"]


async def test_T_cycles_the_kind_backward(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        kinds = ("functional", "social", "emotional", "buyer", "co-creator", "transferrer")
        assert app.document.canvas.jobs[0].kind == "functional"
        await pilot.press("1", "T")
        assert app.document.canvas.jobs[0].kind == kinds[-1]  # wraps around backward
        await pilot.press("T", "t")
        assert app.document.canvas.jobs[0].kind == kinds[-1]
        await pilot.press("ctrl+s")
    assert saved_toml(path)["jobs"][0]["kind"] == "transferrer"


async def test_greater_and_less_move_the_step_to_the_next_and_previous_phase(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        steps = app.document.canvas.journey.steps
        first = steps[0]
        phases = app.document.canvas.journey.phases
        await pilot.press("7", "greater_than_sign")
        after = app.document.canvas.journey.steps
        moved = next(s for s in after if s.id == first.id)
        assert moved.phase == phases[1]
        in_next = [s.id for s in after if s.phase == phases[1]]
        assert in_next[-1] == first.id  # last in its new phase
        assert app.main.lists["steps"].current_id == first.id  # the cursor follows it
        await pilot.press("less_than_sign")
        assert (
            next(s for s in app.document.canvas.journey.steps if s.id == first.id).phase
            == (phases[0])
        )
        await pilot.press("less_than_sign")  # no phase before the first: nothing changes
        assert (
            next(s for s in app.document.canvas.journey.steps if s.id == first.id).phase
            == (phases[0])
        )
        await pilot.press("greater_than_sign", "ctrl+s")
    saved = steps_of(path)
    assert [s["id"] for s in saved if s["phase"] == phases[1]][-1] == first.id
    assert len(saved) == len(steps)


async def test_at_edits_the_touchpoint_in_a_prompt(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "j", "at", "ctrl+u", *"web shop", "enter", "ctrl+s")
    saved = steps_of(path)
    assert saved[1]["touchpoint"] == "web shop"
    (tmp_path / "orig").mkdir()
    original = saved_toml(copy_sample(tmp_path / "orig"))["journey"]["steps"]
    assert saved[0] == original[0] and saved[2:] == original[2:]


async def test_a_new_journey_shows_its_five_empty_phases_and_explains_low_points(
    tmp_path: Path,
) -> None:
    app = open_app(tmp_path / "new.toml", Canvas(title="New"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        strip = str(app.screen.query_one("#phase-strip").render())
        for phase in app.document.canvas.journey.phases:
            assert phase in strip
        assert strip.count("(empty)") == 5
        title = str(app.screen.query_one(EmotionCurve).border_title)
        assert "low point" in title and "≤ -1" in title and "relieved" in title
        await pilot.press("a", *"Sees an ad", "enter", "enter", "greater_than_sign")
        strip = str(app.screen.query_one("#phase-strip").render())
        assert strip.count("(empty)") == 4


def test_step_to_phase_refuses_past_the_last_phase() -> None:
    canvas = Canvas(title="x")
    canvas, new_id = drafting.add_items(canvas, "steps", ["one"], phase="awareness")[0], "s1"
    with pytest.raises(EditError, match="first phase"):
        drafting.step_to_phase(canvas, new_id, -1)
    last = canvas
    for _ in range(len(canvas.journey.phases) - 1):
        last = drafting.step_to_phase(last, new_id, 1)
    with pytest.raises(EditError, match="last phase"):
        drafting.step_to_phase(last, new_id, 1)


async def test_form_enter_on_a_closed_select_applies_space_opens_it(tmp_path: Path) -> None:
    from valuecanvas.tui.form import FormScreen

    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "e", "tab", "space", "down", "enter")  # kind: the next one
        assert isinstance(app.screen, FormScreen)  # choosing closed the list, not the form
        await pilot.press("enter")
        assert not isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")
    assert saved_toml(path)["jobs"][0]["kind"] == "social"


async def test_form_first_field_selects_its_text_so_typing_replaces_it(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "e", *"Brand new text", "enter", "ctrl+s")
    assert saved_toml(path)["pains"][0]["text"] == "Brand new text"


async def test_form_hint_stays_in_view_and_says_how_multi_line_fields_apply(
    tmp_path: Path,
) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "e", *["tab"] * 7)  # the persona's notes, far down
        hint = app.screen.query_one("#form-hint")
        assert "tab, then enter applies" in str(hint.render())
        assert hint.region.bottom <= 24 and hint.region.height >= 1
        assert app.screen.focused is not None
        assert app.screen.focused.region.height > 0  # scrolled into view


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_header_keeps_file_name_and_unsaved_mark_the_title_gives_way(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    path = tmp_path / "a-rather-long-file-name.toml"
    app = open_app(path, Canvas(title="A very long canvas title " * 6))
    async with app.run_test(size=size) as pilot:
        await pilot.press("1", "a", *"x", "enter", "enter")  # unsaved now
        bar = app.screen.query_one("#titlebar")
        shown = bar.render_line(0).text if hasattr(bar, "render_line") else ""
        assert shown.rstrip().endswith(f"{path.name} ●") and "…" in shown


async def test_empty_panes_explain_the_method(tmp_path: Path) -> None:
    app = open_app(tmp_path / "new.toml", Canvas(title="New"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        jobs = app.main.lists["jobs"]  # type: ignore[union-attr]
        text = " ".join(
            jobs.render_line(y).text for y in range(jobs.scrollable_content_region.height)
        ).casefold()
        for word in ("functional", "social", "emotional", "supporting"):
            assert word in text
        assert "segment" in text and "fit" in text
        pains = app.main.lists["pains"]  # type: ignore[union-attr]
        assert pains.render_line(0).text.startswith("Pains:")  # type: ignore[union-attr]
