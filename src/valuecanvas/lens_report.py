"""`valuecanvas lens FILE [--json] [--lang nl]`: the value lens for a person or a script.

The words of both languages live in one dict (`WORDS`) so a shared report module can
take them over later. The bars are plain characters (█ and ·): the report reads the
same with NO_COLOR, in a pipe, or printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from valuecanvas.errors import CanvasError
from valuecanvas.lens import LensReport, compute_lens
from valuecanvas.model import (
    LISTS,
    STRATEGIES,
    VALUE_TYPES,
    WARRANTY_ASPECTS,
    Canvas,
    items_of,
)
from valuecanvas.reports.text import bar as _bar
from valuecanvas.reports.text import one_line as _one_line
from valuecanvas.reports.text import pct as _pct

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "value": "Customer value: sought (jobs, pains, gains) and delivered (value map)",
        "sought": "sought",
        "delivered": "delivered",
        "functional": "functional",
        "economic": "economic",
        "emotional": "emotional",
        "symbolic": "symbolic",
        "share": "emotional share (emotional + symbolic)",
        "no value": "no value tagged",
        "mismatch emotional": (
            "Mismatch: the customer seeks more emotional value than the value map delivers. "
            "Raise experience (beleving) or customisation (maatwerk): experience mostly yields "
            "emotional value, customisation both (seed 002)."
        ),
        "mismatch practical": (
            "Mismatch: the value map delivers more emotional value than the customer seeks, "
            "and too little practical value. Raise performance (performantie) or customisation "
            "(maatwerk): performance mostly yields practical value, customisation both "
            "(seed 002)."
        ),
        "no mismatch": "No mismatch: sought and delivered are within 25 points of each other.",
        "cannot judge": (
            "No mismatch to judge yet: tag `value` on jobs, pains and gains (sought) and on "
            "the value map (delivered)."
        ),
        "strategies": "Strategies (share of the value map's weight that has a strategy)",
        "no strategies": (
            "Strategies: none tagged; set strategy = performance | customisation | experience "
            "on value-map items"
        ),
        "performance": "performance",
        "customisation": "customisation",
        "experience": "experience",
        "warranty": "Warranty (seed 003: value = utility + warranty; [x] assured, [ ] missing)",
        "availability": "availability",
        "capacity": "capacity",
        "security": "security",
        "continuity": "continuity",
        "missing": "MISSING — no item assures it",
        "all assured": "Every aspect of warranty is assured.",
        "missing list": "Missing",
        "evidence": "Evidence (backed by more than an assumption)",
        "profile": "profile",
        "journey": "journey",
        "of weight": "of the profile's weight",
        "of steps": "of the steps",
        "no profile": "no jobs, pains or gains",
        "no steps": "no journey steps",
        "untested": "Test these first (must-address, still an assumption):",
        "all tested": "Every must-address item has evidence.",
        "personas": "Journey steps per persona",
        "no personas": "no personas",
        "unassigned": "no persona",
        "steps": "steps",
        "step": "step",
        # the TUI's lens view (9)
        "lens": "Value lens",
        "more": "more — valuecanvas lens lists all",
    },
    "nl": {
        "value": "Klantenwaarde: gezocht (taken, pijnpunten, voordelen) en geleverd (waardekaart)",
        "sought": "gezocht",
        "delivered": "geleverd",
        "functional": "functioneel",
        "economic": "economisch",
        "emotional": "emotioneel",
        "symbolic": "symbolisch",
        "share": "gevoelsmatig aandeel (emotioneel + symbolisch)",
        "no value": "geen waarde getagd",
        "mismatch emotional": (
            "Mismatch: de klant zoekt meer gevoelsmatige waarde dan de waardekaart levert. "
            "Zet in op beleving (experience) of maatwerk (customisation): beleving levert vooral "
            "gevoelsmatige waarde, maatwerk allebei (bron 002)."
        ),
        "mismatch practical": (
            "Mismatch: de waardekaart levert meer gevoelsmatige waarde dan de klant zoekt, en "
            "te weinig praktische waarde. Zet in op performantie (performance) of maatwerk "
            "(customisation): performantie levert vooral praktische waarde, maatwerk allebei "
            "(bron 002)."
        ),
        "no mismatch": "Geen mismatch: gezocht en geleverd liggen binnen 25 punten van elkaar.",
        "cannot judge": (
            "Nog geen mismatch te beoordelen: zet `value` op taken, pijnpunten en voordelen "
            "(gezocht) en op de waardekaart (geleverd)."
        ),
        "strategies": "Strategieën (aandeel van het gewicht van de waardekaart met een strategie)",
        "no strategies": (
            "Strategieën: geen getagd; zet strategy = performance | customisation | experience "
            "op onderdelen van de waardekaart"
        ),
        "performance": "performantie",
        "customisation": "maatwerk",
        "experience": "beleving",
        "warranty": "Garantie (bron 003: waarde = nut + garantie; [x] geborgd, [ ] ontbreekt)",
        "availability": "beschikbaarheid",
        "capacity": "capaciteit",
        "security": "veiligheid",
        "continuity": "continuïteit",
        "missing": "ONTBREEKT — geen enkel onderdeel borgt dit",
        "all assured": "Elk aspect van garantie is geborgd.",
        "missing list": "Ontbreekt",
        "evidence": "Onderbouwing (meer dan een aanname)",
        "profile": "klantprofiel",
        "journey": "klantreis",
        "of weight": "van het gewicht van het klantprofiel",
        "of steps": "van de stappen",
        "no profile": "geen taken, pijnpunten of voordelen",
        "no steps": "geen stappen in de klantreis",
        "untested": "Test deze eerst (moeten aangepakt worden, nog een aanname):",
        "all tested": "Elk belangrijk onderdeel is onderbouwd.",
        "personas": "Stappen in de klantreis per persona",
        "no personas": "geen persona's",
        "unassigned": "geen persona",
        "steps": "stappen",
        "step": "stap",
        # de waardelens in de TUI (9)
        "lens": "Waardelens",
        "more": "meer — valuecanvas lens toont alles",
    },
}

# The file's English word beside the Dutch one, so a Dutch reader knows what to type.
_FILE_WORD = {"nl": True, "en": False}


def _para(text: str, indent: str = "  ") -> list[str]:
    """A long sentence as lines of at most 80 columns."""
    return textwrap.wrap(text, 80, initial_indent=indent, subsequent_indent=indent)


def _side_share(weights: dict[str, int], kind: str) -> int | None:
    total = sum(weights.values())
    return None if total == 0 else int(100 * weights[kind] / total + 0.5)


def lens_text(canvas: Canvas, lang: str = "en", report: LensReport | None = None) -> list[str]:
    """The value lens for a person: value mix, mismatch, strategies, warranty, evidence."""
    words = WORDS.get(lang, WORDS["en"])
    report = report if report is not None else compute_lens(canvas)
    labels = {i.id: (name, i) for name in LISTS for i in items_of(canvas, name)}

    def term(word: str) -> str:
        """A value word in the report's language, with the file's word in Dutch."""
        shown = words[word]
        return f"{shown} ({word})" if _FILE_WORD.get(lang) and shown != word else shown

    def describe(item_id: str, mark: str = " ") -> str:
        name, item = labels[item_id]
        spec = LISTS[name]
        level = getattr(item, spec.level_field) if spec.level_field else None
        tail = f" [{level}]" if level else ""
        return f"    {mark} {item_id:<6} {_one_line(item.label)}{tail}"

    lines = [
        _one_line(canvas.title) + (f" — {_one_line(canvas.segment)}" if canvas.segment else ""),
        "",
        words["value"],
        f"  {'':<26} {words['sought']:<22}   {words['delivered']}",
    ]
    for kind in VALUE_TYPES:
        s_pct = _side_share(report.sought, kind)
        d_pct = _side_share(report.delivered, kind)
        lines.append(
            f"  {term(kind):<26} {_bar(s_pct, 12)} {_pct(s_pct):>4} ({report.sought[kind]:>2})"
            f"   {_bar(d_pct, 12)} {_pct(d_pct):>4} ({report.delivered[kind]:>2})"
        )
    lines.append(
        f"  {words['share']}: {words['sought']} {_pct(report.sought_emotional_share)}, "
        f"{words['delivered']} {_pct(report.delivered_emotional_share)}"
    )
    if report.mismatch is not None:
        lines.extend(_para(words["mismatch " + report.mismatch]))
    elif report.sought_emotional_share is None or report.delivered_emotional_share is None:
        lines.extend(_para(words["cannot judge"]))
    else:
        lines.extend(_para(words["no mismatch"]))
    lines.append("")

    if all(v is None for v in report.strategies.values()):
        lines.extend(_para(words["no strategies"], ""))
    else:
        lines.append(words["strategies"])
        for strategy in STRATEGIES:
            value = report.strategies[strategy]
            lines.append(f"  {term(strategy):<30} {_bar(value)} {_pct(value):>4}")
    lines.append("")

    lines.append(words["warranty"])
    for aspect in WARRANTY_ASPECTS:
        ids = report.warranty[aspect]
        if ids:
            lines.append(f"  [x] {term(aspect)}")
            lines.extend(describe(i) for i in ids)
        else:
            lines.append(f"  [ ] {term(aspect)}: {words['missing']}")
    if report.missing_warranty:
        missing = ", ".join(term(a) for a in report.missing_warranty)
        lines.extend(_para(f"{words['missing list']}: {missing}"))
    else:
        lines.extend(_para(words["all assured"]))
    lines.append("")

    lines.append(words["evidence"])
    profile, journey = report.evidence_profile, report.evidence_journey
    lines.append(
        f"  {words['profile']:<14} {_bar(profile)} {_pct(profile):>4} "
        + (words["of weight"] if profile is not None else words["no profile"])
    )
    lines.append(
        f"  {words['journey']:<14} {_bar(journey)} {_pct(journey):>4} "
        + (words["of steps"] if journey is not None else words["no steps"])
    )
    if report.untested:
        lines.append(f"  {words['untested']}")
        lines.extend(describe(i, "!") for i in report.untested)
    elif profile is not None:
        lines.append(f"  {words['all tested']}")
    lines.append("")

    def steps(count: int) -> str:
        return f"{count:>3} {words['step'] if count == 1 else words['steps']}"

    lines.append(words["personas"])
    if not canvas.personas:
        lines.append(f"  ({words['no personas']})")
    for persona in canvas.personas:
        role = f" ({persona.role})" if persona.role else ""
        count = report.steps_by_persona[persona.id]
        lines.append(f"  {persona.id:<6} {_one_line(persona.name) + role:<50} {steps(count)}")
    lines.append(f"  {'—':<6} {words['unassigned']:<50} {steps(report.unassigned_steps)}")
    return lines


def cmd_lens(args: argparse.Namespace) -> int:
    """Exit codes as for `fit`: 0 whatever the lens shows, 1 an invalid file."""
    from valuecanvas.storage import load

    try:
        canvas = load(Path(args.file)).canvas
    except CanvasError as exc:
        for line in exc.lines():
            sys.stderr.write(line + "\n")
        return 1
    report = compute_lens(canvas)
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in lens_text(canvas, args.lang, report)))
    return 0


def lens_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="valuecanvas lens",
        description=(
            "Report the value lens of a canvas (value-lens.md): customer value sought and "
            "delivered, strategies, warranty, evidence, steps per persona."
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the lens as JSON")
    p.add_argument(
        "--lang", choices=("en", "nl"), default="en", help="the report in English or Dutch"
    )
    p.set_defaults(run=cmd_lens)
    return p


__all__ = ["WORDS", "cmd_lens", "lens_parser", "lens_text"]
