"""Reading and writing canvas files safely: bounded reads, atomic saves, change detection.

A canvas is a user's work, so a save must never leave a half-written file (a crash
leaves the old or the new content, nothing in between), a read must never hang or
swallow a huge file, and every failure must reach the user as a `CanvasError` that
names the file and says what to do, never as a raw `OSError`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from valuecanvas.errors import CanvasError, Problem

MAX_BYTES = 5 * 1024 * 1024
"""Largest file we open: a real canvas is a few KB, so anything this big is a wrong file."""

_CHUNK = 1024 * 1024
_umask_lock = threading.Lock()


def _error(path: Path, message: str) -> CanvasError:
    """One user-facing problem about the whole file."""
    return CanvasError(str(path), [Problem(place="", message=message)])


def _reason(exc: OSError) -> str:
    """What the OS said, without the errno number and file name it repeats."""
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


# ---------------------------------------------------------------------------
# Reading


def _read_error(path: Path, exc: OSError) -> CanvasError:
    """Turn an OS failure while reading into advice the user can act on."""
    if isinstance(exc, FileNotFoundError):
        return _error(path, "file not found — check the name and the folder")
    if isinstance(exc, IsADirectoryError):
        return _error(path, "this is a folder, not a canvas file — give the path of a .toml file")
    if isinstance(exc, PermissionError):
        return _error(path, "cannot read: permission denied — ask the file's owner for read access")
    if isinstance(exc, NotADirectoryError):
        return _error(path, "file not found: part of the path is not a folder — check the path")
    if exc.errno == errno.ELOOP:
        return _error(path, "cannot read: too many levels of symbolic links — fix the link")
    return _error(path, f"cannot read: {_reason(exc)} — check the file and try again")


_MISSING = (errno.ENOENT, errno.ENOTDIR)


def _is_missing(err: CanvasError) -> bool:
    """True if the read failed only because there is no such file (or link target)."""
    cause = err.__cause__
    return isinstance(cause, OSError) and cause.errno in _MISSING


def _read(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """Read at most `limit` bytes through one descriptor and return them with its stat.

    The stat is taken before reading, from the same descriptor, so a fingerprint built
    from both can only be stale in the safe direction (it makes a later check re-hash).
    O_NONBLOCK keeps a FIFO from hanging the open; it has no effect on regular files.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _read_error(path, exc) from exc
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise _error(path, f"invalid file name: {exc} — check the name") from exc
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _read_error(path, IsADirectoryError(errno.EISDIR, "Is a directory"))
        if not stat.S_ISREG(st.st_mode):
            raise _error(path, "this is not a regular file — give the path of a .toml file")
        if st.st_size > limit:
            raise _too_large(path, st.st_size, limit)
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:  # the file grew while we were reading it
            raise _too_large(path, max(got, os.fstat(fd).st_size), limit)
        return b"".join(chunks), st
    except OSError as exc:
        raise _read_error(path, exc) from exc
    finally:
        os.close(fd)


def _too_large(path: Path, size: int, limit: int) -> CanvasError:
    """Refuse a file over the limit, saying both sizes so the user sees it is not a canvas."""
    more = "" if size > limit + 1 else "more than "
    return _error(
        path,
        f"file is {more}{size:,} bytes, over the {limit:,}-byte limit — "
        "a canvas file is far smaller; check that this is the right file",
    )


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, or a `CanvasError` saying why they cannot be had."""
    return _read(path, limit)[0]


# ---------------------------------------------------------------------------
# Fingerprints: has someone else changed the file since we read or wrote it?


@dataclass(frozen=True)
class Fingerprint:
    """What we last saw of a file: cheap stat fields plus a content hash to confirm."""

    inode: int
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> Fingerprint:
        """A fingerprint from a stat and the bytes that stat describes."""
        return cls(st.st_ino, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def same_stat(self, st: os.stat_result) -> bool:
        """True if the cheap fields match, so the content need not be hashed."""
        return (st.st_ino, st.st_size, st.st_mtime_ns) == (self.inode, self.size, self.mtime_ns)


def read_with_fingerprint(path: Path, limit: int = MAX_BYTES) -> tuple[bytes, Fingerprint]:
    """The file's bytes and their fingerprint, from one open, so the two always agree."""
    data, st = _read(path, limit)
    return data, Fingerprint.of(st, data)


def _read_if_present(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The file's bytes and stat, or None if it does not exist (other errors raise)."""
    try:
        return _read(path, MAX_BYTES)
    except CanvasError as err:
        if _is_missing(err):
            return None
        raise


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now, or None if it does not exist.

    Raises `CanvasError` if it exists but cannot be read.
    """
    if (read := _read_if_present(path)) is None:
        return None
    data, st = read
    return Fingerprint.of(st, data)


def fingerprint_bytes(path: Path, data: bytes) -> Fingerprint | None:
    """The fingerprint of `path` assuming it holds `data` (stat now, hash of `data`).

    Only for when the bytes are known and nobody can have written in between; prefer
    `read_with_fingerprint` and the fingerprint returned by `write_atomic`.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Fingerprint.of(st, data)


def _hash_file(path: Path) -> str | None:
    """The sha256 of the file's content, or None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def changed_on_disk(path: Path, known: Fingerprint | None) -> bool:
    """True if the file's content is no longer what `known` describes.

    Cheap when nothing happened (one stat). A different stat alone is not proof: a
    `touch` or a rewrite with the same bytes is not a change, so the content is hashed
    to confirm. A file that appeared or vanished is a change; a file that can no longer
    be read counts as changed, so the caller reloads and reports the reason.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return known is not None if exc.errno in _MISSING else True
    if known is None:
        return True
    if known.same_stat(st):
        return False
    if st.st_size != known.size:
        return True
    return _hash_file(path) != known.sha256


# ---------------------------------------------------------------------------
# Writing


def current_umask() -> int:
    """The process umask, read without leaving it changed.

    Linux shows it in /proc; elsewhere it can only be read by setting it, so we set a
    restrictive value for that instant (a file created meanwhile by another thread gets
    fewer permissions, never more) and put it back under a lock.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        old = os.umask(0o077)
        os.umask(old)
    return old


def _write_error(path: Path, exc: OSError, folder: Path | None = None) -> CanvasError:
    """Turn an OS failure while saving into advice; the file on disk is always unchanged."""
    folder = path.parent if folder is None else folder
    unchanged = "the file on disk was not changed"
    code = exc.errno
    if code == errno.ENOSPC:
        what = "no space left on device — free space and save again"
    elif code == getattr(errno, "EDQUOT", -1):
        what = "disk quota exceeded — free space and save again"
    elif isinstance(exc, PermissionError):
        what = (
            f"permission denied in folder {folder} — ask for write access, or save a copy elsewhere"
        )
    elif code == errno.EROFS:
        what = "the file system is read-only — save a copy elsewhere"
    elif isinstance(exc, FileNotFoundError):
        what = f"folder {folder} does not exist — create it or save elsewhere"
    elif isinstance(exc, IsADirectoryError):
        what = "this is a folder — choose a file name"
    elif code == errno.ELOOP:
        what = "too many levels of symbolic links — fix the link or save elsewhere"
    else:
        what = f"{_reason(exc)} — try saving again, or save a copy elsewhere"
    return _error(path, f"cannot write: {what} ({unchanged})")


def _resolve_target(path: Path) -> Path:
    """The file a save must replace: the link's final target for a symlink, else `path`.

    Replacing the link itself would turn it into a plain file and leave the real file
    stale, so a save writes through the link like an editor does.
    """
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; some platforms and file systems refuse, which is harmless."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, new_mode: int | None = None) -> Fingerprint:
    """Replace the file's content with `data` so that a crash leaves old or new, never half.

    The bytes go to a temporary `.NAME.*.tmp` beside the target, are flushed to disk,
    get the old file's permission bits and group (a new file gets 0o666 minus the umask,
    or `new_mode`), and then atomically take the file's place. Returns the fingerprint
    of what was written, taken from the file itself, for later `changed_on_disk` checks.
    """
    try:
        target = _resolve_target(path)
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise _write_error(path, exc) from exc
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise _error(path, f"invalid file name: {exc} — choose another name") from exc
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise _write_error(path, IsADirectoryError(errno.EISDIR, "Is a directory"))

    folder = target.parent
    tmp: str | None = None
    fd = -1
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + target.name + ".", suffix=".tmp")
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if old is not None:
            _copy_owner(fd, old)
            mode = stat.S_IMODE(old.st_mode)
        else:
            mode = new_mode if new_mode is not None else 0o666 & ~current_umask()
        os.fchmod(fd, mode)
        os.fsync(fd)
        st = os.fstat(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise _write_error(path, exc, folder) from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _fsync_dir(folder)
    # rename keeps the inode and mtime, so this describes the file now at `target`
    return Fingerprint(st.st_ino, len(data), st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def _copy_owner(fd: int, old: os.stat_result) -> None:
    """Give the new file the old one's group (and owner, when we are root).

    On a shared server the group decides who else may edit; losing it on save would
    lock colleagues out. Not being allowed to set it is normal and ignored.
    """
    uid = old.st_uid if hasattr(os, "geteuid") and os.geteuid() == 0 else -1
    try:
        os.fchown(fd, uid, old.st_gid)
    except (PermissionError, AttributeError):
        pass
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise


# ---------------------------------------------------------------------------
# Side files


def recovery_path(path: Path) -> Path:
    """Where unsaved work goes when a save fails or the app crashes: `NAME.recover.toml`."""
    return path.with_name(path.name + ".recover.toml")


def backup_path(path: Path) -> Path:
    """Where the file as it was before our first save is kept: `NAME.bak`."""
    return path.with_name(path.name + ".bak")


def write_backup_once(path: Path) -> Path | None:
    """Copy the current file to `NAME.bak` unless a backup already exists.

    Keeps the user's pre-valuecanvas version (comments, layout) recoverable after our
    first rewrite, without overwriting it on every save. The backup gets the original's
    permission bits, so a private canvas does not get a world-readable copy. Returns the
    backup's path, or None if one existed or there is no file to back up.
    """
    bak = backup_path(path)
    if os.path.lexists(bak):
        return None
    if (read := _read_if_present(path)) is None:
        return None
    data, st = read
    write_atomic(bak, data, new_mode=stat.S_IMODE(st.st_mode))
    return bak
