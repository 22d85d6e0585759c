"""The tag edits behind `v` `r` `g` `w` and the journey's `W` (valuecanvas.tagging)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import canvases
from valuecanvas.edits import find
from valuecanvas.errors import EditError
from valuecanvas.model import LISTS, Canvas, Job, Persona, Product, Step, items_of
from valuecanvas.tagging import (
    TAG_CYCLES,
    UNASSIGNED,
    cycle_tag,
    next_persona_filter,
    set_persona,
    set_warranty,
)


def tagged_items(canvas: Canvas, field: str) -> list[str]:
    return [
        i.id for name in LISTS if field in LISTS[name].lens_keys for i in items_of(canvas, name)
    ]


@settings(max_examples=40, deadline=None)
@given(canvases(), st.sampled_from(sorted(TAG_CYCLES)), st.data())
def test_a_cycle_forward_then_backward_changes_nothing(canvas: Canvas, field: str, data) -> None:  # type: ignore[no-untyped-def]
    ids = tagged_items(canvas, field)
    if not ids:
        return
    item_id = data.draw(st.sampled_from(ids))
    forward = cycle_tag(canvas, item_id, field, 1)
    assert getattr(find(forward, item_id)[2], field) != getattr(find(canvas, item_id)[2], field)
    assert cycle_tag(forward, item_id, field, -1) == canvas
    walked = canvas
    for _ in TAG_CYCLES[field]:  # a full round comes back
        walked = cycle_tag(walked, item_id, field, 1)
    assert walked == canvas


def test_value_and_strategy_pass_through_none_evidence_does_not() -> None:
    canvas = Canvas(title="t", jobs=(Job(id="j1", text="x", value="symbolic"),))
    assert find(cycle_tag(canvas, "j1", "value"), "j1")[2].value is None
    assert TAG_CYCLES["evidence"][0] == "assumption"
    assert None not in TAG_CYCLES["evidence"]


def test_a_tag_on_a_list_without_it_is_refused_with_where_it_belongs() -> None:
    canvas = Canvas(title="t", jobs=(Job(id="j1", text="x"),))
    with pytest.raises(EditError, match=r"has no strategy.*products"):
        cycle_tag(canvas, "j1", "strategy")
    with pytest.raises(EditError, match="has no warranty"):
        set_warranty(canvas, "j1", ["capacity"])


def test_warranty_is_kept_in_the_order_of_the_spec_and_checked() -> None:
    canvas = Canvas(title="t", products=(Product(id="ps1", text="x"),))
    new = set_warranty(canvas, "ps1", ["continuity", "availability", "continuity"])
    assert find(new, "ps1")[2].warranty == ("availability", "continuity")
    assert set_warranty(new, "ps1", []) == canvas
    with pytest.raises(EditError, match="unknown warranty aspect garantie"):
        set_warranty(canvas, "ps1", ["garantie"])


def test_persona_is_set_cleared_and_must_exist() -> None:
    base = Canvas(title="t", personas=(Persona(id="pe1", name="Sanne"),))
    canvas = base.model_copy(
        update={
            "journey": base.journey.model_copy(
                update={"steps": (Step(id="s1", text="x", phase="awareness"),)}
            )
        }
    )
    assigned = set_persona(canvas, "s1", "pe1")
    assert find(assigned, "s1")[2].persona == "pe1"
    assert set_persona(assigned, "s1", "") == canvas
    with pytest.raises(EditError):
        set_persona(canvas, "s1", "pe9")


def test_the_persona_filter_cycles_all_each_persona_nobody() -> None:
    canvas = Canvas(title="t", personas=(Persona(id="pe1", name="A"), Persona(id="pe2", name="B")))
    seen = [None]
    for _ in range(4):
        seen.append(next_persona_filter(canvas, seen[-1]))
    assert seen == [None, "pe1", "pe2", UNASSIGNED, None]
    assert next_persona_filter(canvas, None, -1) == UNASSIGNED
    assert next_persona_filter(canvas, "gone") == "pe1"  # a vanished persona: from the start
