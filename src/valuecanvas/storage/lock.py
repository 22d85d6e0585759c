"""An advisory lock so two people on one shared server do not overwrite each other's edits.

The lock is a small JSON sidecar `NAME.lock` beside the canvas, created with O_EXCL so
only one editor can make it. It is a separate file, so atomic saves (which replace the
canvas file) leave it alone. A lock whose holder died on this host is *stale*: it is
reported distinctly so the app can offer to take it over. Opening read-only needs no lock.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import secrets
import socket
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from valuecanvas.errors import CanvasError, Problem, safe

_CORRUPT_RETRIES = 5
_CORRUPT_WAIT = 0.02  # a lock is created then written; give a writer this long to finish


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock, shown to the other person: user, host, pid and since when.

    `token` is random per lock, so "is this still ours?" cannot be fooled by a reused
    pid or a second lock taken by the same process.
    """

    user: str
    host: str
    pid: int
    since: str
    token: str = ""

    def describe(self) -> str:
        """`alice on host1 (pid 123) since 2024-05-01T10:00:00+02:00`."""
        since = f" since {safe(self.since, 40)}" if self.since else ""
        return f"{self.who} on {safe(self.host, 80)} (pid {self.pid}){since}"

    @property
    def who(self) -> str:
        """The holder's user name, safe to show: anyone who can write the folder writes it."""
        return safe(self.user, 80)


UNKNOWN_HOLDER = LockInfo(user="unknown", host="unknown", pid=0, since="")
"""The holder reported for a lock file that cannot be read or understood."""


class LockedError(Exception):
    """Someone else is editing this canvas; open it read-only or ask them to close it."""

    def __init__(self, path: Path, holder: LockInfo, message: str | None = None) -> None:
        self.path = path
        self.holder = holder
        if message is None:
            message = f"{safe(path.name)} is being edited by {holder.describe()}"
            if holder.host != _host():
                message += (
                    " — open it read-only, or take over the lock if you are sure"
                    f" {holder.who} is no longer editing it"
                )
            else:
                message += f" — open it read-only, or ask {holder.who} to close it"
        super().__init__(message)


class StaleLockError(LockedError):
    """The lock's holder is gone (or the lock file is unreadable): offer a takeover."""

    def __init__(self, path: Path, holder: LockInfo, reason: str) -> None:
        self.reason = reason
        super().__init__(
            path,
            holder,
            f"{safe(path.name)} has a stale lock: {reason} — take over the lock to edit it",
        )


def needs_confirmation(holder: LockInfo) -> bool:
    """Whether taking this lock over needs the user to confirm the holder is gone.

    Only a dead pid on this host proves it; a lock from another host, or one whose pid
    now belongs to another process, is taken over only after an explicit yes.
    """
    return holder.host != _host() or (holder.pid != os.getpid() and pid_reused(holder))


def _host() -> str:
    """This machine's name, as stored in locks and compared for staleness."""
    return socket.gethostname()


def _user() -> str:
    """The login name to show the other person; falls back to the uid if unknown."""
    try:
        return getpass.getuser()
    except Exception:  # getuser raises whatever pwd raises when nothing is set
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def _new_info() -> LockInfo:
    """A fresh lock record for this process."""
    since = datetime.now().astimezone().isoformat(timespec="seconds")
    return LockInfo(_user(), _host(), os.getpid(), since, secrets.token_hex(8))


def lock_path(path: Path) -> Path:
    """The sidecar for a canvas: `NAME.lock` beside the real file (links resolved).

    Resolving means two people reaching one file through different links or paths
    still meet at the same lock.
    """
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ".lock")


def _encode(info: LockInfo) -> bytes:
    return (json.dumps(asdict(info), indent=1) + "\n").encode("utf-8")


def _decode(data: bytes) -> LockInfo | None:
    """The lock record, or None if the bytes are not one (empty, truncated, foreign)."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    user, host, pid, since = raw.get("user"), raw.get("host"), raw.get("pid"), raw.get("since")
    token = raw.get("token", "")
    if not (isinstance(user, str) and isinstance(host, str) and isinstance(since, str)):
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return None
    if not isinstance(token, str):
        return None
    return LockInfo(user, host, pid, since, token)


def _read_raw(lock: Path) -> bytes | None:
    """The lock file's bytes, or None if there is none. Small bound: a lock is tiny."""
    try:
        with open(lock, "rb") as f:
            return f.read(64 * 1024)
    except FileNotFoundError:
        return None


def read_lock(path: Path) -> LockInfo | None:
    """Who holds the canvas's lock, or None if it is not locked or the lock is unreadable."""
    try:
        data = _read_raw(lock_path(path))
    except OSError:
        return None
    return None if data is None else _decode(data)


def _alive(info: LockInfo) -> bool:
    """Whether the holder may still be running. Only a pid on this host can be checked."""
    if info.host != _host():
        return True
    if info.pid == os.getpid():
        return True
    try:
        os.kill(info.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to another user
        return True
    except OSError:
        return True
    return not pid_reused(info)


def pid_reused(info: LockInfo) -> bool:
    """Whether the lock's pid now belongs to a process started after the lock was taken.

    A pid is reused after its process ends; a process that began later than the lock
    (by its /proc entry, Linux) cannot be the editor that took it.
    """
    try:
        since = datetime.fromisoformat(info.since).timestamp()
        started = _process_start(info.pid)
    except (OSError, ValueError, OverflowError, IndexError):
        return False
    return started > since + 2  # the lock is written after its process starts


def _process_start(pid: int) -> float:
    """When process `pid` started (seconds since the epoch), from Linux's /proc."""
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[19])  # field 22 (starttime): clock ticks after boot
    with open("/proc/stat", encoding="ascii") as f:
        boot = next(int(line.split()[1]) for line in f if line.startswith("btime "))
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def _lock_error(path: Path, lock: Path, exc: OSError) -> CanvasError:
    """A lock that cannot be made at all (e.g. no write access to the folder)."""
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        msg = (
            f"cannot create the lock file {safe(lock.name)}: {exc.strerror or exc} — "
            "you cannot write in this folder; open the canvas read-only"
        )
    else:
        msg = f"cannot create the lock file {safe(lock.name)}: {exc.strerror or exc} — try again"
    return CanvasError(str(path), [Problem(place="", message=msg)])


class FileLock:
    """A held lock on one canvas; release it (or use `with`) when the editor closes."""

    def __init__(self, path: Path, lock: Path, info: LockInfo) -> None:
        self.path = path
        self.lock_path = lock
        self.info = info
        self._released = False

    def still_ours(self) -> bool:
        """True if the sidecar still names us; False after release or a takeover by another."""
        return not self._released and self._names_us()

    def release(self) -> None:
        """Remove the sidecar if it is still ours; safe to call twice or after a takeover."""
        if self._released:
            return
        self._released = True
        if self._names_us():
            # gone already, or the folder became read-only: nothing more we can do
            with contextlib.suppress(OSError):
                os.unlink(self.lock_path)

    def _names_us(self) -> bool:
        try:
            data = _read_raw(self.lock_path)
        except OSError:
            return False
        return data is not None and _decode(data) == self.info

    def __enter__(self) -> FileLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __repr__(self) -> str:
        state = "released" if self._released else "held"
        return f"FileLock({str(self.lock_path)!r}, {state})"


def acquire(path: Path) -> FileLock:
    """Lock the canvas for editing by this process.

    Raises `LockedError` if someone is editing it, `StaleLockError` if the lock is left
    over from a process that died on this host or cannot be understood (then offer
    `take_over`), and `CanvasError` if no lock can be created here at all.
    """
    lock = lock_path(path)
    info = _new_info()
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_CORRUPT_RETRIES):
        try:
            fd = os.open(lock, flags, 0o644)
        except FileExistsError:
            error = _existing_lock_error(path, lock)
            if error is None:
                continue  # released between our open and our read: try again
            raise error from None
        except OSError as exc:
            raise _lock_error(path, lock, exc) from exc
        try:
            try:
                os.fchmod(fd, 0o644)  # readable by others whatever the umask: they must see who
                os.write(fd, _encode(info))
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(lock)
            raise _lock_error(path, lock, exc) from exc
        return FileLock(path, lock, info)
    raise _lock_error(path, lock, OSError(errno.EAGAIN, "the lock keeps changing"))


def _existing_lock_error(path: Path, lock: Path) -> LockedError | None:
    """Judge the lock in our way: live, stale, or gone meanwhile (None: just retry)."""
    for attempt in range(_CORRUPT_RETRIES):
        try:
            data = _read_raw(lock)
        except OSError as exc:
            # we cannot tell who holds it, so we must not call it stale
            return LockedError(
                path,
                UNKNOWN_HOLDER,
                f"{safe(path.name)} is locked, but the lock file {safe(lock.name)} cannot be read "
                f"({exc.strerror or exc}) — open it read-only",
            )
        if data is None:
            return None
        holder = _decode(data)
        if holder is not None:
            if _alive(holder):
                return LockedError(path, holder)
            if holder.host == _host() and pid_reused(holder):
                reason = f"{holder.describe()} has ended; pid {holder.pid} is another process now"
                return StaleLockError(path, holder, reason)
            return StaleLockError(path, holder, f"{holder.describe()} is no longer running")
        if attempt + 1 < _CORRUPT_RETRIES:
            time.sleep(_CORRUPT_WAIT)  # maybe its creator is still writing it
    return StaleLockError(
        path, UNKNOWN_HOLDER, f"the lock file {safe(lock.name)} is empty or corrupt"
    )


def take_over(path: Path) -> FileLock:
    """Replace whatever lock there is with ours, atomically, and confirm we got it.

    Only for after the user chose to (a stale lock, or one left on another host). If
    someone else takes over at the same moment, the re-read shows it and we raise
    `LockedError` naming them instead of both believing they hold the lock.
    """
    lock = lock_path(path)
    info = _new_info()
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=lock.parent, prefix="." + lock.name + ".", suffix=".tmp")
        try:
            os.write(fd, _encode(info))
            os.fchmod(fd, 0o644)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, lock)
        tmp = None
        data = _read_raw(lock)
    except OSError as exc:
        raise _lock_error(path, lock, exc) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    holder = None if data is None else _decode(data)
    if holder != info:
        raise LockedError(path, holder or UNKNOWN_HOLDER)
    return FileLock(path, lock, info)
