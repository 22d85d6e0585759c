"""The allowed words of each field of file-format.md, and their types.

Tuples in the order the spec lists them (first = the default for kinds, top level
first for levels) for the form and the messages; `Literal` types for the models.
No pydantic here: the TUI and exports read these words without building models.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

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
EMPATHY_FIELDS = ("does", "feels", "goals", "influences", "problems")
