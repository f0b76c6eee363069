"""Plain language, measured: the counter itself, then a gate on every prose field shipped."""

import pytest

from explorer.model.readability import (
    as_sentences,
    english_syllables,
    flesch_kincaid_grade,
    inflesz,
    sentence_count,
    spanish_syllables,
)
from explorer.model.translations import localize

# Counted by hand from a dictionary's syllable breaks.
ENGLISH = {"the": 1, "table": 2, "make": 1, "moved": 1, "wanted": 2, "passes": 2, "places": 2,
           "area": 3, "osteoporosis": 6, "radiculopathy": 6, "vertebrae": 3, "herniated": 4,
           "discs": 1, "every": 2, "people": 2, "something": 2, "spinal": 2, "cord": 1,
           "physical": 3, "therapy": 3, "anti-inflammatory": 7, "lying": 2, "bladder": 2,
           "numbness": 2, "emergency": 4, "sciatica": 4, "L5": 2, "MRI": 3, "tailbone": 2}
SPANISH = {"cuello": 2, "vejiga": 3, "león": 2, "río": 2, "caída": 3, "que": 1, "guitarra": 3,
           "muy": 1, "espondilitis": 5, "anquilosante": 5, "piernas": 2, "fisioterapia": 5,
           "huesos": 2, "ciática": 3, "columna": 3, "emergencia": 4, "hay": 1, "L5": 2}


@pytest.mark.parametrize(("word", "count"), ENGLISH.items())
def test_english_syllables(word, count):
    assert english_syllables(word) == count


@pytest.mark.parametrize(("word", "count"), SPANISH.items())
def test_spanish_syllables(word, count):
    assert spanish_syllables(word) == count


def test_the_formulas_on_texts_worked_by_hand():
    # 2 sentences, 7 words, 8 syllables: 0.39 * 3.5 + 11.8 * 8 / 7 - 15.59 = -0.7393
    grade = flesch_kincaid_grade("The cat sat down. It was happy.")
    assert grade == pytest.approx(-0.7393, abs=1e-4)
    # 1 sentence, 4 words, 8 syllables: 206.835 - 62.3 * 2 - 4 = 78.235
    assert inflesz("La columna tiene huesos.") == pytest.approx(78.235)
    assert sentence_count("One; two: three. Four") == 2
    assert as_sentences(["Leg pain", "Numbness."]) == "Leg pain. Numbness."


# -- the gate ----------------------------------------------------------------------------
PARAGRAPHS = {"summary", "what", "feel", "location", "exits", "movement", "dermatome",
              "reflex", "does", "text"}  # a page's body text: one field, read as it is
LISTS = {"symptoms", "causes", "helps", "see_doctor", "items"}  # read as a run of sentences
MAX_GRADE = 8.0  # Flesch–Kincaid: 6th to 8th grade
MIN_INFLESZ = 55.0  # INFLESZ "normal" (secondary school) or easier


def prose(content):
    """``(where, text)`` for every prose field of every entry, sections included."""
    for kind in ("regions", "conditions", "topics", "vertebrae", "discs", "nerve_roots",
                 "muscles", "warning_signs"):
        for entry in getattr(content, kind):
            parts = [(f"{kind}/{entry.id}", entry)]
            parts += [(f"{kind}/{entry.id}/section {n}", s)
                      for n, s in enumerate(getattr(entry, "sections", ()), start=1)]
            for where, part in parts:
                for name in part._fields:
                    value = getattr(part, name)
                    if name in PARAGRAPHS and value:
                        yield f"{where}.{name}", value
                    elif name in LISTS and value:
                        yield f"{where}.{name}", as_sentences(value)


def test_every_english_prose_field_is_grade_8_or_easier(content):
    hard = {where: round(flesch_kincaid_grade(text), 1) for where, text in prose(content)
            if flesch_kincaid_grade(text) > MAX_GRADE}
    assert hard == {}


def test_every_spanish_prose_field_reads_as_normal_or_easier(loaded):
    spanish = localize(loaded.content, loaded.languages["es"])
    hard = {where: round(inflesz(text), 1) for where, text in prose(spanish)
            if inflesz(text) < MIN_INFLESZ}
    assert hard == {}
