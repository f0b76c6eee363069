"""The spine drawing: every bone, disc and nerve root, by id, and a parser that agrees with
QtSvg."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtSvg import QSvgRenderer

from explorer import resources
from explorer.model import parse_drawing
from explorer.model.drawing import PathError, parse_path_data
from explorer.ui.drawings.shapes import painter_path

CERVICAL = [f"C{i}" for i in range(1, 8)]
THORACIC = [f"T{i}" for i in range(1, 13)]
LUMBAR = [f"L{i}" for i in range(1, 6)]
VERTEBRAE = CERVICAL + THORACIC + LUMBAR


def test_regions_hold_the_right_bones(drawing):
    assert list(drawing.regions) == ["cervical", "thoracic", "lumbar", "sacral"]
    def bones(region):
        return [s.id for s in drawing.shapes_of(region) if s.kind == "vertebra"]
    assert sorted(bones("cervical"), key=CERVICAL.index) == CERVICAL
    assert len(bones("cervical")) == 7
    assert sorted(bones("thoracic"), key=THORACIC.index) == THORACIC
    assert sorted(bones("lumbar"), key=LUMBAR.index) == LUMBAR
    assert sorted(bones("sacral")) == ["coccyx", "sacrum"]


def test_discs_sit_between_neighbouring_bodies(drawing):
    expected = [f"{a}-{b}" for a, b in zip(VERTEBRAE[1:], VERTEBRAE[2:] + ["S1"], strict=True)]
    assert sorted(drawing.ids_of_kind("disc")) == sorted(expected)
    assert "C1-C2" not in expected and len(expected) == 23


def test_there_are_31_pairs_of_nerve_roots_and_8_cervical(drawing):
    nerves = drawing.ids_of_kind("nerve")
    assert len(nerves) == 31
    cervical = [n for n in nerves if n.startswith("nerve-C") and n[7:].isdigit()]
    assert sorted(cervical) == [f"nerve-C{i}" for i in range(1, 9)]
    assert "nerve-Co1" in nerves
    assert {drawing.shapes[n].region for n in ("nerve-C8", "nerve-T1", "nerve-L5", "nerve-S1",
                                                "nerve-Co1")} == {"cervical", "thoracic",
                                                                  "lumbar", "sacral"}


def _bounds(drawing, shape_id):
    return painter_path(drawing.shapes[shape_id].paths).boundingRect()


def test_nerve_roots_leave_at_the_right_gaps(drawing):
    """C1–C7 leave above the vertebra of the same number, C8 below C7, T1 and down below theirs."""
    def centre_y(shape_id):
        return _bounds(drawing, shape_id).center().y()
    assert centre_y("nerve-C1") < centre_y("C1")
    for n in range(2, 8):
        assert centre_y(f"C{n - 1}") < centre_y(f"nerve-C{n}") < centre_y(f"C{n}"), n
    assert centre_y("C7") < centre_y("nerve-C8") < centre_y("T1")
    for level, below in zip(THORACIC + LUMBAR, THORACIC[1:] + LUMBAR + ["sacrum"], strict=True):
        assert centre_y(level) < centre_y(f"nerve-{level}"), level
        if below != "sacrum":
            assert centre_y(f"nerve-{level}") < centre_y(below), level


def test_the_column_is_curved_not_straight(drawing):
    """Lordosis in the neck and low back, kyphosis in the middle: the bodies' x positions bend."""
    x = {v: _bounds(drawing, v).center().x() for v in VERTEBRAE}
    neck_mid, chest_mid, low_mid = x["C4"], x["T7"], x["L3"]
    assert neck_mid < (x["C1"] + x["T1"]) / 2 or abs(neck_mid - x["C1"]) > 3
    assert chest_mid > min(x["T1"], x["T12"])  # the thoracic spine bows backwards (right)
    assert low_mid < max(x["L1"], x["L5"])  # the lumbar spine bows forwards (left)


def test_bodies_grow_from_neck_to_low_back(drawing):
    sizes = [_bounds(drawing, v).height() for v in ("C4", "T6", "L3")]
    assert sizes == sorted(sizes)


def test_our_paths_match_what_qtsvg_draws(drawing):
    """Our path reader and Qt's SVG engine agree on every shape's bounds."""
    renderer = QSvgRenderer(str(resources.drawing_path()))
    assert renderer.isValid()
    for shape in drawing.shapes.values():
        assert renderer.elementExists(shape.id), shape.id
        ours = painter_path(shape.paths).boundingRect()
        theirs = renderer.boundsOnElement(shape.id)
        for a, b in ((ours.left(), theirs.left()), (ours.top(), theirs.top()),
                     (ours.right(), theirs.right()), (ours.bottom(), theirs.bottom())):
            assert abs(a - b) < 1.0, (shape.id, ours, theirs)
    for region in drawing.regions:
        assert renderer.elementExists(region)
        assert QRectF(*drawing.view_box).contains(renderer.boundsOnElement(region))


@pytest.mark.parametrize(("svg", "message"), [
    (b'<svg viewBox="0 0 10 10"><g id="r" class="region"><rect id="C1" class="vertebra"/>'
     b'</g></svg>', "1: <rect> is not supported; draw shapes as <path>"),
    (b'<svg viewBox="0 0 10 10">\n<g id="r" class="region">\n<path id="C1" class="vertebra" '
     b'd="M0 0 A 1 1 0 0 0 2 2"/></g></svg>', "3: arcs (A) are not supported; use curves (C)"),
    (b'<svg viewBox="0 0 10 10"><g id="r" class="region" transform="scale(2)"></g></svg>',
     "1: <g> has a transform; bake it into the coordinates"),
    (b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg/>', "not a readable SVG file"),
    (b'<svg viewBox="0 0 10 10"><g id="r" class="region"><path id="C1" class="vertebra" '
     b'd="M0 0 L1 0 L1 1 Z"/><path id="C1" class="vertebra" d="M0 0 L1 0 L1 1 Z"/></g></svg>',
     "duplicate id 'C1' in the drawing"),
    (b'<svg><g/></svg>', "1: <svg> needs a viewBox"),
    (b'not xml at all', "not a readable SVG file"),
])
def test_drawing_problems_name_the_line(svg, message):
    problems = []
    parse_drawing(svg, "spine.svg", problems)
    assert any(str(p).startswith("spine.svg:") and message in str(p) for p in problems), problems


def test_the_drawing_is_what_its_generator_makes(tmp_path):
    """assets/spine.svg is generated by tools/make_spine_svg.py: the two never drift apart."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "spine.svg"
    subprocess.run([sys.executable, str(root / "tools" / "make_spine_svg.py"), str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (root / "assets" / "spine.svg").read_bytes()


@pytest.mark.parametrize("data", [
    "M0 0 L10 0 L10 5 L0 5 Z",            # the form our generators write (the quick reader)
    "M 0,0 10,0 10,5 0,5 z",              # implicit line-tos, commas, lower-case close
    "M0 0 l10 0 l0 5 l-10 0 Z",           # relative line-tos
    "M0 0 H10 V5 H0 Z",                   # horizontal and vertical lines
    "M0,0L10,0L10,5L0,5Z",                # no spaces at all
])
def test_every_way_of_writing_a_straight_path_reads_the_same(data):
    assert parse_path_data(data) == (
        ("M", 0.0, 0.0), ("L", 10.0, 0.0), ("L", 10.0, 5.0), ("L", 0.0, 5.0), ("Z",))


@pytest.mark.parametrize(("data", "message"), [
    ("M0 0 L1 1 Z 3 4", "'3' follows Z"),   # once made the reader loop for ever
    ("M0 0 Q 1 1 2 2 Z 3 4", "'3' follows Z"),
    ("M0 0 L1", "command L needs 2 numbers"),
    ("M0 0 L1 x", "not numbers or commands"),
    ("0 0 L1 1", "must start with a command"),
    ("M0 0 C 1 1 2 2", "command C needs 6 numbers"),
])
def test_broken_path_data_gets_a_clear_message(data, message):
    with pytest.raises(PathError, match=message):
        parse_path_data(data)
