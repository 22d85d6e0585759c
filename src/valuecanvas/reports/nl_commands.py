"""Dutch words of the commands: palette and help names, groups, footer labels, help.

Part of the one word registry: `valuecanvas.reports.words.NL` merges it; read
words through `words.tr`, never from here.
"""

from __future__ import annotations

NL_COMMANDS: dict[str, str] = {
    # ---- commands: palette and help names, groups, footer labels
    "Panes": "Panelen",
    "Items (in any list)": "Onderdelen (in elke lijst)",
    "Document": "Document",
    "Journey and personas": "Klantreis en persona's",
    "Focus customer jobs": "Naar de klanttaken",
    "Focus pains": "Naar de pijnpunten",
    "Focus gains": "Naar de voordelen",
    "Focus products & services": "Naar de producten en diensten",
    "Focus pain relievers": "Naar de pijnverzachters",
    "Focus gain creators": "Naar de voordeelverschaffers",
    "Focus journey steps": "Naar de stappen van de klantreis",
    "Focus personas": "Naar de persona's",
    "Focus the fit summary panel": "Naar het fit-overzicht",
    # ---- the value lens keys (issue 13)
    "Show the value lens (enter on an item jumps to it)": (
        "De waardelens (enter op een onderdeel springt ernaartoe)"
    ),
    "Cycle its customer value (functional, economic …)": (
        "Wissel de klantenwaarde (functioneel, economisch …)"
    ),
    "Cycle its customer value backward": "Wissel de klantenwaarde terug",
    "Cycle its strategy (performance, customisation …)": (
        "Wissel de strategie (performantie, maatwerk …)"
    ),
    "Cycle its strategy backward": "Wissel de strategie terug",
    "Cycle its evidence (assumption, observation …)": ("Wissel het bewijs (aanname, observatie …)"),
    "Cycle its evidence backward": "Wissel het bewijs terug",
    "Pick its warranty aspects, or whose step it is (persona)": (
        "Kies de garantie-aspecten, of wiens stap het is (persona)"
    ),
    "Show all steps, then each persona's steps (whose journey)": (
        "Toon alle stappen, dan die van elke persona (wiens klantreis)"
    ),
    "who": "wie",
    "w sets the warranty of a product, pain reliever or gain creator, or whose step a journey step is — not of a {item}": (
        "w stelt de garantie in van een product, pijnverzachter of voordeelverschaffer, of "
        "wiens stap een stap van de klantreis is — niet van een {item}"
    ),
    "space toggles · 1-4 toggle · enter applies · escape cancels": (
        "spatie of 1-4 zet aan/uit · enter past toe · escape annuleert"
    ),
    "↑ ↓ choose · enter picks · escape cancels": "↑ ↓ kiezen · enter kiest · escape annuleert",
    "Warranty {id} assures": "Garantie die {id} borgt",
    "Whose step is {id}?": "Wiens stap is {id}?",
    "(no persona)": "(geen persona)",
    "assumption": "aanname",
    "observation": "observatie",
    "survey": "enquête",
    "analytics": "gemeten gedrag",
    "all personas": "alle persona's",
    "steps of": "stappen van",
    "steps of no persona": "stappen zonder persona",
    "Next / previous pane": "Volgend / vorig paneel",
    "Move within the focused list": "Bewegen in de lijst",
    "First / last item": "Eerste / laatste onderdeel",
    "Add an item at the end of the list": "Een onderdeel toevoegen aan het eind van de lijst",
    "Edit the focused item (all fields)": "Het onderdeel bewerken (alle velden)",
    "Delete the focused item and its links": "Het onderdeel en zijn koppelingen verwijderen",
    "Move the item up one place (rank)": "Het onderdeel een plaats omhoog (rang)",
    "Move the item down one place (rank)": "Het onderdeel een plaats omlaag (rang)",
    "Raise its level (or a step's emotion)": "Niveau omhoog (of de emotie van een stap)",
    "Lower its level (or a step's emotion)": "Niveau omlaag (of de emotie van een stap)",
    "Cycle its kind": "Volgende soort",
    "Cycle its kind backward": "Vorige soort",
    "Link it: pick the items it links with": "Koppelen: kies waarmee het verbonden is",
    "Filter the focused list by text": "De lijst filteren op tekst",
    "Add a journey phase after the step's phase": "Een fase toevoegen na de fase van de stap",
    "Rename the focused step's phase": "De fase van de stap hernoemen",
    "Move the step's phase earlier (its steps move with it)": (
        "De fase van de stap eerder zetten (de stappen gaan mee)"
    ),
    "Move the step's phase later (its steps move with it)": (
        "De fase van de stap later zetten (de stappen gaan mee)"
    ),
    "Remove a journey phase no step uses": "Een fase zonder stappen verwijderen",
    "Touchpoints overview per phase": "Contactpunten per fase",
    "Edit the persona's empathy map entries": "De empathiekaart van de persona bewerken",
    "Empathy map: add an entry to this section": "Empathiekaart: regel toevoegen aan dit deel",
    "Empathy map: edit the entry": "Empathiekaart: regel bewerken",
    "Empathy map: remove the entry": "Empathiekaart: regel verwijderen",
    "Empathy map: move the entry up": "Empathiekaart: regel omhoog",
    "Empathy map: move the entry down": "Empathiekaart: regel omlaag",
    "Empathy map: back to the personas list": "Empathiekaart: terug naar de persona's",
    "The empathy map is open: run the command again.": (
        "De empathiekaart staat open: geef de opdracht nog een keer."
    ),
    "Save to the file": "Opslaan in het bestand",
    "Save as: a copy under another name, edited from then on": (
        "Opslaan als: een kopie onder een andere naam, waarin je verder werkt"
    ),
    "Undo the last change": "De laatste wijziging ongedaan maken",
    "Redo": "Opnieuw doen",
    "Edit the canvas settings (title, segment, market, notes)": (
        "Instellingen van het canvas (titel, segment, markt, notities)"
    ),
    "Show the whole fit report": "Het hele fit-rapport tonen",
    "Help: every key": "Hulp: alle toetsen",
    "Command palette: every action by name": "Opdrachtenlijst: elke actie bij naam",
    "Search for commands…": "Zoek een opdracht…",
    "Quit (asks first with unsaved changes)": "Stoppen (vraagt eerst bij niet-opgeslagen werk)",
    "add": "nieuw",
    "edit": "bewerk",
    "del": "wis",
    "lvl": "niveau",
    "kind": "soort",
    "link": "koppel",
    "find": "zoek",
    "+phase": "+fase",
    "touchpts": "contact",
    "map": "kaart",
    "back": "terug",
    "save": "opslaan",
    "undo": "herstel",
    "help": "hulp",
    "Quit": "Stop",
    "key": "toets",
    # ---- help screen
    "valuecanvas — keys": "valuecanvas — toetsen",
    "Marks": "Tekens",
    "In a prompt or form keys type text; escape always leaves it.": (
        "In een invoerregel of formulier typen toetsen tekst; escape verlaat het altijd."
    ),
    "↑ ↓ scroll · escape closes": "↑ ↓ schuiven · escape sluit",
    "level: top (high / extreme / essential), middle, bottom": (
        "niveau: hoog (high / extreme / essential), midden, laag"
    ),
    "linked with the focused item": "gekoppeld aan het gekozen onderdeel",
    "must-address gap, or a journey low point": "gat dat aangepakt moet worden, of een dieptepunt",
    "a journey step's emotion, -2 … +2": "de emotie van een stap in de klantreis, -2 … +2",
    "a journey step links 2 pains or gains": "een stap koppelt 2 pijnpunten of voordelen",
    "a journey step in the same phase as the row above": "een stap in dezelfde fase als erboven",
    "emotion curve: a step, a low point, the cursor step (▲ under it)": (
        "emotiecurve: een stap, een dieptepunt, de gekozen stap (▲ eronder)"
    ),
    "a persona's DMU role: decider … gatekeeper, none": (
        "de DMU-rol van een persona: beslisser … poortwachter, geen"
    ),
    "kinds": "soorten",
    "backed by more than an assumption (evidence: observation, interview, …)": (
        "gestaafd door meer dan een aanname (bewijs: observatie, interview, …)"
    ),
}
