"""The title bar: view tabs, canvas title, file name, unsaved mark, read-only mark.

State flows down: the screen sets these reactives (as often as it likes); the bar
repaints at most once a frame, and only when one of them really changed.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from valuecanvas.tui.item_list import one_line
from valuecanvas.tui.lang import t

VIEW_NAMES = {
    "canvas-view": "Canvas",
    "journey-view": "7 Journey",
    "personas-view": "8 Personas",
    "lens-view": "9 Lens",
}


class TitleBar(Widget):
    """One fixed row at the top of the canvas screen."""

    DEFAULT_CSS = "TitleBar { height: 1; }"

    view: reactive[str] = reactive("canvas-view")
    title: reactive[str] = reactive("")
    file_name: reactive[str] = reactive("")  # "" : not saved yet
    dirty: reactive[bool] = reactive(False)
    read_only: reactive[bool] = reactive(False)

    def render(self) -> Content:
        tabs: list[str | tuple[str, str]] = []
        for key, label in VIEW_NAMES.items():
            label = t(self, label)
            tabs.append((f" {label} ", "reverse bold") if key == self.view else f" {label} ")
        name = self.file_name or t(self, "(not saved yet)")
        dirty = " ●" if self.dirty else ""
        mode = t(self, "  READ-ONLY") if self.read_only else ""
        # The file name and the unsaved mark always stay; the title gives way (cut with …).
        used = sum(len(tab if isinstance(tab, str) else tab[0]) for tab in tabs) + 1
        room = (self.size.width or 78) - used - len(f" — {name}") - len(dirty) - len(mode)
        title = one_line(self.title)
        if len(title) > max(room, 1):
            title = title[: max(room - 1, 0)] + "…"
        return Content.assemble(
            *tabs,
            " ",
            (title, "bold"),
            f" — {name}",
            (dirty, "bold $warning"),
            (mode, "bold $error"),
        )

    def on_resize(self) -> None:
        self.refresh()  # the title's room depends on the width
