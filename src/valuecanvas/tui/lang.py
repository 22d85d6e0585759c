"""The app's language in the TUI: every shown word goes through `t`.

The words themselves live in `valuecanvas.reports.words` (one registry, no
Textual); this module only knows where the language is set (`App.lang`, from
`--lang`) and how the footer gets its words.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.screen import Screen

from valuecanvas.errors import EditError
from valuecanvas.reports.words import tr, tr_message


def lang_of(node: DOMNode) -> str:
    """The language the app was started with ("en" or "nl")."""
    return str(getattr(node.app, "lang", "en"))


def t(node: DOMNode, text: str, /, **values: object) -> str:
    """`text` in the app's language, `{name}`s filled in with `values`."""
    return tr(text, lang_of(node), **values)


def t_error(node: DOMNode, exc: EditError) -> str:
    """A refused edit's message in the app's language."""
    return tr_message(exc.text, exc.values, lang_of(node))


class TranslatedFooter(Screen[None]):
    """A screen whose footer shows the bindings' words in the app's language.

    The footer reads `active_bindings` (public); the bindings are defined once, in
    English, in the command table, so the screen hands the footer translated copies.
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings
        lang = lang_of(self)
        if lang == "en":
            return bindings
        return {
            key: active._replace(
                binding=replace(active.binding, description=tr(active.binding.description, lang))
            )
            for key, active in bindings.items()
        }
