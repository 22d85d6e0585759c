"""The key bar: Textual's Footer, rebuilt once per change of the keys it shows.

Textual publishes a screen's bindings twice on every focus change (the focus
watcher, then `set_focus`'s `call_after_refresh`), and its Footer recomposes on
each: it removes and mounts every key and lays the screen out again, twice per
`a`, `enter` or `escape`. On a 5,000-item canvas each pass is a full repaint.
This bar coalesces the publications into one check after the refresh and
recomposes only when the shown keys (key, label, action, enabled) differ.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyBar(Footer):
    """A Footer that recomposes only when what it shows has changed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[tuple[str, str, str, bool, str], ...] | None = None
        self._pending = False

    def _keys(self) -> tuple[tuple[str, str, str, bool, str], ...]:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip or "")
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._update)

    async def _update(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
