"""Resolving merge conflicts in the TUI: each offered in turn, `o` / `t`, undoable,
and saving after the last one writes the file without `[[conflicts]]`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tui_helpers import open_app, saved_toml
from valuecanvas import edits, storage
from valuecanvas.merge import merge
from valuecanvas.model import Canvas
from valuecanvas.tui.conflicts_dialog import ConflictScreen

SIZE = (80, 24)

BASE = Canvas.model_validate(
    {
        "title": "Car wash",
        "pains": [
            {"id": "p1", "text": "Queue", "severity": "extreme"},
            {"id": "p2", "text": "Scratches"},
        ],
        "gains": [{"id": "g1", "text": "Fast"}],
    }
)


def conflicted_file(tmp_path: Path) -> Path:
    """What the merge driver leaves: three conflicts, ours in the fields."""
    ours = edits.update_canvas(edits.update_item(BASE, "p1", {"severity": "mild"}), {"title": "A"})
    ours = edits.delete_item(ours, "g1")
    theirs = edits.update_item(BASE, "p1", {"severity": "moderate"})
    theirs = edits.update_item(edits.update_canvas(theirs, {"title": "B"}), "g1", {"text": "Quick"})
    result = merge(BASE, ours, theirs)
    assert [c.field for c in result.canvas.conflicts] == ["title", "severity", "deleted"]
    path = tmp_path / "c.toml"
    storage.save(result.canvas, path)
    return path


async def test_each_conflict_is_offered_in_turn_and_saving_removes_the_table(
    tmp_path: Path,
) -> None:
    path = conflicted_file(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.conflict.field == "title"
        await pilot.press("t")  # take theirs: title B
        await pilot.pause()
        assert app.document.canvas.title == "B"
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.conflict.field == "severity"
        await pilot.press("o")  # keep ours: mild
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.conflict.field == "deleted"
        await pilot.press("o")  # keep ours: ours deleted g1
        await pilot.pause()
        assert not isinstance(app.screen, ConflictScreen)
        assert app.document.canvas.conflicts == ()
        assert app.document.canvas.gains == ()
        assert app.document.canvas.pains[0].severity == "mild"
        await pilot.press("ctrl+s")
        await pilot.pause()
    data = saved_toml(path)
    assert "conflicts" not in data and data["title"] == "B" and "gains" not in data


async def test_a_choice_is_undoable(tmp_path: Path) -> None:
    path = conflicted_file(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert app.document.canvas.title == "B" and len(app.document.canvas.conflicts) == 2
        await pilot.press("u")  # in the dialog: undo the last choice, offered again
        await pilot.pause()
        assert app.document.canvas.title == "A" and len(app.document.canvas.conflicts) == 3
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.conflict.field == "title"
        await pilot.press("escape")  # later: the rest stays in the file
        await pilot.pause()
        assert not isinstance(app.screen, ConflictScreen)
        await pilot.press("t")  # not a conflict key on the canvas screen any more
        await pilot.pause()
        assert app.document.canvas.title == "A"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(saved_toml(path)["conflicts"]) == 3


async def test_read_only_offers_nothing(tmp_path: Path) -> None:
    app = open_app(conflicted_file(tmp_path), read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ConflictScreen)


async def test_a_git_merge_conflict_resolved_in_the_tui_passes_check(tmp_path: Path) -> None:
    """The whole path: git reports the conflict, the TUI resolves it, check is ok."""
    env = {
        **os.environ,
        "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    root = tmp_path / "repo"
    root.mkdir()

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, cwd=root, env=env, capture_output=True, text=True)

    run("git", "init", "-q", "-b", "main")
    run("git", "config", "user.name", "Tester")
    run("git", "config", "user.email", "tester@example.com")
    assert run("valuecanvas", "git-setup").returncode == 0
    path = root / "c.toml"
    storage.save(BASE, path)
    run("git", "add", "-A")
    run("git", "commit", "-q", "-m", "base")
    run("git", "checkout", "-q", "-b", "theirs")
    storage.save(edits.update_item(BASE, "p1", {"severity": "moderate"}), path)
    run("git", "commit", "-q", "-am", "theirs")
    run("git", "checkout", "-q", "main")
    storage.save(edits.update_item(BASE, "p1", {"severity": "mild"}), path)
    run("git", "commit", "-q", "-am", "ours")
    merged = run("git", "merge", "--no-edit", "theirs")
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout
    assert run("valuecanvas", "check", "c.toml").returncode == 1

    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    check = run("valuecanvas", "check", "c.toml")
    assert check.returncode == 0, check.stderr
    assert saved_toml(path)["pains"][0]["severity"] == "moderate"
