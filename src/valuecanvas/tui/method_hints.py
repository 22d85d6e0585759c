"""What an empty pane says: the method, from the seeds (Strategyzer's canvas as taught in
the course texts), in English and Dutch, so a first draft needs no handbook."""

from __future__ import annotations

from valuecanvas.model import ListName

ORDER_EN = "Order: segment (ctrl+e) → jobs → pains → gains → rank (K/J, +/-) → value map → fit (f)."
ORDER_NL = "Volgorde: segment (ctrl+e) → taken → pijnen → voordelen → rangschik (K/J, +/-) → waardekaart → fit (f)."

HINTS_EN: dict[ListName, str] = {
    "jobs": "Jobs: what the customer tries to get done, seen from their side. Functional "
    "(a task or problem), social (how they want to be seen), emotional (how they want "
    "to feel), and supporting jobs: buying, co-creating, passing value on. Press a and "
    "type one per line; t/T sets the kind.",
    "pains": "Pains: what annoys the customer before, during or after a job, or stops "
    "them: undesired outcomes, obstacles, risks. Rank them by how severe they are "
    "(+/-). Press a to add.",
    "gains": "Gains: the outcomes and benefits the customer wants: required, expected, "
    "desired, unexpected. Rank them by relevance (+/-). Press a to add.",
    "products": "Products & services your value proposition is built on. Press a to add, "
    "l links the jobs they help with.",
    "pain_relievers": "Pain relievers: how your products ease a specific pain. Press a, "
    "then l to link the pain.",
    "gain_creators": "Gain creators: how your products create a specific gain. Press a, "
    "then l to link the gain.",
}
HINTS_NL: dict[ListName, str] = {
    "jobs": "Taken: wat de klant gedaan probeert te krijgen, vanuit de klant gezien. "
    "Functioneel (een taak of probleem), sociaal (hoe men gezien wil worden), emotioneel "
    "(hoe men zich wil voelen), en ondersteunende taken: kopen, meebouwen, doorgeven. "
    "Druk a en typ er één per regel; t/T zet het soort.",
    "pains": "Pijnen: wat de klant ergert voor, tijdens of na een taak, of hem tegenhoudt: "
    "ongewenste resultaten, hindernissen, risico's. Rangschik op ernst (+/-). Druk a.",
    "gains": "Voordelen: de resultaten die de klant wil: vereist, verwacht, gewenst, "
    "onverwacht. Rangschik op relevantie (+/-). Druk a.",
    "products": "Producten en diensten waarop de propositie rust. Druk a; l koppelt taken.",
    "pain_relievers": "Pijnverzachters: hoe je producten een pijn verlichten. a, dan l.",
    "gain_creators": "Voordeelverschaffers: hoe je producten een voordeel opleveren. a, dan l.",
}


def empty_hint(name: ListName, lang: str = "en") -> str | None:
    """The text an empty pane of this list shows (None: the pane's own default)."""
    hints, order = (HINTS_NL, ORDER_NL) if lang == "nl" else (HINTS_EN, ORDER_EN)
    hint = hints.get(name)
    if hint is None:
        return None
    if name in ("jobs", "pains", "gains"):
        return f"{hint}\n{order}"
    return hint
