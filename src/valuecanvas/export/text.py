"""User text made safe for each export: data, never markup, syntax or a formula."""

from __future__ import annotations

import re
from typing import Any

from valuecanvas.model import LISTS, Canvas, ListName, Persona, items_of

# ---------------------------------------------------------------- plain


def one_line(text: str) -> str:
    """Line breaks and tabs as single spaces (for places that hold one line)."""
    return " ".join(text.split())


# ---------------------------------------------------------------- Markdown

# Characters GitHub Markdown may read as syntax; each is written with a backslash.
_MD_BACKSLASH = re.compile(r"([\\`*_\[\]{}|~#$!])")
_MD_LEADING_MARK = re.compile(r"^([-+=])")
_MD_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
# Text that needs none of the above: no syntax character, no leading marker or digit,
# words separated by single spaces. Most text is like this; it is returned as it is.
_MD_PLAIN = re.compile(r"(?![-+=\d])[^\\`*_\[\]{}|~#$!&<>\s]+(?: [^\\`*_\[\]{}|~#$!&<>\s]+)*")


def md_text(text: str) -> str:
    """Text for a Markdown paragraph, heading or table cell: shown literally, on one line.

    Syntax characters get a backslash, `& < >` become entities (so `<script>` is text,
    never HTML), a leading list or heading marker is escaped, and line breaks become
    `<br>` so a table row stays one line.
    """
    if _MD_PLAIN.fullmatch(text):
        return text
    out = _MD_BACKSLASH.sub(r"\\\1", text)
    out = out.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    lines = [" ".join(line.split()) for line in out.splitlines()]
    while lines and not lines[-1]:  # a blank line at either end shows as nothing in a cell
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    out = "<br>".join(lines)
    out = _MD_LEADING_MARK.sub(r"\\\1", out)
    return _MD_LEADING_NUMBER.sub(r"\1\\\2", out)


# ---------------------------------------------------------------- Mermaid

# Mermaid journey syntax: `:` splits task and data, `;` `#` and `%%` start a comment or
# end a statement, `,` splits actors; `&`, `<`, `>` are read as HTML when drawn; a
# backtick would end the Markdown fence around the diagram. Each is swapped for a
# look-alike that Mermaid reads as a plain character.
_MERMAID_SWAP = str.maketrans(
    {
        ":": "∶",
        ";": "；",
        "#": "＃",
        "%": "％",
        "&": "＆",
        "<": "‹",
        ">": "›",
        "`": "ˋ",
        "{": "❴",
        "}": "❵",
        "\\": "∖",
    }
)
# Words the journey lexer reads as keywords at the start of any line (case-insensitive).
_MERMAID_KEYWORD = re.compile(r"^(journey|title\s|section\s|acc(title|descr))", re.IGNORECASE)


def mermaid_text(text: str, *, actor: bool = False, task: bool = False) -> str:
    """Text for a Mermaid journey title, section, task (task=True) or actor (actor=True)."""
    out = one_line(text.translate(_MERMAID_SWAP))
    if actor:
        out = out.replace(",", "‚")
    if task and _MERMAID_KEYWORD.match(out):
        out = "\u200b" + out  # a zero-width space: the lexer no longer sees a keyword
    return out


# ---------------------------------------------------------------- spreadsheets

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str | int:
    """A CSV cell: numbers as numbers; text starting like a formula gets a leading `'`."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value).lower()
    if isinstance(value, int):
        return value
    text = " ".join(str(v) for v in value) if isinstance(value, tuple | list) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


# ---------------------------------------------------------------- shared look-ups


def links_of(item: Any, name: ListName) -> tuple[str, ...]:
    """The ids an item links to, over all its link fields."""
    out: list[str] = []
    for field, _ in LISTS[name].links:
        out.extend(getattr(item, field))
    return tuple(out)


def addressed_by(canvas: Canvas) -> dict[str, list[str]]:
    """For each linked id, the ids of the value-map items (in file order) that link it."""
    found: dict[str, list[str]] = {}
    for name in ("products", "pain_relievers", "gain_creators"):
        for item in items_of(canvas, name):
            for target in links_of(item, name):
                found.setdefault(target, []).append(item.id)
    return found


def persona_of(canvas: Canvas, step: Any) -> Persona | None:
    """The persona a step names (`persona = "pe1"`), if the file format has that key."""
    wanted = getattr(step, "persona", None)
    if not wanted:
        return None
    return next((p for p in canvas.personas if p.id == wanted), None)


def actor_of(canvas: Canvas, step: Any) -> str:
    """Who walks a step: its persona's name, else the segment, else `Customer`."""
    persona = persona_of(canvas, step)
    if persona is not None:
        return persona.name
    return canvas.segment.strip() or "Customer"


def level_marks(level: str | None, values: tuple[str, ...]) -> str:
    """●●● for the top level, ●●○ the middle, ●○○ the bottom (or '' without a level)."""
    if not level or level not in values:
        return ""
    filled = len(values) - values.index(level)
    return "●" * filled + "○" * (len(values) - filled)
