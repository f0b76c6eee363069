"""Search as a person types: forgiving of case, accents and small typos, and aware of the
everyday words kept in the content (``also_called``).  No Qt here.

The index is built once per language.  Each query word is matched against the index's
whole vocabulary once (exact, prefix, or within one or two edits), and entries are
scored from those matches, so a keystroke costs a few milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from explorer.model.content import Content
from explorer.model.kinds import BY_COLLECTION, SEARCHED

# Which kinds of entry are searched, in the order results of equal score are listed.
KIND_ORDER = tuple(kind.collection for kind in SEARCHED)


class Result(NamedTuple):
    kind: str
    id: str
    name: str
    score: float


def normalize(text: str) -> str:
    """Lower case, no accents, letters and digits only: "Ciática" -> "ciatica"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-zñ]+", " ", plain.replace("ñ", "n")).split())


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


class SearchIndex:
    def __init__(self, content: Content) -> None:
        self.entries: list[tuple[str, str, str, tuple[str, ...]]] = []
        for kind in KIND_ORDER:
            for entry in getattr(content, kind):
                names = self._names(kind, entry)
                terms = tuple(dict.fromkeys(normalize(n) for n in names if normalize(n)))
                self.entries.append((kind, entry.id, names[0], terms))
        self.words: dict[str, set[int]] = {}  # vocabulary word -> entries it appears in
        for index, (_, _, _, terms) in enumerate(self.entries):
            for term in terms:
                for word in term.split():
                    self.words.setdefault(word, set()).add(index)
        self._matches = lru_cache(maxsize=512)(self._word_matches)

    def forget_queries(self) -> None:
        """Drop what was remembered of the words searched for (a new visitor)."""
        self._matches.cache_clear()

    @staticmethod
    def _names(kind: str, entry) -> list[str]:
        names = [getattr(entry, "title", None) or entry.name]
        for field in ("medical_name", "nickname"):
            if getattr(entry, field, ""):
                names.append(getattr(entry, field))
        names += list(getattr(entry, "also_called", ()))
        if BY_COLLECTION[kind].shape:  # a level: its id is a name people use ("L5")
            names.append(entry.id.replace("nerve-", "").replace("-", " "))
        return names

    def _word_matches(self, word: str) -> dict[int, float]:
        """Entries matching one query word, with the best strength of the match (0..1)."""
        limit = 0 if len(word) < 4 else 1 if len(word) < 7 else 2
        found: dict[int, float] = {}
        for vocab, indexes in self.words.items():
            if vocab == word:
                strength = 1.0
            elif vocab.startswith(word):
                strength = 0.85
            elif limit and abs(len(vocab) - len(word)) <= limit and \
                    distance(word, vocab, limit) <= limit:
                strength = 0.6
            elif limit and len(vocab) > len(word) and \
                    distance(word, vocab[:len(word)], limit - 1 if limit > 1 else 1) <= 1 and \
                    len(word) >= 5:
                strength = 0.5  # a typo in a word not finished yet
            else:
                continue
            for index in indexes:
                found[index] = max(found.get(index, 0.0), strength)
        return found

    def search(self, query: str, limit: int = 30) -> list[Result]:
        text = normalize(query)
        if not text:
            return []
        words = text.split()
        per_word = [self._matches(word) for word in words]
        candidates = set.intersection(*(set(m) for m in per_word)) if per_word else set()
        results = []
        for index in candidates:
            kind, item_id, name, terms = self.entries[index]
            score = sum(m[index] for m in per_word) / len(words)
            if any(term == text for term in terms):
                score += 1.0  # the whole phrase, exactly
            elif any(term.startswith(text) for term in terms):
                score += 0.5
            elif any(text in term for term in terms):
                score += 0.3
            results.append(Result(kind, item_id, name, round(score, 3)))
        results.sort(key=lambda r: (-r.score, KIND_ORDER.index(r.kind), r.name))
        return results[:limit]
