"""systemd's notify protocol, from the Qt event loop: READY=1 once, then WATCHDOG=1 heartbeats.

A unit with ``Type=notify`` and ``WatchdogSec=`` restarts the app when the heartbeats
stop — that is, when the event loop hangs, not only when the process dies.  A few lines
of the standard library's socket module; nothing happens when ``NOTIFY_SOCKET`` is unset.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class SystemdNotifier(QObject):
    def __init__(self, env: Mapping[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        env = os.environ if env is None else env
        self.address = env.get("NOTIFY_SOCKET", "")
        if self.address.startswith("@"):  # an abstract socket
            self.address = "\0" + self.address[1:]
        usec = env.get("WATCHDOG_USEC", "")
        pid = env.get("WATCHDOG_PID", "")
        mine = not pid or pid == str(os.getpid())
        self.interval_ms = int(usec) // 2000 if usec.isdigit() and mine else 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.heartbeat)
        self.sent = 0

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def notify(self, message: str) -> bool:
        if not self.address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto(message.encode(), self.address)
            self.sent += 1
            return True
        except OSError as exc:
            log.warning("could not notify systemd at %r: %s", self.address, exc)
            return False

    def start(self) -> None:
        """Say the app is ready, and start the heartbeat if the unit asked for one."""
        if not self.enabled:
            return
        self.notify("READY=1")
        if self.interval_ms > 0:
            self.timer.start(max(self.interval_ms, 10))

    def heartbeat(self) -> None:
        self.notify("WATCHDOG=1")

    def stop(self) -> None:
        self.timer.stop()
        self.notify("STOPPING=1")
