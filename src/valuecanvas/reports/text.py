"""Small text pieces every report shares: bars, percentages, one-line user text."""

from __future__ import annotations

from valuecanvas.errors import safe


def bar(value: int | None, width: int = 20, empty: str = "·") -> str:
    """A percentage as `width` cells: filled `█`, the rest `empty`; `—` for no value."""
    if value is None:
        return "—".ljust(width)
    filled = round(width * value / 100)
    return "█" * filled + empty * (width - filled)


def pct(value: int | None) -> str:
    """`58%`, or `—` when there is nothing to measure."""
    return "—" if value is None else f"{value}%"


def one_line(text: str) -> str:
    """Text that may hold line breaks and tabs, as one line of a report for a terminal.

    Bidi controls (U+202E …) are allowed in a canvas's text but shown escaped here
    (`errors.safe`), so a report never reverses or hides what the terminal shows.
    """
    return safe(" ".join(text.split()), None)
