#!/usr/bin/env python3
"""Write the app's strings (every literal passed to ``tr()`` or marked with ``N_()``) into
``explorer/model/app_strings.json``, the file ``spine-explorer validate`` checks each
language's ``ui.yaml`` against.  Run it after adding or changing a ``tr()`` call:

    python tools/extract_strings.py           write the file
    python tools/extract_strings.py --check   exit 1 if the file is out of date

Python's own parser reads the code, so every literal form counts: single or double quotes,
triple quotes, escapes and implicit concatenation (``tr("a " "b")``).  ``tr(kind.label)``
translates a string marked where it is written (``label=N_("Disc")``); but a text built at
run time (an f-string, ``+``, ``%`` or ``.format`` inside ``tr()``, anything but a literal
inside ``N_()``) can never match a translation, and is reported as ``file:line: message``;
the file is then not written.  Stdlib only, deterministic.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "explorer"
OUT = PACKAGE / "model" / "app_strings.json"
NOTE = "Written by tools/extract_strings.py from the tr() and N_() calls in explorer/; do not edit."


def _marker(func: ast.expr) -> str | None:
    """``"tr"`` or ``"N_"`` for ``tr(...)``, ``i18n.tr(...)``, ``N_(...)``; ``None`` for any
    other call (Qt's own ``self.tr`` among them)."""
    if isinstance(func, ast.Name):
        name = func.id
    elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
            and func.value.id == "i18n":
        name = func.attr
    else:
        return None
    return name if name in ("tr", "N_") else None


# A text made at run time: it can never equal an English string in a ui.yaml.
_BUILT = (ast.JoinedStr, ast.BinOp, ast.Call, ast.Constant)


def strings_in(source: str, shown: str, problems: list[str]) -> set[str]:
    """The literal texts of the ``tr()`` and ``N_()`` calls in one module's source."""
    found = set()
    for node in ast.walk(ast.parse(source, filename=shown)):
        marker = _marker(node.func) if isinstance(node, ast.Call) else None
        if marker is None:
            continue
        text = node.args[0] if node.args else None
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            found.add(text.value)
        elif text is None or marker == "N_" or isinstance(text, _BUILT):
            problems.append(f"{shown}:{node.lineno}: {marker}() needs a literal string as its "
                            "text, so the text can be translated ahead of time")
    return found


def extract(package: Path = PACKAGE) -> tuple[list[str], list[str]]:
    """``(strings, problems)``: every app string in the package's modules, sorted."""
    found: set[str] = set()
    problems: list[str] = []
    for path in sorted(package.rglob("*.py")):
        shown = path.relative_to(package.parent).as_posix()
        found |= strings_in(path.read_text(encoding="utf-8"), shown, problems)
    return sorted(found), problems


def render(strings: list[str]) -> str:
    """The data file's text: stable, one string per line, so a diff shows what changed."""
    return json.dumps({"note": NOTE, "strings": strings}, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    args = parser.parse_args(argv)
    strings, problems = extract()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    text = render(strings)
    current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
    if args.check:
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python tools/extract_strings.py",
                  file=sys.stderr)
            return 1
        return 0
    if current != text:
        OUT.write_text(text, encoding="utf-8")
    print(f"{len(strings)} app strings in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
