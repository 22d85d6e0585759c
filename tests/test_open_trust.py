"""Issue 11 on the open path: every rescue file offered (newest first), take-over of a
lock from another host or a reused pid after a confirmation naming the holder, lock
fields shown escaped, a signal during a start-up question releases the lock, and the
TUI's return code (a crash is not exit 0)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

from process_helpers import read_until, spawn_in_pty
from test_cli_open import _with_recovery, open_cli  # noqa: F401  (a fixture)
from tui_helpers import copy_sample
from valuecanvas import storage
from valuecanvas.storage.lock import lock_path, read_lock


def _lock_of(path: Path, **changes: object) -> None:
    record: dict[str, object] = {
        "user": "bob",
        "host": "far.example",
        "pid": 4242,
        "since": "2024-05-01T10:00:00+02:00",
        "token": "x",
    }
    record.update(changes)
    lock_path(path).write_text(json.dumps(record), encoding="utf-8")


def test_every_rescue_file_is_offered_newest_first(tmp_path: Path, open_cli: Any) -> None:  # noqa: F811
    path, first, _ = _with_recovery(tmp_path)
    canvas = storage.load(path).canvas
    second = storage.save_recovery(canvas.model_copy(update={"title": "Second rescue"}), path)
    assert second.name == f"{path.name}.recover-2.toml"
    os.utime(first, (time.time() - 60, time.time() - 60))
    run = open_cli(path, answers="k\nr\n")
    assert run.out.index(second.name) < run.out.index(first.name)
    assert "(1 of 2, newest first)" in run.out and "(2 of 2, newest first)" in run.out
    doc = run.tui.document
    assert doc is not None and doc.canvas.title == "Rescued work" and doc.recovery == first
    assert second.exists()  # kept: offered again next time


def test_a_lock_from_another_host_is_taken_over_after_a_yes_naming_the_holder(
    tmp_path: Path,
    open_cli: Any,  # noqa: F811
) -> None:
    path = copy_sample(tmp_path)
    _lock_of(path)
    no = open_cli(path, answers="t\nn\n")
    assert no.code == 1 and no.tui.calls == 0
    assert "Is bob on far.example (pid 4242)" in no.out and "really no longer editing" in no.out
    assert read_lock(path).user == "bob"  # type: ignore[union-attr]
    yes = open_cli(path, answers="t\ny\n")
    assert yes.code == 0 and yes.tui.locked_by_us and yes.tui.read_only is False


def test_a_reused_pid_on_this_host_may_be_taken_over(tmp_path: Path, open_cli: Any) -> None:  # noqa: F811
    path = copy_sample(tmp_path)
    _lock_of(path, host=socket.gethostname(), pid=1)  # pid 1 started after 2024
    run = open_cli(path, answers="t\ny\n")
    assert "pid 1 is another process now" in run.err
    assert run.code == 0 and run.tui.locked_by_us


def test_lock_fields_are_escaped_on_open(tmp_path: Path, open_cli: Any) -> None:  # noqa: F811
    path = copy_sample(tmp_path)
    _lock_of(path, user="alice\x1b]2;LOCKPWN\x07", host="h\u202eost")
    run = open_cli(path, answers="t\nn\n")
    both = run.out + run.err
    assert "\x1b" not in both and "\x07" not in both and "\u202e" not in both
    assert "alice\\x1b]2;LOCKPWN\\x07" in both and "h\\u202eost" in both


def test_sighup_while_a_startup_question_waits_releases_the_lock(tmp_path: Path) -> None:
    """A real process under a pty: the restore question waits, the terminal hangs up."""
    path, _, _ = _with_recovery(tmp_path)
    proc, master = spawn_in_pty(path)
    try:
        seen = read_until(master, b"[k]eep it", 20)
        assert b"[k]eep it" in seen, seen
        assert read_lock(path) is not None and read_lock(path).pid == proc.pid  # type: ignore[union-attr]
        proc.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 40  # generous: CI machines are busy
        while proc.poll() is None and time.monotonic() < deadline:
            seen += read_until(master, b"\x00", 0.2)  # keep the terminal drained meanwhile
        assert proc.poll() == 128 + signal.SIGHUP, seen[-600:]
        assert not lock_path(path).exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)


def test_a_crash_in_the_tui_is_not_exit_0(tmp_path: Path) -> None:
    """`tui.app.run` returns the app's return code: an exception in the app gives 1."""
    from valuecanvas.document import Document
    from valuecanvas.model import Canvas
    from valuecanvas.tui import app as tui_app

    class Crashing(tui_app.ValueCanvasApp):
        def on_mount(self) -> None:
            raise RuntimeError("a bug")

    original = tui_app.ValueCanvasApp
    tui_app.ValueCanvasApp = Crashing  # type: ignore[misc]
    try:
        code = tui_app.run(Document(Canvas(title="T"), tmp_path / "c.toml", saved=None))
    finally:
        tui_app.ValueCanvasApp = original  # type: ignore[misc]
    assert code == 1


def test_the_readme_ignore_list_hides_every_sidecar_from_git(tmp_path: Path) -> None:
    """Real git with the README's patterns: only the canvas itself is left to commit."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("ignore the sidecars:")
    listed = readme[start : readme.index("\n-", start)]
    patterns = re.findall(r"`([^`]+)`", listed)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("\n".join([*patterns, ".gitignore"]) + "\n")
    canvas = tmp_path / "c.toml"
    canvas.write_text('title = "T"\n')
    for name in (
        "c.toml.lock",
        "c.toml.recover.toml",
        "c.toml.recover-2.toml",
        "c.toml.bak",
        ".c.toml.k2j4x9.tmp",  # an interrupted save (storage.files.write_atomic)
        ".c.toml.lock.a8b7c6.tmp",  # an interrupted take-over (storage.lock.take_over)
    ):
        (tmp_path / name).write_text("x")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status.split() == ["??", "c.toml"]


def test_a_hostile_file_name_never_reaches_the_terminal_raw(tmp_path: Path) -> None:
    """A real TUI under a pty on `x\\e]2;PWNED\\e\\\\\\a\\r.toml`: no title change, no crash."""
    path = tmp_path / "x\x1b]2;PWNED\x1b\\\x07\r.toml"
    path.write_text('title = "T"\n', encoding="utf-8")
    proc, master = spawn_in_pty(path)
    try:
        seen = read_until(master, b"PWNED", 20)
        seen += read_until(master, b"\x00", 1.0)
        assert b"x\\x1b]2;PWNED" in seen, seen[-2000:]
        assert b"]2;PWNED" not in seen.replace(b"\\x1b]2;PWNED", b"")
        own = re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", seen)  # Textual's pointer-shape OSC
        assert b"\x07" not in own
        os.write(master, b"\x11")  # ctrl+q
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
