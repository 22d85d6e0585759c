"""Storage: the only code that touches files.

`load` reads, decodes, parses and validates a canvas file and remembers what it
looked like on disk; `save` writes a canvas atomically. Everything that can go
wrong becomes a `CanvasError` that names the file, the place and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from valuecanvas.errors import CanvasError, Problem
from valuecanvas.model import Canvas
from valuecanvas.storage.codec import canvas_from_bytes, canvas_to_text, decode, has_comments
from valuecanvas.storage.files import Fingerprint, read_with_fingerprint, write_atomic


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
    canvas = canvas_from_bytes(data, str(path))
    return Loaded(canvas, path, has_comments(decode(data, str(path))), print_)


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


__all__ = ["Fingerprint", "Loaded", "create_new", "dumps", "load", "save"]
