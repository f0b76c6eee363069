"""The configuration file: one YAML mapping of settings, validated like content.  No Qt here.

Every problem (unknown key, wrong type, value out of range) is reported as
``file:line: message`` and the setting keeps its safe default, so a kiosk with a
broken configuration still starts.  The staff PIN is stored only as a salted,
slow scrypt hash (:func:`hash_pin`), never the PIN itself.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from explorer.model.problems import Problem
from explorer.model.signs import DEFAULT_EMERGENCY_NUMBER

THEMES = ("default", "dark", "high-contrast")


class Config(NamedTuple):
    kiosk: bool = False  # full screen, locked down, resets itself when idle
    content: str = ""  # a clinic's content folder; relative paths are from the config file
    screen: int = 0  # which screen the kiosk fills (0 = the primary one)
    hide_cursor: bool = False  # for touch-only screens
    idle_seconds: int = 90  # no input for this long: ask "Are you still there?"
    warning_seconds: int = 20  # the countdown on that question before starting over
    text_size: int = 0  # percent, 100-200; 0 = automatic (100 at a desk, 125 in a kiosk)
    reduced_motion: bool = False  # no animations
    language: str = "en"  # the language a session starts in
    theme: str = "default"  # default | dark | high-contrast
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER  # in every emergency box: 999, 112, …
    pin_hash: str = ""  # written by `spine-explorer set-pin`

    def effective_text_size(self) -> int:
        return self.text_size or (125 if self.kiosk else 100)

    def content_dir(self, config_file: Path | None) -> Path | None:
        if not self.content:
            return None
        path = Path(self.content).expanduser()
        if not path.is_absolute() and config_file is not None:
            path = config_file.parent / path
        return path


DEFAULTS = Config()
RANGES = {"screen": (0, 16), "idle_seconds": (10, 3600), "warning_seconds": (5, 120)}


class LoadedConfig(NamedTuple):
    config: Config
    problems: tuple[Problem, ...]
    path: Path | None


def _check(key: str, value: Any, line: int, problems: list[Problem], file: str) -> Any:
    """The value to use for ``key``: ``value`` if valid, else the default (and a problem)."""
    default = getattr(DEFAULTS, key)

    def bad(message: str) -> Any:
        problems.append(Problem(file, line, f"{message}; using {default!r}"))
        return default

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
    if not isinstance(value, str):
        return bad(f"'{key}' should be text")
    if key == "theme" and value not in THEMES:
        return bad(f"'theme' should be one of {', '.join(THEMES)}")
    if key == "language" and not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", value):
        return bad("'language' should be a language code such as en or es")
    if key == "pin_hash" and value and not _parse_hash(value):
        return bad("'pin_hash' is not a hash made by `spine-explorer set-pin`")
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


def parse_config(data: bytes, file: str) -> tuple[Config, list[Problem]]:
    from explorer.model.yamlsafe import LineDict, YamlError, read_yaml

    problems: list[Problem] = []
    try:
        root, duplicates = read_yaml(data)
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
    if path is None or not path.exists():
        return LoadedConfig(DEFAULTS, (), path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return LoadedConfig(DEFAULTS, (Problem(str(path), 1, f"cannot read: {exc.strerror}"),),
                            path)
    config, problems = parse_config(data, str(path))
    return LoadedConfig(config, tuple(problems), path)


# -- the staff PIN ---------------------------------------------------------------------------
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    import base64
    import hashlib

    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    b64 = base64.b64encode
    return (f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}$"
            f"{b64(salt).decode()}${b64(digest).decode()}")


def _parse_hash(text: str) -> tuple[int, int, int, bytes, bytes] | None:
    import base64

    parts = text.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        return n, r, p, base64.b64decode(parts[4], validate=True), base64.b64decode(
            parts[5], validate=True)
    except ValueError:
        return None


def check_pin(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    attempt = hashlib.scrypt(pin.encode(), salt=salt, dklen=len(digest), n=n, r=r, p=p,
                             maxmem=2**26)
    return hmac.compare_digest(attempt, digest)


def valid_pin(pin: str) -> bool:
    return bool(re.fullmatch(r"\d{4,12}", pin))


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Set ``pin_hash`` in the configuration file, keeping every other line as it is."""
    line = f'pin_hash: "{pin_hash}"\n'
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Spine Explorer configuration. See the README for every setting.\n")
    lines = text.splitlines(keepends=True)
    for index, old in enumerate(lines):
        if re.match(r"pin_hash\s*:", old):
            lines[index] = line
            break
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text("".join(lines), encoding="utf-8")
    os.replace(temporary, path)
