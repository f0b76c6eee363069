"""Parse YAML text into plain values that remember their line numbers.

Only the safe core of YAML is accepted: mappings, sequences and scalars (text,
numbers, booleans, null, dates).  Anchors, aliases, explicit tags other than the
standard scalar ones, complex keys, several documents, over-deep nesting and
over-large files are refused with a :class:`YamlError` that names the line.
The parser is PyYAML's event stream (libyaml when available); no objects are
ever constructed from tags.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 24

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_CONTAINER_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_STR = "tag:yaml.org,2002:str"
# First characters with which YAML 1.1 may read a plain scalar as a number, date, null or
# merge key; anything else is text, except the few words below (booleans and null).
_MAYBE_NOT_TEXT = set("-+0123456789.<~=")
_WORDS_NOT_TEXT = {
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
}


class YamlError(Exception):
    """The text is not YAML we accept; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


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

    def __init__(self, loader: Any) -> None:
        self.loader = loader
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
        raise YamlError(_line(event), "aliases (*name) are not allowed in content files")

    def _end(self, event: Any) -> None:
        self.stack.pop()
        self.pending_key.pop()

    def _start(self, event: Any) -> None:
        line = _line(event)
        if event.anchor:
            raise YamlError(line, "anchors (&name) are not allowed in content files")
        if event.tag not in _CONTAINER_TAGS:
            raise YamlError(line, f"the tag {event.tag!r} is not allowed")
        if self.stack and isinstance(self.stack[-1], LineDict) and self.pending_key[-1] is None:
            raise YamlError(line, "a key must be plain text, not a list or mapping")
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(line, f"nesting is deeper than {MAX_DEPTH} levels")
        container = LineDict(line) if type(event) is yaml.MappingStartEvent else LineList(line)
        self._add(container, line)
        self.stack.append(container)
        self.pending_key.append(None)

    def _on_scalar(self, event: Any) -> None:
        if event.anchor:
            raise YamlError(_line(event), "anchors (&name) are not allowed in content files")
        # The usual case first: untagged text that cannot be read as anything else.
        value = event.value
        if event.tag is None and (
                (event.style and event.implicit[1])  # quoted or block text is always text
                or (value and value[0] not in _MAYBE_NOT_TEXT and value not in _WORDS_NOT_TEXT)):
            self._add(value, event.start_mark.line + 1)
        else:
            self._add(self._scalar(event), event.start_mark.line + 1)

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            value = event.value
            if event.style and event.implicit[1]:  # quoted or block text is always text
                return value
            if value and value[0] not in _MAYBE_NOT_TEXT and value not in _WORDS_NOT_TEXT:
                return value
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
        if tag not in _SAFE_SCALAR_TAGS:
            raise YamlError(_line(event), f"the tag {event.tag!r} is not allowed")
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.loader.construct_object(node, deep=True)

    def _add(self, value: Any, line: int) -> None:
        stack = self.stack
        if not stack:
            self.root = value
            return
        top = stack[-1]
        if type(top) is LineList:
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


def parse_yaml(text: str) -> tuple[Any, list[tuple[int, str]]]:
    """Parse ``text``; return the value and non-fatal problems (duplicate keys).

    Raises :class:`YamlError` for text we refuse to read at all.
    """
    if len(text) > MAX_BYTES:
        raise YamlError(1, f"file is larger than {MAX_BYTES // 1000} kB")
    loader = _Loader(text)
    builder = _Builder(loader)
    handlers, next_event = builder.handlers, loader.get_event
    try:
        event = next_event()
        while event is not None:  # both parsers give None after the end of the stream
            handlers[type(event)](event)
            event = next_event()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(line, f"YAML syntax error: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, f"YAML error: {exc}") from None
    except (ValueError, OverflowError) as exc:
        raise YamlError(1, f"bad value: {exc}") from None
    finally:
        loader.dispose()
    return builder.root, builder.duplicates


def read_yaml(data: bytes) -> tuple[Any, list[tuple[int, str]]]:
    """Decode bytes as UTF-8 and parse them (see :func:`parse_yaml`)."""
    if len(data) > MAX_BYTES:
        raise YamlError(1, f"file is larger than {MAX_BYTES // 1000} kB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError(line, "the file is not UTF-8 text") from None
    return parse_yaml(text)
