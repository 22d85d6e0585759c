"""A canvas full of hostile text for the export tests, and the samples loaded.

Every text a user can type holds something a format could read as syntax: Markdown
and HTML markup, a script tag, Mermaid's `: ; # %% , &`, an init directive, line
breaks, and spreadsheet formulas.
"""

from __future__ import annotations

from pathlib import Path

from valuecanvas.model import (
    Canvas,
    Gain,
    GainCreator,
    Job,
    Journey,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
)
from valuecanvas.storage import load

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_canvases").glob("*.toml"))

SCRIPT = "<script>alert(1)</script>"
HOSTILE_TEXTS = (
    SCRIPT,
    "Pipe | in a cell | and **bold** and [link](https://example.invalid) `code`",
    "# Not a heading",
    "- not a list",
    "1. not numbered",
    "Colon: semi; hash # and 50% & co",
    "%%{init: {'theme': 'dark'}}%%",
    "Line one\nline two\n\nline four",
    '=HYPERLINK("https://example.invalid","click")',
    "+1 plus",
    "-2 minus",
    "@SUM(A1:A2)",
    "\tTab first",
    "section fake: 5: Eve",
    "Journey starts here",
    "<img src=x onerror=alert(2)> &amp; &lt;b&gt;",
    "back\\slash $x$ ~~strike~~ _under_ {brace}",
)


def hostile_canvas() -> Canvas:
    """Every list and text field filled with the texts above."""
    t = HOSTILE_TEXTS
    persona = Persona(
        id="pe1",
        name="Sanne, 34, account manager: #1; & co",
        role="decider",
        does=(t[0], t[1]),
        feels=(t[7],),
        goals=(t[5],),
        influences=(t[6],),
        problems=(t[8],),
        notes=t[2],
    )
    steps = tuple(
        Step(id=f"s{i + 1}", phase=("a: b; #c" if i % 2 else "awareness"), text=text,
             touchpoint=t[(i + 3) % len(t)], emotion=(i % 5) - 2, pains=("p1",), gains=("g1",))
        for i, text in enumerate(t)
    )  # fmt: skip
    canvas = Canvas(
        title="Title " + SCRIPT + " | # : ;",
        segment="Segment, with: commas; & <b>tags</b>",
        market="b2b",
        notes=t[7],
        jobs=tuple(Job(id=f"j{i + 1}", text=x, importance="high" if i == 0 else "low") for i, x in enumerate(t)),
        pains=tuple(Pain(id=f"p{i + 1}", text=x) for i, x in enumerate(t)),
        gains=tuple(Gain(id=f"g{i + 1}", text=x) for i, x in enumerate(t)),
        products=(Product(id="ps1", text=t[8], jobs=("j1",)), Product(id="ps2", text=t[0])),
        pain_relievers=(PainReliever(id="pr1", text=t[1], pains=("p1", "p2")),),
        gain_creators=(GainCreator(id="gc1", text=t[6], gains=("g1",)),),
        journey=Journey(phases=("awareness", "a: b; #c"), steps=steps),
        personas=(persona,),
    )  # fmt: skip
    return canvas


def samples() -> list[tuple[str, Canvas]]:
    return [(p.name, load(p).canvas) for p in SAMPLES]


def every_text(canvas: Canvas) -> list[str]:
    """Each user text of the canvas (title, segment, item texts, persona entries)."""
    out = [canvas.title, canvas.segment]
    for name in ("jobs", "pains", "gains", "products", "pain_relievers", "gain_creators"):
        out.extend(i.text for i in getattr(canvas, name))
    out.extend(s.text for s in canvas.journey.steps)
    for p in canvas.personas:
        out.append(p.name)
        for field in ("does", "feels", "goals", "influences", "problems"):
            out.extend(getattr(p, field))
    return [x for x in out if x]
