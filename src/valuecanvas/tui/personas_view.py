"""The personas view: the ranked personas beside the focused persona's empathy map.

The list is MainScreen's own `ItemList` (so a/e/d/K/J work on personas); the
empathy map beside it shows role (as "DMU role" on a b2b canvas) and the five
sections. `m` or `→` enters the map, where a/e/d/K/J act on one entry at a
time; `escape` or `←` goes back. Every change is one `RequestEdit` to the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from valuecanvas import edits
from valuecanvas.model import EMPATHY_FIELDS, Canvas, Persona
from valuecanvas.tui.commands import bindings
from valuecanvas.tui.dialogs import PromptScreen
from valuecanvas.tui.item_list import ItemList, one_line
from valuecanvas.tui.lang import t
from valuecanvas.tui.messages import RequestEdit

SECTION_TITLES = {
    "does": "Does",
    "feels": "Feels",
    "goals": "Goals (wants)",
    "influences": "Influenced by",
    "problems": "Problems",
}

Slot = tuple[str, int | None]
"""(empathy field, entry index) — index None: the section is empty."""


def slots_of(persona: Persona | None) -> list[Slot]:
    """Where the map's cursor can stand: every entry, or the empty section itself."""
    if persona is None:
        return []
    out: list[Slot] = []
    for field in EMPATHY_FIELDS:
        entries = getattr(persona, field)
        out.extend((field, n) for n in range(len(entries)))
        if not entries:
            out.append((field, None))
    return out


class EmpathyMap(VerticalScroll, can_focus=True):
    """The focused persona's empathy map; focused, it edits entries one at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        *bindings("empathy"),
    ]

    def __init__(self, back_to: ItemList, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.back_to = back_to  # the personas list: `escape` / `←` go back to it
        self.persona: Persona | None = None
        self.market = "b2c"
        self.cursor = 0
        self._wanted: tuple[str, str, int | None] | None = None  # cursor after an edit
        self.border_title = "Empathy map"  # translated when shown

    def compose(self) -> ComposeResult:
        yield Static(id="empathy-text")

    @property
    def slots(self) -> list[Slot]:
        return slots_of(self.persona)

    @property
    def current(self) -> Slot | None:
        slots = self.slots
        return slots[self.cursor] if slots else None

    def show(self, persona: Persona | None, market: str) -> None:
        if persona is None or self.persona is None or persona.id != self.persona.id:
            self.cursor = 0
        self.persona, self.market = persona, market
        self.cursor = max(0, min(self.cursor, len(self.slots) - 1))
        wanted, self._wanted = self._wanted, None
        if wanted is not None and persona is not None and wanted[0] == persona.id:
            self.put_cursor(wanted[1], wanted[2])  # where the edit just asked for put it
            return
        self.redraw()

    def put_cursor(self, field: str, index: int | None) -> None:
        slots = self.slots
        exact = next((n for n, s in enumerate(slots) if s == (field, index)), None)
        if exact is None:
            exact = next((n for n, s in enumerate(slots) if s[0] == field), self.cursor)
        self.cursor = exact
        self.redraw()

    def redraw(self) -> None:
        persona = self.persona
        text = self.query_one("#empathy-text", Static)
        if persona is None:
            self.border_title = t(self, "Empathy map")
            text.update(
                Content.styled(
                    t(self, "no persona — press a in the list to add one"), "$text-muted"
                )
            )
            return
        self.border_title = Content(f"{t(self, 'Empathy map')} · {one_line(persona.name)}")
        focused = self.has_focus
        role_label = t(self, "DMU role" if self.market == "b2b" else "role")
        lines: list[Content] = [
            Content.assemble(
                (f"{role_label}: ", "bold" if self.market == "b2b" else "$text-muted"),
                (
                    persona.role or t(self, "(none — e sets it)"),
                    "bold $secondary" if persona.role else "$text-muted",
                ),
            )
        ]
        cursor_line = 0
        current = self.current
        for field in EMPATHY_FIELDS:
            entries = getattr(persona, field)
            lines.append(
                Content.styled(f"{t(self, SECTION_TITLES[field])} ({len(entries)})", "bold $accent")
            )
            slots: list[tuple[int | None, str]] = list(enumerate(entries)) or [
                (None, t(self, "— (none; a adds one)") if focused else "—")
            ]
            for index, entry in slots:
                here = focused and current == (field, index)
                if here:
                    cursor_line = len(lines)
                bullet = "▸ " if here else ("• " if index is not None else "  ")
                style = "reverse bold" if here else ("" if index is not None else "$text-muted")
                lines.append(
                    Content.assemble(("\u00a0\u00a0" + bullet, style), (one_line(entry), style))
                )
        if persona.notes:
            lines.append(Content.styled(t(self, "Notes"), "bold $accent"))
            lines.append(Content("\u00a0\u00a0" + one_line(persona.notes)))
        hint = t(
            self,
            "a add · e edit · d remove · K/J move · esc back"
            if focused
            else "m or → edits the entries",
        )
        lines.append(Content.styled(hint, "$text-muted"))
        text.update(Content("\n").join(lines))
        if focused:
            self.scroll_to(y=max(0, cursor_line - 2), animate=False)

    def on_focus(self) -> None:
        self.call_after_refresh(self.redraw)

    def on_blur(self) -> None:
        self.call_after_refresh(self.redraw)

    def action_cursor(self, delta: int) -> None:
        if self.slots:
            self.cursor = max(0, min(len(self.slots) - 1, self.cursor + delta))
            self.redraw()

    def action_cursor_to(self, position: int) -> None:
        if self.slots:
            self.cursor = position if position >= 0 else len(self.slots) - 1
            self.redraw()

    # ------------------------------------------------------------ entry keys

    def action_back(self) -> None:
        self.back_to.focus()

    def _target(self) -> tuple[Persona, str, int | None] | None:
        persona = self.persona
        slot = self.current
        if persona is None or slot is None:
            return None
        return persona, slot[0], slot[1]

    def _set_entries(
        self,
        persona_id: str,
        field: str,
        entries: list[str],
        label: str,
        index: int | None,
        note: str = "",
    ) -> None:
        self._wanted = (persona_id, field, index)
        # Posted to the screen itself, so it is handled before any key typed after it.
        self.screen.post_message(
            RequestEdit(
                lambda c: edits.update_item(c, persona_id, {field: tuple(entries)}),
                label,
                focus=persona_id,
                note=note,
            )
        )

    def _prompt(self, title: str, value: str, then: Callable[[str], None]) -> None:
        def check(text: str) -> str | None:
            return None if text.strip() else t(self, "Type some text first (escape cancels).")

        def done(text: str | None) -> None:
            self.focus()
            if text is not None:
                then(text.strip())

        self.app.push_screen(PromptScreen(title, value=value, check=check), done)

    def action_entry_add(self) -> None:
        target = self._target()
        if target is None:
            return
        persona, field, _ = target

        def add(text: str) -> None:
            entries = [*getattr(persona, field), text]
            self._set_entries(
                persona.id, field, entries, f"add {field} to {persona.id}", len(entries) - 1
            )

        section = t(self, SECTION_TITLES[field])
        title = t(
            self, "New entry in {section} of {name}:", section=section, name=one_line(persona.name)
        )
        self._prompt(title, "", add)

    def action_entry_edit(self) -> None:
        target = self._target()
        if target is None:
            return
        persona, field, index = target
        if index is None:
            self.action_entry_add()
            return

        def edit(text: str) -> None:
            entries = list(getattr(persona, field))
            entries[index] = text
            self._set_entries(persona.id, field, entries, f"edit {field} of {persona.id}", index)

        title = t(self, "Edit {section} entry:", section=t(self, SECTION_TITLES[field]))
        self._prompt(title, getattr(persona, field)[index], edit)

    def _entry(self) -> tuple[Persona, str, int, list[str]] | None:
        """The entry under the cursor and its section's entries; None on an empty section."""
        target = self._target()
        if target is None:
            return None
        persona, field, index = target
        if index is None:
            return None
        return persona, field, index, list(getattr(persona, field))

    def action_entry_delete(self) -> None:
        if (entry := self._entry()) is None:
            return
        persona, field, index, entries = entry
        removed = entries.pop(index)
        self._set_entries(
            persona.id,
            field,
            entries,
            f"remove {field} of {persona.id}",
            min(index, len(entries) - 1) if entries else None,
            note=t(self, "Removed “{text}” — u undoes it", text=one_line(removed)[:40]),
        )

    def _move(self, delta: int) -> None:
        if (entry := self._entry()) is None:
            return
        persona, field, index, entries = entry
        to = max(0, min(len(entries) - 1, index + delta))
        if to == index:
            return
        entries.insert(to, entries.pop(index))
        self._set_entries(persona.id, field, entries, f"move {field} of {persona.id}", to)

    def action_entry_up(self) -> None:
        self._move(-1)

    def action_entry_down(self) -> None:
        self._move(1)


class PersonasView(Horizontal):
    """Personas list and empathy map side by side."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("personas")]

    def __init__(self, personas: ItemList, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.personas_list = personas
        self.canvas: Canvas | None = None

    def compose(self) -> ComposeResult:
        yield self.personas_list
        yield EmpathyMap(self.personas_list, id="empathy-map")

    @property
    def empathy(self) -> EmpathyMap:
        return self.query_one(EmpathyMap)

    def show(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._show_map()

    def _show_map(self) -> None:
        if self.canvas is None:
            return
        current = self.personas_list.current_id
        persona = next((p for p in self.canvas.personas if p.id == current), None)
        self.empathy.show(persona, self.canvas.market)

    @on(ItemList.CursorMoved)
    def _cursor_moved(self, event: ItemList.CursorMoved) -> None:
        if event.item_list is self.personas_list:
            self._show_map()

    # ------------------------------------------------------------ keys

    def action_entries(self) -> None:
        if self.personas_list.current_item is None:
            self.notify(t(self, "Add a persona first (a)."), markup=False)
            return
        self.empathy.focus()
