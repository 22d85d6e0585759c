"""Set an OptionList's rows again without rendering the unchanged ones anew.

`OptionList.set_options` drops every rendered option: after an edit the fit panel and
the lens rendered all their visible rows again (Content → strips, the costly part)
although one heading's count had changed. Here a row that reads the same at the same
place keeps its `Option`, and the renders of the kept options are put back into
Textual's cache (keyed by the Option) after `set_options` cleared it. Only the same
place: a rendered row carries its index (for the mouse).
"""

from __future__ import annotations

from typing import Any

from textual.cache import LRUCache
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

RowKey = tuple[str | None, str, tuple[Any, ...]]
"""What a row reads: its option id, its text and its styles (Content's == compares text)."""


def row_key(option_id: str | None, content: Content) -> RowKey:
    return (option_id, content.plain, tuple(content.spans))


def set_rows(
    options: OptionList,
    rows: list[tuple[str | None, Content, bool]],
    before: list[RowKey],
) -> list[RowKey]:
    """Show `rows` (id, text, disabled); `before` is what the last call returned."""
    kept = {
        (n, key): option
        for n, (option, key) in enumerate(zip(options.options, before, strict=False))
    }
    keys = [row_key(option_id, content) for option_id, content, _ in rows]
    new = [
        kept.get((n, key)) or Option(content, id=option_id, disabled=disabled)
        for n, ((option_id, content, disabled), key) in enumerate(zip(rows, keys, strict=True))
    ]
    renders = options._option_render_cache
    options._option_render_cache = LRUCache(renders.maxsize)
    options.set_options(new)
    options._option_render_cache = renders
    return keys
