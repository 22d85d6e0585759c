"""A pane's border title (`2 Pains (6)`, the filter below), repainted by its border rows.

Setting a Textual border title repaints the whole widget, even to the same text, and
through the compositor's bounding box of dirty regions much of the screen around it:
on a 5,000-item canvas every add or delete paid a full repaint for a count. Here the
titles are set only when they change, and only the two border rows are repainted.

A plain mixin of `ItemList` (not a Widget: a Widget base first in line would change
whose CSS and component classes the pane inherits).
"""

from __future__ import annotations

from typing import Any, Self

from textual.content import Content
from textual.geometry import Region

from valuecanvas.tui.rows import title_for


class PaneTitle:
    """`_update_title` for a pane with `items`, `shown`, a filter and a kept subset."""

    _titles: tuple[str, str] | None = None  # the border title and subtitle shown
    _quiet = False  # a border title being set: no whole-pane repaint

    def _update_title(self: Any) -> None:
        """`2 Pains (6)`, or what of it fits the top border (see rows.title_for)."""
        total = len(self.items)
        count = f"{len(self.shown)}/{total}" if self.filter_text or self.keep else str(total)
        # Textual draws it within the border less corners and blanks (6 cells in all)
        room = max(6, self.size.width - 4) if self.size.width else 1000
        title = title_for(self.pane_title, count, room, self.filter_text)
        subtitle = " ".join(
            part for part in (self.keep_label, self.filter_text and f"/{self.filter_text}") if part
        )
        if (title, subtitle) == self._titles:
            return  # setting a border title repaints the whole pane, even when it is the same
        first = self._titles is None or not self.is_mounted
        self._titles = (title, subtitle)
        # Setting a border title repaints the whole pane (and, through the compositor's
        # bounding box, much around it): repaint only the two border rows instead.
        self._quiet = not first
        try:
            self.border_title = Content(title)
            self.border_subtitle = Content(subtitle) if subtitle else ""
        finally:
            self._quiet = False
        if not first:
            width, height = self.outer_size
            left, top = self.content_offset
            self.refresh(Region(-left, -top, width, 1), Region(-left, height - 1 - top, width, 1))

    def refresh(
        self: Any,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._quiet:
            return self  # a border title being set: _update_title repaints its rows
        return super().refresh(  # type: ignore[misc]
            *regions, repaint=repaint, layout=layout, recompose=recompose
        )
