"""The one translation function every UI string goes through.

``tr("Back")`` returns the current language's text for an English source
string; ``tr("{count} vertebrae", count=7)`` also fills in values.  The
catalogue is a plain mapping so this module needs no Qt and the command line
can use it too.
"""

from __future__ import annotations

from typing import Mapping

_catalog: dict[str, str] = {}
_language = "en"


def tr(text: str, /, **values: object) -> str:
    translated = _catalog.get(text) or text
    return translated.format(**values) if values else translated


def set_catalog(language: str, catalog: Mapping[str, str]) -> None:
    global _language
    _language = language
    _catalog.clear()
    _catalog.update(catalog)


def language() -> str:
    return _language
