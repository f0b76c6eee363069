"""The one translation function every UI string goes through.

``tr("Back")`` returns the current language's text for an English source
string; ``tr("{count} vertebrae", count=7)`` also fills in values.  The
catalogue is a plain mapping so this module needs no Qt and the command line
can use it too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache

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


def N_(text: str, /) -> str:  # noqa: N802 - gettext's name for a marker, known to every tool
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


def source_strings() -> set[str]:
    """Every literal string the app passes to :func:`tr`, as shipped with it.

    Used when checking a language's ``ui.yaml``: a missing translation is reported, and
    the app never shows a raw key, because ``tr`` falls back to the English text.  The
    strings are found in the code when it is built: ``tools/extract_strings.py`` writes them
    to ``app_strings.json`` beside this module, and a test fails when that file is out of
    date.  Nothing reads Python sources at run time, so a byte-compiled or frozen build
    checks its content as a source checkout does.
    """
    return set(_shipped_strings())


@cache
def _shipped_strings() -> frozenset[str]:
    import json

    from explorer import resources

    data = json.loads(resources.app_strings_path().read_text(encoding="utf-8"))
    return frozenset(data["strings"])
