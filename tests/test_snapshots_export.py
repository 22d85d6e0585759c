"""How the export dialog (`x`) and its overwrite question look at 80×24 and 120×40."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tui_helpers import SIZES, copy_sample, open_app


async def no_blink(pilot: Pilot[Any]) -> None:
    """Freeze text cursors so the picture does not depend on timing."""
    await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", ["small", "large"])
def test_export_dialog(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: str
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative path: the same picture in any folder
    copy_sample(tmp_path, "car-wash.toml")
    app = open_app(Path("car-wash.toml"))

    async def open_dialog(pilot: Pilot[Any]) -> None:
        await pilot.press("x", "down", "down")  # html highlighted, the path follows
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=open_dialog)


def test_export_overwrite_question(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_sample(tmp_path, "car-wash.toml")
    (tmp_path / "car-wash.md").write_text("already here\n", encoding="utf-8")
    app = open_app(Path("car-wash.toml"))
    assert snap_compare(app, terminal_size=SIZES["small"], press=["x", "1", "enter"])
