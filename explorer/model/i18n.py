"""The one translation function every UI string goes through.

``tr("Back")`` returns the current language's text for an English source
string; ``tr("{count} vertebrae", count=7)`` also fills in values.  The
catalogue is a plain mapping so this module needs no Qt and the command line
can use it too.
"""

from __future__ import annotations

import logging
from typing import Mapping

_catalog: dict[str, str] = {}
_language = "en"
_warned: set[tuple[str, str]] = set()


def tr(text: str, /, **values: object) -> str:
    translated = _catalog.get(text) or text
    if not values:
        return translated
    try:
        return translated.format(**values)
    except (ValueError, KeyError, IndexError, AttributeError):
        # A translation with a broken {placeholder} (validate reports it): English, rather
        # than an exception in the middle of a timer or a page.
        if (_language, text) not in _warned:  # once, not at every tick of a countdown
            _warned.add((_language, text))
            logging.getLogger(__name__).warning("the %s translation of %r cannot be filled "
                                                "in; using English", _language, text)
        return text.format(**values)


def N_(text: str, /) -> str:
    """Marks an app string that is translated later, where it is shown (``tr(kind.label)``);
    the string check finds it like a ``tr`` call."""
    return text


def set_catalog(language: str, catalog: Mapping[str, str]) -> None:
    global _language
    _language = language
    _catalog.clear()
    _catalog.update(catalog)


def language() -> str:
    return _language


_TR_CALL = None


def source_strings() -> set[str]:
    """Every literal string the app passes to :func:`tr` (read from its own source code).

    Used when checking a language's ``ui.yaml``: a missing translation is reported, and
    the app never shows a raw key, because ``tr`` falls back to the English text.  A
    regular expression finds the calls (quick); Python itself reads each literal.
    """
    import re
    from pathlib import Path

    global _TR_CALL
    if _TR_CALL is None:
        literal = r'"(?:[^"\\\n]|\\.)*"'
        _TR_CALL = re.compile(r"(?:tr|N_)\(\s*((?:" + literal + r"\s*)+)[,)]")
    found: set[str] = set()
    for path in Path(__file__).resolve().parent.parent.rglob("*.py"):
        if path.name == "i18n.py":  # its docstring shows examples, not strings the app uses
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        # str.find for "tr(" and the pattern only where it starts: ten times quicker than
        # letting the pattern search the whole file.
        for call in ("tr(", "N_("):
            at = text.find(call)
            while at >= 0:
                before = text[at - 1] if at else " "
                match = None if before.isalnum() or before == "_" else _TR_CALL.match(text, at)
                if match:
                    found.add(_string_value(match.group(1)))
                at = text.find(call, at + 3)
    return found


def _string_value(literals: str) -> str:
    """The value of one or more adjacent string literals, as Python reads them."""
    if "\\" not in literals and literals.count('"') == 2:
        return literals.strip()[1:-1]  # one plain literal: nothing to interpret
    import ast

    return ast.literal_eval("(" + literals + ")")
