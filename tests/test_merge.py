"""The three-way merge by id (collaboration.md), on canvases in memory.

Real git runs are in test_git_merge.py; here each rule is pinned down on its own,
and hypothesis checks the laws: merging a canvas with itself or against an
unchanged base gives it back, and edits of disjoint items merge the same either way.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import canvases
from valuecanvas import edits
from valuecanvas.conflicts import resolve
from valuecanvas.merge import merge, merge_order, merge_set
from valuecanvas.model import LIST_NAMES, Canvas, Conflict, ListName, items_of
from valuecanvas.rules import rule_breaks


def base() -> Canvas:
    return edits.complete(
        Canvas.model_validate(
            {
                "title": "Car wash",
                "jobs": [{"id": "j1", "text": "Clean car"}, {"id": "j2", "text": "Save time"}],
                "pains": [
                    {"id": "p1", "text": "Queue", "severity": "extreme"},
                    {"id": "p2", "text": "Scratches"},
                    {"id": "p3", "text": "Receipts"},
                ],
                "gains": [{"id": "g1", "text": "Fast"}],
                "pain_relievers": [{"id": "pr1", "text": "Book a slot", "pains": ["p1"]}],
                "gain_creators": [{"id": "gc1", "text": "Express", "gains": ["g1"]}],
                "journey": {"steps": [{"id": "s1", "text": "Sees ad", "pains": ["p2"]}]},
                "personas": [
                    {"id": "pe1", "name": "Sanne", "does": ["Drives"], "feels": ["Rushed"]}
                ],
            }
        )
    )


def ids(canvas: Canvas, name: ListName) -> list[str]:
    return [i.id for i in items_of(canvas, name)]


def item(canvas: Canvas, item_id: str) -> Any:
    return edits.find(canvas, item_id)[2]


# ---------------------------------------------------------------- fields


def test_one_side_changed_fields_take_that_change() -> None:
    b = base()
    o = edits.update_item(b, "p1", {"severity": "mild"})
    t = edits.update_item(edits.update_canvas(b, {"title": "Wash"}), "p2", {"text": "Dents"})
    result = merge(b, o, t)
    assert result.clean and result.conflicts == ()
    assert item(result.canvas, "p1").severity == "mild"
    assert item(result.canvas, "p2").text == "Dents"
    assert result.canvas.title == "Wash"


def test_both_sides_same_change_is_no_conflict() -> None:
    b = base()
    o = edits.update_item(b, "p1", {"severity": "mild"})
    result = merge(b, o, o)
    assert result.clean and item(result.canvas, "p1").severity == "mild"


def test_same_field_changed_differently_keeps_ours_and_records_both() -> None:
    b = base()
    o = edits.update_item(b, "p1", {"severity": "mild", "text": "Long queue"})
    t = edits.update_item(b, "p1", {"severity": "moderate", "notes": "seen twice"})
    result = merge(b, o, t)
    assert not result.clean
    assert result.canvas.conflicts == (
        Conflict(list="pains", id="p1", field="severity", ours="mild", theirs="moderate"),
    )
    p1 = item(result.canvas, "p1")
    assert (p1.severity, p1.text, p1.notes) == ("mild", "Long queue", "seen twice")


def test_canvas_field_conflict_has_no_id() -> None:
    b = base()
    result = merge(
        b, edits.update_canvas(b, {"title": "A"}), edits.update_canvas(b, {"title": "B"})
    )
    assert result.canvas.conflicts == (
        Conflict(list="canvas", field="title", ours="A", theirs="B"),
    )
    assert result.canvas.title == "A"


def test_an_optional_field_removed_on_one_side_conflicts_as_absent() -> None:
    b = edits.update_item(base(), "pr1", {"value": "economic"})
    o = edits.update_item(b, "pr1", {"value": "emotional"})
    t = edits.update_item(b, "pr1", {"value": None})
    result = merge(b, o, t)
    assert result.canvas.conflicts == (
        Conflict(list="pain_relievers", id="pr1", field="value", ours="emotional", theirs=None),
    )


# ---------------------------------------------------------------- items


def test_same_id_added_on_both_sides_renumbers_theirs_with_its_links() -> None:
    b = base()
    o, ours_id = edits.add_item(b, "pains", "Parking")
    t, theirs_id = edits.add_item(b, "pains", "Rain")
    t = edits.toggle_link(t, "pr1", theirs_id)
    assert ours_id == theirs_id == "p4"
    result = merge(b, o, t)
    assert result.clean and result.renamed == {"p4": "p5"}
    assert [(p.id, p.text) for p in result.canvas.pains][-2:] == [("p4", "Parking"), ("p5", "Rain")]
    assert item(result.canvas, "pr1").pains == ("p1", "p5")
    assert rule_breaks(result.canvas) == []


def test_same_item_added_on_both_sides_is_kept_once() -> None:
    b = base()
    o, _ = edits.add_item(b, "gains", "Shiny")
    result = merge(b, o, o)
    assert ids(result.canvas, "gains") == ["g1", "g2"] and result.renamed == {}


def test_deleted_on_one_side_untouched_on_the_other_is_deleted_with_its_links() -> None:
    b = base()
    o = edits.update_item(b, "p2", {"text": "Scratched paint"})
    t = edits.delete_item(b, "p1")
    result = merge(b, o, t)
    assert result.clean
    assert ids(result.canvas, "pains") == ["p2", "p3"]
    assert item(result.canvas, "pr1").pains == ()


def test_a_link_to_an_item_the_other_side_deleted_is_dropped() -> None:
    b = base()
    o = edits.toggle_link(b, "pr1", "p3")
    t = edits.delete_item(b, "p3")
    result = merge(b, o, t)
    assert result.clean and item(result.canvas, "pr1").pains == ("p1",)
    assert rule_breaks(result.canvas) == []


def test_deleted_on_one_side_changed_on_the_other_is_a_deleted_conflict() -> None:
    b = base()
    o = edits.delete_item(b, "p2")
    t = edits.update_item(b, "p2", {"severity": "extreme"})
    result = merge(b, o, t)
    assert result.canvas.conflicts == (
        Conflict(list="pains", id="p2", field="deleted", ours=True, theirs=False),
    )
    assert item(result.canvas, "p2").severity == "extreme"  # the changed item stays
    swapped = merge(b, t, o)
    assert swapped.canvas.conflicts == (
        Conflict(list="pains", id="p2", field="deleted", ours=False, theirs=True),
    )
    assert resolve(result.canvas, 0, "ours").pains == t.pains[:1] + t.pains[2:]
    assert item(resolve(result.canvas, 0, "theirs"), "p2").severity == "extreme"


# ---------------------------------------------------------------- sets and order


def test_links_and_empathy_entries_merge_as_sets() -> None:
    b = base()
    o = edits.toggle_link(edits.toggle_link(b, "pr1", "p2"), "pr1", "p1")  # +p2 -p1
    o = edits.update_item(o, "pe1", {"does": ("Drives", "Commutes")})
    t = edits.toggle_link(b, "pr1", "p3")
    t = edits.update_item(t, "pe1", {"does": (), "feels": ("Rushed", "Proud")})
    result = merge(b, o, t)
    assert result.clean
    assert item(result.canvas, "pr1").pains == ("p2", "p3")
    pe1 = item(result.canvas, "pe1")
    assert (pe1.does, pe1.feels) == (("Commutes",), ("Rushed", "Proud"))


def test_merge_set_keeps_ours_order_then_theirs_additions() -> None:
    assert merge_set(["a", "b"], ["b", "a", "c"], ["a", "d"]) == ("a", "c", "d")


def test_rank_comes_from_the_side_that_reordered() -> None:
    b = base()
    t = edits.move_item(b, "p3", -2)  # theirs: p3 p1 p2
    o, _ = edits.add_item(b, "pains", "Parking", index=1)  # ours: p1 p4 p2 p3
    result = merge(b, o, t)
    assert result.clean
    assert ids(result.canvas, "pains") == ["p3", "p1", "p4", "p2"]


def test_both_reordered_differently_is_an_order_conflict_with_ours_order() -> None:
    b = base()
    o = edits.move_item(b, "p3", -2)
    t = edits.move_item(b, "p1", 1)
    result = merge(b, o, t)
    assert ids(result.canvas, "pains") == ["p3", "p1", "p2"]
    assert result.canvas.conflicts == (
        Conflict(list="pains", field="order", ours=("p3", "p1", "p2"), theirs=("p2", "p1", "p3")),
    )
    taken = resolve(result.canvas, 0, "theirs")
    assert ids(taken, "pains") == ["p2", "p1", "p3"] and taken.conflicts == ()


def test_both_reordered_the_same_way_is_no_conflict() -> None:
    b = base()
    o = edits.move_item(b, "p3", -2)
    assert merge(b, o, o).clean


def test_new_items_of_the_other_side_stand_after_their_predecessor() -> None:
    order, clash = merge_order(["a", "b", "c"], ["c", "a", "b"], ["a", "x", "b", "c", "y"], "abcxy")
    assert (order, clash) == (["c", "y", "a", "x", "b"], False)  # y follows c, wherever c went


def test_phases_merge_like_rank_and_as_a_set() -> None:
    b = base()
    o = edits.add_phase(b, "research", 1)
    t = edits.move_phase(b, "loyalty", -4)
    result = merge(b, o, t)
    assert result.canvas.journey.phases == (
        "loyalty", "awareness", "research", "consideration", "purchase", "use",
    )  # fmt: skip
    both = merge(b, edits.move_phase(b, "use", -1), t)
    assert [c.field for c in both.canvas.conflicts] == ["phases"]


def test_a_phase_removed_on_one_side_but_used_by_a_new_step_comes_back() -> None:
    b = base()
    o = edits.remove_phase(b, "use")
    t, _ = edits.add_item(b, "steps", "Washes", phase="use")
    result = merge(b, o, t)
    assert "use" in result.canvas.journey.phases
    assert rule_breaks(result.canvas) == []


# ---------------------------------------------------------------- laws


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(canvases())
def test_merging_a_canvas_with_itself_is_the_identity(canvas: Canvas) -> None:
    assert merge(canvas, canvas, canvas).canvas == canvas


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(canvases(), canvases())
def test_merging_against_an_unchanged_base_gives_the_changed_side(b: Canvas, x: Canvas) -> None:
    ours_changed = merge(b, x, b)
    assert ours_changed.canvas == x and ours_changed.clean
    theirs_changed = merge(b, b, x)
    assert theirs_changed.canvas == x and theirs_changed.clean


# Lists nothing links to: deleting one of their items changes no other item.
_UNLINKED: tuple[ListName, ...] = ("products", "pain_relievers", "gain_creators", "personas")


@st.composite
def disjoint_edits(draw: st.DrawFn) -> tuple[Canvas, Canvas, Canvas]:
    """A base and two sides that each edit or delete their own items, never the same one."""
    b = draw(canvases(max_items=4))
    sides = {"o": b, "t": b}
    for name in LIST_NAMES:
        for it in items_of(b, name):
            action = draw(st.sampled_from(["keep", "o", "t", "delete o", "delete t"]))
            if action == "keep":
                continue
            side = action[-1]
            if action.startswith("delete"):
                if name in _UNLINKED:
                    sides[side] = edits.delete_item(sides[side], it.id)
                continue
            field = "name" if name == "personas" else "text"
            changes: dict[str, Any] = {field: getattr(it, field) + " " + side, "notes": side}
            current = edits.find(sides[side], it.id)[2]
            sides[side] = edits.replace_list(
                sides[side],
                name,
                [
                    i.model_copy(update=changes) if i is current else i
                    for i in items_of(sides[side], name)
                ],
            )
    return b, sides["o"], sides["t"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(disjoint_edits())
def test_edits_of_disjoint_items_merge_the_same_in_either_order(
    case: tuple[Canvas, Canvas, Canvas],
) -> None:
    b, o, t = case
    one, other = merge(b, o, t), merge(b, t, o)
    assert one.clean and other.clean
    assert one.canvas == other.canvas
    assert rule_breaks(one.canvas) == []


# ---------------------------------------------------------------- fields this module never names


def test_value_lens_fields_merge_like_any_other() -> None:
    b = edits.update_item(base(), "pr1", {"warranty": ("availability",), "strategy": "performance"})
    o = edits.update_item(b, "pr1", {"warranty": ("availability", "capacity")})
    o = edits.update_item(o, "p1", {"evidence": "interview", "source": "lisa.md"})
    t = edits.update_item(b, "pr1", {"warranty": ("security",), "value": "economic"})
    result = merge(b, o, t)
    assert result.clean
    pr1, p1 = item(result.canvas, "pr1"), item(result.canvas, "p1")
    assert pr1.warranty == ("capacity", "security")  # a set: availability removed by theirs
    assert (pr1.value, pr1.strategy) == ("economic", "performance")
    assert (p1.evidence, p1.source) == ("interview", "lisa.md")
    clash = merge(b, edits.update_item(b, "p1", {"evidence": "survey"}), o)
    assert clash.canvas.conflicts == (
        Conflict(list="pains", id="p1", field="evidence", ours="survey", theirs="interview"),
    )


def test_a_renumbered_persona_takes_the_steps_that_name_it_along() -> None:
    b = base()
    o, _ = edits.add_item(b, "personas", "Ours: Lisa")
    t, pid = edits.add_item(b, "personas", "Theirs: Ahmed")
    t = edits.update_item(t, "s1", {"persona": pid})
    result = merge(b, o, t)
    assert result.renamed == {"pe2": "pe3"}
    assert item(result.canvas, "s1").persona == "pe3"
    assert item(result.canvas, "pe3").name == "Theirs: Ahmed"


def test_a_step_assigned_to_a_persona_the_other_side_deleted_is_unassigned() -> None:
    b = base()
    o = edits.update_item(b, "s1", {"persona": "pe1"})
    t = edits.delete_item(b, "pe1")
    result = merge(b, o, t)
    assert result.clean and item(result.canvas, "s1").persona == ""
    assert rule_breaks(result.canvas) == []
