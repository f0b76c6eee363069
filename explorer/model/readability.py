"""How easy a text is to read: Flesch–Kincaid grade (English) and the Szigriszt-Pazos
INFLESZ score (Spanish).  A small counter of our own, so nothing is downloaded.  No Qt here.

Syllables are counted from spelling:

* English: groups of vowels (a e i o u, and y after a consonant) are syllables; a silent
  final "e" (but not "-le" after a consonant, as in "ta-ble") and a silent "-ed"/"-es" (but
  not after t/d, or s/x/z/ch/sh/c/g: "want-ed", "pass-es") take one away; vowel pairs that
  are said apart ("i-a", "e-o", "u-a", …: "os-te-o", "ar-e-a") add one; every word has at
  least one; a few common words the rules get wrong are listed.  Good to about one syllable
  in ten words, the usual accuracy of such counters.
* Spanish: spelling matches sound, so each group of vowels is one syllable, split where two
  strong vowels (a e o, or an accented í ú) meet: "le-ón", "rí-o", "ca-í-da"; "u" after "q"
  or in "gue/gui" is silent.
* A token with digits counts one syllable per digit group plus one per letter ("L5" = 2);
  an all-capital abbreviation counts one syllable per letter ("MRI" = 3).

Sentences end at . ! ? (not at ; or :, as in the standard formulas); a list item without a
full stop is a sentence of its own.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE = re.compile(r"[.!?]+(?:\s|$)")
_EN_VOWELS = re.compile(r"[aeiouy]+")
_EN_SPLIT = re.compile(r"ia|io|iu|eo|ua|uo|ea(?=$)|ie(?=r$)|ao|oa(?=$)|yi")
# Common words the rules above get wrong.
_EN_WORDS = {"people": 2, "every": 2, "everyone": 3, "everything": 3, "something": 2,
             "sometimes": 2, "someone": 2, "somewhere": 2, "somebody": 3, "business": 2,
             "evening": 2, "different": 3, "several": 3, "area": 3, "areas": 3}
_ES_VOWELS = "aeiouáéíóúü"
_STRONG = set("aeoáéóíú")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    return max(1, len([s for s in _SENTENCE.split(text.strip()) if words(s)]))


def _special(word: str) -> int | None:
    """Syllables of tokens with digits or of abbreviations in capitals; ``None`` otherwise."""
    if any(c.isdigit() for c in word):
        return len(re.findall(r"\d+", word)) + len(re.findall(r"[^\W\d_]", word))
    if len(word) > 1 and word.isupper():
        return len(word)
    return None


def _silent_e(part: str) -> bool:
    """"make", but not "table" (-le after a consonant) or "free"."""
    return part.endswith("e") and part[-2:-1] not in "aeiouy" and \
        not re.search(r"[^aeiou]le$", part)


def _silent_ending(part: str) -> bool:
    """"moved", "hopes", but not "wanted" or "passes"."""
    return bool(re.search(r"[^aeiouy](ed|es)$", part)) and \
        not re.search(r"([td]ed|(s|x|z|ch|sh|c|g)es)$", part)


def english_syllables(word: str) -> int:
    special = _special(word)
    if special is not None:
        return special
    total = 0
    for part in re.split(r"[-'’]", word.lower()):
        part = re.sub(r"[^a-z]", "", part)
        if not part:
            continue
        if part in _EN_WORDS:
            total += _EN_WORDS[part]
            continue
        count = len(_EN_VOWELS.findall(re.sub(r"^y", "", part)))
        if count > 1 and (_silent_e(part) or _silent_ending(part)):
            count -= 1
        count += len(_EN_SPLIT.findall(part))
        total += max(1, count)
    return max(1, total)


def spanish_syllables(word: str) -> int:
    special = _special(word)
    if special is not None:
        return special
    text = unicodedata.normalize("NFC", word.lower())
    text = re.sub(r"q(u)(?=[eiéí])", "q", text)
    text = re.sub(r"g(u)(?=[eiéí])", "g", text)
    text = re.sub(r"y(?![aeiouáéíóú])", "i", text)  # final or before a consonant: a vowel
    total = 0
    for group in re.findall(f"[{_ES_VOWELS}]+", text):
        pairs = zip(group, group[1:], strict=False)
        total += 1 + sum(1 for a, b in pairs if a in _STRONG and b in _STRONG)  # hiatus
    return max(1, total)


def flesch_kincaid_grade(text: str) -> float:
    """The US school grade a reader needs: 0.39 × words per sentence + 11.8 × syllables per
    word − 15.59."""
    found = words(text)
    if not found:
        return 0.0
    syllables = sum(english_syllables(w) for w in found)
    return 0.39 * len(found) / sentence_count(text) + 11.8 * syllables / len(found) - 15.59


def inflesz(text: str) -> float:
    """Szigriszt-Pazos perspicuity, 0–100 (the INFLESZ scale): 206.835 − 62.3 × syllables per
    word − words per sentence.  55–65 is "normal" (secondary school), 65–80 fairly easy."""
    found = words(text)
    if not found:
        return 100.0
    syllables = sum(spanish_syllables(w) for w in found)
    return 206.835 - 62.3 * syllables / len(found) - len(found) / sentence_count(text)


def as_sentences(items) -> str:
    """List items read as sentences of their own."""
    return " ".join(item.rstrip(".") + "." for item in items)
