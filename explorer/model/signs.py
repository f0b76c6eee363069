"""Warning signs and their levels: the checks ``validate`` makes on them.  No Qt here.

Every sign in ``warning_signs.yaml`` has one level (see :data:`LEVELS`).  The rule table
``sign_rules.yaml`` names words that make a sign at least as serious as the rule's level
("bladder", "both … legs"): a sign with such words filed lower is refused, in every
language, each rule's phrases written in that language.  A sign no page uses is reported,
and so are two signs with the same words (one sign listed under two levels).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from explorer.model.entities import LEVELS
from explorer.model.problems import Problem

DEFAULT_EMERGENCY_NUMBER = "911"
GAP = re.compile(r"\s*(?:…|\.\.\.)\s*")  # "both … legs": any words between


class Placed(NamedTuple):
    """A sign or a rule with where it is written."""

    id: str
    level: str
    words: tuple[str, ...]  # a sign's text, or a rule's phrases
    file: str
    line: int


def plain_words(text: str) -> list[str]:
    """Lower case, without accents, split into words: "Pérdida del control" ->
    ["perdida", "del", "control"]."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-zñ]+", " ", plain).split()


def _has_run(words: list[str], run: list[str], start: int) -> int:
    """Where ``run`` (a list of words) next occurs in ``words`` from ``start``; -1 if not.
    The last word of a run may be the start of a longer word ("numb" finds "numbness")."""
    size = len(run)
    for at in range(start, len(words) - size + 1):
        if words[at:at + size - 1] == run[:-1] and words[at + size - 1].startswith(run[-1]):
            return at + size
    return -1


def _runs(phrase: str) -> list[list[str]]:
    """A phrase as runs of words: "both … legs" -> [["both"], ["legs"]]."""
    return [run for run in (plain_words(part) for part in GAP.split(phrase.strip())) if run]


def _has(words: list[str], runs: list[list[str]]) -> bool:
    at = 0
    for run in runs:
        at = _has_run(words, run, at)
        if at < 0:
            return False
    return bool(runs)


def matches(phrase: str, text: str) -> bool:
    """Whether ``text`` has ``phrase``: its words in order; "…" in a phrase stands for any
    words in between."""
    return _has(plain_words(text), _runs(phrase))


def rule_problems(signs: Iterable[Placed], rules: Iterable[Placed]) -> list[Problem]:
    """A sign whose words a rule names, filed below that rule's level.  (Each text and
    phrase is turned into words once: this runs on every load that validates.)"""
    compiled = [(rule, [(p, _runs(p)) for p in rule.words]) for rule in rules]
    problems = []
    for sign in signs:
        words = plain_words(" ".join(sign.words))
        for rule, phrases in compiled:
            if LEVELS.index(sign.level) <= LEVELS.index(rule.level):
                continue
            phrase = next((p for p, runs in phrases if _has(words, runs)), None)
            if phrase is not None:
                problems.append(Problem(
                    sign.file, sign.line,
                    f"warning sign '{sign.id}' says '{phrase}', so it must be "
                    f"'{rule.level}', not '{sign.level}' (rule '{rule.id}' at "
                    f"{rule.file}:{rule.line})"))
                break
    return problems


def duplicate_problems(signs: Iterable[Placed]) -> list[Problem]:
    """Two signs with the same words: one sign listed twice, perhaps under two levels."""
    seen: dict[tuple[str, ...], Placed] = {}
    problems = []
    for sign in signs:
        key = tuple(plain_words(" ".join(sign.words)))
        first = seen.setdefault(key, sign)
        if first is sign:
            continue
        levels = (f"under two levels ('{first.level}' and '{sign.level}')"
                  if first.level != sign.level else "twice")
        problems.append(Problem(sign.file, sign.line,
                                f"warning sign '{sign.id}' has the same words as "
                                f"'{first.id}' (line {first.line}): one sign listed {levels}"))
    return problems


def unused_problems(signs: Iterable[Placed], used: set[str]) -> list[Problem]:
    return [Problem(s.file, s.line, f"warning sign '{s.id}' is not used: list it under "
                                    "'warning_signs' where it applies, or remove it")
            for s in signs if s.id not in used]


def heading(level: str, number: str = DEFAULT_EMERGENCY_NUMBER) -> tuple[str, str]:
    """The title and the lead line over a level's signs, in the current language."""
    from explorer.model.i18n import tr

    if level == "emergency":
        return (tr("Emergency: call {number} now", number=number),
                tr("Call {number} or go to an emergency department right away if you have "
                   "any of these:", number=number))
    if level == "urgent":
        return (tr("Urgent: get medical help today"),
                tr("Call your doctor or go to urgent care the same day if you have any of "
                   "these:"))
    return (tr("Make an appointment with your doctor"),
            tr("See your doctor soon if you have any of these:"))


def by_level(signs: Iterable, levels: Iterable[str] = LEVELS) -> list[tuple[str, list[str]]]:
    """``(level, texts)`` for each of ``levels`` that has signs, most serious first."""
    signs = list(signs)
    return [(level, [s.text for s in signs if s.level == level]) for level in LEVELS
            if level in tuple(levels) and any(s.level == level for s in signs)]
