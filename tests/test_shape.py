"""The one-table shape: commands by scope, ListSpec fields, the palette's way in."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_sample, open_app
from valuecanvas.model import LISTS
from valuecanvas.tui.commands import ALL_COMMANDS, SCOPE_VIEW, bindings
from valuecanvas.tui.form import item_fields
from valuecanvas.tui.personas_view import EmpathyMap


def test_every_command_has_one_id_and_its_keys_are_bound_once_per_scope() -> None:
    ids = [c.id for c in ALL_COMMANDS]
    assert len(ids) == len(set(ids))
    for scope in ("app", "screen", "journey", "personas", "empathy"):
        keys = [k for b in bindings(scope) for k in b.key.split(",")]  # type: ignore[arg-type]
        assert keys and len(keys) == len(set(keys)), scope


def test_every_field_of_the_table_is_a_field_of_its_model() -> None:
    for spec in LISTS.values():
        model_fields = set(spec.model.model_fields)
        assert {f.name for f in spec.fields} <= model_fields, spec.name
        assert spec.text_field in model_fields
        assert set(spec.lens_keys) <= model_fields


def test_the_form_follows_the_table(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    canvas = app.document.canvas
    role = next(f for f in item_fields("personas", canvas) if f.name == "role")
    assert role.label == "role (DMU)"  # b2b label from the table
    phase = next(f for f in item_fields("steps", canvas) if f.name == "phase")
    assert phase.choices == canvas.journey.phases
    shown = [f.name for f in item_fields("jobs", canvas)]
    assert shown == [f.name for f in LISTS["jobs"].fields if f.in_form]


async def test_the_palette_shows_the_commands_view_then_runs_it(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        assert SCOPE_VIEW["empathy"] == "personas"
        await app.run_action("screen.command('entry_add')")
        await pilot.pause()
        views = app.main.query_one("#views")
        assert views.current == "personas-view"  # type: ignore[attr-defined]
        await pilot.press(*"Leest vakbladen", "enter")
        await pilot.pause()
        persona = app.document.canvas.personas[0]
        assert "Leest vakbladen" in app.main.query_one(EmpathyMap).persona.does  # type: ignore[union-attr]
        assert "Leest vakbladen" in persona.does
