"""`x`: export the canvas from the TUI — pick a format, then a path (export.md).

The dialog writes through `valuecanvas.export.write`, the same registry and atomic
writer as `valuecanvas export -o`, so a file written here equals the command's output
for the same canvas. It exports what is on screen, unsaved changes included. An
existing file is replaced only after `o` in a confirmation; the canvas itself never.
Read-only mode may export: the canvas file is not touched, another file is written.
Errors stay in the dialog as a message (escaped), never a traceback; when the file is
written the dialog closes and posts `Exported` to the screen beneath, which tells the user.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from valuecanvas.errors import CanvasError, safe
from valuecanvas.export import FORMATS
from valuecanvas.export.write import OutputExists, default_path, write_export
from valuecanvas.model import Canvas
from valuecanvas.tui.dialogs import ChoiceScreen
from valuecanvas.tui.lang import t


class Exported(Message):
    """An export was written; `note` says what and where (in the user's language)."""

    def __init__(self, path: Path, fmt: str, note: str) -> None:
        super().__init__()
        self.path = path
        self.fmt = fmt
        self.note = note


class ExportScreen(ModalScreen[None]):
    """Format list, then the path; `enter` writes, `escape` cancels (nothing written)."""

    DEFAULT_CSS = """
    ExportScreen #export-formats {
        height: auto;
        max-height: 7;
        margin-bottom: 1;
    }
    ExportScreen .export-label {
        color: $text-muted;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, canvas: Canvas, source: Path | None, target: Screen[None]) -> None:
        super().__init__()
        self.canvas = canvas
        self.source = source  # the canvas file: the default path is beside it
        self.target = target  # gets `Exported`
        self.formats = list(FORMATS)
        self.fmt = self.formats[0]

    def w(self, text: str, /, **values: object) -> str:
        """`text` in the app's language (the words live in `reports.words`)."""
        return t(self, text, **values)

    def default_for(self, fmt: str) -> str:
        return str(default_path(self.source, fmt, self.canvas.title))

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Content(f"{n}  {f.name:<8} {self.w(f.description)}"),
                id=f.name,
            )
            for n, f in enumerate(FORMATS.values(), 1)
        ]
        with Vertical(classes="dialog"):
            yield Static(Content(self.w("Export the canvas")), classes="dialog-title")
            yield Static(Content(self.w("Format (↑ ↓ or 1-5, enter)")), classes="export-label")
            yield OptionList(*options, id="export-formats")
            yield Static(Content(self.w("Path (enter writes)")), classes="export-label")
            yield Input(value=self.default_for(self.fmt), id="export-path", select_on_focus=False)
            yield Static(Content(""), classes="dialog-error", id="export-error")
            hint = "Unsaved changes are exported too · tab switches · escape cancels"
            yield Static(Content(self.w(hint)), classes="dialog-hint")

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        formats.highlighted = 0
        formats.focus()

    # ------------------------------------------------------------ choosing

    @on(OptionList.OptionHighlighted)
    def _format_changed(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        new = event.option.id or self.fmt
        if new == self.fmt:
            return
        box = self.query_one("#export-path", Input)
        old_ext, new_ext = FORMATS[self.fmt].extension, FORMATS[new].extension
        if box.value == self.default_for(self.fmt):
            box.value = self.default_for(new)
        elif box.value.endswith(old_ext):  # a path of the user's: only the extension follows
            box.value = box.value[: -len(old_ext)] + new_ext
        self.fmt = new
        self._error("")

    @on(OptionList.OptionSelected)
    def _format_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._to_path()

    def on_key(self, event: events.Key) -> None:
        """`1`-`5` in the format list: that format, then the path."""
        formats = self.query_one(OptionList)
        if formats.has_focus and event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.formats):
                event.stop()
                event.prevent_default()
                formats.highlighted = index
                self._to_path()

    def _to_path(self) -> None:
        box = self.query_one("#export-path", Input)
        box.focus()
        box.cursor_position = len(box.value)

    # ------------------------------------------------------------ writing

    def _error(self, text: str) -> None:
        self.query_one("#export-error", Static).update(Content(text))

    @on(Input.Submitted, "#export-path")
    def _path_given(self, event: Input.Submitted) -> None:
        event.stop()
        self.write(force=False)

    def write(self, *, force: bool) -> None:
        """Write the chosen format to the typed path (asking before replacing a file)."""
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._error(self.w("Type a path, e.g. {example}", example=self.default_for(self.fmt)))
            return
        try:
            out = Path(text).expanduser()
        except RuntimeError:  # `~nobody/…`: no such user; take the path as typed
            out = Path(text)
        fmt = self.fmt
        try:
            write_export(self.canvas, fmt, out, source=self.source, force=force)
        except OutputExists:
            self._confirm(out, fmt)
            return
        except CanvasError as exc:
            self._error("\n".join(exc.lines(limit=3)))
            return
        self.dismiss(None)
        note = self.w("Exported {fmt}: {path}", fmt=fmt, path=safe(str(out)))
        self.target.post_message(Exported(out, fmt, note))

    def _confirm(self, out: Path, fmt: str) -> None:
        def answer(choice: str | None) -> None:
            if choice == "o" and fmt == self.fmt:
                self.write(force=True)
            else:
                self._to_path()  # stay: another name, or escape to leave

        question = self.w(
            "{path} already exists. Replace it with the {fmt} export?",
            path=safe(str(out)),
            fmt=fmt,
        )
        self.app.push_screen(
            ChoiceScreen(self.w("File exists"), question, [("o", self.w("replace it"))]), answer
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
