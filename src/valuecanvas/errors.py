"""Problems a user can fix, each naming the file, the place and what to do.

Every layer reports trouble with a user's file or input as `Problem`s inside a
`CanvasError`, so the command line and the TUI can print them the same way and
no raw traceback or pydantic dump ever reaches a user.
"""

from __future__ import annotations

import functools
import re
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
        super().__init__(source)

    def __str__(self) -> str:
        # Worded only when shown: a file with 20,000 problems is often cut to 100 lines.
        return "\n".join(self.lines())

    def lines(self, limit: int | None = None) -> list[str]:
        """One line per problem: `FILE: place: message` (cli.md), safe for a terminal.

        With `limit`, at most that many problem lines, then `FILE: … and N more`.
        """
        source = safe(self.source)
        shown = self.problems if limit is None else self.problems[:limit]
        out = []
        for p in shown:
            where = safe(p.where(), None)
            message = safe(p.message, None)
            out.append(f"{source}: {where}: {message}" if where else f"{source}: {message}")
        if len(shown) < len(self.problems):
            out.append(f"{source}: … and {len(self.problems) - len(shown)} more")
        return out


class EditError(ValueError):
    """An edit that would break a rule of the format; the message says which and why.

    Raised as `EditError("there is no phase '{phase}'", phase=name)`: `str()` is the
    English sentence, and `text` / `values` let the TUI say it in the user's language
    (`reports.words.tr_message`), the English text being the registry's key.
    """

    def __init__(self, text: str, /, **values: object) -> None:
        super().__init__(text.format(**values) if values else text)
        self.text = text
        self.values = values


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word`, for "did you mean …?" hints, or None if none is close."""
    return _closest(word, tuple(choices))


@functools.lru_cache(maxsize=1024)
def _closest(word: str, options: tuple[str, ...]) -> str | None:
    """Cached: a file with 10,000 copies of one misspelt value asks 10,000 times."""
    import difflib  # only a misspelt word needs it

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


# Characters that change how the terminal draws the text around them: bidi embeddings,
# overrides and isolates (U+202E flips a line), line and paragraph separators.
_INVISIBLE_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
)
SAFE_LIMIT = 200
"""How many characters of a name, key or value a message quotes before cutting it (…)."""


# Every character `safe` escapes: C0, DEL, C1, and the invisible controls above.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(_INVISIBLE_CONTROLS)) + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str, limit: int | None = SAFE_LIMIT) -> str:
    """Text from a file, a lock file or a file name, made safe for a terminal or a message.

    Control characters (C0, C1, DEL) and bidi controls (U+202E and kin) are shown escaped
    (`\\x1b`, `\\u202e`), never sent: they could set the terminal's title, split one
    message over several lines, or reverse what is shown. Long text is cut to `limit`
    characters with an ellipsis, so a 1 MB key cannot flood the screen. Every message,
    title and dialog that quotes such text goes through here (CLI and TUI alike).
    """
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)]
        cut = True
    else:
        cut = False
    out = _UNSAFE.sub(_escape, text)
    return out + "…" if cut else out


def printable(text: str) -> str:
    """`safe` under the name the validation messages use."""
    return safe(text)
