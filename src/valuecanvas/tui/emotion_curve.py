"""The emotion curve above the journey's steps: the customer's feeling, step by step.

Drawn with characters from `valuecanvas.journey.emotion_curve` (pure), one row per
emotion level; the cursor step and the low points are marked.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from valuecanvas.journey import emotion_curve
from valuecanvas.model import Step
from valuecanvas.tui.item_list import one_line
from valuecanvas.tui.lang import t

CURVE_STYLES = {
    "axis": "$text-muted",
    "phase": "$text-muted",
    "line": "$accent",
    "point": "bold $accent",
    "low": "bold $error",
    "cursor": "bold reverse $warning",
}


class EmotionCurve(Widget):
    """The customer's feeling step by step, -2 … +2, drawn with characters."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps: tuple[Step, ...] = ()
        self.low_points: frozenset[str] = frozenset()
        self.cursor: int | None = None
        self.border_title = "Emotion curve · ! low point: emotion ≤ -1, no pain on it relieved"

    def on_mount(self) -> None:
        self.border_title = t(
            self, "Emotion curve · ! low point: emotion ≤ -1, no pain on it relieved"
        )

    def show(self, steps: tuple[Step, ...], low_points: frozenset[str], cursor: int | None) -> None:
        self.steps, self.low_points, self.cursor = steps, low_points, cursor
        if cursor is not None and 0 <= cursor < len(steps):
            step = steps[cursor]
            self.border_subtitle = Content(
                f"{step.id} · {one_line(step.phase)} · {step.emotion:+d}"
                f"{' · ' + t(self, 'low point!') if step.id in low_points else ''}"
                f" · {cursor + 1}/{len(steps)}"
            )
        else:
            self.border_subtitle = ""
        self.refresh()

    def render(self) -> Content:
        width = self.content_region.width or 76
        if not self.steps:
            return Content.styled(t(self, "no steps yet — press a to add one"), "$text-muted")
        rows = emotion_curve(self.steps, width, cursor=self.cursor, low_points=self.low_points)
        lines = [
            Content.assemble(*((text, CURVE_STYLES.get(role, "")) for text, role in row))
            for row in rows
        ]
        return Content("\n").join(lines)
