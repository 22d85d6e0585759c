"""TOML text ↔ canvas: validating with precise messages that name every problem.

Reading turns every problem into a `Problem` with the place as users read the
file (`pains[2] (p7).severity`) and, where it can be found, the line. The pieces
live in `toml_text` (decode, parse, comments), `places` (lines for messages) and
`writer` (canvas → text); they are re-exported here.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import ValidationError

from valuecanvas.errors import CanvasError, Problem, printable
from valuecanvas.model import FORMAT, LISTS, Canvas
from valuecanvas.rules import complete, rule_breaks
from valuecanvas.storage.places import locate
from valuecanvas.storage.toml_text import decode, has_comments, parse
from valuecanvas.storage.writer import canvas_to_data, canvas_to_text
from valuecanvas.validation import explain

_FORMAT_RE = re.compile(r"^valuecanvas/(\d+)$")


def _check_format(data: dict[str, Any], text: str, source: str) -> None:
    fmt = data.get("format", FORMAT)
    if fmt == FORMAT:
        return
    line = locate(text, ("format",))
    m = _FORMAT_RE.fullmatch(fmt) if isinstance(fmt, str) else None
    if m and int(m.group(1)) > 1:
        msg = (
            f"the file is in format '{printable(fmt)}', made by a newer valuecanvas; this "
            "version reads "
            f"'{FORMAT}' — upgrade valuecanvas to open it (the file was not changed)"
        )
    else:
        shown = f"'{printable(fmt)}'" if isinstance(fmt, str) else printable(repr(fmt))
        msg = f'unknown format {shown}; a canvas file says format = "{FORMAT}"'
    raise CanvasError(source, [Problem("format", msg, line)])


def _rule_problems(canvas: Canvas, text: str, skip_links_to: frozenset[str]) -> list[Problem]:
    """The cross-item rules (ids, links, phases) as problems with their lines."""
    problems = []
    for b in rule_breaks(canvas):
        if any(b.message.startswith(f"links to '{gone}',") for gone in skip_links_to):
            continue  # the item it names was reported (and set aside) already
        loc: tuple[int | str, ...] = ()
        if b.list_name is not None and b.index is not None:
            loc = (*LISTS[b.list_name].path, b.index, *((b.key,) if b.key else ()))
        elif b.place == "journey.phases":
            loc = ("journey", "phases")
        problems.append(Problem(b.place, b.message, locate(text, loc) if loc else None))
    return problems


def _is_item(loc: tuple[int | str, ...]) -> bool:
    """Whether `loc` names one item of a list (`jobs[3]`, `journey.steps[2]`)."""
    if len(loc) == 2 and isinstance(loc[1], int):
        return loc[0] in (*Canvas.TOP_LISTS, "personas", "conflicts")
    return len(loc) == 3 and loc[:2] == ("journey", "steps") and isinstance(loc[2], int)


def _set_aside(data: Any, exc: ValidationError, gone: set[str]) -> None:
    """Remove or fill in what failed in `data`, so the rest can still be checked.

    A bad value is dropped (a default applies), a missing one gets a placeholder, a bad
    item becomes an empty one: indexes stay, so places in later messages stay true.
    Ids dropped on the way go into `gone`, so links to them are not reported twice.
    """
    drop: list[tuple[list[Any], int]] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if loc and isinstance(loc[-1], str) and loc[-1].startswith(("literal[", "function-")):
            loc = loc[:-1]
        if not loc:
            continue
        parent: Any = data
        for part in loc[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                parent = None
                break
        last = loc[-1]
        if isinstance(parent, dict) and isinstance(last, str):
            if err["type"] == "missing":
                parent[last] = "?"
            else:
                value = parent.pop(last, None)
                if last == "id" and isinstance(value, str):
                    gone.add(value)
        elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
            if _is_item(loc):
                old = parent[last]
                if isinstance(old, dict) and isinstance(old.get("id"), str):
                    gone.add(old["id"])
                parent[last] = {}
            else:
                drop.append((parent, last))
    for parent, index in sorted(drop, key=lambda d: -d[1]):
        if index < len(parent):
            del parent[index]


def canvas_from_text(text: str, source: str) -> Canvas:
    """A validated, completed canvas from TOML text, or every problem found in it.

    Every problem in one run (cli.md): when values are wrong, they are set aside and the
    rest is checked against the rules that span items too (ids, links, phases), so a
    misspelt value does not hide a dangling link.
    """
    return canvas_from_parsed(parse(text, source), text, source)


def canvas_from_parsed(data: dict[str, Any], text: str, source: str) -> Canvas:
    """As `canvas_from_text`, for text already parsed into `data` (`text` is for lines)."""
    _check_format(data, text, source)
    try:
        canvas = Canvas.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(place, msg, locate(text, loc)) for loc, place, msg in explain(exc, data)
        ]
        gone: set[str] = set()
        rest = copy.deepcopy(data)
        for _ in range(3):  # a dropped value may leave a missing one: fill that in next
            _set_aside(rest, exc, gone)
            try:
                salvaged = Canvas.model_validate(rest)
            except ValidationError as again:
                exc = again
                continue
            problems += _rule_problems(salvaged, text, frozenset(gone))
            break
        raise CanvasError(source, problems) from None
    problems = _rule_problems(canvas, text, frozenset())
    if problems:
        raise CanvasError(source, problems)
    return complete(canvas)


def canvas_from_bytes(data: bytes, source: str) -> Canvas:
    return canvas_from_text(decode(data, source), source)


__all__ = [
    "canvas_from_bytes",
    "canvas_from_parsed",
    "canvas_from_text",
    "canvas_to_data",
    "canvas_to_text",
    "decode",
    "has_comments",
    "locate",
    "parse",
]
