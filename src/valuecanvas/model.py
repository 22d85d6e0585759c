"""The canvas as data: every list, kind, level and link of file-format.md.

Models are frozen pydantic models holding tuples, so a canvas never changes in
place: an edit builds a new canvas that shares every untouched item with the old
one. That makes undo a list of canvases and keeps big canvases cheap to edit.
Nothing here knows about files or the screen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

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


def _no_control_chars(value: str) -> str:
    """Refuse control characters: they could drive the terminal (escape sequences)."""
    for ch in value:
        if ch in "\n\t":
            continue
        if unicodedata.category(ch) == "Cc":
            raise ValueError(
                f"contains the control character U+{ord(ch):04X}; remove it "
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
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    journey: Journey = Journey()
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


@dataclass(frozen=True)
class ListSpec:
    """Everything the app needs to know about one list, defined once.

    Edits, fit, storage messages and the TUI all read this table instead of
    spelling out per-list cases.
    """

    name: ListName
    model: type[Item]
    prefix: str
    title: str
    title_nl: str
    singular: str
    file_place: str  # how the file names the list: "pains", "journey.steps"
    kind_values: tuple[str, ...] = ()
    level_field: str | None = None
    level_values: tuple[str, ...] = ()  # top first
    links: tuple[tuple[str, ListName], ...] = ()  # (field, target list)
    # The optional value-lens keys the list carries, in the order they are written.
    lens_keys: tuple[str, ...] = ()


PROFILE_LENS_KEYS = ("value", "evidence", "source")
MAP_LENS_KEYS = ("value", "strategy", "warranty")
STEP_LENS_KEYS = ("evidence", "source", "persona")

LISTS: dict[ListName, ListSpec] = {
    "jobs": ListSpec(
        "jobs", Job, "j", "Customer jobs", "Klanttaken", "job", "jobs",
        JOB_KINDS, "importance", IMPORTANCE, lens_keys=PROFILE_LENS_KEYS,
    ),
    "pains": ListSpec(
        "pains", Pain, "p", "Pains", "Pijnpunten", "pain", "pains",
        PAIN_KINDS, "severity", SEVERITY, lens_keys=PROFILE_LENS_KEYS,
    ),
    "gains": ListSpec(
        "gains", Gain, "g", "Gains", "Voordelen", "gain", "gains",
        GAIN_KINDS, "relevance", RELEVANCE, lens_keys=PROFILE_LENS_KEYS,
    ),
    "products": ListSpec(
        "products", Product, "ps", "Products & services", "Producten en diensten",
        "product or service", "products", PRODUCT_KINDS, "relevance", RELEVANCE,
        (("jobs", "jobs"),), MAP_LENS_KEYS,
    ),
    "pain_relievers": ListSpec(
        "pain_relievers", PainReliever, "pr", "Pain relievers", "Pijnverzachters",
        "pain reliever", "pain_relievers", (), "relevance", RELEVANCE,
        (("pains", "pains"),), MAP_LENS_KEYS,
    ),
    "gain_creators": ListSpec(
        "gain_creators", GainCreator, "gc", "Gain creators", "Voordeelverschaffers",
        "gain creator", "gain_creators", (), "relevance", RELEVANCE,
        (("gains", "gains"),), MAP_LENS_KEYS,
    ),
    "steps": ListSpec(
        "steps", Step, "s", "Journey steps", "Klantreis", "journey step", "journey.steps",
        (), None, (), (("pains", "pains"), ("gains", "gains")), STEP_LENS_KEYS,
    ),
    "personas": ListSpec(
        "personas", Persona, "pe", "Personas", "Persona's", "persona", "personas",
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
    if name == "steps":
        return canvas.journey.steps
    return tuple(getattr(canvas, name))


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


@dataclass(frozen=True)
class RuleBreak:
    """A broken cross-item rule: where, and what to do (storage adds the file name)."""

    place: str
    message: str
    list_name: ListName | None = None
    index: int | None = None
    key: str | None = None


def rule_breaks(canvas: Canvas) -> list[RuleBreak]:
    """Rules that span items: unique ids, links to the right lists, known phases."""
    out: list[RuleBreak] = []
    owner: dict[str, ListName] = {}
    for name, index, item in all_items(canvas):
        if not item.id:
            continue
        if item.id in owner:
            other = LISTS[owner[item.id]].singular
            out.append(
                RuleBreak(
                    place_of(name, index, item.id),
                    f"id '{item.id}' is already used by a {other}; ids must be unique in "
                    "the whole file — rename one of them",
                    name, index, "id",
                )
            )  # fmt: skip
        else:
            owner[item.id] = name
    known_ids: dict[ListName, list[str]] = {}
    phases = canvas.journey.phases
    if len(set(phases)) != len(phases):
        dup = next(p for p in phases if phases.count(p) > 1)
        out.append(
            RuleBreak(
                "journey.phases", f"phase '{printable(dup)}' is listed twice; list each phase once"
            )
        )
    for name, index, item in all_items(canvas):
        spec = LISTS[name]
        for field, target in spec.links:
            for link in getattr(item, field):
                found = owner.get(link)
                if found == target:
                    continue
                want = LISTS[target].singular
                if found is None:
                    if target not in known_ids:  # once per list: linear in the problems
                        known_ids[target] = [i.id for i in items_of(canvas, target) if i.id][:8]
                    known = known_ids[target]
                    hint = (
                        f"known {target}: {', '.join(known)}" if known else f"there are no {target}"
                    )
                    msg = (
                        f"links to '{link}', which does not exist ({hint}); "
                        f"correct the id or remove it from {field}"
                    )
                else:
                    msg = (
                        f"links to '{link}', which is a {LISTS[found].singular}, not a {want}; "
                        f"'{field}' may only list {target}, so remove '{link}' from it"
                    )
                out.append(
                    RuleBreak(f"{place_of(name, index, item.id)}.{field}", msg, name, index, field)
                )
        if isinstance(item, Step) and item.persona and owner.get(item.persona) != "personas":
            out.append(_persona_break(canvas, index, item, owner.get(item.persona)))
        if isinstance(item, Step) and item.phase and item.phase not in phases:
            out.append(
                RuleBreak(
                    f"{place_of(name, index, item.id)}.phase",
                    f"phase '{printable(item.phase)}' is not in journey.phases "
                    f"({printable(', '.join(phases))}); "
                    "use one of those or add it to journey.phases",
                    name, index, "phase",
                )
            )  # fmt: skip
    return out


def _persona_break(canvas: Canvas, index: int, step: Step, found: ListName | None) -> RuleBreak:
    """A step whose `persona` names no persona: say which ids would do."""
    persona = step.persona
    if found is None:
        known = [p.id for p in canvas.personas if p.id][:8]
        hint = f"known personas: {', '.join(known)}" if known else "there are no personas"
        msg = (
            f"persona '{persona}' does not exist ({hint}); correct the id, "
            "or remove the persona key to leave the step unassigned"
        )
    else:
        msg = (
            f"persona '{persona}' is a {LISTS[found].singular}, not a persona; "
            "name a persona id (pe1, …) or remove the persona key"
        )
    return RuleBreak(f"{place_of('steps', index, step.id)}.persona", msg, "steps", index, "persona")
