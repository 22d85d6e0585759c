"""The canvas screen's ways to an item or a command: jumps from the fit panel, the fit
report and the lens, and the command palette's way in.

A part of `MainScreen` (see `screen_parts`).
"""

from __future__ import annotations

from textual import on
from textual.dom import DOMNode
from textual.widgets import ContentSwitcher

from valuecanvas import edits
from valuecanvas.model import LIST_NAMES, ListName
from valuecanvas.tui.commands import SCOPE_VIEW, by_id
from valuecanvas.tui.fit_panel import FitPanel
from valuecanvas.tui.journey_view import JourneyView
from valuecanvas.tui.lang import t
from valuecanvas.tui.lens_view import LensView
from valuecanvas.tui.personas_view import EmpathyMap, PersonasView
from valuecanvas.tui.screen_parts import ScreenPart

VIEW_OF: dict[ListName, str] = {name: "canvas-view" for name in LIST_NAMES}
VIEW_OF["steps"] = "journey-view"
VIEW_OF["personas"] = "personas-view"

_ASKS_FIRST = frozenset({"entry_add", "entry_edit"})
"""Empathy map commands that open a prompt before they change anything."""


class Navigation(ScreenPart):
    """`1`-`9`, `0`; `enter` in the fit panel, fit report and lens; the palette's commands."""

    def action_focus_pane(self, name: str) -> None:
        if name == "fit":
            self.query_one(FitPanel).focus()
            return
        if name == "lens":
            self.query_one("#views", ContentSwitcher).current = "lens-view"
            self.query_one("#lens-entries").focus()
            self.update_titlebar()
            return
        list_name: ListName = name  # type: ignore[assignment]
        switcher = self.query_one("#views", ContentSwitcher)
        if switcher.current != VIEW_OF[list_name]:
            switcher.current = VIEW_OF[list_name]
        self.lists[list_name].focus()
        self.last_list = list_name
        self.update_titlebar()

    async def action_command(self, command_id: str) -> None:
        """Run a command where its key lives, after showing its view (the palette's way in)."""
        command = by_id(command_id)
        if command.scope == "empathy" and not self._empathy_shown():
            # Never change an entry on a hidden or unfocused empathy map: show it first; a
            # command that changes at once acts on a 2nd go, one that asks first (a prompt
            # naming the section) goes on.
            self.action_focus_pane("personas")
            self.query_one(PersonasView).action_entries()
            if command.action not in _ASKS_FIRST:
                if command.action != "back":
                    self.notify(
                        t(self, "The empathy map is open: run the command again."), markup=False
                    )
                return
        if command.scope in SCOPE_VIEW:
            self.action_focus_pane(SCOPE_VIEW[command.scope])
        targets: dict[str, DOMNode] = {
            "app": self.app,
            "screen": self,
            "journey": self.query_one(JourneyView),
            "personas": self.query_one(PersonasView),
            "empathy": self.query_one(EmpathyMap),
        }
        await self.app.run_action(command.action, targets[command.scope])

    def _empathy_shown(self) -> bool:
        """Whether the personas view is shown with its empathy map focused."""
        shown = self.query_one("#views", ContentSwitcher).current == "personas-view"
        return shown and self.query_one(EmpathyMap).has_focus_within

    def jump_to(self, item_id: str) -> bool:
        """Focus an item in its pane (switching view if needed), e.g. from the fit panel."""
        name = edits.list_of(self.document.canvas, item_id)
        if name is None:
            return False
        self.action_focus_pane(name)
        return self.lists[name].focus_item(item_id)

    def action_show_fit(self) -> None:
        from valuecanvas.tui.fit_panel import FitScreen

        def chosen(item_id: str | None) -> None:
            if item_id:
                self.jump_to(item_id)

        self.app.push_screen(FitScreen(self.document.canvas, self.report), chosen)

    @on(FitPanel.Jump)
    def _fit_jump(self, event: FitPanel.Jump) -> None:
        """`enter` on a gap, unanchored item or low point in the fit panel."""
        self.jump_to(event.item_id)

    @on(LensView.Jump)
    def _lens_jump(self, event: LensView.Jump) -> None:
        """`enter` on an item in the lens: to its pane."""
        self.jump_to(event.item_id)
