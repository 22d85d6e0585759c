"""`x` in the TUI (export.md, keys.md): pick a format, then a path; written atomically
with the same registry and writer as `valuecanvas export`, never over a file without `o`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static

from tui_helpers import copy_sample, open_app
from valuecanvas.export import FORMATS
from valuecanvas.model import Canvas
from valuecanvas.tui.dialogs import ChoiceScreen
from valuecanvas.tui.export_dialog import ExportScreen
from valuecanvas.tui.help import HelpScreen

SIZE = (80, 24)
HOSTILE = "\x1b]2;PWNED\x07"


def error_text(app: Any) -> str:
    return str(app.screen.query_one("#export-error", Static).render())


def cli_export(run_cli: Callable[..., Any], path: Path, fmt: str) -> bytes:
    """What `valuecanvas export PATH --to FMT -o OUT` writes (in a folder of its own)."""
    out = path.parent / "cli-output" / f"cli{FORMATS[fmt].extension}"
    out.parent.mkdir(exist_ok=True)
    result = run_cli("export", path, "--to", fmt, "-o", out, "--force")
    assert result.code == 0, result.err
    data = out.read_bytes()
    out.unlink()
    out.parent.rmdir()
    return data


@pytest.mark.parametrize(("number", "fmt"), [(str(i), f) for i, f in enumerate(FORMATS, 1)])
async def test_each_format_is_written_beside_the_canvas_as_the_cli_writes_it(
    tmp_path: Path, run_cli: Callable[..., Any], number: str, fmt: str
) -> None:
    path = copy_sample(tmp_path, "office-coffee-b2b.toml")
    expected = cli_export(run_cli, path, fmt)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press(number)
        box = app.screen.query_one("#export-path", Input)
        assert box.has_focus
        assert box.value == str(tmp_path / f"office-coffee-b2b{FORMATS[fmt].extension}")
        await pilot.press("enter")
        assert not isinstance(app.screen, ExportScreen)
    out = tmp_path / f"office-coffee-b2b{FORMATS[fmt].extension}"
    assert out.read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == sorted(
        ["office-coffee-b2b.toml", out.name]
    )  # no temporary file left behind


async def test_arrow_keys_and_enter_choose_the_format_and_the_path_follows(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "down", "down")  # md → mermaid → html
        box = app.screen.query_one("#export-path", Input)
        assert box.value == str(tmp_path / "car-wash.html")
        await pilot.press("up", "enter")  # mermaid, then the path
        assert box.has_focus and box.value == str(tmp_path / "car-wash.mmd")
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"journey.mmd")
        assert box.value == str(tmp_path / "car-washjourney.mmd")
        await pilot.press("enter")
        assert not isinstance(app.screen, ExportScreen)
    out = tmp_path / "car-washjourney.mmd"
    assert out.read_bytes() == cli_export(run_cli, path, "mermaid")


async def test_a_typed_path_keeps_its_name_when_the_format_changes(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "enter")
        box = app.screen.query_one("#export-path", Input)
        box.value = str(tmp_path / "for-the-wiki.md")
        await pilot.press("shift+tab", "down", "down", "down")  # back to the list: csv
        assert box.value == str(tmp_path / "for-the-wiki.csv")


async def test_an_untitled_canvas_exports_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = open_app(None, Canvas(title="Weekly car wash: Rotterdam"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert app.screen.query_one("#export-path", Input).value == "weekly-car-wash-rotterdam.md"
        await pilot.press("5", "enter")
    assert (tmp_path / "weekly-car-wash-rotterdam.json").is_file()


async def test_keys_typed_right_after_x_go_to_the_dialog(tmp_path: Path) -> None:
    """`x`, `3`, `enter` in one burst (a fast typist, a slow link): html is written."""
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for key, char in (("x", "x"), ("3", "3"), ("enter", "\r")):
            app.post_message(events.Key(key, char))
        while not app.key_order.idle:
            await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert app.document.canvas.journey == app.document.saved.journey  # `3` was no command
    assert (tmp_path / "car-wash.html").is_file()


async def test_an_existing_file_is_replaced_only_after_confirmation(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    path = copy_sample(tmp_path)
    out = tmp_path / "car-wash.md"
    out.write_text("my notes, not an export\n", encoding="utf-8")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "1", "enter")
        assert isinstance(app.screen, ChoiceScreen)
        assert "car-wash.md already exists" in str(app.screen.message)
        await pilot.press("escape")  # stay: back in the dialog, the path focused
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path", Input).has_focus
        assert out.read_text(encoding="utf-8") == "my notes, not an export\n"
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("n")  # not an answer: nothing happens
        assert out.read_text(encoding="utf-8") == "my notes, not an export\n"
        await pilot.press("o")
        assert not isinstance(app.screen, (ExportScreen, ChoiceScreen))
    assert out.read_bytes() == cli_export(run_cli, path, "md")


async def test_escape_cancels_and_writes_nothing(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = sorted(tmp_path.iterdir())
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "3")  # html chosen, the path focused
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportScreen)
        await pilot.press("x", "escape")  # from the format list too
        assert not isinstance(app.screen, ExportScreen)
    assert sorted(p for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        p for p in before if not p.name.endswith(".lock")
    ]


async def test_the_canvas_itself_is_never_replaced(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    original = path.read_bytes()
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "enter")
        app.screen.query_one("#export-path", Input).value = str(path)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # no question: refused outright
        assert "is the canvas itself" in error_text(app)
    assert path.read_bytes() == original


async def test_errors_are_a_message_in_the_dialog_escaped(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "enter")
        box = app.screen.query_one("#export-path", Input)
        box.value = str(tmp_path / f"no{HOSTILE}folder" / "out.md")
        await pilot.press("enter")
        shown = error_text(app)
        assert "does not exist" in shown
        assert "\\x1b]2;PWNED\\x07" in shown and "\x1b" not in shown and "\x07" not in shown
        box.value = str(tmp_path)  # a folder
        await pilot.press("enter")
        assert "is a folder" in error_text(app)
        box.value = "   "
        await pilot.press("enter")
        assert "Type a path" in error_text(app)
        await pilot.press("escape")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "car-wash.toml"
    ]


async def test_read_only_mode_may_export(tmp_path: Path) -> None:
    """Read-only protects the canvas file; an export writes another file."""
    path = copy_sample(tmp_path)
    original = path.read_bytes()
    app = open_app(path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "4", "enter")
    assert (tmp_path / "car-wash.csv").is_file()
    assert path.read_bytes() == original


async def test_unsaved_changes_are_exported(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"Unsaved job", "enter", "enter")
        await pilot.press("x", "1", "enter")
    assert "Unsaved job" in (tmp_path / "car-wash.md").read_text(encoding="utf-8")
    assert "Unsaved job" not in path.read_text(encoding="utf-8")


async def test_the_dialog_speaks_dutch(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Het canvas exporteren" in shown
        first = app.screen.query_one(OptionList).get_option_at_index(0)
        assert "Markdown die GitHub toont" in str(first.prompt)
        await pilot.press("1", "enter")
    assert (tmp_path / "car-wash.md").is_file()


async def test_help_and_palette_list_the_export(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Export the canvas" in str(app.screen.query_one("#help-text", Static).render())
        await pilot.press("escape", "ctrl+p", *"export the", "enter")
        assert isinstance(app.screen, ExportScreen)
