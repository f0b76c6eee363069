"""A real X server with a window manager for the tests that need one: Xvfb and openbox
(Debian packages `xvfb`, `openbox`; `xdotool`, `wmctrl` and `x11-utils` to drive and read
it).  The app runs in a child process on that display, as it runs on a clinic's PC.

Without them a test is skipped with the reason; under ``CI=true`` it fails instead, so CI
can never pass by skipping.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest

TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xprop", "xwininfo")


def need_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        reason = f"needs {', '.join(missing)} (Debian: xvfb openbox xdotool wmctrl x11-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def wait_for(condition: Callable[[], object], timeout: float = 10.0, what: str = "") -> object:
    """Poll ``condition`` until it is true (returns its value) or fail after ``timeout``."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.1)


@contextlib.contextmanager
def x_session(width: int = 1280, height: int = 800) -> Iterator[dict[str, str]]:
    """An X server of ``width``×``height`` with openbox; yields the environment to run in."""
    need_tools()
    server, env = _start_server(width, height)
    manager = _start_manager(env)
    try:
        yield env
    finally:
        for process in (manager, server):
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)


def _start_manager(env: dict[str, str]) -> subprocess.Popen:
    """openbox, once it answers (it now and then quits at once on a new server: again)."""
    for _ in range(5):
        manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        wait_for(lambda manager=manager: manager.poll() is not None or
                 run(env, "wmctrl", "-m", check=False).returncode == 0,
                 what="the window manager")
        if manager.poll() is None:
            return manager
    raise AssertionError("openbox would not start")


def _start_server(width: int, height: int) -> tuple[subprocess.Popen, dict[str, str]]:
    """Xvfb on a display number no one else uses (other test runs may hold some, or have
    left a socket behind), checked to answer before it is used."""
    base = {key: value for key, value in os.environ.items()
            if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    for _ in range(10):
        number = random.randint(100, 999)
        if os.path.exists(f"/tmp/.X{number}-lock") or \
                os.path.exists(f"/tmp/.X11-unix/X{number}"):
            continue
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24",
                                   "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
        env = {**base, "DISPLAY": f":{number}"}
        try:
            wait_for(lambda server=server, env=env: server.poll() is not None or
                     run(env, "xprop", "-root", check=False).returncode == 0, timeout=10)
        except AssertionError:
            server.kill()
            continue
        if server.poll() is None:
            return server, env
    raise AssertionError("could not start an X server")


def run(env: dict[str, str], *command: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, capture_output=True, text=True, check=check,
                          timeout=20)


def window_of(env: dict[str, str], name: str) -> str:
    """The id of the visible window called ``name`` (waits for it)."""
    def found() -> str:
        out = run(env, "xdotool", "search", "--onlyvisible", "--name", name, check=False)
        return out.stdout.split()[0] if out.stdout.split() else ""
    return str(wait_for(found, timeout=30, what=f"a window called {name!r}"))


def window_state(env: dict[str, str], window: str) -> dict[str, object]:
    """What the X server and the window manager say about ``window``."""
    info = run(env, "xwininfo", "-id", window).stdout
    states = run(env, "xprop", "-id", window, "_NET_WM_STATE").stdout
    desktop = run(env, "xprop", "-id", window, "_NET_WM_DESKTOP").stdout.split("=")[-1].strip()
    current = run(env, "xprop", "-root", "_NET_CURRENT_DESKTOP").stdout.split("=")[-1].strip()
    active = run(env, "xdotool", "getactivewindow", check=False).stdout.strip()
    geometry = {key: int(value) for key, value in (
        line.strip().split(": ") for line in info.splitlines()
        if line.strip().startswith(("Absolute upper-left X", "Absolute upper-left Y",
                                    "Width", "Height")))}
    return {"mapped": "IsViewable" in info, "full_screen": "_NET_WM_STATE_FULLSCREEN" in states,
            "on_top": "_NET_WM_STATE_ABOVE" in states, "active": active == window,
            "on_current_desktop": desktop in (current, "4294967295"), "geometry": geometry}


def popup_menus(env: dict[str, str]) -> list[str]:
    """Visible windows that are pop-up menus (the window manager's own, among others)."""
    shown = run(env, "xdotool", "search", "--onlyvisible", "--name", "", check=False)
    return [window for window in shown.stdout.split()
            if "_NET_WM_WINDOW_TYPE_POPUP_MENU" in
            run(env, "xprop", "-id", window, "_NET_WM_WINDOW_TYPE", check=False).stdout]
