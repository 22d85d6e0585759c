"""The text rules as patterns (checked inside pydantic-core) say exactly what the Python checks say.

schema.py checks text, free text and ids with compiled patterns instead of a Python
call per value (opening big canvases faster); these tests hold the patterns to the
Python functions beside them: the same values pass, and a refused value gets the
same message, word for word.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from valuecanvas.model import Job
from valuecanvas.schema import _no_control_chars, _required_text, _valid_id
from valuecanvas.validation import explain

# Text full of what the rules are about: controls, line breaks, tabs, Unicode spaces.
TRICKY = st.text(
    st.one_of(
        st.sampled_from(list("\x00\x07\x08\t\n\x0b\x0c\r\x1b\x1f \x7f\x85\x9b\x9f\xa0")),
        st.sampled_from(["\u1680", "\u2000", "\u200b", "\u2028", "\u3000", "\u180e", "\ufeff"]),
        # Lone surrogates are refused before any pattern runs: see the test at the end.
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=8,
)


def _outcome(check: Callable[[str], str], value: str) -> str | None:
    try:
        check(value)
    except ValueError as exc:
        return str(exc)
    return None


def _model_outcome(**fields: str) -> str | None:
    try:
        Job(**fields)
    except ValidationError as exc:
        [(_, _, message)] = explain(exc, {})
        return message
    return None


@settings(max_examples=400, deadline=None)
@given(TRICKY)
@example("   ")
@example("\u3000\u00a0")
@example("a\x1b[31m")
@example("\r")
def test_required_text_pattern_says_what_the_check_says(value: str) -> None:
    assert _model_outcome(text=value) == _outcome(_required_text, value)


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_free_text_pattern_says_what_the_check_says(value: str) -> None:
    assert _model_outcome(text="x", notes=value) == _outcome(_no_control_chars, value)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("aZ09_-. \n\x1bé/")), max_size=6))
@example("")
@example("p3")
@example("p 3")
@example("p3\n")  # Python's `$` let this through once; `fullmatch` and the pattern do not
def test_id_pattern_says_what_the_check_says(value: str) -> None:
    assert _model_outcome(text="x", id=value) == _outcome(_valid_id, value)


@settings(max_examples=50, deadline=None)
@given(st.characters(categories=("Cs",)), st.sampled_from(["text", "notes", "id"]))
def test_a_lone_surrogate_is_refused_with_a_message_that_says_what_to_do(
    surrogate: str, field: str
) -> None:
    """Half of a surrogate pair cannot be written as UTF-8: refused, never saved or crashed on.

    (The Python checks the patterns replaced let it through, and the save then failed.)
    """
    fields = {"text": "x", field: f"a{surrogate}b"}
    message = _model_outcome(**fields)
    assert message is not None and "not valid Unicode" in message and "type" in message
