"""Watch mode: notice that a content folder changed, once it has held still for a moment.

:class:`ContentWatcher` watches the folder, its ``translations/`` folders and every file in
them with Qt's :class:`QFileSystemWatcher`, and says :attr:`ContentWatcher.changed` after
``delay_ms`` without another change (an editor's save is several events; a copy of many
files is many more).  Editors that save by writing a new file and renaming it over the
old one replace the file the watcher held, so after each change the list of watched
paths is made again.  A folder given through a symbolic link (a fleet's ``current``
link, swapped atomically) is watched through the link's own folder too, so the swap is
noticed, and so is a folder that does not exist yet (its first delivery).  What to do on
a change — load, check, show — is the caller's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DELAY_MS = 400


class ContentWatcher(QObject):
    changed = Signal()

    def __init__(self, folder: Path, extra_files: tuple[Path, ...] = (),
                 then: Callable[[], object] | None = None, delay_ms: int = DELAY_MS,
                 parent: QObject | None = None) -> None:
        """``extra_files``: drawings named in the configuration; ``then``: called after
        each change (and kept as long as the watcher)."""
        super().__init__(parent)
        self.folder = folder
        self.extra_files = extra_files
        self.then = then
        if then is not None:
            self.changed.connect(then)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._poke)
        self.watcher.fileChanged.connect(self._poke)
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(delay_ms)
        self.quiet.timeout.connect(self._settled)
        self.rearm()

    def paths(self) -> set[str]:
        """Every folder and file a change of the content can show up in."""
        folders = [self.folder]
        translations = self.folder / "translations"
        if translations.is_dir():
            folders += [translations, *(p for p in translations.iterdir() if p.is_dir())]
        places = [*folders, *(p.parent for p in self.extra_files)]
        if self.folder.is_symlink() or not self.folder.exists():
            places.append(_nearest_folder(self.folder.parent))  # where a link is swapped in
        files = [p for folder in folders if folder.is_dir() for p in folder.iterdir()
                 if p.suffix in (".yaml", ".svg")]
        return {str(p) for p in (*places, *files, *self.extra_files) if p.exists()}

    def rearm(self) -> None:
        """Watch exactly :meth:`paths` now (files replaced by a rename are new files)."""
        try:
            wanted = self.paths()
        except OSError:  # the folder is being replaced: look again on the next change
            wanted = set()
        held = set(self.watcher.files()) | set(self.watcher.directories())
        if held - wanted:
            self.watcher.removePaths(sorted(held - wanted))
        if wanted - held:
            self.watcher.addPaths(sorted(wanted - held))

    def _poke(self, _path: str) -> None:
        self.quiet.start()  # (again): wait until the changes stop

    def _settled(self) -> None:
        self.rearm()
        self.changed.emit()


def _nearest_folder(path: Path) -> Path:
    """``path``, or the nearest folder above it that exists (where it will appear)."""
    while not path.is_dir() and path.parent != path:
        path = path.parent
    return path
