"""The app never overwrites work behind anyone's back: read-only mode, outside changes,
dropped comments (warned, one .bak), and unsaved work rescued on SIGTERM / SIGHUP."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from process_helpers import read_until, spawn_in_pty
from tui_helpers import copy_sample, open_app, saved_toml
from valuecanvas import storage
from valuecanvas.document import Document
from valuecanvas.model import Canvas
from valuecanvas.storage.files import backup_path, recovery_path
from valuecanvas.tui.dialogs import ChoiceScreen, PromptScreen

SIZE = (80, 24)


def titlebar(app: object) -> str:
    return str(app.screen.query_one("#titlebar").render())  # type: ignore[attr-defined]


def question(app: object) -> ChoiceScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ChoiceScreen), f"expected a question, got {screen!r}"
    return screen


def change_on_disk(path: Path, title: str = "Changed elsewhere") -> None:
    """Another program rewrites the file (a new mtime even within the same tick)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "', f'title = "{title} ', 1), encoding="utf-8")
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


# ---------------------------------------------------------------- read-only


async def test_read_only_shows_itself_refuses_edits_and_saves(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    app = open_app(path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        assert "READ-ONLY" in titlebar(app)
        await pilot.press("1", "minus", "d", "shift+down", "t")
        await pilot.press("a", *"new job", "enter")
        await pilot.pause()
        assert not app.document.dirty
        assert app.document.canvas == storage.load(path).canvas
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PromptScreen | ChoiceScreen)
        assert app.save_document() is False
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert path.read_bytes() == before


# ---------------------------------------------------------------- outside changes


async def test_outside_change_is_noticed_once_by_the_watcher(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.safety.check_disk() is False
        change_on_disk(path)
        assert app.safety.check_disk() is True
        assert app.safety.check_disk() is True
        await pilot.pause()
        texts = [str(n.message) for n in app._notifications]
        hits = [t for t in texts if "changed on disk" in t]
        assert hits == [f"{path.name} changed on disk — ctrl+s will ask what to do"]
        assert app.safety.timer is not None  # the 2-second watcher runs


async def test_touch_without_new_content_is_not_a_change(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE):
        os.utime(path, ns=(1, 1))
        assert app.safety.check_disk() is False


async def test_outside_change_then_o_overwrites(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        change_on_disk(path)
        outside = path.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        ask = question(app)
        assert ask.question_title == "Changed on disk"
        assert {k for k, _ in ask.choices} == {"r", "a", "o"}
        assert path.read_bytes() == outside  # nothing written while asking
        await pilot.press("o")
        await pilot.pause()
        assert not app.document.dirty
        # the fingerprint follows our save: a second save asks nothing
        await pilot.press("minus", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen)
    data = saved_toml(path)
    assert not data["title"].startswith("Changed elsewhere")
    assert data["jobs"][0]["importance"] == "low"


async def test_outside_change_then_escape_writes_nothing(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        change_on_disk(path)
        outside = path.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        question(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.document.dirty
    assert path.read_bytes() == outside


async def test_outside_change_then_r_reloads_after_a_second_yes(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        change_on_disk(path, "Theirs")
        outside = path.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        confirm = question(app)
        assert confirm.question_title == "Reload from disk?"
        assert "drops your unsaved changes" in confirm.message
        await pilot.press("y")
        await pilot.pause()
        assert app.document.canvas.title.startswith("Theirs")
        assert not app.document.dirty
        assert "Theirs" in titlebar(app)
        # our edit is still one undo away, and saving now asks nothing
        assert app.document.undo_stack
        assert app.safety.changed() is False
    assert path.read_bytes() == outside


async def test_reload_refused_at_the_second_question_keeps_our_edits(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        mine = app.document.canvas
        change_on_disk(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.document.canvas is mine
        assert app.document.dirty


async def test_outside_change_then_a_saves_under_another_name(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    other = tmp_path / "mine.toml"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        change_on_disk(path)
        outside = path.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*str(other), "enter")
        await pilot.pause()
        assert app.document.path == other
        assert not app.document.dirty
    assert path.read_bytes() == outside
    assert saved_toml(other)["jobs"][0]["importance"] == "medium"


async def test_file_deleted_outside_is_a_change_too(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        path.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        ask = question(app)
        assert "was deleted" in ask.message
        assert {k for k, _ in ask.choices} == {"a", "o"}
        await pilot.press("o")
        await pilot.pause()
    assert saved_toml(path)["jobs"][0]["importance"] == "medium"


async def test_quit_s_with_an_outside_change_asks_before_quitting(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        change_on_disk(path)
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
        assert question(app).question_title == "Changed on disk"
        await pilot.press("o")
        await pilot.pause()
    assert app.return_value == 0
    assert saved_toml(path)["jobs"][0]["importance"] == "medium"


# ---------------------------------------------------------------- comments


async def test_comments_warned_once_and_backed_up_once(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    original = "# our team's notes: keep this\n" + path.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    app = open_app(path)
    bak = backup_path(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "ctrl+s")
        await pilot.pause()
        ask = question(app)
        assert ask.question_title == "Comments will be dropped"
        assert bak.name in ask.message
        await pilot.press("escape")  # cancel: nothing written, no backup
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == original
        assert not bak.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert not app.document.dirty
        assert bak.read_text(encoding="utf-8") == original
        assert "#" not in path.read_text(encoding="utf-8").split("\n", 1)[0]
        # later saves neither ask nor touch the backup
        await pilot.press("minus", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen)
        assert not app.document.dirty
    assert bak.read_text(encoding="utf-8") == original
    assert saved_toml(path)["jobs"][0]["importance"] == "low"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, bak.name])


async def test_comments_and_an_existing_backup_keep_the_old_backup(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    path.write_text("# c\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    bak = backup_path(path)
    bak.write_text("older backup", encoding="utf-8")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "ctrl+s")
        await pilot.pause()
        assert "exists already" in question(app).message
        await pilot.press("s")
        await pilot.pause()
    assert bak.read_text(encoding="utf-8") == "older backup"


# ---------------------------------------------------------------- recovery


async def test_sigterm_handler_writes_recovery_and_exits(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        app.safety.on_signal(signal.SIGTERM)
        await pilot.pause()
    assert app.return_value == 128 + signal.SIGTERM
    rescue = recovery_path(path)
    assert storage.load(rescue).canvas == app.document.canvas
    assert storage.load(rescue).canvas.jobs[0].importance == "medium"
    assert path.read_bytes() == before
    assert app.safety.exit_message() is not None
    assert str(rescue) in (app.safety.exit_message() or "")


async def test_signal_without_changes_writes_nothing(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        app.safety.on_signal(signal.SIGHUP)
        await pilot.pause()
    assert app.return_value == 128 + signal.SIGHUP
    assert not recovery_path(path).exists()
    assert app.safety.exit_message() is None


async def test_untitled_canvas_recovers_into_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "untitled.recover.toml").write_text("an earlier rescue", encoding="utf-8")
    app = open_app(None, Canvas(title="Scratch"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"a job", "enter")
        await pilot.pause()
        app.safety.on_signal(signal.SIGTERM)
        await pilot.pause()
    rescue = tmp_path / "untitled-2.recover.toml"
    assert storage.load(rescue).canvas.jobs[0].text == "a job"
    assert (tmp_path / "untitled.recover.toml").read_text(encoding="utf-8") == "an earlier rescue"


async def test_save_removes_the_recovery_file_this_session_restored(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    loaded = storage.load(path)
    rescue = storage.save_recovery(loaded.canvas.model_copy(update={"title": "Rescued"}), path)
    restored = storage.load(rescue).canvas
    doc = Document(restored, path, saved=loaded.canvas, loaded=loaded, recovery=rescue)
    from valuecanvas.tui.app import ValueCanvasApp

    app = ValueCanvasApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        assert app.document.dirty
        assert "Rescued" in titlebar(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not rescue.exists()
    assert saved_toml(path)["title"] == "Rescued"


async def test_quit_without_saving_removes_the_restored_recovery(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    loaded = storage.load(path)
    rescue = storage.save_recovery(loaded.canvas.model_copy(update={"title": "Rescued"}), path)
    doc = Document(
        storage.load(rescue).canvas, path, saved=loaded.canvas, loaded=loaded, recovery=rescue
    )
    from valuecanvas.tui.app import ValueCanvasApp

    app = ValueCanvasApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
    assert not rescue.exists()
    assert path.read_bytes() == before


async def test_a_kept_recovery_file_is_left_alone(tmp_path: Path) -> None:
    """A recovery the user chose to keep is not this session's: saves leave it."""
    path = copy_sample(tmp_path)
    rescue = recovery_path(path)
    rescue.write_text("kept", encoding="utf-8")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "ctrl+s")
        await pilot.pause()
        await pilot.press("minus", "ctrl+q", "d")
        await pilot.pause()
    assert rescue.read_text(encoding="utf-8") == "kept"


# ---------------------------------------------------------------- a real process


def _drain(fd: int, seconds: float) -> bytes:
    return read_until(fd, b"\x00never\x00", seconds)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_real_process_under_a_pty_rescues_an_edit_on_signal(tmp_path: Path, signum: int) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    proc, master = spawn_in_pty(path, env={"COLUMNS": "100", "LINES": "30"}, cwd=tmp_path)
    try:
        screen = read_until(master, b"Weekly car wash", 20)
        assert b"Weekly car wash" in screen, screen[-500:]
        assert (tmp_path / (path.name + ".lock")).exists()
        _drain(master, 0.5)
        os.write(master, b"1")
        _drain(master, 0.3)
        os.write(master, b"-")  # jobs[0] importance high -> medium
        _drain(master, 0.5)
        proc.send_signal(signum)
        deadline = time.monotonic() + 15
        while proc.poll() is None and time.monotonic() < deadline:
            _drain(master, 0.2)
        assert proc.returncode == 128 + signum
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    rescue = recovery_path(path)
    assert storage.load(rescue).canvas.jobs[0].importance == "medium"
    assert path.read_bytes() == before
    assert not (tmp_path / (path.name + ".lock")).exists()  # the lock went with it


async def test_a_lock_taken_over_meanwhile_is_never_overwritten_silently(tmp_path: Path) -> None:
    from valuecanvas.storage.lock import acquire, lock_path

    path = copy_sample(tmp_path)
    lock = acquire(path)
    original = path.read_bytes()
    app = open_app(path)
    app.lock = lock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "minus")
        # Someone else takes the lock over (as `valuecanvas` does after asking them).
        holder = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; from valuecanvas.storage.lock import take_over;"
                "take_over(Path(sys.argv[1]))",
                str(path),
            ],
            check=True,
        )
        assert holder.returncode == 0 and lock_path(path).exists()
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceScreen)
        assert "no longer yours" in str(app.screen.message)
        await pilot.press("escape")
        assert path.read_bytes() == original
        await pilot.press("ctrl+s", "o")
        await pilot.pause()
    assert saved_toml(path)["jobs"][0]["importance"] == "medium"
    lock.release()  # not ours any more: the other holder's lock stays
    assert lock_path(path).exists()
