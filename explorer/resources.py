"""The one module that knows where shipped files live.

In a wheel, ``assets/`` and ``content/`` are packed inside the package as
``explorer/data/assets`` and ``explorer/data/content``; in a source checkout
(or an editable install) they are the folders at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


class ResourceError(LookupError):
    pass


@cache
def _root(name: str) -> Path:
    for candidate in (_PACKAGE / "data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"the shipped '{name}' folder is missing; reinstall Spine Explorer")


def asset(name: str) -> Path:
    """Path of a shipped asset by file name, e.g. ``asset("spine.svg")``."""
    root = _root("assets").resolve()
    path = (root / name).resolve()
    if root not in path.parents or not path.is_file():
        known = ", ".join(sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()))
        raise ResourceError(f"no asset named {name!r} (known: {known})")
    return path


def fonts() -> list[Path]:
    """The shipped font files (Atkinson Hyperlegible)."""
    return sorted((_root("assets") / "fonts").glob("*.woff2"))


def content_dir() -> Path:
    """The shipped content folder."""
    return _root("content")


def drawing_path() -> Path:
    return asset("spine.svg")


def body_path() -> Path:
    return asset("body.svg")


def app_strings_path() -> Path:
    """The app's own strings, for checking translations (written by tools/extract_strings.py)."""
    path = _PACKAGE / "model" / "app_strings.json"
    if not path.is_file():
        raise ResourceError("the shipped list of app strings is missing; reinstall Spine Explorer")
    return path
