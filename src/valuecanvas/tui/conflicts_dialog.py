"""Resolving merge conflicts (`[[conflicts]]`) one by one: `o` keeps ours, `t` takes theirs.

A canvas that `valuecanvas merge-driver` left with conflicts opens with the first
one offered. The dialog only posts a `ConflictChoice` to the screen beneath; the
screen turns it into an ordinary, undoable edit (`valuecanvas.conflicts.resolve`)
and offers the next. Saving after the last one writes the file without the table.
"""

from __future__ import annotations

import contextlib
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from valuecanvas.conflicts import describe_value, where
from valuecanvas.edits import find
from valuecanvas.errors import EditError, printable
from valuecanvas.model import LISTS, Canvas, Conflict
from valuecanvas.reports.words import tr
from valuecanvas.tui.lang import lang_of, t

Side = Literal["ours", "theirs"]


class ConflictChoice(Message):
    """The user chose a side for conflict `index` (None: undo the last choice)."""

    def __init__(self, index: int, side: Side | None) -> None:
        super().__init__()
        self.index = index
        self.side = side

    @property
    def label(self) -> str:
        """How the edit is named in undo and notifications."""
        return f"{'keep ours' if self.side == 'ours' else 'take theirs'} (conflict)"


def _body(conflict: Conflict, lang: str = "en") -> str:
    keep, take = tr("o  keep ours", lang), tr("t  take theirs", lang)
    if conflict.field == "deleted":

        def outcome(side_deleted: object) -> str:
            return tr("the item is deleted" if side_deleted is True else "the item stays", lang)

        deleter, other = ("ours", "theirs") if conflict.ours is True else ("theirs", "ours")
        said = tr(
            "{item}: {deleter} deleted the item, {other} changed it (it is kept for now)",
            lang,
            item=" ".join(printable(p) for p in (conflict.list, conflict.id or "") if p),
            deleter=tr(deleter, lang),
            other=tr(other, lang),
        )
        return f"{said}\n\n{keep}: {outcome(conflict.ours)}\n{take}: {outcome(conflict.theirs)}"
    ours, theirs = tr("ours:", lang), tr("theirs:", lang)
    width = max(len(ours), len(theirs)) + 2
    return (
        f"{where(conflict)}\n\n"
        f"{ours:<{width}}{describe_value(conflict.ours)}\n"
        f"{theirs:<{width}}{describe_value(conflict.theirs)}\n\n"
        f"{keep}\n{take}"
    )


class ConflictScreen(ModalScreen[None]):
    """One conflict, answered by one key; escape leaves the rest for later."""

    def __init__(
        self, conflict: Conflict, left: int, target: Screen[None], about: str = ""
    ) -> None:
        super().__init__()
        self.conflict = conflict
        self.about = about  # the item's text, so the user knows which one it is
        self.left = left
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = t(self, "Merge conflict ({left} left to resolve)", left=self.left)
            yield Static(Content(title), classes="dialog-title")
            about = f"{self.about}\n\n" if self.about else ""
            body = _body(self.conflict, lang_of(self))
            yield Static(Content(about + body), classes="dialog-body")
            hint = t(self, "u  undo the last choice    escape  later (check lists what is left)")
            yield Static(Content(hint), classes="dialog-choices")

    def on_key(self, event: events.Key) -> None:
        side: Side | None
        if event.key == "o":
            side = "ours"
        elif event.key == "t":
            side = "theirs"
        elif event.key in ("u", "ctrl+z"):
            side = None
        elif event.key == "escape":
            event.stop()
            self.dismiss(None)
            return
        else:
            return
        event.stop()
        self.dismiss(None)
        self.target.post_message(ConflictChoice(0, side))


def offer_next(screen: Screen[None], canvas: Canvas, *, resolved_one: bool = False) -> None:
    """Offer the first conflict left in `canvas`, or say that all are resolved."""
    if canvas.conflicts:
        from valuecanvas.diff_text import one_line  # only a merged file with conflicts needs it

        first = canvas.conflicts[0]
        about = ""
        with contextlib.suppress(EditError):
            name, _, item = find(canvas, first.id or "")
            about = t(
                screen,
                "The {item} {id}: “{text}”",
                item=t(screen, LISTS[name].singular),
                id=first.id,
                text=one_line(item.label),
            )
        screen.app.push_screen(ConflictScreen(first, len(canvas.conflicts), screen, about))
    elif resolved_one:
        screen.notify(
            t(
                screen,
                "All merge conflicts resolved; save (ctrl+s) to write the file without them.",
            ),
            markup=False,
        )
