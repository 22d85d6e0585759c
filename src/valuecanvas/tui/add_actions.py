"""The canvas screen's add prompt (`a`) and delete (`d`): the drafting loop's two keys.

A part of `MainScreen` (see `screen_parts`). The prompt never takes the focus: the
pane keeps it and the app hands typed keys to the prompt (`add_prompt.py`), so opening
it re-lays out nothing but the bottom row. It stays open after `enter`; a pasted list
adds one item per line as one undo step.
"""

from __future__ import annotations

from textual import events, on
from textual.content import Content
from textual.widgets import Input, Label

from valuecanvas import edits
from valuecanvas.drafting import add_items
from valuecanvas.errors import EditError
from valuecanvas.model import LISTS, ListName
from valuecanvas.tui.add_prompt import AddPrompt
from valuecanvas.tui.item_list import one_line
from valuecanvas.tui.lang import t, t_error
from valuecanvas.tui.screen_parts import ScreenPart


class AddActions(ScreenPart):
    """`a` (the add prompt: enter, paste, escape) and `d` on the focused item."""

    _adding: tuple[ListName, str | None] | None = None  # the add prompt: list, phase

    def action_add_item(self) -> None:
        """`a`: the one-line prompt at the bottom (no dialog: the lists stay in view).

        The pane keeps the focus; the app hands typed keys to the prompt (add_prompt.py):
        no focus change, so nothing is restyled or laid out again but the bottom row.
        """
        current = self.current_list()
        if current is None:
            return
        name = current.list_name
        phase = None
        if LISTS[name].phased and (step := current.current_item) is not None:
            phase = step.phase
        self._adding = (name, phase)
        where = f" ({phase})" if phase else ""
        label = t(self, "New {item}{where}: ", item=t(self, LISTS[name].singular), where=where)
        self.query_one("#add-label", Label).update(Content(label))
        self.add_prompt.open()
        self._bottom_row("#add-bar")
        if not current.has_focus:
            current.focus()

    @property
    def add_prompt(self) -> AddPrompt:
        return self.query_one("#add-box", AddPrompt)

    @on(Input.Submitted, "#add-box")
    def _add_submitted(self, event: Input.Submitted) -> None:
        """`enter`: add the item and keep the prompt open; on an empty prompt, close it."""
        event.stop()
        if self._adding is None:
            return
        if not event.value.strip():
            self._close_add()
            return
        self._add_texts([event.value])

    @on(AddPrompt.Pasted)
    def _add_pasted(self, event: AddPrompt.Pasted) -> None:
        """A pasted list: one item per line, one undoable change."""
        event.stop()
        if self._adding is not None:
            self._add_texts(event.texts)

    def _add_texts(self, texts: list[str]) -> None:
        assert self._adding is not None
        name, phase = self._adding
        try:
            new, ids = add_items(self.document.canvas, name, texts, phase=phase)
        except EditError as exc:
            self.notify(t_error(self, exc), severity="error", markup=False)
            return
        label = f"add {ids[0]}" if len(ids) == 1 else f"add {len(ids)} items, last {ids[-1]}"
        if self.apply(new, label, focus=ids[-1]):
            self.add_prompt.value = ""
            if self.lists[name].current_id != ids[-1]:
                self.lists[name].focus_item(ids[-1])  # clears a filter that would hide it

    def _bottom_row(self, shown: str) -> None:
        """Show one of the rows that share the line above the footer (same height: no resize)."""
        for row in ("#detail", "#add-bar", "#filter"):
            self.query_one(row).display = row == shown

    def _close_add(self) -> None:
        self._bottom_row("#detail")
        self.add_prompt.close()
        if self._adding is not None:
            pane = self.lists[self._adding[0]]
            if not pane.has_focus and self.focused is None:
                pane.focus()
        self._adding = None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focus left the pane being added to (`tab`, a view key): the prompt closes."""
        if self._adding is not None and event.widget is not self.lists[self._adding[0]]:
            self._close_add()

    @property
    def adding(self) -> bool:
        """True while the add prompt is open."""
        return self._adding is not None

    def action_delete_item(self) -> None:
        target = self.focused_item()
        if target is None:
            return
        current, item_id = target
        label = one_line(current.current_item.label)
        links = len(edits.linked_ids(self.document.canvas, item_id))
        if self.run_edit(lambda c: edits.delete_item(c, item_id), f"delete {item_id}"):
            also = t(self, " and {count} link" if links == 1 else " and {count} links", count=links)
            note = t(
                self,
                "Deleted {id} “{text}”{also} — u undoes it",
                id=item_id,
                text=label[:40],
                also=also if links else "",
            )
            self.say(note)
