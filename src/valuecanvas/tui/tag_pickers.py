"""Small pickers for the value-lens tags: the warranty toggle list and the step's persona.

`w` on a product, pain reliever or gain creator opens `WarrantyPicker`: the four
aspects of warranty (seed 003) as a checklist; `space` toggles the highlighted
aspect (`1`-`4` toggle one directly), `enter` applies, `escape` cancels. `w` on a
journey step opens `PersonaPicker`: no one, then every persona; `enter` picks.

Both only collect a choice and dismiss with it; the screen turns it into one
undoable edit. Rows are `Content` (user text is never markup).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from valuecanvas.lens_report import WORDS
from valuecanvas.model import ROLES, WARRANTY_ASPECTS, Canvas
from valuecanvas.reports.words import tr
from valuecanvas.tui.item_list import one_line


class WarrantyPicker(ModalScreen[tuple[str, ...] | None]):
    """The warranty aspects as a checklist; dismisses with the chosen ones (file order)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel"),
        Binding("space", "toggle", "toggle", key_display="space"),
        Binding("enter", "apply", "apply", priority=True),
        *(Binding(str(n + 1), f"toggle({n})", "toggle", show=False) for n in range(4)),
    ]

    def __init__(self, item_id: str, chosen: tuple[str, ...], lang: str = "en") -> None:
        super().__init__()
        self.item_id = item_id
        self.chosen = set(chosen)
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tag-picker"):
            yield Static(
                Content(tr("Warranty {id} assures", self.lang, id=self.item_id)),
                classes="dialog-title",
            )
            yield OptionList(*self._options(), id="tag-options")
            hint = "space toggles · 1-4 toggle · enter applies · escape cancels"
            yield Static(Content(tr(hint, self.lang)), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def _options(self) -> list[Option]:
        words = WORDS.get(self.lang, WORDS["en"])
        return [
            Option(
                Content.assemble(
                    f"{n + 1} ",
                    ("[x] " if aspect in self.chosen else "[ ] ", "bold"),
                    words[aspect],
                )
            )
            for n, aspect in enumerate(WARRANTY_ASPECTS)
        ]

    def action_toggle(self, index: int | None = None) -> None:
        options = self.query_one(OptionList)
        at = options.highlighted if index is None else index
        if at is None:
            return
        aspect = WARRANTY_ASPECTS[at]
        self.chosen ^= {aspect}
        options.set_options(self._options())
        options.highlighted = at

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        self.dismiss(tuple(a for a in WARRANTY_ASPECTS if a in self.chosen))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PersonaPicker(ModalScreen[str | None]):
    """No one, then each persona; dismisses with the persona id ("" = no one) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, step_id: str, current: str, canvas: Canvas, lang: str = "en") -> None:
        super().__init__()
        self.step_id = step_id
        self.current = current
        self.ids = ["", *(p.id for p in canvas.personas)]
        self.lang = lang
        self.rows = [Content.styled(tr("(no persona)", lang), "$text-muted")]
        for persona in canvas.personas:
            role = f" ({persona.role})" if persona.role in ROLES else ""
            self.rows.append(
                Content.assemble((f"{persona.id:<6} ", "$text-muted"), one_line(persona.name), role)
            )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tag-picker"):
            yield Static(
                Content(tr("Whose step is {id}?", self.lang, id=self.step_id)),
                classes="dialog-title",
            )
            yield OptionList(*(Option(row) for row in self.rows), id="tag-options")
            hint = "↑ ↓ choose · enter picks · escape cancels"
            yield Static(Content(tr(hint, self.lang)), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.ids.index(self.current) if self.current in self.ids else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.ids[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
