"""`valuecanvas diff OLD NEW` and `valuecanvas diff FILE [--against REV]` (collaboration.md).

The older canvas comes from a second file or from git (`git show REV:FILE`); the
comparison itself is `valuecanvas.diff`, the text `valuecanvas.diff_text`.
Exit 0 whether or not the files differ, 1 when a file cannot be read or is
invalid, 2 for wrong usage.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from valuecanvas.errors import CanvasError, Problem, safe
from valuecanvas.model import Canvas


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=60
    )


def _fail(path: Path, message: str) -> CanvasError:
    return CanvasError(str(path), [Problem("", message)])


def canvas_at(path: Path, rev: str) -> Canvas:
    """FILE as it was at git revision REV, read with `git show`; CanvasError if it cannot be."""
    from valuecanvas.storage.codec import canvas_from_bytes

    folder = path.parent if str(path.parent) else Path(".")
    shown = safe(rev)
    if rev.startswith("-") or not rev.strip():
        raise _fail(path, f"'{shown}' is not a git revision; give a commit, branch or tag")
    try:
        inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        raise _fail(path, "git is not installed here; compare two files: diff OLD NEW") from None
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        raise _fail(
            path,
            "is not in a git repository, so there is no revision to compare with; "
            "compare two files instead: valuecanvas diff OLD NEW",
        )
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise _fail(path, f"git revision '{shown}' does not exist in this repository (see git log)")
    shown_file = _git(folder, "show", f"{rev}:./{path.name}")
    if shown_file.returncode != 0:
        raise _fail(
            path,
            f"is not in revision {shown} (a new or untracked file?); there is nothing to "
            "compare with — commit it first, or give another revision with --against",
        )
    return canvas_from_bytes(shown_file.stdout, f"{path} at {shown}")


def run(args: argparse.Namespace) -> int:
    from valuecanvas.diff import diff
    from valuecanvas.diff_text import diff_text
    from valuecanvas.storage import load

    files = [Path(f) for f in args.files]
    if len(files) > 2 or (len(files) == 2 and args.against is not None):
        sys.stderr.write(
            "valuecanvas diff: give two files (diff OLD NEW) or one file and a revision "
            "(diff FILE --against REV)\n"
        )
        return 2
    try:
        if len(files) == 2:
            old_name, new_name = str(files[0]), str(files[1])
            old = load(files[0]).canvas
        else:
            rev = args.against if args.against is not None else "HEAD"
            old_name, new_name = f"{files[0]} at {rev}", f"{files[0]} (working copy)"
            old = canvas_at(files[0], rev)
        new = load(files[-1]).canvas
    except CanvasError as exc:
        for line in exc.lines():
            sys.stderr.write(line + "\n")
        return 1
    result = diff(old, new)
    if args.json:
        sys.stdout.write(json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\n".join(diff_text(result, old_name, new_name)) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="valuecanvas diff",
        description=(
            "Compare two canvases by id: fields, items added, removed, changed and moved, "
            "links, and the fit before and after. With one FILE, compare it with the file "
            "at git revision REV (default HEAD)."
        ),
        usage="valuecanvas diff OLD NEW [--json]\n       valuecanvas diff FILE [--against REV] [--json]",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="OLD NEW, or one FILE")
    p.add_argument("--against", metavar="REV", help="the git revision to compare FILE with")
    p.add_argument("--json", action="store_true", help="print the changes as JSON")
    p.set_defaults(run=run)
    return p
