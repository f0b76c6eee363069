"""Telling a screen reader what just happened, when no focus move would say it."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    """Ask assistive technology to say ``text`` (politely: after what it is saying)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
