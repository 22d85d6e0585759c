"""Writing an export to a file: the one path the command line and the TUI share.

An export never replaces the canvas it was made from, never replaces any other file
unless the caller says so (`--force`, or the TUI's confirmation), and is written
atomically (storage's writer), so a crash leaves the old file or the new one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from valuecanvas.errors import CanvasError, Problem
from valuecanvas.export import FORMATS, export
from valuecanvas.model import Canvas
from valuecanvas.storage.files import write_atomic


class OutputExists(CanvasError):
    """The output file exists and replacing it was not asked for."""


def default_path(canvas_path: Path | None, fmt: str, title: str = "") -> Path:
    """Beside the canvas, its name with the format's extension (`car-wash.md`).

    An untitled canvas exports to the current folder, named after its title
    (`weekly-car-wash.md`), or `untitled.md` without one.
    """
    extension = FORMATS[fmt].extension
    if canvas_path is not None:
        return canvas_path.with_suffix(extension)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-")
    return Path(f"{slug or 'untitled'}{extension}")


def exists(out: Path) -> bool:
    """True if writing `out` would replace something (a file, or a link, even a dangling one)."""
    return out.exists() or out.is_symlink()


def _same_file(out: Path, source: Path | None) -> bool:
    if source is None:
        return False
    try:
        return out.exists() and os.path.samefile(out, source)
    except OSError:
        return False


def write_export(
    canvas: Canvas, fmt: str, out: Path, *, source: Path | None = None, force: bool = False
) -> None:
    """Write `canvas` as `fmt` to `out` atomically.

    Raises `CanvasError` naming `out` and the fix: when `out` is the canvas file
    `source` itself (never replaced, not even with `force`), is a folder, or cannot be
    written; `OutputExists` when `out` exists and `force` is off.
    """
    if _same_file(out, source):
        assert source is not None
        example = f"{source.stem}{FORMATS[fmt].extension}"
        raise CanvasError(
            str(out),
            [Problem("", f"is the canvas itself; choose another output file (e.g. {example})")],
        )
    if out.is_dir():
        raise CanvasError(str(out), [Problem("", "is a folder; add a file name to the path")])
    if exists(out) and not force:
        raise OutputExists(
            str(out),
            [
                Problem(
                    "",
                    "already exists and was left as it is; add --force to replace it, "
                    "or choose another name",
                )
            ],
        )
    write_atomic(out, export(canvas, fmt).encode("utf-8"))
