"""Issue 11, points 4 and 7: the save is one linear flow that asks each question once and
always ends; "save as" has a key (`S`) and a palette entry; a rescue in a folder that
cannot be written goes to a writable place it names, and the exit code is 128 + N."""

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
from valuecanvas.storage.lock import acquire, lock_path, read_lock
from valuecanvas.tui.dialogs import ChoiceScreen, PromptScreen

SIZE = (80, 24)


def _take_over_elsewhere(path: Path) -> None:
    """Another process takes the lock over, as `valuecanvas` does after asking its user."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from valuecanvas.storage.lock import take_over;"
            "take_over(Path(sys.argv[1]))",
            str(path),
        ],
        check=True,
    )


def _change_on_disk(path: Path) -> None:
    text = path.read_text(encoding="utf-8").replace('title = "', 'title = "Changed: ', 1)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))


async def _answer(pilot: object, app: object, title: str, key: str) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ChoiceScreen), screen
    assert screen.question_title == title
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_lock_taken_over_and_changed_on_disk_overwrite_completes(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    lock = acquire(path)
    app = open_app(path)
    app.lock = lock
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        _take_over_elsewhere(path)
        _change_on_disk(path)  # whoever takes a lock over usually saves
        await pilot.press("ctrl+s")
        await _answer(pilot, app, "Lock taken over", "o")
        await _answer(pilot, app, "Changed on disk", "o")  # asked once, then it ends
        assert not isinstance(app.screen, ChoiceScreen)
        assert not app.document.dirty
    data = saved_toml(path)
    assert data["jobs"][0]["importance"] == "medium" and not data["title"].startswith("Changed")
    lock.release()


async def test_lock_lost_and_comments_overwrite_completes(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    path.write_text("# notes\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    lock = acquire(path)
    app = open_app(path)
    app.lock = lock
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        _take_over_elsewhere(path)
        await pilot.press("ctrl+s")
        await _answer(pilot, app, "Lock taken over", "o")
        await _answer(pilot, app, "Comments will be dropped", "s")
        assert not isinstance(app.screen, ChoiceScreen)
        assert not app.document.dirty
    assert saved_toml(path)["jobs"][0]["importance"] == "medium"
    lock.release()


async def test_save_as_key_writes_a_new_file_and_edits_it_from_then_on(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    copy = tmp_path / "copy.toml"
    app = open_app(path)
    app.lock = acquire(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus", "S")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*str(copy), "enter")
        await pilot.pause()
        assert app.document.path == copy and not app.document.dirty
        assert read_lock(copy) is not None and read_lock(copy).pid == os.getpid()  # type: ignore[union-attr]
        assert not lock_path(path).exists()  # the old file's lock went
    assert path.read_bytes() == before
    assert saved_toml(copy)["jobs"][0]["importance"] == "medium"
    app.lock.release()  # type: ignore[union-attr]


async def test_save_as_is_in_the_palette(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Save as", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, PromptScreen)
        assert "Save as" in app.screen.prompt_title  # type: ignore[attr-defined]


def _make_unwritable(folder: Path) -> bool:
    if os.geteuid() == 0:  # root writes through permissions; an immutable folder it cannot
        return subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    folder.chmod(0o555)
    return True


def _make_writable(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    else:
        folder.chmod(0o755)


def test_sigterm_in_a_read_only_folder_rescues_to_a_named_writable_place(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = copy_sample(folder)
    state = tmp_path / "state"
    proc, master = spawn_in_pty(path, env={"XDG_STATE_HOME": str(state)})
    locked = False
    try:
        assert b" help" in read_until(master, b" help", 30)  # the footer: the app is up
        os.write(master, b"1")
        time.sleep(0.5)
        os.write(master, b"-")
        # The detail row shows the lowered level (the level marks share the unsaved
        # mark's character, so that one cannot tell the edit arrived).
        seen = read_until(master, b"medium", 30)
        assert b"medium" in seen, "the edit did not arrive"
        locked = _make_unwritable(folder)
        if not locked:
            pytest.skip("cannot make a folder unwritable here")
        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            seen += read_until(master, b"\x00", 0.2)
        seen += read_until(master, b"\x00", 2)  # what it printed last, up to the pty's end
        assert proc.returncode == 128 + signal.SIGTERM, seen.decode("utf-8", "replace")[-800:]
    finally:
        if locked:
            _make_writable(folder)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    rescue = state / "valuecanvas" / f"{path.name}.recover.toml"
    assert storage.load(rescue).canvas.jobs[0].importance == "medium"
    text = seen.decode("utf-8", "replace")
    assert str(rescue) in text.replace("\r\n", "").replace("\n", "")


async def test_the_lock_taken_over_dialog_shows_the_holder_escaped(tmp_path: Path) -> None:
    import json

    path = copy_sample(tmp_path)
    lock = acquire(path)
    app = open_app(path)
    app.lock = lock
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "minus")
        lock_path(path).write_text(
            json.dumps(
                {
                    "user": "alice\x1b]2;LOCKPWN\x07",
                    "host": "h\u202eost",
                    "pid": 4242,
                    "since": "now",
                    "token": "theirs",
                }
            ),
            encoding="utf-8",
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChoiceScreen) and screen.question_title == "Lock taken over"
        message = str(screen.message)
        assert "alice\\x1b]2;LOCKPWN\\x07" in message and "h\\u202eost" in message
        assert not any(c in message for c in "\x1b\x07\u202e")
        await pilot.press("escape")
    lock.release()
