"""The Mermaid export parsed by Mermaid itself (mermaid 12 under node, with jsdom).

Mermaid's own reading of each diagram is compared with the canvas: one task per step
with its text, score = emotion + 3 and exactly one actor, so a replaced `:` `;` `#`
`%%` `,` or a line break cannot split, drop or comment out a step.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from export_helpers import HOSTILE_TEXTS, hostile_canvas, samples
from valuecanvas.export import export
from valuecanvas.model import Canvas, Journey, Step

JS = Path(__file__).parent / "js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None, reason="node is not installed here, so Mermaid cannot parse the diagrams"
)


def _install_mermaid() -> None:
    """The locked mermaid + jsdom of tests/js, installed once (what .ci/run also does), so
    the README's one test command runs these tests wherever node and npm are."""
    if (JS / "node_modules" / "mermaid").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed here, so Mermaid cannot be installed to parse")
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=JS, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"npm ci in tests/js failed:\n{result.stderr[-2000:]}"


def mermaid_parse(diagrams: list[str]) -> list[dict[str, Any]]:
    """Mermaid's reading of each diagram (one node process for all of them)."""
    _install_mermaid()
    assert (JS / "node_modules" / "mermaid").is_dir(), (
        "Mermaid is not installed: run 'npm ci' in tests/js (.ci/run does)"
    )
    result = subprocess.run(
        [str(NODE), str(JS / "parse.mjs")],
        input=json.dumps(diagrams), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    parsed: list[dict[str, Any]] = json.loads(result.stdout)
    return parsed


def one_actor_canvases() -> list[Canvas]:
    """For each hostile text: as title, phase, step text and actor (the segment) at once."""
    out = []
    for text in HOSTILE_TEXTS:
        phase = text if text.strip() else "x"
        out.append(
            Canvas(
                title=text, segment=text,
                journey=Journey(phases=(phase,), steps=(
                    Step(id="s1", phase=phase, text=text, emotion=-2),
                    Step(id="s2", phase=phase, text="after " + text, emotion=2),
                )),
            )
        )  # fmt: skip
    return out


CASES = [c for _, c in samples()] + [
    hostile_canvas(),
    Canvas(title="No steps"),
    *one_actor_canvases(),
]


def test_mermaid_reads_every_step_as_we_wrote_it() -> None:
    parsed = mermaid_parse([export(c, "mermaid") for c in CASES])
    for canvas, got in zip(CASES, parsed, strict=True):
        assert got["ok"], (got["error"], export(canvas, "mermaid"))
        assert got["title"], canvas.title
        tasks = got["tasks"]
        steps = canvas.journey.steps
        assert len(tasks) == len(steps), export(canvas, "mermaid")
        by_phase = sorted(steps, key=lambda s: canvas.journey.phases.index(s.phase))
        for task, step in zip(tasks, by_phase, strict=True):
            assert task["score"] == step.emotion + 3
            assert len(task["people"]) == 1, task  # "Sanne, 34, …" stays one actor
            assert task["task"].strip(), task


def test_the_markdown_block_is_the_same_diagram() -> None:
    canvas = hostile_canvas()
    block = export(canvas, "md").split("```mermaid\n")[1].split("```")[0]
    assert block == export(canvas, "mermaid")
    assert mermaid_parse([block])[0]["ok"]


def test_a_diagram_with_raw_syntax_is_refused_by_mermaid() -> None:
    """The check can fail: unreplaced text breaks or changes the diagram."""
    raw = "journey\n    title T\n    section s\n      Reads: the fine print; then #1: 3: A\n"
    got = mermaid_parse([raw])[0]
    assert (
        not got["ok"]
        or got["tasks"][0]["score"] != 3
        or got["tasks"][0]["task"] != "Reads: the fine print; then #1"
    )


@pytest.mark.skipif("persona" not in Step.model_fields, reason="steps have no persona key yet")
def test_a_persona_name_with_syntax_stays_one_actor() -> None:
    base = hostile_canvas()
    steps = tuple(s.model_copy(update={"persona": "pe1"}) for s in base.journey.steps)
    canvas = base.model_copy(update={"journey": Journey(phases=base.journey.phases, steps=steps)})
    got = mermaid_parse([export(canvas, "mermaid")])[0]
    assert got["ok"], got["error"]
    assert {tuple(t["people"]) for t in got["tasks"]} == {
        ("Sanne‚ 34‚ account manager∶ ＃1； ＆ co",)
    }


def _random_text(rng: random.Random) -> str:
    pool = ":;#%,&<>`{}\\\n\t \"'|-=+*_[]()@!?.~$^" + "abcXYZ019" + "éß漢😀\u00a0"
    start = rng.choice(["", "journey", "title ", "section ", "accTitle", "accDescr{", "%%", "  "])
    text = start + "".join(rng.choice(pool) for _ in range(rng.randint(1, 24)))
    return text if text.strip() else text + "x"


def test_random_syntax_soup_always_parses_as_written() -> None:
    rng = random.Random(15)
    canvases = []
    for _ in range(150):
        phases = tuple(dict.fromkeys(_random_text(rng).strip() or "p" for _ in range(2)))
        steps = tuple(
            Step(id=f"s{i}", phase=rng.choice(phases), text=_random_text(rng), emotion=rng.randint(-2, 2))
            for i in range(1, 4)
        )  # fmt: skip
        canvases.append(
            Canvas(title=_random_text(rng), segment=_random_text(rng),
                   journey=Journey(phases=phases, steps=steps))
        )  # fmt: skip
    parsed = mermaid_parse([export(c, "mermaid") for c in canvases])
    for canvas, got in zip(canvases, parsed, strict=True):
        diagram = export(canvas, "mermaid")
        assert got["ok"], (got["error"], diagram)
        assert len(got["tasks"]) == 3, diagram
        by_phase = sorted(canvas.journey.steps, key=lambda s: canvas.journey.phases.index(s.phase))
        assert [t["score"] for t in got["tasks"]] == [s.emotion + 3 for s in by_phase], diagram
        assert all(len(t["people"]) == 1 for t in got["tasks"]), diagram
