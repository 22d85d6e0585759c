"""The canvas as data: every list, kind, level and link of file-format.md.

`ListSpec` describes each list once (model class, file place, kinds, levels, links,
the form's fields) and `LISTS` holds them; the helpers here read and replace a list
through that table. The models are in `schema`, the allowed words in `choices`;
both are re-exported here, so `from valuecanvas.model import Canvas` keeps working.
Nothing here knows about files or the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeAlias, cast

from valuecanvas.choices import (
    DEFAULT_PHASES,
    EMOTION_MAX,
    EMOTION_MIN,
    EMPATHY_FIELDS,
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
)
from valuecanvas.schema import (
    FORMAT,
    ID_PATTERN,
    AnyItem,
    Canvas,
    Conflict,
    Gain,
    GainCreator,
    Item,
    Job,
    Journey,
    ListName,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
)

__all__ = [
    "DEFAULT_PHASES",
    "EMOTION_MAX",
    "EMOTION_MIN",
    "EMPATHY_FIELDS",
    "EVIDENCE",
    "FORMAT",
    "GAIN_KINDS",
    "ID_PATTERN",
    "IMPORTANCE",
    "JOB_KINDS",
    "LINKED_FROM",
    "LISTS",
    "LIST_NAMES",
    "MARKETS",
    "PAIN_KINDS",
    "PRODUCT_KINDS",
    "RELEVANCE",
    "ROLES",
    "SEVERITY",
    "STRATEGIES",
    "VALUE_TYPES",
    "WARRANTY_ASPECTS",
    "AnyItem",
    "Canvas",
    "Conflict",
    "FieldSpec",
    "Gain",
    "GainCreator",
    "Item",
    "Job",
    "Journey",
    "ListName",
    "ListSpec",
    "Pain",
    "PainReliever",
    "Persona",
    "Product",
    "Step",
    "all_items",
    "items_of",
    "level_of",
    "place_of",
    "replace_list",
]


FieldKind: TypeAlias = Literal["line", "text", "choice", "lines"]


@dataclass(frozen=True)
class FieldSpec:
    """One field of an item as the form edits it and the detail row shows it.

    `choices_from`: the choices are the canvas's journey phases or persona ids.
    `detail`: how the detail row shows a set value (`{}` the value; "" not shown).
    """

    name: str
    label: str
    kind: FieldKind = "line"
    choices: tuple[Any, ...] = ()
    optional: bool = False  # a choice that may be left empty
    label_b2b: str = ""  # the label on a b2b canvas, if it differs
    choices_from: Literal["", "phases", "personas"] = ""
    detail: str = ""
    in_form: bool = True  # False: shown in the detail row, not (yet) edited in the form


NOTES = FieldSpec("notes", "notes", "text")


def _text_fields(
    kinds: tuple[str, ...], level: str, levels: tuple[str, ...], *extra: FieldSpec
) -> tuple[FieldSpec, ...]:
    """text, kind, level, the list's own fields, notes: the fields of a canvas list."""
    fields = [FieldSpec("text", "text")]
    if kinds:
        fields.append(FieldSpec("kind", "kind", "choice", kinds, detail="{}"))
    fields.append(FieldSpec(level, level, "choice", levels, detail="{}"))
    return (*fields, *extra, NOTES)


# The value lens keys (value-lens.md), as the form edits them.
VALUE_FIELD = FieldSpec("value", "value type", "choice", VALUE_TYPES, optional=True, detail="{}")
EVIDENCE_FIELD = FieldSpec("evidence", "evidence", "choice", EVIDENCE, detail="{}")
SOURCE_FIELD = FieldSpec("source", "source")
STRATEGY_FIELD = FieldSpec("strategy", "strategy", "choice", STRATEGIES, optional=True)
WARRANTY_FIELD = FieldSpec("warranty", "warranty (1 aspect per line)", "lines")
PERSONA_FIELD = FieldSpec("persona", "persona", "choice", optional=True, choices_from="personas")
# The lens keys in the form (the value lens TUI, issue 13); warranty also has its
# checklist (`w`), a step's persona its picker (`w`).
PROFILE_LENS = (VALUE_FIELD, EVIDENCE_FIELD, SOURCE_FIELD)
MAP_LENS = (VALUE_FIELD, replace(STRATEGY_FIELD, detail="{}"), WARRANTY_FIELD)
STEP_LENS = (EVIDENCE_FIELD, SOURCE_FIELD, replace(PERSONA_FIELD, detail="{}"))


@dataclass(frozen=True)
class ListSpec:
    """Everything the app needs to know about one list, defined once.

    Model, edits, fit, storage, the form, the detail row and every title read this
    table instead of spelling out per-list cases: a new optional field is one
    `FieldSpec` in `fields` (and the field on the model class).
    """

    name: ListName
    model: type[Item]
    prefix: str
    title: str
    title_nl: str
    singular: str
    path: tuple[str, ...]  # where the file keeps the list: ("pains",), ("journey", "steps")
    kind_values: tuple[str, ...] = ()
    level_field: str | None = None
    level_values: tuple[str, ...] = ()  # top first
    links: tuple[tuple[str, ListName], ...] = ()  # (field, target list)
    # The optional value-lens keys the list carries, in the order they are written.
    lens_keys: tuple[str, ...] = ()
    short: str = ""  # pane titles and the fit summary: "Jobs"
    short_nl: str = ""
    text_field: str = "text"  # the field the add prompt fills and rows show
    phased: bool = False  # each item sits in a journey phase (the first one by default)
    fields: tuple[FieldSpec, ...] = ()  # the form's fields, in file order
    detail_order: tuple[str, ...] = ()  # the detail row's order, if not the fields' order
    # What one item is, for how a row shows it and what reports name: a canvas item (the
    # fit report names it), a journey step (phase, emotion) or a persona (never in the fit).
    shape: Literal["item", "step", "persona"] = "item"

    @property
    def detail_fields(self) -> tuple[FieldSpec, ...]:
        """The fields the detail row shows (`FieldSpec.detail`), in the row's order."""
        shown = {f.name: f for f in self.fields if f.detail}
        order = self.detail_order or tuple(shown)
        return tuple(shown[name] for name in order if name in shown)

    @property
    def file_place(self) -> str:
        """How the file names the list: "pains", "journey.steps"."""
        return ".".join(self.path)


PROFILE_LENS_KEYS = ("value", "evidence", "source")
MAP_LENS_KEYS = ("value", "strategy", "warranty")
STEP_LENS_KEYS = ("evidence", "source", "persona")

LISTS: dict[ListName, ListSpec] = {
    "jobs": ListSpec(
        "jobs", Job, "j", "Customer jobs", "Klanttaken", "job", ("jobs",),
        JOB_KINDS, "importance", IMPORTANCE, lens_keys=PROFILE_LENS_KEYS,
        short="Jobs", short_nl="Taken",
        fields=_text_fields(
            JOB_KINDS, "importance", IMPORTANCE, FieldSpec("context", "context"), *PROFILE_LENS
        ),
    ),
    "pains": ListSpec(
        "pains", Pain, "p", "Pains", "Pijnpunten", "pain", ("pains",),
        PAIN_KINDS, "severity", SEVERITY, lens_keys=PROFILE_LENS_KEYS,
        short="Pains", short_nl="Pijnen",
        fields=_text_fields(PAIN_KINDS, "severity", SEVERITY, *PROFILE_LENS),
    ),
    "gains": ListSpec(
        "gains", Gain, "g", "Gains", "Voordelen", "gain", ("gains",),
        GAIN_KINDS, "relevance", RELEVANCE, lens_keys=PROFILE_LENS_KEYS,
        short="Gains", short_nl="Voordelen",
        fields=_text_fields(GAIN_KINDS, "relevance", RELEVANCE, *PROFILE_LENS),
    ),
    "products": ListSpec(
        "products", Product, "ps", "Products & services", "Producten en diensten",
        "product or service", ("products",), PRODUCT_KINDS, "relevance", RELEVANCE,
        (("jobs", "jobs"),), MAP_LENS_KEYS, short="Products", short_nl="Producten",
        fields=_text_fields(PRODUCT_KINDS, "relevance", RELEVANCE, *MAP_LENS),
    ),
    "pain_relievers": ListSpec(
        "pain_relievers", PainReliever, "pr", "Pain relievers", "Pijnverzachters",
        "pain reliever", ("pain_relievers",), (), "relevance", RELEVANCE,
        (("pains", "pains"),), MAP_LENS_KEYS, short="Relievers", short_nl="Verzachters",
        fields=_text_fields((), "relevance", RELEVANCE, *MAP_LENS),
    ),
    "gain_creators": ListSpec(
        "gain_creators", GainCreator, "gc", "Gain creators", "Voordeelverschaffers",
        "gain creator", ("gain_creators",), (), "relevance", RELEVANCE,
        (("gains", "gains"),), MAP_LENS_KEYS, short="Creators", short_nl="Verschaffers",
        fields=_text_fields((), "relevance", RELEVANCE, *MAP_LENS),
    ),
    "steps": ListSpec(
        "steps", Step, "s", "Journey steps", "Klantreis", "journey step", ("journey", "steps"),
        (), None, (), (("pains", "pains"), ("gains", "gains")), STEP_LENS_KEYS,
        short="Journey steps", short_nl="Klantreis", phased=True, shape="step",
        detail_order=("phase", "emotion", "touchpoint", "evidence", "persona"),
        fields=(
            FieldSpec("text", "text"),
            FieldSpec("phase", "phase", "choice", choices_from="phases", detail="{}"),
            FieldSpec("touchpoint", "touchpoint", detail="@{}"),
            FieldSpec("emotion", "emotion", "choice", (2, 1, 0, -1, -2), detail="emotion {:+d}"),
            *STEP_LENS,
            NOTES,
        ),
    ),
    "personas": ListSpec(
        "personas", Persona, "pe", "Personas", "Persona's", "persona", ("personas",),
        short="Personas", short_nl="Persona's", text_field="name", shape="persona",
        fields=(
            FieldSpec("name", "name"),
            FieldSpec("role", "role", "choice", ROLES, optional=True, label_b2b="role (DMU)",
                      detail="{}"),
            *(FieldSpec(f, f"{f} (1 per line)", "lines") for f in EMPATHY_FIELDS),
            NOTES,
        ),
    ),
}  # fmt: skip

LIST_NAMES: tuple[ListName, ...] = tuple(LISTS)

# Which lists may link which: (source list, link field) for every target list.
LINKED_FROM: dict[ListName, tuple[tuple[ListName, str], ...]] = {
    target: tuple(
        (spec.name, field) for spec in LISTS.values() for field, t in spec.links if t == target
    )
    for target in LIST_NAMES
}


def items_of(canvas: Canvas, name: ListName) -> tuple[Any, ...]:
    """The items of one list, in rank order."""
    holder: Any = canvas
    for part in LISTS[name].path:
        holder = getattr(holder, part)
    return tuple(holder)


def replace_list(canvas: Canvas, name: ListName, items: Iterable[Any]) -> Canvas:
    """The canvas with one list replaced (every other list shared with the old one)."""
    *outer, last = LISTS[name].path
    holders: list[Any] = [canvas]
    for part in outer:
        holders.append(getattr(holders[-1], part))
    new: Any = tuple(items)
    for holder, part in zip(reversed(holders), reversed([*outer, last]), strict=True):
        new = holder.model_copy(update={part: new})
    return cast(Canvas, new)


def all_items(canvas: Canvas) -> Iterator[tuple[ListName, int, AnyItem]]:
    """Every item with its list and index, lists in file order."""
    for name in LIST_NAMES:
        for index, item in enumerate(items_of(canvas, name)):
            yield name, index, item


def level_of(item: Any, spec: ListSpec) -> str | None:
    """The item's level word (importance, severity or relevance), if its list has one."""
    return getattr(item, spec.level_field) if spec.level_field else None


def place_of(name: ListName, index: int, item_id: str = "") -> str:
    """Where an item is, as users read the file: `pains[2] (p7)`, counted from 1."""
    where = f"{LISTS[name].file_place}[{index + 1}]"
    return f"{where} ({item_id})" if item_id else where
