"""Exports: one registry, one entry per format, each a pure function of the canvas.

Every renderer takes a completed canvas (ids filled in, as `storage.load` gives it)
and returns text; the same canvas always gives the same bytes. User text is data in
every format: escaped for Markdown, HTML and Mermaid, defused for spreadsheets.
A new format is one entry in `FORMATS`, not a new code path.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from valuecanvas.edits import complete
from valuecanvas.model import Canvas


@dataclass(frozen=True)
class ExportFormat:
    """One export: its name on the command line, its file extension and its renderer.

    The renderer is named (`module:function` in this package) and imported on first
    use: the TUI's export dialog lists the formats without loading every renderer
    at start-up (≈ 5 ms of modules, html and csv among them).
    """

    name: str
    extension: str
    description: str
    renderer: str

    @property
    def render(self) -> Callable[[Canvas], str]:
        module, _, function = self.renderer.partition(":")
        found: Callable[[Canvas], str] = getattr(
            importlib.import_module(f"valuecanvas.export.{module}"), function
        )
        return found


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", ".md", "Markdown that GitHub renders", "markdown:render_markdown"),
        ExportFormat(
            "mermaid", ".mmd", "the journey as a Mermaid diagram", "mermaid:render_mermaid"
        ),
        ExportFormat(
            "html", ".html", "one self-contained page, prints on A4", "html_page:render_html"
        ),
        ExportFormat("csv", ".csv", "one row per item and journey step", "csv_table:render_csv"),
        ExportFormat(
            "json", ".json", "the canvas, valid against the schema", "json_data:render_json"
        ),
    )
}


def export(canvas: Canvas, fmt: str) -> str:
    """The canvas in format `fmt` (a key of FORMATS); ids are filled in first."""
    return FORMATS[fmt].render(complete(canvas))


__all__ = ["FORMATS", "ExportFormat", "export"]
