"""The JSON Schema (draft 2020-12) of the file format, generated from the model.

Generated, so it can never disagree with `check`; the descriptions live in one table
here (by model and key, then by key alone), and `schema()` refuses to produce a schema
with an undescribed key, so a new field cannot slip in without one.
"""

from __future__ import annotations

from typing import Any

from valuecanvas.model import FORMAT, ID_PATTERN, Canvas
from valuecanvas.schema import build_models

SCHEMA_ID = "https://valuecanvas.invalid/schema/valuecanvas-1.json"

# Descriptions of a key in one model; checked before the general ones below.
_BY_MODEL: dict[tuple[str, str], str] = {
    ("Canvas", "format"): f'The file format and its version; always "{FORMAT}".',
    ("Canvas", "title"): "The canvas title: the value proposition or product this canvas is about.",
    ("Canvas", "segment"): "The customer segment this canvas describes (one segment per canvas).",
    (
        "Canvas",
        "market",
    ): "b2c (consumers) or b2b (organisations, where a decision-making unit buys).",
    ("Canvas", "notes"): "Free notes about the whole canvas.",
    (
        "Canvas",
        "jobs",
    ): "Customer jobs: what the customer is trying to get done, most important first.",
    (
        "Canvas",
        "pains",
    ): "Pains: bad outcomes, obstacles and risks around the jobs, most severe first.",
    ("Canvas", "gains"): "Gains: outcomes and benefits the customer wants, most relevant first.",
    (
        "Canvas",
        "products",
    ): "Products and services the value proposition is built on, most relevant first.",
    (
        "Canvas",
        "pain_relievers",
    ): "Pain relievers: how the products and services ease pains, most relevant first.",
    (
        "Canvas",
        "gain_creators",
    ): "Gain creators: how the products and services create gains, most relevant first.",
    (
        "Canvas",
        "journey",
    ): "The customer journey: phases and the steps the customer walks through them.",
    (
        "Canvas",
        "personas",
    ): "Personas with their empathy maps (in B2B, members of the decision-making unit).",
    (
        "Journey",
        "phases",
    ): "The journey's phases in order (default: awareness, consideration, purchase, use, loyalty).",
    ("Journey", "steps"): "The journey's steps in the order the customer walks them.",
    ("Job", "text"): "The job, from the customer's point of view.",
    (
        "Job",
        "kind",
    ): "functional, social, emotional, or a supporting job: buyer, co-creator, transferrer.",
    (
        "Job",
        "importance",
    ): "How important the job is to the customer: high, medium (default) or low.",
    ("Job", "context"): "The situation the job arises in.",
    ("Pain", "text"): "The pain, as the customer experiences it.",
    ("Pain", "kind"): "undesired-outcome (default), obstacle or risk.",
    ("Pain", "severity"): "How severe the pain is: extreme, moderate (default) or mild.",
    ("Gain", "text"): "The gain, as the customer would describe it.",
    ("Gain", "kind"): "required (default), expected, desired or unexpected.",
    (
        "Gain",
        "relevance",
    ): "How relevant the gain is: essential, desirable (default) or nice-to-have.",
    ("Product", "text"): "The product or service.",
    ("Product", "kind"): "physical (default), intangible, digital or financial.",
    ("Product", "jobs"): "Ids of the customer jobs this product or service helps get done.",
    ("PainReliever", "text"): "How a pain is relieved.",
    ("PainReliever", "pains"): "Ids of the pains this relieves.",
    ("GainCreator", "text"): "How a gain is created.",
    ("GainCreator", "gains"): "Ids of the gains this creates.",
    (
        "Step",
        "phase",
    ): "The phase this step belongs to (one of journey.phases; default: the first).",
    ("Step", "text"): "What the customer does or experiences in this step.",
    (
        "Step",
        "touchpoint",
    ): "Where the customer meets the company in this step (website, shop, phone …).",
    (
        "Step",
        "emotion",
    ): "How the customer feels in this step, from -2 (very bad) to 2 (very good); 0 default.",
    ("Step", "pains"): "Ids of the pains felt in this step.",
    ("Step", "gains"): "Ids of the gains reached in this step.",
    (
        "Step",
        "persona",
    ): "The id of the persona whose step this is (in B2B, which member of the DMU).",
    ("Persona", "name"): "The persona's name, e.g. 'Sanne, 34, account manager'.",
    (
        "Persona",
        "role",
    ): "The persona's role in the decision-making unit: decider, buyer, user, influencer or gatekeeper.",
    ("Persona", "does"): "Empathy map: what the persona does and says.",
    ("Persona", "feels"): "Empathy map: what the persona thinks and feels.",
    ("Persona", "goals"): "Empathy map: what the persona wants to achieve.",
    ("Persona", "influences"): "Empathy map: who and what influences the persona.",
    ("Persona", "problems"): "Empathy map: the persona's frustrations and problems.",
    (
        "Canvas",
        "conflicts",
    ): "Merge conflicts left by `valuecanvas merge-driver`; resolve each in the TUI (o ours, t theirs). `check` fails while any is left.",
    (
        "Conflict",
        "list",
    ): '"canvas" for a canvas field, else the list the item is in ("pains", "steps", "personas" …).',
    ("Conflict", "id"): "The id of the item both sides changed (absent for canvas fields).",
    (
        "Conflict",
        "field",
    ): "The field both sides changed, or `order` (the rank of a list or the phases) or `deleted`.",
    (
        "Conflict",
        "ours",
    ): "The value on our side (kept in the field until the conflict is resolved).",
    ("Conflict", "theirs"): "The value on their side.",
}

# Descriptions of a key wherever it appears.
_BY_KEY: dict[str, str] = {
    "id": "A stable id, unique in the file (letters, digits, '-', '_'); filled in when left out.",
    "notes": "Free notes about this item.",
    "relevance": "How relevant this is to the customer: essential, desirable (default) or nice-to-have.",
    "value": "The kind of customer value: functional, economic, emotional or symbolic.",
    "strategy": "The track this item raises customer value by: performance, customisation or experience.",
    "warranty": "The parts of warranty this item assures: availability, capacity, security, continuity.",
    "evidence": "How we know: assumption (default), observation, interview, survey, reviews or analytics.",
    "source": "Where the evidence is, e.g. 'interviews/lisa.md' or 'survey 2026-03, n=120'.",
}

_MODEL_DESCRIPTIONS = {
    "Canvas": "A value proposition canvas: one customer segment, its value map, journey and personas.",
    "Job": "A customer job.",
    "Pain": "A pain.",
    "Gain": "A gain.",
    "Product": "A product or service.",
    "PainReliever": "A pain reliever.",
    "GainCreator": "A gain creator.",
    "Journey": "The customer journey.",
    "Step": "A step of the customer journey.",
    "Persona": "A persona with an empathy map.",
    "Conflict": "One field both sides of a git merge changed differently.",
}

_LINK_FIELDS = {"jobs", "pains", "gains", "persona"}


class UndescribedKeyError(Exception):
    """A key of the model has no description in this module's tables."""


def _describe(model: str, node: dict[str, Any]) -> None:
    node["description"] = _MODEL_DESCRIPTIONS.get(model, node.get("description", ""))
    for key, prop in node.get("properties", {}).items():
        # a field may describe itself in the model: `Field("", description="…")`
        text = _BY_MODEL.get((model, key)) or _BY_KEY.get(key) or prop.get("description")
        if text is None:
            raise UndescribedKeyError(
                f"{model}.{key} has no description (in the model's Field or export/schema.py)"
            )
        prop["description"] = text
        prop.pop("title", None)
        # The text rules are checked as patterns (schema.py), worded by the checker; the
        # file's schema keeps only the id pattern (written after the description).
        for holder in (prop, prop.get("items", {})):
            holder.pop("pattern", None)
        if key in ("id", "persona"):  # may be left empty: filled in, or no persona
            prop["pattern"] = "^[A-Za-z0-9_-]*$"
        elif key in _LINK_FIELDS and model not in ("Canvas", "Journey"):
            target = prop.get("items", prop)
            if target.get("type") == "string":
                target["pattern"] = ID_PATTERN.pattern


def schema() -> dict[str, Any]:
    """The schema as a dict (keys in a stable order)."""
    build_models()  # deferred otherwise: a fresh `valuecanvas schema` failed on Journey()
    out = Canvas.model_json_schema(mode="validation")
    defs: dict[str, Any] = out.get("$defs", {})
    for name, node in defs.items():
        node.pop("title", None)
        _describe(name, node)
    out.pop("title", None)
    _describe("Canvas", out)
    out["properties"]["format"]["const"] = FORMAT
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "valuecanvas file",
        **out,
    }
