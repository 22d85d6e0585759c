"""The edit lock between two real processes: live, stale after a crash, takeover, release."""

from __future__ import annotations

import getpass
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from process_helpers import Holder
from valuecanvas.errors import CanvasError
from valuecanvas.storage.files import write_atomic
from valuecanvas.storage.lock import (
    FileLock,
    LockedError,
    LockInfo,
    StaleLockError,
    acquire,
    lock_path,
    needs_confirmation,
    read_lock,
    take_over,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def canvas(tmp_path: Path) -> Path:
    path = tmp_path / "canvas.toml"
    path.write_text('title = "shared"\n')
    return path


@pytest.fixture
def holder(canvas: Path) -> Iterator[Holder]:
    h = Holder(canvas)
    try:
        yield h
    finally:
        h.close()


def _other_holder_json(**changes: object) -> str:
    record: dict[str, object] = {
        "user": "alice",
        "host": "host1.example",
        "pid": 123,
        "since": "2024-05-01T10:00:00+02:00",
        "token": "feed",
    }
    record.update(changes)
    return json.dumps(record)


def test_lock_path_is_a_sidecar(canvas: Path) -> None:
    assert lock_path(canvas) == canvas.with_name("canvas.toml.lock")


def test_lock_path_of_a_symlink_is_beside_the_target(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = real / "canvas.toml"
    target.write_text("")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert lock_path(link) == real / "canvas.toml.lock"
    with acquire(target), pytest.raises(LockedError):
        acquire(link)


def test_second_process_is_refused_while_the_first_holds_it(canvas: Path, holder: Holder) -> None:
    with pytest.raises(LockedError) as info:
        acquire(canvas)
    err = info.value
    assert not isinstance(err, StaleLockError)
    assert err.holder.pid == holder.proc.pid
    assert err.holder.host == socket.gethostname()
    assert err.holder.user == getpass.getuser()
    message = str(err)
    assert message.startswith(f"canvas.toml is being edited by {getpass.getuser()} on ")
    assert f"(pid {holder.proc.pid})" in message
    assert socket.gethostname() in message
    assert f"since {err.holder.since}" in message
    assert read_lock(canvas) == err.holder


def test_lock_is_free_after_the_holder_releases(canvas: Path, holder: Holder) -> None:
    holder.release()
    assert not lock_path(canvas).exists()
    with acquire(canvas) as lock:
        assert lock.still_ours()


def test_killed_holder_leaves_a_stale_lock_that_can_be_taken_over(
    canvas: Path, holder: Holder
) -> None:
    dead_pid = holder.proc.pid
    holder.kill()
    assert lock_path(canvas).exists()  # SIGKILL: no chance to clean up

    with pytest.raises(StaleLockError) as info:
        acquire(canvas)
    err = info.value
    assert isinstance(err, LockedError)  # callers catching LockedError still see it
    assert err.holder.pid == dead_pid
    assert "no longer running" in str(err)
    assert "take over" in str(err)

    lock = take_over(canvas)
    assert lock.still_ours()
    current = read_lock(canvas)
    assert current is not None
    assert current.pid == os.getpid()
    with pytest.raises(LockedError):  # now we are the live holder
        acquire(canvas)
    lock.release()
    assert not lock_path(canvas).exists()
    assert sorted(p.name for p in canvas.parent.iterdir()) == ["canvas.toml"]


def test_release_removes_only_our_own_lock(canvas: Path) -> None:
    lock = acquire(canvas)
    # someone took it over (e.g. after deciding our session was dead)
    theirs = take_over(canvas)
    assert not lock.still_ours()
    lock.release()
    assert lock_path(canvas).exists()
    assert read_lock(canvas) == theirs.info
    theirs.release()
    assert not lock_path(canvas).exists()


def test_release_leaves_a_foreign_lock_file(canvas: Path) -> None:
    lock = acquire(canvas)
    lock_path(canvas).write_text(_other_holder_json())
    lock.release()
    assert lock_path(canvas).read_text() == _other_holder_json()


def test_release_is_idempotent_and_a_context_manager(canvas: Path) -> None:
    with acquire(canvas) as lock:
        assert isinstance(lock, FileLock)
        assert lock_path(canvas).exists()
    assert not lock_path(canvas).exists()
    lock.release()
    lock.release()
    assert not lock.still_ours()
    again = acquire(canvas)  # and a new lock is possible
    assert not lock.still_ours()  # the old handle does not claim the new lock
    lock.release()
    assert lock_path(canvas).exists()
    again.release()


def test_saving_the_canvas_keeps_the_lock(canvas: Path) -> None:
    with acquire(canvas) as lock:
        write_atomic(canvas, b'title = "saved"\n')
        assert lock.still_ours()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe",
        b"[1, 2]",
        _other_holder_json(pid="123").encode(),
        _other_holder_json(pid=0).encode(),
        _other_holder_json(user=None).encode(),
    ],
)
def test_corrupt_lock_file_is_stale(canvas: Path, content: bytes) -> None:
    lock_path(canvas).write_bytes(content)
    assert read_lock(canvas) is None
    with pytest.raises(StaleLockError) as info:
        acquire(canvas)
    assert "empty or corrupt" in str(info.value)
    assert info.value.holder.user == "unknown"
    lock = take_over(canvas)
    assert lock.still_ours()
    lock.release()


def test_lock_on_another_host_is_treated_as_live(canvas: Path) -> None:
    lock_path(canvas).write_text(_other_holder_json())
    with pytest.raises(LockedError) as info:
        acquire(canvas)
    err = info.value
    assert not isinstance(err, StaleLockError)
    assert err.holder == LockInfo(
        "alice", "host1.example", 123, "2024-05-01T10:00:00+02:00", "feed"
    )
    assert str(err).startswith(
        "canvas.toml is being edited by alice on host1.example (pid 123)"
        " since 2024-05-01T10:00:00+02:00"
    )
    assert "take over" in str(err)
    with take_over(canvas) as lock:  # allowed when the user says so
        assert lock.still_ours()


def test_dead_pid_on_this_host_is_stale(canvas: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(done.stdout)
    lock_path(canvas).write_text(_other_holder_json(host=socket.gethostname(), pid=dead))
    with pytest.raises(StaleLockError) as info:
        acquire(canvas)
    assert info.value.holder.pid == dead


def test_live_pid_of_another_process_on_this_host_is_live(canvas: Path) -> None:
    # taken after pid 1 started (a lock older than its pid's process is stale: issue 11)
    since = datetime.now().astimezone().isoformat(timespec="seconds")
    lock_path(canvas).write_text(_other_holder_json(host=socket.gethostname(), pid=1, since=since))
    with pytest.raises(LockedError) as info:
        acquire(canvas)
    assert not isinstance(info.value, StaleLockError)


def test_a_same_host_lock_whose_pid_is_now_another_process_is_stale(canvas: Path) -> None:
    lock_path(canvas).write_text(_other_holder_json(host=socket.gethostname(), pid=1))
    with pytest.raises(StaleLockError, match="pid 1 is another process now") as info:
        acquire(canvas)
    assert needs_confirmation(info.value.holder)


def test_read_lock_without_a_lock(canvas: Path) -> None:
    assert read_lock(canvas) is None


def test_lock_file_is_json_readable_by_others(canvas: Path) -> None:
    old = os.umask(0o077)
    try:
        lock = acquire(canvas)
    finally:
        os.umask(old)
    try:
        raw = json.loads(lock_path(canvas).read_text())
        assert raw["pid"] == os.getpid()
        assert raw["host"] == socket.gethostname()
        assert lock_path(canvas).stat().st_mode & 0o044 == 0o044
    finally:
        lock.release()


def test_no_lock_possible_is_a_canvas_error(tmp_path: Path) -> None:
    canvas = tmp_path / "missing-folder" / "canvas.toml"
    with pytest.raises(CanvasError) as info:
        acquire(canvas)
    assert "lock file" in str(info.value)


@pytest.mark.skipif(IS_ROOT, reason="root can write in a read-only folder")
def test_read_only_folder_suggests_read_only(tmp_path: Path) -> None:
    d = tmp_path / "ro"
    d.mkdir()
    canvas = d / "canvas.toml"
    canvas.write_text("")
    d.chmod(0o555)
    try:
        with pytest.raises(CanvasError) as info:
            acquire(canvas)
        assert "read-only" in str(info.value)
    finally:
        d.chmod(0o755)
