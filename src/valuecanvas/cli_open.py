"""`valuecanvas FILE`: the questions before the TUI opens, then the TUI.

Taking the file's lock (or asking what to do when someone else holds it), offering
unsaved work rescued earlier, and only then importing Textual. Questions are asked
on the terminal, and a signal that arrives while we wait is acted on at once.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from valuecanvas.cli import MAX_PROBLEM_LINES, _err, _out, _title_from, _visible
from valuecanvas.errors import CanvasError
from valuecanvas.model import Canvas

if TYPE_CHECKING:
    from valuecanvas.document import Document
    from valuecanvas.storage import Loaded, Recovery
    from valuecanvas.storage.lock import FileLock


def _read_line(prompt: str) -> str:
    """`input()`, but a signal that arrives while we wait is acted on at once.

    `input()` blocks in read(2) with Python's signal handlers unable to run: a SIGHUP
    that lands between the prompt and that read runs its handler only after the user
    typed a line, so a hung-up terminal left the process (and its lock) behind.
    Waiting in short selects gives the handlers a chance every quarter second.
    """
    import os
    import select

    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests)
        return input(prompt)
    sys.stdout.write(prompt)
    sys.stdout.flush()
    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], 0.25)
        if not ready:
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            if data:
                break
            raise EOFError
        data += chunk
    return data.decode("utf-8", "replace").rstrip("\r\n")


def _ask(question: str, keys: str, default: str) -> str:
    """Ask on the terminal until the answer starts with one of `keys`; end of input: `default`."""
    while True:
        try:
            answer = _read_line(_visible(question) + " ").strip().lower()
        except EOFError:
            _out("")
            return default
        if answer and answer[0] in keys:
            return answer[0]
        _out(f"Type one of: {', '.join(keys)}")


def _lock_for_editing(path: Path) -> FileLock | int | None:
    """Lock `path` for this editor; None: open read-only instead; an int: exit with it.

    If someone else holds the lock, says who and asks on the terminal; with no terminal
    to ask on, does not open the file (exit 1).
    """
    from valuecanvas.storage.lock import (
        UNKNOWN_HOLDER,
        LockedError,
        StaleLockError,
        acquire,
        needs_confirmation,
        take_over,
    )

    may_take_over = False
    holder = UNKNOWN_HOLDER
    try:
        return acquire(path)
    except LockedError as exc:  # a stale lock, or one we cannot judge from here
        _err(str(exc))
        holder = exc.holder
        may_take_over = isinstance(exc, StaleLockError) or (
            exc.holder is not UNKNOWN_HOLDER and needs_confirmation(exc.holder)
        )
    except CanvasError as exc:  # no lock can be made here (e.g. a read-only folder)
        for line in exc.lines(MAX_PROBLEM_LINES):
            _err(line)
    if not sys.stdin.isatty():
        _err(
            f"{path}: not opened (no terminal to ask on); "
            f"to look at it anyway: valuecanvas --read-only {path}"
        )
        return 1
    if may_take_over:
        choice = _ask("[t]ake over / [r]ead-only / [q]uit?", "trq", "q")
    else:
        choice = _ask("open read-only? [r]ead-only / [q]uit", "rq", "q")
    if choice == "t" and holder is not UNKNOWN_HOLDER and needs_confirmation(holder):
        sure = _ask(
            f"Is {holder.describe()} really no longer editing {path.name}? Taking over "
            "while they still edit can make one of you lose work. [y]es, take over / [n]o",
            "yn",
            "n",
        )
        choice = "t" if sure == "y" else "q"
    if choice == "r":
        return None
    if choice == "t":
        try:
            return take_over(path)
        except LockedError as exc:
            _err(str(exc))
        except CanvasError as exc:
            for line in exc.lines(MAX_PROBLEM_LINES):
                _err(line)
    _err(f"{path}: not opened")
    return 1


def _offer_recovery(document: Document, loaded: Loaded | None) -> Document:
    """Offer every rescue file beside the file (newest first) until one is restored."""
    from valuecanvas.storage import find_recoveries

    path = document.path
    if path is None:
        return document
    found = find_recoveries(path)
    for number, recovery in enumerate(found, start=1):
        restored = _offer_one_recovery(document, loaded, recovery, number, len(found))
        if restored is not None:
            return restored
    return document


def _offer_one_recovery(
    document: Document, loaded: Loaded | None, found: Recovery, number: int, count: int
) -> Document | None:
    """Ask about one rescue file; the restored document, or None (kept or discarded)."""
    from valuecanvas.document import Document
    from valuecanvas.storage import discard_recovery, load

    path = document.path
    assert path is not None
    which = f" ({number} of {count}, newest first)" if count > 1 else ""
    choice = _ask(
        f"{found.path.name} from {found.when()}{which} has unsaved changes: "
        "[r]estore / [d]iscard it / [k]eep it and open the file",
        "rdk",
        "k",
    )
    if choice == "d":
        if not discard_recovery(found.path):
            _err(f"{found.path}: could not be removed; it is offered again next time")
        return None
    if choice == "k":
        return None
    try:
        recovered = load(found.path)
    except CanvasError as exc:
        for line in exc.lines(MAX_PROBLEM_LINES):
            _err(line)
        _err(f"{found.path}: cannot be restored; it is kept, and {path} opens as it is")
        return None
    # the original stays untouched until the user saves: a dirty document over it
    return Document(
        recovered.canvas,
        path,
        saved=loaded.canvas if loaded is not None else None,
        loaded=loaded,
        recovery=found.path,
    )


class _Signalled(SystemExit):
    """SIGHUP/SIGTERM while a start-up question waits: leave by `finally` (the lock goes)."""


@contextlib.contextmanager
def _signals_end_the_questions() -> Iterator[None]:
    """While we ask on the terminal, SIGHUP/SIGTERM exit 128 + N, releasing the lock.

    Without this the default action kills the process at once and leaves a stale lock.
    """
    import signal

    def leave(signum: int, _frame: object) -> None:
        raise _Signalled(128 + signum)

    wanted = [getattr(signal, n) for n in ("SIGHUP", "SIGTERM") if hasattr(signal, n)]
    try:
        old = {s: signal.signal(s, leave) for s in wanted}
    except ValueError:  # not the main thread (tests may call main from a worker)
        yield
        return
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def cmd_open(args: argparse.Namespace) -> int:
    from valuecanvas.document import Document
    from valuecanvas.storage import find_recoveries, load

    path = Path(args.file) if args.file else None
    loaded = None
    if path is not None and (path.exists() or path.is_symlink()):
        try:
            loaded = load(path)
        except CanvasError as exc:
            for line in exc.lines(MAX_PROBLEM_LINES):
                _err(line)
            _err(
                f"{path}: not opened; fix the problems above (valuecanvas check {path}) and try again"
            )
            return 1
        document = Document(loaded.canvas, path, saved=loaded.canvas, loaded=loaded)
    else:
        if path is not None and not path.parent.is_dir():
            _err(
                f"{path}: the folder {path.parent} does not exist; create it first or choose another path"
            )
            return 1
        title = _title_from(path) if path else "Untitled canvas"
        document = Document(Canvas(title=title), path, saved=None)

    read_only: bool = args.read_only
    lock: FileLock | None = None
    try:
        if path is not None and not read_only:
            with _signals_end_the_questions():
                got = _lock_for_editing(path)
            if isinstance(got, int):
                return got
            lock = got
            read_only = got is None
        if not sys.stdin.isatty() or not sys.stdout.isatty():
            _err(
                "valuecanvas: the TUI needs a terminal; use 'valuecanvas check' or 'fit' in scripts"
            )
            return 2
        with _signals_end_the_questions():
            if not read_only:
                document = _offer_recovery(document, loaded)
            elif path is not None:
                for found in find_recoveries(path):
                    _out(
                        f"{found.path.name} from {found.when()} has unsaved changes; "
                        f"open {path} for editing to restore them"
                    )
        from valuecanvas.tui.app import run

        return run(document, lang=args.lang, read_only=read_only, lock=lock)
    finally:
        if lock is not None:
            lock.release()
