"""The HTML export as a browser shows it: Debian's chromium, headless.

`--dump-dom` gives the page as the browser built it: every item's text is there as
text (a `<script>` in user text included) and the page has no script element.
Printing to PDF gives A4 landscape pages. The screenshots in tests/html_reference/
were looked at as PNG when they were accepted; the test retakes them and checks the
page was drawn (not blank), since pixels differ with the fonts of each machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from export_helpers import SCRIPT, every_text, hostile_canvas, samples
from valuecanvas.export import export
from valuecanvas.model import Canvas

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REFERENCE = Path(__file__).parent / "html_reference"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed here (.ci/run installs it)"
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless chromium with no network of its own and a fresh profile."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", *args,
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


CASES = [*samples(), ("hostile", hostile_canvas())]


@pytest.mark.parametrize(("name", "canvas"), CASES, ids=[n for n, _ in CASES])
def test_the_rendered_page_holds_every_text_literally(
    name: str, canvas: Canvas, tmp_path: Path
) -> None:
    page = tmp_path / "canvas.html"
    page.write_text(export(canvas, "html"), encoding="utf-8")
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = _Dom()
    dom.feed(result.stdout)
    assert "svg" in dom.tags and "body" in dom.tags
    assert not {"script", "img", "iframe", "object", "embed", "link"} & dom.tags
    shown = "\n".join(" ".join(line.split()) for line in "".join(dom.text).splitlines())
    for text in every_text(canvas):
        for line in text.splitlines():
            if line.strip():
                assert " ".join(line.split()) in shown, line
    if name == "hostile":
        assert SCRIPT in shown


def test_print_is_a4_landscape(tmp_path: Path) -> None:
    page = tmp_path / "canvas.html"
    page.write_text(export(samples()[0][1], "html"), encoding="utf-8")
    pdf = tmp_path / "canvas.pdf"
    result = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.is_file(), result.stderr[-2000:]
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes()))
    assert boxes
    for width, height in boxes:
        assert round(float(width)) == 842 and round(float(height)) == 595  # A4 landscape, points


@pytest.mark.parametrize(("name", "canvas"), samples(), ids=[n for n, _ in samples()])
def test_screenshot_is_drawn(name: str, canvas: Canvas, tmp_path: Path) -> None:
    page = tmp_path / "canvas.html"
    page.write_text(export(canvas, "html"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    result = chromium(
        tmp_path, "--hide-scrollbars", "--window-size=1400,2400", f"--screenshot={shot}",
        page.as_uri(),
    )  # fmt: skip
    assert shot.is_file(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    reference = REFERENCE / name.replace(".toml", ".png")
    assert reference.is_file(), f"no reference screenshot {reference}; look at {shot} and add it"
    # a blank page compresses to a few kilobytes; the drawn canvas is far larger
    assert len(data) > 100_000 and len(reference.read_bytes()) > 100_000
