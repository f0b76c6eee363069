"""The kiosk holds its place under a real window manager (Xvfb + openbox), whatever the
manager or another program does to its window: it comes back full screen, in front and
with the keyboard, and the manager's own shortcuts never open over it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from xsession import popup_menus, run, wait_for, window_of, window_state, x_session

pytestmark = pytest.mark.slow  # starts an X server and the whole app


@pytest.fixture(scope="module")
def kiosk_on_x(tmp_path_factory):
    home = tmp_path_factory.mktemp("kiosk-home")
    with x_session(1280, 800) as env:
        env = {**env, **{name: str(home / name.lower()) for name in
                         ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")}}
        config = home / "config.yaml"
        config.write_text("kiosk: true\nreduced_motion: true\n", encoding="utf-8")
        app = subprocess.Popen([sys.executable, "-m", "explorer", "--kiosk", "--config",
                                str(config)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, cwd=Path(__file__).parent.parent)
        try:
            window = window_of(env, "Spine Explorer")
            wait_for(lambda: held(env, window), what="the kiosk full screen and active")
            yield env, window
        finally:
            app.terminate()
            app.wait(10)


LAST: dict[str, object] = {}


def held(env, window) -> bool:
    state = LAST["state"] = window_state(env, window)
    return bool(state["mapped"] and state["full_screen"] and state["active"] and
                state["on_current_desktop"] and state["geometry"].get("Width") == 1280)


ESCAPES = {
    "another desktop": ["wmctrl", "-s", "1"],
    "minimised": ["xdotool", "windowminimize", "{w}"],
    "full screen taken away": ["wmctrl", "-i", "-r", "{w}", "-b", "remove,fullscreen"],
    "unmapped": ["xdotool", "windowunmap", "{w}"],
    "show the desktop": ["wmctrl", "-k", "on"],
}


@pytest.mark.parametrize("escape", list(ESCAPES))
def test_the_window_comes_back(kiosk_on_x, escape):
    env, window = kiosk_on_x
    if escape == "another desktop":
        run(env, "wmctrl", "-n", "2")
    run(env, *[part.replace("{w}", window) for part in ESCAPES[escape]])
    try:
        wait_for(lambda: held(env, window), timeout=20)
    except AssertionError:
        raise AssertionError(f"not back after: {escape}: {LAST['state']}") from None


def test_another_program_cannot_keep_the_keyboard(kiosk_on_x):
    env, window = kiosk_on_x
    other = subprocess.Popen([sys.executable, "-c", (
        "from PySide6.QtWidgets import QApplication, QLabel; app = QApplication([]); "
        "w = QLabel('another program'); w.setWindowTitle('Another program'); w.show(); "
        "w.activateWindow(); app.exec()")], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    try:
        intruder = window_of(env, "Another program")
        run(env, "xdotool", "windowactivate", intruder, check=False)
        wait_for(lambda: held(env, window), timeout=20, what="the keyboard back")
    finally:
        other.terminate()
        other.wait(10)


def test_the_window_menu_shortcut_never_opens(kiosk_on_x):
    """Alt+Space is openbox's window menu; the kiosk holds the keyboard, so it goes to the
    kiosk (which swallows it) and the letters typed next still reach the app."""
    env, window = kiosk_on_x
    run(env, "xdotool", "key", "alt+space")
    try:
        wait_for(lambda: popup_menus(env), timeout=1.5)
    except AssertionError:
        pass  # no menu within the time one would open in: good
    else:
        run(env, "xdotool", "key", "Escape")
        raise AssertionError("the window manager's menu opened over the kiosk")
    assert held(env, window)

