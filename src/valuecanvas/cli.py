"""The command line of cli.md: open, new, check, fit.

Kept free of Textual so `check` and `fit` start fast; only opening the TUI
imports it. Exit codes: 0 success, 1 a file problem, 2 wrong usage. A user's
mistake is a message naming the file, the place and the fix, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from valuecanvas import __version__
from valuecanvas.errors import CanvasError, safe
from valuecanvas.model import MARKETS, Canvas

if TYPE_CHECKING:
    from valuecanvas.document import Document
    from valuecanvas.storage import Loaded, Recovery
    from valuecanvas.storage.lock import FileLock

SUBCOMMANDS = (
    "new",
    "check",
    "fit",
    "lens",
    "diff",
    "merge-driver",
    "git-setup",
    "export",
    "schema",
    "serve",
)
EPILOG = """commands:
  valuecanvas FILE                open FILE in the TUI (a new canvas if it does not exist)
  valuecanvas new FILE            write a starter canvas
  valuecanvas check FILE...       validate canvas files
  valuecanvas fit FILE [--json]   report how well the value map fits the customer profile
  valuecanvas lens FILE [--json]  the value lens: value sought/delivered, strategies,
                                  warranty, evidence, steps per persona
  valuecanvas diff OLD NEW        compare two canvases by id (or: diff FILE --against REV)
  valuecanvas git-setup           set up git to diff and merge canvases by id
  valuecanvas merge-driver ...    git's merge driver (set up by git-setup)
  valuecanvas export FILE --to md|mermaid|html|csv|json [-o OUT]   export a canvas
  valuecanvas schema              print the JSON Schema of the file format
  valuecanvas serve FILE          the TUI in a browser (127.0.0.1:8000)

Run 'valuecanvas COMMAND --help' for a command's options. A file named like a command
is opened as ./NAME."""


MAX_PROBLEM_LINES = 100
"""`check` and open print at most this many problems of a file, then `… and N more`."""


def _visible(text: str) -> str:
    """`text` with every control character escaped except its line breaks (cli.md).

    File names, lock fields and file contents reach every message; this is the last
    gate before the terminal, so none of them can send an escape sequence.
    """
    return "\n".join(safe(part, None) for part in text.split("\n"))


def _out(line: str = "") -> None:
    sys.stdout.write(_visible(line) + "\n")


def _err(line: str) -> None:
    sys.stderr.write(_visible(line) + "\n")


def _title_from(path: Path) -> str:
    stem = path.stem.replace("-", " ").replace("_", " ").strip()
    return (stem[:1].upper() + stem[1:]) if stem else "Untitled canvas"


# ---------------------------------------------------------------- commands


def cmd_new(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from valuecanvas.storage import create_new
    from valuecanvas.validation import explain

    path = Path(args.file)
    data = {
        "title": args.title or _title_from(path),
        "segment": args.segment or "",
        "market": args.market,
    }
    try:
        canvas = Canvas.model_validate(data)
    except ValidationError as exc:  # --title or --segment: wrong usage, nothing written
        for _, place, message in explain(exc, data):
            _err(f"{path}: --{place}: {message}; nothing was written")
        return 2
    try:
        create_new(canvas, path)
    except CanvasError as exc:
        for line in exc.lines(MAX_PROBLEM_LINES):
            _err(line)
        return 1
    _out(f"{path}: created; open it with: valuecanvas {path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from valuecanvas.storage import load

    status = 0
    for name in args.files:
        try:
            loaded = load(Path(name))
        except CanvasError as exc:
            for line in exc.lines(MAX_PROBLEM_LINES):
                _err(line)
            status = 1
        else:
            if loaded.canvas.conflicts:  # merge conflicts (collaboration.md): not ok yet
                from valuecanvas.storage import conflict_problems

                for line in CanvasError(name, conflict_problems(loaded)).lines():
                    _err(line)
                status = 1
            else:
                _out(f"{name}: ok")
    return status


def cmd_fit(args: argparse.Namespace) -> int:
    from valuecanvas.fit import compute_fit
    from valuecanvas.storage import load

    try:
        canvas = load(Path(args.file)).canvas
    except CanvasError as exc:
        for line in exc.lines(MAX_PROBLEM_LINES):
            _err(line)
        return 1
    if args.json:
        _out(json.dumps(compute_fit(canvas).to_json(), indent=2, ensure_ascii=False))
    else:
        from valuecanvas.reports import fit_text

        for line in fit_text(canvas, args.lang):
            _out(line)
    return 0


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


# ---------------------------------------------------------------- parsing


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("en", "nl"),
        default="en",
        help="names of the canvas parts: English or Dutch",
    )


def build_parser(command: str | None) -> argparse.ArgumentParser:
    if command == "new":
        p = argparse.ArgumentParser(
            prog="valuecanvas new", description="Write a starter canvas; never overwrites a file."
        )
        p.add_argument("file", metavar="FILE")
        p.add_argument(
            "--title", metavar="T", help="the canvas title (default: from the file name)"
        )
        p.add_argument("--segment", metavar="S", help="the customer segment")
        p.add_argument("--market", choices=MARKETS, default="b2c", help="b2c (default) or b2b")
        p.set_defaults(run=cmd_new)
    elif command == "check":
        p = argparse.ArgumentParser(
            prog="valuecanvas check",
            description="Validate canvas files: 'FILE: ok' on stdout, each problem on stderr.",
        )
        p.add_argument("files", metavar="FILE", nargs="+")
        p.set_defaults(run=cmd_check)
    elif command == "fit":
        p = argparse.ArgumentParser(
            prog="valuecanvas fit", description="Report the fit of a canvas (fit.md)."
        )
        p.add_argument("file", metavar="FILE")
        p.add_argument("--json", action="store_true", help="print the report as JSON")
        _lang(p)
        p.set_defaults(run=cmd_fit)
    elif command == "lens":
        from valuecanvas.lens_report import lens_parser

        p = lens_parser()
    elif command == "diff":
        from valuecanvas.cli_diff import build_parser as diff_parser

        p = diff_parser()
    elif command == "merge-driver":
        from valuecanvas.cli_merge_driver import build_parser as merge_driver_parser

        p = merge_driver_parser()
    elif command == "git-setup":
        from valuecanvas.cli_git_setup import build_parser as git_setup_parser

        p = git_setup_parser()
    elif command in ("export", "schema", "serve"):
        from valuecanvas import cli_export, cli_serve

        p = {
            "export": cli_export.export_parser,
            "schema": cli_export.schema_parser,
            "serve": cli_serve.serve_parser,
        }[command]()
    else:
        p = argparse.ArgumentParser(
            prog="valuecanvas",
            description="A keyboard-first terminal app for the value proposition canvas.",
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("file", metavar="FILE", nargs="?", help="the canvas file to open")
        p.add_argument("--version", action="version", version=f"valuecanvas {__version__}")
        p.add_argument(
            "--read-only",
            action="store_true",
            help="look without editing: takes no lock, refuses edits and saves",
        )
        _lang(p)
        p.set_defaults(run=cmd_open)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in SUBCOMMANDS else None
    parser = build_parser(command)
    try:
        args = parser.parse_args(args_list[1:] if command else args_list)
        result: int = args.run(args)
        return result
    except KeyboardInterrupt:
        return 130
    except CanvasError as exc:
        for line in exc.lines(MAX_PROBLEM_LINES):
            _err(line)
        return 1
    except OSError as exc:  # a file problem storage did not foresee: still no traceback
        _err(
            f"{safe(str(getattr(exc, 'filename', None) or 'valuecanvas'))}: {safe(str(exc.strerror or exc))}"
        )
        return 1
