"""The live fit summary: verdict, score, coverage bars, first gaps and loose ends.

It only renders a `FitReport` from the same `compute_fit` the command line uses,
so the panel and `valuecanvas fit` can never disagree.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from valuecanvas.fit import PROFILE, FitReport
from valuecanvas.model import LISTS, Canvas, ListName, items_of
from valuecanvas.tui.item_list import one_line

VERDICT_STYLE = {"fit": "bold $success", "partial": "bold $warning", "none": "bold $error"}
SHORT = {"jobs": "Jobs", "pains": "Pains", "gains": "Gains"}


def bar(value: int | None, width: int) -> str:
    if value is None:
        return "—".ljust(width)
    filled = round(width * value / 100)
    return "█" * filled + "░" * (width - filled)


def pct(value: int | None) -> str:
    return "—" if value is None else f"{value}%"


def labels(canvas: Canvas) -> dict[str, tuple[ListName, Any]]:
    return {i.id: (name, i) for name in LISTS for i in items_of(canvas, name)}


def fit_content(
    canvas: Canvas, report: FitReport, *, width: int, compact: bool, limit: int | None = 5
) -> Content:
    """The panel's text. `compact`: three lines for a strip under the panes."""
    verdict = Content.assemble(("Fit: ", "bold"), (report.verdict, VERDICT_STYLE[report.verdict]))
    score = f"score {pct(report.score)}"
    if compact:
        cov = "  ".join(
            f"{SHORT[n]} {bar(report.coverage[n], 6)} {pct(report.coverage[n]):>4}" for n in PROFILE
        )
        must = [i for n in PROFILE for i in report.gaps[n] if i in report.must_address]
        names = labels(canvas)
        gap_text = (
            "must address: " + ", ".join(f"{i} {one_line(names[i][1].label)}" for i in must)
            if must
            else "every must-address item is addressed"
        )
        extra = []
        if report.unanchored:
            extra.append(f"unanchored {len(report.unanchored)}")
        if report.journey_low_points:
            extra.append(f"low points {len(report.journey_low_points)}")
        return Content("\n").join(
            [
                Content.assemble(verdict, f"  {score}  ", cov),
                Content(gap_text),
                Content("  ".join(extra) + ("  ·  f: full report" if extra else "f: full report")),
            ]
        )
    names = labels(canvas)
    bar_width = max(4, width - 14)
    lines: list[Content] = [verdict, Content(score), Content("")]
    for name in PROFILE:
        value = report.coverage[name]
        lines.append(Content(f"{SHORT[name]:<6}{bar(value, bar_width)} {pct(value):>4}"))
    lines.append(Content(""))

    def item_line(item_id: str) -> Content:
        _, item = names[item_id]
        mark = "!" if item_id in report.must_address else " "
        return Content(f"{mark}{item_id} {one_line(item.label)}")

    gaps = [i for n in PROFILE for i in report.gaps[n]]
    gaps.sort(key=lambda i: i not in report.must_address)
    lines.append(Content.assemble(("Gaps", "bold"), f" ({len(gaps)})" if gaps else ": none"))
    shown = gaps if limit is None else gaps[:limit]
    lines.extend(item_line(i) for i in shown)
    if len(shown) < len(gaps):
        lines.append(Content(f"  … {len(gaps) - len(shown)} more (f)"))
    if report.unanchored:
        lines.append(Content.assemble(("Unanchored", "bold"), f" ({len(report.unanchored)})"))
        shown = report.unanchored if limit is None else report.unanchored[:limit]
        lines.extend(item_line(i) for i in shown)
        if len(shown) < len(report.unanchored):
            lines.append(Content(f"  … {len(report.unanchored) - len(shown)} more (f)"))
    if report.journey_low_points:
        lines.append(
            Content.assemble(("Low points", "bold"), f" ({len(report.journey_low_points)})")
        )
        shown = report.journey_low_points if limit is None else report.journey_low_points[:limit]
        lines.extend(item_line(i) for i in shown)
    return Content("\n").join(lines)


class FitPanel(VerticalScroll, can_focus=True):
    """Scrolls when the fit is longer than the room it has."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="fit-text")

    def show(self, canvas: Canvas, report: FitReport) -> None:
        self.border_title = "Fit"
        compact = self.has_class("compact") or self.screen.has_class("-narrow")
        width = max(10, self.scrollable_content_region.width or 30)
        self.query_one("#fit-text", Static).update(
            fit_content(canvas, report, width=width, compact=compact)
        )


class FitScreen(ModalScreen[None]):
    """The whole fit report, every gap, full screen (`f`)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f,q", "close", "Close")]

    def __init__(self, canvas: Canvas, report: FitReport) -> None:
        super().__init__()
        self.canvas = canvas
        self.report = report

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog fit-screen"):
            yield Static(Content("Fit report"), classes="dialog-title")
            yield Static(fit_content(self.canvas, self.report, width=60, compact=False, limit=None))
            yield Static(Content("↑ ↓ scroll · escape closes"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
