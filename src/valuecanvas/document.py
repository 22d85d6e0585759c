"""An open canvas: the current state, where it lives, and its undo history.

Because canvases are immutable, history is a list of earlier canvases (they
share unchanged items), undo and redo are O(1), and "unsaved changes" is a
comparison with the canvas as last read or written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from valuecanvas.model import Canvas

if TYPE_CHECKING:
    from valuecanvas.storage import Fingerprint, Loaded


@dataclass
class Document:
    canvas: Canvas
    path: Path | None = None
    saved: Canvas | None = None
    undo_stack: list[tuple[Canvas, str]] = field(default_factory=list)
    redo_stack: list[tuple[Canvas, str]] = field(default_factory=list)
    loaded: Loaded | None = None  # how the file looked when read: comments, fingerprint
    fingerprint: Fingerprint | None = None
    """The file as we last read or wrote it: a save first checks nobody changed it since."""
    has_comments: bool = False
    """The file on disk has TOML comments that our next save would drop (asked first)."""
    recovery: Path | None = None
    """The recovery file this session answers for (restored from, or written on a signal):
    removed after a successful save or a quit without saving."""

    def __post_init__(self) -> None:
        if self.loaded is not None:
            if self.fingerprint is None:
                self.fingerprint = self.loaded.fingerprint
            self.has_comments = self.has_comments or self.loaded.has_comments

    def apply(self, new: Canvas, label: str = "edit") -> bool:
        """Make `new` current, remembering the old one; False when nothing changed."""
        if new is self.canvas:
            return False
        self.undo_stack.append((self.canvas, label))
        self.redo_stack.clear()
        self.canvas = new
        return True

    def undo(self) -> str | None:
        """Step back one change; returns what was undone, or None at the start."""
        if not self.undo_stack:
            return None
        previous, label = self.undo_stack.pop()
        self.redo_stack.append((self.canvas, label))
        self.canvas = previous
        return label

    def redo(self) -> str | None:
        """Step forward one undone change; returns what was redone, or None."""
        if not self.redo_stack:
            return None
        following, label = self.redo_stack.pop()
        self.undo_stack.append((self.canvas, label))
        self.canvas = following
        return label

    @property
    def dirty(self) -> bool:
        """True while the canvas differs from the one on disk (or was never saved)."""
        if self.saved is None:
            return True
        return self.canvas is not self.saved and self.canvas != self.saved

    def mark_saved(self, path: Path | None = None, fingerprint: Fingerprint | None = None) -> None:
        """The current canvas is what is on disk now (after a save or a reload)."""
        if path is not None:
            self.path = path
        if fingerprint is not None:
            self.fingerprint = fingerprint
            self.has_comments = False  # what we wrote has none
        self.saved = self.canvas
