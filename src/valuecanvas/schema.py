"""The canvas as pydantic models: every list, field and check of file-format.md.

Models are frozen pydantic models holding tuples, so a canvas never changes in
place: an edit builds a new canvas that shares every untouched item with the old
one. That makes undo a list of canvases and keeps big canvases cheap to edit.
The field validators here give the messages users read for bad text and ids.
"""

import re
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StringConstraints

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
    if value and not ID_PATTERN.fullmatch(value):  # fullmatch: "p3\n" is no id either
        raise ValueError(
            f"'{printable(value)}' is not a valid id; use only letters, digits, '-' and '_' (e.g. 'p3')"
        )
    return value


# The three text rules as patterns, checked inside pydantic-core (a compiled regex) instead
# of a Python call per value: opening 20,000 items makes ~60,000 of them. A value that
# fails gets exactly the message of the function beside it (`pattern_message`).
_NOT_CONTROL = "[^\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]"
TEXT_PATTERN = f"^{_NOT_CONTROL}*$"  # _no_control_chars
REQUIRED_TEXT_PATTERN = f"^{_NOT_CONTROL}*[^\\s\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]{_NOT_CONTROL}*$"
ID_TEXT_PATTERN = "^[A-Za-z0-9_-]*$"  # _valid_id ("" is no id: allowed)


def pattern_message(pattern: str, value: str) -> str:
    """What the check behind `pattern` says about `value` (pydantic's own words are vaguer)."""
    check = {
        TEXT_PATTERN: _no_control_chars,
        REQUIRED_TEXT_PATTERN: _required_text,
        ID_TEXT_PATTERN: _valid_id,
    }.get(pattern)
    try:
        if check is not None:
            check(value)
    except ValueError as exc:
        return str(exc)
    return f"does not match the pattern {pattern}"  # pragma: no cover - not one of ours


Text = Annotated[str, StringConstraints(pattern=REQUIRED_TEXT_PATTERN)]
FreeText = Annotated[str, StringConstraints(pattern=TEXT_PATTERN)]
ItemId = Annotated[str, StringConstraints(pattern=ID_TEXT_PATTERN)]
Links = tuple[ItemId, ...]
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


def build_models() -> None:
    """Build every model's validator and serializer now instead of on first use.

    `defer_build` leaves them to first use; a JSON Schema needs the serializers of the
    models whose instances are defaults (`Journey()`) before any was used.
    """
    todo: list[type[BaseModel]] = [_Frozen]
    while todo:
        model = todo.pop()
        todo.extend(model.__subclasses__())
        model.model_rebuild(force=True)
