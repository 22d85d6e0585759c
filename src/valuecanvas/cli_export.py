"""`valuecanvas export` and `valuecanvas schema` (export.md): parsers and commands.

Kept apart from cli.py so each subcommand lives in its own module; cli.py only
registers them. Writing uses storage's atomic writer, and an existing file is never
replaced without `--force` (nor ever the canvas itself).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from valuecanvas.errors import CanvasError, safe


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def cmd_export(args: argparse.Namespace) -> int:
    from valuecanvas.export import export
    from valuecanvas.export.write import write_export
    from valuecanvas.storage import load

    source = Path(args.file)
    if args.textconv and args.output is not None:
        _err("valuecanvas export: --textconv writes to standard output; leave out -o")
        return 2
    try:
        canvas = load(source).canvas
    except CanvasError as exc:
        if args.textconv:
            return _plain_text(source, exc)
        for line in exc.lines():
            _err(line)
        _err(
            f"{safe(str(source))}: not exported; fix the problems above (valuecanvas check {safe(str(source))})"
        )
        return 1
    if args.output is None:
        sys.stdout.write(export(canvas, args.to))
        return 0
    out = Path(args.output)
    try:
        write_export(canvas, args.to, out, source=source, force=args.force)
    except CanvasError as exc:
        for line in exc.lines():
            _err(line)
        return 1
    _err(f"{safe(str(out))}: written ({args.to})")
    return 0


_LINE_PARTS = re.compile(r"(\r?\n|\t)")


def _terminal_text(text: str) -> str:
    """`text` with every control character escaped (`errors.safe`) but tabs and line ends."""
    return "".join(
        part if _LINE_PARTS.fullmatch(part) else safe(part, None)
        for part in _LINE_PARTS.split(text)
    )


def _plain_text(source: Path, exc: CanvasError) -> int:
    """`--textconv` on a file that is not a valid canvas: a one-line note, then its own text.

    Git runs the textconv on every revision it diffs; a failing one makes `git diff`
    stop with "unable to read files to diff". So an old revision that was never a valid
    canvas (a half-written file, conflict markers, another TOML file) still diffs — as
    text, under a note that says why. Exit 0 whatever happens.
    """
    first = exc.problems[0] if exc.problems else None
    reason = ""
    if first is not None:
        where = first.where()
        reason = f" ({safe(where, 80) + ': ' if where else ''}{safe(first.message, 120)}"
        more = len(exc.problems) - 1
        reason += f"; {more} more problem{'s' if more != 1 else ''})" if more else ")"
    try:
        data = source.read_bytes()
    except OSError as err:
        sys.stdout.write(
            f"valuecanvas: not a valid canvas{reason}; cannot read it: {safe(str(err))}\n"
        )
        return 0
    sys.stdout.write(f"valuecanvas: not a valid canvas{reason}; its text as it is:\n")
    sys.stdout.write(_terminal_text(data.decode("utf-8", errors="replace")))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from valuecanvas.export.schema import schema

    sys.stdout.write(json.dumps(schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def export_parser() -> argparse.ArgumentParser:
    from valuecanvas.export import FORMATS

    formats = "\n".join(f"  {f.name:<8} {f.description}" for f in FORMATS.values())
    p = argparse.ArgumentParser(
        prog="valuecanvas export",
        description="Export a canvas for people who are not in a terminal.",
        epilog=f"formats:\n{formats}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="the canvas file")
    p.add_argument("--to", required=True, choices=list(FORMATS), help="the format")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT (default: standard output)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.add_argument(
        "--textconv",
        action="store_true",
        help="for git's diff (set by git-setup): a file that is not a valid canvas is "
        "printed as its own text under a one-line note, with exit 0, instead of failing",
    )
    p.set_defaults(run=cmd_export)
    return p


def schema_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="valuecanvas schema",
        description="Print the JSON Schema (draft 2020-12) of the canvas file format, "
        "for editors (Taplo / Even Better TOML) and other tools.",
    )
    p.set_defaults(run=cmd_schema)
    return p
