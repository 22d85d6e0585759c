"""The value-lens tag keys of the canvas screen: `v`/`V`, `r`/`R`, `g`/`G` cycle, `w` picks.

A mixin, so the canvas screen gains these actions with one base class and no
code of its own: each key becomes one pure edit of `valuecanvas.tagging`, run
through the screen's `run_edit` (one undo step, read-only respected, every pane,
the fit and the lens refreshed). A short toast says what the tag is now, since
the row shows only the evidence mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from valuecanvas.edits import find
from valuecanvas.lens_report import WORDS
from valuecanvas.model import LISTS, Canvas
from valuecanvas.reports.words import tr
from valuecanvas.tagging import cycle_tag, set_persona, set_warranty
from valuecanvas.tui.tag_pickers import PersonaPicker, WarrantyPicker

if TYPE_CHECKING:
    from collections.abc import Callable

    from valuecanvas.document import Document
    from valuecanvas.tui.item_list import ItemList

FIELD_WORDS = {"value": "value type", "strategy": "strategy", "evidence": "evidence"}


class TagKeys:
    """Actions for the canvas screen (it provides the attributes declared below)."""

    if TYPE_CHECKING:
        document: Document
        lang: str

        def focused_item(self) -> tuple[ItemList, str] | None: ...
        def run_edit(
            self, make: Callable[[Canvas], Canvas], label: str, focus: str | None = None
        ) -> bool: ...
        def notify(self, message: str, **kwargs: Any) -> None: ...
        @property
        def app(self) -> Any: ...

    def _tag_word(self, value: str | None) -> str:
        if value is None:
            return tr("none", self.lang)
        if self.lang == "nl" and value in WORDS["nl"]:
            return WORDS["nl"][value]  # the lens's own words: performantie, maatwerk, …
        return tr(value, self.lang)

    def _cycle(self, field: str, delta: int) -> None:
        if (target := self.focused_item()) is None:
            return
        _, item_id = target
        if self.run_edit(
            lambda c: cycle_tag(c, item_id, field, delta), f"{field} {item_id}", focus=item_id
        ):
            item = self._item(item_id)
            shown = self._tag_word(getattr(item, field))
            what = tr(FIELD_WORDS[field], self.lang)
            self.notify(f"{item_id} {what}: {shown}", markup=False, timeout=2)

    def _item(self, item_id: str) -> Any:
        return find(self.document.canvas, item_id)[2]

    def action_cycle_value(self, delta: int = 1) -> None:
        """`v` / `V`: the value the item seeks or delivers, forward / backward."""
        self._cycle("value", delta)

    def action_cycle_strategy(self, delta: int = 1) -> None:
        """`r` / `R`: the track a value-map item raises value by (`s` / `S` save)."""
        self._cycle("strategy", delta)

    def action_cycle_evidence(self, delta: int = 1) -> None:
        """`g` / `G`: how we know (grounds): assumption → observation → … → analytics."""
        self._cycle("evidence", delta)

    def action_pick_tags(self) -> None:
        """`w`: warranty aspects on a value-map item; whose step on a journey step."""
        if (target := self.focused_item()) is None:
            return
        current, item_id = target
        item = self._item(item_id)
        keys = LISTS[current.list_name].lens_keys

        def chosen(field: str, make: Callable[[Canvas, str, Any], Canvas]) -> Callable[[Any], None]:
            """What a picker's answer does: one edit of `field` (None: cancelled)."""

            def apply(value: Any) -> None:
                current.focus()
                if value is not None:
                    self.run_edit(
                        lambda c: make(c, item_id, value), f"{field} {item_id}", focus=item_id
                    )

            return apply

        if "warranty" in keys:
            picker: Any = WarrantyPicker(item_id, item.warranty, self.lang)
            self.app.push_screen(picker, chosen("warranty", set_warranty))
        elif "persona" in keys:
            picker = PersonaPicker(item_id, item.persona, self.document.canvas, self.lang)
            self.app.push_screen(picker, chosen("persona", set_persona))
        else:
            spec = LISTS[current.list_name]
            self.notify(
                tr(
                    "w sets the warranty of a product, pain reliever or gain creator, or whose "
                    "step a journey step is — not of a {item}",
                    self.lang,
                    item=tr(spec.singular, self.lang),
                ),
                markup=False,
                timeout=3,
            )
