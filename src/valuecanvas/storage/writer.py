"""Canvas → TOML text, deterministic, and read back before anyone writes it.

Keys go in the order of the spec's example and empty fields are left out, so the
same canvas always gives the same bytes and diffs in git stay small.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from valuecanvas.model import DEFAULT_PHASES, FORMAT, LIST_NAMES, LISTS, Canvas, Item, items_of

if TYPE_CHECKING:
    import tomllib  # the same API, typed
else:  # tomllib compiled with mypyc: ~3× faster on big files, identical results
    import tomli as tomllib


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
    """TOML text for the canvas, every part of it read back before anyone writes it.

    tomli-w writes every value; the `[[list]]` headers are written here, because
    tomli-w turns a list of short tables into one inline array, which is hard to
    read and to diff.
    """
    data = canvas_to_data(canvas)
    chunks: list[str] = []
    read_back: dict[str, dict[str, Any]] = {}
    top = {k: v for k, v in data.items() if not isinstance(v, list | dict)}
    chunks.append(_checked_dumps(top, multiline_strings=True))
    for key, value in data.items():
        if isinstance(value, list):
            chunks.extend(_tables(key, value, read_back))
        elif isinstance(value, dict):  # the journey
            chunks.append(f"\n[{key}]\n" + _checked_dumps({"phases": value["phases"]}))
            chunks.extend(_tables(f"{key}.steps", value.get("steps", []), read_back))
    # Only this text's tables are remembered: one canvas's worth (≈ 1 MB at 5,000 items).
    _READ_BACK.clear()
    _READ_BACK.update(read_back)
    return "".join(chunks)


# The read-back: a writer bug must never reach a user's file, so every part of the text
# is parsed again and compared with what it was written from. Parsing the whole text
# took most of a save (≈ 80-110 ms at 5,000 items), so each `[[list]]` table's text is
# read back on its own and remembered: a save after an edit reads back only the tables
# that changed. That is as strong as reading the whole text back: each table's text
# parses, alone, to exactly {header: [its table]} — so it closes every string and
# bracket it opens and defines nothing outside its own new table — and it starts with
# its `[[header]]` line, so in the whole file it reads the same as alone. The top keys
# and the journey's phases are read back by `_checked_dumps` on every save.

_READ_BACK: dict[str, dict[str, Any]] = {}
"""A table's text → the table it was written from, after its text read back as that
table: the tables of the last text written."""


def _tables(
    header: str, tables: list[dict[str, Any]], read_back: dict[str, dict[str, Any]]
) -> list[str]:
    texts = []
    path = header.split(".")
    for table in tables:
        text = f"\n[[{header}]]\n" + _table_text(table)
        if _READ_BACK.get(text) != table:
            parsed: Any = tomllib.loads(text)
            for part in path:
                parsed = parsed.get(part) if isinstance(parsed, dict) and len(parsed) == 1 else None
            if parsed != [table]:  # pragma: no cover - a writer bug, never a user's
                raise RuntimeError(
                    f"the TOML writer produced text that does not read back the same: {text!r}"
                )
        read_back[text] = table
        texts.append(text)
    return texts


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
