"""Line numbers for messages: where each table and key of a TOML file is.

Found in one pass over the file and kept for the next few lookups, so a file with
20,000 problems is located in linear time (issue 11).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from valuecanvas.model import LISTS

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")


def _lines_in_strings(text: str) -> frozenset[int]:
    """Numbers of the lines that begin inside a multi-line string: text, not keys or tables."""
    inside: set[int] = set()
    i, n, line = 0, len(text), 1
    while i < n:
        ch = text[i]
        if ch == "#":  # a comment: skip to the end of the line
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "\n":
            line += 1
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                if text[i] == "\n":
                    if len(quote) == 1:
                        break  # an unclosed one-line string; TOML has already refused it
                    line += 1
                    inside.add(line)
                elif ch == '"' and text[i] == "\\" and text[i + 1 : i + 2] != "\n":
                    i += 1  # an escape: the next character cannot end the string
                i += 1
            if i >= n or text[i] == "\n":
                continue  # unclosed: the line break is counted by the outer loop
            while len(quote) == 3 and text.startswith(ch, i + 3):  # '''a'''' ends on the last
                i += 1
            i += len(quote)
            continue
        i += 1
    return frozenset(inside)


_KEY_LINE = re.compile(r"^\s*[\"']?([^\"'=]*?)[\"']?\s*=")


@dataclass(frozen=True)
class _Layout:
    """Where every table and key of a file is, found in one pass over its lines.

    Messages look lines up here instead of rescanning the file for each problem,
    so a file with 20,000 problems is located in linear time (issue 11).
    """

    starts: list[int]  # header line of each section, in order ("" first, at line 1)
    by_name: dict[str, list[int]]  # table name → indices into `starts`
    keys: list[dict[str, int]]  # per section: key → line of its first `key = …`
    line_count: int


@functools.lru_cache(maxsize=4)
def _layout(text: str) -> _Layout:
    """The index of `text`'s tables and keys (lines as TOML counts them)."""
    lines = text.split("\n")  # not at U+2028 and the like
    inside = _lines_in_strings(text)
    starts = [1]
    by_name: dict[str, list[int]] = {"": [0]}
    keys: list[dict[str, int]] = [{}]
    for number, line in enumerate(lines, start=1):
        if number in inside:
            continue
        m = _HEADER.match(line)
        if m:
            by_name.setdefault(m.group(1).replace(" ", ""), []).append(len(starts))
            starts.append(number)
            keys.append({})
            continue
        k = _KEY_LINE.match(line)
        if k:
            keys[-1].setdefault(k.group(1).strip(), number)
    return _Layout(starts, by_name, keys, len(lines))


def locate(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number for a validation place, for messages only."""
    layout = _layout(text)
    table = ""
    index: int | None = None
    key: str | None = None
    parts = list(loc)
    # A one-part loc (`pains`, `journey`) is a key of the top table, however it is written.
    spec = next(
        (s for s in LISTS.values() if len(parts) > 1 and tuple(parts[: len(s.path)]) == s.path),
        None,
    )
    if spec is not None:
        table = spec.file_place
        del parts[: len(spec.path)]
    elif len(parts) > 1 and parts[0] in ("journey", "conflicts"):
        table = str(parts.pop(0))
    if parts and isinstance(parts[0], int):
        index = int(parts.pop(0))
    if parts and isinstance(parts[0], str):
        key = parts[0]
    matching = layout.by_name.get(table, [])
    if index is not None:
        if index >= len(matching):
            return None
        section = matching[index]
    elif matching:
        section = matching[0]
    else:
        return None
    start = layout.starts[section]
    if key is None:
        return start
    if key in layout.keys[section]:
        return layout.keys[section][key]
    # Not a `key = …` line: maybe a table of its own, `[key]` or `[jobs.key]`.
    sub = layout.by_name.get(f"{table}.{key}" if table else key, [])
    at = bisect.bisect_left(sub, section)
    if at < len(sub):
        return layout.starts[sub[at]]
    return start if table else None
