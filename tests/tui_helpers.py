"""Shared helpers for TUI tests: open the app on a copy of a sample, read the saved TOML."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

from valuecanvas import storage
from valuecanvas.document import Document
from valuecanvas.model import Canvas
from valuecanvas.tui.app import ValueCanvasApp

SAMPLES = Path(__file__).resolve().parent.parent / "sample_canvases"
SIZES = {"small": (80, 24), "large": (120, 40)}


def copy_sample(tmp_path: Path, name: str = "car-wash.toml") -> Path:
    """A private copy of a sample canvas, so a test may save over it."""
    target = tmp_path / name
    shutil.copyfile(SAMPLES / name, target)
    return target


def open_app(
    path: Path | None = None, canvas: Canvas | None = None, **kwargs: Any
) -> ValueCanvasApp:
    """The app on a file (loaded as the CLI does) or on an in-memory canvas."""
    if path is not None and path.exists():
        loaded = storage.load(path)
        document = Document(loaded.canvas, path, saved=loaded.canvas, loaded=loaded)
    else:
        document = Document(canvas or Canvas(title="Test canvas"), path, saved=None)
    return ValueCanvasApp(document, **kwargs)


def saved_toml(path: Path) -> dict[str, Any]:
    """The file as TOML data, to assert on what was written."""
    return tomllib.loads(path.read_text(encoding="utf-8"))
