"""Broken drawings are ``file:line`` problems, and any drawing that passes builds a view."""

from __future__ import annotations

import random
import re
import time

import pytest

from explorer import resources
from explorer.model import parse_drawing
from explorer.model.loader import check_body_drawing
from explorer.ui.drawings.bodymap import BodyMap
from explorer.ui.drawings.spine import SpineDiagram

SQUARE = 'd="M0 0 L5 0 L5 5 L0 5 Z"'


def svg(body: str, view_box: str = "0 0 10 10") -> bytes:
    return f'<svg viewBox="{view_box}">{body}\n</svg>'.encode()


def problems_of(data: bytes) -> list[str]:
    sink: list = []
    parse_drawing(data, "spine.svg", sink)
    return [str(p) for p in sink]


@pytest.mark.parametrize("view_box", ["0 0 nan nan", "0 0 inf inf", "0 0 10 inf", "nan 0 10 10",
                                      "0 0 0 10", "0 0 10 0", "0 0 -5 10", "0 0 1e999 10",
                                      "0 0 1e7 1e7", "0 0 0.001 0.001", "0 0 10"])
def test_a_view_box_that_is_not_finite_positive_and_sane_is_a_problem(view_box):
    found = problems_of(svg(f'<g id="r" class="region"><path id="C1" class="vertebra" {SQUARE}/>'
                            '</g>', view_box))
    assert found == ["spine.svg:1: <svg> needs a viewBox of four finite numbers, its width and "
                     "height between 1 and 1,000,000"]


@pytest.mark.parametrize("data", ["M0 0 H 1e999 V 5 Z", "M0 0 L 1e999 1 L 2 2 Z",
                                  "M0 0 l 1e308 0 l 1e308 1 Z", "M0 0 L 5 0 L 5 2e6 Z",
                                  "M 0 0 C 1 1 1e999 2 3 3 Z"])
def test_path_numbers_that_are_not_finite_or_absurd_are_problems(data):
    started = time.monotonic()
    found = problems_of(svg(f'<g id="r" class="region">\n<path id="C1" class="vertebra" '
                            f'd="{data}"/></g>'))
    assert "spine.svg:2: path data has a number that is not finite or is beyond ±1,000,000" \
        in found
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(("body", "message"), [
    ('<g id="r" class="region">\n<path id="C1" class="vertebra" d="Z"/></g>',
     "spine.svg:2: path data must start with M (move to), not Z"),
    ('<g id="r" class="region">\n<path id="C1" class="vertebra" d="M1 1 Z"/></g>',
     "spine.svg:2: shape 'C1' has no area: its path is a point or a line, which nobody could "
     "see or tap"),
    ('<g id="r" class="region">\n<path id="C1" class="vertebra" d="M0 0 L2 2 L4 4 Z"/></g>',
     "spine.svg:2: shape 'C1' has no area: its path is a point or a line, which nobody could "
     "see or tap"),
    ('<g id="r" class="region">\n<path id="C1" class="vertebra" d="M0 0 L99 0 L99 9 Z"/></g>',
     "spine.svg:2: shape 'C1' reaches far outside the viewBox"),
    ('<g id="r" class="region"><path id="C1" class="vertebra" d="M0 0 L5 0 L5 5 Z"/></g>\n'
     '<g id="empty" class="region"></g>', "spine.svg:2: group 'empty' has no shapes"),
    ('<g id="outer" class="region">\n<g id="inner" class="region">\n'
     f'<path id="C1" class="vertebra" {SQUARE}/></g></g>',
     "spine.svg:2: group 'inner' is inside the group 'outer' (line 1); region and view groups "
     "do not nest"),
])
def test_degenerate_shapes_and_empty_or_nested_groups_are_problems(body, message):
    assert message in problems_of(svg(body))


def build_view(qtbot, view_class, drawing) -> None:
    """The view, shown and laid out at a few sizes: nothing may raise."""
    view = view_class(drawing)
    qtbot.addWidget(view)
    for size in ((300, 400), (1200, 900)):
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
    if view_class is SpineDiagram:
        for region in drawing.regions:
            assert view.inside_point(region) is not None
    view.close()


@pytest.mark.parametrize("body", [
    f'<g id="r" class="region"><path id="D1" class="disc" {SQUARE}/></g>',  # no vertebra at all
    '<g id="r" class="region"><path id="C1" class="vertebra" d="M0 0 C 9 0 9 9 0 9 Z"/></g>',
    '<g id="r" class="region"><g id="C1" class="vertebra"><path d="M0 0 L1 0 L1 1 Z"/>'
    '<path d="M3 3 L4 3 L4 4 Z"/></g></g>',  # one shape of two pieces
    '<g id="r" class="region"><path id="C1" class="vertebra" d="M0 0 L9 0 L0 9 Z"/></g>'
    '<g id="q" class="region"><path id="C2" class="nerve" d="M0 0 L9 9 L9 8 Z"/></g>',
])
def test_a_drawing_that_passes_always_builds(qtbot, body):
    sink: list = []
    drawing = parse_drawing(svg(body), "spine.svg", sink)
    assert sink == []
    build_view(qtbot, SpineDiagram, drawing)


# -- fuzz: mutations of the shipped drawings --------------------------------------------------
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")
_ODD = [b"nan", b"inf", b"1e999", b"-1e999", b"0", b"1e-300", b"1e7", b"-0", b"1e308"]


def _pick(rng: random.Random, pattern: bytes, data: bytes):
    spots = list(re.finditer(pattern, data))
    return rng.choice(spots) if spots else None


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One change: some that a drawing survives (a number moved, a shape gone or moved to
    another group), most that it must not (odd numbers, broken groups, bad paths)."""
    kind = rng.choice(["jitter", "jitter", "remove shape", "move shape", "odd number",
                       "odd numbers", "view box", "delete", "truncate", "bytes", "group",
                       "path d"])
    spot = _pick(rng, rb"-?\d+(?:\.\d+)?", data)
    if kind in ("jitter", "odd number") and spot:
        new = str(round(rng.uniform(-50, 1050), 2)).encode() if kind == "jitter" else \
            rng.choice(_ODD)
        return data[:spot.start()] + new + data[spot.end():]
    if kind == "odd numbers":
        return _NUMBER.sub(lambda m: rng.choice(_ODD) if rng.random() < 0.02 else m[0], data)
    if kind == "view box":
        values = b" ".join(rng.choice(_ODD + [b"10", b"1000"]) for _ in range(rng.choice([3, 4])))
        return re.sub(rb'viewBox="[^"]*"', b'viewBox="' + values + b'"', data, count=1)
    if kind in ("remove shape", "move shape", "delete"):
        pattern = rb'<path id=[^>]*/>' if kind != "delete" else \
            rb'<path [^>]*/>|</g>|<g [^>]*>| d="[^"]*"'
        spot = _pick(rng, pattern, data)
        if spot is None:
            return data
        rest = data[:spot.start()] + data[spot.end():]
        if kind != "move shape":
            return rest
        end = _pick(rng, rb"</g>", rest)
        return rest[:end.start()] + spot[0] + rest[end.start():] if end else rest
    if kind == "truncate":
        return data[:rng.randrange(len(data) or 1)]
    if kind == "bytes" and data:
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == "group" and (end := _pick(rng, rb"</g>", data)):  # empty or nested groups
        extra = rng.choice([b'<g id="extra" class="region"></g>', b'<g id="x" class="view">',
                            b'<g class="region">', b"</g>"])
        return data[:end.start()] + extra + data[end.start():]
    if path := _pick(rng, rb' d="[^"]*"', data):
        d = rng.choice([b' d="Z"', b' d=""', b' d="M1 1 Z"', b' d="M0 0 L1 1 Z"',
                        b' d="M0 0 Z Z"', b' d="M 0 0 H 1e999 Z"', b' d="m0 0 l 1 0 l -1 0 z"'])
        return data[:path.start()] + d + data[path.end():]
    return data


def fuzz_drawings(qtbot, count: int, seed: int) -> int:
    rng = random.Random(seed)
    originals = [(resources.drawing_path().read_bytes(), SpineDiagram),
                 (resources.body_path().read_bytes(), BodyMap)]
    passed = 0
    for step in range(count):
        data, view_class = rng.choice(originals)
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            data = mutate(data, rng)
        sink: list = []
        started = time.monotonic()
        drawing = parse_drawing(data, "spine.svg", sink)  # never raises
        assert time.monotonic() - started < 5, step  # about 10 ms; a loaded machine is slower
        assert all(re.fullmatch(r"spine\.svg:\d+: \S.*", str(p)) for p in sink), (step, sink)
        if drawing is not None and view_class is BodyMap:
            check_body_drawing(drawing, sink)
        if drawing is not None and not sink:
            passed += 1
            build_view(qtbot, view_class, drawing)
    return passed


def test_mutated_drawings_never_raise_and_those_that_pass_build(qtbot):
    assert fuzz_drawings(qtbot, 120, seed=15) > 10  # some pass, and are built


@pytest.mark.slow
def test_many_mutated_drawings(qtbot, long_run):
    assert fuzz_drawings(qtbot, 2000, seed=1506) > 100


def test_an_empty_region_that_slipped_past_validation_still_builds(qtbot):
    """Validation refuses it (above); a drawing that comes from elsewhere, such as an old
    cache, must still not stop the app."""
    from explorer.model.drawing import Drawing

    sink: list = []
    good = parse_drawing(svg(f'<g id="r" class="region"><path id="C1" class="vertebra" {SQUARE}/>'
                             '</g>'), "spine.svg", sink)
    unchecked = good._replace(regions={**good.regions, "empty": ()},
                              region_lines={**good.region_lines, "empty": 1})
    assert isinstance(unchecked, Drawing)
    build_view(qtbot, SpineDiagram, unchecked)
