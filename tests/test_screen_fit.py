"""The desktop window fits the screen, frame included, under a real X server and window
manager (Xvfb + openbox), checked from outside the app with xwininfo and xprop."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QMargins, QRect, QSize

from explorer.ui.screenfit import fitted_client

TOOLS = ("Xvfb", "openbox", "xwininfo", "xprop")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
needs_x = pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} "
                             "(apt-get install xvfb openbox x11-utils; .ci/run does)")


def test_the_client_and_its_frame_fit_the_room():
    room = QRect(0, 0, 1024, 768)
    frame = QMargins(1, 20, 1, 5)
    client = fitted_client(room, frame)
    assert client.size() == QSize(1022, 743)
    assert room.contains(client.adjusted(-1, -20, 1, 5))
    big = fitted_client(QRect(0, 0, 1920, 1080), frame)
    assert big.size() == QSize(1280, 800)  # never larger than it is meant to be
    assert QRect(0, 0, 1920, 1080).contains(big.adjusted(-1, -20, 1, 5))


class X:
    """A private X server with a window manager, for one test."""

    def __init__(self, size: str) -> None:
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        self.manager = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.app: subprocess.Popen | None = None

    def run(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True,
                              timeout=10).stdout

    def start_app(self, *args: str) -> None:
        self.app = subprocess.Popen([sys.executable, "-m", "explorer", *args], env=self.env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def frame_of(self, title: str) -> QRect | None:
        """The window's frame on screen (client area plus the manager's frame extents)."""
        info = self.run("xwininfo", "-name", title)
        found = {key: int(value) for key, value in re.findall(
            r"(Absolute upper-left X|Absolute upper-left Y|Width|Height):\s+(-?\d+)", info)}
        window = re.search(r"Window id: (0x[0-9a-f]+)", info)
        if len(found) < 4 or window is None:
            return None
        extents = re.findall(r"\d+", self.run("xprop", "-id", window.group(1),
                                                "_NET_FRAME_EXTENTS").split("=")[-1])
        if len(extents) != 4:
            return None  # not framed yet
        left, right, top, bottom = map(int, extents)
        return QRect(found["Absolute upper-left X"] - left, found["Absolute upper-left Y"] - top,
                     found["Width"] + left + right, found["Height"] + top + bottom)

    def settled_frame(self, title: str, seconds: float = 20) -> QRect:
        """The frame once it has stayed the same for half a second."""
        last, since, end = None, time.monotonic(), time.monotonic() + seconds
        while time.monotonic() < end:
            frame = self.frame_of(title)
            if frame != last:
                last, since = frame, time.monotonic()
            elif frame is not None and time.monotonic() - since > 0.5:
                return frame
            time.sleep(0.1)
        raise AssertionError(f"no settled window {title!r}: last saw {last}")

    def close(self) -> None:
        for process in (self.app, self.manager, self.server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


@needs_x
@pytest.mark.parametrize("screen, settings", [
    ("1280x800", "language: en\n"),
    ("1024x768", "language: es\ntext_size: 200\n"),  # large text does not make it larger
])
def test_the_window_and_its_frame_fit_the_screen(tmp_path, screen, settings):
    config = tmp_path / "config.yaml"
    config.write_text(settings, encoding="utf-8")
    x = X(screen)
    try:
        x.start_app("--config", str(config))
        title = "Explorador de la columna" if "es" in settings else "Spine Explorer"
        frame = x.settled_frame(title)
        width, height = map(int, screen.split("x"))
        assert QRect(0, 0, width, height).contains(frame), (screen, frame)
        # and it uses the screen: not a small window in a corner
        assert frame.width() >= width - 40 and frame.height() >= height - 60, frame
    finally:
        x.close()
