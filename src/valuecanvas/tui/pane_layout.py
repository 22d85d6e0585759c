"""How a pane lays its items out in rows: wrapping, sharing rows out, the rows on screen.

The active pane (the one last focused) shows every item whole, over as many rows as
it needs; the vertical scroll offset counts *items*, so the pane shows the items from
the one at the offset down. The other panes share their rows out: every item gets as
many rows as fit, one each when there are more items than rows. A row that ends an
item cut short is marked, so the pane draws it ending in `…` (also an item taller
than the whole pane, cut at its last row).

A mixin of `ItemList` (item_list.py), which holds the items, the cursor and the
drawing; this part only computes rows from them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget

from valuecanvas.tui.rows import Part, share_rows, wrap_parts

ROWS_WEIGHED = 60
"""Rows needed are counted up to this many (a long list needs "all of them")."""

Frame = list[tuple[int, int, bool]]
"""The rows on screen: (position in the shown items, row of that item, its last row shown
and the item cut short there)."""


class PaneLayout(ScrollView):
    """Rows of the shown items at the pane's width and height (see the module docstring)."""

    # Set by ItemList.__init__ (the items, what the filter shows, how an item reads):
    items: tuple[Any, ...]
    shown: list[int]
    formatter: Callable[[Any], list[tuple[str, str]]]
    cursor: int
    active: bool
    _wrapped: dict[tuple[int, int], tuple[Any, list[list[Part]]]]
    _caps: list[int] | None
    _cap: int
    _frame: tuple[tuple[int, int, int, int], Frame] | None
    _width: int
    _weight: str

    def _hint_lines(self, width: int) -> list[str]:
        raise NotImplementedError  # ItemList: an empty pane's hint

    def _rows_of(self, position: int) -> list[list[Part]]:
        """The item's rows, wrapped to the pane (after the one-cell mark column)."""
        item = self.items[self.shown[position]]
        width = self._width
        cached = self._wrapped.get((id(item), width))
        if cached is not None and cached[0] is item:
            return cached[1]
        if len(self._wrapped) > 4096:
            self._wrapped.clear()
        rows = wrap_parts(self.formatter(item), width)
        self._wrapped[(id(item), width)] = (item, rows)
        return rows

    def _height(self, position: int) -> int:
        """Rows given to the item at this position."""
        if self._cap == 1 and self._caps is None:
            return 1
        cap = self._caps[position] if self._caps is not None else self._cap
        rows = len(self._rows_of(position))
        return min(rows, cap) if cap else rows

    def _plan(self) -> None:
        """Share the rows out, and size the scroll range so the last items can show."""
        region = self.scrollable_content_region
        self._width = max(1, region.width - 1)  # the text's: after the one-cell mark column
        height = region.height or 1
        count = len(self.shown)
        self._frame = None
        self._caps = None
        self._cap = 0 if self.active else 1
        if not self.active and count <= height and count:
            self._caps = share_rows([len(self._rows_of(p)) for p in range(count)], height)
        top_max = 0
        if self._cap == 0 and count:
            top_max = self.top_ending_at(count - 1)
        elif self._cap == 1 and self._caps is None:
            top_max = max(0, count - height)
        # as wide as the pane: never a horizontal scrollbar
        size = Size(region.width, top_max + height if top_max else count)
        if size != self.virtual_size:
            if self.container_size:
                # Only the scroll range changed (an item added or gone): the scrollbar
                # follows without a layout of the screen (it still comes or goes with one).
                self.set_reactive(ScrollView.virtual_size, size)
                self._scroll_update(size)
            else:
                self.virtual_size = size
        self._weigh()

    def rows_needed(self) -> int:
        """Rows to show every item whole at this width (at most ROWS_WEIGHED)."""
        if not self.shown:
            return len(self._hint_lines(self._width + 1))
        need = 0
        for position in range(len(self.shown)):
            need += len(self._rows_of(position))
            if need >= ROWS_WEIGHED:
                return ROWS_WEIGHED
        return need

    def _weigh(self) -> None:
        """In a canvas column of two, the focused pane takes the rows it needs: all the
        column can give if the other pane's texts fit in the rest, else two thirds."""
        column = self.parent
        if not isinstance(column, Widget) or not column.has_class("col"):
            return
        others = [w for w in column.children if isinstance(w, PaneLayout) and w is not self]
        height: str = "1fr"
        if self.active and others and column.size.height:
            total = column.size.height
            rest = sum(other.rows_needed() + 2 for other in others)
            rows = min(self.rows_needed() + 2, max(total * 2 // 3, total - rest))
            height = str(max(3, rows))
        if height != self._weight:
            self._weight = height
            self.styles.height = height

    def top_ending_at(self, position: int) -> int:
        """The first item to show so that this one is whole at the bottom of the pane."""
        height = self.scrollable_content_region.height or 1
        top, used = position, self._height(position)
        while top > 0 and used + self._height(top - 1) <= height:
            top -= 1
            used += self._height(top)
        return top

    def _layout(self) -> Frame:
        """The rows on screen now, from the item at the scroll offset down."""
        region = self.scrollable_content_region
        height = region.height or 1
        top = int(self.scroll_offset.y)
        key = (top, height, region.width, len(self.shown))
        if self._frame is not None and self._frame[0] == key:
            return self._frame[1]
        frame: Frame = []
        position = top
        while len(frame) < height and position < len(self.shown):
            rows = self._height(position)
            cut = rows < len(self._rows_of(position))
            frame += [(position, row, cut and row == rows - 1) for row in range(rows)]
            position += 1
        if len(frame) > height:  # the last item shown is taller than the rows left
            del frame[height:]
            position, row, _ = frame[-1]
            frame[-1] = (position, row, True)  # …: more of it below
        self._frame = (key, frame)
        return frame

    def scroll_to_cursor(self) -> None:
        """Scroll just enough that the cursor's item shows whole (from its top, if it is
        taller than the pane)."""
        if not self.shown:
            return
        height = self.scrollable_content_region.height or 1
        top, cursor = int(self.scroll_offset.y), self.cursor
        if cursor < top:
            new = cursor
        elif cursor - top >= height:
            new = self.top_ending_at(cursor)
        else:
            used = sum(self._height(p) for p in range(top, cursor + 1))
            new = top if used <= height else self.top_ending_at(cursor)
        if new != top:
            # force: the scrollbar may not be shown yet when the list has just grown past
            # the pane (a new item), and the cursor must be in view in this frame
            self.scroll_to(y=new, animate=False, immediate=True, force=True)
