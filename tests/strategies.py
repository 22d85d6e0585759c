"""Hypothesis strategies for valid canvases.

`canvases()` draws canvases that follow every rule of file-format.md: ids unique in
the whole file (app-style and hand-written), links only to existing items of the
right list, step phases from the journey's phases, and text that is hard to write
as TOML (quotes, backslashes, `\"\"\"`, line breaks, tabs, non-ASCII, U+2028).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from valuecanvas.model import (
    DEFAULT_PHASES,
    EVIDENCE,
    GAIN_KINDS,
    IMPORTANCE,
    JOB_KINDS,
    MARKETS,
    PAIN_KINDS,
    PRODUCT_KINDS,
    RELEVANCE,
    ROLES,
    SEVERITY,
    STRATEGIES,
    VALUE_TYPES,
    WARRANTY_ASPECTS,
    Canvas,
    Gain,
    GainCreator,
    Job,
    Journey,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
)

# Pieces that have broken TOML writers before: quotes and their triples, escapes,
# things that look like TOML syntax, line breaks of every kind TOML allows raw.
TRICKY = [
    '"',
    '""',
    '"""',
    '""""',
    "'",
    "'''",
    "\\",
    "\\n",
    "\\u0041",
    "\n",
    "\t",
    "#",
    " = ",
    "[[jobs]]",
    "\n[[pains]]\n",
    "\n[journey]\n",
    "\n[[journey.steps]]\n",
    '\nid = "p1"\n',
    "\u2028",
    "\u00a0",
    "é",
    "ß",
    "🚲",
    "\u200b",
]

# Any character that is allowed in text: everything but control characters (bar
# line break and tab) and lone surrogates; and one that is not white space either.
_CHAR = st.characters(blacklist_categories=("Cc", "Cs"))
_VISIBLE = st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"))

_piece = st.lists(st.one_of(_CHAR, st.sampled_from(TRICKY)), max_size=4).map("".join)

free_text: st.SearchStrategy[str] = st.one_of(st.just(""), _piece, _piece.map(str.strip))
"""Optional text: often empty."""

required_text: st.SearchStrategy[str] = st.tuples(_piece, _VISIBLE, _piece).map("".join)
"""Text that is not empty after trimming (text, name, title, phases, entries)."""

_hand_id = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",
    min_size=1,
    max_size=8,
)


def _maybe(values: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(values))


@st.composite
def canvases(draw: st.DrawFn, max_items: int = 3) -> Canvas:
    """A valid canvas with random lists, levels, links, journey and personas."""
    used: set[str] = set()

    def new_id(prefix: str) -> str:
        app_style = st.integers(1, 30).map(lambda n: f"{prefix}{n}")
        return draw(st.one_of(app_style, _hand_id).filter(lambda i: i not in used))

    def make(prefix: str, build: Callable[[str], Any]) -> tuple[Any, ...]:
        count = draw(st.integers(0, max_items))
        out = []
        for _ in range(count):
            item_id = new_id(prefix)
            used.add(item_id)
            out.append(build(item_id))
        return tuple(out)

    def links(targets: tuple[Any, ...]) -> tuple[str, ...]:
        if not targets:
            return ()
        return tuple(draw(st.lists(st.sampled_from([t.id for t in targets]), unique=True)))

    def value() -> Any:
        return draw(_maybe(VALUE_TYPES))

    def evidence() -> Any:
        return draw(st.sampled_from(EVIDENCE))

    def strategy() -> Any:
        return draw(_maybe(STRATEGIES))

    def warranty() -> Any:
        return tuple(draw(st.lists(st.sampled_from(WARRANTY_ASPECTS), unique=True)))

    jobs = make(
        "j",
        lambda i: Job(
            id=i,
            text=draw(required_text),
            kind=draw(st.sampled_from(JOB_KINDS)),
            importance=draw(st.sampled_from(IMPORTANCE)),
            context=draw(free_text),
            value=value(),
            evidence=evidence(),
            source=draw(free_text),
            notes=draw(free_text),
        ),
    )
    pains = make(
        "p",
        lambda i: Pain(
            id=i,
            text=draw(required_text),
            kind=draw(st.sampled_from(PAIN_KINDS)),
            severity=draw(st.sampled_from(SEVERITY)),
            value=value(),
            evidence=evidence(),
            source=draw(free_text),
            notes=draw(free_text),
        ),
    )
    gains = make(
        "g",
        lambda i: Gain(
            id=i,
            text=draw(required_text),
            kind=draw(st.sampled_from(GAIN_KINDS)),
            relevance=draw(st.sampled_from(RELEVANCE)),
            value=value(),
            evidence=evidence(),
            source=draw(free_text),
            notes=draw(free_text),
        ),
    )
    products = make(
        "ps",
        lambda i: Product(
            id=i,
            text=draw(required_text),
            kind=draw(st.sampled_from(PRODUCT_KINDS)),
            relevance=draw(st.sampled_from(RELEVANCE)),
            jobs=links(jobs),
            value=value(),
            strategy=strategy(),
            warranty=warranty(),
            notes=draw(free_text),
        ),
    )
    relievers = make(
        "pr",
        lambda i: PainReliever(
            id=i,
            text=draw(required_text),
            relevance=draw(st.sampled_from(RELEVANCE)),
            pains=links(pains),
            value=value(),
            strategy=strategy(),
            warranty=warranty(),
            notes=draw(free_text),
        ),
    )
    creators = make(
        "gc",
        lambda i: GainCreator(
            id=i,
            text=draw(required_text),
            relevance=draw(st.sampled_from(RELEVANCE)),
            gains=links(gains),
            value=value(),
            strategy=strategy(),
            warranty=warranty(),
            notes=draw(free_text),
        ),
    )
    phases = draw(
        st.one_of(
            st.just(DEFAULT_PHASES),
            st.lists(required_text, min_size=1, max_size=4, unique=True).map(tuple),
        )
    )
    entries = st.lists(required_text, max_size=3).map(tuple)
    personas = make(
        "pe",
        lambda i: Persona(
            id=i,
            name=draw(required_text),
            role=draw(_maybe(ROLES)),
            does=draw(entries),
            feels=draw(entries),
            goals=draw(entries),
            influences=draw(entries),
            problems=draw(entries),
            notes=draw(free_text),
        ),
    )
    steps = make(
        "s",
        lambda i: Step(
            id=i,
            phase=draw(st.sampled_from(phases)),
            text=draw(required_text),
            touchpoint=draw(free_text),
            emotion=draw(st.integers(-2, 2)),
            pains=links(pains),
            gains=links(gains),
            evidence=evidence(),
            source=draw(free_text),
            persona=draw(st.sampled_from(["", *(p.id for p in personas)])),
            notes=draw(free_text),
        ),
    )
    return Canvas(
        title=draw(required_text),
        segment=draw(free_text),
        market=draw(st.sampled_from(MARKETS)),
        notes=draw(free_text),
        jobs=jobs,
        pains=pains,
        gains=gains,
        products=products,
        pain_relievers=relievers,
        gain_creators=creators,
        journey=Journey(phases=phases, steps=steps),
        personas=personas,
    )
