"""How the main screen, the help and the edit form look at 80×24 and 120×40."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui_helpers import SIZES, copy_sample, open_app


async def no_blink(pilot: Pilot[Any]) -> None:
    """Freeze text cursors so the picture does not depend on timing."""
    await pilot.pause()
    for widget in pilot.app.screen.query("*"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", ["small", "large"])
def test_sample_canvas(snap_compare: Any, tmp_path: Path, size: str) -> None:
    app = open_app(copy_sample(tmp_path, "car-wash.toml"))
    assert snap_compare(app, terminal_size=SIZES[size], press=["2", "down"])


@pytest.mark.parametrize("size", ["small", "large"])
def test_full_sample_focused_pane_wrapped(snap_compare: Any, tmp_path: Path, size: str) -> None:
    """Every pain whole in the focused pane (at 80×24: those around the cursor); the other
    panes share their rows out; titles whole."""
    app = open_app(copy_sample(tmp_path, "office-coffee-b2b.toml"))
    assert snap_compare(app, terminal_size=SIZES[size], press=["2", "down", "down"])


@pytest.mark.parametrize("size", ["small", "large"])
def test_help_screen(snap_compare: Any, tmp_path: Path, size: str) -> None:
    app = open_app(copy_sample(tmp_path, "car-wash.toml"))
    assert snap_compare(app, terminal_size=SIZES[size], press=["question_mark"])


@pytest.mark.parametrize("size", ["small", "large"])
def test_edit_form(snap_compare: Any, tmp_path: Path, size: str) -> None:
    app = open_app(copy_sample(tmp_path, "car-wash.toml"))

    async def open_form(pilot: Pilot[Any]) -> None:
        await pilot.press("1", "e")
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=open_form)
