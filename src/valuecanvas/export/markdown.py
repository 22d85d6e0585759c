"""Markdown that GitHub renders, one item per table row so `git diff` reads as a change list.

Sections: title and segment, customer profile and value map as ranked tables, the fit,
the value lens in short, the journey (a Mermaid block and a table of steps), the
personas with their empathy maps. All user text goes through `md_text`, the diagram through `mermaid_text`.
"""

from __future__ import annotations

from typing import Any

from valuecanvas.export.markdown_lens import lens_lines
from valuecanvas.export.mermaid import mermaid_lines
from valuecanvas.export.text import actor_of, addressed_by, level_marks, links_of, md_text
from valuecanvas.fit import PROFILE, VALUE_MAP, FitReport, compute_fit
from valuecanvas.model import EMPATHY_FIELDS, LISTS, Canvas, ListName, items_of, level_of

VERDICTS = {
    "fit": "fit — every must-address job, pain and gain is addressed",
    "partial": "partial — some must-address items are not addressed yet",
    "none": "none — nothing in the customer profile is addressed yet",
}


def _pct(value: int | None) -> str:
    return "—" if value is None else f"{value}%"


def _ids(ids: list[str] | tuple[str, ...]) -> str:
    return ", ".join(md_text(i) for i in ids)


def _list_table(canvas: Canvas, name: ListName, addressers: dict[str, list[str]]) -> list[str]:
    spec = LISTS[name]
    items = items_of(canvas, name)
    lines = [f"### {spec.title}", ""]
    if not items:
        return [*lines, "_None yet._", ""]
    level = (spec.level_field or "level").capitalize()
    link_head = "Addressed by" if name in PROFILE else "Addresses"
    lines.append(f"| Rank | Id | Text | Kind | {level} | Value | {link_head} |")
    lines.append("|---:|---|---|---|---|---|---|")
    for rank, item in enumerate(items, start=1):
        links = addressers.get(item.id, []) if name in PROFILE else list(links_of(item, name))
        lvl = level_of(item, spec) or ""
        marks = level_marks(lvl, spec.level_values)
        cells = [
            str(rank), md_text(item.id), md_text(item.text),
            getattr(item, "kind", "") or "", f"{marks} {lvl}".strip(),
            getattr(item, "value", None) or "", _ids(links),
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _fit(canvas: Canvas, report: FitReport) -> list[str]:
    labels = {i.id: i for name in LISTS for i in items_of(canvas, name)}

    def entry(item_id: str) -> str:
        must = "**!** " if item_id in report.must_address else ""
        return f"- {must}{md_text(item_id)} — {md_text(labels[item_id].label)}"

    lines = [
        "## Fit",
        "",
        f"**Verdict:** {VERDICTS[report.verdict]}  ",
        f"**Score:** {_pct(report.score)}",
        "",
        "| Customer profile | Coverage |",
        "|---|---:|",
        *(f"| {LISTS[n].title} | {_pct(report.coverage[n])} |" for n in PROFILE),
        "",
        "**Gaps** (not addressed; **!** = must address)" if any(report.gaps.values()) else "**Gaps:** none",
        "",
    ]  # fmt: skip
    for name in PROFILE:
        lines.extend(entry(i) for i in report.gaps[name])
    if any(report.gaps.values()):
        lines.append("")
    if report.unanchored:
        lines += ["**Unanchored** (link nothing: effort no customer asked for)", ""]
        lines.extend(entry(i) for i in report.unanchored)
        lines.append("")
    else:
        lines += ["**Unanchored:** none", ""]
    if report.journey_low_points:
        lines += ["**Journey low points** (emotion ≤ -1, no relieved pain)", ""]
        lines.extend(entry(i) for i in report.journey_low_points)
        lines.append("")
    else:
        lines += ["**Journey low points:** none", ""]
    return lines


def _journey(canvas: Canvas) -> list[str]:
    steps = canvas.journey.steps
    lines = ["## Customer journey", ""]
    if not steps:
        return [*lines, "_No steps yet._", ""]
    lines += ["```mermaid", *mermaid_lines(canvas), "```", ""]
    lines.append("| # | Id | Phase | Step | Touchpoint | Emotion | Who | Pains | Gains |")
    lines.append("|---:|---|---|---|---|---:|---|---|---|")
    for rank, s in enumerate(steps, start=1):
        cells = [
            str(rank), md_text(s.id), md_text(s.phase), md_text(s.text),
            md_text(s.touchpoint), f"{s.emotion:+d}", md_text(actor_of(canvas, s)),
            _ids(s.pains), _ids(s.gains),
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _personas(canvas: Canvas) -> list[str]:
    lines = ["## Personas", ""]
    if not canvas.personas:
        return [*lines, "_None yet._", ""]
    for p in canvas.personas:
        role = f"**Role:** {p.role} · " if p.role else ""
        lines += [f"### {md_text(p.name)}", "", f"{role}**Id:** {md_text(p.id)}", ""]
        for field in EMPATHY_FIELDS:
            entries: tuple[str, ...] = getattr(p, field)
            if entries:
                lines += [f"**{field.capitalize()}**", ""]
                lines.extend(f"- {md_text(e)}" for e in entries)
                lines.append("")
        if p.notes:
            lines += [md_text(p.notes), ""]
    return lines


def render_markdown(canvas: Canvas) -> str:
    addressers = addressed_by(canvas)
    head: list[Any] = [f"# {md_text(canvas.title)}", ""]
    facts = []
    if canvas.segment:
        facts.append(f"**Segment:** {md_text(canvas.segment)}")
    facts.append(f"**Market:** {canvas.market.upper()}")
    head += ["  \n".join(facts), ""]
    if canvas.notes:
        head += [md_text(canvas.notes), ""]
    lines = [*head, "## Customer profile", ""]
    for name in PROFILE:
        lines += _list_table(canvas, name, addressers)
    lines += ["## Value map", ""]
    for name in VALUE_MAP:
        lines += _list_table(canvas, name, addressers)
    lines += _fit(canvas, compute_fit(canvas))
    lines += lens_lines(canvas)
    lines += _journey(canvas)
    lines += _personas(canvas)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
