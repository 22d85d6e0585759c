"""Problems a user can fix, each naming the file, the place and what to do.

Every layer reports trouble with a user's file or input as `Problem`s inside a
`CanvasError`, so the command line and the TUI can print them the same way and
no raw traceback or pydantic dump ever reaches a user.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where it is, and (in the message) how to fix it."""

    place: str
    message: str
    line: int | None = None

    def where(self) -> str:
        """The place as shown to a user: `pains[2] (p7), line 14`."""
        parts = [p for p in (self.place, f"line {self.line}" if self.line else "") if p]
        return ", ".join(parts)


class CanvasError(Exception):
    """A file or an input that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem: `FILE: place: message` (cli.md)."""
        out = []
        for p in self.problems:
            where = p.where()
            out.append(
                f"{self.source}: {where}: {p.message}" if where else f"{self.source}: {p.message}"
            )
        return out


class EditError(ValueError):
    """An edit that would break a rule of the format; the message says which and why."""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word`, for "did you mean …?" hints, or None if none is close."""
    options = list(choices)
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if found:
        return found[0]
    lowered = {c.lower(): c for c in options}
    return lowered.get(word.lower())


def one_of(values: Sequence[str]) -> str:
    """`a, b or c` for messages that list the allowed values."""
    quoted = [f"'{v}'" for v in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def printable(text: str) -> str:
    """Text from a user's file made safe for a message: control characters as `\\u001b`.

    Keys, ids and values quoted back to the user could otherwise carry escape sequences
    that drive the terminal, or line breaks that split one problem over several lines.
    """
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cc" else c for c in text)
