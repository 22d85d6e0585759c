"""Pure edits: every change keeps the file's rules, and a no-op returns the same canvas."""

from __future__ import annotations

import pytest

from valuecanvas import edits as E
from valuecanvas.errors import EditError
from valuecanvas.model import (
    DEFAULT_PHASES,
    Canvas,
    Gain,
    GainCreator,
    Job,
    Journey,
    Pain,
    PainReliever,
    Persona,
    Product,
    Step,
)
from valuecanvas.rules import rule_breaks


@pytest.fixture
def canvas() -> Canvas:
    return Canvas(
        title="T",
        jobs=(
            Job(id="j1", text="job 1", importance="high"),
            Job(id="j2", text="job 2"),
            Job(id="j3", text="job 3", importance="low", kind="transferrer"),
        ),
        pains=(
            Pain(id="p1", text="pain 1", severity="extreme"),
            Pain(id="p2", text="pain 2", severity="mild"),
        ),
        gains=(Gain(id="g1", text="gain 1"), Gain(id="g2", text="gain 2")),
        products=(Product(id="ps1", text="product", jobs=("j1", "j3")),),
        pain_relievers=(
            PainReliever(id="pr1", text="reliever 1", pains=("p1", "p2")),
            PainReliever(id="pr2", text="reliever 2", pains=("p2",)),
        ),
        gain_creators=(GainCreator(id="gc1", text="creator", gains=("g2",)),),
        journey=Journey(
            steps=(
                Step(id="s1", text="step 1", phase="awareness", pains=("p2",), gains=("g1",)),
                Step(id="s2", text="step 2", phase="use", emotion=-2, pains=("p1", "p2")),
            )
        ),
        personas=(Persona(id="pe1", name="Sanne"),),
    )


def ids(items: tuple[object, ...]) -> list[str]:
    return [i.id for i in items]  # type: ignore[attr-defined]


# ================================================================ add


@pytest.mark.parametrize(
    "name,prefix",
    [
        ("jobs", "j4"),
        ("pains", "p3"),
        ("gains", "g3"),
        ("products", "ps2"),
        ("pain_relievers", "pr3"),
        ("gain_creators", "gc2"),
        ("steps", "s3"),
        ("personas", "pe2"),
    ],
)
def test_add_at_end_with_defaults_and_next_id(canvas: Canvas, name: str, prefix: str) -> None:
    new, new_id = E.add_item(canvas, name, "  new one  ")  # type: ignore[arg-type]
    assert new_id == prefix
    items = E.items_of(new, name)  # type: ignore[attr-defined]
    assert items[-1].id == new_id
    assert items[-1].label == "new one"
    assert len(items) == len(E.items_of(canvas, name)) + 1  # type: ignore[attr-defined]
    assert rule_breaks(new) == []


def test_added_items_get_defaults(canvas: Canvas) -> None:
    c, jid = E.add_item(canvas, "jobs", "j")
    c, pid = E.add_item(c, "pains", "p")
    c, gid = E.add_item(c, "gains", "g")
    c, sid = E.add_item(c, "steps", "s")
    job, pain, gain = E.find(c, jid)[2], E.find(c, pid)[2], E.find(c, gid)[2]
    assert (job.kind, job.importance) == ("functional", "medium")  # type: ignore[union-attr]
    assert (pain.kind, pain.severity) == ("undesired-outcome", "moderate")  # type: ignore[union-attr]
    assert (gain.kind, gain.relevance) == ("required", "desirable")  # type: ignore[union-attr]
    step = E.find(c, sid)[2]
    assert (step.phase, step.emotion) == ("awareness", 0)  # type: ignore[union-attr]


def test_add_at_index_is_clamped(canvas: Canvas) -> None:
    c, new_id = E.add_item(canvas, "jobs", "first", index=0)
    assert ids(c.jobs) == [new_id, "j1", "j2", "j3"]
    c, other = E.add_item(c, "jobs", "last", index=99)
    assert ids(c.jobs)[-1] == other
    c, third = E.add_item(c, "jobs", "top", index=-5)
    assert ids(c.jobs)[0] == third


def test_new_step_takes_the_given_phase(canvas: Canvas) -> None:
    c, sid = E.add_item(canvas, "steps", "paying", phase="purchase")
    assert E.find(c, sid)[2].phase == "purchase"  # type: ignore[union-attr]
    with pytest.raises(EditError, match=r"phase 'nope' is not one of the journey phases"):
        E.add_item(canvas, "steps", "x", phase="nope")


def test_add_refuses_empty_text(canvas: Canvas) -> None:
    with pytest.raises(EditError, match="text: is empty"):
        E.add_item(canvas, "jobs", "   ")
    with pytest.raises(EditError, match="name: is empty"):
        E.add_item(canvas, "personas", "")


def test_ids_are_never_reused_while_taken(canvas: Canvas) -> None:
    c = E.delete_item(canvas, "j2")
    c, new_id = E.add_item(c, "jobs", "again")
    assert new_id == "j4"
    hand = canvas.model_copy(update={"jobs": (Job(id="j7", text="x"), Job(id="j-9", text="y"))})
    assert E.add_item(hand, "jobs", "z")[1] == "j8"


def test_next_id_skips_ids_used_in_other_lists() -> None:
    c = Canvas(title="T", pains=(Pain(id="j1", text="odd"),))
    assert E.add_item(c, "jobs", "x")[1] == "j2"


# ================================================================ update


def test_update_changes_fields(canvas: Canvas) -> None:
    c = E.update_item(canvas, "j2", {"text": "new", "importance": "low", "notes": "n"})
    job = E.find(c, "j2")[2]
    assert (job.text, job.importance, job.notes) == ("new", "low", "n")  # type: ignore[union-attr]
    assert c.jobs[0] is canvas.jobs[0]  # untouched items are shared


@pytest.mark.parametrize(
    "item_id,changes,message",
    [
        (
            "j1",
            {"importance": "hi"},
            "importance: 'hi' is not a valid importance — did you mean 'high'?",
        ),
        ("j1", {"text": "  "}, "text: is empty; write some text"),
        ("j1", {"text": "a\x1bb"}, "text: contains the control character U+001B; remove it"),
        (
            "j1",
            {"importanse": "high"},
            "job: unknown key 'importanse' — did you mean 'importance'?",
        ),
        ("s2", {"emotion": 3}, "emotion: 3 is out of range; use a whole number from -2 to 2"),
        ("s2", {"emotion": "1"}, "emotion: '1' is not a whole number"),
        ("s2", {"phase": "nope"}, "phase 'nope' is not one of the journey phases (awareness,"),
        ("ps1", {"jobs": ["p1"]}, "'p1' is not one of the jobs; a jobs link must name a job"),
        (
            "ps1",
            {"value": "economc"},
            "value: 'economc' is not a valid value — did you mean 'economic'?",
        ),
        ("pe1", {"role": "boss"}, "role: 'boss' is not a valid role"),
        ("pe1", {"name": ""}, "name: is empty"),
        ("j1", {"id": "j9"}, "an id never changes once given"),
        ("nope", {"text": "x"}, "there is no item with id 'nope'"),
    ],
)
def test_update_errors_are_readable(
    canvas: Canvas, item_id: str, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(EditError) as info:
        E.update_item(canvas, item_id, changes)
    assert message in str(info.value)
    assert "validation error" not in str(info.value)  # never a pydantic dump


def test_update_that_changes_nothing_returns_same_object(canvas: Canvas) -> None:
    assert E.update_item(canvas, "j1", {"importance": "high"}) is canvas
    assert E.update_item(canvas, "j1", {}) is canvas
    assert E.update_item(canvas, "ps1", {"jobs": ["j1", "j3"]}) is canvas
    assert E.update_item(canvas, "j1", {"id": "j1"}) is canvas


# ================================================================ delete


def test_delete_removes_every_link_to_the_item(canvas: Canvas) -> None:
    c = E.delete_item(canvas, "p2")
    assert ids(c.pains) == ["p1"]
    assert c.pain_relievers[0].pains == ("p1",)
    assert c.pain_relievers[1].pains == ()
    assert c.journey.steps[0].pains == ()
    assert c.journey.steps[1].pains == ("p1",)
    assert rule_breaks(c) == []
    c = E.delete_item(c, "g1")
    assert c.journey.steps[0].gains == ()
    c = E.delete_item(c, "j3")
    assert c.products[0].jobs == ("j1",)
    assert rule_breaks(c) == []


def test_delete_a_linking_item_leaves_targets(canvas: Canvas) -> None:
    c = E.delete_item(canvas, "pr1")
    assert ids(c.pain_relievers) == ["pr2"]
    assert c.pains == canvas.pains
    c = E.delete_item(c, "s1")
    assert ids(c.journey.steps) == ["s2"]


def test_delete_unknown_id(canvas: Canvas) -> None:
    with pytest.raises(EditError, match="there is no item with id 'x'"):
        E.delete_item(canvas, "x")


# ================================================================ move, level, kind


def test_move_changes_rank_and_clamps(canvas: Canvas) -> None:
    c = E.move_item(canvas, "j3", -1)
    assert ids(c.jobs) == ["j1", "j3", "j2"]
    c = E.move_item(c, "j3", -10)
    assert ids(c.jobs) == ["j3", "j1", "j2"]
    c = E.move_item(c, "j3", 10)
    assert ids(c.jobs) == ["j1", "j2", "j3"]
    assert E.move_item(c, "j3", 1) is c
    assert E.move_item(c, "j1", -1) is c
    assert E.move_item(c, "j2", 0) is c


def test_move_journey_step(canvas: Canvas) -> None:
    assert ids(E.move_item(canvas, "s2", -1).journey.steps) == ["s2", "s1"]


@pytest.mark.parametrize(
    "item_id,field,deltas",
    [
        ("j2", "importance", [(1, "high"), (1, "high"), (-1, "medium"), (-1, "low"), (-1, "low")]),
        ("p2", "severity", [(1, "moderate"), (1, "extreme"), (5, "extreme"), (-9, "mild")]),
        ("g1", "relevance", [(1, "essential"), (-2, "nice-to-have")]),
        ("ps1", "relevance", [(-1, "nice-to-have"), (1, "desirable")]),
        ("pr1", "relevance", [(1, "essential")]),
        ("gc1", "relevance", [(-1, "nice-to-have")]),
    ],
)
def test_shift_level_clamps(
    canvas: Canvas, item_id: str, field: str, deltas: list[tuple[int, str]]
) -> None:
    c = canvas
    for delta, expected in deltas:
        new = E.shift_level(c, item_id, delta)
        assert getattr(E.find(new, item_id)[2], field) == expected
        if getattr(E.find(c, item_id)[2], field) == expected:
            assert new is c
        c = new


def test_shift_level_of_step_is_emotion(canvas: Canvas) -> None:
    c = E.shift_level(canvas, "s1", 1)
    assert c.journey.steps[0].emotion == 1
    c = E.shift_level(c, "s1", 5)
    assert c.journey.steps[0].emotion == 2
    assert E.shift_level(c, "s1", 1) is c
    c = E.shift_level(c, "s1", -10)
    assert c.journey.steps[0].emotion == -2
    assert E.shift_level(c, "s1", -1) is c


def test_shift_level_of_persona_changes_nothing(canvas: Canvas) -> None:
    assert E.shift_level(canvas, "pe1", 1) is canvas


def test_cycle_kind_wraps(canvas: Canvas) -> None:
    c = E.cycle_kind(canvas, "j3")  # transferrer is the last job kind
    assert c.jobs[2].kind == "functional"
    c = E.cycle_kind(c, "j3")
    assert c.jobs[2].kind == "social"
    seen = []
    c = canvas
    for _ in range(4):
        c = E.cycle_kind(c, "p1")
        seen.append(c.pains[0].kind)
    assert seen == ["obstacle", "risk", "undesired-outcome", "obstacle"]
    c = E.cycle_kind(canvas, "ps1")
    assert c.products[0].kind == "intangible"
    assert E.cycle_kind(canvas, "g1").gains[0].kind == "expected"


def test_cycle_kind_without_kinds_changes_nothing(canvas: Canvas) -> None:
    for item_id in ("pr1", "gc1", "s1", "pe1"):
        assert E.cycle_kind(canvas, item_id) is canvas


# ================================================================ links


def test_set_links_keeps_target_rank_order(canvas: Canvas) -> None:
    c = E.set_links(canvas, "ps1", "jobs", ["j3", "j2"])
    assert c.products[0].jobs == ("j2", "j3")
    assert E.set_links(c, "ps1", "jobs", {"j3", "j2"}) is c
    c = E.set_links(c, "ps1", "jobs", [])
    assert c.products[0].jobs == ()


def test_set_links_of_a_step(canvas: Canvas) -> None:
    c = E.set_links(canvas, "s1", "pains", ["p1"])
    c = E.set_links(c, "s1", "gains", ["g2", "g1"])
    assert (c.journey.steps[0].pains, c.journey.steps[0].gains) == (("p1",), ("g1", "g2"))


def test_set_links_refuses_wrong_lists(canvas: Canvas) -> None:
    with pytest.raises(EditError, match="'p1' is not one of the jobs"):
        E.set_links(canvas, "ps1", "jobs", ["p1"])
    with pytest.raises(EditError, match="cannot link pains"):
        E.set_links(canvas, "ps1", "pains", ["p1"])
    with pytest.raises(EditError, match="cannot link"):
        E.set_links(canvas, "j1", "products", ["ps1"])


def test_set_linked_by(canvas: Canvas) -> None:
    c = E.set_linked_by(canvas, "p2", "pain_relievers", ["pr2"])
    assert c.pain_relievers[0].pains == ("p1",)
    assert c.pain_relievers[1].pains == ("p2",)
    c = E.set_linked_by(c, "p1", "pain_relievers", ["pr1", "pr2"])
    assert c.pain_relievers[1].pains == ("p1", "p2")  # in the pains' rank order
    assert E.set_linked_by(c, "p1", "pain_relievers", ["pr2", "pr1"]) is c
    c = E.set_linked_by(c, "p2", "steps", [])
    assert c.journey.steps[0].pains == () and c.journey.steps[1].pains == ("p1",)
    c = E.set_linked_by(c, "j2", "products", ["ps1"])
    assert c.products[0].jobs == ("j1", "j2", "j3")
    with pytest.raises(EditError, match="'zz' is not one of the pain_relievers"):
        E.set_linked_by(canvas, "p1", "pain_relievers", ["zz"])
    with pytest.raises(EditError, match="cannot link"):
        E.set_linked_by(canvas, "p1", "products", ["ps1"])


def test_toggle_link_both_directions(canvas: Canvas) -> None:
    c = E.toggle_link(canvas, "ps1", "j2")  # from the value map side
    assert c.products[0].jobs == ("j1", "j2", "j3")
    c = E.toggle_link(c, "j2", "ps1")  # from the profile side: unlinks again
    assert c.products[0].jobs == ("j1", "j3")
    assert c == canvas
    c = E.toggle_link(canvas, "p1", "pr2")
    assert c.pain_relievers[1].pains == ("p1", "p2")
    c = E.toggle_link(c, "pr2", "p2")
    assert c.pain_relievers[1].pains == ("p1",)
    c = E.toggle_link(canvas, "g2", "s2")
    assert c.journey.steps[1].gains == ("g2",)
    with pytest.raises(EditError, match="a job and a pain cannot be linked"):
        E.toggle_link(canvas, "j1", "p1")
    with pytest.raises(EditError, match="cannot be linked"):
        E.toggle_link(canvas, "pe1", "j1")


def test_linked_ids(canvas: Canvas) -> None:
    assert E.linked_ids(canvas, "p2") == {"pr1", "pr2", "s1", "s2"}
    assert E.linked_ids(canvas, "pr1") == {"p1", "p2"}
    assert E.linked_ids(canvas, "pe1") == set()


# ================================================================ phases


def test_add_phase(canvas: Canvas) -> None:
    c = E.add_phase(canvas, " advocacy ")
    assert c.journey.phases == (*DEFAULT_PHASES, "advocacy")
    c = E.add_phase(c, "need", index=0)
    assert c.journey.phases[0] == "need"
    with pytest.raises(EditError, match="there is already a phase 'use'"):
        E.add_phase(canvas, "use")
    with pytest.raises(EditError, match="a phase needs a name"):
        E.add_phase(canvas, "  ")
    with pytest.raises(EditError, match="one line"):
        E.add_phase(canvas, "a\nb")


def test_rename_phase_renames_its_steps(canvas: Canvas) -> None:
    c = E.rename_phase(canvas, "use", "using")
    assert c.journey.phases == ("awareness", "consideration", "purchase", "using", "loyalty")
    assert [s.phase for s in c.journey.steps] == ["awareness", "using"]
    assert rule_breaks(c) == []
    assert E.rename_phase(canvas, "use", "use") is canvas
    with pytest.raises(EditError, match="already a phase 'purchase'"):
        E.rename_phase(canvas, "use", "purchase")
    with pytest.raises(EditError, match="there is no phase 'x'"):
        E.rename_phase(canvas, "x", "y")


def test_move_phase_clamps(canvas: Canvas) -> None:
    c = E.move_phase(canvas, "use", -1)
    assert c.journey.phases == ("awareness", "consideration", "use", "purchase", "loyalty")
    c = E.move_phase(c, "use", -9)
    assert c.journey.phases[0] == "use"
    assert E.move_phase(c, "use", -1) is c
    assert E.move_phase(c, "loyalty", 1) is c
    assert c.journey.steps == canvas.journey.steps
    with pytest.raises(EditError, match="there is no phase"):
        E.move_phase(canvas, "x", 1)


def test_remove_phase_refused_while_used(canvas: Canvas) -> None:
    with pytest.raises(EditError, match="phase 'use' still has 1 step"):
        E.remove_phase(canvas, "use")
    c = E.remove_phase(canvas, "loyalty")
    assert c.journey.phases == ("awareness", "consideration", "purchase", "use")
    with pytest.raises(EditError, match="there is no phase 'loyalty'"):
        E.remove_phase(c, "loyalty")


def test_last_phase_cannot_be_removed() -> None:
    c = Canvas(title="T", journey=Journey(phases=("only",)))
    with pytest.raises(EditError, match="at least one phase"):
        E.remove_phase(c, "only")


# ================================================================ canvas settings


def test_update_canvas(canvas: Canvas) -> None:
    c = E.update_canvas(canvas, {"title": "New", "segment": "S", "market": "b2b", "notes": "n"})
    assert (c.title, c.segment, c.market, c.notes) == ("New", "S", "b2b", "n")
    assert c.jobs is canvas.jobs
    assert E.update_canvas(c, {"title": "New", "market": "b2b"}) is c
    assert E.update_canvas(c, {}) is c


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"title": " "}, "title: is empty; write some text"),
        ({"market": "b3b"}, "market: 'b3b' is not a valid market — did you mean 'b2b'?"),
        ({"segment": "\x07"}, "segment: contains the control character U+0007"),
        (
            {"colour": "red"},
            "'colour' is not a canvas setting; use title, segment, market or notes",
        ),
    ],
)
def test_update_canvas_errors(canvas: Canvas, changes: dict[str, str], message: str) -> None:
    with pytest.raises(EditError) as info:
        E.update_canvas(canvas, changes)
    assert message in str(info.value)


# ================================================================ complete


def test_complete_fills_ids_and_step_phase() -> None:
    c = Canvas(
        title="T",
        jobs=(Job(text="a"), Job(id="j2", text="b"), Job(text="c")),
        journey=Journey(phases=("x", "y"), steps=(Step(text="s"),)),
    )
    done = E.complete(c)
    assert ids(done.jobs) == ["j3", "j2", "j4"]
    assert (done.journey.steps[0].id, done.journey.steps[0].phase) == ("s1", "x")
    assert E.complete(done) is done
