"""The desktop window fits the screen, frame included, under a real X server and window
manager (Xvfb + openbox, ``tests/xsession.py``), checked from outside the app."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QRect, QSize

from explorer.ui.screenfit import fitted_client
from xsession import run, window_of, x_session


def test_the_client_and_its_frame_fit_the_room():
    room = QRect(0, 0, 1024, 768)
    frame = QMargins(1, 20, 1, 5)
    client = fitted_client(room, frame)
    assert client.size() == QSize(1022, 743)
    assert room.contains(client.adjusted(-1, -20, 1, 5))
    big = fitted_client(QRect(0, 0, 1920, 1080), frame)
    assert big.size() == QSize(1280, 800)  # never larger than it is meant to be
    assert QRect(0, 0, 1920, 1080).contains(big.adjusted(-1, -20, 1, 5))


def frame_of(env: dict[str, str], window: str) -> QRect | None:
    """The window's frame on screen: its client area plus the manager's frame extents."""
    info = run(env, "xwininfo", "-id", window).stdout
    found = {key: int(value) for key, value in re.findall(
        r"(Absolute upper-left X|Absolute upper-left Y|Width|Height):\s+(-?\d+)", info)}
    extents = re.findall(r"\d+", run(env, "xprop", "-id", window, "_NET_FRAME_EXTENTS",
                                     check=False).stdout.split("=")[-1])
    if len(found) < 4 or len(extents) != 4:
        return None  # not framed yet
    left, right, top, bottom = map(int, extents)
    return QRect(found["Absolute upper-left X"] - left, found["Absolute upper-left Y"] - top,
                 found["Width"] + left + right, found["Height"] + top + bottom)


def settled_frame(env: dict[str, str], window: str, seconds: float = 20) -> QRect:
    """The frame once it has stayed the same for half a second."""
    last, since, end = None, time.monotonic(), time.monotonic() + seconds
    while time.monotonic() < end:
        frame = frame_of(env, window)
        if frame != last:
            last, since = frame, time.monotonic()
        elif frame is not None and time.monotonic() - since > 0.5:
            return frame
        time.sleep(0.1)
    raise AssertionError(f"the window's frame never settled: last {last}")


@pytest.mark.slow  # starts an X server and the whole app
@pytest.mark.parametrize("width, height, settings, title", [
    (1280, 800, "language: en\n", "Spine Explorer"),
    # large text in Spanish does not make the window larger than the screen either
    (1024, 768, "language: es\ntext_size: 200\n", "Explorador de la columna"),
])
def test_the_window_and_its_frame_fit_the_screen(tmp_path, width, height, settings, title):
    config = tmp_path / "config.yaml"
    config.write_text(settings, encoding="utf-8")
    with x_session(width, height) as env:
        env = {**env, **{name: str(tmp_path / name.lower()) for name in
                         ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")}}
        app = subprocess.Popen([sys.executable, "-m", "explorer", "--config", str(config)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=Path(__file__).parent.parent)
        try:
            frame = settled_frame(env, window_of(env, title))
        finally:
            app.terminate()
            app.wait(10)
    assert QRect(0, 0, width, height).contains(frame), frame
    assert frame.width() >= width - 40 and frame.height() >= height - 60, frame  # it uses it
