"""Every translated word of the user interface, in one registry.

The English text is the key: code says `tr("Save to the file", lang)` and reads
as English; `NL` gives the Dutch. A text missing from `NL` stays English, and
`tests/test_words.py` walks the TUI in Dutch to find any that slipped through.
List names live in the model's `ListSpec` table (titles and short names in both
languages); `list_title` and `list_short` read them from there.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from valuecanvas.model import LISTS, ListName

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
}


def tr(text: str, lang: str) -> str:
    """`text` in `lang` (English when no translation is known)."""
    return NL.get(text, text) if lang == "nl" else text


def list_title(name: ListName, lang: str) -> str:
    """The list's full title: "Customer jobs" / "Klanttaken"."""
    spec = LISTS[name]
    return spec.title_nl if lang == "nl" else spec.title


def list_short(name: ListName, lang: str) -> str:
    """The list's short name for pane titles and the fit summary: "Jobs" / "Taken"."""
    spec = LISTS[name]
    return spec.short_nl if lang == "nl" else spec.short
