"""A scrolling widget that repaints nothing when a layout pass leaves its size alone.

Textual's ScrollView compares the container size a layout pass gives it with its own
(they differ by the gutter), so every layout of the screen - a row shown or hidden
at the bottom, a toast - refreshed the scrollbar of every pane, and the repaint's
bounding box (Textual repaints the box around all dirty regions) took in the whole
screen: a 120x40 repaint on every `a`, `escape` and delete.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size


class SteadyScroll:
    """Mix in before a ScrollView (or OptionList) class: skips unchanged size updates.

    A plain mixin (not a Widget): a Widget base would hide the component classes of
    the widget class after it.
    """

    _sizes: tuple[Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, virtual_size, container_size)
        if sizes == self._sizes:
            return False
        self._sizes = sizes
        updated: bool = super()._size_updated(  # type: ignore[misc]
            size, virtual_size, container_size, layout
        )
        return updated


class SteadyOptions(SteadyScroll):
    """For an OptionList sized by CSS (`height: 1fr`): a new number of rows is a new scroll
    range, not a layout of the screen.

    OptionList sets its `virtual_size` (a layout reactive) whenever its rows change, so
    a gap more or less in the fit panel laid the whole screen out again (and repainted
    its scrollbars). Its size does not depend on its rows here, so only the scrollbar
    is updated (a scrollbar that comes or goes is still laid out). Other layout requests
    (style changes) go through as usual.
    """

    _rows_changing = False

    def _update_lines(self) -> None:
        self._rows_changing = True
        try:
            super()._update_lines()  # type: ignore[misc]
        finally:
            self._rows_changing = False

    def refresh(self, *regions: Any, **kwargs: Any) -> Any:
        me: Any = self
        if kwargs.get("layout") and self._rows_changing and me.container_size:
            bars = (me.show_vertical_scrollbar, me.show_horizontal_scrollbar)
            self._rows_changing = False  # a scrollbar that comes or goes is laid out
            try:
                me._scroll_update(me.virtual_size)
            finally:
                self._rows_changing = True
            if (me.show_vertical_scrollbar, me.show_horizontal_scrollbar) == bars:
                kwargs["layout"] = False
        return super().refresh(*regions, **kwargs)  # type: ignore[misc]
