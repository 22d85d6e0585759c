"""A scrolling widget that repaints nothing when a layout pass leaves its size alone.

Textual's ScrollView compares the container size a layout pass gives it with its own
(they differ by the gutter), so every layout of the screen - a row shown or hidden
at the bottom, a toast - refreshed the scrollbar of every pane, and the repaint's
bounding box (Textual repaints the box around all dirty regions) took in the whole
screen: a 120x40 repaint on every `a`, `escape` and delete.
"""

from __future__ import annotations

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
