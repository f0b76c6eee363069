"""A desktop for the AT-SPI tests: an X server (Xvfb), a window manager (openbox), a D-Bus
session and the accessibility bus, all private to the test run, and the app started on it.

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
import time
from pathlib import Path

CLIENTS = Path(__file__).parent / "atspi"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SCREEN = (1280, 800)
APT = "xvfb openbox at-spi2-core python3-pyatspi dbus-x11"


def missing() -> str | None:
    """What this machine lacks to run the AT-SPI tests (None: nothing)."""
    for program in ("Xvfb", "openbox", "dbus-daemon"):
        if shutil.which(program) is None:
            return f"{program} is not installed (Debian: apt-get install {APT})"
    if not os.access(BUS_LAUNCHER, os.X_OK):
        return f"{BUS_LAUNCHER} is not installed (Debian: apt-get install at-spi2-core)"
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if check.returncode != 0:
        return f"{SYSTEM_PYTHON} cannot import pyatspi (Debian: apt-get install python3-pyatspi)"
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so"
    linked = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    lacking = [line.split()[0] for line in linked.splitlines() if "not found" in line]
    if lacking:
        return f"Qt's X11 plugin lacks {', '.join(lacking)} (see .ci/run for the packages)"
    return None


class Desktop:
    """Xvfb, openbox, a D-Bus session and the AT-SPI bus; :meth:`close` ends all four."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="spine-explorer-atspi-"))
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700)
        self.processes: list[subprocess.Popen] = []
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("DBUS_", "AT_SPI", "WAYLAND"))}
        self.env.update(XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="xcb",
                        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", PYTHONUNBUFFERED="1")
        try:
            self.env["DISPLAY"] = self._x_server()
            self.env["DBUS_SESSION_BUS_ADDRESS"] = self._session_bus()
            self._start([BUS_LAUNCHER, "--launch-immediately"])
            self._window_manager()
        except BaseException:
            self.close()
            raise

    def _start(self, command: list[str], **kwargs) -> subprocess.Popen:
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        process = subprocess.Popen(command, env=self.env, start_new_session=True, **kwargs)
        self.processes.append(process)
        return process

    def _x_server(self) -> str:
        read, write = os.pipe()
        width, height = SCREEN
        self._start(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                     "-nolisten", "tcp"], pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        return f":{number}"

    def _window_manager(self, timeout: float = 20) -> None:
        """openbox, waited for (a window shown before it runs would not get the focus)."""
        ready = self.folder / "openbox-ready"
        self._start(["openbox", "--sm-disable", "--startup", f"touch {ready}"])
        end = time.monotonic() + timeout
        while not ready.exists():
            if time.monotonic() > end:
                raise RuntimeError("openbox did not start")
            time.sleep(0.05)

    def _session_bus(self) -> str:
        bus = self._start(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                          stdout=subprocess.PIPE, text=True)
        address = bus.stdout.readline().strip()
        if not address:
            raise RuntimeError("the D-Bus session did not start")
        return address

    def app(self, *args: str) -> subprocess.Popen:
        """The app on this desktop (``python -m explorer ARGS``)."""
        log = open(self.folder / "app.log", "a", encoding="utf-8")  # noqa: SIM115
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
        shutil.rmtree(self.folder, ignore_errors=True)

