"""The customer journey as numbers and characters: touchpoint overview, emotion curve.

Pure functions of the canvas (no Textual, no Rich), so the TUI, the CLI and the
tests share them. The curve is drawn with plain characters so it stays readable
without colour: `●` a step, `▼` a journey low point, `─ ╭ ╯ │` the stepped line between, `·` the zero line,
`┊` a phase boundary, and a marks row with `▲` under the cursor step and `!`
under every low point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from valuecanvas.model import EMOTION_MAX, EMOTION_MIN, Canvas, Step

NO_TOUCHPOINT = "(no touchpoint)"


@dataclass(frozen=True)
class TouchpointStat:
    """One touchpoint within one phase: how many steps use it, their mean emotion."""

    touchpoint: str  # "" when the steps name no touchpoint
    steps: int
    average_emotion: float
    step_ids: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.touchpoint or NO_TOUCHPOINT


@dataclass(frozen=True)
class PhaseTouchpoints:
    """The touchpoints of one phase, in the order the journey first uses them."""

    phase: str
    touchpoints: tuple[TouchpointStat, ...]

    @property
    def steps(self) -> int:
        return sum(t.steps for t in self.touchpoints)


def touchpoint_overview(canvas: Canvas) -> tuple[PhaseTouchpoints, ...]:
    """Per phase (in phase order, every phase listed), the touchpoints its steps use."""
    found: dict[str, dict[str, list[Step]]] = {p: {} for p in canvas.journey.phases}
    for step in canvas.journey.steps:
        by_touchpoint = found.setdefault(step.phase, {})
        by_touchpoint.setdefault(step.touchpoint.strip(), []).append(step)
    return tuple(
        PhaseTouchpoints(
            phase,
            tuple(
                TouchpointStat(
                    name,
                    len(steps),
                    sum(s.emotion for s in steps) / len(steps),
                    tuple(s.id for s in steps),
                )
                for name, steps in by_touchpoint.items()
            ),
        )
        for phase, by_touchpoint in found.items()
    )


def first_of_phase(steps: Sequence[Step]) -> frozenset[str]:
    """Ids of the steps that start a run of their phase (where a phase header goes)."""
    firsts: set[str] = set()
    previous: str | None = None
    for step in steps:
        if step.phase != previous:
            firsts.add(step.id)
        previous = step.phase
    return frozenset(firsts)


# ---------------------------------------------------------------- the emotion curve

CurveCell = tuple[str, str]
"""(text, role): role is "" (blank/axis), "axis", "point", "low", "cursor", "line", "phase"."""

LEVELS = tuple(range(EMOTION_MAX, EMOTION_MIN - 1, -1))  # top row first: 2 … -2
AXIS_WIDTH = 4  # "+2 ┤"


@dataclass(frozen=True)
class CurveLayout:
    """Which steps the curve shows and how wide each step's cell is."""

    start: int  # index of the first step shown
    count: int  # how many steps are shown
    cell: int  # columns per step (the point, then the line towards the next one)


def curve_layout(total: int, width: int, cursor: int = 0) -> CurveLayout:
    """Fit `total` steps into `width` columns (after the axis); scroll to keep the cursor."""
    room = max(2, width - AXIS_WIDTH)
    if total == 0:
        return CurveLayout(0, 0, 2)
    cell = max(2, min(6, room // total))
    visible = max(1, room // cell)
    if total <= visible:
        return CurveLayout(0, total, cell)
    cursor = max(0, min(cursor, total - 1))
    start = max(0, min(cursor - visible // 2, total - visible))
    return CurveLayout(start, visible, cell)


def _level_row(level: int) -> int:
    return EMOTION_MAX - level


def _connect(
    rows: list[list[str]], roles: list[list[str]], col: int, gap: int, start: int, end: int
) -> None:
    """A stepped line from the point at (start, col) to the next one, `gap` columns on."""
    turn = col + (gap + 1) // 2
    if start == end:
        for c in range(col + 1, col + gap + 1):
            rows[start][c], roles[start][c] = "─", "line"
        return
    up = end < start
    for c in range(col + 1, turn):
        rows[start][c], roles[start][c] = "─", "line"
    rows[start][turn], roles[start][turn] = ("╯" if up else "╮"), "line"
    for row in range(min(start, end) + 1, max(start, end)):
        rows[row][turn], roles[row][turn] = "│", "line"
    rows[end][turn], roles[end][turn] = ("╭" if up else "╰"), "line"
    for c in range(turn + 1, col + gap + 1):
        rows[end][c], roles[end][c] = "─", "line"


def emotion_curve(
    steps: Sequence[Step],
    width: int,
    *,
    cursor: int | None = None,
    low_points: frozenset[str] | set[str] = frozenset(),
) -> list[list[CurveCell]]:
    """Six rows of cells: five levels (+2 at the top … -2) and a marks row.

    Each step gets a column (more when there is room); with more steps than
    columns the curve shows the window around `cursor`, with `◂`/`▸` telling
    that more steps lie left/right.
    """
    layout = curve_layout(len(steps), width, cursor or 0)
    room = max(2, width - AXIS_WIDTH)
    rows: list[list[str]] = [[" "] * room for _ in range(len(LEVELS) + 1)]
    roles: list[list[str]] = [[""] * room for _ in range(len(LEVELS) + 1)]
    marks = len(LEVELS)
    for row in range(len(LEVELS)):
        for col in range(room):
            if LEVELS[row] == 0:
                rows[row][col], roles[row][col] = "·", "axis"
    shown = steps[layout.start : layout.start + layout.count]
    for n, step in enumerate(shown):
        col = n * layout.cell
        index = layout.start + n
        nxt = shown[n + 1] if n + 1 < len(shown) else None
        if nxt is not None:
            gap = layout.cell - 1
            _connect(rows, roles, col, gap, _level_row(step.emotion), _level_row(nxt.emotion))
            if nxt.phase != step.phase:
                bcol = col + gap
                for row in range(len(LEVELS)):
                    if roles[row][bcol] in ("", "axis"):
                        rows[row][bcol], roles[row][bcol] = "┊", "phase"
        low = step.id in low_points
        at_cursor = cursor is not None and index == cursor
        row = _level_row(step.emotion)
        rows[row][col] = "▼" if low else ("◉" if at_cursor else "●")
        roles[row][col] = "cursor" if at_cursor else ("low" if low else "point")
        if at_cursor:
            rows[marks][col], roles[marks][col] = "▲", "cursor"
        elif low:
            rows[marks][col], roles[marks][col] = "!", "low"
    if layout.start > 0:
        rows[marks][0], roles[marks][0] = "◂", "axis"
    if layout.start + layout.count < len(steps):
        rows[marks][room - 1], roles[marks][room - 1] = "▸", "axis"
    labels = [f"{level:+d} ┤" if level else " 0 ┤" for level in LEVELS] + ["   └"]
    out: list[list[CurveCell]] = []
    for row in range(len(rows)):
        cells: list[CurveCell] = [(labels[row], "axis")]
        # merge runs of the same role into one cell
        run_text, run_role = "", None
        for char, role in zip(rows[row], roles[row], strict=True):
            if role != run_role and run_role is not None:
                cells.append((run_text, run_role))
                run_text = ""
            run_text += char
            run_role = role
        if run_role is not None:
            cells.append((run_text, run_role))
        out.append(cells)
    return out


def curve_text(
    steps: Sequence[Step],
    width: int,
    *,
    cursor: int | None = None,
    low_points: frozenset[str] | set[str] = frozenset(),
) -> str:
    """The curve as plain text lines (for tests and the CLI)."""
    return "\n".join(
        "".join(text for text, _ in row)
        for row in emotion_curve(steps, width, cursor=cursor, low_points=low_points)
    )
