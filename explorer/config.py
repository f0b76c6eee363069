"""The configuration file: one YAML mapping of settings, validated like content.  No Qt here.

Every problem (unknown key, wrong type, value out of range) is reported as
``file:line: message`` and the setting keeps its safe default, so a kiosk with a
broken configuration still starts.  The staff PIN is stored only as a salted,
slow scrypt hash (:mod:`explorer.model.pinhash`), never the PIN itself; `set-pin`
rewrites only that setting (:func:`write_pin_hash`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from explorer.model.files import FileRefusedError, read_regular
from explorer.model.pinhash import check_pin, hash_pin, hash_problem, valid_pin
from explorer.model.problems import Problem
from explorer.model.signs import DEFAULT_EMERGENCY_NUMBER

__all__ = ["Config", "DEFAULTS", "LoadedConfig", "check_pin", "hash_pin", "load_config",
           "parse_config", "valid_pin", "write_pin_hash"]

THEMES = ("default", "dark", "high-contrast")
PAPERS = ("auto", "letter", "a4")


class Config(NamedTuple):
    kiosk: bool = False  # full screen, locked down, resets itself when idle
    content: str = ""  # a clinic's content folder; relative paths are from the config file
    watch: bool = False  # reload the content when a file in its folder changes
    drawing: str = ""  # a clinic's own spine drawing (SVG); relative like content
    body_drawing: str = ""  # a clinic's own body map (SVG); relative like content
    screen: int = 0  # which screen the kiosk fills (0 = the primary one)
    hide_cursor: bool = False  # for touch-only screens
    idle_seconds: int = 90  # no input for this long: ask "Are you still there?"
    warning_seconds: int = 20  # the countdown on that question (WCAG 2.2.1: 20 at least)
    text_size: int = 0  # percent, 100-200; 0 = automatic (100 at a desk, 125 in a kiosk)
    reduced_motion: bool = False  # no animations
    language: str = "en"  # the language a session starts in
    theme: str = "default"  # default | dark | high-contrast
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER  # in every emergency box: 999, 112, …
    clinic_name: str = ""  # on every handout
    clinic_phone: str = ""  # on every handout
    clinic_logo: str = ""  # a PNG or SVG file; relative paths are from the config file
    handout_link: str = ""  # a URL with {id} and {lang}: the handout's QR code opens it
    paper: str = "auto"  # letter | a4 | auto (from the printer or the country)
    printer: str = ""  # a kiosk prints here, with no dialog; none: no Print button
    pin_hash: str = ""  # written by `spine-explorer set-pin`

    def effective_text_size(self) -> int:
        return self.text_size or (125 if self.kiosk else 100)

    def content_dir(self, config_file: Path | None) -> Path | None:
        return self.path_of("content", config_file)

    def path_of(self, setting: str, config_file: Path | None) -> Path | None:
        """The path a setting names (``content``, ``drawing``, ``body_drawing``), relative
        to the configuration file's folder; None when it is not set."""
        value = getattr(self, setting)
        if not value:
            return None
        path = Path(value).expanduser()
        if not path.is_absolute() and config_file is not None:
            path = config_file.parent / path
        return path


DEFAULTS = Config()
# At least 20 seconds to answer "Are you still there?" (WCAG 2.2.1, Timing Adjustable).
RANGES = {"screen": (0, 16), "idle_seconds": (10, 3600), "warning_seconds": (20, 120)}
MAX_BYTES = 64_000  # a configuration is a few lines; anything bigger is not one
CHOICES = {"paper": PAPERS}
LENGTHS = {"clinic_name": 80, "clinic_phone": 40, "printer": 200, "handout_link": 300,
           "clinic_logo": 1000}
NUMBERS_AS_TEXT = ("clinic_phone",)  # 5550100 without quotes is still a phone number


class LoadedConfig(NamedTuple):
    config: Config
    problems: tuple[Problem, ...]
    path: Path | None


def _check(key: str, value: Any, line: int, problems: list[Problem], file: str) -> Any:
    """The value to use for ``key``: ``value`` if valid, else the default (and a problem)."""
    from explorer.model.yamlsafe import Refused

    default = getattr(DEFAULTS, key)

    def bad(message: str) -> Any:
        keeps = "no staff PIN is set until `spine-explorer set-pin` writes one" \
            if key == "pin_hash" else f"using {default!r}"
        problems.append(Problem(file, line, f"{message}; {keeps}"))
        return default

    if isinstance(value, Refused):
        return bad(f"'{key}': {value.message}")
    if isinstance(default, bool):
        return value if isinstance(value, bool) else bad(f"'{key}' should be true or false")
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            return bad(f"'{key}' should be a whole number")
        low, high = RANGES.get(key, (0, 10**6))
        if key == "text_size" and value != 0:
            low, high = 100, 200
        if not low <= value <= high:
            return bad(f"'{key}' should be between {low} and {high}")
        return value
    if key == "emergency_number":
        return _emergency_number(value, bad)
    if key in NUMBERS_AS_TEXT and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return bad(f"'{key}' should be text")
    if len(value) > LENGTHS.get(key, 10**4):
        return bad(f"'{key}' should be at most {LENGTHS[key]} characters")
    if key in CHOICES and value not in CHOICES[key]:
        return bad(f"'{key}' should be one of {', '.join(CHOICES[key])}")
    if key == "handout_link" and value:
        from explorer.model.handout import link_problem

        if link_problem(value):
            return bad(f"'handout_link' {link_problem(value)}")
    if key == "clinic_logo" and value:
        return _logo(value, file, bad)
    if key == "theme" and value not in THEMES:
        return bad(f"'theme' should be one of {', '.join(THEMES)}")
    if key == "language" and not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", value):
        return bad("'language' should be a language code such as en or es")
    if key == "pin_hash" and value and hash_problem(value):
        return bad(f"'pin_hash' cannot be used: {hash_problem(value)}")
    return value


def _emergency_number(value: Any, bad) -> Any:
    """2 to 6 digits, as text; a plain number is fine unless it starts with 0 (YAML would
    read 000 as 0), so such a number must be written in quotes."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{2,6}", value.strip()):
        return bad("'emergency_number' should be the 2 to 6 digits to call, such as 911, "
                   "999 or 112 (write one that starts with 0 in quotes: \"000\")")
    return value.strip()
def _logo(value: str, file: str, bad) -> str:
    """The logo's full path: relative to the configuration file, a PNG or SVG that exists."""
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = Path(file).parent / path
    if path.suffix.lower() not in (".png", ".svg"):
        return bad("'clinic_logo' should be a .png or .svg file")
    if not path.is_file():
        return bad(f"'clinic_logo': there is no file {path}")
    return str(path.resolve())


def parse_config(data: bytes, file: str) -> tuple[Config, list[Problem]]:
    """Settings from a file's bytes.  A value YAML cannot give us (a tag, a date that does
    not exist) costs only that setting; text that is not YAML at all, every setting."""
    from explorer.model.yamlsafe import LineDict, YamlError, read_yaml

    problems: list[Problem] = []
    try:
        root, duplicates = read_yaml(data, lenient=True)
    except YamlError as exc:
        return DEFAULTS, [Problem(file, exc.line, exc.message + "; using the defaults")]
    problems += [Problem(file, line, message) for line, message in duplicates]
    if root is None:
        return DEFAULTS, problems
    if not isinstance(root, LineDict):
        return DEFAULTS, [Problem(file, getattr(root, "line", 1),
                                  "the configuration should be a list of 'setting: value' lines")]
    values = {}
    for key, value in root.items():
        if key not in Config._fields:
            import difflib

            close = difflib.get_close_matches(key, Config._fields, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(file, root.line_of(key), f"unknown setting '{key}'{hint}"))
            continue
        values[key] = _check(key, value, root.line_of(key), problems, file)
    return Config(**values), problems


def load_config(path: Path | None) -> LoadedConfig:
    """The settings in ``path``: the defaults when there is no such file, and a problem when
    it is not a regular file (a device, a FIFO) or is too large."""
    if path is None or not (path.exists() or path.is_symlink()):
        return LoadedConfig(DEFAULTS, (), path)
    try:
        data = read_regular(path, MAX_BYTES)
    except FileRefusedError as exc:
        return LoadedConfig(DEFAULTS, (Problem(str(path), 1, f"{exc.reason}; using the "
                                                             "defaults"),), path)
    config, problems = parse_config(data, str(path))
    return LoadedConfig(config, tuple(problems), path)


# -- set-pin: one setting rewritten in place ---------------------------------------------------
class ConfigWriteError(Exception):
    """The configuration could not be rewritten safely; nothing was changed."""


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Set ``pin_hash`` in the configuration file, keeping every other line as it is.

    Written through a symlink (to its target, which stays a symlink's target), with the
    file's own mode and owner (0600 for a new file), atomically.  :class:`ConfigWriteError`
    when the file cannot be read as settings, or could not be rewritten without changing
    another one."""
    target = Path(os.path.realpath(path))
    text = "# Spine Explorer configuration. See the README for every setting.\n"
    if target.exists():
        try:
            text = read_regular(target, MAX_BYTES).decode("utf-8-sig")
        except FileRefusedError as exc:
            raise ConfigWriteError(f"{path}:1: {exc.reason}") from None
        except UnicodeDecodeError:
            raise ConfigWriteError(f"{path}:1: the file is not UTF-8 text") from None
    new_text = _with_setting(text, "pin_hash", f'"{pin_hash}"', str(path))
    before, _ = parse_config(text.encode(), str(path))
    after, problems = parse_config(new_text.encode(), str(path))
    if after.pin_hash != pin_hash or after._replace(pin_hash="") != before._replace(pin_hash=""):
        raise ConfigWriteError(f"{path}: the PIN could not be set without changing other "
                               "settings; set 'pin_hash' by hand")
    _write_keeping_mode(target, new_text)


def _with_setting(text: str, key: str, value: str, shown: str) -> str:
    """``text`` with the top-level ``key`` set to ``value`` (YAML), wherever and however
    the old value was written (indented, folded over lines, in braces)."""
    import yaml

    from explorer.model.yamlsafe import YamlError, parse_yaml

    try:
        parse_yaml(text)  # refuses what the walk below does not expect (complex keys, …)
    except YamlError as exc:
        raise ConfigWriteError(f"{shown}:{exc.line}: {exc.message}; fix it first") from None
    loader = yaml.SafeLoader(text)  # the pure-Python parser: its marks count characters
    try:
        events = [e for e in iter(loader.get_event, None)
                  if not isinstance(e, (yaml.StreamStartEvent, yaml.DocumentStartEvent))]
    finally:
        loader.dispose()
    root = events[0]
    if isinstance(root, yaml.StreamEndEvent) or (
            isinstance(root, yaml.ScalarEvent) and root.value == ""):  # only comments, or "---"
        return text + ("" if not text or text.endswith("\n") else "\n") + f"{key}: {value}\n"
    if not isinstance(root, yaml.MappingStartEvent):
        raise ConfigWriteError(f"{shown}:{root.start_mark.line + 1}: the configuration should "
                               "be a list of 'setting: value' lines; fix it first")
    index, first = 1, None
    while not isinstance(events[index], yaml.MappingEndEvent):
        name, after = events[index], _after_node(events, index + 1)
        first = first or name
        if name.value == key:
            start, stop = name.start_mark.index, events[after - 1].end_mark.index
            newline = "\n" if text[start:stop].endswith("\n") else ""
            return text[:start] + f"{key}: {value}{newline}" + text[stop:]
        index = after
    if root.flow_style:  # {kiosk: true}: the new setting goes inside the braces
        at = events[index].start_mark.index
        return text[:at] + (", " if first else "") + f"{key}: {value}" + text[at:]
    indent = " " * (first.start_mark.column if first else 0)
    return text + ("" if text.endswith("\n") else "\n") + f"{indent}{key}: {value}\n"


def _after_node(events: list, index: int) -> int:
    """The index just after the node (scalar, or list or mapping with all inside it) that
    starts at ``index``."""
    import yaml

    depth = 0
    while True:
        event = events[index]
        index += 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth == 0:
            return index


def _write_keeping_mode(target: Path, text: str) -> None:
    """Replace ``target`` atomically with ``text``; the new file has the old one's mode and
    owner, or mode 0600 when there was none (a temporary file never has more)."""
    import contextlib
    import stat
    import tempfile

    try:
        info = os.stat(target)
        mode, owner = stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid)
    except FileNotFoundError:
        mode, owner = 0o600, None
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".tmp")  # made 0600, whatever the umask
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            if owner is not None and hasattr(os, "fchown"):
                with contextlib.suppress(PermissionError):  # not ours to give: stays the writer's
                    os.fchown(handle.fileno(), *owner)
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
