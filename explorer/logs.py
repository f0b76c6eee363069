"""Logging to a rotating file in the app's data folder; uncaught exceptions are logged, never
fatal to the event loop.  Only app events and errors are logged, never what a visitor does."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path

log = logging.getLogger("explorer")
_NOISE = ("This plugin does not support propagateSizeHints",)  # offscreen platform only


def setup_logging(log_dir: Path | None, level: int = logging.INFO) -> Path | None:
    """Log to stderr and, when possible, to ``log_dir/spine-explorer.log`` (1 MB × 3 files)."""
    root = logging.getLogger()
    root.setLevel(level)
    if not any(getattr(h, "_explorer", False) for h in root.handlers):
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console._explorer = True  # type: ignore[attr-defined]
        root.addHandler(console)
    path = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            path = log_dir / "spine-explorer.log"
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000,
                                                           backupCount=3, encoding="utf-8")
            handler.setFormatter(logging.Formatter(
                "%(asctime)s %(levelname)s %(name)s: %(message)s"))
            handler._explorer = True  # type: ignore[attr-defined]
            root.addHandler(handler)
        except OSError as exc:
            log.warning("cannot write the log file in %s: %s", log_dir, exc)
            path = None
    return path


def where(tb) -> str:
    """The code locations of a traceback, innermost last: ``file:line in function``.

    Only the code's own places: an exception's message and the values in its frames may
    name what a visitor opened or typed, and nothing a visitor does is logged."""
    import traceback

    return " <- ".join(f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
                       for frame in reversed(traceback.extract_tb(tb)))


def _log_exception(kind, value, tb) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.error("unhandled %s at %s (the app keeps running)", kind.__name__, where(tb))


def install_exception_hooks() -> None:
    """Exceptions in slots and event handlers are logged; the event loop carries on."""
    sys.excepthook = _log_exception
    threading.excepthook = lambda args: _log_exception(args.exc_type, args.exc_value,
                                                       args.exc_traceback)


def install_qt_message_handler() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
    qt_log = logging.getLogger("qt")

    def handler(kind, _context, message: str) -> None:
        if not message.startswith(_NOISE):
            qt_log.log(levels.get(kind, logging.WARNING), message)

    qInstallMessageHandler(handler)
