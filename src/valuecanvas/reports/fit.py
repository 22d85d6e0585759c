"""The fit report as text for a person (`valuecanvas fit`), in English or Dutch."""

from __future__ import annotations

from valuecanvas.fit import PROFILE, compute_fit
from valuecanvas.model import LISTS, Canvas, ListName, items_of
from valuecanvas.reports.text import bar, one_line, pct
from valuecanvas.reports.words import list_title, tr

VERDICT_TEXT = {
    "fit": "fit — every must-address job, pain and gain is addressed",
    "partial": "partial — some must-address items are not addressed yet",
    "none": "none — nothing in the customer profile is addressed yet",
}


def fit_text(canvas: Canvas, lang: str = "en") -> list[str]:
    """The fit report for a person: verdict, score, coverage, gaps and loose ends."""
    report = compute_fit(canvas)
    labels = {i.id: (name, i) for name in LISTS for i in items_of(canvas, name)}

    def t(text: str) -> str:
        return tr(text, lang)

    def title(name: ListName) -> str:
        return list_title(name, lang)

    def describe(item_id: str) -> str:
        name, item = labels[item_id]
        spec = LISTS[name]
        level = getattr(item, spec.level_field) if spec.level_field else None
        must = "!" if item_id in report.must_address else " "
        tail = f" [{level}]" if level else ""
        return f"  {must} {item_id:<6} {one_line(item.label)}{tail}"

    lines = [
        one_line(canvas.title) + (f" — {one_line(canvas.segment)}" if canvas.segment else ""),
        "",
        f"{t('Verdict')}: {t(VERDICT_TEXT[report.verdict])}",
        f"{t('Score')}:   {pct(report.score)}",
        "",
        t("Coverage"),
    ]
    for name in PROFILE:
        value = report.coverage[name]
        lines.append(f"  {title(name):<22} {bar(value)} {pct(value):>4}")
    lines.append("")
    gaps = [(name, report.gaps[name]) for name in PROFILE if report.gaps[name]]
    if gaps:
        lines.append(t("Gaps (not addressed; ! = must address)"))
        for name, ids in gaps:
            lines.append(f" {title(name)}")
            lines.extend(describe(i) for i in ids)
    else:
        lines.append(t("Gaps: none"))
    lines.append("")
    if report.unanchored:
        lines.append(t("Unanchored (link nothing: effort no customer asked for)"))
        lines.extend(describe(i) for i in report.unanchored)
    else:
        lines.append(t("Unanchored: none"))
    lines.append("")
    if report.journey_low_points:
        lines.append(t("Journey low points (emotion ≤ -1, no relieved pain)"))
        for sid in report.journey_low_points:
            _, step = labels[sid]
            lines.append(
                f"    {sid:<6} {one_line(step.label)} "
                f"[{one_line(step.phase)}, {t('emotion')} {step.emotion:+d}]"
            )
    else:
        lines.append(t("Journey low points: none"))
    return lines
