"""Small modal questions: a one-line prompt and a choice of keys.

Each shows user text through `Content` (never markup) and leaves with `escape`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from valuecanvas.errors import EditError
from valuecanvas.tui.lang import t, t_error

Check = Callable[[str], str | None]
"""Returns an error message to show (the prompt stays open), or None to accept; an
`EditError` it raises is shown the same way, in the app's language."""


def edit_check(edit: Callable[[str], object]) -> Check:
    """A check that tries the edit an answer would make and shows why it is refused."""

    def check(text: str) -> str | None:
        edit(text)  # an EditError is shown by the prompt, in the app's language
        return None

    return check


class PromptScreen(ModalScreen[str | None]):
    """A one-line prompt: `enter` accepts, `escape` cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        *,
        value: str = "",
        placeholder: str = "",
        check: Check | None = None,
        hint: str = "enter accepts · escape cancels",
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder
        self.check = check
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(t(self, self.prompt_title)), classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(Content(""), classes="dialog-error", id="prompt-error")
            yield Static(Content(t(self, self.hint)), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            problem = self.check(event.value) if self.check else None
        except EditError as exc:
            problem = t_error(self, exc)
        if problem:
            self.query_one("#prompt-error", Static).update(Content(problem))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """A question answered by one key (`s` save, `d` discard …); `escape` answers None."""

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.question_title = title
        self.message = message
        self.choices = tuple(choices)
        self._keys = {key for key, _ in self.choices}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(t(self, self.question_title)), classes="dialog-title")
            yield Static(Content(t(self, self.message)), classes="dialog-body")
            lines = [f"{key}  {label}" for key, label in self.choices]
            lines.append(t(self, "escape  stay / cancel"))
            yield Static(Content("\n".join(lines)), classes="dialog-choices")

    def on_key(self, event: events.Key) -> None:
        if event.key in self._keys:
            event.stop()
            self.dismiss(event.key)
        elif event.key == "escape":
            event.stop()
            self.dismiss(None)
