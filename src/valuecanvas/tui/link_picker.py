"""Link picker (filled in by the linking work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from valuecanvas.model import ListName

if TYPE_CHECKING:
    from valuecanvas.tui.main_screen import MainScreen


def open_link_picker(screen: MainScreen, list_name: ListName, item_id: str) -> None:
    screen.notify("Linking is not available yet.", markup=False)
