"""`valuecanvas FILE` before the TUI starts: the lock, --read-only, the recovery offer,
and bad files that exit 1 with a message, without a TUI and without writing anything."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from process_helpers import Holder, read_until, spawn_in_pty
from tui_helpers import copy_sample
from valuecanvas import cli, storage
from valuecanvas.document import Document
from valuecanvas.storage.files import recovery_path
from valuecanvas.storage.lock import lock_path, read_lock


@pytest.fixture
def holder(tmp_path: Path) -> Any:
    made: list[Holder] = []

    def make(path: Path) -> Holder:
        made.append(Holder(path))
        return made[-1]

    yield make
    for h in made:
        h.close()


@dataclass
class Opened:
    """What `run` (the TUI) was given, and whether the lock was ours meanwhile."""

    document: Document | None = None
    read_only: bool | None = None
    locked_by_us: bool = False
    calls: int = 0


@dataclass
class Run:
    code: int
    out: str
    err: str
    tui: Opened = field(default_factory=Opened)


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def open_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run `valuecanvas ARGS` in-process with a fake TUI; `answers` are typed at prompts
    (None: stdin is not a terminal)."""
    import valuecanvas.tui.app as tui_app

    def run(*args: str | Path, answers: str | None = "", raise_in_tui: bool = False) -> Run:
        opened = Opened()

        def fake_run(
            document: Document, *, lang: str = "en", read_only: bool = False, lock: object = None
        ) -> int:
            opened.document, opened.read_only = document, read_only
            # The TUI gets the lock it must check before each save, exactly when editing.
            assert (lock is not None) == (not read_only and document.path is not None)
            opened.calls += 1
            if document.path is not None:
                info = read_lock(document.path)
                opened.locked_by_us = info is not None and info.pid == os.getpid()
            if raise_in_tui:
                raise KeyboardInterrupt
            return 0

        monkeypatch.setattr(tui_app, "run", fake_run)
        tty = answers is not None
        monkeypatch.setattr(sys, "stdin", FakeTty(answers) if tty else io.StringIO(""))
        capsys.readouterr()
        monkeypatch.setattr(sys.stdout, "isatty", lambda: tty, raising=False)
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return Run(code, out, err, opened)

    return run


# ---------------------------------------------------------------- the lock


def test_open_takes_the_lock_and_releases_it(tmp_path: Path, open_cli: Any) -> None:
    path = copy_sample(tmp_path)
    run = open_cli(path)
    assert run.code == 0
    assert run.tui.read_only is False
    assert run.tui.locked_by_us
    assert not lock_path(path).exists()


def test_lock_released_even_when_the_tui_fails(tmp_path: Path, open_cli: Any) -> None:
    path = copy_sample(tmp_path)
    run = open_cli(path, raise_in_tui=True)
    assert run.code == 130
    assert not lock_path(path).exists()


def test_new_file_is_locked_too(tmp_path: Path, open_cli: Any) -> None:
    path = tmp_path / "fresh.toml"
    run = open_cli(path)
    assert run.code == 0 and run.tui.locked_by_us
    assert not path.exists() and not lock_path(path).exists()


def test_live_lock_without_a_terminal_says_who_and_exits_1(
    tmp_path: Path, open_cli: Any, holder: Any
) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    other = holder(path)
    run = open_cli(path, answers=None)
    assert run.code == 1
    assert run.tui.calls == 0
    assert f"pid {other.pid}" in run.err
    assert socket.gethostname() in run.err
    assert "since " in run.err
    assert "not opened (no terminal to ask on)" in run.err
    assert f"valuecanvas --read-only {path}" in run.err
    assert path.read_bytes() == before
    assert read_lock(path) is not None and read_lock(path).pid == other.pid  # type: ignore[union-attr]


def test_live_lock_r_opens_read_only(tmp_path: Path, open_cli: Any, holder: Any) -> None:
    path = copy_sample(tmp_path)
    other = holder(path)
    run = open_cli(path, answers="r\n")
    assert "open read-only? [r]ead-only / [q]uit" in run.out
    assert "is being edited by" in run.err and f"pid {other.pid}" in run.err
    assert run.code == 0
    assert run.tui.read_only is True
    assert read_lock(path).pid == other.pid  # type: ignore[union-attr]


@pytest.mark.parametrize("answers", ["q\n", "", "x\nq\n"])
def test_live_lock_q_or_end_of_input_quits(
    tmp_path: Path, open_cli: Any, holder: Any, answers: str
) -> None:
    path = copy_sample(tmp_path)
    other = holder(path)
    run = open_cli(path, answers=answers)
    assert run.code == 1
    assert run.tui.calls == 0
    assert f"{path}: not opened" in run.err
    assert read_lock(path).pid == other.pid  # type: ignore[union-attr]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _stale_lock(path: Path) -> None:
    import json

    lock_path(path).write_text(
        json.dumps(
            {
                "user": "bob",
                "host": socket.gethostname(),
                "pid": _dead_pid(),
                "since": "2024-05-01T10:00:00+02:00",
                "token": "x",
            }
        )
    )


def test_stale_lock_t_takes_over(tmp_path: Path, open_cli: Any) -> None:
    path = copy_sample(tmp_path)
    _stale_lock(path)
    run = open_cli(path, answers="t\n")
    assert "[t]ake over / [r]ead-only / [q]uit?" in run.out
    assert "stale lock" in run.err and "bob" in run.err and "no longer running" in run.err
    assert run.code == 0
    assert run.tui.read_only is False and run.tui.locked_by_us
    assert not lock_path(path).exists()


def test_stale_lock_r_and_q(tmp_path: Path, open_cli: Any) -> None:
    path = copy_sample(tmp_path)
    _stale_lock(path)
    run = open_cli(path, answers="r\n")
    assert run.code == 0 and run.tui.read_only is True
    run = open_cli(path, answers="q\n")
    assert run.code == 1 and run.tui.calls == 0
    assert "bob" in lock_path(path).read_text()  # left as it was


def test_read_only_flag_takes_no_lock(tmp_path: Path, open_cli: Any, holder: Any) -> None:
    path = copy_sample(tmp_path)
    other = holder(path)
    run = open_cli("--read-only", path, answers="")
    assert run.code == 0
    assert run.tui.read_only is True
    assert run.out == "" and run.err == ""  # no question: read-only needs no lock
    assert read_lock(path).pid == other.pid  # type: ignore[union-attr]


def test_no_terminal_at_all_is_exit_2_and_releases_the_lock(tmp_path: Path, open_cli: Any) -> None:
    path = copy_sample(tmp_path)
    run = open_cli(path, answers=None)
    assert run.code == 2
    assert "needs a terminal" in run.err
    assert not lock_path(path).exists()


def test_real_second_process_is_asked_on_its_terminal(tmp_path: Path, holder: Any) -> None:
    """`python -m valuecanvas FILE` under a pty while another process edits FILE."""
    path = copy_sample(tmp_path)
    other = holder(path)
    for answer, code in ((b"q\r", 1), (b"r\r", 0)):
        proc, master = spawn_in_pty(path)
        try:
            seen = read_until(master, b"[q]uit", 20)
            assert b"open read-only? [r]ead-only / [q]uit" in seen, seen
            assert f"pid {other.pid}".encode() in seen
            os.write(master, answer)
            if answer.startswith(b"r"):
                seen = read_until(master, b"READ-ONLY", 20)
                assert b"READ-ONLY" in seen
                os.write(master, b"\x11")  # ctrl+q
            deadline = time.monotonic() + 15
            while proc.poll() is None and time.monotonic() < deadline:
                read_until(master, b"\x00", 0.2)
            assert proc.returncode == code
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.close(master)
    assert read_lock(path).pid == other.pid  # type: ignore[union-attr]


# ---------------------------------------------------------------- recovery offer


def _with_recovery(tmp_path: Path) -> tuple[Path, Path, bytes]:
    path = copy_sample(tmp_path)
    canvas = storage.load(path).canvas
    rescue = storage.save_recovery(canvas.model_copy(update={"title": "Rescued work"}), path)
    assert rescue == recovery_path(path)
    return path, rescue, path.read_bytes()


def test_recovery_r_restores_as_a_dirty_document(tmp_path: Path, open_cli: Any) -> None:
    path, rescue, before = _with_recovery(tmp_path)
    run = open_cli(path, answers="r\n")
    assert run.code == 0
    assert (
        f"{rescue.name} from " in run.out
        and "has unsaved changes: [r]estore / [d]iscard it / [k]eep it and open the file" in run.out
    )
    doc = run.tui.document
    assert doc is not None
    assert doc.canvas.title == "Rescued work"
    assert doc.path == path and doc.dirty and doc.recovery == rescue
    assert doc.fingerprint is not None  # saving checks the original on disk
    assert path.read_bytes() == before
    assert rescue.exists()  # removed only by a save or a quit without saving


def test_recovery_d_discards_it(tmp_path: Path, open_cli: Any) -> None:
    path, rescue, _ = _with_recovery(tmp_path)
    run = open_cli(path, answers="d\n")
    assert run.code == 0
    assert not rescue.exists()
    assert run.tui.document is not None and not run.tui.document.dirty


@pytest.mark.parametrize("answers", ["k\n", ""])
def test_recovery_k_or_no_answer_keeps_it(tmp_path: Path, open_cli: Any, answers: str) -> None:
    path, rescue, _ = _with_recovery(tmp_path)
    run = open_cli(path, answers=answers)
    assert run.code == 0
    assert rescue.exists()
    assert run.tui.document is not None and run.tui.document.recovery is None
    assert not run.tui.document.dirty


def test_broken_recovery_file_is_kept_and_the_file_opens(tmp_path: Path, open_cli: Any) -> None:
    path = copy_sample(tmp_path)
    rescue = recovery_path(path)
    rescue.write_text("title = [", encoding="utf-8")
    run = open_cli(path, answers="r\n")
    assert run.code == 0
    assert "cannot be restored; it is kept" in run.err
    assert rescue.read_text(encoding="utf-8") == "title = ["
    assert run.tui.document is not None and not run.tui.document.dirty


def test_read_only_mentions_the_recovery_without_asking(tmp_path: Path, open_cli: Any) -> None:
    path, rescue, _ = _with_recovery(tmp_path)
    run = open_cli("--read-only", path, answers="")
    assert run.code == 0 and run.tui.read_only
    assert "open" in run.out and "for editing to restore them" in run.out
    assert rescue.exists()


def test_recovery_offer_for_a_file_that_is_gone(tmp_path: Path, open_cli: Any) -> None:
    path, _rescue, _ = _with_recovery(tmp_path)
    path.unlink()
    run = open_cli(path, answers="r\n")
    doc = run.tui.document
    assert run.code == 0 and doc is not None
    assert doc.canvas.title == "Rescued work" and doc.saved is None and doc.dirty


# ---------------------------------------------------------------- bad files


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    sample = copy_sample(tmp_path, "car-wash.toml").read_text(encoding="utf-8")
    files: dict[str, bytes | None] = {
        "empty": b"",
        "invalid-utf8": b'title = "caf\xe9"\n',
        "syntax": b'title = "unclosed\n',
        "wrong-type": b"title = 3\n",
        "huge": b'title = "T"\n' + b"#" * (5 * 1024 * 1024 + 1),
        "deep": b"a = " + b"[" * 100_000,
        "duplicate-id": (sample.replace('id = "j2"', 'id = "j1"', 1).encode("utf-8")),
        "dangling-link": sample.replace('id = "p1"', 'id = "p77"', 1).encode("utf-8"),
        "control-chars": b'title = "bad \\u001b[31m red"\n',
        "nul-bytes": b'title = "T"\x00\n',
    }
    out: dict[str, Path] = {}
    for name, data in files.items():
        p = tmp_path / f"{name}.toml"
        assert data is not None
        p.write_bytes(data)
        out[name] = p
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    out["directory"] = folder
    return out


BAD = [
    "empty",
    "invalid-utf8",
    "syntax",
    "wrong-type",
    "huge",
    "deep",
    "duplicate-id",
    "dangling-link",
    "control-chars",
    "nul-bytes",
    "directory",
]


@pytest.mark.parametrize("kind", BAD)
def test_bad_file_exits_1_without_tui_and_untouched(
    tmp_path: Path, open_cli: Any, run_cli: Any, kind: str
) -> None:
    path = _bad_files(tmp_path)[kind]
    before = sorted(os.listdir(tmp_path))
    data = path.read_bytes() if path.is_file() else None
    run = open_cli(path, answers="")
    assert run.code == 1, (kind, run.err)
    assert run.tui.calls == 0
    assert str(path) in run.err
    assert "not opened" in run.err or "folder" in run.err
    assert "\x1b" not in run.err  # control characters from the file are never echoed raw
    assert len(run.err) < 5000
    assert sorted(os.listdir(tmp_path)) == before  # no lock, no backup, nothing written
    if data is not None:
        assert path.read_bytes() == data
    check = run_cli("check", path)
    assert check.code == 1 and str(path) in check.err


def test_unreadable_file_simulated_as_root(
    tmp_path: Path, open_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_sample(tmp_path)
    import valuecanvas.storage.files as files

    real_open = os.open

    def no_permission(p: Any, flags: int, *a: Any, **k: Any) -> int:
        if os.fspath(p) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(p))
        return real_open(p, flags, *a, **k)

    monkeypatch.setattr(files.os, "open", no_permission)
    run = open_cli(path, answers="")
    assert run.code == 1 and run.tui.calls == 0
    assert "permission denied" in run.err and "read access" in run.err
    assert not lock_path(path).exists()


def test_missing_folder_exits_1(tmp_path: Path, open_cli: Any) -> None:
    run = open_cli(tmp_path / "nope" / "c.toml", answers="")
    assert run.code == 1 and run.tui.calls == 0
    assert "does not exist" in run.err


def test_real_process_with_a_bad_file_prints_and_exits_1(tmp_path: Path) -> None:
    """`valuecanvas FILE` on a broken file, even on a terminal, never starts the TUI."""
    path = tmp_path / "broken.toml"
    path.write_bytes(b'title = "x"\njobs = 3\n')
    proc, master = spawn_in_pty(path, new_session=False)
    try:
        seen = read_until(master, b"try again", 20)
        assert proc.wait(timeout=20) == 1
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        os.close(master)
    assert b"not opened" in seen and b"Traceback" not in seen
    assert b"\x1b[?1049h" not in seen  # the TUI's alternate screen never appeared
    assert path.read_bytes() == b'title = "x"\njobs = 3\n'
