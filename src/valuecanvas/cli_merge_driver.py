"""`valuecanvas merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for canvases.

Git calls it as `%O %A %B %P` and reads the result from OURS. A clean merge exits 0;
recorded conflicts exit 1 (git marks the file conflicted and the `[[conflicts]]`
table says what to choose). Files that are not canvases go to `git merge-file`, so
`*.toml` can be given to this driver safely. An invalid canvas is never merged:
OURS stays byte for byte as it was, the problem is printed and git sees a conflict.
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from valuecanvas.errors import CanvasError, Problem, safe
from valuecanvas.model import FORMAT, LIST_NAMES, Canvas
from valuecanvas.rules import rule_breaks

Kind = Literal["canvas", "other", "empty"]
_CANVAS_KEYS = frozenset({*LIST_NAMES, "journey"})
_LOOKS_LIKE_CANVAS = re.compile(
    r"^\s*(format\s*=\s*[\"']valuecanvas/|\[\[\s*(jobs|pains|gains|products|pain_relievers|"
    r"gain_creators|personas|journey\.steps)\s*\]\])",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Side:
    """One of the three files: its text, its TOML table if it parses, and its kind."""

    text: str
    table: dict[str, Any] | None
    kind: Kind


def read_side(data: bytes) -> Side:
    """Whether a side is a canvas (valid or not), something else, or empty; parsed once."""
    text = data.decode("utf-8", errors="replace")
    if not data.strip():
        return Side(text, None, "empty")
    try:
        table = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return Side(text, None, "canvas" if _LOOKS_LIKE_CANVAS.search(text) else "other")
    fmt = table.get("format")
    if isinstance(fmt, str) and fmt.startswith("valuecanvas/"):
        return Side(text, table, "canvas")
    return Side(text, table, "canvas" if _CANVAS_KEYS.intersection(table) else "other")


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")


def merge_file(base: Path, ours: Path, theirs: Path, label: str) -> int:
    """A plain line merge by `git merge-file` into OURS; 0 clean, 1 conflicts or failure."""
    argv = ["git", "merge-file", "-L", f"{label} (ours)", "-L", f"{label} (base)"]
    argv += ["-L", f"{label} (theirs)", str(ours), str(base), str(theirs)]
    try:
        done = subprocess.run(argv, check=False, timeout=120)
    except FileNotFoundError:
        _say(f"{label}: not a canvas, and git merge-file is not available; merge it by hand")
        return 1
    return 0 if done.returncode == 0 else 1


def _read(path: Path, label: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CanvasError(
            label,
            [Problem("", f"cannot be read: {safe(str(exc.strerror or exc))}; merge it by hand")],
        ) from None


def _canvas(data: bytes, side: Side, source: str) -> Canvas:
    """The side's canvas (CanvasError if invalid); an empty side is an empty canvas."""
    from valuecanvas.storage.codec import canvas_from_bytes, canvas_from_parsed

    if side.kind == "empty":
        return Canvas.model_construct(format=FORMAT, title="")
    if side.table is None:  # not TOML: the full check words the error
        return canvas_from_bytes(data, source)
    return canvas_from_parsed(side.table, side.text.removeprefix("\ufeff"), source)


def run(args: argparse.Namespace) -> int:
    from valuecanvas.merge import merge
    from valuecanvas.storage import save
    from valuecanvas.storage.codec import has_comments

    base, ours, theirs = Path(args.base), Path(args.ours), Path(args.theirs)
    label = safe(args.path or str(ours))
    untouched = f"{label}: not merged; ours is left as it was — fix the problem above, then merge again or resolve it by hand"
    try:
        raw = {
            "base": _read(base, f"{label} (base)"),
            "ours": _read(ours, f"{label} (ours)"),
            "theirs": _read(theirs, f"{label} (theirs)"),
        }
        sides = {name: read_side(data) for name, data in raw.items()}
        kinds = {side.kind for side in sides.values()}
        if "canvas" not in kinds or "other" in kinds:
            return merge_file(base, ours, theirs, label)
        canvases = {
            name: _canvas(raw[name], side, f"{label} ({name})") for name, side in sides.items()
        }
    except CanvasError as exc:
        for line in exc.lines():
            _say(line)
        _say(untouched)
        return 1
    result = merge(canvases["base"], canvases["ours"], canvases["theirs"])
    breaks = rule_breaks(result.canvas)
    if breaks:  # a merge must never write an invalid canvas
        problems = [Problem(b.place, b.message) for b in breaks]
        for line in CanvasError(f"{label} (merged)", problems).lines():
            _say(line)
        _say(untouched)
        return 1
    if result.canvas != canvases["ours"]:  # else ours already is the result: keep its bytes
        try:
            save(result.canvas, ours)
        except CanvasError as exc:
            for line in exc.lines():
                _say(line)
            return 1
        if has_comments(sides["ours"].text):
            _say(
                f"{label}: merged by id and written as valuecanvas saves it, so the comments "
                "in ours were not kept (they are still in git's history)"
            )
    renamed = list(result.renamed.items())
    for old, new in renamed[:10]:
        _say(f"{label}: both branches added '{old}'; theirs is now '{new}'")
    if len(renamed) > 10:
        _say(f"{label}: … and {len(renamed) - 10} more of theirs renumbered the same way")
    if result.clean:
        return 0
    count = len(result.canvas.conflicts)
    _say(
        f"{label}: merged by id with {count} conflict{'s' if count != 1 else ''} recorded in "
        f"[[conflicts]] (ours kept for now); resolve them (o keeps ours, t takes theirs) "
        f"with: valuecanvas {shlex.quote(label)} — then git add it"
    )
    return 1


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="valuecanvas merge-driver",
        description=(
            "Git's merge driver for canvases (set up by 'valuecanvas git-setup'): a three-way "
            "merge by id, written into OURS. Exit 0 clean, 1 conflicts."
        ),
    )
    p.add_argument("base", metavar="BASE", help="the common ancestor (%%O)")
    p.add_argument("ours", metavar="OURS", help="our version; the result is written here (%%A)")
    p.add_argument("theirs", metavar="THEIRS", help="their version (%%B)")
    p.add_argument("path", metavar="PATH", nargs="?", help="the file's name in the repo (%%P)")
    p.set_defaults(run=run)
    return p
