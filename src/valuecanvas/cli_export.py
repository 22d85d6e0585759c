"""`valuecanvas export` and `valuecanvas schema` (export.md): parsers and commands.

Kept apart from cli.py so each subcommand lives in its own module; cli.py only
registers them. Writing uses storage's atomic writer, and an existing file is never
replaced without `--force` (nor ever the canvas itself).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from valuecanvas.errors import CanvasError, printable


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def cmd_export(args: argparse.Namespace) -> int:
    from valuecanvas.export import FORMATS, export
    from valuecanvas.storage import load
    from valuecanvas.storage.files import write_atomic

    source = Path(args.file)
    try:
        canvas = load(source).canvas
    except CanvasError as exc:
        for line in exc.lines():
            _err(line)
        _err(
            f"{printable(str(source))}: not exported; fix the problems above (valuecanvas check {printable(str(source))})"
        )
        return 1
    text = export(canvas, args.to)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    shown = printable(str(out))
    try:
        same = out.exists() and os.path.samefile(out, source)
    except OSError:
        same = False
    if same:
        _err(
            f"{shown}: is the canvas itself; choose another output file (e.g. {printable(source.stem)}{FORMATS[args.to].extension})"
        )
        return 1
    if (out.exists() or out.is_symlink()) and not args.force:
        _err(
            f"{shown}: already exists and was left as it is; add --force to replace it, or choose another name"
        )
        return 1
    try:
        write_atomic(out, text.encode("utf-8"))
    except CanvasError as exc:
        for line in exc.lines():
            _err(line)
        return 1
    _err(f"{shown}: written ({args.to})")
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
