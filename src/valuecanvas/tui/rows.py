"""How one item looks: compact marks for level and kind, then its text, wrapped.

Marks are plain characters, readable without colour: `●●●` top level, `●●·`
middle, `●··` bottom; two letters for the kind (legend in help). An item's
text wraps under itself (the marks stay in their own column), so a list reads
as a column of paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from rich.cells import cell_len, set_cell_size
from textual._wrap import compute_wrap_offsets

from valuecanvas.model import EMPATHY_FIELDS, LISTS, ListName

Part = tuple[str, str]
"""A piece of a row: (text, component class); "" is the base style."""

NARROW_TEXT = 14
"""Below this many cells for the text, a row drops its dim marks (the kind) for it."""


def one_line(text: str) -> str:
    """User text on one row: line breaks and tabs shown as spaces."""
    return text.replace("\r", " ").replace("\n", " ↵ ").replace("\t", " ")


def wrap_parts(parts: list[Part], width: int, *, one_row: bool = False) -> list[list[Part]]:
    """An item's parts over rows of `width` cells, the text wrapped under itself.

    The head (marks before the first piece of user text) is on the first row;
    the rows below are indented by its width. In a narrow pane the dim marks of
    the head (the kind) give their room to the text. `one_row`: the whole text on
    the first row, unwrapped (for an item given one row, to be cut with `…`).
    """
    parts = [(one_line(text), component) for text, component in parts]
    split = next((n for n, (t, c) in enumerate(parts) if not c and t.strip()), len(parts))
    head, body = parts[:split], parts[split:]
    if body:
        first, component = body[0]
        lead = len(first) - len(first.lstrip())
        head.append((first[:lead], ""))
        body[0] = (first[lead:], component)
    indent = sum(cell_len(t) for t, _ in head)
    if width - indent < NARROW_TEXT:
        head = [(t, c) for t, c in head if c != "item-list--dim"]
        indent = sum(cell_len(t) for t, _ in head)
    # Text under text; in a very narrow pane the rows below start near the edge instead.
    hang = indent if width - indent >= NARROW_TEXT else min(indent, 1)
    text = "".join(t for t, _ in body)
    offsets = [0]
    if text and not one_row:
        cut = compute_wrap_offsets(text, max(1, width - indent), 4, fold=False)[:1]
        if cell_len(text[: cut[0] if cut else len(text)].rstrip()) > width - indent:
            cut = [0]  # its first word does not fit beside the marks: it starts below them
        if cut:
            rest = compute_wrap_offsets(text[cut[0] :], max(1, width - hang), 4)
            offsets += [cut[0], *(cut[0] + o for o in rest)]
    offsets.append(len(text))
    rows: list[list[Part]] = []
    for start, end in pairwise(offsets):
        row: list[Part] = list(head) if not rows else [(" " * hang, "")]
        position = 0
        for piece, component in body:
            a, b = max(start, position), min(end, position + len(piece))
            if a < b:
                row.append((piece[a - position : b - position], component))
            position += len(piece)
        if len(row) > 1 or not rows:
            rows.append(_rstrip(row))
    return rows


def share_rows(needs: list[int], height: int) -> list[int]:
    """Rows per item when `height` rows are shared out: as many as fit, evenly, in order."""
    caps = [1] * len(needs)
    spare = height - len(needs)
    while spare > 0:
        grown = False
        for n, need in enumerate(needs):
            if caps[n] < need and spare > 0:
                caps[n] += 1
                spare -= 1
                grown = True
        if not grown:
            break
    return caps


def title_for(pane_title: str, count: str, room: int, filtered: str = "") -> str:
    """`2 Pains (6)` in `room` cells: the count drops its brackets, then (unless
    filtered) goes; then the name is cut. The key, and a filtered count, always stay."""
    title = f"{pane_title} ({count})"
    if len(title) > room:
        title = f"{pane_title} {count}"
    if len(title) > room and not filtered and len(pane_title) <= room:
        title = pane_title  # the name whole rather than the count
    if len(title) > room:
        key, _, name = pane_title.partition(" ")
        shown_count = f" {count}" if filtered else ""
        keep = max(1, room - len(key) - len(shown_count) - 1)
        short = name if len(name) <= keep else name[: keep - 1] + "…"
        title = f"{key} {short}{shown_count}"
    return title


def _rstrip(row: list[Part]) -> list[Part]:
    """A wrapped row without the space it broke at."""
    while row and not row[-1][0].strip() and len(row) > 1:
        row = row[:-1]
    if row:
        row[-1] = (row[-1][0].rstrip() or row[-1][0], row[-1][1])
    return row


def ellipsize(row: list[Part], width: int) -> list[Part]:
    """The last row shown of an item cut short: ends in `…` within `width` cells."""
    out: list[Part] = []
    used = 0
    for text, component in row:
        room = width - 1 - used
        if cell_len(text) > room:
            while text and cell_len(text) > room:
                text = text[:-1]
            out.append((text.rstrip(), component))
            break
        out.append((text, component))
        used += cell_len(text)
    return [*out, ("…", "item-list--dim")]


KIND_MARKS = {
    "functional": "fn",
    "social": "so",
    "emotional": "em",
    "buyer": "by",
    "co-creator": "cc",
    "transferrer": "tr",
    "undesired-outcome": "uo",
    "obstacle": "ob",
    "risk": "rk",
    "required": "rq",
    "expected": "ex",
    "desired": "de",
    "unexpected": "un",
    "physical": "ph",
    "intangible": "in",
    "digital": "dg",
    "financial": "fi",
}
LEVEL_MARKS = ("●●●", "●●·", "●··")
EMOTION_MARKS = {-2: "--", -1: "- ", 0: "0 ", 1: "+ ", 2: "++"}
ROLE_MARKS = {
    "decider": "DEC",
    "buyer": "BUY",
    "user": "USR",
    "influencer": "INF",
    "gatekeeper": "GAT",
}


def level_mark(list_name: ListName, item: Any) -> str:
    spec = LISTS[list_name]
    if spec.level_field is None:
        return ""
    return LEVEL_MARKS[spec.level_values.index(getattr(item, spec.level_field))]


def evidence_mark(item: Any) -> str:
    """`✓` for an item backed by more than an assumption (observation, interview, …)."""
    return "✓" if getattr(item, "evidence", "assumption") != "assumption" else " "


def format_item(list_name: ListName, item: Any) -> list[tuple[str, str]]:
    """(text, component class) parts of one row, in the shape its list's `ListSpec` names."""
    shape = LISTS[list_name].shape
    if shape == "step":
        return format_step(item)
    if shape == "persona":
        return format_persona(item)
    parts = [(level_mark(list_name, item), "item-list--mark")]
    kind = getattr(item, "kind", None)
    if kind is not None:
        parts.append((evidence_mark(item), "item-list--mark"))  # in the gap: no width
        parts.append((KIND_MARKS[kind], "item-list--dim"))
    parts.append((" " + item.text, ""))
    return parts


def fit_width(text: str, width: int) -> str:
    """Pad or cut (with …) to exactly `width` terminal cells (a CJK character takes two)."""
    cells = cell_len(text)
    if cells > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cells)


def format_step(
    item: Any,
    *,
    first: bool = True,
    phase_width: int = 0,
    persona: str = "",
    persona_width: int = 0,
) -> list[tuple[str, str]]:
    """A journey step: phase column (name where a phase run starts, `┆` below it),
    emotion mark, evidence mark, link count (`→2`), whose step (`persona`, a column of
    `persona_width` when any step names one), text, `@touchpoint`."""
    parts: list[tuple[str, str]] = []
    if phase_width:
        if first:
            parts.append((fit_width(item.phase, phase_width), "item-list--phase"))
        else:
            parts.append((fit_width("┆", phase_width), "item-list--dim"))
        parts.append((" ", ""))
    parts.append(
        (EMOTION_MARKS[item.emotion], "item-list--low" if item.emotion < 0 else "item-list--mark")
    )
    parts.append((evidence_mark(item), "item-list--mark"))
    links = len(item.pains) + len(item.gains)
    parts.append((f"→{links:<2}" if links else "   ", "item-list--dim"))
    if persona_width:
        parts.append((fit_width(persona or "·", persona_width) + " ", "item-list--phase"))
    parts.append((item.text, ""))
    if item.touchpoint:
        parts.append((f"  @{item.touchpoint}", "item-list--dim"))
    return parts


def format_persona(item: Any) -> list[tuple[str, str]]:
    """A persona: DMU role mark (`···` when none), name, empathy entry count."""
    parts = [(ROLE_MARKS[item.role] if item.role else "···", "item-list--mark"), (" ", "")]
    parts.append((item.name, ""))
    entries = sum(len(getattr(item, f)) for f in EMPATHY_FIELDS)
    if entries:
        parts.append((f"  ({entries})", "item-list--dim"))
    return parts


def legend(word: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """The marks explained, for the help screen; `word` says a kind in the app's language."""
    return [
        ("●●● ●●· ●··", "level: top (high / extreme / essential), middle, bottom"),
        ("◆", "linked with the focused item"),
        ("!", "must-address gap, or a journey low point"),
        ("-- - 0 + ++", "a journey step's emotion, -2 … +2"),
        ("→2", "a journey step links 2 pains or gains"),
        ("✓", "backed by more than an assumption (evidence: observation, interview, …)"),
        ("┆", "a journey step in the same phase as the row above"),
        ("● ▼ ◉ ▲", "emotion curve: a step, a low point, the cursor step (▲ under it)"),
        ("DEC BUY USR INF GAT ···", "a persona's DMU role: decider … gatekeeper, none"),
        (
            "kinds",
            ", ".join(f"{v} {word(k)}" for k, v in KIND_MARKS.items()),
        ),
    ]
