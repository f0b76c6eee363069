"""Parse YAML text into plain values that remember their line numbers.

Only the safe core of YAML is accepted: mappings, sequences and scalars (text,
numbers, booleans, null, dates), written plainly.  Anchors, aliases, explicit tags
(``!!bool``, ``!custom``: every one), complex keys, several documents, over-deep
nesting, over-large files, control characters and values that cannot be read (a
date that does not exist, a number of thousands of digits) are refused with a
:class:`YamlError` that names the line.  The parser is PyYAML's event stream
(libyaml when available); no objects are ever constructed from tags.

With ``lenient=True`` (the configuration file), a refused *value* does not stop the
reading: it becomes a :class:`Refused` that says why, and only that setting is lost.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 24

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_READ_AS = {"tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
            "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:null": "nothing",
            "tag:yaml.org,2002:timestamp": "a date"}
# First characters with which YAML 1.1 may read a plain scalar as a number, date, null or
# merge key; anything else is text, except the few words below (booleans and null).
_MAYBE_NOT_TEXT = set("-+0123456789.<~=")
_WORDS_NOT_TEXT = {
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
}
# Control characters other than tab and line breaks: the reader refuses them raw, and a
# double-quoted escape ("\x01", "\0") must not bring them in either.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the tag '{_short(shown)}' is not allowed: write the value without a tag"


def _control_message(character: str) -> str:
    return f"control character U+{ord(character):04X} is not allowed in text"


def _short(text: str, limit: int = 24) -> str:
    text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class YamlError(Exception):
    """The text is not YAML we accept; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class Refused:
    """A value refused in a lenient read; ``message`` says why (its line is the key's)."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"Refused({self.message!r})"


class LineDict(dict):
    """A mapping that knows the line of each of its keys (``key_lines``) and its own."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows the line of each of its items (``item_lines``) and its own."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


def _line(event: Any) -> int:
    return event.start_mark.line + 1


class _Builder:
    """Turns the event stream into LineDict / LineList / scalar values.

    ``handlers`` maps each event class to its method: one dictionary look-up per event
    instead of a chain of isinstance tests (this loop is most of the cost of a cold start).
    """

    def __init__(self, loader: Any, lenient: bool = False) -> None:
        self.loader = loader
        self.lenient = lenient
        self.stack: list[LineDict | LineList] = []
        self.pending_key: list[tuple[str, int] | None] = []
        self.root: Any = None
        self.documents = 0
        self.duplicates: list[tuple[int, str]] = []
        ignore = self._ignore
        self.handlers = {
            yaml.StreamStartEvent: ignore,
            yaml.StreamEndEvent: ignore,
            yaml.DocumentEndEvent: ignore,
            yaml.DocumentStartEvent: self._document,
            yaml.AliasEvent: self._alias,
            yaml.ScalarEvent: self._on_scalar,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
        }

    def feed(self, event: Any) -> None:
        self.handlers[type(event)](event)

    def _ignore(self, event: Any) -> None:
        pass

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise YamlError(_line(event), "only one YAML document per file is allowed")

    def _alias(self, event: Any) -> None:
        self._refuse(event, "aliases (*name) are not allowed in content files")

    def _end(self, event: Any) -> None:
        self.stack.pop()
        self.pending_key.pop()

    def _start(self, event: Any) -> None:
        line = _line(event)
        if event.anchor:
            raise YamlError(line, "anchors (&name) are not allowed in content files")
        if event.tag is not None:
            raise YamlError(line, _tag_message(event.tag))
        if self.stack and isinstance(self.stack[-1], LineDict) and self.pending_key[-1] is None:
            raise YamlError(line, "a key must be plain text, not a list or mapping")
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(line, f"nesting is deeper than {MAX_DEPTH} levels")
        container = LineDict(line) if type(event) is yaml.MappingStartEvent else LineList(line)
        self._add(container, line)
        self.stack.append(container)
        self.pending_key.append(None)

    def _refuse(self, event: Any, message: str) -> None:
        """A value we do not read: the end of the file, or (lenient, not a key) a Refused."""
        stack = self.stack
        is_key = bool(stack) and type(stack[-1]) is LineDict and self.pending_key[-1] is None
        if not self.lenient or is_key or not stack:
            raise YamlError(_line(event), message)
        self._add(Refused(message), _line(event))

    def _on_scalar(self, event: Any) -> None:
        if event.anchor:
            self._refuse(event, "anchors (&name) are not allowed in content files")
            return
        value = event.value
        if event.tag is not None:
            self._refuse(event, _tag_message(event.tag))
        # The usual case first: untagged text that cannot be read as anything else.
        elif event.style and event.implicit[1]:  # quoted or block text is always text
            control = _CONTROL.search(value) if event.style == '"' else None  # from escapes
            if control:
                self._refuse(event, _control_message(control[0]))
            else:
                self._add(value, event.start_mark.line + 1)
        elif value and value[0] not in _MAYBE_NOT_TEXT and value not in _WORDS_NOT_TEXT:
            self._add(value, event.start_mark.line + 1)
        else:
            self._resolved(event)

    def _resolved(self, event: Any) -> None:
        """A plain scalar that YAML may read as a number, date, boolean or null."""
        tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR or tag not in _READ_AS:  # a merge key "<<" or "=" is just text here
            self._add(event.value, event.start_mark.line + 1)
            return
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, ArithmeticError) as exc:
            reason = "it has too many digits" if "digits" in str(exc) else str(exc).split("\n")[0]
            self._refuse(event, f"'{_short(event.value)}' cannot be read as {_READ_AS[tag]}: "
                                f"{reason}")
            return
        self._add(value, event.start_mark.line + 1)

    def _add(self, value: Any, line: int) -> None:
        stack = self.stack
        if not stack:
            self.root = value
            return
        top = stack[-1]
        if isinstance(top, LineList):
            top.append(value)
            top.item_lines.append(line)
            return
        pending = self.pending_key[-1]
        if pending is None:
            key = value if isinstance(value, str) else str(value)
            self.pending_key[-1] = (key, line)
            return
        key, key_line = pending
        self.pending_key[-1] = None
        if key in top:
            first = top.key_lines[key]
            self.duplicates.append((key_line, f"duplicate key '{key}' (first at line {first})"))
            return
        top[key] = value
        top.key_lines[key] = key_line


def parse_yaml(text: str, lenient: bool = False) -> tuple[Any, list[tuple[int, str]]]:
    """Parse ``text``; return the value and non-fatal problems (duplicate keys).

    Raises :class:`YamlError` for text we refuse to read at all.  ``lenient``: a refused
    value becomes a :class:`Refused` instead (see the module's docstring).
    """
    if len(text) > MAX_BYTES:
        raise YamlError(1, f"file is larger than {MAX_BYTES // 1000} kB")
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as exc:  # a lone surrogate: only from text made in Python
        raise YamlError(text.count("\n", 0, exc.start) + 1, "the text is not valid Unicode") \
            from None
    builder = _Builder(loader, lenient)
    handlers, next_event = builder.handlers, loader.get_event
    try:
        event = next_event()
        while event is not None:  # both parsers give None after the end of the stream
            handlers[type(event)](event)
            event = next_event()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        reason = " ".join(str(exc.problem or exc.context).split())
        raise YamlError(line, f"YAML syntax error: {reason}") from None
    except yaml.reader.ReaderError as exc:  # a raw control character, or a bad byte
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else 1
        character = chr(exc.character) if isinstance(exc.character, int) else ""
        raise YamlError(line, _control_message(character) if character else
                        f"YAML error: {exc.reason}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, "YAML error: " + " ".join(str(exc).split())) from None
    except (ValueError, OverflowError, UnicodeError) as exc:
        raise YamlError(1, "bad value: " + " ".join(str(exc).split())) from None
    finally:
        loader.dispose()
    return builder.root, builder.duplicates


def read_yaml(data: bytes, lenient: bool = False) -> tuple[Any, list[tuple[int, str]]]:
    """Decode bytes as UTF-8 and parse them (see :func:`parse_yaml`)."""
    if len(data) > MAX_BYTES:
        raise YamlError(1, f"file is larger than {MAX_BYTES // 1000} kB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError(line, "the file is not UTF-8 text") from None
    return parse_yaml(text, lenient)


class Reporter(Protocol):
    def add(self, line: int, message: str) -> None: ...


def read_reported(data: bytes, problems: Reporter) -> tuple[bool, Any]:
    """``(True, the parsed YAML)``, its duplicate keys reported to ``problems``; or
    ``(False, None)``, reported, when the bytes are not YAML at all."""
    try:
        root, duplicates = read_yaml(data)
    except YamlError as exc:
        problems.add(exc.line, exc.message)
        return False, None
    for line, message in duplicates:
        problems.add(line, message)
    return True, root
