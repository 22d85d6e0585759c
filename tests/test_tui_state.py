"""State down: the screen's `canvas` var is the document's canvas after every change, and
what the panes show follows it (edit, undo, redo, a reload from disk)."""

from __future__ import annotations

import os
from pathlib import Path

from tui_helpers import copy_sample, open_app


def shown_jobs(app: object) -> list[str]:
    pane = app.screen.query_one("#list-jobs")  # type: ignore[attr-defined]
    return [item.id for item in pane.items]


async def test_the_screen_canvas_follows_every_change(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.main
        assert screen is not None and screen.canvas is app.document.canvas
        first = app.document.canvas
        await pilot.press("1", "shift+down")  # j1 moves down: one edit
        assert screen.canvas is app.document.canvas is not first
        assert shown_jobs(app)[:2] == ["j2", "j1"]
        await pilot.press("u")
        assert screen.canvas is app.document.canvas is first
        assert shown_jobs(app)[:2] == ["j1", "j2"]
        await pilot.press("ctrl+r")
        assert shown_jobs(app)[:2] == ["j2", "j1"]
        # a reload from disk is a change too (undoable): the panes show the file
        text = path.read_text(encoding="utf-8").replace("Keep the car presentable", "Reloaded", 1)
        path.write_text(text, encoding="utf-8")
        st = os.stat(path)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert app.safety.reload()
        assert screen.canvas is app.document.canvas
        assert shown_jobs(app)[:2] == ["j1", "j2"]
        assert app.document.canvas.jobs[0].text.startswith("Reloaded")
