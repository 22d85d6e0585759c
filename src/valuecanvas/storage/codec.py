"""TOML text ↔ canvas: parsing with precise messages, and deterministic writing.

Reading turns every problem into a `Problem` with the place as users read the
file (`pains[2] (p7).severity`) and, where it can be found, the line. Writing
puts keys in the order of the spec's example and leaves out empty fields, so the
same canvas always gives the same bytes and diffs in git stay small.
"""

from __future__ import annotations

import bisect
import copy
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from valuecanvas.errors import CanvasError, Problem, printable
from valuecanvas.model import (
    DEFAULT_PHASES,
    FORMAT,
    LIST_NAMES,
    LISTS,
    Canvas,
    Item,
    items_of,
)
from valuecanvas.rules import complete, rule_breaks
from valuecanvas.validation import explain

if TYPE_CHECKING:
    import tomllib  # the same API, typed
else:  # tomllib compiled with mypyc: ~3× faster on big files, identical results
    import tomli as tomllib

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_FORMAT_RE = re.compile(r"^valuecanvas/(\d+)$")


# ---------------------------------------------------------------- reading


def decode(data: bytes, source: str) -> str:
    """UTF-8 text of a file, or a message pointing at the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CanvasError(
            source,
            [
                Problem(
                    f"column {column}",
                    f"is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 "
                    "in your editor",
                    line,
                )
            ],
        ) from None


def parse(text: str, source: str) -> dict[str, Any]:
    """The TOML document as a dict, or a message with line and column."""
    if not text.strip():
        raise CanvasError(
            source,
            [
                Problem(
                    "",
                    f'the file is empty; a canvas needs at least format = "{FORMAT}" and title = "…"',
                )
            ],
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POS.search(message)
        line = int(match.group(1)) if match else None
        where = f"column {match.group(2)}" if match else ""
        reason = _TOML_POS.sub("", message).strip().rstrip(".")
        raise CanvasError(
            source,
            [
                Problem(
                    where,
                    f"TOML syntax error: {reason}; fix the line (see toml.io for the syntax)",
                    line,
                )
            ],
        ) from None
    except RecursionError:
        raise CanvasError(
            source,
            [Problem("", "the file is nested too deeply to be a canvas; check its brackets")],
        ) from None


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


_COMMENT_OR_QUOTE = re.compile(r"[#\"']")
# Where a string may end, by (quote character, triple): the quote, a backslash escape in
# basic strings, a line break in one-line strings.
_STRING_STOPS = {
    ('"', False): re.compile(r'[\\"\n]'),
    ('"', True): re.compile(r'[\\"]'),
    ("'", False): re.compile(r"['\n]"),
    ("'", True): re.compile(r"[']"),
}


def has_comments(text: str) -> bool:
    """Whether the TOML text holds a comment (a `#` outside any string)."""
    if "#" not in text:
        return False  # most files: no need to walk every string
    i, n = 0, len(text)
    while i < n:
        found = _COMMENT_OR_QUOTE.search(text, i)
        if found is None:
            return False
        i = found.start()
        ch = text[i]
        if ch == "#":
            return True
        triple = text.startswith(ch * 3, i)
        quote = ch * 3 if triple else ch
        stops = _STRING_STOPS[ch, triple]
        i += len(quote)
        while i < n:
            stop = stops.search(text, i)
            if stop is None:
                i = n
                break
            i = stop.start()
            if text[i] == "\\":
                i += 2  # the escaped character, whatever it is
            elif text[i] == "\n":
                break  # an unclosed one-line string ends at the line end
            elif text.startswith(quote, i):
                break
            else:
                i += 1
        if triple:
            while text.startswith(ch, i + len(quote)):  # """a"""" ends with extra quotes
                i += 1
        i += len(quote)
    return False


# ---------------------------------------------------------------- writing


_KEY_ORDER: dict[type[BaseModel], list[str]] = {}
# Optional keys whose default is a word, not emptiness: the default is not written.
_UNWRITTEN_DEFAULTS = {"evidence": "assumption"}


def _key_order(model: type[BaseModel]) -> list[str]:
    """A model's fields in spec order, notes last (worked out once per model)."""
    names = _KEY_ORDER.get(model)
    if names is None:
        names = [n for n in model.model_fields if n != "notes"]
        if "notes" in model.model_fields:
            names.append("notes")
        _KEY_ORDER[model] = names
    return names


def _item_table(item: BaseModel) -> dict[str, Any]:
    """One item's keys in spec order (notes last), leaving out empty values."""
    out: dict[str, Any] = {}
    for name in _key_order(type(item)):
        value = getattr(item, name)
        if value is None or value == "" or value == ():
            continue
        if _UNWRITTEN_DEFAULTS.get(name) == value:
            continue
        if isinstance(value, tuple):
            value = [v.model_dump() if isinstance(v, BaseModel) else v for v in value]
        out[name] = value
    if isinstance(item, Item) and "id" in out:
        out = {"id": out.pop("id"), **out}
    return out


def canvas_to_data(canvas: Canvas) -> dict[str, Any]:
    """The canvas as the plain dict that is written, keys in the spec's order."""
    data: dict[str, Any] = {"format": FORMAT, "title": canvas.title}
    if canvas.segment:
        data["segment"] = canvas.segment
    data["market"] = canvas.market
    if canvas.notes:
        data["notes"] = canvas.notes
    journey = canvas.journey
    for name in LIST_NAMES:  # in file order; the journey table holds its phases and steps
        *outer, key = LISTS[name].path
        items = items_of(canvas, name)
        if outer == ["journey"]:
            if "journey" not in data and (items or journey.phases != DEFAULT_PHASES):
                data["journey"] = {"phases": list(journey.phases)}
            if items:
                data["journey"][key] = [_item_table(i) for i in items]
        elif items:
            data[key] = [_item_table(i) for i in items]
    if canvas.conflicts:  # written by the merge driver only; None and "" are left out
        data["conflicts"] = [_item_table(c) for c in canvas.conflicts]
    return data


def canvas_to_text(canvas: Canvas) -> str:
    """TOML text for the canvas, checked by parsing it again before anyone writes it.

    tomli-w writes every value; the `[[list]]` headers are written here, because
    tomli-w turns a list of short tables into one inline array, which is hard to
    read and to diff.
    """
    data = canvas_to_data(canvas)
    chunks: list[str] = []
    top = {k: v for k, v in data.items() if not isinstance(v, list | dict)}
    chunks.append(_checked_dumps(top, multiline_strings=True))
    for key, value in data.items():
        if isinstance(value, list):
            chunks.extend(_tables(key, value))
        elif isinstance(value, dict):  # the journey
            chunks.append(f"\n[{key}]\n" + _checked_dumps({"phases": value["phases"]}))
            chunks.extend(_tables(f"{key}.steps", value.get("steps", [])))
    text = "".join(chunks)
    # The whole text is read back before anyone writes it: a writer bug must never reach a
    # user's file. It is most of a save's time on a big canvas, and worth it.
    if tomllib.loads(text) != data:  # pragma: no cover - a writer bug, never a user's
        raise RuntimeError("the TOML writer produced text that does not read back the same")
    return text


def _tables(header: str, tables: list[dict[str, Any]]) -> list[str]:
    return [f"\n[[{header}]]\n" + _table_text(t) for t in tables]


# Writing thousands of item tables through tomli-w and reading the whole file back took
# most of a save. Items hold only plain strings, small integers and lists of strings,
# so they are written here, byte for byte as tomli-w writes them: a string with nothing
# to escape is just quoted, and only values with something to escape (or a line break)
# go through tomli-w, which is checked by reading that value back.

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')


def _checked_dumps(table: dict[str, Any], *, multiline_strings: bool = False) -> str:
    """tomli-w's text for a table, checked by reading it back."""
    import tomli_w  # only a save needs it: `check` and `fit` start without it

    text = tomli_w.dumps(table, multiline_strings=multiline_strings)
    if tomllib.loads(text) != table:  # pragma: no cover - a writer bug, never a user's
        raise RuntimeError("the TOML writer produced text that does not read back the same")
    return text


def _string(value: str) -> str:
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return _checked_dumps({"v": value}, multiline_strings=True)[4:-1]  # 'v = …\n'


def _table_text(table: dict[str, Any]) -> str:
    """One `[[list]]` table's lines, exactly as tomli-w writes them."""
    lines: list[str] = []
    for key, value in table.items():
        kind = type(value)
        if not _BARE_KEY.match(key):
            return _checked_dumps(table, multiline_strings=True)
        if kind is str:
            lines.append(f"{key} = {_string(value)}\n")
        elif kind is int:
            lines.append(f"{key} = {value}\n")
        elif kind is list and value and all(type(v) is str for v in value):
            inner = ",\n".join(f"    {_string(v)}" for v in value)
            lines.append(f"{key} = [\n{inner},\n]\n")
        else:  # anything else: tomli-w itself
            return _checked_dumps(table, multiline_strings=True)
    return "".join(lines)


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
