"""The journey view, pressed for real: step keys, phase keys, curve, touchpoints, settings."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_sample, open_app, saved_toml
from valuecanvas.tui.dialogs import PromptScreen
from valuecanvas.tui.form import FormScreen
from valuecanvas.tui.help import help_lines
from valuecanvas.tui.journey_view import EmotionCurve, JourneyView, TouchpointsScreen

SIZE = (80, 24)


def steps_of(path: Path) -> list[dict]:
    return saved_toml(path)["journey"]["steps"]


def phases_of(path: Path) -> list[str]:
    return saved_toml(path)["journey"].get("phases", [])


async def test_7_shows_the_journey_with_curve_and_phase_column(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        steps = app.main.lists["steps"]
        assert steps.has_focus
        rows = [steps.formatter(s) for s in steps.items]
        assert rows[0][0][0].strip() == "awareness"  # a phase run starts
        assert rows[1][0][0].strip() == "┆"  # same phase as above
        assert rows[2][0][0].strip() == "consideration"
        text = " ".join(t for t, _ in rows[0])
        assert "Sees the offer" in text and "@local paper" in text and "→1" in text
        curve = app.screen.query_one(EmotionCurve)
        assert curve.cursor == 0
        assert "s1" in str(curve.border_subtitle)
        await pilot.press("j", "j")
        assert curve.cursor == 2
        assert "▲" in curve.render().plain


async def test_low_points_are_flagged_in_the_list_and_on_the_curve(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        low = app.main.report.journey_low_points
        assert low
        assert app.main.lists["steps"].flagged == frozenset(low)
        curve = app.screen.query_one(EmotionCurve)
        assert curve.render().plain.count("▼") == len(low)


async def test_plus_minus_change_the_emotion(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "j", "j", "plus", "plus", "minus", "plus")  # s3: 0 -> 2
        await pilot.press("j", "minus", "minus", "minus", "minus", "minus")  # s4: 2 -> -2
        await pilot.press("ctrl+s")
    saved = {s["id"]: s.get("emotion", 0) for s in steps_of(path)}
    assert saved["s3"] == 2 and saved["s4"] == -2


async def test_add_puts_a_step_in_the_focused_phase(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "j", "j", "j", "a", *"Gets a [bold]reminder[/]", "enter")
        steps = app.main.lists["steps"]
        assert steps.current_item.text == "Gets a [bold]reminder[/]"
        row = "".join(t for t, _ in steps.formatter(steps.current_item))
        assert "[bold]reminder[/]" in row  # markup shows literally
        await pilot.press("ctrl+s")
    last = steps_of(path)[-1]
    assert (last["text"], last["phase"]) == ("Gets a [bold]reminder[/]", "purchase")


async def test_K_J_and_shift_arrows_move_steps(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "j", "K")  # s2 first
        await pilot.press("end", "shift+up")  # s9 before s8
        await pilot.press("home", "J", "shift+down")  # s2 to third place
        await pilot.press("ctrl+s")
    ids = [s["id"] for s in steps_of(path)]
    assert ids == ["s1", "s3", "s2", "s4", "s5", "s6", "s7", "s9", "s8"]


async def test_e_edits_every_step_field(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "e")
        assert isinstance(app.screen, FormScreen)
        form = app.screen
        form.query_one("#field-phase").value = "use"
        form.query_one("#field-emotion").value = -1
        form.query_one("#field-notes").text = "From the interview"
        await pilot.press("ctrl+a", "ctrl+k", *"Reads a flyer", "tab", "tab")
        await pilot.press("ctrl+a", "ctrl+k", *"flyer", "enter")
        assert not isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")
    first = steps_of(path)[0]
    assert first["text"] == "Reads a flyer"
    assert first["touchpoint"] == "flyer"
    assert first["phase"] == "use"
    assert first["emotion"] == -1
    assert first["notes"] == "From the interview"


async def test_d_deletes_a_step(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "d", "ctrl+s")
    assert steps_of(path)[0]["id"] == "s2"


async def test_p_adds_a_phase_after_the_focused_steps_phase(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "j", "j", "p")  # s3: consideration
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"trial", "enter")
        await pilot.press("p", *"trial", "enter")  # duplicate: refused, prompt stays
        assert isinstance(app.screen, PromptScreen)
        assert "already" in str(app.screen.query_one("#prompt-error").render())
        await pilot.press("escape")
        assert app.main.lists["steps"].has_focus
        await pilot.press("ctrl+s")
    assert phases_of(path) == ["awareness", "consideration", "trial", "purchase", "use", "loyalty"]


async def test_shift_p_renames_the_phase_and_its_steps(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "P")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"orientation", "enter", "ctrl+s")
    assert phases_of(path)[0] == "orientation"
    assert [s["phase"] for s in steps_of(path)][:2] == ["orientation", "orientation"]


async def test_brackets_move_the_phase_and_its_steps(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "end", "left_square_bracket")  # loyalty before use
        steps = app.main.lists["steps"]
        assert steps.current_id == "s9"  # the cursor stays on its step
        await pilot.press("ctrl+s")
        assert phases_of(path) == ["awareness", "consideration", "purchase", "loyalty", "use"]
        assert [s["id"] for s in steps_of(path)][-5:] == ["s8", "s9", "s5", "s6", "s7"]
        await pilot.press("right_square_bracket", "ctrl+s")  # and back
    assert phases_of(path) == ["awareness", "consideration", "purchase", "use", "loyalty"]
    assert [s["id"] for s in steps_of(path)] == [f"s{n}" for n in range(1, 10)]


async def test_x_removes_an_unused_phase_and_refuses_a_used_one(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "x")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"use", "enter")
        assert isinstance(app.screen, PromptScreen)  # refused: use has steps
        assert "3 step" in str(app.screen.query_one("#prompt-error").render())
        await pilot.press("escape", "p", *"later", "enter")
        await pilot.press("x")
        assert app.screen.query_one("#prompt-input").value == "later"  # the unused one
        await pilot.press("enter", "ctrl+s")
    assert phases_of(path) == ["awareness", "consideration", "purchase", "use", "loyalty"]
    assert "later" not in app.document.canvas.journey.phases


async def test_phase_edits_undo_in_one_step(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "end", "left_square_bracket", "u", "ctrl+s")
    assert [s["id"] for s in steps_of(path)] == [f"s{n}" for n in range(1, 10)]


async def test_o_shows_the_touchpoints_overview(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "o")
        assert isinstance(app.screen, TouchpointsScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "wash street" in text and "+0.0" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, TouchpointsScreen)


async def test_touchpoints_table_shows_beside_on_wide_screens(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        table = app.screen.query_one("#touchpoints")
        assert table.display and table.region.height > 3
        assert "local paper" in str(table.render())


async def test_phase_keys_are_in_help_and_the_palette_table() -> None:
    groups = dict(help_lines())
    keys = dict(groups["Journey and personas"])
    assert {"p", "P", "[", "]", "x", "o"} <= set(keys)
    bound = {b.key for b in JourneyView.BINDINGS}  # type: ignore[union-attr]
    assert {"p", "P", "left_square_bracket", "right_square_bracket", "x", "o"} <= bound


async def test_palette_action_reaches_the_phase_keys(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await app.run_action("screen.command('add_phase')")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"aftercare", "enter", "ctrl+s")
    assert phases_of(path)[1] == "aftercare"  # after the focused step s1's phase


async def test_ctrl_e_edits_the_canvas_settings(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-market").value = "b2b"
        app.screen.query_one("#field-notes").text = "Pilot in Utrecht"
        await pilot.press("ctrl+a", "ctrl+k", *"Car wash [v2]", "tab")
        await pilot.press("ctrl+a", "ctrl+k", *"Commuters", "enter")
        assert not isinstance(app.screen, FormScreen)
        assert "Car wash [v2]" in str(app.screen.query_one("#titlebar").render())
        await pilot.press("ctrl+s")
    data = saved_toml(path)
    assert (data["title"], data["segment"], data["market"], data["notes"]) == (
        "Car wash [v2]",
        "Commuters",
        "b2b",
        "Pilot in Utrecht",
    )


async def test_ctrl_e_refuses_an_empty_title(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e", "ctrl+a", "ctrl+k", "enter")
        assert isinstance(app.screen, FormScreen)
        assert "title" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
    assert app.document.canvas.title != ""


async def test_journey_of_thousands_of_steps_stays_responsive(tmp_path: Path) -> None:
    import time

    from valuecanvas.model import Canvas, Journey, Step

    steps = tuple(
        Step(id=f"s{n}", phase="use", text=f"step {n}", emotion=n % 5 - 2) for n in range(3000)
    )
    canvas = Canvas(title="big", journey=Journey(steps=steps))
    app = open_app(tmp_path / "big.toml", canvas=canvas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        started = time.perf_counter()
        await pilot.press("end", "plus", "k", "k")
        await pilot.pause()
        assert time.perf_counter() - started < 3
        curve = app.screen.query_one(EmotionCurve)
        assert curve.cursor == 2997
        assert "◂" in curve.render().plain
