"""The command line of cli.md: new, check, fit, and which module runs the others.

Kept free of Textual so `check` and `fit` start fast; only opening the TUI
(`cli_open`) imports it. Exit codes: 0 success, 1 a file problem, 2 wrong usage. A user's
mistake is a message naming the file, the place and the fix, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from valuecanvas import __version__
from valuecanvas.choices import MARKETS  # no pydantic: see _short_lived
from valuecanvas.errors import CanvasError, safe

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

    from valuecanvas.model import Canvas
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
        import json

        _out(json.dumps(compute_fit(canvas).to_json(), indent=2, ensure_ascii=False))
    else:
        from valuecanvas.reports import fit_text

        for line in fit_text(canvas, args.lang):
            _out(line)
    return 0


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
        p.set_defaults(run=_open)
    return p


def _open(args: argparse.Namespace) -> int:
    from valuecanvas.cli_open import cmd_open  # its questions and the TUI: only when opening

    return cmd_open(args)


_ENDS_AT_ONCE = frozenset({"check", "fit", "lens"})
"""Commands that only read and print: on the real command line they end without the
interpreter's teardown, which frees every object one by one (≈ 20 ms for any command,
≈ 30 ms more with a 20,000-item canvas loaded) while the user waits for the prompt."""


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in SUBCOMMANDS else None
    if argv is None and command in _ENDS_AT_ONCE:
        _short_lived()
    if command is not None:
        code = _main(command, args_list)
        if argv is None and command in _ENDS_AT_ONCE:  # not when called in-process (tests)
            _end_now(code)
        return code
    # Opening the TUI: the imports and the file's load run without garbage collection (the
    # app turns it back on before its first frame, tui/app.py `run`); on any other way
    # out it is turned back on here.
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    _no_pydantic_plugins()
    try:
        return _main(command, args_list)
    finally:
        if was_enabled:
            gc.enable()


def _short_lived() -> None:
    """Set up a command that reads, prints and ends (before pydantic is imported).

    No garbage collection: importing pydantic and building the models makes many
    long-lived objects, and the collector's passes over them find nothing (≈ 20 ms of a
    200 ms `check`); what such a command leaves behind is freed at its end. No pydantic
    plugins: these commands start no process that would inherit the setting.
    """
    import gc

    gc.disable()
    _no_pydantic_plugins()


def _no_pydantic_plugins() -> None:
    """valuecanvas uses no pydantic plugins; looking for them scans every installed
    package (≈ 15 ms). A PYDANTIC_DISABLE_PLUGINS the user set is kept."""
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _end_now(code: int) -> None:
    """Flush what was printed and end the process at once (`os._exit`)."""
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: leave it to the interpreter's usual exit
        return
    os._exit(code)


def _main(command: str | None, args_list: list[str]) -> int:
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
