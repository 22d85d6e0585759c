"""Dutch names of the changes undo and redo name ("Undone: move j1").

A change's label is English in the document's undo history (its last word names the
item the cursor returns to); `words.tr_label` shows it in Dutch by these templates.
Part of the one word registry: read through `words.tr_label`, never from here.
"""

from __future__ import annotations

NL_LABELS: dict[str, str] = {
    "add {n} items, last {id}": "{n} nieuw, laatste {id}",
    "add {id}": "nieuw {id}",
    "edit canvas settings": "instellingen van het canvas",
    "reload from disk": "opnieuw ingelezen van schijf",
    "edit {id}": "bewerk {id}",
    "delete {id}": "verwijder {id}",
    "move {id}": "verplaats {id}",
    "level {id}": "niveau {id}",
    "kind {id}": "soort {id}",
    "link {id}": "koppel {id}",
    "value {id}": "waarde {id}",
    "strategy {id}": "strategie {id}",
    "evidence {id}": "bewijs {id}",
    "warranty {id}": "garantie {id}",
    "persona {id}": "persona {id}",
    "touchpoint {id}": "contactpunt {id}",
    "phase of {id}": "fase van {id}",
    "add phase {name}": "nieuwe fase {name}",
    "rename phase {name}": "fase {name} hernoemd",
    "move phase {name}": "fase {name} verplaatst",
    "remove phase {name}": "fase {name} verwijderd",
    "add {field} to {id}": "regel in {field} van {id}",
    "edit {field} of {id}": "bewerk {field} van {id}",
    "remove {field} of {id}": "verwijder {field} van {id}",
    "move {field} of {id}": "verplaats {field} van {id}",
}
