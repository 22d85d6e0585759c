"""How one item looks on one row: compact marks for level and kind, then its text.

Marks are plain characters, readable without colour: `●●●` top level, `●●·`
middle, `●··` bottom; two letters for the kind (legend in help).
"""

from __future__ import annotations

from typing import Any

from valuecanvas.model import LISTS, ListName

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
        parts = [(EMOTION_MARKS[item.emotion], "item-list--mark"), (" ", "")]
        parts.append((item.text, ""))
        if item.touchpoint:
            parts.append((f"  @{item.touchpoint}", "item-list--dim"))
        return parts
    if list_name == "personas":
        parts = []
        if item.role:
            parts.append((ROLE_MARKS[item.role] + " ", "item-list--mark"))
        parts.append((item.name, ""))
        return parts
    parts = [(level_mark(list_name, item), "item-list--mark")]
    kind = getattr(item, "kind", None)
    if kind is not None:
        parts.append((" " + KIND_MARKS[kind], "item-list--dim"))
    parts.append((" " + item.text, ""))
    return parts


def legend() -> list[tuple[str, str]]:
    """The marks explained, for the help screen."""
    return [
        ("●●● ●●· ●··", "level: top (high / extreme / essential), middle, bottom"),
        ("◆", "linked with the focused item"),
        ("!", "must-address gap, or a journey low point"),
        ("-- - 0 + ++", "a journey step's emotion, -2 … +2"),
        (
            "kinds",
            ", ".join(f"{v} {k}" for k, v in KIND_MARKS.items()),
        ),
    ]
