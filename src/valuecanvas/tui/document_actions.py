"""The canvas screen's document actions: undo, redo, save, save as, settings, export,
merge conflicts.

A part of `MainScreen` (see `screen_parts`). Saving goes through the app's `Safety`
(tui/safety.py), which asks every question the save flow needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on

from valuecanvas import edits
from valuecanvas.conflicts import resolve
from valuecanvas.errors import CanvasError, EditError
from valuecanvas.reports.words import tr_label
from valuecanvas.tui.conflicts_dialog import ConflictChoice, offer_next
from valuecanvas.tui.export_dialog import Exported, ExportScreen
from valuecanvas.tui.form import CANVAS_FIELDS, FormScreen
from valuecanvas.tui.lang import t, t_error
from valuecanvas.tui.messages import RequestEdit
from valuecanvas.tui.screen_parts import ScreenPart


class DocumentActions(ScreenPart):
    """`u`, `ctrl+r`, `ctrl+s`, `S`, `ctrl+e`, `x`, and the merge-conflict choices."""

    def action_edit_canvas(self) -> None:
        canvas = self.document.canvas
        values = {f.name: getattr(canvas, f.name) for f in CANVAS_FIELDS}

        def apply(changes: dict[str, Any]) -> str | None:
            try:
                new = edits.update_canvas(self.document.canvas, changes)
            except EditError as exc:
                return t_error(self, exc)
            self.apply(new, "edit canvas settings")  # the title bar follows (refresh_views)
            return None

        def done(result: str | None) -> None:
            if result == "save":
                self.action_save()

        self.app.push_screen(
            FormScreen(t(self, "Canvas settings"), CANVAS_FIELDS, values, apply), done
        )

    def action_export(self) -> None:
        """`x`: the export dialog (tui/export_dialog.py); it posts `Exported` when written."""
        doc = self.document
        self.app.push_screen(ExportScreen(doc.canvas, doc.path, self))

    @on(RequestEdit)
    def _edit_requested(self, event: RequestEdit) -> None:
        """A view asks for a change: the screen owns the document, so it applies it."""
        event.stop()
        if self.run_edit(event.edit, event.label, event.focus) and event.note:
            self.notify(event.note, markup=False)

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        self.notify(event.note, markup=False)

    @on(ConflictChoice)
    def _conflict_choice(self, event: ConflictChoice) -> None:
        side = event.side
        if side is None:
            self.action_undo()
        else:
            self.run_edit(lambda c: resolve(c, event.index, side), event.label)
        offer_next(self, self.document.canvas, resolved_one=side is not None)

    def action_undo(self) -> None:
        self._step_history(self.document.undo, "Nothing to undo.", "Undone: {label}")

    def action_redo(self) -> None:
        self._step_history(self.document.redo, "Nothing to redo.", "Redone: {label}")

    def _step_history(self, step: Callable[[], str | None], nothing: str, done: str) -> None:
        """Undo or redo (`step`) one change, show it and say which."""
        label = step()
        if label is None:
            self.say(t(self, nothing))
            return
        self.show_document(self._focus_from(label))
        # In the detail row, not a toast: a toast lays the whole screen out again.
        self.say(t(self, done, label=tr_label(label, self.lang)))

    def _focus_from(self, label: str) -> str | None:
        """The item an undone or redone change was about ("delete p2" → p2), if it exists."""
        last = label.rsplit(" ", 1)[-1]
        return last if edits.list_of(self.document.canvas, last) else None

    def action_save(self, then: Callable[[], None] | None = None) -> None:
        if self._may_save():
            if self.document.path is None:
                self.vc_app.safety.save_as(then, title=t(self, "Save as (file name):"))
            else:
                self.vc_app.save_document(then)

    def action_save_as(self) -> None:
        """Save under another name (e.g. when this folder is read-only); edit that file."""
        if self._may_save():
            self.vc_app.safety.save_as(None, title=t(self, "Save as (file name):"))

    def _may_save(self) -> bool:
        """False (and says so) for a read-only canvas."""
        if self.vc_app.read_only:
            self.notify(
                t(self, "Read-only: saving is off for this canvas."),
                severity="warning",
                markup=False,
            )
        return not self.vc_app.read_only

    def save_error(self, exc: CanvasError) -> None:
        self.notify(
            "\n".join(exc.lines()),
            title=t(self, "Not saved"),
            severity="error",
            markup=False,
            timeout=10,
        )
