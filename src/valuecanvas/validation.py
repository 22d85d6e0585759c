"""Turn pydantic's validation errors into short messages a user can act on.

Storage (for files) and edits (for forms and prompts) both validate through the
model; this is the one place that words the result, with "did you mean …?" hints.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from valuecanvas.errors import closest, one_of, printable
from valuecanvas.model import LISTS, Canvas, Conflict, Journey, ListName
from valuecanvas.schema import pattern_message

# Words people write in Dutch (or by habit) for the keys of the format.
KEY_HINTS = {
    "titel": "title",
    "naam": "name",
    "tekst": "text",
    "klanttaken": "jobs",
    "taken": "jobs",
    "pijnpunten": "pains",
    "pijnen": "pains",
    "voordelen": "gains",
    "producten": "products",
    "pijnverzachters": "pain_relievers",
    "voordeelverschaffers": "gain_creators",
    "klantreis": "journey",
    "stappen": "steps",
    "fasen": "phases",
    "belang": "importance",
    "ernst": "severity",
    "relevantie": "relevance",
    "soort": "kind",
    "type": "kind",
    "segmant": "segment",
    "klantsegment": "segment",
    "markt": "market",
    "emotie": "emotion",
    "rol": "role",
    "notities": "notes",
    "products_and_services": "products",
    "painrelievers": "pain_relievers",
    "gaincreators": "gain_creators",
    "pain-relievers": "pain_relievers",
    "gain-creators": "gain_creators",
    # the value lens keys
    "waarde": "value",
    "klantenwaarde": "value",
    "klantwaarde": "value",
    "strategie": "strategy",
    "spoor": "strategy",
    "garantie": "warranty",
    "warranties": "warranty",
    "guarantee": "warranty",
    "bewijs": "evidence",
    "onderbouwing": "evidence",
    "bron": "source",
    "bronnen": "source",
    "sources": "source",
}

# Dutch words (and near English ones) written where a value of the lens keys belongs.
VALUE_HINTS = {
    # value (klantenwaarde)
    "functioneel": "functional",
    "functionele": "functional",
    "economisch": "economic",
    "economische": "economic",
    "emotioneel": "emotional",
    "emotionele": "emotional",
    "gevoelsmatig": "emotional",
    "symbolisch": "symbolic",
    "symbolische": "symbolic",
    "status": "symbolic",
    # strategy (de drie sporen)
    "performantie": "performance",
    "prestatie": "performance",
    "maatwerk": "customisation",
    "customization": "customisation",
    "beleving": "experience",
    # warranty (garantie)
    "beschikbaarheid": "availability",
    "capaciteit": "capacity",
    "veiligheid": "security",
    "safety": "security",
    "continuïteit": "continuity",
    "continuiteit": "continuity",
    # evidence
    "aanname": "assumption",
    "veronderstelling": "assumption",
    "observatie": "observation",
    "waarneming": "observation",
    "interviews": "interview",
    "enquête": "survey",
    "enquete": "survey",
    "vragenlijst": "survey",
    "recensies": "reviews",
    "review": "reviews",
    "sociale media": "reviews",
    "analyse": "analytics",
    "metingen": "analytics",
}

_LIST_BY_KEY: dict[str, ListName] = {spec.name: spec.name for spec in LISTS.values()}


def describe_value(value: Any) -> str:
    """A short rendering of a bad value for a message."""
    if isinstance(value, str):
        return f"'{printable(value)}'" if len(value) <= 40 else f"'{printable(value[:37])}…'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return str(value)


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of `loc` (for key suggestions)."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        if model is Canvas and part in _LIST_BY_KEY:
            model = LISTS[_LIST_BY_KEY[part]].model
        elif model is Canvas and part == "conflicts":
            model = Conflict
        elif model is Canvas and part == "journey":
            model = Journey
        elif model is Journey and part == "steps":
            model = LISTS["steps"].model
        else:
            return model
    return model


def place_from_loc(loc: tuple[int | str, ...], data: Any) -> tuple[str, str | None]:
    """`pains[2] (p7).severity` from pydantic's ('pains', 1, 'severity'); also the last key."""
    parts: list[str] = []
    node: Any = data
    key: str | None = None
    for part in loc:
        if isinstance(part, int):
            item_id = ""
            if isinstance(node, list | tuple) and 0 <= part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    item_id = printable(node["id"])
            else:
                node = None
            suffix = f" ({item_id})" if item_id else ""
            if parts:
                parts[-1] += f"[{part + 1}]{suffix}"
            else:
                parts.append(f"[{part + 1}]{suffix}")
        else:
            key = part
            parts.append(printable(part))
            node = node.get(part) if isinstance(node, dict) else None
    return ".".join(parts), key


def _allowed(msg_ctx: dict[str, Any] | None) -> list[str]:
    expected = (msg_ctx or {}).get("expected", "")
    return [
        w.strip().strip("'") for w in str(expected).replace(" or ", ",").split(",") if w.strip()
    ]


def explain(
    exc: ValidationError, data: Any, root: type[BaseModel] = Canvas
) -> list[tuple[tuple[int | str, ...], str, str]]:
    """(loc, place, message) for every error, worded for a person."""
    out: list[tuple[tuple[int | str, ...], str, str]] = []
    seen: set[tuple[int | str, ...]] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        value = err.get("input")
        # A union (e.g. `value: ValueType | None`) reports once per member: keep the first.
        if loc and isinstance(loc[-1], str) and loc[-1].startswith("literal["):
            loc = loc[:-1]
        if loc in seen:
            continue
        seen.add(loc)
        place, key = place_from_loc(loc, data)
        if kind == "extra_forbidden" and key is not None:
            owner_loc = loc[:-1]
            owner_place, _ = place_from_loc(owner_loc, data)
            model = _model_at(root, owner_loc)
            fields = list(model.model_fields) if model else []
            guess = KEY_HINTS.get(key.lower())
            if guess not in fields:
                guess = closest(key, fields)
            hint = f" — did you mean '{guess}'?" if guess else f"; known keys: {', '.join(fields)}"
            # The loc keeps the key, so the file's line is the key's own line.
            out.append((loc, owner_place or "top level", f"unknown key '{printable(key)}'{hint}"))
            continue
        if kind == "missing":
            owner_loc = loc[:-1]
            owner_place, _ = place_from_loc(owner_loc, data)
            out.append(
                (owner_loc, owner_place or "top level", f"'{key}' is missing; add {key} = \"…\"")
            )
            continue
        if kind in ("literal_error", "enum"):
            allowed = _allowed(err.get("ctx"))
            guess = None
            if isinstance(value, str):
                guess = VALUE_HINTS.get(value.strip().lower())
                if guess not in allowed:
                    guess = closest(value, allowed)
            hint = f" — did you mean '{guess}'?" if guess else ""
            what = key or "value"
            if what == "warranty":
                what = "warranty aspect"
            out.append(
                (
                    loc,
                    place,
                    f"{describe_value(value)} is not a valid {what}{hint} (use {one_of(allowed)})",
                )
            )
            continue
        if kind in ("greater_than_equal", "less_than_equal"):
            out.append(
                (
                    loc,
                    place,
                    f"{describe_value(value)} is out of range; use a whole number from -2 to 2",
                )
            )
            continue
        if kind in ("int_type", "int_parsing", "int_from_float"):
            out.append(
                (loc, place, f"{describe_value(value)} is not a whole number; write e.g. {key} = 1")
            )
            continue
        if kind == "string_type":
            out.append(
                (loc, place, f'{describe_value(value)} is not text; put it in quotes, e.g. "…"')
            )
            continue
        if kind == "too_short" and any(
            len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc
            for other in exc.errors(include_url=False)
        ):
            continue  # a bad entry was dropped before the length was checked: report only it
        if kind == "too_short":
            out.append(
                (
                    loc,
                    place,
                    f"is empty; list at least one, or leave '{key}' out to use the default",
                )
            )
            continue
        if kind in ("tuple_type", "list_type"):
            out.append(
                (loc, place, f'{describe_value(value)} is not a list; write it as ["…", "…"]')
            )
            continue
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            out.append(
                (
                    loc,
                    place,
                    f"{describe_value(value)} is not a table; write it as [{key}] or [[{key}]] with keys",
                )
            )
            continue
        if kind == "string_unicode":  # a lone surrogate: no file can hold it in UTF-8
            out.append(
                (
                    loc,
                    place,
                    "contains a character that is not valid Unicode (half of a surrogate "
                    "pair, e.g. from a broken paste); type that character again",
                )
            )
            continue
        if kind == "string_pattern_mismatch" and isinstance(value, str):
            pattern = str((err.get("ctx") or {}).get("pattern", ""))
            out.append((loc, place, pattern_message(pattern, value)))
            continue
        if kind == "value_error":
            message = str(err.get("ctx", {}).get("error", err["msg"]))
            out.append((loc, place, message))
            continue
        out.append((loc, place, f"{err['msg']} (got {describe_value(value)})"))
    return out
