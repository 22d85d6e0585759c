"""Edge cases a review found: markup in filters and phase names, untouched form fields,
adding under a filter, item keys while the fit panel has focus, kept recovery files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_helpers import copy_sample, open_app
from valuecanvas import storage
from valuecanvas.model import Canvas, Job, Journey, Persona, Step
from valuecanvas.storage.files import recovery_path
from valuecanvas.tui.form import FormScreen

SIZE = (80, 24)


async def test_markup_typed_into_the_filter_is_shown_and_never_crashes(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "slash", *"[/", "enter")
        await pilot.pause()
        assert app.is_running
        jobs = app.main.lists["jobs"]
        assert jobs.filter_text == "[/"
        assert "/[/" in str(jobs.border_subtitle)
        await pilot.press("escape")
        await pilot.press("slash", *"[red]x", "enter")
        assert "[red]x" in str(jobs.border_subtitle)


async def test_a_phase_name_with_markup_opens_in_the_step_form(tmp_path: Path) -> None:
    canvas = Canvas(
        title="T",
        journey=Journey(
            phases=("[/]", "[red]use"), steps=(Step(id="s1", phase="[/]", text="A step"),)
        ),
    )
    path = tmp_path / "ph.toml"
    storage.save(canvas, path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7", "e")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, FormScreen)
        assert "[/]" in app.export_screenshot()


async def test_applying_an_untouched_form_changes_nothing(tmp_path: Path) -> None:
    canvas = Canvas(
        title="T",
        notes="  spaced notes \n",
        jobs=(Job(id="j1", text="A job", context="  around ", notes="\nline\n"),),
        personas=(
            Persona(id="pe1", name="Sanne", does=("Drives a lot\nand has a lease car", "  spaced")),
        ),
    )
    path = tmp_path / "c.toml"
    storage.save(canvas, path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        before = app.document.canvas
        await pilot.press("1", "e", "enter")
        await pilot.press("8", "e", "enter")
        await pilot.press("ctrl+e", "enter")
        await pilot.pause()
        assert app.document.canvas is before
        assert not app.document.dirty
        assert app.document.undo_stack == []


async def test_add_under_a_filter_focuses_the_new_item(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "slash", *"keep", "enter", "a", *"zzz", "enter", "enter")
        jobs = app.main.lists["jobs"]
        assert app.document.canvas.jobs[-1].text == "zzz"
        assert jobs.current_id == app.document.canvas.jobs[-1].id
        await pilot.press("d")
        assert [j.text for j in app.document.canvas.jobs if j.text == "zzz"] == []
        assert len(app.document.canvas.jobs) == 6


async def test_item_keys_do_nothing_while_the_fit_panel_has_focus(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    async with app.run_test(size=SIZE) as pilot:
        before = app.document.canvas
        await pilot.press("2", "0", "d", "plus", "t", "K", "J")
        assert app.document.canvas is before


def test_a_kept_recovery_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    first = Canvas(title="Session one")
    storage.save(Canvas(title="On disk"), path)
    kept = storage.save_recovery(first, path)
    assert kept == recovery_path(path)
    second = storage.save_recovery(Canvas(title="Session two"), path)
    assert second != kept and second.name == "c.toml.recover-2.toml"
    assert storage.load(kept).canvas.title == "Session one"
    assert storage.load(second).canvas.title == "Session two"
    # The session's own recovery file is updated in place.
    assert storage.save_recovery(Canvas(title="Again"), path, own=second) == second
    assert storage.load(second).canvas.title == "Again"


async def test_save_as_locks_the_new_file_and_refuses_one_held_by_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from valuecanvas.storage.lock import LockedError, acquire, lock_path

    monkeypatch.chdir(tmp_path)
    app = open_app(None, Canvas(title="Untitled canvas"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"A job", "enter", "ctrl+s", *"mine.toml", "enter")
        await pilot.pause()
        assert (tmp_path / "mine.toml").exists()
        assert app.lock is not None and app.lock.still_ours()
        with pytest.raises(LockedError):
            acquire(tmp_path / "mine.toml")  # a second editor is told who has it
        # Someone else holds the lock of the next name: nothing is written there.
        other = tmp_path / "theirs.toml"
        held = acquire(other)
        app.document.path = None
        await pilot.press("ctrl+s", *"theirs.toml", "enter")
        await pilot.pause()
        assert not other.exists()
        assert app.lock.path.name == "mine.toml"
        held.release()
    app.lock.release()
    assert not lock_path(tmp_path / "mine.toml").exists()
