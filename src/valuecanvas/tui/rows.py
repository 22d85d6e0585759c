"""How one item looks on one row: compact marks for level and kind, then its text.

Marks are plain characters, readable without colour: `●●●` top level, `●●·`
middle, `●··` bottom; two letters for the kind (legend in help).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, set_cell_size

from valuecanvas.model import EMPATHY_FIELDS, LISTS, ListName

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


def format_item(list_name: ListName, item: Any) -> list[tuple[str, str]]:
    """(text, component class) parts of one row."""
    if list_name == "steps":
        return format_step(item)
    if list_name == "personas":
        return format_persona(item)
    parts = [(level_mark(list_name, item), "item-list--mark")]
    kind = getattr(item, "kind", None)
    if kind is not None:
        parts.append((" " + KIND_MARKS[kind], "item-list--dim"))
    parts.append((" " + item.text, ""))
    return parts


def fit_width(text: str, width: int) -> str:
    """Pad or cut (with …) to exactly `width` terminal cells (a CJK character takes two)."""
    cells = cell_len(text)
    if cells > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cells)


def format_step(item: Any, *, first: bool = True, phase_width: int = 0) -> list[tuple[str, str]]:
    """A journey step: phase column (name where a phase run starts, `┆` below it),
    emotion mark, link count (`→2`), text, `@touchpoint`."""
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
    links = len(item.pains) + len(item.gains)
    parts.append((f" →{links:<2}" if links else "    ", "item-list--dim"))
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


def legend() -> list[tuple[str, str]]:
    """The marks explained, for the help screen."""
    return [
        ("●●● ●●· ●··", "level: top (high / extreme / essential), middle, bottom"),
        ("◆", "linked with the focused item"),
        ("!", "must-address gap, or a journey low point"),
        ("-- - 0 + ++", "a journey step's emotion, -2 … +2"),
        ("→2", "a journey step links 2 pains or gains"),
        ("┆", "a journey step in the same phase as the row above"),
        ("● ▼ ◉ ▲", "emotion curve: a step, a low point, the cursor step (▲ under it)"),
        ("DEC BUY USR INF GAT ···", "a persona's DMU role: decider … gatekeeper, none"),
        (
            "kinds",
            ", ".join(f"{v} {k}" for k, v in KIND_MARKS.items()),
        ),
    ]
