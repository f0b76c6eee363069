"""Words as search sees them: plain letters, stop words dropped, stems, edit distance.

No Qt here.  The stemmer (the ``snowballstemmer`` package) is imported the first time a
word is stemmed, never at start-up: only a search needs it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalize(text: str) -> str:
    """Lower case, no accents, letters and digits only: "Ciática" -> "ciatica",
    "can't" -> "cant", "L4-L5" -> "l4 l5"."""
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text.casefold()))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance (with swaps of neighbours) between ``a`` and ``b``, or ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def typo_limit(word: str) -> int:
    """How many edits a word of this length may have and still match: none for short words
    (too many false friends), one up to six letters, two from seven."""
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


def deletes(word: str) -> set[str]:
    """The word with one letter left out, each way (for finding typos by lookup)."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _snowball(algorithm: str) -> Callable[[str], str]:
    if not algorithm:
        return str
    try:
        import snowballstemmer  # type: ignore[import-untyped]
    except ImportError:  # a broken install: search still works, without stems
        return str
    try:
        return snowballstemmer.stemmer(algorithm).stemWord
    except KeyError:  # validate reports unknown stemmers; never fail a search for one
        return str


class Analyzer:
    """One language's way of turning text into search terms: words that carry meaning,
    each with its stem.  Stems are remembered, so each distinct word is stemmed once."""

    def __init__(self, stemmer: str = "", stop_words: Iterable[str] = ()) -> None:
        self.algorithm = stemmer
        self.stop_words = frozenset(normalize(w) for w in stop_words)
        self._stem: Callable[[str], str] | None = None
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            if self._stem is None:
                self._stem = _snowball(self.algorithm)
            # Numbers and level names (l5, c6) are never stemmed.
            stem = word if any(c.isdigit() for c in word) else self._stem(word)
            self._stems[word] = stem
        return stem

    def words(self, text: str) -> list[str]:
        """The words of ``text`` that carry meaning, normalized, in order."""
        return [w for w in normalize(text).split() if w not in self.stop_words]

    def terms(self, text: str) -> list[tuple[str, str]]:
        """``(word, stem)`` for each meaningful word of ``text``."""
        return [(w, self.stem(w)) for w in self.words(text)]
