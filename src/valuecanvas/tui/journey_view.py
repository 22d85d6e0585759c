"""The journey view: emotion curve, the steps grouped by phase, touchpoints per phase.

The curve (`emotion_curve.py`) and the touchpoint table (`touchpoints.py`) are
widgets of their own; this module puts them around the steps and holds the
journey's keys.

The steps list is MainScreen's own `ItemList` (so every item key works on it);
this view adds the curve above it, the touchpoint table below it on wide
screens, and the phase keys of the "journey" scope of the command table. Every
change is one `RequestEdit` to the screen, so one undo step.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from valuecanvas import edits
from valuecanvas.drafting import step_to_phase
from valuecanvas.fit import FitReport
from valuecanvas.journey import first_of_phase, touchpoint_overview
from valuecanvas.model import Canvas, Step
from valuecanvas.reports.words import tr
from valuecanvas.tui.commands import bindings
from valuecanvas.tui.dialogs import PromptScreen, edit_check
from valuecanvas.tui.emotion_curve import EmotionCurve
from valuecanvas.tui.item_list import ItemList, one_line
from valuecanvas.tui.journey_persona import (
    cycle_persona_filter,
    drop_stale_filter,
    filter_label,
    persona_column,
)
from valuecanvas.tui.lang import lang_of, t
from valuecanvas.tui.messages import RequestEdit
from valuecanvas.tui.rows import format_step
from valuecanvas.tui.touchpoints import TouchpointsScreen, touchpoints_content

__all__ = ["EmotionCurve", "JourneyView", "TouchpointsScreen", "touchpoints_content"]

PHASE_COLUMN_MAX = 14


class JourneyView(Vertical):
    """Curve, steps and touchpoints; the phase keys act on the focused step's phase."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("journey")]

    def __init__(self, steps: ItemList, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps_list = steps
        self.canvas: Canvas | None = None
        self.low_points: frozenset[str] = frozenset()
        self._rows_for: tuple[Any, ...] | None = None
        self._firsts: frozenset[str] = frozenset()
        self._phase_width = 0
        self._personas: tuple[dict[str, str], int] = ({}, 0)
        steps.formatter = self._format
        steps.empty_hint = "no steps — a adds one · p adds a phase"

    def compose(self) -> ComposeResult:
        yield EmotionCurve(id="emotion-curve")
        yield Static(id="phase-strip")
        yield self.steps_list
        yield Static(id="touchpoints")

    # ------------------------------------------------------------ showing

    def _format(self, item: Step) -> list[tuple[str, str]]:
        items = self.steps_list.items
        if items is not self._rows_for:
            self._rows_for = items
            self._firsts = first_of_phase(items)
            longest = max((cell_len(one_line(s.phase)) for s in items), default=0)
            self._phase_width = min(PHASE_COLUMN_MAX, longest)
        names, width = self._personas
        return format_step(
            item,
            first=item.id in self._firsts,
            phase_width=self._phase_width,
            persona=names.get(item.persona, item.persona),
            persona_width=width,
        )

    def show(self, canvas: Canvas, report: FitReport) -> None:
        """The canvas changed: redraw the curve and the touchpoint table."""
        self.canvas = canvas
        self.low_points = frozenset(report.journey_low_points)
        column = persona_column(canvas)
        if column != self._personas:  # a persona named, renamed or gone: every row changes
            self._personas = column
            self.steps_list.redraw_rows()
        drop_stale_filter(self.steps_list, canvas)
        self._show_curve()
        table = self.query_one("#touchpoints", Static)
        lang = lang_of(self)
        table.border_title = tr("Touchpoints per phase", lang)
        table.update(touchpoints_content(touchpoint_overview(canvas), table.size.width or 60, lang))

    def _cursor_index(self) -> int | None:
        current = self.steps_list.current_id
        if current is None or self.canvas is None:
            return None
        steps = self.canvas.journey.steps
        return next((n for n, s in enumerate(steps) if s.id == current), None)

    def _show_phases(self) -> None:
        """Every phase with its step count, empty ones too; the focused step's in bold."""
        if self.canvas is None:
            return
        counts = {p: 0 for p in self.canvas.journey.phases}
        for step in self.canvas.journey.steps:
            counts[step.phase] = counts.get(step.phase, 0) + 1
        current = self.steps_list.current_item
        parts: list[tuple[str, str]] = [(t(self, "phases") + " ", "$text-muted")]
        for n, (phase, count) in enumerate(counts.items()):
            if n:
                parts.append((" › ", "$text-muted"))
            style = "bold reverse" if current is not None and current.phase == phase else ""
            parts.append((one_line(phase), style))
            parts.append((f" {count}" if count else " " + t(self, "(empty)"), "$text-muted"))
        if self.canvas.personas:
            who = filter_label(self.steps_list, self.canvas, lang_of(self))
            parts.append((f"  · W {who}", "bold" if self.steps_list.keep else "$text-muted"))
        strip = self.query_one("#phase-strip", Static)
        strip.update(Content.assemble(*parts), layout=False)

    def _show_curve(self) -> None:
        if self.canvas is None:
            return
        self._show_phases()
        self.query_one(EmotionCurve).show(
            self.canvas.journey.steps, self.low_points, self._cursor_index()
        )

    @on(ItemList.CursorMoved)
    def _cursor_moved(self, event: ItemList.CursorMoved) -> None:
        if event.item_list is self.steps_list:
            self._show_curve()

    def on_resize(self) -> None:
        if self.canvas is not None:
            table = self.query_one("#touchpoints", Static)
            table.update(
                touchpoints_content(
                    touchpoint_overview(self.canvas), table.size.width or 60, lang_of(self)
                )
            )

    # ------------------------------------------------------------ phase keys

    @property
    def current(self) -> Canvas:
        """The document's canvas now (the screen keeps `canvas` current on every change)."""
        assert self.canvas is not None
        return self.canvas

    def _request(self, edit: RequestEdit) -> None:
        # Posted to the screen itself, so it is handled before any key typed after it.
        self.screen.post_message(edit)

    def action_by_persona(self) -> None:
        """`W`: all steps → each persona's steps → steps of no one → all."""
        if self.canvas is not None:
            cycle_persona_filter(self.steps_list, self.canvas, lang_of(self))
            self._show_curve()

    def focused_phase(self) -> str:
        """The phase the phase keys act on: the focused step's, else the first."""
        canvas = self.current
        step = self.steps_list.current_item
        return step.phase if step is not None else canvas.journey.phases[0]

    def _after_edit(self) -> None:
        self.steps_list.focus()

    def action_add_phase(self) -> None:
        canvas = self.current
        phases = canvas.journey.phases
        after = self.focused_phase() if self.steps_list.current_item is not None else None
        index = phases.index(after) + 1 if after in phases else len(phases)

        check = edit_check(lambda text: edits.add_phase(self.current, text, index))

        def done(text: str | None) -> None:
            self._after_edit()
            if text is None:
                return
            name = text.strip()
            note = t(self, "Added phase “{name}” — e on a step moves it there", name=name)
            self._request(
                RequestEdit(
                    lambda c: edits.add_phase(c, name, index), f"add phase {name}", note=note
                )
            )

        where = t(self, " (after “{phase}”)", phase=after) if after else t(self, " (at the end)")
        title = t(self, "New phase{where}:", where=where)
        self.app.push_screen(PromptScreen(title, check=check), done)

    def action_rename_phase(self) -> None:
        old = self.focused_phase()

        check = edit_check(lambda text: edits.rename_phase(self.current, old, text))

        def done(text: str | None) -> None:
            self._after_edit()
            if text is None:
                return
            self._request(
                RequestEdit(
                    lambda c: edits.rename_phase(c, old, text),
                    f"rename phase {old}",
                    focus=self.steps_list.current_id,
                )
            )

        title = t(self, "Rename phase “{phase}” (its steps follow):", phase=old)
        self.app.push_screen(PromptScreen(title, value=old, check=check), done)

    def _move_phase(self, delta: int) -> None:
        phase = self.focused_phase()

        def move(canvas: Canvas) -> Canvas:
            moved = edits.move_phase(canvas, phase, delta)
            order = {p: n for n, p in enumerate(moved.journey.phases)}
            steps = sorted(moved.journey.steps, key=lambda s: order.get(s.phase, len(order)))
            if tuple(steps) == moved.journey.steps:
                return moved
            return edits.replace_list(moved, "steps", steps)

        self._request(RequestEdit(move, f"move phase {phase}", focus=self.steps_list.current_id))

    def action_phase_earlier(self) -> None:
        self._move_phase(-1)

    def action_phase_later(self) -> None:
        self._move_phase(1)

    def action_remove_phase(self) -> None:
        canvas = self.current
        used = {s.phase for s in canvas.journey.steps}
        unused = [p for p in canvas.journey.phases if p not in used]
        suggestion = unused[0] if unused else self.focused_phase()

        check = edit_check(lambda text: edits.remove_phase(self.current, text.strip()))

        def done(text: str | None) -> None:
            self._after_edit()
            if text is None:
                return
            name = text.strip()
            note = t(self, "Removed phase “{name}” — u undoes it", name=name)
            self._request(
                RequestEdit(
                    lambda c: edits.remove_phase(c, name), f"remove phase {name}", note=note
                )
            )

        phases = ", ".join(unused) if unused else t(self, "none (every phase has steps)")
        hint = t(self, "unused: {phases}", phases=phases)
        self.app.push_screen(
            PromptScreen(
                t(self, "Remove which phase?"),
                value=suggestion,
                check=check,
                hint=f"{hint} · {t(self, 'enter removes · escape cancels')}",
            ),
            done,
        )

    def action_step_earlier(self) -> None:
        self._step_to_phase(-1)

    def action_step_later(self) -> None:
        self._step_to_phase(1)

    def _step_to_phase(self, delta: int) -> None:
        """`<` / `>`: the focused step to the previous / next phase, last in it."""
        step_id = self.steps_list.current_id
        if step_id is not None:
            self._request(
                RequestEdit(
                    lambda c: step_to_phase(c, step_id, delta), f"phase of {step_id}", focus=step_id
                )
            )

    def action_touchpoint(self) -> None:
        """`@`: the focused step's touchpoint in a one-line prompt."""
        step = self.steps_list.current_item
        if step is None:
            return
        step_id = step.id

        def change(canvas: Canvas, text: str) -> Canvas:
            return edits.update_item(canvas, step_id, {"touchpoint": text.strip()})

        check = edit_check(lambda text: change(self.current, text))

        def done(text: str | None) -> None:
            self._after_edit()
            if text is not None:
                self._request(
                    RequestEdit(lambda c: change(c, text), f"touchpoint {step_id}", focus=step_id)
                )

        self.app.push_screen(
            PromptScreen(
                t(self, "Touchpoint of {id} (where it happens: app, shop, phone …):", id=step_id),
                value=step.touchpoint,
                check=check,
                hint=t(self, "enter sets it · empty clears it · escape cancels"),
            ),
            done,
        )

    def action_touchpoints(self) -> None:
        self.app.push_screen(TouchpointsScreen(self.current))
