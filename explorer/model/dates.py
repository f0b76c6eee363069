"""Dates written the way each language writes them ("December 1, 2026", "1 de diciembre de
2026"): the month names and the pattern are app strings, translated in each language's
ui.yaml like any other, so a new language needs no code.  No Qt here."""

from __future__ import annotations

import datetime

from explorer.model.i18n import tr


def month_name(month: int) -> str:
    return (tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"),
            tr("July"), tr("August"), tr("September"), tr("October"), tr("November"),
            tr("December"))[month - 1]


def long_date(date: datetime.date) -> str:
    """``date`` in the current language's own format."""
    return tr("{month} {day}, {year}", month=month_name(date.month), day=date.day,
              year=date.year)
