"""Storage: the only code that touches files.

`load` reads, decodes, parses and validates a canvas file and remembers what it
looked like on disk; `save` writes a canvas atomically. Everything that can go
wrong becomes a `CanvasError` that names the file, the place and the fix.
"""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from valuecanvas.errors import CanvasError, Problem
from valuecanvas.model import Canvas
from valuecanvas.storage.codec import (
    canvas_from_bytes,
    canvas_to_text,
    decode,
    has_comments,
    locate,
)
from valuecanvas.storage.files import (
    Fingerprint,
    read_with_fingerprint,
    recovery_path,
    write_atomic,
)


@dataclass(frozen=True)
class Loaded:
    """A canvas as read from disk, with what is needed to save it back safely."""

    canvas: Canvas
    path: Path
    has_comments: bool
    fingerprint: Fingerprint | None


def load(path: Path) -> Loaded:
    """Read and validate a canvas file (CanvasError on any problem; the file is never written)."""
    data, print_ = read_with_fingerprint(path)
    with _collector_paused():
        canvas = canvas_from_bytes(data, str(path))
    return Loaded(canvas, path, has_comments(decode(data, str(path))), print_)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a file is parsed and validated.

    Parsing builds the file's tables and validating builds the canvas: objects that all
    stay alive (or die by reference count), so the collector's passes over the growing
    heap find nothing — at 20,000 items they cost ≈ 50 ms of a 600 ms `check`.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def conflict_problems(loaded: Loaded) -> list[Problem]:
    """Each merge conflict left in a loaded canvas as a problem, with its line if found.

    The file is read again for the lines: only files that hold conflicts pay for it.
    """
    from valuecanvas.conflicts import problems

    if not loaded.canvas.conflicts:
        return []
    try:
        text = decode(loaded.path.read_bytes(), str(loaded.path))
    except (OSError, CanvasError):
        lines = None
    else:
        lines = [locate(text, ("conflicts", n)) for n in range(len(loaded.canvas.conflicts))]
    return problems(loaded.canvas, str(loaded.path), lines)


def dumps(canvas: Canvas) -> str:
    """The canvas as TOML text, exactly as `save` writes it."""
    return canvas_to_text(canvas)


def save(canvas: Canvas, path: Path) -> Fingerprint | None:
    """Write the canvas atomically (temp file, fsync, replace); returns the new fingerprint."""
    return write_atomic(path, dumps(canvas).encode("utf-8"))


def create_new(canvas: Canvas, path: Path) -> Fingerprint | None:
    """Write a new canvas file; refuses to touch a file (or link) already there."""
    if path.exists() or path.is_symlink():
        raise CanvasError(
            str(path),
            [
                Problem(
                    "",
                    "already exists and was left as it is; choose another name, or open it "
                    f"with: valuecanvas {path}",
                )
            ],
        )
    return save(canvas, path)


# ---------------------------------------------------------------------------
# Recovery: unsaved work written when the app is told to stop (SIGTERM, SIGHUP)

UNTITLED_RECOVERY = "untitled.recover.toml"
"""Where an untitled canvas's unsaved work goes, in the current folder (never overwritten)."""


def recovery_target(path: Path | None) -> Path:
    """Where the unsaved work of a canvas at `path` goes: `NAME.recover.toml`.

    An untitled canvas goes to `./untitled.recover.toml`, or `untitled-2.recover.toml`
    and so on if that exists, so an earlier rescue is never overwritten; it is opened
    like any canvas file (`valuecanvas untitled.recover.toml`).
    """
    if path is not None:
        return recovery_path(path)
    n = 1
    while True:
        name = UNTITLED_RECOVERY if n == 1 else f"untitled-{n}.recover.toml"
        candidate = Path.cwd() / name
        if not os.path.lexists(candidate):
            return candidate
        n += 1


def save_recovery(canvas: Canvas, path: Path | None, *, own: Path | None = None) -> Path:
    """Write unsaved work atomically beside the canvas (see `recovery_target`); returns where.

    The recovery file gets the canvas file's permission bits, so a private canvas does
    not leave a world-readable copy. The canvas file itself is not touched. A recovery
    file that is not this session's `own` (an earlier session's rescued work the user
    chose to keep) is never overwritten: the work goes to `FILE.recover-2.toml` and on.
    """
    target = own if own is not None else recovery_target(path)
    if path is not None and own is None and os.path.lexists(target):
        n = 2
        while os.path.lexists(candidate := target.with_name(f"{path.name}.recover-{n}.toml")):
            n += 1
        target = candidate
    mode: int | None = None
    if path is not None:
        with contextlib.suppress(OSError):
            mode = os.stat(path).st_mode & 0o777
    write_atomic(target, dumps(canvas).encode("utf-8"), new_mode=mode)
    return target


def fallback_folder() -> Path:
    """A writable place of the user's for rescued work when the canvas's folder is not
    (`$XDG_STATE_HOME/valuecanvas`, else `~/.local/state/valuecanvas`)."""
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(Path.home(), ".local", "state")
    return Path(state) / "valuecanvas"


def save_recovery_anywhere(canvas: Canvas, path: Path | None, *, own: Path | None = None) -> Path:
    """`save_recovery`, or if that folder cannot be written, the next free
    `NAME.recover[-N].toml` in `fallback_folder()` (then the system's temp folder)."""
    try:
        return save_recovery(canvas, path, own=own)
    except CanvasError as first:
        name = path.name if path is not None else "untitled"
        for folder in (fallback_folder(), Path(tempfile.gettempdir())):
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                n, target = 1, folder / f"{name}.recover.toml"
                while os.path.lexists(target):
                    n += 1
                    target = folder / f"{name}.recover-{n}.toml"
                write_atomic(target, dumps(canvas).encode("utf-8"), new_mode=0o600)
            except (OSError, CanvasError):
                continue
            return target
        raise first


@dataclass(frozen=True)
class Recovery:
    """A recovery file waiting beside a canvas: where it is and when it was written."""

    path: Path
    written: datetime

    def when(self) -> str:
        """`2024-05-01 10:00` in local time, for the question shown to the user."""
        return self.written.strftime("%Y-%m-%d %H:%M")


def find_recoveries(path: Path) -> list[Recovery]:
    """Every recovery file of the canvas at `path` (`NAME.recover.toml`,
    `NAME.recover-N.toml`), newest first: each one is offered on open (cli.md)."""
    first = recovery_path(path)
    prefix = f"{path.name}.recover-"
    candidates = [first]
    with contextlib.suppress(OSError):
        for entry in os.scandir(first.parent):
            rest = entry.name[len(prefix) :] if entry.name.startswith(prefix) else ""
            if rest.endswith(".toml") and rest[: -len(".toml")].isdigit():
                candidates.append(first.with_name(entry.name))
    found = []
    for target in candidates:
        try:
            st = os.stat(target)
        except (OSError, ValueError):
            continue
        found.append(Recovery(target, datetime.fromtimestamp(st.st_mtime).astimezone()))
    return sorted(found, key=lambda r: (r.written, r.path.name), reverse=True)


def find_recovery(path: Path) -> Recovery | None:
    """The newest recovery file of the canvas at `path`, if there is one."""
    found = find_recoveries(path)
    return found[0] if found else None


def discard_recovery(target: Path | None) -> bool:
    """Remove a recovery file (its own path, e.g. `Recovery.path`); False if it was not there.

    A file that cannot be removed stays, and the next open offers it again.
    """
    if target is None:
        return False
    try:
        os.unlink(target)
    except OSError:
        return False
    return True


__all__ = [
    "UNTITLED_RECOVERY",
    "Fingerprint",
    "Loaded",
    "Recovery",
    "conflict_problems",
    "create_new",
    "discard_recovery",
    "dumps",
    "find_recoveries",
    "find_recovery",
    "load",
    "recovery_target",
    "save",
    "save_recovery",
    "save_recovery_anywhere",
]
