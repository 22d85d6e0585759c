"""The value lens in the TUI (issue 13): view `9`, the tag keys, whose journey.

Every key is pressed as keys.md names it and checked against the TOML the app
saves (`ctrl+s`); the lens view is checked against `valuecanvas lens --json` on the
saved file after each edit, undo and redo (the same `compute_lens`).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui_helpers import copy_sample, open_app, saved_toml
from valuecanvas.cli import main as cli_main
from valuecanvas.lens import compute_lens
from valuecanvas.model import Canvas, Job, Persona, Step
from valuecanvas.tui.app import ValueCanvasApp
from valuecanvas.tui.lens_view import LensEntries, LensView
from valuecanvas.tui.rows import format_item
from valuecanvas.tui.tag_pickers import PersonaPicker, WarrantyPicker

COFFEE = "office-coffee-b2b.toml"


def saved_item(path: Path, list_name: str, item_id: str) -> dict[str, Any]:
    data = saved_toml(path)
    items = data["journey"]["steps"] if list_name == "steps" else data[list_name]
    return next(i for i in items if i["id"] == item_id)


async def save(app: ValueCanvasApp, pilot: Pilot[int]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not app.document.dirty


async def focus(app: ValueCanvasApp, pilot: Pilot[int], key: str, item_id: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    lst = app.main.current_list()
    assert lst is not None
    while lst.current_id != item_id:
        await pilot.press("j")
    await pilot.pause()


def cli_lens(path: Path) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["lens", str(path), "--json"]) == 0
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


async def view_matches_cli(app: ValueCanvasApp, pilot: Pilot[int], path: Path) -> dict[str, Any]:
    """Save, run `valuecanvas lens FILE --json`: the view shows exactly that report."""
    await save(app, pilot)
    data = cli_lens(path)
    view = app.main.query_one(LensView)
    assert view.report is not None
    assert view.report.to_json() == data
    targets = view.targets()
    for item_id in data["evidence"]["untested"][:25]:
        assert item_id in targets  # each "test these first" item is a row enter jumps from
    for aspect in ("availability", "capacity", "security", "continuity"):
        for item_id in data["warranty"][aspect][:25]:
            assert item_id in targets
    text = "\n".join(str(o.prompt) for o in view.query_one(LensEntries)._options)
    for aspect in data["warranty"]["missing"]:
        assert f"[ ] {aspect}: MISSING" in text
    share = data["value"]["sought_emotional_share"]
    assert (f"sought {share}%" if share is not None else "sought —") in text
    return data


# ------------------------------------------------------------------ cycling keys


async def test_v_and_V_cycle_value_in_the_saved_file(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus(app, pilot, "1", "j4")  # economic
        await pilot.press("v")
        await save(app, pilot)
        assert saved_item(path, "jobs", "j4")["value"] == "emotional"
        await pilot.press("V", "V")
        await save(app, pilot)
        assert saved_item(path, "jobs", "j4")["value"] == "functional"
        await pilot.press("V")  # before functional: no value (the key is not written)
        await save(app, pilot)
        assert "value" not in saved_item(path, "jobs", "j4")
        await pilot.press("V")  # wraps to the last
        await save(app, pilot)
        assert saved_item(path, "jobs", "j4")["value"] == "symbolic"


async def test_r_and_R_cycle_strategy_on_the_value_map(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus(app, pilot, "4", "ps1")  # performance
        await pilot.press("r")
        await save(app, pilot)
        assert saved_item(path, "products", "ps1")["strategy"] == "customisation"
        await pilot.press("r", "r")  # experience, then none
        await save(app, pilot)
        assert "strategy" not in saved_item(path, "products", "ps1")
        await pilot.press("R")
        await save(app, pilot)
        assert saved_item(path, "products", "ps1")["strategy"] == "experience"


async def test_g_and_G_cycle_evidence_and_the_row_marks_it(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus(app, pilot, "2", "p2")  # an assumption
        row = "".join(t for t, _ in format_item("pains", app.main.lists["pains"].current_item))
        assert "✓" not in row
        await pilot.press("g")
        await save(app, pilot)
        assert saved_item(path, "pains", "p2")["evidence"] == "observation"
        row = "".join(t for t, _ in format_item("pains", app.main.lists["pains"].current_item))
        assert "✓" in row  # backed by more than an assumption, at a glance
        await pilot.press("G")  # back to the default: not written
        await save(app, pilot)
        assert "evidence" not in saved_item(path, "pains", "p2")
        await pilot.press("G")  # wraps to the last
        await save(app, pilot)
        assert saved_item(path, "pains", "p2")["evidence"] == "analytics"


async def test_a_tag_key_on_a_list_without_that_tag_changes_nothing(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus(app, pilot, "1", "j1")
        before = app.document.canvas
        await pilot.press("r")  # jobs have no strategy
        await pilot.pause()
        assert app.document.canvas is before
        assert not app.document.dirty
        assert any("has no strategy" in str(n.message) for n in app._notifications)


# ------------------------------------------------------------------ w: warranty and persona


async def test_w_toggles_warranty_aspects_as_one_edit(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus(app, pilot, "4", "ps3")  # no warranty
        assert "warranty" not in saved_item(path, "products", "ps3")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WarrantyPicker)
        await pilot.press("space", "down", "down", "space", "4", "4", "2", "enter")
        await pilot.pause()
        await save(app, pilot)
        assert saved_item(path, "products", "ps3")["warranty"] == [
            "availability",
            "capacity",
            "security",
        ]
        await pilot.press("w", "1", "escape")  # cancelled: unchanged
        await pilot.pause()
        assert not app.document.dirty
        await pilot.press("u")
        await save(app, pilot)
        assert "warranty" not in saved_item(path, "products", "ps3")


async def test_w_on_a_step_picks_its_persona_and_the_row_names_it(tmp_path: Path) -> None:
    canvas = Canvas(
        title="t",
        personas=(Persona(id="pe1", name="Sanne, 34"), Persona(id="pe2", name="Rob")),
        jobs=(Job(id="j1", text="job"),),
    )
    canvas = canvas.model_copy(
        update={
            "journey": canvas.journey.model_copy(
                update={"steps": (Step(id="s1", text="a", phase="awareness"),)}
            )
        }
    )
    path = tmp_path / "t.toml"
    app = open_app(path, canvas=canvas)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus(app, pilot, "7", "s1")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PersonaPicker)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await save(app, pilot)
        assert saved_item(path, "steps", "s1")["persona"] == "pe2"
        steps = app.main.lists["steps"]
        row = "".join(t for t, _ in steps.formatter(steps.current_item))
        assert "Rob" in row
        await pilot.press("w", "up", "up", "enter")  # no persona
        await pilot.pause()
        await save(app, pilot)
        assert "persona" not in saved_item(path, "steps", "s1")


async def test_W_shows_each_personas_steps_in_turn(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        steps = app.main.lists["steps"]
        canvas = app.document.canvas
        everything = len(canvas.journey.steps)
        assert len(steps.shown) == everything
        for persona in canvas.personas:
            await pilot.press("W")
            await pilot.pause()
            shown = [steps.items[n] for n in steps.shown]
            assert shown == [s for s in canvas.journey.steps if s.persona == persona.id]
            assert persona.id in str(app.main.query_one("#phase-strip").render())
        await pilot.press("W")  # the steps of no one
        await pilot.pause()
        assert [steps.items[n] for n in steps.shown] == [
            s for s in canvas.journey.steps if not s.persona
        ]
        await pilot.press("W")  # all again
        await pilot.pause()
        assert len(steps.shown) == everything


# ------------------------------------------------------------------ the lens view


async def test_lens_view_equals_the_cli_after_each_edit_undo_and_redo(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        first = await view_matches_cli(app, pilot, path)
        # edits made in the lists, then the lens shown again
        await focus(app, pilot, "2", "p2")
        await pilot.press("g", "9")
        await pilot.pause()
        second = await view_matches_cli(app, pilot, path)
        assert second != first
        await focus(app, pilot, "4", "ps4")
        await pilot.press("v", "r", "w", "2", "enter", "9")
        await pilot.pause()
        third = await view_matches_cli(app, pilot, path)
        assert third["value"] != second["value"]
        # undo and redo with the lens in view: it follows at once
        for key in ("u", "u", "u", "ctrl+r", "u", "ctrl+r", "ctrl+r", "ctrl+r"):
            await pilot.press(key)
            await pilot.pause()
            view = app.main.query_one(LensView)
            assert view.report is not None
            assert view.report.to_json() == compute_lens(app.document.canvas).to_json()
        await view_matches_cli(app, pilot, path)


async def test_enter_on_an_untested_item_in_the_lens_jumps_to_it(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        view = app.main.query_one(LensView)
        assert view.report is not None and view.report.untested
        target = view.report.untested[-1]
        entries = view.query_one(LensEntries)
        assert entries.has_focus
        row = view.targets().index(target)
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        current = app.main.current_list()
        assert current is not None and current.current_id == target


async def test_lens_view_speaks_dutch(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "fietsabonnement.toml"), lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        entries = app.main.query_one(LensEntries)
        text = "\n".join(str(o.prompt) for o in entries._options)
        assert "Klantenwaarde" in text and "Garantie" in text
        assert "Customer value" not in text
        assert "Waardelens" in str(entries.border_title)


def test_the_lens_keys_collide_with_no_other_key_of_the_canvas_screen() -> None:
    from valuecanvas.tui.commands import ALL_COMMANDS

    screen_keys = [k for c in ALL_COMMANDS if c.scope == "screen" for k in c.keys.split(",")]
    assert len(screen_keys) == len(set(screen_keys))
    for key in ("9", "v", "V", "r", "R", "g", "G", "w"):
        assert screen_keys.count(key) == 1
    journey_keys = [k for c in ALL_COMMANDS if c.scope == "journey" for k in c.keys.split(",")]
    assert journey_keys.count("W") == 1 and "W" not in screen_keys


async def test_source_and_persona_in_the_edit_form(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, COFFEE)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await focus(app, pilot, "2", "p2")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-source").focus()
        await pilot.press("home", "ctrl+k", *"survey 2026-03, n=120", "enter")
        await pilot.pause()
        await save(app, pilot)
        assert saved_item(path, "pains", "p2")["source"] == "survey 2026-03, n=120"
        step = app.document.canvas.journey.steps[0]
        other = next(p.id for p in app.document.canvas.personas if p.id != step.persona)
        await focus(app, pilot, "7", step.id)
        await pilot.press("e")
        await pilot.pause()
        select = app.screen.query_one("#field-persona")
        assert select.value == step.persona
        select.value = other  # the choice as the Select sets it; enter applies the form
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        await save(app, pilot)
        assert saved_item(path, "steps", step.id)["persona"] == other
