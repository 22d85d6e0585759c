"""View `9`: the value lens (value-lens.md) of the canvas, live.

It only renders the `LensReport` of `compute_lens`, the same function
`valuecanvas lens` calls, so the view and the command line never disagree. The
rows are an `OptionList`: `↑`/`↓` read through it, and `enter` on a row that names
an item (a warranty item, an untested must-address item, a persona) posts
`LensView.Jump`; the screen jumps there. The view never changes the document.

Bars are plain characters (█ and ·) and every state is also a word (`[x]`,
`[ ]`, MISSING, `!`), so the lens reads the same with NO_COLOR. Words come from
the lens report's registry (`lens_report.WORDS`), English or Dutch.

While another view is shown the lens is not recomputed; it is marked stale and
recomputed when it is shown (so a big canvas pays nothing for the lens while one
drafts in the canvas view).
"""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from valuecanvas.lens import LensReport, compute_lens
from valuecanvas.lens_report import WORDS
from valuecanvas.model import LISTS, STRATEGIES, VALUE_TYPES, WARRANTY_ASPECTS, Canvas, items_of
from valuecanvas.tui.item_list import one_line
from valuecanvas.tui.option_rows import RowKey, set_rows
from valuecanvas.tui.steady_scroll import SteadyOptions

LIMIT = 25
"""Items listed per warranty aspect and in "test these first"; the CLI report lists all."""

Row = tuple[str | None, Content]
"""A row: the item id `enter` jumps to (None: nothing to jump to) and its text."""


def bar(value: int | None, width: int) -> str:
    if value is None:
        return "—".ljust(width)
    filled = int(width * value / 100 + 0.5)
    return "█" * filled + "·" * (width - filled)


def pct(value: int | None) -> str:
    return "—" if value is None else f"{value}%"


def share(weights: dict[str, int], kind: str) -> int | None:
    total = sum(weights.values())
    return None if total == 0 else int(100 * weights[kind] / total + 0.5)


def lens_rows(canvas: Canvas, report: LensReport, lang: str = "en", width: int = 78) -> list[Row]:
    """The lens as rows of at most `width` columns (headings bold, problems in words)."""
    w = WORDS.get(lang, WORDS["en"])
    width = max(width, 40)
    rows: list[Row] = []
    wanted = set(report.untested) | {i for ids in report.warranty.values() for i in ids[:LIMIT]}
    labels = {
        i.id: i
        for name in LISTS
        if name not in ("steps", "personas")
        for i in items_of(canvas, name)
        if i.id in wanted
    }

    def line(text: str | Content, item_id: str | None = None) -> None:
        rows.append((item_id, text if isinstance(text, Content) else Content(text)))

    def head(text: str) -> None:
        for part in textwrap.wrap(text, width, subsequent_indent="  "):
            line(Content.styled(part, "bold"))

    def para(text: str, style: str = "") -> None:
        for part in textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="  "):
            line(Content.styled(part, style) if style else part)

    def item_row(item_id: str, mark: str = " ") -> None:
        label = one_line(labels[item_id].label)
        room = max(width - 12, 10)
        text = label if len(label) <= room else label[: room - 1] + "…"
        line(
            Content.assemble(
                "    ", (mark, "bold $error"), " ", (f"{item_id:<6}", "$text-muted"), " ", text
            ),
            item_id,
        )

    # Value sought vs delivered.
    head(w["value"])
    line(Content.styled(f"  {'':<12} {w['sought']:<23}  {w['delivered']}", "$text-muted"))
    for kind in VALUE_TYPES:
        s, d = share(report.sought, kind), share(report.delivered, kind)
        line(
            f"  {w[kind]:<12} {bar(s, 12)} {pct(s):>4} ({report.sought[kind]:>2})"
            f"  {bar(d, 12)} {pct(d):>4} ({report.delivered[kind]:>2})"
        )
    line(
        f"  {w['share']}: {w['sought']} {pct(report.sought_emotional_share)}, "
        f"{w['delivered']} {pct(report.delivered_emotional_share)}"
    )
    if report.mismatch is not None:
        para(w["mismatch " + report.mismatch], "bold $warning")
    elif report.sought_emotional_share is None or report.delivered_emotional_share is None:
        para(w["cannot judge"], "$text-muted")
    else:
        para(w["no mismatch"], "$success")
    line("")

    # Strategies.
    if all(v is None for v in report.strategies.values()):
        para(w["no strategies"], "$text-muted")
    else:
        head(w["strategies"])
        for strategy in STRATEGIES:
            value = report.strategies[strategy]
            line(f"  {w[strategy]:<14} {bar(value, 20)} {pct(value):>4}")
    line("")

    # Warranty checklist.
    head(w["warranty"])
    for aspect in WARRANTY_ASPECTS:
        ids = report.warranty[aspect]
        if ids:
            line(Content.assemble("  [x] ", (w[aspect], "bold"), f" ({len(ids)})"))
            for item_id in ids[:LIMIT]:
                item_row(item_id)
            if len(ids) > LIMIT:
                line(Content.styled(f"      … {len(ids) - LIMIT} {w['more']}", "$text-muted"))
        else:
            line(
                Content.assemble(
                    ("  [ ] ", "bold $error"), (w[aspect], "bold"), ": ", (w["missing"], "$error")
                )
            )
    line("")

    # Evidence.
    head(w["evidence"])
    profile, journey = report.evidence_profile, report.evidence_journey
    line(
        f"  {w['profile']:<12} {bar(profile, 20)} {pct(profile):>4} "
        + (w["of weight"] if profile is not None else w["no profile"])
    )
    line(
        f"  {w['journey']:<12} {bar(journey, 20)} {pct(journey):>4} "
        + (w["of steps"] if journey is not None else w["no steps"])
    )
    if report.untested:
        line(Content.styled(f"  {w['untested']} ({len(report.untested)})", "bold"))
        for item_id in report.untested[:LIMIT]:
            item_row(item_id, "!")
        if len(report.untested) > LIMIT:
            line(
                Content.styled(f"      … {len(report.untested) - LIMIT} {w['more']}", "$text-muted")
            )
    elif profile is not None:
        line(Content.styled(f"  {w['all tested']}", "$success"))
    line("")

    # Steps per persona.
    head(w["personas"])
    if not canvas.personas:
        line(Content.styled(f"  ({w['no personas']})", "$text-muted"))
    name_room = max(width - 24, 10)
    for persona in canvas.personas[:LIMIT]:
        count = report.steps_by_persona[persona.id]
        name = one_line(persona.name) + (f" ({persona.role})" if persona.role else "")
        name = name if len(name) <= name_room else name[: name_room - 1] + "…"
        line(
            Content.assemble(
                "  ", (f"{persona.id:<6}", "$text-muted"), f" {name:<{name_room}} {count:>4}"
            ),
            persona.id,
        )
    if len(canvas.personas) > LIMIT:
        line(Content.styled(f"  … {len(canvas.personas) - LIMIT} {w['more']}", "$text-muted"))
    line(f"  {'—':<6} {w['unassigned']:<{name_room}} {report.unassigned_steps:>4}")
    return rows


class LensView(Vertical):
    """The lens rows; recomputed from the canvas the screen hands it."""

    BINDINGS: ClassVar[list[BindingType]] = []

    class Jump(Message):
        """`enter` on a row that names an item: the screen focuses it in its pane."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, *, lang: str = "en", id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.canvas: Canvas | None = None
        self.report: LensReport | None = None
        self._stale = True
        self._targets: list[str | None] = []
        self._width = 0
        self._shown: list[tuple[str | None, str, tuple[object, ...]]] = []
        self._keys: list[RowKey] = []  # what each row of the entries reads (option_rows)

    def compose(self) -> ComposeResult:
        entries = LensEntries(id="lens-entries")
        entries.border_title = "9 " + WORDS.get(self.lang, WORDS["en"])["lens"]
        yield entries

    def canvas_changed(self, canvas: Canvas) -> None:
        """The screen's canvas changed (edit, undo, redo, load): recompute now if shown."""
        self.canvas = canvas
        self._stale = True
        if self.display and self.is_mounted:
            self.recompute()

    def on_show(self) -> None:
        if self._stale:
            self.recompute()

    def on_resize(self) -> None:
        if self.canvas is not None and self.report is not None and self._width != self._room():
            self._render_rows()

    def _room(self) -> int:
        return (self.query_one(LensEntries).scrollable_content_region.width or 80) - 2

    def recompute(self) -> None:
        if self.canvas is None:
            return
        self._stale = False
        self.report = compute_lens(self.canvas)
        self._render_rows()

    def _render_rows(self) -> None:
        assert self.canvas is not None and self.report is not None
        entries = self.query_one(LensEntries)
        self._width = self._room()
        rows = lens_rows(self.canvas, self.report, self.lang, self._width)
        shown = [(item_id, text.plain, tuple(text.spans)) for item_id, text in rows]
        if shown == self._shown:
            return  # the same rows: no rebuild, no repaint
        self._shown = shown
        highlighted = entries.highlighted
        keep = self._targets[highlighted] if highlighted is not None else None
        self._targets = [item_id for item_id, _ in rows]
        self._keys = set_rows(entries, [(None, text, False) for _, text in rows], self._keys)
        if highlighted is None:
            entries.highlighted = 0  # the top: the value mix first
        elif rows:
            # The same item stays under the cursor; else the same row.
            again = [n for n, t in enumerate(self._targets) if keep is not None and t == keep]
            entries.highlighted = again[0] if again else min(highlighted, len(rows) - 1)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = (
            self._targets[event.option_index] if event.option_index < len(self._targets) else None
        )
        if target is not None:
            self.post_message(self.Jump(target))

    def targets(self) -> list[str | None]:
        """The item each row jumps to (tests read the view through this)."""
        return list(self._targets)


class LensEntries(SteadyOptions, OptionList):
    """The rows; `enter` jumps (OptionList's select), `↑`/`↓`, page keys read through."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "jump to it")]
