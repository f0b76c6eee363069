"""Search as a patient types: ranked, not filtered.  No Qt here.

Each entry is a document (see :mod:`explorer.model.searchdocs`).  A query's meaningful
words (stop words dropped, see ``search.yaml``) are matched against the index's
vocabulary: the same stem (``numb`` for numbness), the start of a word being typed, or a
word within one or two typos.  Entries are scored BM25F-style: a word counts more the
rarer it is across entries and the weightier the part it is found in (names and everyday
words, then symptoms and body areas, then other text), with diminishing returns for
repeats; an entry that covers every word of the query, or one of whose names is the query,
comes first.  Each query word's matches are found by lookup, not by scanning the
vocabulary, so a keystroke stays well within a frame.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from explorer.model.content import Content
from explorer.model.entities import WarningSign
from explorer.model.kinds import BY_COLLECTION
from explorer.model.searchdocs import (
    KIND_ORDER,
    PART_WEIGHTS,
    Emergency,
    documents,
    emergencies,
)
from explorer.model.words import Analyzer, deletes, distance, normalize, typo_limit

__all__ = ["KIND_ORDER", "Result", "SearchIndex", "normalize"]

K1 = 1.2  # how quickly repeats of a word stop adding to an entry's score
B = 0.5  # how much a long part's length dilutes its words
EXACT, PREFIX, TYPO, TYPO_PREFIX = 1.0, 0.8, 0.6, 0.5  # strength of a word's match
KEEP = 0.12  # results scoring less than this share of the best are left out


class Result(NamedTuple):
    kind: str  # the content kind: "conditions", "muscles", …
    id: str
    name: str
    score: float
    page: tuple[str, str] = ("home", "")  # the page it opens: ("condition", "sciatica")


class SearchIndex:
    def __init__(self, content: Content) -> None:
        self.analyzer = Analyzer(content.search.stemmer, content.search.stop_words)
        self.docs = list(documents(content))
        self.emergency_info = emergencies(content)
        self.surface: dict[str, str] = {}  # every word seen -> its stem
        self.weights: dict[str, dict[int, float]] = {}  # stem -> document -> weight
        self.phrases: list[list[tuple[str, str]]] = []  # per document: (stems, words)
        self._build()
        # Names and everyday words made only of stop words ("AS") are found typed whole.
        self._only_stop_words: dict[str, list[int]] = {}
        for index, doc in enumerate(self.docs):
            for phrase in doc.phrases:
                if normalize(phrase) and not self.analyzer.words(phrase):
                    self._only_stop_words.setdefault(normalize(phrase), []).append(index)
        # Emergency signs are matched by their own words, which may be nowhere else.
        self._catalogue = [s for s in content.warning_signs if s.level == "emergency"]
        self._signs = []
        for info in self.emergency_info:
            phrases = [self.analyzer.terms(p) for p in info.phrases]
            for terms in phrases:
                self.surface.update(terms)
            self._signs.append((info, [{s for _, s in t} for t in phrases if t]))
        self._sorted = sorted(self.surface)
        self._stems = set(self.surface.values())
        self._typos: dict[str, set[str]] = {}  # a word and its one-letter deletes -> words
        for word in self._sorted:
            if len(word) >= 4:
                for key in (word, *deletes(word)):
                    self._typos.setdefault(key, set()).add(word)
        self._matches = lru_cache(maxsize=512)(self._word_matches)

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        counts: list[dict[str, Counter]] = []
        lengths: dict[str, list[int]] = {part: [] for part in PART_WEIGHTS}
        for doc in self.docs:
            per_part = {}
            for part, texts in doc.parts.items():
                terms = [t for text in texts for t in self.analyzer.terms(text)]
                self.surface.update(terms)
                per_part[part] = Counter(stem for _, stem in terms)
                lengths[part].append(len(terms))
            counts.append(per_part)
            self.phrases.append([self._phrase(p) for p in doc.phrases])
        average = {part: (sum(v) / len(v) if v and sum(v) else 1.0)
                   for part, v in lengths.items()}
        frequency = Counter(stem for per_part in counts
                            for stem in set().union(*map(set, per_part.values())))
        total = len(self.docs)
        for index, per_part in enumerate(counts):
            mixed: dict[str, float] = {}  # stem -> its count, weighted by part and length
            for part, counted in per_part.items():
                norm = 1 - B + B * sum(counted.values()) / average[part]
                for stem, n in counted.items():
                    mixed[stem] = mixed.get(stem, 0.0) + PART_WEIGHTS[part] * n / norm
            for stem, tf in mixed.items():
                idf = math.log(1 + (total - frequency[stem] + 0.5) / (frequency[stem] + 0.5))
                self.weights.setdefault(stem, {})[index] = idf * tf * (K1 + 1) / (tf + K1)

    def _phrase(self, text: str) -> tuple[str, str]:
        terms = self.analyzer.terms(text)
        return " ".join(s for _, s in terms), " ".join(w for w, _ in terms)

    # -- matching words -------------------------------------------------------------------
    def _word_matches(self, word: str) -> dict[str, float]:
        """Stems that one query word matches, with the strength of the match (0..1)."""
        found: dict[str, float] = {}

        def add(surface_word: str, strength: float) -> None:
            stem = self.surface[surface_word]
            if found.get(stem, 0.0) < strength:
                found[stem] = strength

        stem = self.analyzer.stem(word)
        if stem in self._stems:
            found[stem] = EXACT
        start = bisect.bisect_left(self._sorted, word)
        for candidate in self._prefixed(word, start):
            add(candidate, EXACT if candidate == word else PREFIX)
        limit = typo_limit(word)
        if limit:
            for key in (word, *deletes(word)):
                for candidate in self._typos.get(key, ()):
                    if distance(word, candidate, limit) <= limit:
                        add(candidate, TYPO)
        if len(word) >= 5:  # a typo in a word not finished yet: the same first letters
            for candidate in self._prefixed(word[:3], bisect.bisect_left(self._sorted, word[:3])):
                if len(candidate) > len(word) and distance(word, candidate[:len(word)], 1) <= 1:
                    add(candidate, TYPO_PREFIX)
        return found

    def _prefixed(self, prefix: str, start: int):
        words = self._sorted
        for i in range(start, len(words)):
            if not words[i].startswith(prefix):
                break
            yield words[i]

    def forget_queries(self) -> None:
        """Drop what was remembered of the words searched for (a new visitor)."""
        self._matches.cache_clear()

    # -- ranking --------------------------------------------------------------------------
    def search(self, query: str, limit: int = 30) -> list[Result]:
        words = self.analyzer.words(query)
        if not words:
            return [self._result(i, 1.0) for i in self._only_stop_words.get(normalize(query), [])]
        per_word = [self._known_first(self._matches(word), finished=n < len(words) - 1)
                    for n, word in enumerate(words)]
        scores: dict[int, float] = {}
        covered: Counter = Counter()
        for matches in per_word:
            best: dict[int, float] = {}
            for stem, strength in matches.items():
                for index, weight in self.weights.get(stem, {}).items():
                    value = strength * weight
                    if value > best.get(index, 0.0):
                        best[index] = value
            for index, value in best.items():
                scores[index] = scores.get(index, 0.0) + value
                covered[index] += 1
        stems = " ".join(self.analyzer.stem(w) for w in words)
        typed = " ".join(words)
        results = []
        for index, score in scores.items():
            doc = self.docs[index]
            coverage = covered[index] / len(words)
            bonus = self._phrase_bonus(index, stems, typed)
            weight = BY_COLLECTION[doc.kind].search_weight
            total = score * coverage * coverage * (1 + bonus) * weight
            results.append(self._result(index, total))
        if not results:
            return []
        results.sort(key=lambda r: (-r.score, KIND_ORDER.index(r.kind), r.name))
        floor = results[0].score * KEEP
        kept = [r for r in results if r.score >= floor]
        return self._emergency_first(results, kept, words)[:limit]

    def _result(self, index: int, score: float) -> Result:
        doc = self.docs[index]
        return Result(doc.kind, doc.id, doc.name, round(score, 3), doc.page)

    def _emergency_first(self, scored: list[Result], kept: list[Result],
                         words: list[str]) -> list[Result]:
        """When the query names an emergency sign, the condition that is itself that
        emergency and lists the sign (cauda equina syndrome) comes first: it has the sign's
        words, so it is among those ``scored``, if perhaps not among those ``kept``."""
        first = {i for info in self._named(words) for i in info.first}
        ahead = [r for r in scored if r.kind == "conditions" and r.id in first]
        return ahead + [r for r in kept if r not in ahead] if ahead else kept

    @staticmethod
    def _known_first(matches: dict[str, float], finished: bool) -> dict[str, float]:
        """A word the index knows as typed is not read as a typo of another ("legs" is not
        "less"), nor, once a later word follows it, as the start of a longer one ("weak
        legs": not "weaken")."""
        if EXACT not in matches.values():
            return matches
        return {stem: strength for stem, strength in matches.items()
                if strength == EXACT or (strength == PREFIX and not finished)}

    def _phrase_bonus(self, index: int, stems: str, typed: str) -> float:
        """Extra for a name or everyday word that is the query, starts with it (still being
        typed), holds it, or is held whole in it ("pinched nerve" in "pinched nerve in my
        neck")."""
        best = 0.0
        padded = f" {stems} "
        for phrase_stems, phrase_words in self.phrases[index]:
            if not phrase_stems:
                continue
            if phrase_stems == stems:
                return 2.0
            if phrase_words.startswith(typed):
                best = max(best, 1.0)
            elif f" {stems} " in f" {phrase_stems} ":
                best = max(best, 0.6)
            elif f" {phrase_stems} " in padded:
                best = max(best, 0.8 * len(phrase_stems.split()) / len(stems.split()))
        return best

    # -- emergencies ----------------------------------------------------------------------
    def emergency(self, query: str) -> list[WarningSign]:
        """The emergency signs the query names, in the catalogue's order: every meaningful
        word of one of their phrases is in the query (allowing stems, typos, not a word
        still being typed); if none, those of an emergency condition the query names."""
        named = self._named(self.analyzer.words(query))
        # Signs named in their own words, else those of an emergency condition named.
        named = [info for info in named if info.by_sign] or named
        signs = {sign.id for info in named for sign in info.signs}
        return [sign for sign in self._catalogue if sign.id in signs]

    def _named(self, words: list[str]) -> list[Emergency]:
        if not words:
            return []
        # A word being typed must be finished first: "weak" is not yet "weaker".
        matched = {stem for word in words for stem, strength in self._matches(word).items()
                   if strength != PREFIX}
        return [info for info, phrases in self._signs
                if any(stems <= matched for stems in phrases)]
