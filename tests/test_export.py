"""The exports as pure functions: deterministic, and user text is data in every format.

Markdown is rendered by markdown-it (CommonMark with GitHub's tables) to check that a
hostile text comes out as the same text, never as markup; the CSV is read back with
Python's csv module; the JSON is validated against `valuecanvas schema`. Mermaid and
the browser have their own test files (they need node and chromium).
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import jsonschema
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from export_helpers import HOSTILE_TEXTS, SCRIPT, every_text, hostile_canvas, samples
from valuecanvas.export import FORMATS, export
from valuecanvas.export.csv_table import COLUMNS
from valuecanvas.export.schema import schema
from valuecanvas.export.text import md_text
from valuecanvas.model import Canvas, items_of

CONFLICTED = Canvas.model_validate(
    {**hostile_canvas().model_dump(exclude_none=True),
     "conflicts": [{"list": "jobs", "id": "j1", "field": "text", "ours": "a", "theirs": "b"}]}
)  # fmt: skip
CANVASES = [
    *samples(), ("hostile", hostile_canvas()), ("empty", Canvas(title="Empty")),
    ("conflicted", CONFLICTED),
]  # fmt: skip
IDS = [name for name, _ in CANVASES]


def test_registry_has_one_entry_per_format() -> None:
    assert list(FORMATS) == ["md", "mermaid", "html", "csv", "json"]
    assert {f.extension for f in FORMATS.values()} == {".md", ".mmd", ".html", ".csv", ".json"}


@pytest.mark.parametrize(("name", "canvas"), CANVASES, ids=IDS)
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_same_canvas_gives_same_bytes(name: str, canvas: Canvas, fmt: str) -> None:
    copy = Canvas.model_validate(canvas.model_dump())
    assert export(canvas, fmt) == export(copy, fmt)


# ---------------------------------------------------------------- Markdown


class _Cells(HTMLParser):
    """Collects the text of table cells, list items and headings of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.tags: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("td", "li", "h1", "h3", "p"):
            self._current = []
        elif tag == "br" and self._current is not None:
            self._current.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "li", "h1", "h3", "p") and self._current is not None:
            self.texts.append("".join(self._current))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def _rendered(md: str) -> _Cells:
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    cells = _Cells()
    cells.feed(html)
    return cells


def _lines(text: str) -> list[str]:
    """The text's lines with white space folded; blank lines at either end show as nothing."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


@pytest.mark.parametrize(("name", "canvas"), CANVASES, ids=IDS)
def test_markdown_shows_every_text_literally(name: str, canvas: Canvas) -> None:
    rendered = _rendered(export(canvas, "md"))
    ours = {
        "h1",
        "h2",
        "h3",
        "p",
        "strong",
        "em",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert set(rendered.tags) <= ours | {"ul", "li", "pre", "code"}, set(rendered.tags) - ours
    assert rendered.tags.count("code") == rendered.tags.count("pre")  # only the Mermaid block
    shown = {tuple(_lines(t)) for t in rendered.texts}
    for text in every_text(canvas):
        if text == canvas.segment:  # in the facts paragraph, after its label
            assert any(_lines(t)[0] == "Segment: " + " ".join(text.split()) for t in rendered.texts)
        else:
            assert tuple(_lines(text)) in shown, text


def test_markdown_one_row_per_item_and_a_mermaid_block() -> None:
    canvas = hostile_canvas()
    md = export(canvas, "md")
    for name in ("jobs", "pains", "gains", "products", "pain_relievers", "gain_creators", "steps"):
        for rank, item in enumerate(items_of(canvas, name), start=1):
            assert (
                len([ln for ln in md.splitlines() if ln.startswith(f"| {rank} | {item.id} |")]) == 1
            )
    assert "```mermaid\njourney\n" in md
    block = md.split("```mermaid\n")[1].split("```")[0]
    assert "`" not in block  # a backtick in user text cannot end the fence
    assert SCRIPT not in md and "&lt;script&gt;" in md


def test_markdown_of_a_sample_reads_as_a_report() -> None:
    _name, canvas = samples()[-1]
    md = export(canvas, "md")
    for heading in ("## Customer profile", "### Customer jobs", "## Value map", "## Fit",
                    "## Customer journey", "## Personas"):  # fmt: skip
        assert heading in md.splitlines(), heading
    assert "**Verdict:**" in md and "| Customer jobs |" in md


# ---------------------------------------------------------------- CSV


@pytest.mark.parametrize(("name", "canvas"), CANVASES, ids=IDS)
def test_csv_reads_back_with_the_same_rows(name: str, canvas: Canvas) -> None:
    text = export(canvas, "csv")
    assert text.endswith("\r\n")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(table[0]) == COLUMNS
    body = [dict(zip(COLUMNS, row, strict=True)) for row in table[1:]]
    expected = [
        (name, rank, item)
        for name in (
            "jobs",
            "pains",
            "gains",
            "products",
            "pain_relievers",
            "gain_creators",
            "steps",
        )
        for rank, item in enumerate(items_of(canvas, name), start=1)
    ]
    assert len(body) == len(expected)
    for row, (list_name, rank, item) in zip(body, expected, strict=True):
        assert (row["list"], row["rank"], row["id"]) == (list_name, str(rank), item.id)
        shown = row["text"]
        if item.text.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert shown == "'" + item.text  # defused: a spreadsheet shows it as text
        else:
            assert shown == item.text
        if list_name == "steps":
            assert row["emotion"] == str(item.emotion)  # a plain number, -2 … 2
            assert row["phase"] in (item.phase, "'" + item.phase)


def test_csv_defuses_every_formula_cell() -> None:
    text = export(hostile_canvas(), "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    formula = next(r for r in rows if r["id"] == "j9")
    assert formula["text"] == "'" + HOSTILE_TEXTS[8]
    for r in rows:
        for column in ("text", "touchpoint", "phase", "links", "kind", "level"):
            assert not r[column].startswith(("=", "+", "-", "@", "\t", "\r")), (r["id"], column)


# ---------------------------------------------------------------- JSON


@pytest.mark.parametrize(("name", "canvas"), CANVASES, ids=IDS)
def test_json_is_valid_against_the_schema_and_round_trips(name: str, canvas: Canvas) -> None:
    data = json.loads(export(canvas, "json"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert Canvas.model_validate(data) == canvas
    assert all(item["id"] for item in data["jobs"])  # ids and defaults filled in
    assert all("importance" in item for item in data["jobs"])


def test_json_with_a_wrong_key_fails_the_schema() -> None:
    data = json.loads(export(hostile_canvas(), "json"))
    data["jobs"][0]["importanse"] = "high"
    with pytest.raises(jsonschema.ValidationError, match="importanse"):
        jsonschema.Draft202012Validator(schema()).validate(data)


# ---------------------------------------------------------------- HTML (as text)


def test_html_escapes_every_text_and_asks_nothing_of_the_network() -> None:
    page = export(hostile_canvas(), "html")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for target in re.findall(r'(?:src|href|action)\s*=\s*"([^"]*)"', page):
        assert target.startswith("#"), target
    assert "url(" not in page and "@import" not in page
    assert "default-src 'none'" in page  # the browser is told too
    assert "size: A4 landscape" in page
    assert "<svg" in page and "<polyline" in page


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda t: t.strip() and "\x00" not in t))
@example("0\n\n")  # found by hypothesis: a trailing blank line gave a trailing <br>
def test_any_text_in_a_markdown_cell_is_shown_as_typed(text: str) -> None:
    import unicodedata

    text = "".join(c for c in text if unicodedata.category(c) != "Cc" or c == "\n")
    assume(text.strip())
    md = f"| a |\n|---|\n| {md_text(text)} |\n"
    cells = _rendered(md)
    assert cells.tags.count("td") == 1, md
    got = cells.texts[-1]
    assert _lines(got) == _lines(text), md


def test_markdown_has_the_lens_in_short() -> None:
    from valuecanvas.lens import compute_lens

    _name, canvas = next((n, c) for n, c in samples() if n.startswith("office"))
    md = export(canvas, "md")
    report = compute_lens(canvas)
    lens = md.split("## Value lens\n")[1].split("\n## ")[0]
    sought = " | ".join(str(v) for v in report.sought.values())
    assert f"| Sought | {sought} | {report.sought_emotional_share}% |" in lens
    assert "**Warranty:**" in lens and "(missing: security)" in lens
    assert f"unassigned {report.unassigned_steps}" in lens
