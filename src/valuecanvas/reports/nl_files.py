"""Dutch words of saving and the file's safety: the save flow's questions and notes.

Part of the one word registry: `valuecanvas.reports.words.NL` merges it; read
words through `words.tr`, never from here.
"""

from __future__ import annotations

NL_FILES: dict[str, str] = {
    "{name} changed on disk — reopen it to see the changes": (
        "{name} is op schijf veranderd — open het opnieuw om de wijzigingen te zien"
    ),
    "{name} changed on disk — ctrl+s will ask what to do": (
        "{name} is op schijf veranderd — ctrl+s vraagt wat je wilt doen"
    ),
    "Save under another name:": "Opslaan onder een andere naam:",
    "Saved {path}": "Opgeslagen: {path}",
    "Type a file name, e.g. my-canvas-copy.toml": (
        "Typ een bestandsnaam, bijvoorbeeld mijn-canvas-kopie.toml"
    ),
    "{path} already exists; choose another name": "{path} bestaat al; kies een andere naam",
    "the folder {folder} does not exist": "de map {folder} bestaat niet",
    "Comments will be dropped": "Commentaar verdwijnt",
    "{name} has # comments. valuecanvas writes the canvas without them, so saving removes them from the file. {keep}": (
        "{name} heeft #-commentaar. valuecanvas schrijft het canvas zonder, dus opslaan haalt "
        "het uit het bestand. {keep}"
    ),
    "Your original stays in {name}.": "Je origineel blijft bewaard in {name}.",
    "A backup {name} exists already and is kept as it is.": (
        "Er is al een reservekopie {name}; die blijft zoals hij is."
    ),
    "save anyway": "toch opslaan",
    "Changed on disk": "Veranderd op schijf",
    "{name} was deleted since you opened or last saved it. Saving now would overwrite that. Nothing has been written yet.": (
        "{name} is verwijderd sinds je het opende of laatst opsloeg. Nu opslaan zou dat "
        "overschrijven. Er is nog niets geschreven."
    ),
    "{name} was changed by someone else since you opened or last saved it. Saving now would overwrite that. Nothing has been written yet.": (
        "{name} is door iemand anders veranderd sinds je het opende of laatst opsloeg. Nu "
        "opslaan zou dat overschrijven. Er is nog niets geschreven."
    ),
    "reload it (drops your changes here)": "opnieuw inlezen (je wijzigingen hier vervallen)",
    "save under another name": "opslaan onder een andere naam",
    "overwrite it with this canvas": "overschrijven met dit canvas",
    "Lock taken over": "Vergrendeling overgenomen",
    "The lock on {name} is no longer yours: it is held by {who}. They may be editing it now. Nothing has been written yet.": (
        "De vergrendeling van {name} is niet meer van jou: {who} heeft hem. Misschien "
        "bewerken zij het nu. Er is nog niets geschreven."
    ),
    "nobody any more": "niemand meer",
    "{user} on {host} (pid {pid})": "{user} op {host} (pid {pid})",
    "{user} on {host} (pid {pid}) since {since}": "{user} op {host} (pid {pid}) sinds {since}",
    "overwrite it anyway": "toch overschrijven",
    "Reload from disk?": "Opnieuw inlezen van schijf?",
    "Reloading shows the file as it is on disk now and drops {lost}. u (undo) can still bring them back until you quit.": (
        "Opnieuw inlezen toont het bestand zoals het nu op schijf staat en laat {lost} "
        "vallen. u (ongedaan maken) haalt ze terug tot je stopt."
    ),
    "your unsaved changes": "je niet-opgeslagen wijzigingen",
    "nothing unsaved": "niets dat niet is opgeslagen",
    "your unsaved changes ({count} edit)": "je niet-opgeslagen wijzigingen ({count} bewerking)",
    "your unsaved changes ({count} edits)": "je niet-opgeslagen wijzigingen ({count} bewerkingen)",
    "yes, reload": "ja, opnieuw inlezen",
    "Your canvas here is unchanged.": "Je canvas hier is niet veranderd.",
    "Not reloaded": "Niet opnieuw ingelezen",
    "Reloaded {name} from disk — u undoes it": (
        "{name} opnieuw ingelezen van schijf — u maakt het ongedaan"
    ),
}
