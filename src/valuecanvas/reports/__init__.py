"""Reports and the words they use: pure text, no Textual.

`words` holds every translated word of the user interface (one registry, English
text as the key); `fit` renders the fit report the command line prints. The TUI,
the command line and later exports read both, so a language or a report is one
entry here, not a new code path.
"""

from valuecanvas.reports.fit import fit_text
from valuecanvas.reports.text import bar, one_line, pct
from valuecanvas.reports.words import LANGS, NL, Lang, list_short, list_title, tr

__all__ = [
    "LANGS",
    "NL",
    "Lang",
    "bar",
    "fit_text",
    "list_short",
    "list_title",
    "one_line",
    "pct",
    "tr",
]
