"""The value lens in short, for the Markdown export (value-lens.md, `compute_lens`).

A table of value sought and delivered, then one line each for the mismatch, the
strategies, warranty, evidence and the steps per persona. The sentences about a
mismatch are the lens report's own (`lens_report.WORDS`), so both say the same.
"""

from __future__ import annotations

from valuecanvas.export.text import md_text
from valuecanvas.lens import compute_lens
from valuecanvas.lens_report import WORDS
from valuecanvas.model import VALUE_TYPES, Canvas


def _pct(value: int | None) -> str:
    return "—" if value is None else f"{value}%"


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(md_text(i) for i in ids) or "—"


def lens_lines(canvas: Canvas) -> list[str]:
    report = compute_lens(canvas)
    words = WORDS["en"]
    names = {p.id: p.name for p in canvas.personas}
    head = " | ".join(t.capitalize() for t in VALUE_TYPES)
    lines = ["## Value lens", "", f"| Value | {head} | Emotional share |",
             "|---|" + "---:|" * len(VALUE_TYPES) + "---:|"]  # fmt: skip
    for label, weights, share in (
        ("Sought", report.sought, report.sought_emotional_share),
        ("Delivered", report.delivered, report.delivered_emotional_share),
    ):
        cells = " | ".join(str(weights.get(t, 0)) for t in VALUE_TYPES)
        lines.append(f"| {label} | {cells} | {_pct(share)} |")
    lines.append("")
    if report.mismatch is not None:
        verdict = words[f"mismatch {report.mismatch}"]
    elif report.sought_emotional_share is None or report.delivered_emotional_share is None:
        verdict = words["cannot judge"]
    else:
        verdict = words["no mismatch"]
    lines += [md_text(verdict), ""]
    strategies = " · ".join(f"{s} {_pct(v)}" for s, v in report.strategies.items())
    warranty = " · ".join(f"{aspect} {_ids(ids)}" for aspect, ids in report.warranty.items())
    missing = f" (missing: {', '.join(report.missing_warranty)})" if report.missing_warranty else ""
    people = " · ".join(
        f"{md_text(names.get(p, p))} {n}" for p, n in report.steps_by_persona.items()
    )
    lines += [
        f"**Strategies:** {strategies}  ",
        f"**Warranty:** {warranty}{missing}  ",
        f"**Evidence:** profile {_pct(report.evidence_profile)} · journey "
        f"{_pct(report.evidence_journey)} · assumptions to test first: {_ids(report.untested)}  ",
        f"**Steps by persona:** {people + ' · ' if people else ''}"
        f"unassigned {report.unassigned_steps}",
        "",
    ]
    return lines
