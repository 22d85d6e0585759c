"""The canvas screen's item actions: edit (the form), move, level, kind, link, filter.

A part of `MainScreen` (see `screen_parts`): each key becomes one pure edit of
`valuecanvas.edits` run through the screen's `run_edit` / `apply` (one undo step,
read-only respected, every pane refreshed).
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.widgets import Input

from valuecanvas import edits
from valuecanvas.errors import EditError
from valuecanvas.model import LISTS
from valuecanvas.tui.form import FormScreen, item_fields
from valuecanvas.tui.lang import t, t_error
from valuecanvas.tui.screen_parts import ScreenPart


class ItemActions(ScreenPart):
    """`e`, `shift+↑/↓`, `+`/`-`, `t`/`T`, `l`, `/` on the focused item or list."""

    def action_edit_item(self) -> None:
        target = self.focused_item()
        if target is None:
            return
        current, item_id = target
        item = current.current_item
        canvas = self.document.canvas
        fields = item_fields(current.list_name, canvas)
        values = {f.name: getattr(item, f.name) for f in fields}

        def apply(changes: dict[str, Any]) -> str | None:
            try:
                new = edits.update_item(self.document.canvas, item_id, changes)
            except EditError as exc:
                return t_error(self, exc)
            self.apply(new, f"edit {item_id}", focus=item_id)
            return None

        def done(result: str | None) -> None:
            current.focus()
            if result == "save":
                self.action_save()

        title = t(
            self, "Edit {item} {id}", item=t(self, LISTS[current.list_name].singular), id=item_id
        )
        self.app.push_screen(FormScreen(title, fields, values, apply), done)

    def action_move_item(self, delta: int) -> None:
        if (target := self.focused_item()) is not None:
            _, item_id = target
            self.run_edit(
                lambda c: edits.move_item(c, item_id, delta), f"move {item_id}", focus=item_id
            )

    def action_shift_level(self, delta: int) -> None:
        if (target := self.focused_item()) is not None:
            _, item_id = target
            self.run_edit(
                lambda c: edits.shift_level(c, item_id, delta), f"level {item_id}", focus=item_id
            )

    def action_cycle_kind(self, delta: int = 1) -> None:
        """`t` / `T`: the next / previous kind."""
        if (target := self.focused_item()) is not None:
            _, item_id = target
            self.run_edit(
                lambda c: edits.cycle_kind(c, item_id, delta), f"kind {item_id}", focus=item_id
            )

    def action_link(self) -> None:
        target = self.focused_item()
        if target is None:
            return
        current, item_id = target
        from valuecanvas.tui.link_picker import open_link_picker

        canvas, read_only = self.document.canvas, self.vc_app.read_only
        open_link_picker(current, canvas, current.list_name, item_id, read_only=read_only)

    def action_filter(self) -> None:
        current = self.current_list()
        if current is None:
            return
        box = self.query_one("#filter", Input)
        self._bottom_row("#filter")
        box.value = current.filter_text
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.lists[self.last_list].set_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_filter(keep=True)

    def _close_filter(self, keep: bool) -> None:
        target = self.lists[self.last_list]
        if not keep:
            target.set_filter("")
        self._bottom_row("#detail")
        target.focus()

    def action_clear_filter(self) -> None:
        """`escape`: close the add prompt or the filter bar, else clear the list's filter."""
        if self.adding:
            self._close_add()
            return
        box = self.query_one("#filter", Input)
        if box.display:
            self._close_filter(keep=False)
        elif (current := self.current_list()) is not None and current.filter_text:
            current.set_filter("")
