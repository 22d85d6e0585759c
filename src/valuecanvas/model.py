"""The canvas as data: every list, kind, level and link of file-format.md.

Models are frozen pydantic models holding tuples, so a canvas never changes in
place: an edit builds a new canvas that shares every untouched item with the old
one. That makes undo a list of canvases and keeps big canvases cheap to edit.
Nothing here knows about files or the screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Annotated, Any, ClassVar, Literal, TypeAlias, cast

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt

from valuecanvas.errors import printable

FORMAT = "valuecanvas/1"

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")

# The allowed words of each field, in the order the spec lists them (first = default
# for kinds, top level first for levels).
JOB_KINDS = ("functional", "social", "emotional", "buyer", "co-creator", "transferrer")
PAIN_KINDS = ("undesired-outcome", "obstacle", "risk")
GAIN_KINDS = ("required", "expected", "desired", "unexpected")
PRODUCT_KINDS = ("physical", "intangible", "digital", "financial")
IMPORTANCE = ("high", "medium", "low")
SEVERITY = ("extreme", "moderate", "mild")
RELEVANCE = ("essential", "desirable", "nice-to-have")
VALUE_TYPES = ("functional", "economic", "emotional", "symbolic")
# The optional keys of the value lens (file-format.md "Optional keys", value-lens.md).
STRATEGIES = ("performance", "customisation", "experience")
WARRANTY_ASPECTS = ("availability", "capacity", "security", "continuity")
EVIDENCE = ("assumption", "observation", "interview", "survey", "reviews", "analytics")
ROLES = ("decider", "buyer", "user", "influencer", "gatekeeper")
MARKETS = ("b2c", "b2b")
DEFAULT_PHASES = ("awareness", "consideration", "purchase", "use", "loyalty")
EMOTION_MIN, EMOTION_MAX = -2, 2

JobKind: TypeAlias = Literal[
    "functional", "social", "emotional", "buyer", "co-creator", "transferrer"
]
PainKind: TypeAlias = Literal["undesired-outcome", "obstacle", "risk"]
GainKind: TypeAlias = Literal["required", "expected", "desired", "unexpected"]
ProductKind: TypeAlias = Literal["physical", "intangible", "digital", "financial"]
Importance: TypeAlias = Literal["high", "medium", "low"]
Severity: TypeAlias = Literal["extreme", "moderate", "mild"]
Relevance: TypeAlias = Literal["essential", "desirable", "nice-to-have"]
ValueType: TypeAlias = Literal["functional", "economic", "emotional", "symbolic"]
Strategy: TypeAlias = Literal["performance", "customisation", "experience"]
WarrantyAspect: TypeAlias = Literal["availability", "capacity", "security", "continuity"]
Evidence: TypeAlias = Literal[
    "assumption", "observation", "interview", "survey", "reviews", "analytics"
]
Role: TypeAlias = Literal["decider", "buyer", "user", "influencer", "gatekeeper"]
Market: TypeAlias = Literal["b2c", "b2b"]


# Unicode's Cc category is exactly U+0000-U+001F and U+007F-U+009F; line breaks and tabs
# are allowed. One regular-expression search instead of a category lookup per character
# (checking 20,000 items: ~0.4 s less).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_control_chars(value: str) -> str:
    """Refuse control characters: they could drive the terminal (escape sequences)."""
    found = _CONTROL.search(value)
    if found is not None:
        raise ValueError(
            f"contains the control character U+{ord(found.group()):04X}; remove it "
            "(only line breaks and tabs are allowed in text)"
        )
    return value


def _required_text(value: str) -> str:
    _no_control_chars(value)
    if not value.strip():
        raise ValueError("is empty; write some text (it is required)")
    return value


def _valid_id(value: str) -> str:
    if value and not ID_PATTERN.match(value):
        raise ValueError(
            f"'{printable(value)}' is not a valid id; use only letters, digits, '-' and '_' (e.g. 'p3')"
        )
    return value


Text = Annotated[str, AfterValidator(_required_text)]
FreeText = Annotated[str, AfterValidator(_no_control_chars)]
ItemId = Annotated[str, AfterValidator(_valid_id)]
Links = tuple[Annotated[str, AfterValidator(_valid_id)], ...]
Entries = tuple[Text, ...]


def _each_once(value: tuple[str, ...]) -> tuple[str, ...]:
    for aspect in value:
        if value.count(aspect) > 1:
            raise ValueError(f"lists '{aspect}' twice; list each aspect once")
    return value


Warranty = Annotated[tuple[WarrantyAspect, ...], AfterValidator(_each_once)]


class _Frozen(BaseModel):
    # defer_build: a model's validator is built when first used, not at import; `check`
    # and `fit` validate only through Canvas (one build), and start ~10 ms sooner.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Item(_Frozen):
    """Common to every entry in a list: a stable id and free notes."""

    id: ItemId = ""
    notes: FreeText = ""

    @property
    def label(self) -> str:
        """The text shown for this item in lists and messages."""
        return str(getattr(self, "text", "") or getattr(self, "name", ""))


class Job(Item):
    text: Text
    kind: JobKind = "functional"
    importance: Importance = "medium"
    context: FreeText = ""
    value: ValueType | None = None
    evidence: Evidence = "assumption"
    source: FreeText = ""


class Pain(Item):
    text: Text
    kind: PainKind = "undesired-outcome"
    severity: Severity = "moderate"
    value: ValueType | None = None
    evidence: Evidence = "assumption"
    source: FreeText = ""


class Gain(Item):
    text: Text
    kind: GainKind = "required"
    relevance: Relevance = "desirable"
    value: ValueType | None = None
    evidence: Evidence = "assumption"
    source: FreeText = ""


class Product(Item):
    text: Text
    kind: ProductKind = "physical"
    relevance: Relevance = "desirable"
    jobs: Links = ()
    value: ValueType | None = None
    strategy: Strategy | None = None
    warranty: Warranty = ()


class PainReliever(Item):
    text: Text
    relevance: Relevance = "desirable"
    pains: Links = ()
    value: ValueType | None = None
    strategy: Strategy | None = None
    warranty: Warranty = ()


class GainCreator(Item):
    text: Text
    relevance: Relevance = "desirable"
    gains: Links = ()
    value: ValueType | None = None
    strategy: Strategy | None = None
    warranty: Warranty = ()


class Step(Item):
    phase: FreeText = ""
    text: Text
    touchpoint: FreeText = ""
    emotion: Annotated[StrictInt, Field(ge=EMOTION_MIN, le=EMOTION_MAX)] = 0
    pains: Links = ()
    gains: Links = ()
    evidence: Evidence = "assumption"
    source: FreeText = ""
    persona: ItemId = ""


class Persona(Item):
    name: Text
    role: Role | None = None
    does: Entries = ()
    feels: Entries = ()
    goals: Entries = ()
    influences: Entries = ()
    problems: Entries = ()


EMPATHY_FIELDS = ("does", "feels", "goals", "influences", "problems")


class Journey(_Frozen):
    phases: Annotated[tuple[Text, ...], Field(min_length=1)] = DEFAULT_PHASES
    steps: tuple[Step, ...] = ()


def _conflict_value(value: Any) -> Any:
    """A field's value as `[[conflicts]]` may hold it: text, a number, true/false, a list."""
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(_no_control_chars(v) for v in value)
    if isinstance(value, str):
        return _no_control_chars(value)
    if value is None or isinstance(value, bool | int):
        return value
    raise ValueError("must be text, a whole number, true or false, or a list of text")


ConflictValue: TypeAlias = Annotated[Any, AfterValidator(_conflict_value)]


class Conflict(_Frozen):
    """One field both sides of a git merge changed differently (`[[conflicts]]`).

    Written only by `valuecanvas merge-driver`; `list` is "canvas" or a list name,
    `id` is absent for canvas fields, `field` may also be `order` (the rank of a list
    or of the phases) or `deleted` (one side deleted the item, the other changed it).
    A value absent on one side (an optional field left out) is None and not written.
    """

    list: str
    id: str | None = None
    field: str
    ours: ConflictValue = None
    theirs: ConflictValue = None


class Canvas(_Frozen):
    format: str = FORMAT
    title: Text
    segment: FreeText = ""
    market: Market = "b2c"
    notes: FreeText = ""
    jobs: tuple[Job, ...] = ()
    pains: tuple[Pain, ...] = ()
    gains: tuple[Gain, ...] = ()
    products: tuple[Product, ...] = ()
    pain_relievers: tuple[PainReliever, ...] = ()
    gain_creators: tuple[GainCreator, ...] = ()
    journey: Journey = Journey.model_construct()  # no validator built at import (defer_build)
    personas: tuple[Persona, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    # Lists that live at the top level of the file, in file order.
    TOP_LISTS: ClassVar[tuple[str, ...]] = (
        "jobs",
        "pains",
        "gains",
        "products",
        "pain_relievers",
        "gain_creators",
    )


ListName: TypeAlias = Literal[
    "jobs", "pains", "gains", "products", "pain_relievers", "gain_creators", "steps", "personas"
]
AnyItem: TypeAlias = Job | Pain | Gain | Product | PainReliever | GainCreator | Step | Persona


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
