"""The journey as a Mermaid `journey` diagram (export.md), also embedded in the Markdown."""

from __future__ import annotations

from valuecanvas.export.text import actor_of, mermaid_text
from valuecanvas.model import Canvas


def mermaid_lines(canvas: Canvas) -> list[str]:
    """`journey`, the title, one section per phase that has steps, one task per step.

    score = emotion + 3 (1 … 5); the actor is the step's persona, else the segment,
    else `Customer`. Steps whose phase is not listed come last, in their own section.
    """
    lines = ["journey", f"    title {mermaid_text(canvas.title)}"]
    by_phase: dict[str, list[str]] = {p: [] for p in canvas.journey.phases}
    for step in canvas.journey.steps:
        actor = mermaid_text(actor_of(canvas, step), actor=True)
        task = f"      {mermaid_text(step.text, task=True)}: {step.emotion + 3}: {actor}"
        by_phase.setdefault(step.phase, []).append(task)
    for phase, tasks in by_phase.items():
        if tasks:
            lines.append(f"    section {mermaid_text(phase or 'journey')}")
            lines.extend(tasks)
    return lines


def render_mermaid(canvas: Canvas) -> str:
    return "\n".join(mermaid_lines(canvas)) + "\n"
