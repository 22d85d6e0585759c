"""Every translated word of the user interface, in one registry.

The English text is the key: code says `tr("Save to the file", lang)` and reads
as English; `NL` gives the Dutch. A text missing from `NL` stays English, and
`tests/test_tui_dutch.py` walks the TUI in both languages to find any that slipped
through. `tr` is the one way in; the Dutch texts are kept by area (this module, and
`nl_commands` / `nl_files` / `nl_errors` / `nl_values` / `nl_hints` beside it) and merged into `NL` here.
List names live in the model's `ListSpec` table (titles and short names in both
languages); `list_title` and `list_short` read them from there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal, TypeAlias

from valuecanvas.model import LISTS, ListName
from valuecanvas.reports.nl_commands import NL_COMMANDS
from valuecanvas.reports.nl_errors import NL_ERRORS
from valuecanvas.reports.nl_files import NL_FILES
from valuecanvas.reports.nl_hints import NL_HINTS
from valuecanvas.reports.nl_labels import NL_LABELS
from valuecanvas.reports.nl_values import NL_VALUES

Lang: TypeAlias = Literal["en", "nl"]
LANGS: tuple[Lang, ...] = ("en", "nl")

NL: dict[str, str] = {
    # ---- the fit report (valuecanvas fit --lang nl)
    "Verdict": "Oordeel",
    "fit — every must-address job, pain and gain is addressed": (
        "fit — elke belangrijke taak, elk pijnpunt en voordeel wordt aangepakt"
    ),
    "partial — some must-address items are not addressed yet": (
        "gedeeltelijk — nog niet alle belangrijke onderdelen worden aangepakt"
    ),
    "none — nothing in the customer profile is addressed yet": (
        "geen — nog niets in het klantprofiel wordt aangepakt"
    ),
    "Score": "Score",
    "Coverage": "Dekking",
    "Gaps (not addressed; ! = must address)": "Gaten (niet aangepakt; ! = moet aangepakt worden)",
    "Gaps: none": "Gaten: geen",
    "Unanchored (link nothing: effort no customer asked for)": (
        "Los van het klantprofiel (koppelt niets: moeite waar geen klant om vroeg)"
    ),
    "Unanchored: none": "Los van het klantprofiel: geen",
    "Journey low points (emotion ≤ -1, no relieved pain)": (
        "Dieptepunten in de klantreis (emotie ≤ -1, geen verzacht pijnpunt)"
    ),
    "Journey low points: none": "Dieptepunten in de klantreis: geen",
    "emotion": "emotie",
    **NL_COMMANDS,
    **NL_FILES,
    **NL_ERRORS,
    **NL_HINTS,
    **NL_VALUES,
    # ---- the fit panel and fit screen
    "Fit: ": "Fit: ",
    "score": "score",
    "fit": "fit",
    "partial": "gedeeltelijk",
    "none": "geen",
    "Gaps": "Gaten",
    "Unanchored": "Los",
    "Journey low points": "Dieptepunten",
    ": none": ": geen",
    "every job, pain and gain is addressed": "elke taak, elk pijnpunt en voordeel is aangepakt",
    "gap": "gat",
    "unanchored": "los",
    "low point": "dieptepunt",
    "more": "meer",
    "f shows all": "f toont alles",
    "no gaps, nothing unanchored, no low points": "geen gaten, niets los, geen dieptepunten",
    "jump to it": "ga erheen",
    "f: full report": "f: heel rapport",
    "Fit report": "Fit-rapport",
    "↑ ↓ choose · enter jumps to it · escape closes": "↑ ↓ kiezen · enter gaat erheen · escape sluit",
    # ---- personas view and empathy map
    "Empathy map": "Empathiekaart",
    "Does": "Doet",
    "Feels": "Voelt",
    "Goals (wants)": "Doelen (wil)",
    "Influenced by": "Beïnvloed door",
    "Problems": "Problemen",
    "Notes": "Notities",
    "DMU role": "DMU-rol",
    "role": "rol",
    "(none — e sets it)": "(geen — e stelt hem in)",
    "— (none; a adds one)": "— (geen; a voegt toe)",
    "no persona — press a in the list to add one": "geen persona — a in de lijst voegt er een toe",
    "a add · e edit · d remove · K/J move · esc back": (
        "a nieuw · e bewerk · d wis · K/J verplaats · esc terug"
    ),
    "m or → edits the entries": "m of → bewerkt de regels",
    "Add a persona first (a).": "Voeg eerst een persona toe (a).",
    "Type some text first (escape cancels).": "Typ eerst wat tekst (escape annuleert).",
    "New entry in {section} of {name}:": "Nieuwe regel in {section} van {name}:",
    "Edit {section} entry:": "Regel in {section} bewerken:",
    "Removed “{text}” — u undoes it": "“{text}” verwijderd — u maakt het ongedaan",
    # ---- link picker
    "type to narrow · ↑ ↓ move · space toggles (the filter takes no spaces) · enter applies · escape cancels": (
        "typ om te filteren · ↑ ↓ bewegen · spatie vinkt aan/uit (het filter neemt geen spaties) · "
        "enter past toe · escape annuleert"
    ),
    "type to narrow the list": "typ om de lijst te filteren",
    "toggle": "aan/uit",
    "cancel": "annuleer",
    "Link ": "Koppel ",
    "no match — backspace widens": "geen treffer — backspace verruimt",
    "no {items} yet": "nog geen {items}",
    "{count} linked": "{count} gekoppeld",
    " · {added} to link, {removed} to unlink — enter applies": (
        " · {added} koppelen, {removed} loskoppelen — enter past toe"
    ),
    "Read-only: links cannot be changed here.": (
        "Alleen lezen: koppelingen kunnen hier niet veranderen."
    ),
    "A {item} has nothing to link — links join the value map, the customer profile and the journey.": (
        "Een {item} koppelt niets — koppelingen verbinden de waardekaart, het klantprofiel en de "
        "klantreis."
    ),
    # ---- the canvas screen: title bar, prompts, detail row, messages
    "Canvas": "Canvas",
    "7 Journey": "7 Klantreis",
    "8 Personas": "8 Persona's",
    "9 Lens": "9 Waardelens",
    "(not saved yet)": "(nog niet opgeslagen)",
    "  READ-ONLY": "  ALLEEN LEZEN",
    "filter: type to narrow · enter keeps · escape clears": (
        "filter: typ om te filteren · enter houdt vast · escape wist"
    ),
    "type it · enter adds · escape cancels": "typ het · enter voegt toe · escape annuleert",
    "type it · enter adds, stays open · empty enter closes": (
        "typ het · enter voegt toe, blijft open · lege enter sluit"
    ),
    "New {item}{where}: ": "Nieuw(e) {item}{where}: ",
    "links": "koppelt",
    "emotion {:+d}": "emotie {:+d}",
    "Clear filter": "Filter wissen",
    "Read-only: this canvas cannot be changed here.": (
        "Alleen lezen: dit canvas kan hier niet veranderen."
    ),
    "Read-only: saving is off for this canvas.": "Alleen lezen: opslaan staat uit voor dit canvas.",
    "Edit {item} {id}": "{item} {id} bewerken",
    "Canvas settings": "Instellingen van het canvas",
    "Deleted {id} “{text}”{also} — u undoes it": "{id} “{text}”{also} verwijderd — u maakt het ongedaan",
    " and {count} link": " en {count} koppeling",
    " and {count} links": " en {count} koppelingen",
    "Nothing to undo.": "Niets om ongedaan te maken.",
    "Nothing to redo.": "Niets om opnieuw te doen.",
    "Undone: {label}": "Ongedaan gemaakt: {label}",
    "Redone: {label}": "Opnieuw gedaan: {label}",
    "Not saved": "Niet opgeslagen",
    "Save as (file name):": "Opslaan als (bestandsnaam):",
    # ---- lists (empty hints)
    "empty — press a to add": "leeg — a voegt toe",
    "no match — escape clears the filter": "geen treffer — escape wist het filter",
    # ---- the form
    "text": "tekst",
    "name": "naam",
    "notes": "notities",
    "context": "context",
    "value type": "waardetype",
    "importance": "belang",
    "severity": "ernst",
    "relevance": "relevantie",
    "phase": "fase",
    "touchpoint": "contactpunt",
    "role (DMU)": "rol (DMU)",
    "does (1 per line)": "doet (1 per regel)",
    "feels (1 per line)": "voelt (1 per regel)",
    "goals (1 per line)": "doelen (1 per regel)",
    "influences (1 per line)": "invloeden (1 per regel)",
    "problems (1 per line)": "problemen (1 per regel)",
    "evidence": "bewijs",
    "source": "bron",
    "strategy": "strategie",
    "warranty (1 aspect per line)": "garantie (1 aspect per regel)",
    "title": "titel",
    "segment": "segment",
    "market": "markt",
    "(none)": "(geen)",
    "Discard": "Weggooien",
    "Apply & save": "Toepassen en opslaan",
    "enter applies · ctrl+s applies and saves · escape discards · tab next field": (
        "enter past toe · ctrl+s past toe en slaat op · escape gooit weg · tab volgend veld"
    ),
    "enter applies · space opens the list · ctrl+s applies and saves · escape discards": (
        "enter past toe · spatie opent de lijst · ctrl+s past toe en slaat op · escape gooit weg"
    ),
    "enter adds a line · tab, then enter applies · ctrl+s applies and saves": (
        "enter voegt een regel toe · tab, dan enter past toe · ctrl+s past toe en slaat op"
    ),
    # ---- the journey view
    "Emotion curve · ! low point: emotion ≤ -1, no pain on it relieved": (
        "Emotiecurve · ! dieptepunt: emotie ≤ -1, geen pijnpunt erop verzacht"
    ),
    "Touchpoint of {id} (where it happens: app, shop, phone …):": (
        "Contactpunt van {id} (waar het gebeurt: app, winkel, telefoon …):"
    ),
    "enter sets it · empty clears it · escape cancels": (
        "enter stelt het in · leeg wist het · escape annuleert"
    ),
    "Move the step to the previous phase (last in it)": "De stap naar de vorige fase (als laatste)",
    "Move the step to the next phase (last in it)": "De stap naar de volgende fase (als laatste)",
    "Edit the step's touchpoint": "Het contactpunt van de stap bewerken",
    "<phase": "<fase",
    "phase>": "fase>",
    "Emotion curve": "Emotiecurve",
    "low point!": "dieptepunt!",
    "no steps yet — press a to add one": "nog geen stappen — a voegt er een toe",
    "no steps — a adds one · p adds a phase": "geen stappen — a voegt er een toe · p voegt een fase toe",
    "phase / touchpoint": "fase / contactpunt",
    "steps": "stappen",
    "phases": "fasen",
    "(empty)": "(leeg)",
    "avg": "gem.",
    "Touchpoints per phase": "Contactpunten per fase",
    "New phase{where}:": "Nieuwe fase{where}:",
    " (after “{phase}”)": " (na “{phase}”)",
    " (at the end)": " (aan het eind)",
    "Added phase “{name}” — e on a step moves it there": (
        "Fase “{name}” toegevoegd — e op een stap zet hem daar"
    ),
    "Rename phase “{phase}” (its steps follow):": "Fase “{phase}” hernoemen (de stappen volgen):",
    "Remove which phase?": "Welke fase verwijderen?",
    "unused: {phases}": "ongebruikt: {phases}",
    "none (every phase has steps)": "geen (elke fase heeft stappen)",
    "enter removes · escape cancels": "enter verwijdert · escape annuleert",
    "Removed phase “{name}” — u undoes it": "Fase “{name}” verwijderd — u maakt het ongedaan",
    # ---- merge conflicts
    "o  keep ours": "o  onze houden",
    "t  take theirs": "t  die van hen nemen",
    "the item is deleted": "het onderdeel wordt verwijderd",
    "the item stays": "het onderdeel blijft",
    "ours:": "onze:",
    "ours": "wij",
    "theirs": "zij",
    "{item}: {deleter} deleted the item, {other} changed it (it is kept for now)": (
        "{item}: {deleter} verwijderden het onderdeel, {other} veranderden het (het blijft voorlopig)"
    ),
    "theirs:": "van hen:",
    "Merge conflict ({left} left to resolve)": "Samenvoegconflict (nog {left} op te lossen)",
    "u  undo the last choice    escape  later (check lists what is left)": (
        "u  laatste keuze ongedaan maken    escape  later (check toont wat er over is)"
    ),
    "The {item} {id}: “{text}”": "{item} {id}: “{text}”",
    "All merge conflicts resolved; save (ctrl+s) to write the file without them.": (
        "Alle samenvoegconflicten opgelost; sla op (ctrl+s) om het bestand zonder ze te schrijven."
    ),
    # ---- item names (ListSpec.singular)
    "job": "taak",
    "pain": "pijnpunt",
    "gain": "voordeel",
    "product or service": "product of dienst",
    "pain reliever": "pijnverzachter",
    "gain creator": "voordeelverschaffer",
    "journey step": "stap",
    "persona": "persona",
    # ---- dialogs
    "enter accepts · escape cancels": "enter bevestigt · escape annuleert",
    "Cancel": "Annuleer",
    "escape  stay / cancel": "escape  blijven / annuleren",
    "Unsaved changes": "Niet-opgeslagen wijzigingen",
    "This canvas has changes that are not saved yet.": (
        "Dit canvas heeft wijzigingen die nog niet zijn opgeslagen."
    ),
    "save and quit": "opslaan en stoppen",
    "quit without saving": "stoppen zonder opslaan",
    "Close": "Sluit",
    "Close help": "Hulp sluiten",
    # ---- the export dialog (x)
    "Export the canvas": "Het canvas exporteren",
    "Format (↑ ↓ or 1-5, enter)": "Formaat (↑ ↓ of 1-5, enter)",
    "Path (enter writes)": "Pad (enter schrijft)",
    "Unsaved changes are exported too · tab switches · escape cancels": (
        "Ook niet-opgeslagen wijzigingen · tab wisselt · escape annuleert"
    ),
    "Markdown that GitHub renders": "Markdown die GitHub toont",
    "the journey as a Mermaid diagram": "de klantreis als diagram (Mermaid)",
    "one self-contained page, prints on A4": "één losse webpagina, print op A4",
    "one row per item and journey step": "één rij per onderdeel en stap van de klantreis",
    "the canvas, valid against the schema": "het canvas, geldig volgens het schema",
    "Type a path, e.g. {example}": "Typ een pad, bijvoorbeeld {example}",
    "File exists": "Bestand bestaat al",
    "{path} already exists. Replace it with the {fmt} export?": (
        "{path} bestaat al. Vervangen door de {fmt}-export?"
    ),
    "replace it": "vervangen",
    "Exported {fmt}: {path}": "Geëxporteerd als {fmt}: {path}",
    "Export the canvas (md, mermaid, html, csv, json) to a file": (
        "Het canvas exporteren (md, mermaid, html, csv, json) naar een bestand"
    ),
}


def tr(text: str, lang: str, /, **values: object) -> str:
    """`text` in `lang` (English when no translation is known), `{name}`s filled in."""
    out = NL.get(text, text) if lang == "nl" else text
    return out.format(**values) if values else out


WORD_VALUES = frozenset({"item", "other", "field", "where"})
"""The values of a core message that are words themselves ("a {item} cannot …")."""


def tr_message(text: str, values: Mapping[str, object], lang: str) -> str:
    """A core message (an `EditError`'s English `text` and `values`) in `lang`."""
    return tr(
        text,
        lang,
        **{
            k: tr(v, lang) if k in WORD_VALUES and isinstance(v, str) else v
            for k, v in values.items()
        },
    )


_LABELS = [
    (re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(english))), dutch)
    for english, dutch in sorted(
        NL_LABELS.items(), key=lambda pair: -len(re.sub(r"\{\w+\}", "", pair[0]))
    )
]
"""Each English label template as a pattern ("move {id}" → `move (?P<id>.+?)`), the most
specific (longest fixed text) first: "move phase {name}" before "move {id}"."""


def tr_label(label: str, lang: str) -> str:
    """A change's label (undo history) in `lang`: "move j1" → "verplaats j1"."""
    if lang != "nl":
        return label
    for pattern, dutch in _LABELS:
        if found := pattern.fullmatch(label):
            values = found.groupdict()
            if "field" in values:  # an empathy map section: does, feels, …
                values["field"] = tr(values["field"], lang)
            return dutch.format(**values)
    return label


def list_title(name: ListName, lang: str) -> str:
    """The list's full title: "Customer jobs" / "Klanttaken"."""
    spec = LISTS[name]
    return spec.title_nl if lang == "nl" else spec.title


def list_short(name: ListName, lang: str) -> str:
    """The list's short name for pane titles and the fit summary: "Jobs" / "Taken"."""
    spec = LISTS[name]
    return spec.short_nl if lang == "nl" else spec.short
