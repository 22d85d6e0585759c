"""The canvas screen: panes, fit panel, detail line; every key becomes an edit.

Data flows one way: a key calls a pure function of `valuecanvas.edits`, the
`Document` keeps the new canvas (and the old one for undo), and `refresh_views`
hands each pane only what changed.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import ContentSwitcher, Input, Label, Static

from valuecanvas import edits
from valuecanvas.document import Document
from valuecanvas.errors import EditError, safe
from valuecanvas.fit import FitReport, compute_fit
from valuecanvas.model import LIST_NAMES, LISTS, Canvas, ListName, items_of
from valuecanvas.reports.words import list_short
from valuecanvas.tui.add_actions import AddActions
from valuecanvas.tui.add_prompt import AddPrompt
from valuecanvas.tui.commands import bindings
from valuecanvas.tui.conflicts_dialog import offer_next
from valuecanvas.tui.document_actions import DocumentActions
from valuecanvas.tui.first_frame import FirstFrame
from valuecanvas.tui.fit_panel import FitPanel
from valuecanvas.tui.heap import release_heap
from valuecanvas.tui.heap import settle_heap as _settle_heap
from valuecanvas.tui.item_actions import ItemActions
from valuecanvas.tui.item_list import ItemList, one_line
from valuecanvas.tui.journey_view import JourneyView
from valuecanvas.tui.key_bar import KeyBar
from valuecanvas.tui.lang import TranslatedFooter, t, t_error
from valuecanvas.tui.lens_view import LensView
from valuecanvas.tui.method_hints import empty_hint
from valuecanvas.tui.navigation import Navigation
from valuecanvas.tui.personas_view import PersonasView
from valuecanvas.tui.rows import format_item
from valuecanvas.tui.tag_keys import TagKeys
from valuecanvas.tui.title_bar import TitleBar

if TYPE_CHECKING:
    pass


class MainScreen(
    TagKeys, AddActions, ItemActions, DocumentActions, Navigation, FirstFrame, TranslatedFooter
):
    """The canvas screen: layout, state → panes, applying edits, the add prompt.

    Its actions live in its parts (`screen_parts`): `item_actions`, `document_actions`,
    `navigation`, `tag_keys`, `first_frame`; the screen owns the document and every change goes
    through `apply`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("screen"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (110, "-wide"),
    ]

    canvas: var[Canvas | None] = var(None, init=False, always_update=True)
    """The canvas shown: set only by `show_document`; `watch_canvas` updates every pane."""

    def __init__(self, document: Document, lang: str = "en") -> None:
        super().__init__()
        # The breakpoint class for the terminal's width, set before the first styling: set
        # by the first Resize instead, it restyles the whole screen once more at start-up.
        width = self.app.size.width
        self.add_class(max(b for b in self.HORIZONTAL_BREAKPOINTS or [] if width >= b[0])[1])
        self.document = document
        self._focus_next: str | None = None  # the item `watch_canvas` puts the cursor on
        self.lang = lang
        self.report: FitReport = compute_fit(document.canvas)
        self._report_of = document.canvas  # the canvas `report` is the fit of
        self.lists: dict[ListName, ItemList] = {}
        self.last_list: ListName = "jobs"
        self._adding: tuple[ListName, str | None] | None = None  # the add prompt: list, phase
        self._detail_shown: tuple[str, ...] = ()  # what the detail row shows now
        self._refreshing = False  # refresh_views is handing panes their items

    # ------------------------------------------------------------ layout

    def _list(self, name: ListName) -> ItemList:
        key = LIST_NAMES.index(name) + 1
        title = f"{key} {list_short(name, self.lang)}"
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
        yield TitleBar(id="titlebar")
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
                yield LensView(lang=self.lang, id="lens-view")
            yield FitPanel(id="fit")
        yield Input(
            id="filter", placeholder=t(self, "filter: type to narrow · enter keeps · escape clears")
        )
        with Horizontal(id="add-bar"):
            yield Label(id="add-label")
            yield AddPrompt(
                id="add-box",
                placeholder=t(self, "type it · enter adds, stays open · empty enter closes"),
            )
        yield Static(id="detail")
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self.query_one("#add-bar").display = False
        self.set_reactive(MainScreen.canvas, self.document.canvas)  # shown by refresh_views:
        self.refresh_views(None)
        self.lists["jobs"].focus()
        if not self.vc_app.read_only:  # a merge left conflicts: offer each in turn
            offer_next(self, self.document.canvas)

    def on_unmount(self) -> None:
        release_heap()  # see heap.settle_heap

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_fit)
        self.update_titlebar()

    # ------------------------------------------------------------ state → screen

    def refresh_views(self, old: Canvas | None, focus: str | None = None) -> None:
        """Hand every pane whose list changed its new items; recompute the fit."""
        if old is None:
            gc.freeze()  # the loaded canvas: see _settle_heap
        canvas = self.document.canvas
        self._refreshing = True  # the cursor hook waits: update_marks runs once, below
        try:
            for name, widget in self.lists.items():
                items = items_of(canvas, name)
                has_focus = bool(focus) and any(i.id == focus for i in items)
                if old is None or items is not items_of(old, name) or has_focus:
                    widget.set_items(items, focus if has_focus else None)
        finally:
            self._refreshing = False
        previous = self.report
        if canvas is not self._report_of:  # at start-up __init__ computed it already
            self.report = compute_fit(canvas)
            self._report_of = canvas
        must = frozenset(self.report.must_address) - self.report.addressed
        for name in ("jobs", "pains", "gains"):
            self.lists[name].set_flagged(must)
        self.lists["steps"].set_flagged(frozenset(self.report.journey_low_points))
        journey = self.query_one(JourneyView)
        journey.canvas = canvas  # the phase keys read it; redrawn only below
        if old is None:
            # Start-up: the first frame shows the panes; the fit panel and the hidden journey
            # and personas views are filled in right after it (they cost a third of it).
            self.call_after_refresh(self._show_rest)
        else:
            # The journey and personas views redraw (and re-lay out) only when what they show
            # changed: on a 5,000-item canvas every layout pass costs a frame.
            if (
                canvas.journey is not old.journey
                or self.report.journey_low_points != previous.journey_low_points
                or canvas.personas is not old.personas  # step rows name their persona
            ):
                journey.show(canvas, self.report)
            if canvas.personas is not old.personas or canvas.market != old.market:
                self.query_one(PersonasView).show(canvas)
            self._show_fit()
        self.query_one(LensView).canvas_changed(canvas)  # recomputed now if shown
        self.update_marks()
        self.update_titlebar()
        if old is None:
            self.call_after_refresh(_settle_heap)

    def _show_rest(self) -> None:
        """What start-up leaves for after the first frame (see refresh_views)."""
        canvas = self.document.canvas
        self.query_one(JourneyView).show(canvas, self.report)
        self.query_one(PersonasView).show(canvas)
        self._show_fit()

    def _show_fit(self) -> None:
        self.query_one(FitPanel).show(self.document.canvas, self.report)

    def update_titlebar(self) -> None:
        """Hand the title bar its state; it repaints once a frame, only if something changed."""
        doc = self.document
        bar = self.query_one(TitleBar)
        bar.view = self.query_one("#views", ContentSwitcher).current or "canvas-view"
        bar.title = doc.canvas.title
        bar.file_name = safe(doc.path.name, 60) if doc.path else ""
        bar.dirty = doc.dirty
        bar.read_only = self.vc_app.read_only

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
        self.update_detail(current, linked)

    def update_detail(self, current: ItemList | None, linked: frozenset[str] | None = None) -> None:
        detail = self.query_one("#detail", Static)
        item = current.current_item if current else None
        if item is None or current is None:
            if self._detail_shown != ("",):
                self._detail_shown = ("",)
                detail.update(Content(""), layout=False)  # one fixed row: no re-layout
            return
        bits = [item.id]
        for field in LISTS[current.list_name].detail_fields:
            value = getattr(item, field.name)
            if (value or isinstance(value, int)) and value != "assumption":  # 0: an emotion
                if field.choices and isinstance(value, str):  # the file's words: "hoog"
                    value = t(self, value)
                bits.append(t(self, field.detail).format(value))
        if linked is None:
            linked = frozenset(edits.linked_ids(self.document.canvas, item.id))
        links = sorted(linked)
        if links:
            bits.append(t(self, "links") + " " + ",".join(links))
        shown = (" · ".join(bits) + "  ", one_line(item.label))
        if shown == self._detail_shown:
            return  # unchanged: no repaint
        self._detail_shown = shown
        detail.update(Content.assemble((shown[0], "$text-muted"), shown[1]), layout=False)

    def say(self, text: str) -> None:
        """A message in the detail row, until the cursor moves or the canvas changes.

        Not a toast: a toast covers rows of the panes, and mounting one lays the whole
        screen out again (a full repaint on a big canvas, for every delete).
        """
        shown = ("", text)
        if shown != self._detail_shown:
            self._detail_shown = shown
            message = Content.styled(one_line(text), "bold $text-accent")
            self.query_one("#detail", Static).update(message, layout=False)

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

    def _cursor_hook(self, item_list: ItemList) -> None:
        """The focused list's cursor moved: marks and detail in the same frame (no message hop)."""
        if self.is_mounted:
            self.last_list = item_list.list_name
            if not self._refreshing:
                self.update_marks()

    # ------------------------------------------------------------ applying edits

    def apply(self, new: Canvas, label: str, focus: str | None = None) -> bool:
        """Make `new` the document's canvas (undoable) and show it."""
        if self.vc_app.read_only and new is not self.document.canvas:
            self.notify(
                t(self, "Read-only: this canvas cannot be changed here."),
                severity="warning",
                markup=False,
            )
            return False
        if not self.document.apply(new, label):
            return False
        self.show_document(focus)
        return True

    def show_document(self, focus: str | None = None) -> None:
        """State down: the document's canvas (after an edit, undo, redo, reload) to `canvas`."""
        self._focus_next = focus
        self.canvas = self.document.canvas  # watch_canvas runs now, before the next key

    def watch_canvas(self, old: Canvas | None, new: Canvas | None) -> None:
        """Every pane gets what changed. Synchronous, so the panes are current before the
        next typed key (`enter` then `ctrl+s` saves what was shown); `always_update`: no
        deep comparison of two 5,000-item canvases (`refresh_views` compares identities)."""
        if new is not None and new is not old:
            self.refresh_views(old, self._focus_next)
        self._focus_next = None

    def run_edit(
        self, make: Callable[[Canvas], Canvas], label: str, focus: str | None = None
    ) -> bool:
        try:
            new = make(self.document.canvas)
        except EditError as exc:
            self.notify(t_error(self, exc), severity="error", markup=False)
            return False
        return self.apply(new, label, focus)

    def focused_item(self) -> tuple[ItemList, str] | None:
        current = self.current_list()
        if current is None or current.current_id is None:
            return None
        return current, current.current_id
