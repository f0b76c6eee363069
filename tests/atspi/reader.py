"""A small screen reader for the tests: finds Spine Explorer on the AT-SPI bus, follows the
focus and the announcements as Orca would hear them, reads names, roles, states, headings
and text, and presses real keys (through the X server, as a person's keyboard does).

Runs under the system's Python (``/usr/bin/python3``), where pyatspi lives.
"""

from __future__ import annotations

import sys
import time

import pyatspi
from gi.repository import Gio, GLib

APP = "Spine Explorer"
SYMBOLS = "✚⚠☎›⌫▶◐⌂‹■·●"
KEYS = {"Return": 0xFF0D, "KP_Enter": 0xFF8D, "Tab": 0xFF09, "ISO_Left_Tab": 0xFE20,
        "space": 0x20, "BackSpace": 0xFF08, "Home": 0xFF50, "End": 0xFF57,
        "Left": 0xFF51, "Up": 0xFF52, "Right": 0xFF53, "Down": 0xFF54,
        **{digit: ord(digit) for digit in "0123456789"}}
SHIFT = 1


def say(message: str) -> None:
    print(f"ok: {message}", flush=True)


def check(condition: bool, message: str) -> None:
    """A check that stops the scenario with ``message`` when it fails."""
    if not condition:
        raise AssertionError(message)
    say(message)


class Reader:
    """What the screen reader knows: the app, the focus, what it was asked to say."""

    def __init__(self, timeout: float = 30) -> None:
        self.focused = None
        self.announcements: list[str] = []
        pyatspi.Registry.registerEventListener(self._focus, "object:state-changed:focused")
        pyatspi.Registry.registerEventListener(self._announce, "object:announcement")
        self.app = self.wait(self._find_app, timeout, "the app on the accessibility bus")
        self.window = self.wait(lambda: self.app.getChildAtIndex(0), timeout, "its window")
        self.wait(lambda: self.window.getState().contains(pyatspi.STATE_ACTIVE)
                  or None, timeout, "its window active")

    # -- events -------------------------------------------------------------------------------
    def _focus(self, event) -> None:
        if event.detail1:
            self.focused = event.source

    def _announce(self, event) -> None:
        self.announcements.append(str(event.any_data))

    @staticmethod
    def _find_app():
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == APP:
                return app
        return None

    def pump(self, seconds: float = 0.05) -> None:
        """Let events arrive for a moment."""
        end = time.monotonic() + seconds
        context = GLib.MainContext.default()
        while time.monotonic() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.01)

    def wait(self, find, timeout: float = 10, what: str = "it"):
        """``find()``'s first true answer, waiting up to ``timeout`` seconds for it."""
        end = time.monotonic() + timeout
        while True:
            try:
                found = find()
            except Exception:  # noqa: BLE001 - the tree changes under our feet
                found = None
            if found:
                return found
            if time.monotonic() > end:
                raise AssertionError(f"waited {timeout} s for {what}")
            self.pump(0.05)

    def heard(self, text: str, timeout: float = 10) -> str:
        """Wait for an announcement that contains ``text``; forget those before it."""
        def find():
            for index, said in enumerate(self.announcements):
                if text in said:
                    del self.announcements[:index + 1]
                    return said
            return None
        return self.wait(find, timeout, f"an announcement with {text!r} "
                                        f"(heard {self.announcements})")

    def focus_on(self, match, timeout: float = 10, what: str = "the focus"):
        """Wait until the focused object matches ``match(accessible)``; return it."""
        return self.wait(lambda: self.focused if self.focused is not None and alive(
            self.focused) and match(self.focused) else None, timeout,
            f"{what} (focus is on {describe(self.focused)})")

    # -- keys ---------------------------------------------------------------------------------
    def press(self, key: str, shift: bool = False) -> None:
        """A real key press and release, through the X server."""
        if shift:
            pyatspi.Registry.generateKeyboardEvent(SHIFT, None, pyatspi.KEY_LOCKMODIFIERS)
        pyatspi.Registry.generateKeyboardEvent(KEYS[key], None, pyatspi.KEY_SYM)
        if shift:
            pyatspi.Registry.generateKeyboardEvent(SHIFT, None, pyatspi.KEY_UNLOCKMODIFIERS)
        self.pump(0.15)

    def type(self, text: str) -> None:
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
        self.pump(0.2)

    def tap(self, x: int, y: int) -> None:
        pyatspi.Registry.generateMouseEvent(x, y, "b1c")
        self.pump(0.1)

    # -- the tree -----------------------------------------------------------------------------
    def find_all(self, match, root=None, showing_only: bool = True) -> list:
        """Every object under ``root`` (default: the window) that ``match`` accepts; hidden
        parts are skipped, as a screen reader skips them."""
        found = []

        def walk(node) -> None:
            for index in range(node.childCount):
                child = node.getChildAtIndex(index)
                if child is None:
                    continue
                if showing_only and not child.getState().contains(pyatspi.STATE_SHOWING):
                    continue
                if match(child):
                    found.append(child)
                walk(child)
        walk(root or self.window)
        return found

    def find(self, role: str, name: str | None = None, root=None, timeout: float = 10):
        """The first showing object with this role (and name), waiting for it to appear."""
        def look():
            hits = self.find_all(lambda a: a.getRoleName() == role and (
                name is None or a.name == name), root)
            return hits[0] if hits else None
        return self.wait(look, timeout, f"a {role} named {name!r}")

    def page(self):
        """The document on screen: the page the person is reading."""
        return self.find("document frame")


# -- reading one object -----------------------------------------------------------------------
def alive(accessible) -> bool:
    try:
        accessible.getRole()
        return True
    except Exception:  # noqa: BLE001
        return False


def describe(accessible) -> str:
    if accessible is None or not alive(accessible):
        return "nothing"
    return f"{accessible.getRoleName()} {accessible.name!r}"


def text_of(accessible) -> str:
    """What the Text interface gives, as a screen reader reads it."""
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


_BUS: list = []


def locale(accessible) -> str:
    """The language an object says it is in, asked afresh each time (pyatspi's
    get_object_locale keeps its first answer for good)."""
    if not _BUS:
        session = Gio.bus_get_sync(Gio.BusType.SESSION)
        address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                    "GetAddress", None, GLib.VariantType("(s)"),
                                    Gio.DBusCallFlags.NONE, -1).unpack()[0]
        flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
                 Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        _BUS.append(Gio.DBusConnection.new_for_address_sync(address, flags))
    reply = _BUS[0].call_sync(accessible.app.bus_name, accessible.path,
                              "org.freedesktop.DBus.Properties", "Get",
                              GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Locale")),
                              GLib.VariantType("(v)"), Gio.DBusCallFlags.NONE, -1)
    return reply.unpack()[0]


def attributes(accessible) -> dict[str, str]:
    return dict(pair.split(":", 1) for pair in accessible.getAttributes())


def states(accessible) -> set[str]:
    return {pyatspi.stateToString(s) for s in accessible.getState().getStates()}


def act(accessible, action: str) -> None:
    """Do one of the object's actions by name ("Press", "Toggle", "SetFocus")."""
    actions = accessible.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    if action not in names:
        raise AssertionError(f"{describe(accessible)} has no {action!r} action: {names}")
    actions.doAction(names.index(action))


def main(scenario) -> None:
    """Run a scenario; a failed check ends it with a message and exit status 1."""
    try:
        scenario(Reader())
    except AssertionError as problem:
        print(f"FAILED: {problem}", flush=True)
        sys.exit(1)
