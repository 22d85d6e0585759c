"""A list pane that stays instant with thousands of items.

A Line-API widget: it keeps only a tuple of items and renders the rows that are
on screen, one line each, so a key press on a 5,000-item list costs as much as
on a 5-item one. Rows are built from plain `Segment`s: user text is never read
as markup.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from valuecanvas.model import ListName
from valuecanvas.tui.lang import t

RowFormatter = Callable[[Any], list[tuple[str, str]]]
"""Turns an item into (text, component-class) parts; "" is the base style."""


def one_line(text: str) -> str:
    """User text on one row: line breaks and tabs shown as spaces."""
    return text.replace("\r", " ").replace("\n", " ↵ ").replace("\t", " ")


class ItemList(ScrollView, can_focus=True):
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
        self.empty_hint = "empty — press a to add"
        # Rendered rows by (item identity, width, mark, flag, at cursor, cursor focused); the
        # item is kept beside its strip, so an id() is never reused while cached. Items are
        # immutable, so a row stays valid across edits, filters and focus; styles clear it.
        self._cache: dict[tuple[int, int, str, bool, bool, bool], tuple[Any, Strip]] = {}
        # The screen's one way to hear of the focused list's cursor (a move or focus): called
        # at once, so its marks and detail row are in the same frame as the cursor. Views
        # beside the list (curve, empathy map) listen to CursorMoved instead.
        self.cursor_hook: Callable[[ItemList], None] | None = None
        self._titles: tuple[str, str] | None = None  # the border title and subtitle shown

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
        if int(self.scroll_offset.y) != old_top or not self.shown or not old_rows:
            self.refresh()  # scrolled, or an empty pane's hint comes or goes
            return
        # Items are immutable: a row whose item is the same object looks the same (marks,
        # flags and the cursor repaint their own rows). Repainting only the rows that
        # changed keeps an edit from repainting the whole pane, and with it, through
        # Textual's compositor, every widget beside it.
        new_rows = self._visible_rows()
        for n in range(max(len(old_rows), len(new_rows))):
            old_item = old_rows[n] if n < len(old_rows) else None
            new_item = new_rows[n] if n < len(new_rows) else None
            if old_item is not new_item:
                self.refresh_line(old_top + n)

    def _visible_rows(self) -> list[Any]:
        """The items on the rows in view, top to bottom."""
        top = int(self.scroll_offset.y)
        bottom = min(len(self.shown), top + (self.scrollable_content_region.height or 1))
        return [self.items[self.shown[position]] for position in range(top, bottom)]

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
        """Repaint only the visible rows of these items (not the whole pane)."""
        top = int(self.scroll_offset.y)
        bottom = min(len(self.shown), top + (self.scrollable_content_region.height or 1))
        for position in range(top, bottom):
            if self.items[self.shown[position]].id in ids:
                self.refresh_line(position)

    def set_filter(self, text: str) -> None:
        keep = self.current_id
        self.filter_text = text
        self._refilter()
        position = next((p for p, i in enumerate(self.shown) if self.items[i].id == keep), 0)
        self._set_cursor(position)
        self._update_title()
        self.refresh()

    def focus_item(self, item_id: str) -> bool:
        """Put the cursor on an item (clearing a filter that hides it)."""
        for position, index in enumerate(self.shown):
            if self.items[index].id == item_id:
                self._set_cursor(position)
                return True
        if self.filter_text and any(i.id == item_id for i in self.items):
            self.set_filter("")
            return self.focus_item(item_id)
        return False

    def _refilter(self) -> None:
        needle = self.filter_text.casefold()
        if not needle:
            self.shown = list(range(len(self.items)))
        else:
            self.shown = [
                n
                for n, item in enumerate(self.items)
                if needle in " ".join(text for text, _ in self.formatter(item)).casefold()
                or needle in str(item.id).casefold()
            ]
        self.virtual_size = Size(self.size.width, len(self.shown))

    def _update_title(self) -> None:
        """`2 Pains (6)`; in a narrow column the count stays and the name gives way."""
        total = len(self.items)
        count = f"{len(self.shown)}/{total}" if self.filter_text else str(total)
        room = max(6, self.size.width - 4) if self.size.width else 1000
        title = f"{self.pane_title} ({count})"
        if len(title) > room:
            key, _, name = self.pane_title.partition(" ")
            keep = max(1, room - len(key) - len(count) - 4)
            short = name if len(name) <= keep else name[: keep - 1] + "…"
            title = f"{key} {short} ({count})"
        subtitle = f"/{self.filter_text}" if self.filter_text else ""
        if (title, subtitle) == self._titles:
            return  # setting a border title repaints the whole pane, even when it is the same
        self._titles = (title, subtitle)
        self.border_title = Content(title)
        self.border_subtitle = Content(subtitle) if subtitle else ""

    # ------------------------------------------------------------ cursor

    def _set_cursor(self, position: int) -> None:
        position = max(0, min(position, len(self.shown) - 1)) if self.shown else 0
        self.cursor = position

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        self.scroll_to_cursor()
        if old != new and self.scroll_offset.y == top:
            self.refresh_line(old)  # no scroll: only the old and new cursor rows change
            self.refresh_line(new)
        else:
            self.refresh()
        if self.cursor_hook is not None and self.has_focus:
            self.cursor_hook(self)
        self.post_message(self.CursorMoved(self, self.current_id))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self._set_cursor(self.cursor + delta)

    def action_cursor_to(self, position: int) -> None:
        self._set_cursor(position if position >= 0 else len(self.shown) - 1)

    def action_page(self, direction: int) -> None:
        self._set_cursor(
            self.cursor + direction * max(1, self.scrollable_content_region.height - 1)
        )

    def on_focus(self) -> None:
        self.refresh()
        if self.cursor_hook is not None:
            self.cursor_hook(self)
        self.post_message(self.CursorMoved(self, self.current_id))

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._update_title()
        self.virtual_size = Size(self.size.width, len(self.shown))
        self._cache.clear()
        self.scroll_to_cursor()

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
        position = int(self.scroll_offset.y) + y
        if not self.shown or position >= len(self.shown):
            base = self.rich_style
            hint = self._hint_lines(width)
            if self.shown or y >= len(hint):
                return Strip.blank(width, base)
            dim = self.get_component_rich_style("item-list--dim", partial=True)
            return Strip([Segment(hint[y], base + dim)]).crop_extend(0, width, base)
        item = self.items[self.shown[position]]
        at_cursor = position == self.cursor
        mark = "linked" if item.id in self.marked else ""
        flag = item.id in self.flagged
        key = (id(item), width, mark, flag, at_cursor, at_cursor and self.has_focus)
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
        segments = [Segment("◆" if mark else ("!" if flag else " "), style)]
        for text, component in self.formatter(item):
            part = style
            if component and not at_cursor:
                part = style + self.get_component_rich_style(component, partial=True)
            segments.append(Segment(one_line(text), part))
        strip = Strip(segments).crop_extend(0, width, style)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = (item, strip)
        return strip
