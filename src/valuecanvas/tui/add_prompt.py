"""The add prompt: a one-line input that stays open for the next item, and turns a
pasted list (several lines) into one message, so the screen adds one item per line."""

from __future__ import annotations

from textual import events
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
