"""The touchpoint table: per journey phase, each touchpoint, its steps, mean emotion.

Shown beside the steps on wide screens, and full size as `TouchpointsScreen` (`o`).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from valuecanvas.journey import PhaseTouchpoints, touchpoint_overview
from valuecanvas.model import Canvas
from valuecanvas.reports.words import tr
from valuecanvas.tui.item_list import one_line
from valuecanvas.tui.lang import lang_of
from valuecanvas.tui.rows import fit_width


def touchpoints_content(
    overview: tuple[PhaseTouchpoints, ...], width: int = 60, lang: str = "en"
) -> Content:
    """The touchpoint table: per phase, each touchpoint, its steps and mean emotion."""
    name_width = max(12, min(40, width - 16))
    head = f"{tr('phase / touchpoint', lang):<{name_width + 2}} {tr('steps', lang):>5}   {tr('avg', lang)}"
    parts: list[Content] = [Content.styled(head, "bold")]
    for phase in overview:
        parts.append(
            Content.assemble(
                (fit_width(one_line(phase.phase), name_width + 2), "bold $accent"),
                (f"{phase.steps:>5}" if phase.steps else "    —", "$text-muted"),
            )
        )
        for stat in phase.touchpoints:
            average = stat.average_emotion
            parts.append(
                Content.assemble(
                    "  ",
                    fit_width(one_line(stat.label), name_width),
                    f"{stat.steps:>5}  ",
                    (f"{average:+.1f}", "$error" if average < 0 else ""),
                )
            )
    return Content("\n").join(parts)


class TouchpointsScreen(ModalScreen[None]):
    """The touchpoint overview full size (`o`), for screens too small to show it beside."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,o,q", "close", "Close")]

    def __init__(self, canvas: Canvas) -> None:
        super().__init__()
        self.canvas = canvas

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog touchpoints-screen", id="touchpoints-body"):
            lang = lang_of(self)
            yield Static(Content(tr("Touchpoints per phase", lang)), classes="dialog-title")
            yield Static(touchpoints_content(touchpoint_overview(self.canvas), 64, lang))
            yield Static(Content(tr("↑ ↓ scroll · escape closes", lang)), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
