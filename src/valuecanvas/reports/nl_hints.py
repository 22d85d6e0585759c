"""Dutch words of the empty panes' method hints (`tui/method_hints.py`).

Part of the one word registry: `valuecanvas.reports.words.NL` merges it; read
words through `words.tr`, never from here.
"""

from __future__ import annotations

NL_HINTS: dict[str, str] = {
    "Order: segment (ctrl+e) → jobs → pains → gains → rank (K/J, +/-) → value map → fit (f).": (
        "Volgorde: segment (ctrl+e) → taken → pijnen → voordelen → rangschik (K/J, +/-) → waardekaart → fit (f)."
    ),
    "Jobs: what the customer tries to get done, seen from their side. Functional (a task or problem), social (how they want to be seen), emotional (how they want to feel), and supporting jobs: buying, co-creating, passing value on. Press a and type one per line; t/T sets the kind.": (
        "Taken: wat de klant gedaan probeert te krijgen, vanuit de klant gezien. Functioneel (een taak of probleem), sociaal (hoe men gezien wil worden), emotioneel (hoe men zich wil voelen), en ondersteunende taken: kopen, meebouwen, doorgeven. Druk a en typ er één per regel; t/T zet het soort."
    ),
    "Pains: what annoys the customer before, during or after a job, or stops them: undesired outcomes, obstacles, risks. Rank them by how severe they are (+/-). Press a to add.": (
        "Pijnen: wat de klant ergert voor, tijdens of na een taak, of hem tegenhoudt: ongewenste resultaten, hindernissen, risico's. Rangschik op ernst (+/-). Druk a."
    ),
    "Gains: the outcomes and benefits the customer wants: required, expected, desired, unexpected. Rank them by relevance (+/-). Press a to add.": (
        "Voordelen: de resultaten die de klant wil: vereist, verwacht, gewenst, onverwacht. Rangschik op relevantie (+/-). Druk a."
    ),
    "Products & services your value proposition is built on. Press a to add, l links the jobs they help with.": (
        "Producten en diensten waarop de propositie rust. Druk a; l koppelt taken."
    ),
    "Pain relievers: how your products ease a specific pain. Press a, then l to link the pain.": (
        "Pijnverzachters: hoe je producten een pijn verlichten. a, dan l."
    ),
    "Gain creators: how your products create a specific gain. Press a, then l to link the gain.": (
        "Voordeelverschaffers: hoe je producten een voordeel opleveren. a, dan l."
    ),
}
