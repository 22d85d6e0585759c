"""A list pane that stays instant with thousands of items, and shows whole texts.

A Line-API widget: it keeps only a tuple of items and renders the rows that are
on screen, so a key press on a 5,000-item list costs as much as on a 5-item one.
Rows are built from plain `Segment`s: user text is never read as markup.

Items wrap. The active pane (the one last focused, also while its add prompt or
filter is open) shows every item whole, over as many rows as it needs; the
vertical scroll offset counts *items*, so the pane shows the items from the one
at the offset down, and moving the cursor scrolls just enough to show the
cursor's item whole. The other panes share their rows out: every item gets as
many rows as fit (`…` where cut), one each when there are more items than rows.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from valuecanvas.model import LISTS, ListName
from valuecanvas.tui.lang import t
from valuecanvas.tui.pane_layout import Frame, PaneLayout
from valuecanvas.tui.pane_title import PaneTitle
from valuecanvas.tui.rows import Part, ellipsize, one_line, wrap_parts
from valuecanvas.tui.steady_scroll import SteadyScroll

__all__ = ["ItemList", "RowFormatter", "one_line"]

RowFormatter = Callable[[Any], list[tuple[str, str]]]
"""Turns an item into (text, component-class) parts; "" is the base style."""


class ItemList(SteadyScroll, PaneTitle, PaneLayout, can_focus=True):
    """One ranked list of the canvas: cursor, filter, marks for linked items."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "item-list--cursor",
        "item-list--cursor-blurred",
        "item-list--linked",
        "item-list--dim",
        "item-list--mark",
        "item-list--low",
        "item-list--phase",
    }

    # No automatic repaint: watch_cursor repaints just the two rows that change.
    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class CursorMoved(Message):
        """The focused item of a list changed (or the list got focus)."""

        def __init__(self, item_list: ItemList, item_id: str | None) -> None:
            super().__init__()
            self.item_list = item_list
            self.item_id = item_id

        @property
        def control(self) -> ItemList:
            return self.item_list

    def __init__(
        self,
        list_name: ListName,
        title: str,
        formatter: RowFormatter,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.list_name = list_name
        self.pane_title = title
        self.formatter = formatter
        self.items: tuple[Any, ...] = ()
        self.shown: list[int] = []
        self.marked: frozenset[str] = frozenset()
        self.flagged: frozenset[str] = frozenset()
        self.filter_text = ""
        # A second filter a view sets (the journey's persona, `W`): key shown, rows kept.
        self.keep: tuple[str, Callable[[Any], bool]] | None = None
        self.keep_label = ""
        self.empty_hint = "empty — press a to add"
        # Rendered rows by (item identity, width, row, cut short, mark, flag, at cursor,
        # cursor focused); the item is kept beside its strip, so an id() is never reused
        # while cached. Items are immutable, so a row stays valid across filters and focus;
        # new items, sizes and styles clear it.
        self._cache: dict[tuple[int, int, int, bool, str, bool, bool, bool], tuple[Any, Strip]] = {}
        # An item's wrapped rows by (item identity, width), the item kept beside them.
        self._wrapped: dict[tuple[int, int], tuple[Any, list[list[Part]]]] = {}
        # The active pane wraps every item whole; see the module docstring.
        self.active = False
        self._caps: list[int] | None = None  # rows per shown item, when rows are shared out
        self._cap = 1  # rows per item otherwise (0: as many as it needs)
        self._frame: tuple[tuple[int, int, int, int], Frame] | None = None
        self._width = 1  # the text's width in cells, set by _plan
        self._weight = ""  # this pane's height in its column, set by _weigh
        # The screen's one way to hear of the focused list's cursor (a move or focus): called
        # at once, so its marks and detail row are in the same frame as the cursor. Views
        # beside the list (curve, empathy map) listen to CursorMoved instead.
        self.cursor_hook: Callable[[ItemList], None] | None = None

    # ------------------------------------------------------------ data

    @property
    def current_id(self) -> str | None:
        if not self.shown:
            return None
        return str(self.items[self.shown[self.cursor]].id)

    @property
    def current_item(self) -> Any | None:
        if not self.shown:
            return None
        return self.items[self.shown[self.cursor]]

    def set_items(self, items: Sequence[Any], focus_id: str | None = None) -> None:
        """Show these items, keeping the cursor on the same item where possible."""
        keep = focus_id if focus_id is not None else self.current_id
        old_position = self.cursor
        old_top, old_rows = int(self.scroll_offset.y), self._visible_rows()
        self.items = tuple(items)
        phased = LISTS[self.list_name].phased  # a row shows its phase when it starts one
        if phased:  # so a row depends on its neighbours
            self._cache.clear()
            self._wrapped.clear()
        self._refilter()
        if keep is not None:
            for position, index in enumerate(self.shown):
                if self.items[index].id == keep:
                    self._set_cursor(position)
                    break
            else:
                self._set_cursor(min(old_position, max(0, len(self.shown) - 1)))
        else:
            self._set_cursor(min(old_position, max(0, len(self.shown) - 1)))
        self._update_title()
        if int(self.scroll_offset.y) != old_top or not self.shown or not old_rows or phased:
            self.refresh()  # scrolled, or an empty pane's hint comes or goes
            return
        # Items are immutable: a row showing the same row of the same item object looks the
        # same (marks, flags and the cursor repaint their own rows). Repainting only the rows
        # that changed keeps an edit from repainting the whole pane, and with it, through
        # Textual's compositor, every widget beside it.
        new_rows = self._visible_rows()
        for n in range(max(len(old_rows), len(new_rows))):
            old_row = old_rows[n] if n < len(old_rows) else None
            new_row = new_rows[n] if n < len(new_rows) else None
            same = old_row and new_row and old_row[0] is new_row[0] and old_row[1:] == new_row[1:]
            if not same:
                self.refresh_line(old_top + n)

    def _visible_rows(self) -> list[tuple[Any, int, bool]]:
        """What the rows in view show, top to bottom: (item, its row, cut short)."""
        return [(self.items[self.shown[p]], row, cut) for p, row, cut in self._layout()]

    def set_marks(self, marked: frozenset[str]) -> None:
        if marked != self.marked:
            changed = marked ^ self.marked
            self.marked = marked
            self._refresh_rows(changed)

    def set_flagged(self, flagged: frozenset[str]) -> None:
        if flagged != self.flagged:
            changed = flagged ^ self.flagged
            self.flagged = flagged
            self._refresh_rows(changed)

    def _refresh_rows(self, ids: frozenset[str]) -> None:
        """Repaint only the rows of these items on screen (not the whole pane)."""
        top = int(self.scroll_offset.y)
        for y, (position, _, _) in enumerate(self._layout()):
            if self.items[self.shown[position]].id in ids:
                self.refresh_line(top + y)

    def _refresh_positions(self, *positions: int) -> None:
        top = int(self.scroll_offset.y)
        for y, (position, _, _) in enumerate(self._layout()):
            if position in positions:
                self.refresh_line(top + y)

    def set_filter(self, text: str) -> None:
        keep = self.current_id
        self.filter_text = text
        self._refilter()
        position = next((p for p, i in enumerate(self.shown) if self.items[i].id == keep), 0)
        self._set_cursor(position)
        self._update_title()
        self.refresh()

    def redraw_rows(self) -> None:
        """Render every row again (what the formatter shows changed, not the items)."""
        self._cache.clear()
        self.refresh()

    def set_keep(self, keep: tuple[str, Callable[[Any], bool]] | None, label: str = "") -> None:
        """Show only the items `keep` accepts (None: all); the text filter applies on top.

        `label` says in the pane's bottom border what is kept ("steps of pe1 Sanne").
        """
        self.keep = keep
        self.keep_label = label if keep else ""
        self.set_filter(self.filter_text)

    def focus_item(self, item_id: str) -> bool:
        """Put the cursor on an item (clearing a filter that hides it)."""
        for position, index in enumerate(self.shown):
            if self.items[index].id == item_id:
                self._set_cursor(position)
                return True
        if (self.filter_text or self.keep) and any(i.id == item_id for i in self.items):
            self.keep, self.keep_label = None, ""
            self.set_filter("")
            return self.focus_item(item_id)
        return False

    def _refilter(self) -> None:
        needle = self.filter_text.casefold()
        keep = self.keep[1] if self.keep else None
        if not needle and keep is None:
            self.shown = list(range(len(self.items)))
        else:
            self.shown = [
                n
                for n, item in enumerate(self.items)
                if (keep is None or keep(item))
                and (
                    not needle
                    or needle in " ".join(text for text, _ in self.formatter(item)).casefold()
                    or needle in str(item.id).casefold()
                )
            ]
        self._plan()

    # ------------------------------------------------------------ layout

    def activate(self) -> None:
        """Make this the pane that shows whole texts (and no other in its screen)."""
        if self.is_attached:
            for other in self.screen.query(ItemList):
                if other is not self and other.active:
                    other._set_active(False)
        self._set_active(True)

    def _set_active(self, active: bool) -> None:
        if active == self.active:
            return
        self.active = active
        self.set_class(active, "-active")
        if self.parent is not None and self.parent.has_class("col"):
            self.parent.set_class(active, "-active")  # its column widens (app.tcss)
        self._plan()
        self.scroll_to_cursor()
        self.refresh()

    # ------------------------------------------------------------ cursor

    def _set_cursor(self, position: int) -> None:
        position = max(0, min(position, len(self.shown) - 1)) if self.shown else 0
        self.cursor = position

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        self.scroll_to_cursor()
        if self.scroll_offset.y != top:
            self.refresh()
        elif old != new:
            self._refresh_positions(old, new)  # no scroll: only the two items' rows change
        # the same place (new items: set_items repaints the rows that changed): nothing
        if self.cursor_hook is not None and self.has_focus:
            self.cursor_hook(self)
        self.post_message(self.CursorMoved(self, self.current_id))

    def action_cursor(self, delta: int) -> None:
        self._set_cursor(self.cursor + delta)

    def action_cursor_to(self, position: int) -> None:
        self._set_cursor(position if position >= 0 else len(self.shown) - 1)

    def action_page(self, direction: int) -> None:
        """Move by the items on screen, less one (so one stays in view)."""
        items = len({position for position, _, _ in self._layout()})
        self._set_cursor(self.cursor + direction * max(1, items - 1))

    def on_focus(self) -> None:
        self.activate()
        self.refresh()
        if self.cursor_hook is not None:
            self.cursor_hook(self)
        self.post_message(self.CursorMoved(self, self.current_id))

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._update_title()
        self._cache.clear()
        self._plan()
        self.scroll_to_cursor()
        self.refresh()  # the rows are shared out anew: the frame drawn on resize is stale

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()  # a new theme or CSS: every cached row has old colours

    # ------------------------------------------------------------ rendering

    def _hint_lines(self, width: int) -> list[str]:
        """An empty pane's hint (the method, see method_hints), wrapped to the pane."""
        if self.items:
            return [t(self, "no match — escape clears the filter")]
        lines: list[str] = []
        for paragraph in t(self, self.empty_hint).split("\n"):
            lines += textwrap.wrap(paragraph, max(8, width - 1)) or [""]
        return lines

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        frame = self._layout()
        if not self.shown or y >= len(frame):
            base = self.rich_style
            hint = self._hint_lines(width)
            if self.shown or y >= len(hint):
                return Strip.blank(width, base)
            dim = self.get_component_rich_style("item-list--dim", partial=True)
            return Strip([Segment(hint[y], base + dim)]).crop_extend(0, width, base)
        position, row, cut = frame[y]
        item = self.items[self.shown[position]]
        at_cursor = position == self.cursor
        mark = "linked" if item.id in self.marked else ""
        flag = item.id in self.flagged
        key = (id(item), width, row, cut, mark, flag, at_cursor, at_cursor and self.has_focus)
        cached = self._cache.get(key)
        if cached is not None and cached[0] is item:
            return cached[1]
        style = self.rich_style
        if at_cursor:
            style += self.get_component_rich_style(
                "item-list--cursor" if self.has_focus else "item-list--cursor-blurred"
            )
        elif mark:
            style += self.get_component_rich_style("item-list--linked")
        lead = ("◆" if mark else ("!" if flag else " ")) if row == 0 else " "
        segments = [Segment(lead, style)]
        parts = self._rows_of(position)[row]
        if cut and row == 0:  # one row for a longer text: as much of it as fits, then …
            parts = ellipsize(
                wrap_parts(self.formatter(item), width - 1, one_row=True)[0], width - 1
            )
        elif cut:
            parts = ellipsize(parts, width - 1)
        for text, component in parts:
            part = style
            if component and not at_cursor:
                part = style + self.get_component_rich_style(component, partial=True)
            segments.append(Segment(text, part))
        strip = Strip(segments).crop_extend(0, width, style)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = (item, strip)
        return strip
