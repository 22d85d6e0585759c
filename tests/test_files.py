"""The file layer: clear errors on read, atomic saves that keep modes and links, change checks."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from valuecanvas.errors import CanvasError
from valuecanvas.storage.files import (
    MAX_BYTES,
    Fingerprint,
    backup_path,
    changed_on_disk,
    current_umask,
    fingerprint,
    read_bytes,
    read_with_fingerprint,
    recovery_path,
    write_atomic,
    write_backup_once,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _only_line(err: CanvasError, path: Path) -> str:
    """The single error line, checked to name the file."""
    lines = err.lines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: ")
    assert err.source == str(path)
    return lines[0]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- read_bytes -------------------------------------------------------------


def test_read_bytes_returns_content(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b'title = "x"\n')
    assert read_bytes(f) == b'title = "x"\n'


def test_read_missing_file(tmp_path: Path) -> None:
    f = tmp_path / "nope.toml"
    with pytest.raises(CanvasError) as info:
        read_bytes(f)
    assert "not found" in _only_line(info.value, f)


def test_read_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    f = tmp_path / "plain" / "canvas.toml"
    with pytest.raises(CanvasError) as info:
        read_bytes(f)
    assert "not found" in _only_line(info.value, f)


def test_read_directory(tmp_path: Path) -> None:
    with pytest.raises(CanvasError) as info:
        read_bytes(tmp_path)
    assert "folder" in _only_line(info.value, tmp_path)


def test_read_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(CanvasError) as info:
        read_bytes(fifo)
    assert "not a regular file" in _only_line(info.value, fifo)


@pytest.mark.skipif(IS_ROOT, reason="root can read a chmod 000 file")
def test_read_permission_denied_real(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_text("x")
    f.chmod(0)
    with pytest.raises(CanvasError) as info:
        read_bytes(f)
    assert "permission denied" in _only_line(info.value, f)


def test_read_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "canvas.toml"
    f.write_text("x")

    def deny(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(f))

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(CanvasError) as info:
        read_bytes(f)
    line = _only_line(info.value, f)
    assert "permission denied" in line
    assert "read access" in line


def test_read_other_os_error_says_what_the_os_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "canvas.toml"
    f.write_text("x")

    def broken(fd: int, n: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "read", broken)
    with pytest.raises(CanvasError) as info:
        read_bytes(f)
    assert "input/output error" in _only_line(info.value, f)


def test_read_limit_exact_is_fine_one_more_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"a" * 100)
    assert read_bytes(f, limit=100) == b"a" * 100
    f.write_bytes(b"a" * 101)
    with pytest.raises(CanvasError) as info:
        read_bytes(f, limit=100)
    line = _only_line(info.value, f)
    assert "101 bytes" in line
    assert "100-byte limit" in line


def test_read_default_limit_mentions_sizes(tmp_path: Path) -> None:
    f = tmp_path / "big.toml"
    f.write_bytes(b"#" * (MAX_BYTES + 10))
    with pytest.raises(CanvasError) as info:
        read_bytes(f)
    line = _only_line(info.value, f)
    assert f"{MAX_BYTES + 10:,} bytes" in line
    assert f"{MAX_BYTES:,}-byte limit" in line


def test_read_refuses_a_file_that_grows_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fstat says small, but more bytes arrive: the bounded read still refuses."""
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"a" * 500)
    real_fstat = os.fstat
    calls = {"n": 0}

    def small_at_first(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        calls["n"] += 1
        if calls["n"] == 1:
            fields = list(st)
            fields[stat.ST_SIZE] = 10
            return os.stat_result(fields)
        return st

    monkeypatch.setattr(os, "fstat", small_at_first)
    with pytest.raises(CanvasError) as info:
        read_bytes(f, limit=100)
    assert "100-byte limit" in _only_line(info.value, f)


def test_read_nul_in_name(tmp_path: Path) -> None:
    f = tmp_path / "bad\0name.toml"
    with pytest.raises(CanvasError) as info:
        read_bytes(f)
    assert "invalid file name" in info.value.lines()[0]


# --- write_atomic -----------------------------------------------------------


def test_write_new_file_uses_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        f = tmp_path / "new.toml"
        write_atomic(f, b"x = 1\n")
    finally:
        os.umask(old)
    assert f.read_bytes() == b"x = 1\n"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_current_umask_is_read_without_changing_it() -> None:
    old = os.umask(0o037)
    try:
        assert current_umask() == 0o037
        assert current_umask() == 0o037
    finally:
        os.umask(old)


def test_write_keeps_mode_bits(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"old")
    f.chmod(0o640)
    write_atomic(f, b"new content")
    assert f.read_bytes() == b"new content"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    f.chmod(0o600)
    write_atomic(f, b"newer")
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


def test_write_keeps_group(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"old")
    gid = os.getgroups()[-1] if os.getgroups() else os.getgid()
    try:
        os.chown(f, -1, gid)
    except PermissionError:
        pytest.skip("cannot change the group here")
    write_atomic(f, b"new")
    assert f.stat().st_gid == gid


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file another owner")
def test_write_as_root_keeps_owner_and_group(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"old")
    os.chown(f, 12345, 23456)
    write_atomic(f, b"new")
    st = f.stat()
    assert (st.st_uid, st.st_gid) == (12345, 23456)


def test_write_through_symlink(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "canvas.toml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    link2 = tmp_path / "link2.toml"
    link2.symlink_to(link)  # a chain: resolved fully

    write_atomic(link2, b"through the link")

    assert link.is_symlink()
    assert link2.is_symlink()
    assert os.readlink(link2) == str(link)
    assert target.read_bytes() == b"through the link"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []
    assert _leftovers(real_dir) == []


def test_write_through_dangling_symlink_creates_target(tmp_path: Path) -> None:
    target = tmp_path / "later.toml"
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    write_atomic(link, b"hello")
    assert link.is_symlink()
    assert target.read_bytes() == b"hello"


def test_write_returns_fingerprint_of_what_is_on_disk(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    fp = write_atomic(f, b"abc")
    assert fp == fingerprint(f)
    assert not changed_on_disk(f, fp)


def test_failed_replace_leaves_original_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"original")
    f.chmod(0o640)

    def no_space(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(CanvasError) as info:
        write_atomic(f, b"new content that must not appear")
    line = _only_line(info.value, f)
    assert "no space left on device" in line
    assert "free space and save again" in line
    assert f.read_bytes() == b"original"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["canvas.toml"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EIO, "input/output error"),
        (errno.EDQUOT, "quota"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_failed_fsync_leaves_original_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"original")

    def fail(fd: int) -> None:
        raise (PermissionError if code == errno.EACCES else OSError)(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(CanvasError) as info:
        write_atomic(f, b"new")
    assert words in _only_line(info.value, f)
    assert f.read_bytes() == b"original"
    assert _leftovers(tmp_path) == []


def test_interrupt_during_write_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"original")

    def interrupted(fd: int, data: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(f, b"new")
    assert f.read_bytes() == b"original"
    assert _leftovers(tmp_path) == []


def test_temp_file_is_recognisable_and_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_mkstemp = tempfile.mkstemp

    def spy(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]
        seen.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    f = tmp_path / "canvas.toml"
    write_atomic(f, b"x")
    (name,) = seen
    assert Path(name).parent == tmp_path
    assert Path(name).name.startswith(".canvas.toml.")
    assert name.endswith(".tmp")


def test_write_into_missing_folder(tmp_path: Path) -> None:
    f = tmp_path / "no" / "such" / "canvas.toml"
    with pytest.raises(CanvasError) as info:
        write_atomic(f, b"x")
    assert "does not exist" in _only_line(info.value, f)


def test_write_through_link_into_missing_folder_names_that_folder(tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "gone" / "canvas.toml")
    with pytest.raises(CanvasError) as info:
        write_atomic(link, b"x")
    assert f"folder {tmp_path / 'gone'} does not exist" in _only_line(info.value, link)


def test_write_nul_in_name(tmp_path: Path) -> None:
    f = tmp_path / "bad\0name.toml"
    with pytest.raises(CanvasError) as info:
        write_atomic(f, b"x")
    assert "invalid file name" in info.value.lines()[0]


def test_write_onto_a_folder(tmp_path: Path) -> None:
    d = tmp_path / "canvas.toml"
    d.mkdir()
    with pytest.raises(CanvasError) as info:
        write_atomic(d, b"x")
    assert "folder" in _only_line(info.value, d)
    assert _leftovers(tmp_path) == []


def test_write_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "canvas.toml"

    def deny(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", deny)
    with pytest.raises(CanvasError) as info:
        write_atomic(f, b"x")
    line = _only_line(info.value, f)
    assert "permission denied" in line
    assert "save a copy elsewhere" in line


@pytest.mark.skipif(IS_ROOT, reason="root can write in a read-only folder")
def test_write_permission_denied_real(tmp_path: Path) -> None:
    d = tmp_path / "ro"
    d.mkdir()
    f = d / "canvas.toml"
    f.write_bytes(b"original")
    d.chmod(0o555)
    try:
        with pytest.raises(CanvasError) as info:
            write_atomic(f, b"x")
        assert "permission denied" in _only_line(info.value, f)
        assert f.read_bytes() == b"original"
    finally:
        d.chmod(0o755)


# --- fingerprints -----------------------------------------------------------


def test_fingerprint_of_missing_file_is_none(tmp_path: Path) -> None:
    assert fingerprint(tmp_path / "nope.toml") is None
    assert fingerprint(tmp_path / "nope" / "deeper.toml") is None


def test_fingerprint_fields(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    fp = fingerprint(f)
    assert fp is not None
    st = f.stat()
    assert (fp.inode, fp.size, fp.mtime_ns) == (st.st_ino, 3, st.st_mtime_ns)
    assert fp.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_read_with_fingerprint_agrees(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    data, fp = read_with_fingerprint(f)
    assert data == b"abc"
    assert fp == fingerprint(f)


def test_unchanged_file(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    assert not changed_on_disk(f, fingerprint(f))


def test_touch_without_content_change_is_not_a_change(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    fp = fingerprint(f)
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert f.stat().st_mtime_ns != st.st_mtime_ns
    assert not changed_on_disk(f, fp)


def test_rewrite_with_same_bytes_is_not_a_change(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    fp = fingerprint(f)
    write_atomic(f, b"abc")  # new inode, same content
    assert fingerprint(f) != fp
    assert not changed_on_disk(f, fp)


def test_same_size_content_change_is_a_change(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    fp = fingerprint(f)
    st = f.stat()
    with open(f, "r+b") as h:  # same inode, same size
        h.write(b"abd")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    assert changed_on_disk(f, fp)


def test_change_hidden_from_stat_is_not_seen_cheaply(tmp_path: Path) -> None:
    """Documented limit: same inode, size and mtime means unchanged without hashing."""
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    fp = fingerprint(f)
    st = f.stat()
    f.write_bytes(b"xyz")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not changed_on_disk(f, fp)


def test_size_change_is_a_change(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    fp = fingerprint(f)
    f.write_bytes(b"abcd")
    assert changed_on_disk(f, fp)


def test_deleted_file_is_a_change(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"abc")
    fp = fingerprint(f)
    f.unlink()
    assert changed_on_disk(f, fp)


def test_appeared_file_is_a_change(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    assert not changed_on_disk(f, None)
    f.write_bytes(b"abc")
    assert changed_on_disk(f, None)


def test_fingerprint_is_hashable_and_frozen() -> None:
    fp = Fingerprint(1, 2, 3, "ab")
    assert {fp: 1}[Fingerprint(1, 2, 3, "ab")] == 1
    with pytest.raises(AttributeError):
        fp.size = 5  # type: ignore[misc]


# --- side files -------------------------------------------------------------


def test_side_file_names(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    assert recovery_path(f) == tmp_path / "canvas.toml.recover.toml"
    assert backup_path(f) == tmp_path / "canvas.toml.bak"


def test_backup_is_written_once(tmp_path: Path) -> None:
    f = tmp_path / "canvas.toml"
    f.write_bytes(b"first")
    f.chmod(0o600)
    assert write_backup_once(f) == tmp_path / "canvas.toml.bak"
    bak = backup_path(f)
    assert bak.read_bytes() == b"first"
    assert stat.S_IMODE(bak.stat().st_mode) == 0o600  # a private canvas gets a private copy
    f.write_bytes(b"second")
    assert write_backup_once(f) is None
    assert bak.read_bytes() == b"first"
    assert _leftovers(tmp_path) == []


def test_backup_of_missing_file(tmp_path: Path) -> None:
    assert write_backup_once(tmp_path / "nope.toml") is None
    assert list(tmp_path.iterdir()) == []
