"""Linking by keyboard (`l`) and the live fit panel, driven through real keys.

After each step the panel must say what `valuecanvas fit --json` says about the
saved file: the same `compute_fit`, so they can never disagree.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tui_helpers import copy_sample, open_app
from valuecanvas import storage
from valuecanvas.cli import main as cli_main
from valuecanvas.fit import compute_fit
from valuecanvas.model import Canvas, Pain, PainReliever, Persona
from valuecanvas.tui.app import ValueCanvasApp
from valuecanvas.tui.fit_panel import FitEntries, FitPanel, FitScreen
from valuecanvas.tui.link_picker import LinkPicker

COFFEE = "office-coffee-b2b.toml"


def links(app: ValueCanvasApp, list_name: str, item_id: str) -> tuple[str, ...]:
    canvas = app.document.canvas
    items = canvas.journey.steps if list_name == "steps" else getattr(canvas, list_name)
    item = next(i for i in items if i.id == item_id)
    field = {"products": "jobs", "pain_relievers": "pains", "gain_creators": "gains"}
    if list_name == "steps":
        return (*item.pains, *item.gains)
    return tuple(getattr(item, field[list_name]))


async def panel_matches_cli(app: ValueCanvasApp, pilot: Pilot[int], path: Path) -> dict:
    """Save with ctrl+s, run `valuecanvas fit FILE --json`, compare with the panel.

    (The running app captures sys.stdout, so the CLI's output is redirected here.)
    """
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not app.document.dirty
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["fit", str(path), "--json"]) == 0
    data = json.loads(out.getvalue())
    panel = app.main.query_one(FitPanel)
    assert panel.report is not None
    assert panel.report.to_json() == data
    text = panel.summary_text
    assert f"Fit: {data['verdict']}" in text
    assert (f"score {data['score']}%" if data["score"] is not None else "score —") in text
    for value in data["coverage"].values():
        assert (f"{value}%" if value is not None else "—") in text
    # the entries list the gaps, unanchored items and low points of the report
    shown = panel.query_one(FitEntries).entry_ids
    every = [*[i for ids in data["gaps"].values() for i in ids], *data["unanchored"]]
    every += data["journey_low_points"]
    assert sorted(shown) == sorted(every)
    return data


async def test_link_and_unlink_from_the_value_map_side(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        before = await panel_matches_cli(app, pilot, path)
        assert before["gaps"]["pains"] == ["p2", "p5"]
        await pilot.press("5")  # pain relievers; pr1 relieves p1
        assert app.main.lists["pain_relievers"].current_id == "pr1"
        await pilot.press("l")
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        assert picker.checked == {"p1"}
        await pilot.press("down", "space", "enter")  # check p2
        await pilot.pause()
        assert app.screen is app.main
        assert links(app, "pain_relievers", "pr1") == ("p1", "p2")
        after = await panel_matches_cli(app, pilot, path)
        assert after["gaps"]["pains"] == ["p5"]
        assert after["coverage"]["pains"] > before["coverage"]["pains"]
        # unlink again, from the same side
        await pilot.press("l", "down", "space", "enter")
        await pilot.pause()
        assert links(app, "pain_relievers", "pr1") == ("p1",)
        assert await panel_matches_cli(app, pilot, path) == before


async def test_link_and_unlink_from_the_profile_side(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "down")  # pains: p2, an open must-address gap
        assert app.main.lists["pains"].current_id == "p2"
        await pilot.press("l")
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        # it lists the pain relievers, none of which relieve p2 yet
        assert [g.list_name for g in picker.spec.groups] == ["pain_relievers"]
        assert picker.checked == set()
        await pilot.press("down", "space", "enter")  # pr2 now relieves p2
        await pilot.pause()
        assert "p2" in links(app, "pain_relievers", "pr2")
        assert app.main.lists["pains"].current_id == "p2"
        data = await panel_matches_cli(app, pilot, path)
        assert "p2" not in data["gaps"]["pains"]
        # unlink from the profile side
        await pilot.press("l")
        assert app.screen.checked == {"pr2"}
        await pilot.press("down", "space", "enter")
        await pilot.pause()
        assert "p2" not in links(app, "pain_relievers", "pr2")
        data = await panel_matches_cli(app, pilot, path)
        assert "p2" in data["gaps"]["pains"]


async def test_link_from_a_journey_step_sets_pains_and_gains_in_one_edit(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        assert app.main.lists["steps"].current_id == "s1"
        assert links(app, "steps", "s1") == ("p1",)
        history = len(app.document.undo_stack)
        await pilot.press("l")
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        assert [g.list_name for g in picker.spec.groups] == ["pains", "gains"]
        await pilot.press("space")  # unlink p1 (the first row)
        await pilot.press("g", "2", "space")  # narrow to g2 and link it
        assert picker.query_one("#picker-filter", Input).value == "g2"
        await pilot.press("enter")
        await pilot.pause()
        assert links(app, "steps", "s1") == ("g2",)
        await panel_matches_cli(app, pilot, path)
        assert len(app.document.undo_stack) == history + 1
        await pilot.press("u")  # ONE undo restores both lists
        await pilot.pause()
        assert links(app, "steps", "s1") == ("p1",)
        await panel_matches_cli(app, pilot, path)


async def test_undo_and_redo_of_a_link_are_one_step_each(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        before = await panel_matches_cli(app, pilot, path)
        await pilot.press("6")  # gain creators; gc1
        first = app.main.lists["gain_creators"].current_id
        old = links(app, "gain_creators", first)
        # link g2 (an unaddressed essential gain) and another one in the same picker
        await pilot.press("l", "g", "2", "space", "backspace", "backspace", "end")
        await pilot.press("enter")
        await pilot.pause()
        linked = links(app, "gain_creators", first)
        assert "g2" in linked and set(old) <= set(linked)
        after = await panel_matches_cli(app, pilot, path)
        assert after["gaps"]["gains"] == []
        await pilot.press("u")
        await pilot.pause()
        assert links(app, "gain_creators", first) == old
        assert await panel_matches_cli(app, pilot, path) == before
        await pilot.press("u")  # the save above was the only other thing: nothing left
        await pilot.pause()
        assert app.document.canvas == storage.load(path).canvas
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert links(app, "gain_creators", first) == linked
        assert await panel_matches_cli(app, pilot, path) == after


async def test_escape_cancels_and_enter_without_change_records_nothing(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.document.canvas
        await pilot.press("4", "l", "space", "down", "space", "escape")
        await pilot.pause()
        assert app.screen is app.main
        assert app.document.canvas is canvas
        await pilot.press("l", "space", "space", "enter")  # toggled back: no change
        await pilot.pause()
        assert app.document.canvas is canvas
        assert not app.document.dirty


async def test_space_in_the_filter_toggles_and_arrows_move_while_typing(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "l")
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        box = picker.query_one("#picker-filter", Input)
        assert box.has_focus
        await pilot.press(*"machine")
        assert box.value == "machine"
        shown = [o.id for o in picker.option_list.options if o.id]
        assert shown and all("machine" in picker._haystack[i] for i in shown)
        assert "p5" not in shown
        await pilot.press("down")  # moves in the list while the filter keeps focus
        assert box.has_focus
        second = picker.option_list.highlighted_option.id
        assert second == shown[1]
        await pilot.press("space")
        assert box.value == "machine"  # space did not type
        assert second in picker.checked
        await pilot.press("backspace")
        assert box.value == "machin"
        assert "picker-filter" in picker.query_one("#picker-filter").id
        hint = str(picker.query_one(".dialog-hint").render())
        assert "space toggles" in hint


async def test_focus_marks_linked_items_in_other_panes_both_ways(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")  # pr1 relieves p1
        assert app.main.lists["pains"].marked == frozenset({"p1"})
        assert app.main.lists["pain_relievers"].marked == frozenset()
        await pilot.press("2")  # p1: relieved by pr1, on step s1
        assert app.main.lists["pains"].current_id == "p1"
        assert "pr1" in app.main.lists["pain_relievers"].marked
        assert "s1" in app.main.lists["steps"].marked
        assert app.main.lists["pains"].marked == frozenset()
        # a new link shows at once
        await pilot.press("down")
        assert "pr2" not in app.main.lists["pain_relievers"].marked
        await pilot.press("l", "down", "space", "enter")
        await pilot.pause()
        assert "pr2" in app.main.lists["pain_relievers"].marked
        await pilot.press("5", "down")
        assert "p2" in app.main.lists["pains"].marked


async def test_enter_on_a_panel_entry_focuses_that_item(tmp_path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        entries = app.main.query_one(FitEntries)
        assert entries.has_focus
        assert entries.entry_ids == ["p2", "g2", "p5", "gc5", "s5"]  # must-address first
        assert entries.highlighted_option.id == "p2"
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.focused is app.main.lists["pains"]
        assert app.main.lists["pains"].current_id == "p2"
        await pilot.press("0", "down", "down", "down", "enter")  # gc5, unanchored
        await pilot.pause()
        assert app.main.focused is app.main.lists["gain_creators"]
        assert app.main.lists["gain_creators"].current_id == "gc5"
        await pilot.press("0", "end", "enter")  # s5, a journey low point: other view
        await pilot.pause()
        assert app.main.focused is app.main.lists["steps"]
        assert app.main.lists["steps"].current_id == "s5"


async def test_tab_reaches_the_panel(tmp_path) -> None:
    app = open_app(copy_sample(tmp_path, COFFEE))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(8):
            if isinstance(app.main.focused, FitEntries):
                break
            await pilot.press("tab")
        assert isinstance(app.main.focused, FitEntries)


async def test_fit_screen_lists_every_gap_and_jumps(tmp_path) -> None:
    # a big canvas: many gaps, more than the panel shows
    pains = tuple(Pain(id=f"p{n}", text=f"pain {n}") for n in range(1, 61))
    canvas = Canvas(
        title="Many gaps",
        pains=pains,
        pain_relievers=(PainReliever(id="pr1", text="helps", pains=("p1",)),),
    )
    app = open_app(canvas=canvas)
    async with app.run_test(size=(80, 24)) as pilot:
        panel_ids = app.main.query_one(FitEntries).entry_ids
        assert len(panel_ids) < 59
        await pilot.press("f")
        screen = app.screen
        assert isinstance(screen, FitScreen)
        entries = screen.query_one(FitEntries)
        assert entries.entry_ids == [f"p{n}" for n in range(2, 61)]
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.screen is app.main
        assert app.main.lists["pains"].current_id == "p60"
        assert app.main.focused is app.main.lists["pains"]


async def test_personas_have_nothing_to_link(tmp_path) -> None:
    canvas = Canvas(title="P", personas=(Persona(id="pe1", name="Ann"),))
    app = open_app(canvas=canvas)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "l")
        await pilot.pause()
        assert app.screen is app.main
        messages = [str(n.message) for n in app._notifications]
        assert any("nothing to link" in m for m in messages)


async def test_user_text_is_data_in_picker_and_panel(tmp_path) -> None:
    canvas = Canvas(
        title="Markup",
        pains=(Pain(id="p1", text="[bold]x[/] and [red]y"),),
        pain_relievers=(PainReliever(id="pr1", text="[i]relief[/i]"),),
    )
    app = open_app(canvas=canvas)
    async with app.run_test(size=(80, 24)) as pilot:
        entries = app.main.query_one(FitEntries)
        prompts = [str(o.prompt) for o in entries.options]
        assert any("[bold]x[/] and [red]y" in p for p in prompts)
        assert any("[i]relief[/i]" in p for p in prompts)
        await pilot.press("5", "l")
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        rows = [str(o.prompt) for o in picker.option_list.options]
        assert any("[bold]x[/] and [red]y" in r for r in rows)
        assert "[i]relief[/i]" in str(picker.query_one(".dialog-title").render())
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.document.canvas.pain_relievers[0].pains == ("p1",)
        assert app.main.query_one(FitPanel).report == compute_fit(app.document.canvas)


def test_help_lists_the_fit_and_link_keys() -> None:
    from valuecanvas.tui.help import help_lines

    keys = {k: what for _, rows in help_lines() for k, what in rows}
    assert "fit summary" in keys["0"]
    assert "fit report" in keys["f"]
    assert "Link" in keys["l"]
