"""What views tell the screen: they ask, the screen (which owns the document) acts.

A view never calls the screen or the app to change the document; it posts one of
these to the screen, so every change goes through one place (undo, read-only,
the fit, the title bar) and the views stay free of the screen's type.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from valuecanvas.model import Canvas


class RequestEdit(Message):
    """Apply `edit` to the current canvas as one undoable change labelled `label`.

    `focus`: the item to put the cursor on afterwards; `note`: what to tell the user
    when the change was made (an edit that fails shows its own message instead).
    """

    def __init__(
        self,
        edit: Callable[[Canvas], Canvas],
        label: str,
        focus: str | None = None,
        note: str = "",
    ) -> None:
        super().__init__()
        self.edit = edit
        self.label = label
        self.focus = focus
        self.note = note
