"""The canvas screen: panes, fit panel, detail line; every key becomes an edit.

Data flows one way: a key calls a pure function of `valuecanvas.edits`, the
`Document` keeps the new canvas (and the old one for undo), and `refresh_views`
hands each pane only what changed.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input, Label, Static

from valuecanvas import edits
from valuecanvas.conflicts import resolve
from valuecanvas.document import Document
from valuecanvas.drafting import add_items, cycle_kind_back
from valuecanvas.errors import CanvasError, EditError, safe
from valuecanvas.fit import FitReport, compute_fit
from valuecanvas.model import LIST_NAMES, LISTS, Canvas, ListName, items_of
from valuecanvas.tui.add_prompt import AddPrompt
from valuecanvas.tui.commands import SCREEN_COMMANDS
from valuecanvas.tui.conflicts_dialog import ConflictChoice, offer_next
from valuecanvas.tui.fit_panel import FitPanel
from valuecanvas.tui.form import CANVAS_FIELDS, FormScreen, item_fields
from valuecanvas.tui.item_list import ItemList, one_line
from valuecanvas.tui.journey_view import JourneyView
from valuecanvas.tui.method_hints import empty_hint
from valuecanvas.tui.personas_view import PersonasView
from valuecanvas.tui.rows import format_item

if TYPE_CHECKING:
    from valuecanvas.tui.app import ValueCanvasApp

VIEW_OF: dict[ListName, str] = {name: "canvas-view" for name in LIST_NAMES}
VIEW_OF["steps"] = "journey-view"
VIEW_OF["personas"] = "personas-view"
VIEW_NAMES = {"canvas-view": "Canvas", "journey-view": "7 Journey", "personas-view": "8 Personas"}
SHORT_EN: dict[ListName, str] = {
    "jobs": "Jobs",
    "pains": "Pains",
    "gains": "Gains",
    "products": "Products",
    "pain_relievers": "Relievers",
    "gain_creators": "Creators",
    "steps": "Journey steps",
    "personas": "Personas",
}
SHORT_NL: dict[ListName, str] = {
    "jobs": "Taken",
    "pains": "Pijnen",
    "gains": "Voordelen",
    "products": "Producten",
    "pain_relievers": "Verzachters",
    "gain_creators": "Verschaffers",
    "steps": "Klantreis",
    "personas": "Persona's",
}


def _settle_heap() -> None:
    """After the first frame: keep what start-up built out of the garbage collector's scans.

    A full collection walks every object; with a 5,000-item canvas (and Textual's
    own objects) that is a 100-170 ms pause during start-up and every few keys.
    Frozen objects are not walked: the canvas is frozen before the first frame, the
    rest after it; `on_unmount` unfreezes them, so a closed screen is still collected.
    """
    gc.collect()
    gc.freeze()


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [c.binding() for c in SCREEN_COMMANDS] + [
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (110, "-wide"),
    ]

    def __init__(self, document: Document, lang: str = "en") -> None:
        super().__init__()
        self.document = document
        self.lang = lang
        self.report: FitReport = compute_fit(document.canvas)
        self.lists: dict[ListName, ItemList] = {}
        self.last_list: ListName = "jobs"
        self._adding: tuple[ListName, str | None] | None = None  # the add prompt: list, phase
        self._detail_shown: tuple[str, ...] = ()  # what the detail row shows now

    @property
    def vc_app(self) -> ValueCanvasApp:
        from valuecanvas.tui.app import ValueCanvasApp

        assert isinstance(self.app, ValueCanvasApp)
        return self.app

    # ------------------------------------------------------------ layout

    def _list(self, name: ListName) -> ItemList:
        key = LIST_NAMES.index(name) + 1
        title = f"{key} {(SHORT_NL if self.lang == 'nl' else SHORT_EN)[name]}"
        widget = ItemList(
            name,
            title,
            lambda item, n=name: format_item(n, item),
            id=f"list-{name}",
            classes="pane",
        )
        widget.cursor_hook = self._cursor_hook
        widget.empty_hint = empty_hint(name, self.lang) or widget.empty_hint
        self.lists[name] = widget
        return widget

    def compose(self) -> ComposeResult:
        yield Static(id="titlebar")
        with Horizontal(id="body"):
            with ContentSwitcher(initial="canvas-view", id="views"):
                with Horizontal(id="canvas-view"):
                    with Vertical(classes="col", id="col-products"):
                        yield self._list("products")
                    with Vertical(classes="col", id="col-value"):
                        yield self._list("gain_creators")
                        yield self._list("pain_relievers")
                    with Vertical(classes="col", id="col-profile"):
                        yield self._list("gains")
                        yield self._list("pains")
                    with Vertical(classes="col", id="col-jobs"):
                        yield self._list("jobs")
                yield JourneyView(self._list("steps"), id="journey-view")
                yield PersonasView(self._list("personas"), id="personas-view")
            yield FitPanel(id="fit")
        yield Input(id="filter", placeholder="filter: type to narrow · enter keeps · escape clears")
        with Horizontal(id="add-bar"):
            yield Label(id="add-label")
            yield AddPrompt(
                id="add-box", placeholder="type it · enter adds, stays open · empty enter closes"
            )
        yield Static(id="detail")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self.query_one("#add-bar").display = False
        self.refresh_views(None)
        self.lists["jobs"].focus()
        if not self.vc_app.read_only:  # a merge left conflicts: offer each in turn
            offer_next(self, self.document.canvas)

    def on_unmount(self) -> None:
        gc.unfreeze()  # see _settle_heap

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_fit)
        self.update_titlebar()

    # ------------------------------------------------------------ state → screen

    def refresh_views(self, old: Canvas | None, focus: str | None = None) -> None:
        """Hand every pane whose list changed its new items; recompute the fit."""
        if old is None:
            gc.freeze()  # the loaded canvas: see _settle_heap
        canvas = self.document.canvas
        for name, widget in self.lists.items():
            items = items_of(canvas, name)
            if (
                old is None
                or items is not items_of(old, name)
                or (focus and focus in {i.id for i in items})
            ):
                widget.set_items(
                    items, focus if focus and any(i.id == focus for i in items) else None
                )
        previous = self.report
        self.report = compute_fit(canvas)
        must = frozenset(self.report.must_address) - self.report.addressed
        for name in ("jobs", "pains", "gains"):
            self.lists[name].set_flagged(must)
        self.lists["steps"].set_flagged(frozenset(self.report.journey_low_points))
        # The journey and personas views redraw (and re-lay out) only when what they show
        # changed: on a 5,000-item canvas every layout pass costs a frame.
        if (
            old is None
            or canvas.journey is not old.journey
            or self.report.journey_low_points != previous.journey_low_points
        ):
            self.query_one(JourneyView).show(canvas, self.report)
        if old is None or canvas.personas is not old.personas or canvas.market != old.market:
            self.query_one(PersonasView).show(canvas)
        self._show_fit()
        self.update_marks()
        self.update_titlebar()
        if old is None:
            self.call_after_refresh(_settle_heap)

    def _show_fit(self) -> None:
        self.query_one(FitPanel).show(self.document.canvas, self.report)

    def update_titlebar(self) -> None:
        doc = self.document
        name = safe(doc.path.name, 60) if doc.path else "(not saved yet)"
        dirty = " ●" if doc.dirty else ""
        view = self.query_one("#views", ContentSwitcher).current or "canvas-view"
        tabs: list[str | tuple[str, str]] = []
        for key, label in VIEW_NAMES.items():
            tabs.append((f" {label} ", "reverse bold") if key == view else f" {label} ")
        mode = "  READ-ONLY" if self.vc_app.read_only else ""
        # The file name and the unsaved mark always stay; the title gives way (cut with …).
        used = sum(len(t if isinstance(t, str) else t[0]) for t in tabs) + 1
        room = (self.size.width or 80) - 2 - used - len(f" — {name}") - len(dirty) - len(mode)
        title = one_line(doc.canvas.title)
        if len(title) > max(room, 1):
            title = title[: max(room - 1, 0)] + "…"
        self.query_one("#titlebar", Static).update(
            Content.assemble(
                *tabs,
                " ",
                (title, "bold"),
                f" — {name}",
                (dirty, "bold $warning"),
                (mode, "bold $error"),
            ),
            layout=False,  # one fixed row: no re-layout
        )

    def update_marks(self) -> None:
        """Mark, in every other pane, the items linked with the focused one."""
        current = self.current_list()
        item_id = current.current_id if current else None
        linked: frozenset[str] = frozenset()
        if item_id is not None:
            try:
                linked = frozenset(edits.linked_ids(self.document.canvas, item_id))
            except EditError:
                linked = frozenset()
        for widget in self.lists.values():
            widget.set_marks(linked if widget is not current else frozenset())
        self.update_detail(current)

    def update_detail(self, current: ItemList | None) -> None:
        detail = self.query_one("#detail", Static)
        item = current.current_item if current else None
        if item is None or current is None:
            if self._detail_shown != ("",):
                self._detail_shown = ("",)
                detail.update(Content(""), layout=False)  # one fixed row: no re-layout
            return
        spec = LISTS[current.list_name]
        bits = [item.id]
        for field in ("phase", "kind", spec.level_field, "role", "value"):
            value = getattr(item, field, None) if field else None
            if value:
                bits.append(str(value))
        if current.list_name == "steps":
            bits.append(f"emotion {item.emotion:+d}")
            if item.touchpoint:
                bits.append(f"@{item.touchpoint}")
        links = sorted(edits.linked_ids(self.document.canvas, item.id))
        if links:
            bits.append("links " + ",".join(links))
        shown = (" · ".join(bits) + "  ", one_line(item.label))
        if shown == self._detail_shown:
            return  # unchanged: no repaint
        self._detail_shown = shown
        detail.update(Content.assemble((shown[0], "$text-muted"), shown[1]), layout=False)

    def current_list(self) -> ItemList | None:
        """The list item keys act on: the focused one (or the one the add / filter bar serves).

        None while another widget has focus (the fit panel, the empathy map), so `d` there
        never deletes an item of a pane the user is not looking at.
        """
        focused = self.focused
        if isinstance(focused, ItemList):
            return focused
        if focused is not None and focused.id in ("add-box", "filter"):
            return self.lists.get(self.last_list)
        return None

    @on(ItemList.CursorMoved)
    def _cursor_moved(self, event: ItemList.CursorMoved) -> None:
        if event.item_list.has_focus:
            self.last_list = event.item_list.list_name
            self.update_marks()

    def _cursor_hook(self, item_list: ItemList) -> None:
        """The focused list's cursor moved: marks and detail in the same frame (no message hop)."""
        if self.is_mounted:
            self.last_list = item_list.list_name
            self.update_marks()

    # ------------------------------------------------------------ applying edits

    def apply(self, new: Canvas, label: str, focus: str | None = None) -> bool:
        """Make `new` the document's canvas (undoable) and show it."""
        if self.vc_app.read_only and new is not self.document.canvas:
            self.notify(
                "Read-only: this canvas cannot be changed here.", severity="warning", markup=False
            )
            return False
        old = self.document.canvas
        if not self.document.apply(new, label):
            return False
        self.refresh_views(old, focus)
        self.vc_app.document_changed()
        return True

    def run_edit(
        self, make: Callable[[Canvas], Canvas], label: str, focus: str | None = None
    ) -> bool:
        try:
            new = make(self.document.canvas)
        except EditError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False
        return self.apply(new, label, focus)

    def focused_item(self) -> tuple[ItemList, str] | None:
        current = self.current_list()
        if current is None or current.current_id is None:
            return None
        return current, current.current_id

    # ------------------------------------------------------------ pane actions

    def action_focus_pane(self, name: str) -> None:
        if name == "fit":
            self.query_one(FitPanel).focus()
            return
        list_name: ListName = name  # type: ignore[assignment]
        switcher = self.query_one("#views", ContentSwitcher)
        if switcher.current != VIEW_OF[list_name]:
            switcher.current = VIEW_OF[list_name]
        self.lists[list_name].focus()
        self.last_list = list_name
        self.update_titlebar()

    def action_add_item(self) -> None:
        """`a`: the one-line prompt at the bottom (no dialog: the lists stay in view)."""
        current = self.current_list()
        if current is None:
            return
        name = current.list_name
        phase = None
        if name == "steps" and (step := current.current_item) is not None:
            phase = step.phase
        self._adding = (name, phase)
        where = f" ({phase})" if phase else ""
        self.query_one("#add-label", Label).update(Content(f"New {LISTS[name].singular}{where}: "))
        box = self.query_one("#add-box", Input)
        box.value = ""
        self._bottom_row("#add-bar")
        box.focus()

    @on(Input.Submitted, "#add-box")
    def _add_submitted(self, event: Input.Submitted) -> None:
        """`enter`: add the item and keep the prompt open; on an empty prompt, close it."""
        event.stop()
        if self._adding is None:
            return
        if not event.value.strip():
            self._close_add()
            return
        self._add_texts([event.value])

    @on(AddPrompt.Pasted)
    def _add_pasted(self, event: AddPrompt.Pasted) -> None:
        """A pasted list: one item per line, one undoable change."""
        event.stop()
        if self._adding is not None:
            self._add_texts(event.texts)

    def _add_texts(self, texts: list[str]) -> None:
        assert self._adding is not None
        name, phase = self._adding
        try:
            new, ids = add_items(self.document.canvas, name, texts, phase=phase)
        except EditError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        label = f"add {ids[0]}" if len(ids) == 1 else f"add {len(ids)} items, last {ids[-1]}"
        if self.apply(new, label, focus=ids[-1]):
            self.query_one("#add-box", Input).value = ""
            self.lists[name].focus_item(ids[-1])  # clears a filter that would hide it

    def _bottom_row(self, shown: str) -> None:
        """Show one of the rows that share the line above the footer (same height: no resize)."""
        for row in ("#detail", "#add-bar", "#filter"):
            self.query_one(row).display = row == shown

    def _close_add(self) -> None:
        self._bottom_row("#detail")
        if self._adding is not None:
            self.lists[self._adding[0]].focus()
        self._adding = None

    @property
    def adding(self) -> bool:
        """True while the add prompt is open."""
        return self._adding is not None

    def action_edit_item(self) -> None:
        target = self.focused_item()
        if target is None:
            return
        current, item_id = target
        item = current.current_item
        canvas = self.document.canvas
        fields = item_fields(current.list_name, market=canvas.market, phases=canvas.journey.phases)
        values = {f.name: getattr(item, f.name) for f in fields}

        def apply(changes: dict[str, Any]) -> str | None:
            try:
                new = edits.update_item(self.document.canvas, item_id, changes)
            except EditError as exc:
                return str(exc)
            self.apply(new, f"edit {item_id}", focus=item_id)
            return None

        def done(result: str | None) -> None:
            current.focus()
            if result == "save":
                self.action_save()

        title = f"Edit {LISTS[current.list_name].singular} {item_id}"
        self.app.push_screen(FormScreen(title, fields, values, apply), done)

    def action_edit_canvas(self) -> None:
        canvas = self.document.canvas
        values = {f.name: getattr(canvas, f.name) for f in CANVAS_FIELDS}

        def apply(changes: dict[str, Any]) -> str | None:
            try:
                new = edits.update_canvas(self.document.canvas, changes)
            except EditError as exc:
                return str(exc)
            self.apply(new, "edit canvas settings")
            self.update_titlebar()
            return None

        def done(result: str | None) -> None:
            if result == "save":
                self.action_save()

        self.app.push_screen(FormScreen("Canvas settings", CANVAS_FIELDS, values, apply), done)

    def action_delete_item(self) -> None:
        target = self.focused_item()
        if target is None:
            return
        current, item_id = target
        label = one_line(current.current_item.label)
        links = len(edits.linked_ids(self.document.canvas, item_id))
        if self.run_edit(lambda c: edits.delete_item(c, item_id), f"delete {item_id}"):
            also = f" and {links} link{'s' if links != 1 else ''}" if links else ""
            self.notify(f"Deleted {item_id} “{label[:40]}”{also} — u undoes it", markup=False)

    def action_move_item(self, delta: int) -> None:
        if (target := self.focused_item()) is not None:
            _, item_id = target
            self.run_edit(
                lambda c: edits.move_item(c, item_id, delta), f"move {item_id}", focus=item_id
            )

    def action_shift_level(self, delta: int) -> None:
        if (target := self.focused_item()) is not None:
            _, item_id = target
            self.run_edit(
                lambda c: edits.shift_level(c, item_id, delta), f"level {item_id}", focus=item_id
            )

    def action_cycle_kind(self, delta: int = 1) -> None:
        """`t` / `T`: the next / previous kind."""
        if (target := self.focused_item()) is not None:
            _, item_id = target
            cycle = edits.cycle_kind if delta > 0 else cycle_kind_back
            self.run_edit(lambda c: cycle(c, item_id), f"kind {item_id}", focus=item_id)

    def action_link(self) -> None:
        target = self.focused_item()
        if target is None:
            return
        current, item_id = target
        from valuecanvas.tui.link_picker import open_link_picker

        open_link_picker(self, current.list_name, item_id)

    def action_journey(self, name: str) -> None:
        """Phase keys and touchpoints from the palette (the keys live on JourneyView)."""
        self.action_focus_pane("steps")
        self.query_one(JourneyView).action_journey(name)

    def action_personas(self, name: str) -> None:
        """Empathy map entry commands from the palette (the keys live on PersonasView)."""
        view = self.query_one(PersonasView)
        shown = self.query_one("#views", ContentSwitcher).current == "personas-view"
        if name == "entries" or not (shown and view.empathy.has_focus_within):
            # Never act on a hidden or unfocused empathy map: show it first, act on a 2nd go.
            self.action_focus_pane("personas")
            view.action_entries()
            if name not in ("entries", "back"):
                self.notify("The empathy map is open: run the command again.", markup=False)
            return
        view.action_personas(name)

    def action_filter(self) -> None:
        current = self.current_list()
        if current is None:
            return
        box = self.query_one("#filter", Input)
        self._bottom_row("#filter")
        box.value = current.filter_text
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.lists[self.last_list].set_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_filter(keep=True)

    def _close_filter(self, keep: bool) -> None:
        target = self.lists[self.last_list]
        if not keep:
            target.set_filter("")
        self._bottom_row("#detail")
        target.focus()

    def action_clear_filter(self) -> None:
        if self._adding is not None:
            self._close_add()
            return
        box = self.query_one("#filter", Input)
        if box.display:
            self._close_filter(keep=False)
        elif (current := self.current_list()) is not None and current.filter_text:
            current.set_filter("")

    def jump_to(self, item_id: str) -> bool:
        """Focus an item in its pane (switching view if needed), e.g. from the fit panel."""
        name = edits.list_of(self.document.canvas, item_id)
        if name is None:
            return False
        self.action_focus_pane(name)
        return self.lists[name].focus_item(item_id)

    def action_show_fit(self) -> None:
        from valuecanvas.tui.fit_panel import FitScreen

        def chosen(item_id: str | None) -> None:
            if item_id:
                self.jump_to(item_id)

        self.app.push_screen(FitScreen(self.document.canvas, self.report), chosen)

    @on(FitPanel.Jump)
    def _fit_jump(self, event: FitPanel.Jump) -> None:
        """`enter` on a gap, unanchored item or low point in the fit panel."""
        self.jump_to(event.item_id)

    @on(ConflictChoice)
    def _conflict_choice(self, event: ConflictChoice) -> None:
        side = event.side
        if side is None:
            self.action_undo()
        else:
            self.run_edit(lambda c: resolve(c, event.index, side), event.label)
        offer_next(self, self.document.canvas, resolved_one=side is not None)

    # ------------------------------------------------------------ document actions

    def action_undo(self) -> None:
        old = self.document.canvas
        label = self.document.undo()
        if label is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self.refresh_views(old, self._focus_from(label))
        self.vc_app.document_changed()
        self.notify(f"Undone: {label}", markup=False)

    def _focus_from(self, label: str) -> str | None:
        """The item an undone or redone change was about ("delete p2" → p2), if it exists."""
        last = label.rsplit(" ", 1)[-1]
        return last if edits.list_of(self.document.canvas, last) else None

    def action_redo(self) -> None:
        old = self.document.canvas
        label = self.document.redo()
        if label is None:
            self.notify("Nothing to redo.", markup=False)
            return
        self.refresh_views(old, self._focus_from(label))
        self.vc_app.document_changed()
        self.notify(f"Redone: {label}", markup=False)

    def action_save(self, then: Callable[[], None] | None = None) -> None:
        if self.vc_app.read_only:
            self.notify(
                "Read-only: saving is off for this canvas.", severity="warning", markup=False
            )
            return
        if self.document.path is None:
            self.vc_app.safety.save_as(then, title="Save as (file name):")
            return
        self.vc_app.save_document(then)

    def action_save_as(self) -> None:
        """Save under another name (e.g. when this folder is read-only); edit that file."""
        if self.vc_app.read_only:
            self.notify(
                "Read-only: saving is off for this canvas.", severity="warning", markup=False
            )
            return
        self.vc_app.safety.save_as(None, title="Save as (file name):")

    def save_error(self, exc: CanvasError) -> None:
        self.notify(
            "\n".join(exc.lines()), title="Not saved", severity="error", markup=False, timeout=10
        )
