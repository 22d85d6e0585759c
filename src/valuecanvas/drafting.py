"""Drafting helpers of the core: a pasted brainstorm list becomes item texts, and many
items are added as one change (one undo step)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from valuecanvas.edits import add_item
from valuecanvas.model import Canvas, ListName

_BULLET = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s+")


def pasted_lines(text: str) -> list[str]:
    """One item text per pasted line: blank lines skipped, `- `, `* `, `• `, `1. `, `1) `
    bullets dropped, surrounding space stripped (notes and chats paste lists like that)."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BULLET.sub("", raw.strip(), count=1).strip()
        if line:
            out.append(line)
    return out


def add_items(
    canvas: Canvas, name: ListName, texts: Sequence[str], *, phase: str | None = None
) -> tuple[Canvas, list[str]]:
    """Add each text as an item at the end of the list; returns the canvas and the new ids."""
    ids: list[str] = []
    for text in texts:
        canvas, new_id = add_item(canvas, name, text, phase=phase)
        ids.append(new_id)
    return canvas, ids
