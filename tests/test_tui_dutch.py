"""`--lang nl`: every view, dialog, help and footer of the TUI in Dutch.

The test walks the app with the real keys of keys.md and reads each screen as the
user sees it (the exported screenshot's text). Any word that is English UI text
(a word of the registry's English texts that its Dutch text does not use) fails it,
unless the canvas itself (user text) holds that word.
"""

from __future__ import annotations

import getpass
import html
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tui_helpers import SAMPLES, copy_sample, open_app
from valuecanvas.model import LISTS, all_items
from valuecanvas.reports.words import NL
from valuecanvas.storage import load
from valuecanvas.storage.lock import acquire
from valuecanvas.tui.app import ValueCanvasApp

# Key names, ids and words Dutch uses as they are.
SAME_IN_DUTCH = {
    "enter", "escape", "esc", "space", "tab", "shift", "ctrl", "home", "end", "backspace",
    "pageup", "pagedown", "valuecanvas", "fit", "score", "persona", "persona's", "DMU",
    "b2b", "b2c", "delete", "left", "right", "filter", "toml", "mismatch", "taken", "over",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


def english_words() -> set[str]:
    """Words of the English UI texts that their Dutch texts do not use."""
    out: set[str] = set()
    for english, dutch in NL.items():
        dutch_words = {w.casefold() for w in WORD.findall(dutch)}
        for word in WORD.findall(english):
            if word.casefold() not in dutch_words | {w.casefold() for w in SAME_IN_DUTCH}:
                out.add(word.casefold())
    return out


def screen_text(app) -> str:
    svg = app.export_screenshot()
    parts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return html.unescape(" ".join(parts)).replace("\xa0", " ")


def user_blob(path: Path) -> str:
    """Every user text of the canvas, casefolded, in one string."""
    return " ".join(sorted(user_words(path)))


def user_words(path: Path) -> set[str]:
    """The words of the canvas's own texts (not its fixed values: "high" is shown in Dutch)."""
    canvas = load(path).canvas
    text = [canvas.title, canvas.segment, canvas.notes, *canvas.journey.phases]
    fixed = {str(c) for spec in LISTS.values() for f in spec.fields for c in f.choices}
    for _, _, item in all_items(canvas):
        text.extend(str(v) for v in item.model_dump().values() if str(v) not in fixed)
    return {w.casefold() for w in WORD.findall(" ".join(text))}


async def test_every_view_dialog_help_and_footer_is_dutch(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "fietsabonnement.toml")
    app = open_app(path, lang="nl")
    # the export dialog shows the file's path (the test's folder name is English words)
    in_path = {w.casefold() for w in WORD.findall(str(path))}
    english = english_words() - user_words(path) - in_path
    found: dict[str, set[str]] = {}
    walk = [
        ("canvas", ()),
        ("fit panel", ("0",)),
        ("fit report", ("f",)),
        ("help", ("escape", "question_mark")),
        ("palette", ("escape", "1", "ctrl+p")),
        ("item form", ("escape", "e")),
        ("add prompt", ("escape", "a")),
        ("filter", ("escape", "2", "slash")),
        ("link picker", ("escape", "4", "l")),
        ("journey", ("escape", "7")),
        ("phase prompt", ("p",)),
        ("touchpoints", ("escape", "o")),
        ("personas", ("escape", "8")),
        ("empathy map", ("m",)),
        ("entry prompt", ("a",)),
        ("canvas settings", ("escape", "escape", "ctrl+e")),
        ("export", ("escape", "x")),
        ("quit question", ("escape", "1", "minus", "ctrl+q")),
    ]
    async with app.run_test(size=(120, 40)) as pilot:
        for place, keys in walk:
            await pilot.press(*keys)
            await pilot.pause()
            words = {w.casefold() for w in WORD.findall(screen_text(app))}
            if hits := words & english:
                found[place] = hits
    assert found == {}


async def test_merge_conflicts_are_offered_in_dutch(tmp_path: Path) -> None:
    from test_tui_conflicts import conflicted_file
    from valuecanvas.conflicts import where

    path = conflicted_file(tmp_path)
    app = open_app(path, lang="nl")
    # the conflict's place is named as the file names it (list, id, field): file words
    places = {w.casefold() for c in load(path).canvas.conflicts for w in WORD.findall(where(c))}
    english = english_words() - user_words(path) - places
    found: dict[str, set[str]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        for place, keys in (("title", ()), ("severity", ("o",)), ("deleted", ("o",))):
            await pilot.press(*keys)
            await pilot.pause()
            words = {w.casefold() for w in WORD.findall(screen_text(app))}
            if hits := words & english:
                found[place] = hits
    assert found == {}


# ---------------------------------------------------------------- every place, both languages


def _take_over_elsewhere(path: Path) -> None:
    """Another process takes the lock over (as `valuecanvas` does after asking its user)."""
    code = (
        "import sys; from pathlib import Path; from valuecanvas.storage.lock import take_over;"
        "take_over(Path(sys.argv[1]))"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


def _change_on_disk(path: Path) -> None:
    text = path.read_text(encoding="utf-8").replace('title = "', 'title = "1', 1)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))


Step = tuple[str, tuple[str, ...], Callable[[ValueCanvasApp, Path], object] | None]

# Every view (1-9, 0, f), every dialog, help, footer and the save flow's questions and
# notes: (place, keys, what happens outside the app first). The English walk must show
# each place's English marker (see MARKERS), so the walk cannot silently miss a dialog.
WALK: list[Step] = [
    ("jobs pane", ("1",), None),
    ("pains pane", ("2",), None),
    ("gains pane", ("3",), None),
    ("products pane", ("4",), None),
    ("relievers pane", ("5",), None),
    ("creators pane", ("6",), None),
    ("journey", ("7",), None),
    ("personas", ("8",), None),
    ("lens", ("9",), None),
    ("fit panel", ("0",), None),
    ("fit report", ("f",), None),
    ("help", ("escape", "question_mark"), None),
    ("help, further down", ("pagedown",), None),
    ("help, the end", ("end",), None),
    ("palette", ("escape", "1", "ctrl+p"), None),
    ("item form", ("escape", "e"), None),
    ("add prompt", ("escape", "a"), None),
    ("filter", ("escape", "2", "slash", "z", "z", "z"), None),
    ("link picker", ("escape", "escape", "4", "l"), None),
    ("link refused", ("escape", "8", "l"), None),
    ("warranty picker", ("escape", "6", "w"), None),
    ("w on a job", ("escape", "1", "w"), None),
    ("journey phase prompt", ("escape", "7", "p"), None),
    ("phase added", (*"nazorg", "enter"), None),
    ("rename phase", ("escape", "P"), None),
    ("remove phase", ("escape", "x"), None),
    ("phase removed", (*"nazorg", "enter"), None),
    ("touchpoint prompt", ("escape", "at"), None),
    ("touchpoints", ("escape", "o"), None),
    ("whose journey", ("escape", "W"), None),
    ("persona picker", ("W", "W", "W", "w"), None),
    ("step at the edge", ("escape", "home", "less_than_sign"), None),
    ("empathy map", ("8", "m"), None),
    ("entry prompt", ("a",), None),
    ("canvas settings", ("escape", "escape", "ctrl+e"), None),
    ("export", ("escape", "x"), None),
    ("exported", ("enter", "enter"), None),
    ("export file exists", ("x", "enter", "enter"), None),
    ("delete and undo", ("escape", "escape", "1", "d", "u"), None),
    ("move and undo", ("shift+down", "u"), None),
    ("nothing to redo", ("ctrl+r", "ctrl+r"), None),
    ("saved", ("minus", "ctrl+s"), None),
    (
        "changed on disk note",
        (),
        lambda app, path: (_change_on_disk(path), app.safety.check_disk()),
    ),
    ("changed on disk", ("minus", "ctrl+s"), None),
    ("reload question", ("r",), None),
    ("reloaded", ("y",), None),
    ("lock taken over", ("minus", "ctrl+s"), lambda app, path: _take_over_elsewhere(path)),
    ("save as prompt", ("a",), None),
    ("save as refused", (*"geen/x.toml", "enter"), None),
    ("save as", ("ctrl+u", *"kopie.toml", "enter"), None),
    ("quit question", ("1", "plus", "ctrl+q"), None),
]
MARKERS = {
    "lens": "Value lens",
    "fit report": "Fit report",
    "help": "valuecanvas — keys",
    "help, the end": "In a prompt or form keys type text",
    "palette": "Focus customer jobs",
    "item form": "Edit job",
    "add prompt": "New job",
    "warranty picker": "Warranty",
    "w on a job": "not of a job",
    "persona picker": "Whose step",
    "step at the edge": "cannot move further",
    "touchpoint prompt": "Touchpoint of",
    "link picker": "Link",
    "link refused": "nothing to link",
    "phase added": "Added phase",
    "remove phase": "Remove which phase",
    "phase removed": "Removed phase",
    "exported": "Exported",
    "export file exists": "File exists",
    "touchpoints": "Touchpoints",
    "empathy map": "Empathy",
    "canvas settings": "Canvas settings",
    "export": "Export the canvas",
    "delete and undo": "Undone",
    "move and undo": "Undone: move j1",
    "nothing to redo": "Nothing to redo",
    "saved": "Saved",
    "changed on disk note": "changed on disk",
    "changed on disk": "Changed on disk",
    "reload question": "Reload from disk",
    "reloaded": "Reloaded",
    "lock taken over": "Lock taken over",
    "save as refused": "does not exist",
    "quit question": "Unsaved changes",
}


async def _walk(tmp_path: Path, lang: str) -> tuple[dict[str, set[str]], dict[str, str]]:
    """The words each place shows (and its whole text), walking WALK in `lang`."""
    folder = tmp_path / lang
    folder.mkdir()
    path = copy_sample(folder, "fietsabonnement.toml")
    app = open_app(path, lang=lang)
    app.lock = acquire(path)
    seen: dict[str, set[str]] = {}
    texts: dict[str, str] = {}
    cwd = os.getcwd()
    os.chdir(folder)  # "save as" names a file here
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for place, keys, outside in WALK:
                if outside is not None:
                    outside(app, path)
                await pilot.press(*keys)
                await pilot.pause()
                # toasts are drawn after the screenshot's frame: read what they say
                notes = " ".join(f"{n.title or ''} {n.message}" for n in app._notifications)
                texts[place] = screen_text(app) + " " + notes
                seen[place] = {w.casefold() for w in WORD.findall(texts[place])}
                app.clear_notifications()
    finally:
        os.chdir(cwd)
        if app.lock is not None:
            app.lock.release()
    return seen, texts


async def test_every_place_shows_no_word_it_shows_in_english(tmp_path: Path) -> None:
    """The same walk in English and Dutch: no word of the English screens (UI text, since
    user text and file names are the same in both) may stand on the Dutch ones."""
    english, english_texts = await _walk(tmp_path, "en")
    for place, marker in MARKERS.items():
        assert marker in english_texts[place], (place, english_texts[place][:300])
    dutch, _ = await _walk(tmp_path, "nl")
    path = SAMPLES / "fietsabonnement.toml"  # the walk changes, deletes and reloads items
    typed = {"nazorg", "geen", "kopie"}  # what the walk types: user text
    allowed = (
        user_words(path)
        | typed
        | {w.casefold() for w in WORD.findall(f"{getpass.getuser()} {socket.gethostname()}")}
        | {w.casefold() for w in WORD.findall(str(tmp_path))}
        | {w.casefold() for w in SAME_IN_DUTCH}
        | {w.casefold() for text in NL.values() for w in WORD.findall(re.sub(r"{\w*}", "", text))}
    )
    english_ui = set().union(*english.values()) | english_words()
    # a pane cuts or wraps user text ("Fietsabonnem…"): any piece of it is user text too
    user_text = user_blob(path)
    found = {
        place: hits
        for place, words in dutch.items()
        if (hits := {w for w in words & english_ui - allowed if w not in user_text})
    }
    assert found == {}, "\n".join(f"{place}: {sorted(hits)}" for place, hits in found.items())
