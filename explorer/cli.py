"""Command line: start the app, or a sub-command for authors and scripts.

    spine-explorer [--content DIR] [--select ID] [--screenshot FILE [--size WxH]]
    spine-explorer validate [DIR]
    spine-explorer info ID [--json] [--content DIR]

``main(argv)`` returns the exit code: 0 fine, 1 content problems, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from explorer import __version__
from explorer.i18n import tr
from explorer.startup import Loaded, load_all


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,5})[xX](\d{3,5})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, not {text!r}")
    return int(match[1]), int(match[2])


def build_parser() -> argparse.ArgumentParser:
    content = argparse.ArgumentParser(add_help=False)
    content.add_argument("--content", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                         help="use this content folder instead of the shipped one")
    parser = argparse.ArgumentParser(
        prog="spine-explorer", parents=[content],
        description="Spine Explorer: tap a region of the spine and learn about it.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--select", metavar="ID", help="open on this region or condition")
    parser.add_argument("--screenshot", type=Path, metavar="FILE",
                        help="render the window to a PNG file and exit (no display needed)")
    parser.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH",
                        help="window size for --screenshot (default 1280x800)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser("validate", help="check a content folder and report problems")
    validate.add_argument("folder", nargs="?", type=Path, metavar="DIR",
                          help="content folder (default: the shipped content)")
    info = commands.add_parser("info", parents=[content], help="print the page for an id")
    info.add_argument("id", help="a region or condition id, e.g. lumbar or sciatica")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    content_dir = getattr(args, "content", None)
    if args.command == "validate":
        return validate(args.folder or content_dir)
    if args.command == "info":
        return info(load_all(content_dir), args.id, args.json)
    return run_app(args, content_dir)


def validate(folder: Path | None) -> int:
    loaded = load_all(folder)
    if loaded.problems:
        for problem in loaded.problems:
            print(problem)
        print(tr("{count} problem(s) found.", count=len(loaded.problems)), file=sys.stderr)
        return 1
    c = loaded.content
    print(tr("Content is valid: {regions} regions, {conditions} conditions, {muscles} muscles, "
             "{topics} topics, {areas} body areas ({folder}).",
             regions=len(c.regions), conditions=len(c.conditions), muscles=len(c.muscles),
             topics=len(c.topics), areas=len(c.body_areas), folder=loaded.folder))
    return 0


def _unknown(item_id: str, loaded: Loaded) -> int:
    c = loaded.content
    print(tr("Unknown id '{id}'. Region ids: {regions}. Condition ids: {conditions}.",
             id=item_id, regions=", ".join(r.id for r in c.regions),
             conditions=", ".join(x.id for x in c.conditions)), file=sys.stderr)
    return 2


def info(loaded: Loaded, item_id: str, as_json: bool) -> int:
    from explorer.model.describe import as_dict, as_text

    if loaded.content is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return 1
    entry = loaded.content.get("regions", item_id) or loaded.content.get("conditions", item_id)
    if entry is None:
        return _unknown(item_id, loaded)
    if as_json:
        print(json.dumps(as_dict(loaded.content, entry), indent=2, ensure_ascii=False))
    else:
        print(as_text(loaded.content, entry))
    return 0


def run_app(args: argparse.Namespace, content_dir: Path | None) -> int:
    from explorer import app as app_module

    if args.screenshot:
        app_module.use_offscreen()
    qt_app, window, loaded = app_module.start(content_dir)
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    if args.select and loaded.content is not None:
        kind = ("region" if loaded.content.get("regions", args.select) else
                "condition" if loaded.content.get("conditions", args.select) else None)
        if kind is None:
            return _unknown(args.select, loaded)
        window.show_page((kind, args.select))
    if args.screenshot:
        from PySide6.QtCore import QSize

        ok = app_module.screenshot(window, args.screenshot, QSize(*args.size))
        if not ok:
            print(tr("Could not write {file}", file=args.screenshot), file=sys.stderr)
        return 0 if ok else 1
    window.show()
    return qt_app.exec()
