"""The add prompt: a one-line input that stays open for the next item, and turns a
pasted list (several lines) into one message, so the screen adds one item per line.

It takes keys without taking the focus. In Textual a focus change restyles the
screen (`:focus`, `:focus-within`), republishes every binding to the key bar and
lays the screen out again: on a 5,000-item canvas that made `a` → prompt a 100-250
ms affair. So the pane keeps the focus (and its look) while the prompt is open,
and the app hands each typed key to `type_key`, which does what Textual does for
the focused widget: a printable key goes to the Input's own key handler, any
other key to the first binding for it from the prompt up to the app (the Input's
editing keys, then the screen's `escape`, then the app's). So every editing key
of Input works as usual, and keys still arrive in the order typed (tui/key_order).
"""

from __future__ import annotations

from typing import Self

from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Input

from valuecanvas.drafting import pasted_lines


class AddPrompt(Input):
    """`enter` submits (the screen adds and clears it); a multi-line paste posts `Pasted`."""

    class Pasted(Message):
        """Several lines were pasted: each is an item text (bullets and blanks gone)."""

        def __init__(self, prompt: AddPrompt, texts: list[str]) -> None:
            super().__init__()
            self.prompt = prompt
            self.texts = texts

        @property
        def control(self) -> AddPrompt:
            return self.prompt

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False  # a steady cursor: no repaint twice a second
        self.typing = False

    def open(self) -> None:
        """Show the cursor as if focused; the pane keeps the real focus."""
        self.typing = True
        self.value = ""
        # has_focus drives Input's cursor; set without its watcher (which would restyle)
        self.set_reactive(Input.has_focus, True)
        self._cursor_visible = True
        self.refresh()

    def close(self) -> None:
        self.typing = False
        self.set_reactive(Input.has_focus, self.screen.focused is self)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """No layout of the screen for a new text: Input asks for one on every key (its
        scroll range follows the text), but the prompt is one row, as wide as its bar,
        whatever it holds; the scroll range is updated here instead."""
        if layout and self.is_mounted and self.container_size:
            layout = False
            self._scroll_update(self.virtual_size)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    async def type_key(self, event: events.Key | events.Paste) -> None:
        """Handle a key (or paste) as Textual would if this prompt had the focus."""
        if isinstance(event, events.Paste) or event.is_printable:
            self._forward_event(event)  # Input's (and our) handlers: insert / paste
            return
        for node in self.ancestors_with_self:  # the prompt, its bar, the screen, the app
            for binding in node._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, node):
                    return

    def _on_paste(self, event: events.Paste) -> None:
        texts = pasted_lines(event.text)
        if len(texts) < 2 and "\n" not in event.text.strip("\r\n"):
            return  # one line: Input inserts it at the cursor
        event.prevent_default()
        event.stop()
        if len(texts) < 2:
            self.insert_text_at_cursor(texts[0] if texts else "")
            return
        if self.value.strip():  # text typed before the paste belongs to its first line
            texts[0] = self.value.rstrip() + " " + texts[0]
        self.post_message(self.Pasted(self, texts))
