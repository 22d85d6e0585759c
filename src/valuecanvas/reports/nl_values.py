"""Dutch words of the file's fixed vocabulary, as the TUI shows it (form choices, the
detail row): kinds, levels, evidence, value types, strategies, DMU roles.

The file keeps the English values (file-format.md); only what is shown is Dutch.
Part of the one word registry: `valuecanvas.reports.words.NL` merges it.
"""

from __future__ import annotations

NL_VALUES: dict[str, str] = {
    # job kinds (and value types: functional, emotional)
    "functional": "functioneel",
    "social": "sociaal",
    "emotional": "emotioneel",
    "buyer": "koper",
    "co-creator": "medemaker",
    "transferrer": "doorgever",
    # pain, gain and product kinds
    "undesired-outcome": "ongewenst resultaat",
    "obstacle": "obstakel",
    "risk": "risico",
    "required": "vereist",
    "expected": "verwacht",
    "desired": "gewenst",
    "unexpected": "onverwacht",
    "physical": "fysiek",
    "intangible": "immaterieel",
    "digital": "digitaal",
    "financial": "financieel",
    # levels
    "high": "hoog",
    "medium": "gemiddeld",
    "low": "laag",
    "extreme": "extreem",
    "moderate": "matig",
    "mild": "licht",
    "essential": "essentieel",
    "desirable": "wenselijk",
    "nice-to-have": "leuk om te hebben",
    # value types, strategies, evidence (the lens's own words: lens_report.WORDS)
    "economic": "economisch",
    "symbolic": "symbolisch",
    "performance": "performantie",
    "customisation": "maatwerk",
    "experience": "beleving",
    "interview": "interview",
    "reviews": "recensies",
    # empathy map sections (as undo names them)
    "does": "doet",
    "feels": "voelt",
    "goals": "doelen",
    "influences": "invloeden",
    "problems": "problemen",
    # DMU roles
    "decider": "beslisser",
    "user": "gebruiker",
    "influencer": "beïnvloeder",
    "gatekeeper": "poortwachter",
}
