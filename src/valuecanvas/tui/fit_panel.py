"""The live fit summary: verdict, score, coverage bars, first gaps and loose ends.

It only renders a `FitReport` from the same `compute_fit` the command line uses,
so the panel and `valuecanvas fit` can never disagree.

The gaps, unanchored items and journey low points are *entries*: an `OptionList`
whose options carry the item id, so `↑`/`↓` choose one and `enter` jumps to it
(the panel posts `FitPanel.Jump`; the full report `f` dismisses with the id).
Every row is built with `Content`, never markup: user text shows literally.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from valuecanvas.fit import PROFILE, FitReport
from valuecanvas.model import LISTS, Canvas, ListName, items_of
from valuecanvas.reports import bar, list_short, pct, tr
from valuecanvas.tui.item_list import one_line
from valuecanvas.tui.lang import lang_of
from valuecanvas.tui.option_rows import RowKey, set_rows
from valuecanvas.tui.steady_scroll import SteadyOptions

VERDICT_STYLE = {"fit": "bold $success", "partial": "bold $warning", "none": "bold $error"}
PANEL_LIMIT = 25
"""Entries per section in the panel; `f` shows them all."""


def labels(canvas: Canvas, ids: Iterable[str] = ()) -> dict[str, tuple[ListName, Any]]:
    """Item by id for the lists a fit report names (only `ids` if given)."""
    wanted = set(ids)
    return {
        i.id: (name, i)
        for name, spec in LISTS.items()
        if spec.shape != "persona"  # a fit report never names a persona
        for i in items_of(canvas, name)
        if not wanted or i.id in wanted
    }


# ---------------------------------------------------------------- content


def summary_content(report: FitReport, *, width: int, compact: bool, lang: str = "en") -> Content:
    """Verdict, score and coverage: one line (`compact`) or a small block."""
    verdict_word = tr(report.verdict, lang)
    verdict = Content.assemble(
        (tr("Fit: ", lang), "bold"), (verdict_word, VERDICT_STYLE[report.verdict])
    )
    score = f"{tr('score', lang)} {pct(report.score)}"
    if compact:
        # "Fit: partial  score 58%  " then three "Jobs ▇▇▇ 100%" parts.
        room = width - len(verdict_word) - len(score) - 9
        bar_width = max(0, min(10, (room - 3 * 12) // 3))
        parts = []
        for name in PROFILE:
            value = report.coverage[name]
            shown = f" {bar(value, bar_width, '░')}" if bar_width else ""
            parts.append(f"{list_short(name, lang)}{shown} {pct(value):>4}")
        return Content.assemble(verdict, f"  {score}  ", "  ".join(parts))
    bar_width = max(4, width - 12)
    lines = [Content.assemble(verdict, f"   {score}")]
    for name in PROFILE:
        value = report.coverage[name]
        lines.append(
            Content(f"{list_short(name, lang):<6}{bar(value, bar_width, '░')} {pct(value):>4}")
        )
    return Content("\n").join(lines)


Entry = tuple[str | None, Content]
"""An entry row: the item id it jumps to (None: a heading, not selectable) and its text."""


def fit_entries(
    canvas: Canvas,
    report: FitReport,
    *,
    compact: bool,
    limit: int | None = PANEL_LIMIT,
    lang: str = "en",
) -> list[Entry]:
    """Gaps (must-address first), unanchored items and journey low points, as rows.

    `compact` (the 3-line strip) drops the headings and tags each row instead.
    """
    gaps = [i for n in PROFILE for i in report.gaps[n]]
    must = set(report.must_address)
    gaps.sort(key=lambda i: i not in must)  # stable: fit.md's order within each group
    sections = (
        (tr("gap", lang), tr("Gaps", lang), gaps, "every job, pain and gain is addressed"),
        (tr("unanchored", lang), tr("Unanchored", lang), list(report.unanchored), ""),
        (
            tr("low point", lang),
            tr("Journey low points", lang),
            list(report.journey_low_points),
            "",
        ),
    )
    shown_ids = [i for *_, ids, _ in sections for i in (ids if limit is None else ids[:limit])]
    names = labels(canvas, shown_ids)
    rows: list[Entry] = []
    for tag, title, ids, none_text in sections:
        if not ids:
            if none_text and not compact:
                rows.append(
                    (None, Content.assemble((title, "bold"), (tr(": none", lang), "$text-muted")))
                )
            continue
        if not compact:
            rows.append((None, Content.assemble((title, "bold"), f" ({len(ids)})")))
        shown = ids if limit is None else ids[:limit]
        for item_id in shown:
            item = names[item_id][1]
            mark = ("!", "bold $error") if item_id in must else " "
            rows.append(
                (
                    item_id,
                    Content.assemble(
                        (f"{tag:<10} ", "$text-muted") if compact else "",
                        mark,
                        (item_id, "$text-muted"),
                        " ",
                        one_line(item.label),
                    ),
                )
            )
        if len(shown) < len(ids):
            more = (
                f"  … {len(ids) - len(shown)} {tr('more', lang)} {title.lower()}"
                f" — {tr('f shows all', lang)}"
            )
            rows.append((None, Content.styled(more, "$text-muted")))
    if compact and not rows:
        rows.append(
            (
                None,
                Content.styled(tr("no gaps, nothing unanchored, no low points", lang), "$success"),
            )
        )
    return rows


# ---------------------------------------------------------------- widgets


class FitEntries(SteadyOptions, OptionList):
    """The selectable rows: `↑` `↓` choose, `enter` jumps to the item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "jump to it", show=True),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self._rows: list[Entry] = []
        self._keys: list[RowKey] = []  # what each row reads

    def show_rows(self, rows: list[Entry]) -> None:
        """Replace the rows, keeping the highlight on the same item where possible."""
        if rows == self._rows:
            return
        old = self.highlighted_option
        old_id = old.id if old is not None else None
        old_index = self.highlighted
        # Entries that read the same keep their rendered rows (a new gap changes one count)
        self._keys = set_rows(
            self, [(item_id, content, item_id is None) for item_id, content in rows], self._keys
        )
        self._rows = rows
        selectable = [n for n, (item_id, _) in enumerate(rows) if item_id is not None]
        if not selectable:
            self.highlighted = None
            return
        if old_id is not None and any(item_id == old_id for item_id, _ in rows):
            self.highlighted = self.get_option_index(old_id)
        else:
            start = old_index or 0
            self.highlighted = next((n for n in selectable if n >= start), selectable[-1])

    @property
    def entry_ids(self) -> list[str]:
        return [item_id for item_id, _ in self._rows if item_id is not None]


class FitPanel(Vertical):
    """Summary on top, selectable entries below (they scroll). `0` focuses the entries."""

    class Jump(Message):
        """The user chose an entry: focus this item in its pane."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.report: FitReport | None = None
        self._head_lines = -1
        self._summary: tuple[str, tuple[Any, ...]] = ("", ())  # what the summary shows now

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="fit-head")
        yield FitEntries(id="fit-entries")

    def focus(self, scroll_visible: bool = True) -> Widget:
        """The panel itself is a frame: focus goes to its entries."""
        return self.query_one(FitEntries).focus(scroll_visible)

    @property
    def compact(self) -> bool:
        return self.screen.has_class("-narrow")

    def show(self, canvas: Canvas, report: FitReport) -> None:
        self.report = report
        lang = lang_of(self)
        if self.border_title is None:  # setting a border title repaints the whole panel
            self.border_title = "0 Fit"
            self.border_subtitle = tr("f: full report", lang)
        compact = self.compact
        width = max(10, self.content_region.width or 30)
        summary = summary_content(report, width=width, compact=compact, lang=lang)
        shown = (summary.plain, tuple(summary.spans))  # Content's == compares the text only
        if shown != self._summary:
            self._summary = shown
            lines = summary.plain.count("\n")
            # The summary keeps its height from edit to edit; a layout pass then only costs
            # time.
            self.query_one("#fit-head", Static).update(summary, layout=lines != self._head_lines)
            self._head_lines = lines
        self.query_one(FitEntries).show_rows(
            fit_entries(canvas, report, compact=compact, lang=lang)
        )

    @property
    def summary_text(self) -> str:
        """What the summary shows, as plain text (for tests)."""
        return str(self.query_one("#fit-head", Static).render())

    @on(OptionList.OptionSelected, "#fit-entries")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(event.option.id))


class FitScreen(ModalScreen[str | None]):
    """The whole fit report, every gap, full screen (`f`); `enter` on an entry jumps to it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f,q", "close", "Close")]

    def __init__(self, canvas: Canvas, report: FitReport) -> None:
        super().__init__()
        self.canvas = canvas
        self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog fit-screen"):
            lang = lang_of(self)
            yield Static(Content(tr("Fit report", lang)), classes="dialog-title")
            yield Static(
                summary_content(self.report, width=60, compact=False, lang=lang), id="fit-summary"
            )
            yield FitEntries(id="fit-all")
            yield Static(
                Content(tr("↑ ↓ choose · enter jumps to it · escape closes", lang)),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        entries = self.query_one(FitEntries)
        entries.show_rows(
            fit_entries(self.canvas, self.report, compact=False, limit=None, lang=lang_of(self))
        )
        entries.focus()

    @on(OptionList.OptionSelected, "#fit-all")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
