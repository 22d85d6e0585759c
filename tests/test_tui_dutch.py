"""`--lang nl`: every view, dialog, help and footer of the TUI in Dutch.

The test walks the app with the real keys of keys.md and reads each screen as the
user sees it (the exported screenshot's text). Any word that is English UI text
(a word of the registry's English texts that its Dutch text does not use) fails it,
unless the canvas itself (user text) holds that word.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from tui_helpers import copy_sample, open_app
from valuecanvas.model import all_items
from valuecanvas.reports.words import NL
from valuecanvas.storage import load

# Key names, ids and words Dutch uses as they are.
SAME_IN_DUTCH = {
    "enter", "escape", "esc", "space", "tab", "shift", "ctrl", "home", "end", "backspace",
    "pageup", "pagedown", "valuecanvas", "fit", "score", "persona", "persona's", "DMU",
    "b2b", "b2c", "delete", "filter",
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


def user_words(path: Path) -> set[str]:
    canvas = load(path).canvas
    text = [canvas.title, canvas.segment, canvas.notes, *canvas.journey.phases]
    for _, _, item in all_items(canvas):
        text.extend(str(v) for v in item.model_dump().values())
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
