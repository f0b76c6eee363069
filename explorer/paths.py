"""Where the app keeps its own files on this machine: configuration, cache and logs.

Qt's ``QStandardPaths`` knows each platform's folders (``~/.config``, ``%LOCALAPPDATA%``,
``~/Library``); only QtCore is needed, so ``set-pin`` and the other commands that need
a path start quickly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from explorer import __version__

APP_NAME = "Spine Explorer"


def set_names() -> None:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("")  # folders are "Spine Explorer", not nested twice
    QCoreApplication.setApplicationVersion(__version__)


def _location(kind: QStandardPaths.StandardLocation) -> Path | None:
    set_names()
    location = QStandardPaths.writableLocation(kind)
    return Path(location) if location else None


def cache_dir() -> Path | None:
    """Where the content cache lives (the platform's cache folder), if there is one."""
    return _location(QStandardPaths.StandardLocation.CacheLocation)


def default_config_path() -> Path | None:
    """``config.yaml`` in the platform's configuration folder for the app."""
    folder = _location(QStandardPaths.StandardLocation.AppConfigLocation)
    return folder / "config.yaml" if folder else None


def log_dir() -> Path | None:
    folder = _location(QStandardPaths.StandardLocation.AppDataLocation)
    return folder / "logs" if folder else None
