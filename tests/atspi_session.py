"""A desktop for the AT-SPI tests: an X server with a window manager (``xsession.py``), a
D-Bus session and the accessibility bus, all private to the test run, and the app on them.

The clients that read the app as a screen reader would (``tests/atspi/*.py``) use pyatspi,
which lives in the system's Python, so they run as child processes of ``/usr/bin/python3``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from xsession import x_session

CLIENTS = Path(__file__).parent / "atspi"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SCREEN = (1280, 800)


def missing() -> str | None:
    """What this machine lacks for the accessibility bus and its client (None: nothing; the
    X server's tools are checked by :func:`xsession.x_session`)."""
    if shutil.which("dbus-daemon") is None:
        return "dbus-daemon is not installed (Debian: apt-get install dbus-x11)"
    if not os.access(BUS_LAUNCHER, os.X_OK):
        return f"{BUS_LAUNCHER} is not installed (Debian: apt-get install at-spi2-core)"
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if check.returncode != 0:
        return f"{SYSTEM_PYTHON} cannot import pyatspi (Debian: apt-get install python3-pyatspi)"
    return None


class Desktop:
    """X, openbox, a D-Bus session and the AT-SPI bus; :meth:`close` ends them all."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="spine-explorer-atspi-"))
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700)
        self.processes: list[subprocess.Popen] = []
        self._x = contextlib.ExitStack()
        try:
            x_env = self._x.enter_context(x_session(*SCREEN))
            self.env = {key: value for key, value in x_env.items()
                        if not key.startswith(("DBUS_", "AT_SPI"))}
            self.env.update(XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="xcb",
                            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", PYTHONUNBUFFERED="1")
            self.env["DBUS_SESSION_BUS_ADDRESS"] = self._session_bus()
            self._start([BUS_LAUNCHER, "--launch-immediately"])
        except BaseException:
            self.close()
            raise

    def _start(self, command: list[str], **kwargs) -> subprocess.Popen:
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        process = subprocess.Popen(command, env=self.env, start_new_session=True, **kwargs)
        self.processes.append(process)
        return process

    def _session_bus(self) -> str:
        bus = self._start(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                          stdout=subprocess.PIPE, text=True)
        address = bus.stdout.readline().strip()
        if not address:
            raise RuntimeError("the D-Bus session did not start")
        return address

    def app(self, *args: str) -> subprocess.Popen:
        """The app on this desktop (``python -m explorer ARGS``)."""
        with open(self.folder / "app.log", "w", encoding="utf-8") as log:  # this app's only
            return self._start([sys.executable, "-m", "explorer", *args], stdout=log,
                               stderr=subprocess.STDOUT)

    def client(self, script: str, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        """Run ``tests/atspi/SCRIPT`` under the system's Python; its output is returned."""
        return subprocess.run([SYSTEM_PYTHON, str(CLIENTS / script), *args], env=self.env,
                              capture_output=True, text=True, timeout=timeout)

    def app_log(self) -> str:
        path = self.folder / "app.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    @staticmethod
    def stop(process: subprocess.Popen) -> None:
        """End ``process`` (and what it started), by its id."""
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)

    def close(self) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                self.stop(process)
        self._x.close()
        shutil.rmtree(self.folder, ignore_errors=True)

