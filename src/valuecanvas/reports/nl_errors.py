"""Dutch words of the core's messages the TUI shows (an `EditError`'s English text).

Part of the one word registry: `valuecanvas.reports.words.NL` merges it; the TUI
says them through `words.tr_message`.
"""

from __future__ import annotations

NL_ERRORS: dict[str, str] = {
    "{id} is not a journey step": "{id} is geen stap van de klantreis",
    "“{phase}” is the first phase: {id} cannot move further": (
        "“{phase}” is de eerste fase: {id} kan niet verder"
    ),
    "“{phase}” is the last phase: {id} cannot move further": (
        "“{phase}” is de laatste fase: {id} kan niet verder"
    ),
    "there is no item with id '{id}'": "er is geen onderdeel met id '{id}'",
    "a {item} cannot link {target}": "een {item} kan niet koppelen met {target}",
    "{source} cannot link a {item}": "{source} kan niet koppelen met een {item}",
    "a {item} and a {other} cannot be linked": "een {item} en een {other} koppelen niet",
    "a phase needs a name": "een fase heeft een naam nodig",
    "a phase name is one line of text without control characters": (
        "een fasenaam is één regel tekst zonder stuurtekens"
    ),
    "there is already a phase '{phase}'": "er is al een fase '{phase}'",
    "there is no phase '{phase}'": "er is geen fase '{phase}'",
    "phase '{phase}' still has {count} step(s); move or delete them first": (
        "fase '{phase}' heeft nog {count} stap(pen); verplaats of verwijder ze eerst"
    ),
    "the journey needs at least one phase": "de klantreis heeft minstens één fase nodig",
    "an id never changes once given": "een id verandert nooit meer",
    "a {item} has no {field}: it is set on {where}": (
        "een {item} heeft geen {field}: dat staat op {where}"
    ),
    "jobs, pains, gains and the value map": "taken, pijnpunten, voordelen en de waardekaart",
    "products, pain relievers and gain creators": (
        "producten, pijnverzachters en voordeelverschaffers"
    ),
    "jobs, pains, gains and journey steps": "taken, pijnpunten, voordelen en stappen",
    "journey steps": "stappen van de klantreis",
    "value": "waarde",
}
