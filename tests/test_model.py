"""The model and its helpers: lists, places, cross-item rules, message wording."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from valuecanvas.errors import CanvasError, Problem, closest, one_of, printable
from valuecanvas.model import (
    DEFAULT_PHASES,
    LINKED_FROM,
    LIST_NAMES,
    LISTS,
    Canvas,
    Job,
    Journey,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
    all_items,
    items_of,
    level_of,
    place_of,
)
from valuecanvas.rules import rule_breaks
from valuecanvas.storage.codec import locate
from valuecanvas.validation import describe_value, explain, place_from_loc

# ================================================================ the list table


def test_prefixes_are_the_spec_ones() -> None:
    assert {name: spec.prefix for name, spec in LISTS.items()} == {
        "jobs": "j",
        "pains": "p",
        "gains": "g",
        "products": "ps",
        "pain_relievers": "pr",
        "gain_creators": "gc",
        "steps": "s",
        "personas": "pe",
    }


def test_levels_and_kinds_in_spec_order() -> None:
    assert LISTS["jobs"].level_values == ("high", "medium", "low")
    assert LISTS["pains"].level_values == ("extreme", "moderate", "mild")
    assert LISTS["gains"].level_values == ("essential", "desirable", "nice-to-have")
    assert LISTS["jobs"].kind_values[0] == "functional"
    assert LISTS["pains"].kind_values == ("undesired-outcome", "obstacle", "risk")
    assert LISTS["gains"].kind_values == ("required", "expected", "desired", "unexpected")
    assert LISTS["products"].kind_values == ("physical", "intangible", "digital", "financial")
    assert DEFAULT_PHASES == ("awareness", "consideration", "purchase", "use", "loyalty")


def test_links_point_one_way_to_the_spec_lists() -> None:
    links = {name: spec.links for name, spec in LISTS.items() if spec.links}
    assert links == {
        "products": (("jobs", "jobs"),),
        "pain_relievers": (("pains", "pains"),),
        "gain_creators": (("gains", "gains"),),
        "steps": (("pains", "pains"), ("gains", "gains")),
    }
    assert LINKED_FROM["pains"] == (("pain_relievers", "pains"), ("steps", "pains"))
    assert LINKED_FROM["products"] == ()


def test_every_item_model_has_id_and_notes() -> None:
    for name in LIST_NAMES:
        fields = LISTS[name].model.model_fields
        assert "id" in fields and "notes" in fields, name


def test_place_of_counts_from_one() -> None:
    assert place_of("pains", 1, "p7") == "pains[2] (p7)"
    assert place_of("steps", 0) == "journey.steps[1]"


def test_items_and_levels() -> None:
    canvas = Canvas(
        title="T",
        jobs=(Job(id="j1", text="a", importance="low"),),
        journey=Journey(steps=(Step(id="s1", text="s", phase="use"),)),
    )
    assert [(n, i, item.id) for n, i, item in all_items(canvas)] == [
        ("jobs", 0, "j1"),
        ("steps", 0, "s1"),
    ]
    assert items_of(canvas, "steps") == canvas.journey.steps
    assert level_of(canvas.jobs[0], LISTS["jobs"]) == "low"
    assert level_of(canvas.journey.steps[0], LISTS["steps"]) is None
    assert Persona(name="N").label == "N" and Job(text="t").label == "t"


# ================================================================ models


def test_models_are_frozen() -> None:
    job = Job(id="j1", text="a")
    with pytest.raises(ValidationError):
        job.text = "b"  # type: ignore[misc]


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        Job.model_validate({"text": "a", "severity": "mild"})


def test_text_may_hold_line_breaks_and_tabs_but_no_other_controls() -> None:
    assert Job(text="a\n\tb").text == "a\n\tb"
    for bad in ("\x00", "\x1b", "\r", "\x7f", "\x85", "\x9b"):
        with pytest.raises(ValidationError) as refused:
            Job(text=f"a{bad}")
        [(_, _, message)] = explain(refused.value, {})
        assert message == (
            f"contains the control character U+{ord(bad):04X}; remove it "
            "(only line breaks and tabs are allowed in text)"
        )


def test_emotion_is_a_strict_whole_number() -> None:
    assert Step(text="s", emotion=-2).emotion == -2
    for bad in (True, 1.0, "1", 3, -3):
        with pytest.raises(ValidationError):
            Step.model_validate({"text": "s", "emotion": bad})


# ================================================================ cross-item rules


def test_valid_canvas_has_no_rule_breaks() -> None:
    canvas = Canvas(
        title="T",
        jobs=(Job(id="j1", text="a"),),
        pains=(Pain(id="p1", text="b"),),
        products=(Product(id="ps1", text="c", jobs=("j1",)),),
        pain_relievers=(PainReliever(id="pr1", text="d", pains=("p1",)),),
        journey=Journey(steps=(Step(id="s1", text="e", phase="use", pains=("p1",)),)),
    )
    assert rule_breaks(canvas) == []


def test_rule_breaks_name_place_and_fix() -> None:
    canvas = Canvas(
        title="T",
        jobs=(Job(id="x", text="a"),),
        pains=(Pain(id="x", text="b"),),
        products=(Product(id="ps1", text="c", jobs=("nope", "x")),),
        journey=Journey(phases=("a", "a"), steps=(Step(id="s1", text="e", phase="b"),)),
    )
    found = [(b.place, b.list_name, b.index, b.key) for b in rule_breaks(canvas)]
    assert found == [
        ("pains[1] (x)", "pains", 0, "id"),
        ("journey.phases", None, None, None),
        ("products[1] (ps1).jobs", "products", 0, "jobs"),
        ("journey.steps[1] (s1).phase", "steps", 0, "phase"),
    ]


# ================================================================ message helpers


def test_closest() -> None:
    assert closest("severty", ["severity", "kind"]) == "severity"
    assert closest("B2B", ["b2c", "b2b"]) == "b2b"
    assert closest("zzz", ["severity"]) is None


def test_one_of() -> None:
    assert one_of(["a"]) == "'a'"
    assert one_of(["a", "b", "c"]) == "'a', 'b' or 'c'"
    assert one_of([]) == ""


def test_printable_escapes_control_characters() -> None:
    assert printable("a\x1b[2Jb\n") == "a\\x1b[2Jb\\x0a"
    assert printable("één ✓") == "één ✓"


def test_problem_and_error_lines() -> None:
    assert Problem("pains[2] (p7)", "m", 14).where() == "pains[2] (p7), line 14"
    assert Problem("", "m", 3).where() == "line 3"
    assert Problem("", "m").where() == ""
    err = CanvasError("f.toml", [Problem("title", "is empty", 1), Problem("", "whole file")])
    assert err.lines() == ["f.toml: title, line 1: is empty", "f.toml: whole file"]
    assert str(err) == "f.toml: title, line 1: is empty\nf.toml: whole file"


def test_describe_value() -> None:
    assert describe_value("x") == "'x'"
    assert describe_value("y" * 50) == "'" + "y" * 37 + "…'"
    assert describe_value(True) == "true"
    assert describe_value({}) == "a table"
    assert describe_value([1]) == "a list"
    assert describe_value(1.5) == "1.5"
    assert describe_value("\x1b") == "'\\x1b'"


def test_place_from_loc_uses_ids_and_counts_from_one() -> None:
    data = {"pains": [{"id": "p1"}, {"id": "p7", "severity": "x"}]}
    assert place_from_loc(("pains", 1, "severity"), data) == ("pains[2] (p7).severity", "severity")
    assert place_from_loc(("journey", "steps", 0), {"journey": {"steps": [{}]}}) == (
        "journey.steps[1]",
        "steps",
    )


def test_explain_words_pydantic_errors_for_people() -> None:
    data = {"title": "T", "jobs": [{"text": "a", "importance": "hi", "x": 1}]}
    with pytest.raises(ValidationError) as info:
        Canvas.model_validate(data)
    explained = explain(info.value, data)
    assert [(loc, place) for loc, place, _ in explained] == [
        (("jobs", 0, "importance"), "jobs[1].importance"),
        (("jobs", 0, "x"), "jobs[1]"),
    ]
    assert "did you mean 'high'?" in explained[0][2]
    assert explained[1][2].startswith("unknown key 'x'")


# ================================================================ line finding


def test_locate_finds_keys_items_and_tables() -> None:
    text = "\n".join(
        [
            'title = "T"',  # 1
            "",  # 2
            "[[pains]]",  # 3
            'text = "a"',  # 4
            "[[pains]]  # second",  # 5
            'text = "b"',  # 6
            "  severity = 'x'",  # 7
            "[journey]",  # 8
            "phases = []",  # 9
            "[[journey.steps]]",  # 10
            'text = "s"',  # 11
            "[extra]",  # 12
        ]
    )
    assert locate(text, ("title",)) == 1
    assert locate(text, ("pains", 1)) == 5
    assert locate(text, ("pains", 1, "severity")) == 7
    assert locate(text, ("pains", 1, "kind")) == 5  # missing key: the item's header
    assert locate(text, ("pains", 5, "kind")) is None
    assert locate(text, ("journey", "phases")) == 9
    assert locate(text, ("journey", "steps", 0, "text")) == 11
    assert locate(text, ("extra",)) == 12
    assert locate(text, ("nothing",)) is None
