"""Exports: one registry, one entry per format, each a pure function of the canvas.

Every renderer takes a completed canvas (ids filled in, as `storage.load` gives it)
and returns text; the same canvas always gives the same bytes. User text is data in
every format: escaped for Markdown, HTML and Mermaid, defused for spreadsheets.
A new format is one entry in `FORMATS`, not a new code path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from valuecanvas.edits import complete
from valuecanvas.export.csv_table import render_csv
from valuecanvas.export.html_page import render_html
from valuecanvas.export.json_data import render_json
from valuecanvas.export.markdown import render_markdown
from valuecanvas.export.mermaid import render_mermaid
from valuecanvas.model import Canvas


@dataclass(frozen=True)
class ExportFormat:
    """One export: its name on the command line, its file extension and its renderer."""

    name: str
    extension: str
    description: str
    render: Callable[[Canvas], str]


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", ".md", "Markdown that GitHub renders", render_markdown),
        ExportFormat("mermaid", ".mmd", "the journey as a Mermaid diagram", render_mermaid),
        ExportFormat("html", ".html", "one self-contained page, prints on A4", render_html),
        ExportFormat("csv", ".csv", "one row per item and journey step", render_csv),
        ExportFormat("json", ".json", "the canvas, valid against the schema", render_json),
    )
}


def export(canvas: Canvas, fmt: str) -> str:
    """The canvas in format `fmt` (a key of FORMATS); ids are filled in first."""
    return FORMATS[fmt].render(complete(canvas))


__all__ = ["FORMATS", "ExportFormat", "export"]
