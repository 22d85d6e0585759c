"""What an empty pane says: the method, from the seeds (Strategyzer's canvas as taught in
the course texts), in English (their Dutch: `reports/nl_hints.py`), so a first draft needs no handbook."""

from __future__ import annotations

from valuecanvas.model import ListName
from valuecanvas.reports.words import tr

ORDER_EN = "Order: segment (ctrl+e) → jobs → pains → gains → rank (K/J, +/-) → value map → fit (f)."

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


def empty_hint(name: ListName, lang: str = "en") -> str | None:
    """The text an empty pane of this list shows (None: the pane's own default)."""
    hint = HINTS_EN.get(name)
    if hint is None:
        return None
    if name in ("jobs", "pains", "gains"):
        return f"{tr(hint, lang)}\n{tr(ORDER_EN, lang)}"
    return tr(hint, lang)
