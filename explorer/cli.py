"""Command line: start the app, or a sub-command for authors and scripts.

    spine-explorer [--kiosk] [--config FILE] [--content DIR] [--watch] [--select ID]
                   [--screenshot FILE [--size WxH]]
    spine-explorer validate [DIR] [--json]
    spine-explorer info ID [--json] [--content DIR]
    spine-explorer search QUERY… [--lang CODE] [--json] [--config FILE] [--content DIR]
    spine-explorer set-pin [--config FILE]
    spine-explorer handout ID --output FILE.pdf [--lang CODE] [--config FILE] [--large-print]

``main(argv)`` returns the exit code: 0 fine, 1 content problems, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from explorer import __version__
from explorer.model.i18n import tr
from explorer.model.world import Loaded, load_all

if TYPE_CHECKING:
    from explorer.model.content import Content


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
    parser.add_argument("--lang", metavar="CODE",
                        help="the language to start in, e.g. en or es (default: from the "
                             "configuration)")
    parser.add_argument("--kiosk", action="store_true",
                        help="full screen, locked down, resets itself when idle")
    parser.add_argument("--config", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                        help="the configuration file (default: config.yaml in the app's "
                             "configuration folder)")
    parser.add_argument("--watch", action="store_true",
                        help="reload the content whenever a file in its folder changes")
    parser.add_argument("--select", metavar="ID", help="open on this region or condition")
    parser.add_argument("--screenshot", type=Path, metavar="FILE",
                        help="render the window to a PNG file and exit (no display needed)")
    parser.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH",
                        help="window size for --screenshot (default 1280x800)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser("validate", help="check a content folder and report problems")
    validate.add_argument("folder", nargs="?", type=Path, metavar="DIR",
                          help="content folder (default: the shipped content)")
    validate.add_argument("--json", action="store_true",
                          help="print one JSON object: ok, problems (file, line, message), "
                               "and counts")
    info = commands.add_parser("info", parents=[content], help="print the page for an id")
    info.add_argument("id", help="a region, condition, vertebra, disc, nerve-root or body-area "
                                 "id, e.g. lumbar, sciatica, L5, L4-L5, nerve-L5, saddle_area")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    info.add_argument("--lang", metavar="CODE", default=argparse.SUPPRESS,
                      help="the language to print in, e.g. en or es (default: en)")
    info.add_argument("--config", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                      help="the configuration file whose emergency_number to print")
    handout = commands.add_parser("handout", parents=[content],
                                  help="write the handout of a page to a PDF file")
    handout.add_argument("id", help="the page's id, as for info (or a topic's id)")
    handout.add_argument("--output", type=Path, metavar="FILE.pdf", required=True,
                         help="the PDF file to write")
    handout.add_argument("--lang", metavar="CODE", default=argparse.SUPPRESS,
                         help="its language, e.g. es (default: the configuration's)")
    handout.add_argument("--config", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                         help="the configuration with the clinic's details and the paper")
    handout.add_argument("--large-print", action="store_true", help="larger type")
    search = commands.add_parser("search", parents=[content],
                                 help="the pages search finds for a query, best first")
    search.add_argument("query", nargs="+", help="what a person would type, e.g. pain down my leg")
    search.add_argument("--lang", metavar="CODE", default=argparse.SUPPRESS,
                        help="the language to search in (default: en)")
    search.add_argument("--json", action="store_true",
                        help="print a JSON list of {id, kind, name, score}")
    search.add_argument("--config", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                        help="the configuration file whose emergency_number to print")
    pin = commands.add_parser("set-pin", help="set the staff PIN that opens the kiosk's staff menu")
    pin.add_argument("--config", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                     help="the configuration file to store the PIN's hash in")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    content_dir = getattr(args, "content", None)
    if args.command == "validate":
        return validate(args.folder or content_dir, args.json)
    if args.command == "info":
        return info(load_all(content_dir), args.id, args.json, getattr(args, "lang", None),
                    getattr(args, "config", None))
    if args.command == "search":
        return search(load_all(content_dir), " ".join(args.query), getattr(args, "lang", None),
                      args.json, getattr(args, "config", None))
    if args.command == "set-pin":
        return set_pin(getattr(args, "config", None))
    if args.command == "handout":
        return handout(args, content_dir)
    return run_app(args, content_dir)


def validate(folder: Path | None, as_json: bool = False) -> int:
    loaded = load_all(folder)
    if as_json:
        print(json.dumps(validation_report(loaded), indent=2, ensure_ascii=False))
        return 1 if loaded.problems else 0
    for warning in loaded.warnings:  # reviews due: worth doing, never a failure
        print(warning)
    c = loaded.content
    if loaded.problems or c is None:  # content is None only when there are problems
        for problem in loaded.problems:
            print(problem)
        print(tr("{count} problem(s) found.", count=len(loaded.problems)), file=sys.stderr)
        return 1
    languages = ", ".join(["en", *loaded.languages])
    print(tr("Content is valid: {regions} regions, {conditions} conditions, {muscles} muscles, "
             "{topics} topics, {areas} body areas, {levels} levels; languages {languages} "
             "({folder}).", regions=len(c.regions), conditions=len(c.conditions),
             muscles=len(c.muscles), topics=len(c.topics), areas=len(c.body_areas),
             levels=len(c.vertebrae) + len(c.discs) + len(c.nerve_roots), languages=languages,
             folder=loaded.folder))
    return 0


def validation_report(loaded: Loaded) -> dict:
    """What ``validate --json`` prints, for scripts and delivery pipelines."""
    c = loaded.content
    counts = {} if c is None else {
        "regions": len(c.regions), "conditions": len(c.conditions), "muscles": len(c.muscles),
        "topics": len(c.topics), "body_areas": len(c.body_areas),
        "levels": len(c.vertebrae) + len(c.discs) + len(c.nerve_roots)}
    return {"ok": not loaded.problems, "folder": str(loaded.folder),
            "problems": [{"file": p.file, "line": p.line, "message": p.message}
                         for p in loaded.problems],
            "warnings": [{"file": p.file, "line": p.line, "message": p.message}
                         for p in loaded.warnings],
            "languages": ["en", *loaded.languages] if c is not None else [], "counts": counts}


def _unknown(item_id: str, c: Content) -> int:
    import difflib

    from explorer.model.kinds import DESCRIBED

    ids = [e.id for kind in DESCRIBED for e in getattr(c, kind.collection)]
    close = difflib.get_close_matches(item_id, ids, n=3)
    hint = tr(" Did you mean: {ids}?", ids=", ".join(close)) if close else ""
    print(tr("Unknown id '{id}'.", id=item_id) + hint + " " + tr(
        "Ids are regions ({regions}), conditions (e.g. {condition}), vertebrae (C1 … L5, sacrum, "
        "coccyx), discs (C2-C3 … L5-S1), nerve roots (nerve-C1 … nerve-Co1) and body areas "
        "(e.g. saddle_area).", regions=", ".join(r.id for r in c.regions),
        condition=c.conditions[0].id), file=sys.stderr)
    return 2


def _localized(loaded: Loaded, code: str | None):
    """The content in language ``code`` (its app strings too), or ``None`` if unknown."""
    from explorer.model import i18n
    from explorer.model.translations import BASE, localize

    if not code or code == BASE:
        return loaded.content
    if code not in loaded.languages:
        return None
    language = loaded.languages[code]
    i18n.set_catalog(code, language.ui)
    return localize(loaded.content, language) if loaded.content is not None else None


def _content_in(loaded: Loaded, lang: str | None) -> Content | int:
    """The content in ``lang`` for info and search, or the exit code once the reason there
    is none has been printed: 1 for content problems, 2 for an unknown language."""
    if loaded.content is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return 1
    content = _localized(loaded, lang)
    if content is None:
        print(tr("Unknown language '{code}'; the content has: {codes}.", code=lang,
                 codes=", ".join(["en", *loaded.languages])), file=sys.stderr)
        return 2
    return content


def info(loaded: Loaded, item_id: str, as_json: bool, lang: str | None = None,
         config_file: Path | None = None) -> int:
    from explorer.config import load_config
    from explorer.model import kinds
    from explorer.model.describe import as_text

    content = _content_in(loaded, lang)
    if isinstance(content, int):
        return content
    found = kinds.find(content, item_id)
    describe = found[0].describe if found is not None else None
    if found is None or describe is None:  # every kind find() knows has one
        return _unknown(item_id, content)  # ids are the same in every language
    data = describe(content, found[1])
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(as_text(data, load_config(config_file).config.emergency_number))
    return 0


def handout(args: argparse.Namespace, content_dir: Path | None) -> int:
    """Write one page's handout to a PDF file, as the app would print it (no display
    needed).  Nothing else is written."""
    from explorer.config import load_config
    from explorer.model import handout as handouts
    from explorer.model.i18n import set_catalog
    from explorer.model.world import World

    settings = load_config(_config_path(getattr(args, "config", None)))
    for problem in settings.problems:
        print(problem, file=sys.stderr)
    config = settings.config
    loaded = load_all(content_dir or config.content_dir(settings.path))
    if loaded.content is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return 1
    world = World(loaded)
    code = getattr(args, "lang", None) or config.language
    if not world.knows(code):
        print(tr("Unknown language '{code}'; the languages are {codes}.", code=code,
                 codes=", ".join(world.language_names())), file=sys.stderr)
        return 2
    language = world.language(code)
    set_catalog(code, language.ui if language else {})
    key = handouts.key_of(loaded.content, args.id)
    if key is None:
        return _unknown(args.id, loaded.content)
    from explorer import app as app_module
    from explorer.ui.handout.printout import make, write_pdf

    app_module.use_offscreen()
    app_module.application()  # fonts
    printout = make(world, key, code, app_module.handout_settings(config),
                    large=args.large_print)
    if printout is None or not write_pdf(printout, args.output):
        print(tr("Could not write {file}", file=args.output), file=sys.stderr)
        return 1
    return 0


def search(loaded: Loaded, query: str, lang: str | None, as_json: bool,
           config_file: Path | None = None) -> int:
    """Print what search finds for ``query``: authors and staff check their words with it.
    First, when the query names an emergency sign, the emergency heading and those signs."""
    from explorer.config import load_config
    from explorer.model.kinds import BY_COLLECTION
    from explorer.model.search import SearchIndex
    from explorer.model.signs import heading

    content = _content_in(loaded, lang)
    if isinstance(content, int):
        return content
    index = SearchIndex(content)
    results = index.search(query)
    if as_json:
        print(json.dumps([{"id": r.id, "kind": BY_COLLECTION[r.kind].json_kind,
                           "name": r.name, "score": r.score} for r in results],
                         indent=2, ensure_ascii=False))
        return 0
    signs = index.emergency(query)
    if signs:
        number = load_config(config_file).config.emergency_number
        print("☎ " + heading("emergency", number)[0])
        for sign in signs:
            print(f"    – {sign.text}")
    if not results:
        print(tr("Nothing found for “{query}”.", query=query))
    for place, r in enumerate(results, 1):
        print(f"{place:2}. {r.name} ({BY_COLLECTION[r.kind].json_kind} {r.id}, {r.score:g})")
    return 0


def _config_path(given: Path | None) -> Path | None:
    if given is not None:
        return given
    from explorer.paths import default_config_path

    return default_config_path()


def _read_pin(prompt: str) -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    line = sys.stdin.readline()  # scripted set-up: the PIN twice on standard input
    return line.rstrip("\r\n")


def set_pin(config_file: Path | None) -> int:
    from explorer.config import ConfigWriteError, hash_pin, valid_pin, write_pin_hash

    path = _config_path(config_file)
    if path is None:
        print(tr("No configuration folder is available; give one with --config FILE."),
              file=sys.stderr)
        return 2
    first = _read_pin(tr("New staff PIN (4 to 8 digits): "))
    if not valid_pin(first):
        print(tr("A PIN is 4 to 8 of the digits 0 to 9."), file=sys.stderr)
        return 1
    if _read_pin(tr("The same PIN again: ")) != first:
        print(tr("The two PINs are not the same; nothing was changed."), file=sys.stderr)
        return 1
    try:
        write_pin_hash(path, hash_pin(first))
    except ConfigWriteError as exc:
        print(tr("Could not set the PIN; nothing was changed: {reason}", reason=exc),
              file=sys.stderr)
        return 1
    except OSError as exc:
        print(tr("Could not write {file}: {error}", file=path, error=exc.strerror),
              file=sys.stderr)
        return 1
    print(tr("The staff PIN is set (only a salted hash is stored) in {file}.", file=path))
    return 0


def run_app(args: argparse.Namespace, content_dir: Path | None) -> int:
    from explorer import app as app_module

    if args.screenshot:
        app_module.use_offscreen()
    _set_up_logging(app_module)  # first: a kiosk's start-up problems belong in the log
    started = app_module.start(content_dir, getattr(args, "config", None), args.kiosk,
                               args.lang, args.watch)
    window, world = started.window, started.world
    for problem in started.config_problems:
        logging.getLogger("explorer").warning("configuration: %s", problem)
    for problem in world.problems:
        print(problem, file=sys.stderr)
    if args.select and world.base is not None:
        from explorer.model import kinds

        found = kinds.find(world.base, args.select)
        if found is None or not found[0].page_class:
            return _unknown(args.select, world.base)
        window.show_page((found[0].page, args.select))
    if args.screenshot:
        from PySide6.QtCore import QSize

        ok = app_module.screenshot(window, args.screenshot, QSize(*args.size))
        if not ok:
            print(tr("Could not write {file}", file=args.screenshot), file=sys.stderr)
        return 0 if ok else 1
    return _run_event_loop(app_module, started)


def _set_up_logging(app_module) -> None:
    from explorer.logs import install_exception_hooks, install_qt_message_handler, setup_logging

    setup_logging(app_module.log_dir())
    install_exception_hooks()
    install_qt_message_handler()


def _run_event_loop(app_module, started) -> int:
    from PySide6.QtCore import QTimer

    from explorer.kiosk.watchdog import SystemdNotifier

    fit = None  # on a desktop, kept while the window is up (it corrects the window's size)
    if started.kiosk is not None:
        started.kiosk.show()
    else:
        fit = app_module.show_desktop(started.window)
    notifier = SystemdNotifier(parent=started.window)
    QTimer.singleShot(0, notifier.start)
    QTimer.singleShot(50, lambda: app_module.attach_reader(started.window))
    code = started.app.exec()
    notifier.stop()
    del fit
    return code
