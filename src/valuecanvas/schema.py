"""The canvas as pydantic models: every list, field and check of file-format.md.

Models are frozen pydantic models holding tuples, so a canvas never changes in
place: an edit builds a new canvas that shares every untouched item with the old
one. That makes undo a list of canvases and keeps big canvases cheap to edit.
The field validators here give the messages users read for bad text and ids.
"""

import re
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt

from valuecanvas.choices import (
    DEFAULT_PHASES,
    EMOTION_MAX,
    EMOTION_MIN,
    Evidence,
    GainKind,
    Importance,
    JobKind,
    Market,
    PainKind,
    ProductKind,
    Relevance,
    Role,
    Severity,
    Strategy,
    ValueType,
    WarrantyAspect,
)
from valuecanvas.errors import printable

FORMAT = "valuecanvas/1"

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")


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
