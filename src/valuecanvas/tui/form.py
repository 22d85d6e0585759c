"""The edit form: every field of an item (or of the canvas) on one screen.

`enter` in a one-line field applies, `ctrl+s` applies and saves, `escape`
discards. The form only collects values; the caller turns them into an edit,
and a rule the values break is shown in the form, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from valuecanvas.model import LISTS, MARKETS, Canvas, FieldSpec, ListName
from valuecanvas.tui.lang import t


def item_fields(list_name: ListName, canvas: Canvas) -> list[FieldSpec]:
    """The form's fields for an item of this list, in file order (from `ListSpec.fields`)."""
    choices = {
        "phases": canvas.journey.phases,
        "personas": tuple(p.id for p in canvas.personas),
    }
    out = []
    for field in LISTS[list_name].fields:
        if not field.in_form:
            continue
        if field.choices_from:
            field = replace(field, choices=choices[field.choices_from])
        if field.label_b2b and canvas.market == "b2b":
            field = replace(field, label=field.label_b2b)
        out.append(field)
    return out


CANVAS_FIELDS = [
    FieldSpec("title", "title"),
    FieldSpec("segment", "segment"),
    FieldSpec("market", "market", "choice", MARKETS),
    FieldSpec("notes", "notes", "text"),
]

HINT = "enter applies · ctrl+s applies and saves · escape discards · tab next field"
HINTS = {
    "choice": "enter applies · space opens the list · ctrl+s applies and saves · escape discards",
    "text": "enter adds a line · tab, then enter applies · ctrl+s applies and saves",
}
HINTS["lines"] = HINTS["text"]


class FormSelect(Select[Any]):
    """A form's choice: `space` (or ↑ ↓) opens it; `enter` on it closed applies the form."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,down,up", "show_overlay", "Open the list", show=False),
        Binding("enter", "screen.apply", "Apply", show=False),
    ]
    inherit_bindings = False


Apply = Callable[[dict[str, Any]], str | None]
"""Takes the form's values; returns an error to show, or None when applied."""


class FormScreen(ModalScreen[str | None]):
    """Dismisses with "apply", "save" (apply, then save the file) or None (discarded)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "discard", "Discard"),
        Binding("ctrl+s", "apply(True)", "Apply & save", priority=True),
    ]

    def __init__(
        self, title: str, fields: Sequence[FieldSpec], values: dict[str, Any], apply: Apply
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.values = values
        self.apply_values = apply
        self._shown: dict[str, str] = {}  # each text field as first shown

    def compose(self) -> ComposeResult:
        # Title, error and hint stay in view; only the fields scroll (a persona at 24 rows).
        with Vertical(classes="dialog form"):
            yield Static(Content(t(self, self.form_title)), classes="dialog-title")
            with VerticalScroll(classes="form-fields"):
                for field in self.fields:
                    with Horizontal(classes=f"form-row form-{field.kind}"):
                        yield Label(Content(t(self, field.label)), classes="form-label")
                        yield self._widget(field)
            yield Static(Content(""), classes="dialog-error", id="form-error")
            yield Static(Content(t(self, HINT)), classes="dialog-hint", id="form-hint")

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.fields[0].name}").focus()

    def on_descendant_focus(self, event: Any) -> None:
        """The hint says what `enter` does in the field that has focus."""
        kind = next((f.kind for f in self.fields if event.widget.id == f"field-{f.name}"), "line")
        self.query_one("#form-hint", Static).update(Content(t(self, HINTS.get(kind, HINT))))

    def _widget(self, field: FieldSpec) -> Widget:
        value = self.values.get(field.name)
        wid = f"field-{field.name}"
        shown = "\n".join(value or ()) if field.kind == "lines" else str(value or "")
        self._shown[field.name] = shown
        if field.kind == "line":
            # The first field (title, text, name) selects its text: typing replaces it.
            first = field is self.fields[0]
            return Input(value=shown, id=wid, compact=True, select_on_focus=first)
        if field.kind in ("text", "lines"):
            from textual.widgets import TextArea  # ≈ 7 ms of imports: only once a form opens

            return TextArea(shown, id=wid, compact=True, soft_wrap=True)
        # fixed values in the app's language ("hoog"); a canvas's own (personas) as they are
        fixed = not field.choices_from
        options = [(Content(t(self, str(c)) if fixed else str(c)), c) for c in field.choices]
        return FormSelect(
            options,
            value=value if value in field.choices else Select.NULL,
            allow_blank=field.optional or value not in field.choices,
            prompt=t(self, "(none)"),
            id=wid,
            compact=True,
        )

    def collect(self) -> dict[str, Any]:
        """The values as the edit wants them: text stripped of blank edges, lists per line.

        A field the user did not touch keeps its value exactly (a multi-line entry or
        notes with blank edges must not change just because the form was applied).
        """
        from textual.widgets import TextArea

        out: dict[str, Any] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            text = widget.value if isinstance(widget, Input) else getattr(widget, "text", None)
            if text is not None and text == self._shown.get(field.name):
                out[field.name] = self.values.get(field.name)
            elif isinstance(widget, Input):
                out[field.name] = widget.value.strip()
            elif isinstance(widget, TextArea):
                text = widget.text
                if field.kind == "lines":
                    out[field.name] = tuple(
                        line.strip() for line in text.splitlines() if line.strip()
                    )
                else:
                    out[field.name] = text.strip("\n ")
            elif isinstance(widget, Select):  # blank: None, or "" for a text key (a persona id)
                blank = "" if isinstance(self.values.get(field.name), str) else None
                out[field.name] = blank if widget.value is Select.NULL else widget.value
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply(False)

    def action_apply(self, save: bool = False) -> None:
        problem = self.apply_values(self.collect())
        if problem:
            self.query_one("#form-error", Static).update(Content(problem))
            return
        self.dismiss("save" if save else "apply")

    def action_discard(self) -> None:
        self.dismiss(None)
