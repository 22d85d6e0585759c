"""One self-contained HTML page: the canvas as it is drawn, fit, journey curve, personas.

No script and no request to anywhere (a Content-Security-Policy says so to the
browser too); every user text passes through `esc`. The value map square faces the
customer profile circle; the emotion curve is inline SVG; print CSS for A4 landscape.
"""

from __future__ import annotations

from html import escape

from valuecanvas.export.html_style import CSS
from valuecanvas.export.markdown import VERDICTS
from valuecanvas.export.text import actor_of, addressed_by, level_marks, links_of
from valuecanvas.fit import PROFILE, FitReport, compute_fit
from valuecanvas.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    EMPATHY_FIELDS,
    LISTS,
    Canvas,
    ListName,
    items_of,
    level_of,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def esc(text: str) -> str:
    """User text as HTML text: every `& < > " '` escaped, line breaks kept as `<br>`."""
    return "<br>".join(escape(line) for line in text.splitlines()) if text else ""


def _anchor(item_id: str) -> str:
    return f'<a href="#item-{escape(item_id)}">{escape(item_id)}</a>'


def _part(canvas: Canvas, name: ListName, addressers: dict[str, list[str]]) -> str:
    spec = LISTS[name]
    items = items_of(canvas, name)
    out = [f'<div class="part" style="grid-area:{name}"><h3>{escape(spec.title)}</h3>']
    if not items:
        out.append('<p class="empty">none yet</p>')
    else:
        out.append("<ol>")
        for item in items:
            level = level_of(item, spec)
            marks = level_marks(level, spec.level_values)
            mark = (
                f'<span class="marks" title="{escape(level or "")}">{marks}</span> '
                if marks
                else ""
            )
            links = addressers.get(item.id, []) if name in PROFILE else links_of(item, name)
            arrow = "←" if name in PROFILE else "→"
            link_html = (
                f' <span class="links">{arrow} {", ".join(_anchor(i) for i in links)}</span>'
                if links
                else ""
            )
            out.append(
                f'<li id="item-{escape(item.id)}">{mark}<span class="id">{escape(item.id)}</span> '
                f"{esc(item.text)}{link_html}</li>"
            )
        out.append("</ol>")
    out.append("</div>")
    return "".join(out)


def _canvas(canvas: Canvas) -> str:
    addressers = addressed_by(canvas)
    vm = "".join(
        _part(canvas, n, addressers) for n in ("products", "gain_creators", "pain_relievers")
    )
    cp = "".join(_part(canvas, n, addressers) for n in ("gains", "jobs", "pains"))
    return (
        '<section class="canvas" aria-label="Value proposition canvas">'
        f'<div class="shape square value-map"><h2>Value map</h2><div class="parts">{vm}</div></div>'
        '<div class="facing" aria-hidden="true">⇄</div>'
        f'<div class="shape circle profile"><h2>Customer profile</h2><div class="parts">{cp}</div></div>'
        "</section>"
    )


def _fit(canvas: Canvas, report: FitReport) -> str:
    labels = {i.id: i.label for n in LISTS for i in items_of(canvas, n)}

    def entries(ids: tuple[str, ...] | list[str]) -> str:
        if not ids:
            return '<p class="empty">none</p>'
        rows = "".join(
            f"<li>{'<b>!</b> ' if i in report.must_address else ''}{_anchor(i)} {esc(labels[i])}</li>"
            for i in ids
        )
        return f"<ul>{rows}</ul>"

    coverage = "".join(
        f"<tr><td>{escape(LISTS[n].title)}</td><td><span class='bar'><span style='width:"
        f"{report.coverage[n] or 0}%'></span></span>{'—' if report.coverage[n] is None else f'{report.coverage[n]}%'}</td></tr>"
        for n in PROFILE
    )
    gaps = [i for n in PROFILE for i in report.gaps[n]]
    score = "—" if report.score is None else f"{report.score}%"
    return (
        '<section class="fit-section"><h2>Fit</h2><div class="fit"><div>'
        f'<p class="verdict">{escape(VERDICTS[report.verdict])}</p><p>Score: <b>{score}</b></p>'
        f"<table>{coverage}</table></div><div>"
        f"<h3>Gaps (not addressed; ! = must address)</h3>{entries(gaps)}"
        f"<h3>Unanchored (link nothing)</h3>{entries(report.unanchored)}"
        f"<h3>Journey low points</h3>{entries(report.journey_low_points)}"
        "</div></div></section>"
    )


def _curve(canvas: Canvas) -> str:
    """The emotion curve: one point per step, +2 at the top, phases marked below."""
    steps = canvas.journey.steps
    top, row, left = 24, 28, 36
    width = max(960, 48 * (len(steps) + 1))
    gap = (width - left) / max(len(steps), 1)
    height = top + row * (EMOTION_MAX - EMOTION_MIN) + 64

    def y(emotion: int) -> int:
        return top + row * (EMOTION_MAX - emotion)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Emotion curve of the journey"><title>Emotion curve</title>'
    ]
    for e in range(EMOTION_MIN, EMOTION_MAX + 1):
        dash = "" if e else ' stroke-dasharray="4 3"'
        parts.append(f'<line x1="30" x2="{width}" y1="{y(e)}" y2="{y(e)}" stroke="#c9d0db"{dash}/>')
        parts.append(f'<text x="4" y="{y(e) + 4}" font-size="11" fill="#5b6575">{e:+d}</text>')
    points = [(round(left + gap * (i + 0.5), 1), y(s.emotion)) for i, s in enumerate(steps)]
    if points:
        line = " ".join(f"{x},{py}" for x, py in points)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#2f6fb3" stroke-width="2"/>')
    previous = None
    shown_phases = 0
    base = y(EMOTION_MIN)
    for (x, py), s in zip(points, steps, strict=True):
        if s.phase != previous:
            parts.append(
                f'<line x1="{round(x - gap / 2, 1)}" x2="{round(x - gap / 2, 1)}" y1="{top - 12}" y2="{base + 40}" stroke="#5b6575" stroke-dasharray="2 3"/>'
            )
            row_y = (
                base + 34 + 13 * (shown_phases % 2)
            )  # alternate rows: short phases never overlap
            parts.append(
                f'<text x="{round(x - gap / 2 + 3, 1)}" y="{row_y}" font-size="11" fill="#1d2430">{escape(s.phase)}</text>'
            )
            previous = s.phase
            shown_phases += 1
        colour = "#b3402f" if s.emotion < 0 else "#2e7d4f" if s.emotion > 0 else "#5b6575"
        parts.append(
            f'<circle cx="{x}" cy="{py}" r="5" fill="{colour}"><title>{escape(s.id)}: '
            f"{escape(s.text)} ({s.emotion:+d})</title></circle>"
        )
        parts.append(
            f'<text x="{x}" y="{base + 18}" font-size="10" text-anchor="middle" fill="#5b6575">{escape(s.id)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _journey(canvas: Canvas) -> str:
    steps = canvas.journey.steps
    if not steps:
        return '<section><h2>Customer journey</h2><p class="empty">no steps yet</p></section>'
    rows = "".join(
        f'<tr id="item-{escape(s.id)}"><td>{i}</td><td>{escape(s.id)}</td><td>{esc(s.phase)}</td>'
        f"<td>{esc(s.text)}</td><td>{esc(s.touchpoint)}</td><td>{s.emotion:+d}</td>"
        f"<td>{esc(actor_of(canvas, s))}</td><td>{', '.join(_anchor(p) for p in (*s.pains, *s.gains))}</td></tr>"
        for i, s in enumerate(steps, start=1)
    )
    return (
        f'<section class="curve"><h2>Customer journey</h2>{_curve(canvas)}</section>'
        '<section class="journey-table"><table><thead><tr><th>#</th><th>Id</th><th>Phase</th>'
        "<th>Step</th><th>Touchpoint</th><th>Emotion</th><th>Who</th><th>Pains, gains</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _personas(canvas: Canvas) -> str:
    if not canvas.personas:
        return ""
    cards = []
    for p in canvas.personas:
        role = f" <span class='id'>({escape(p.role)})</span>" if p.role else ""
        fields = "".join(
            f"<dt>{field.capitalize()}</dt>"
            + "".join(f"<dd>{esc(e)}</dd>" for e in getattr(p, field))
            for field in EMPATHY_FIELDS
            if getattr(p, field)
        )
        notes = f"<p>{esc(p.notes)}</p>" if p.notes else ""
        cards.append(
            f'<article class="persona" id="item-{escape(p.id)}"><h3>{esc(p.name)}{role}</h3>'
            f"<dl>{fields}</dl>{notes}</article>"
        )
    return f'<section class="personas-section"><h2>Personas</h2><div class="personas">{"".join(cards)}</div></section>'


def render_html(canvas: Canvas) -> str:
    facts = " · ".join(x for x in (esc(canvas.segment), canvas.market.upper()) if x)
    notes = f'<p class="notes">{esc(canvas.notes)}</p>' if canvas.notes else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(canvas.title)}</title><style>{CSS}</style></head><body>\n"
        f'<header><h1>{esc(canvas.title)}</h1><p class="facts">{facts}</p>{notes}</header>\n'
        f"{_canvas(canvas)}\n{_fit(canvas, compute_fit(canvas))}\n{_journey(canvas)}\n"
        f"{_personas(canvas)}\n</body></html>\n"
    )
