"""Full-window overlays: the idle question, the attract banner, and a base for staff panels.

An overlay is a child of the main window's central widget that covers it and keeps
covering it when the window is resized.  It is not a separate window, so it cannot
be moved, minimised or closed from outside the app.  While it shows it holds the person:
it takes the keyboard focus, Tab goes round its own buttons only, and a screen reader
finds a dialog (or an alert) and nothing behind it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEasingCurve, QEvent, QObject, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsOpacityEffect,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from explorer.model.i18n import tr
from explorer.ui import accessible
from explorer.ui.accessible import announce
from explorer.ui.widgets import Button

ALERT_STEPS = 10  # the countdown is spoken every ten seconds, and at five


def spoken_at(remaining: int, total: int) -> bool:
    """Whether the countdown says ``remaining`` aloud: at the start, every ten seconds, and
    five seconds before the end (every second would leave no room to answer)."""
    return remaining == total or remaining % ALERT_STEPS == 0 or remaining == 5


class Overlay(QFrame):
    """Covers its parent; shows a centred card (``self.card``) on a dimmed backdrop."""

    holds_person = True  # while it shows, nothing behind it can be reached

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.host = parent  # what it covers (Qt's parent() is typed as maybe none)
        self._return_focus: QWidget | None = None
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = QFrame()
        self.card.setObjectName("overlayCard")
        self.card.setMaximumWidth(620)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(36, 28, 36, 28)
        self.body.setSpacing(16)
        outer.addWidget(self.card)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.host.rect())
        return False

    def open(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and not self.isAncestorOf(focused):
            self._return_focus = focused
        self.setGeometry(self.host.rect())
        self.raise_()
        self.show()
        first = next(iter(self.focus_chain()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.PopupFocusReason)

    def give_focus_back(self) -> None:
        """Focus returns where it was before the overlay opened (if that is still there)."""
        widget, self._return_focus = self._return_focus, None
        if widget is not None and shiboken6.isValid(widget) and widget.isVisible():
            widget.setFocus(Qt.FocusReason.PopupFocusReason)

    def focus_chain(self) -> list[QWidget]:
        """The controls Tab goes round while the overlay shows, in the order they stand."""
        return [w for w in self.findChildren(QWidget) if w.isVisibleTo(self) and
                w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt override)
        """Tab and Shift+Tab stay inside: after the last control comes the first."""
        chain = self.focus_chain()
        if chain:
            focused = QApplication.focusWidget()
            index = chain.index(focused) if focused in chain else -1
            step = 1 if forward else -1
            reason = Qt.FocusReason.TabFocusReason if forward else \
                Qt.FocusReason.BacktabFocusReason
            chain[(index + step) % len(chain)].setFocus(reason)
        return True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        accessible.tree_changed(self.host)  # only this is left to reach

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        accessible.tree_changed(self.host)

    def label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(label)
        return label

    def button(self, text: str, name: str = "primaryButton") -> Button:
        button = Button(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        self.body.addWidget(button)
        return button


class IdleOverlay(Overlay):
    """'Are you still there?' with one large button and a visible countdown.

    Any press anywhere on it keeps the session (``kept``); when the countdown runs out
    it emits ``timed_out``.
    """

    kept = Signal()
    timed_out = Signal()

    def __init__(self, parent: QWidget, seconds: int) -> None:
        super().__init__(parent, "idleOverlay")
        self.seconds = seconds
        self.remaining = seconds
        self.question = self.label("", "overlayTitle")
        self.countdown = self.label("", "overlayText")
        self.keep_button = self.button("")
        self.keep_button.clicked.connect(self._keep)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._count_down)
        self._retranslate()

    def _retranslate(self) -> None:
        """In the language the visitor chose (it may have changed since the kiosk started)."""
        self.setAccessibleName(tr("Are you still there?"))
        self.question.setText(tr("Are you still there?"))
        self.keep_button.setText(tr("Yes, I'm still here"))
        self.keep_button.setAccessibleName(tr("Yes, I'm still here"))

    def open(self) -> None:
        self.remaining = self.seconds
        self._retranslate()
        self._show_remaining()
        super().open()
        self.keep_button.setFocus()
        self.tick.start()
        announce(self, self.countdown.text(), assertive=True)

    def close_quietly(self) -> None:
        self.tick.stop()
        self.hide()

    def _show_remaining(self) -> None:
        self.countdown.setText(tr("Starting over in {seconds} seconds.", seconds=self.remaining))
        if spoken_at(self.remaining, self.seconds):  # read with the alert, not every second
            self.setAccessibleDescription(self.countdown.text())

    def _count_down(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.close_quietly()
            self.timed_out.emit()
        else:
            self._show_remaining()
            if spoken_at(self.remaining, self.seconds):
                announce(self, self.countdown.text(), assertive=self.remaining <= 5)

    def _keep(self) -> None:
        self.close_quietly()
        self.give_focus_back()
        self.kept.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - a touch anywhere keeps the session
        self._keep()
        event.accept()


class AttractBanner(QLabel):
    """'Touch the spine to start', over the drawing, after a reset.  Never blocks a touch;
    it breathes gently unless reduced motion is on.  It sits at the foot of the panel, over
    `reserve` (the drawing's hint, which says much the same), and makes `reserve` at least
    as tall as itself, so the room is kept for good and nothing moves when it goes."""

    def __init__(self, parent: QWidget, reduced_motion: bool,
                 reserve: QWidget | None = None) -> None:
        super().__init__(tr("Touch the spine to start"), parent)
        self.host = parent  # the panel it sits at the foot of
        self.reserve = reserve
        self.setObjectName("attractBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.reduced_motion = reduced_motion
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.55)
        self.animation.setKeyValueAt(0.5, 1.0)
        self.animation.setEndValue(0.55)
        self.animation.setDuration(2600)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self.animation.setLoopCount(-1)
        self.animation.valueChanged.connect(self._breathe)
        self.effect = QGraphicsOpacityEffect(self)
        self.effect.setOpacity(1.0)
        self.setGraphicsEffect(self.effect)
        self.opacity = 1.0
        self.hide()

    def _breathe(self, value: float) -> None:
        self.opacity = value
        self.effect.setOpacity(value)

    def start(self) -> None:
        if self.reserve is not None:
            # Hidden but keeping its room: its words would show through as the banner breathes.
            policy = self.reserve.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.reserve.setSizePolicy(policy)
            self.reserve.hide()
        self._place()
        self.host.installEventFilter(self)  # the panel may still change size
        self.raise_()
        self.show()
        if not self.reduced_motion:
            self.animation.start()

    def _place(self) -> None:
        """At the foot of the panel, as wide as it allows (at most 360 px), over the room
        kept for it."""
        parent = self.host
        self.setFixedWidth(max(min(parent.width() - 24, 360), 120))
        self.adjustSize()
        if self.reserve is not None:
            self.reserve.setMinimumHeight(max(self.reserve.minimumHeight(), self.height()))
        self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - 8)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and not self.isHidden():
            self._place()
        return False

    def stop(self) -> None:
        self.host.removeEventFilter(self)
        self.animation.stop()
        self.effect.setOpacity(1.0)
        self.hide()
        if self.reserve is not None:
            self.reserve.show()

    @property
    def animating(self) -> bool:
        return self.animation.state() == QVariantAnimation.State.Running


accessible.register(IdleOverlay, accessible.dialog(accessible.Role.AlertMessage))
accessible.register(Overlay, accessible.dialog())
