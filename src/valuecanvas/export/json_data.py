"""The canvas as JSON with the file's keys, ids and defaults filled in (export.md)."""

from __future__ import annotations

import json
from typing import Any

from valuecanvas.model import Canvas


def canvas_json(canvas: Canvas) -> dict[str, Any]:
    """Every key of the model with its value; keys without a value (None) are left out,
    as in the TOML file, which has no null."""
    data: dict[str, Any] = canvas.model_dump(mode="json", exclude_none=True)
    return data


def render_json(canvas: Canvas) -> str:
    return json.dumps(canvas_json(canvas), indent=2, ensure_ascii=False) + "\n"
