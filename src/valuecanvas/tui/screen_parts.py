"""What the canvas screen's parts may use of it: one declared interface.

The canvas screen (`main_screen.MainScreen`) is assembled from focused parts —
`add_actions`, `item_actions`, `document_actions`, `navigation`, `tag_keys` — each a `Screen`
mixin holding one family of actions. `ScreenPart` declares (for the type checker
only) what the screen provides them, so no part imports the screen module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from collections.abc import Callable

    from valuecanvas.document import Document
    from valuecanvas.fit import FitReport
    from valuecanvas.model import Canvas, ListName
    from valuecanvas.tui.app import ValueCanvasApp
    from valuecanvas.tui.item_list import ItemList


class ScreenPart(Screen[None]):
    """A mixin of the canvas screen (never shown on its own)."""

    @property
    def vc_app(self) -> ValueCanvasApp:
        """The app, typed: its document, safety (saving) and read-only flag."""
        from valuecanvas.tui.app import ValueCanvasApp

        assert isinstance(self.app, ValueCanvasApp)
        return self.app

    if TYPE_CHECKING:
        document: Document
        lang: str
        report: FitReport
        lists: dict[ListName, ItemList]
        last_list: ListName

        @property
        def adding(self) -> bool: ...
        def current_list(self) -> ItemList | None: ...
        def focused_item(self) -> tuple[ItemList, str] | None: ...
        def apply(self, new: Canvas, label: str, focus: str | None = None) -> bool: ...
        def run_edit(
            self, make: Callable[[Canvas], Canvas], label: str, focus: str | None = None
        ) -> bool: ...
        def show_document(self, focus: str | None = None) -> None: ...
        def update_titlebar(self) -> None: ...
        def say(self, text: str) -> None: ...
        def _bottom_row(self, shown: str) -> None: ...
        def _close_add(self) -> None: ...
        def action_focus_pane(self, name: str) -> None: ...
        def action_save(self, then: Callable[[], None] | None = None) -> None: ...
        def action_undo(self) -> None: ...
