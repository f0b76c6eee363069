"""The ``{name}`` placeholders of an app string, and a translation checked against them.

``tr("Starting over in {seconds} seconds.", seconds=5)`` fills the placeholders with
:meth:`str.format`; a translation that loses one, adds one, or has a brace that does not
pair up would make that call fail.  :func:`mismatch` says what is wrong, in words for a
translator.  No Qt here.
"""

from __future__ import annotations

import string
from collections import Counter

_FORMATTER = string.Formatter()


class PlaceholderError(ValueError):
    pass


def placeholders(text: str) -> Counter[str]:
    """The names in ``text``'s placeholders, counted; :class:`PlaceholderError` for a brace
    that does not pair up or a placeholder that is not a plain ``{name}``."""
    try:
        parts = list(_FORMATTER.parse(text))
    except ValueError:
        raise PlaceholderError("has a { or } that does not pair up (a placeholder is "
                               "written {name})") from None
    names: Counter[str] = Counter()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (
                f":{spec}" if spec else "") + "}"
            raise PlaceholderError(f"has the placeholder {shown}; a placeholder is a plain "
                                   "name in braces, such as {count}")
        names[name] += 1
    return names


def mismatch(source: str, translation: str) -> str | None:
    """Why ``translation`` cannot stand for the English ``source``, or ``None``."""
    try:
        wanted = placeholders(source)
    except PlaceholderError:
        return None  # the English string is the app's own; its tests check it
    try:
        found = placeholders(translation)
    except PlaceholderError as exc:
        return str(exc)
    missing = sorted(set(wanted) - set(found))
    extra = sorted(set(found) - set(wanted))
    if missing:
        return "is missing the placeholder " + ", ".join("{" + n + "}" for n in missing)
    if extra:
        return ("has the placeholder " + ", ".join("{" + n + "}" for n in extra) +
                ", which the English does not have")
    return None
