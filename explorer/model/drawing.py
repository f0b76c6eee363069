"""Read the spine drawing (SVG) into named shapes.  No Qt here.

The drawing is the only place coordinates live.  We accept a small, strict
subset of SVG — ``svg``, ``g``, ``path`` (plus ``title``/``desc``/``metadata``)
without transforms — because the app draws, themes and hit-tests the shapes
itself.  Elements with an ``id`` and a class of ``vertebra``, ``disc`` or
``nerve`` are shapes; ``<g class="region">`` groups them into regions;
``<g class="context">`` holds decoration that is drawn but never selectable.
The body map uses the same reader: ``<g class="view">`` (front, back) groups
``class="area"`` shapes, each naming its body area (``data-area``) and the
patient's side (``data-side``: left, right or centre).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple
from xml.parsers import expat

from explorer.model.files import FileRefusedError, read_regular
from explorer.model.problems import Problem, ProblemList

MAX_BYTES = 2_000_000
MAX_COORDINATE = 1_000_000  # any number in a drawing; a view box is at least 1 unit wide
SHAPE_CLASSES = ("vertebra", "disc", "nerve", "area")
GROUP_CLASSES = ("region", "view")
_IGNORED = {"title", "desc", "metadata"}
_DRAWN_ELSEWHERE = {"rect", "circle", "ellipse", "line", "polyline", "polygon", "use", "image",
                    "text", "defs", "style", "symbol", "clipPath", "mask", "pattern"}

# A path command: ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Q", x1, y1, x, y)
# | ("Z",)
Command = tuple


class Shape(NamedTuple):
    id: str
    kind: str  # vertebra | disc | nerve | context
    region: str  # the group: a region id (spine) or view id (body map); "" for context
    paths: tuple[tuple[Command, ...], ...]
    line: int
    area: str = ""  # body map: the body area's id
    side: str = ""  # body map: the patient's left, right, or centre


class Drawing(NamedTuple):
    file: str
    view_box: tuple[float, float, float, float]
    shapes: Mapping[str, Shape]
    regions: Mapping[str, tuple[str, ...]]  # region id -> shape ids, in drawing order
    region_lines: Mapping[str, int]
    context: tuple[Shape, ...]

    def shapes_of(self, region_id: str) -> tuple[Shape, ...]:
        return tuple(self.shapes[s] for s in self.regions[region_id])

    def ids_of_kind(self, kind: str) -> tuple[str, ...]:
        return tuple(s.id for s in self.shapes.values() if s.kind == kind)


class PathError(ValueError):
    pass


_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZzAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}


_STRAIGHT = re.compile(r"^\s*M[\sMLZ0-9.,eE+-]*$")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _straight_path(data: str) -> tuple[tuple[Command, ...], list[float], list[float]] | None:
    """The common case, "M x y L x y ... Z", read with str methods and float() alone.

    None when the data is not of exactly that form (implicit line-tos, several subpaths,
    curves); the general reader then reads it, or says precisely what is wrong."""
    for letter in "MLZ":
        data = data.replace(letter, f" {letter} ")
    tokens = data.replace(",", " ").split()
    closed = bool(tokens) and tokens[-1] == "Z"
    if closed:
        tokens.pop()
    letters = tokens[0::3]
    if (len(tokens) % 3 or not letters or letters[0] != "M"
            or letters.count("L") != len(letters) - 1):
        return None
    try:
        xs, ys = list(map(float, tokens[1::3])), list(map(float, tokens[2::3]))
    except ValueError:
        return None
    commands = tuple(zip(letters, xs, ys, strict=False))
    return (commands + (("Z",),) if closed else commands), xs, ys


def parse_path_data(data: str) -> tuple[Command, ...]:
    """SVG path data -> absolute M/L/C/Q/Z commands (arcs are refused); every number
    finite and within :data:`MAX_COORDINATE`."""
    return _read_path(data)[0]


def _read_path(data: str) -> tuple[tuple[Command, ...], list[float], list[float]]:
    """The commands, and the x and y of every point (control points included)."""
    commands, xs, ys = _commands(data)
    limit = MAX_COORDINATE
    # sum() is NaN or infinite if any number is; min() and max() run in C.
    if xs and not (math.isfinite(sum(xs) + sum(ys)) and -limit <= min(xs) and
                   max(xs) <= limit and -limit <= min(ys) and max(ys) <= limit):
        raise PathError(f"path data has a number that is not finite or is beyond ±{limit:,}")
    return commands, xs, ys


def _commands(data: str) -> tuple[tuple[Command, ...], list[float], list[float]]:
    if _STRAIGHT.match(data):
        straight = _straight_path(data)
        if straight is not None:
            return straight
    tokens = _TOKEN.findall(data)
    if "".join(tokens).replace(" ", "") != re.sub(r"[\s,]+", "", data):
        raise PathError("path data has characters that are not numbers or commands")
    out: list[Command] = []
    points: list[float] = []  # x, y, x, y, …: every point, control points too
    x = y = sx = sy = 0.0
    last_ctrl: tuple[float, float] | None = None
    i, cmd = 0, ""
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
        elif not cmd:
            raise PathError("path data must start with a command")
        upper = cmd.upper()
        if not out and upper != "M":
            raise PathError(f"path data must start with M (move to), not {cmd}")
        if upper == "A":
            raise PathError("arcs (A) are not supported; use curves (C)")
        n = _ARGS[upper]
        try:  # a command letter among them (float() refuses it) means too few numbers
            nums = [float(t) for t in tokens[i:i + n]]
        except ValueError:
            nums = []
        if len(nums) < n:
            raise PathError(f"command {cmd} needs {n} numbers")
        i += n
        rel = cmd.islower() and upper != "Z"
        if rel:
            nums = [v + (x if k % 2 == 0 else y) for k, v in enumerate(nums)] if upper not in "HV" \
                else [nums[0] + (x if upper == "H" else y)]
        if upper == "M":
            x, y = sx, sy = nums
            out.append(("M", x, y))
            points += nums
            cmd = "l" if cmd == "m" else "L"  # further pairs are line-tos
            last_ctrl = None
            continue
        if upper == "Z":
            if i < len(tokens) and not tokens[i].isalpha():
                raise PathError(f"'{tokens[i]}' follows Z, which takes no numbers")
            out.append(("Z",))
            x, y = sx, sy
        elif upper in "LHV":
            x, y = (nums[0], y) if upper == "H" else (x, nums[0]) if upper == "V" else nums
            out.append(("L", x, y))
            points += (x, y)
        elif upper in "CS":
            if upper == "S":
                c1 = (x, y)
                if last_ctrl and out[-1][0] == "C":  # smooth: the last control reflected
                    c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1])
                nums = [*c1, *nums]
            out.append(("C", *nums))
            points += nums
            last_ctrl = (nums[2], nums[3])
            x, y = nums[4], nums[5]
            continue
        elif upper in "QT":
            if upper == "T":
                c = (x, y)
                if last_ctrl and out[-1][0] == "Q":  # smooth: the last control reflected
                    c = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1])
                nums = [*c, *nums]
            out.append(("Q", *nums))
            points += nums
            last_ctrl = (nums[0], nums[1])
            x, y = nums[2], nums[3]
            continue
        last_ctrl = None
    return tuple(out), points[0::2], points[1::2]


def has_area(xs: list[float], ys: list[float]) -> bool:
    """False when all the points lie on one line (or within a thousandth of a unit of the
    first): such a shape is invisible and cannot be tapped.  Quick for a real shape: the
    first points already say so."""
    x0, y0 = xs[0], ys[0]
    other = next((i for i in range(1, len(xs)) if abs(xs[i] - x0) + abs(ys[i] - y0) > 1e-3),
                 None)
    if other is None:
        return False
    dx, dy = xs[other] - x0, ys[other] - y0
    tolerance = 1e-6 * math.hypot(dx, dy)  # a point more than 1e-6 units off the line
    return any(abs(dx * (y - y0) - dy * (x - x0)) > tolerance
               for x, y in zip(xs, ys, strict=True))


class _SvgReader:
    def __init__(self, file: str, problems: ProblemList) -> None:
        self.file = file
        self.problems = problems
        self.stack: list[tuple[str, dict]] = []
        self.view_box: tuple[float, float, float, float] | None = None
        self.region: tuple[str, int] | None = None
        self.shape: dict | None = None
        self.shapes: dict[str, Shape] = {}
        self.regions: dict[str, list[str]] = {}
        self.region_lines: dict[str, int] = {}
        self.context: list[Shape] = []
        self.in_context = 0
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.StartDoctypeDeclHandler = self.doctype
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def doctype(self, *_args) -> None:
        raise expat.error("a DOCTYPE (and its entities) is not allowed in the drawing")

    def start(self, tag: str, attrs: dict) -> None:
        name = tag.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]
        self.stack.append((name, attrs))
        if "transform" in attrs:
            self.problems.add(self.line, f"<{name}> has a transform; bake it into the coordinates")
        classes = attrs.get("class", "").split()
        if name == "svg" and len(self.stack) == 1:
            self._view_box(attrs)
        elif name == "g" and any(c in classes for c in GROUP_CLASSES):
            self._start_region(attrs)
        elif name == "g" and "context" in classes:
            self.in_context += 1
        elif name in _DRAWN_ELSEWHERE:
            self.problems.add(self.line, f"<{name}> is not supported; draw shapes as <path>")
        elif name not in ("g", "path", "svg") and name not in _IGNORED:
            self.problems.add(self.line, f"unknown element <{name}>")
        kind = next((c for c in classes if c in SHAPE_CLASSES), None)
        if kind:
            self._start_shape(attrs, kind)
        if name == "path":
            self._path(attrs)

    def end(self, _tag: str) -> None:
        name, attrs = self.stack.pop()
        if self.shape is not None and self.shape["depth"] == len(self.stack):
            self._finish_shape()
        if name == "g" and any(c in attrs.get("class", "").split() for c in GROUP_CLASSES):
            self.region = None
        if name == "g" and "context" in attrs.get("class", "").split():
            self.in_context -= 1

    def _view_box(self, attrs: dict) -> None:
        try:
            box = tuple(float(v) for v in re.split(r"[\s,]+", attrs["viewBox"].strip()))
        except (KeyError, ValueError):
            box = ()
        limit = MAX_COORDINATE
        if (len(box) == 4 and all(-limit <= v <= limit for v in box)  # NaN fails this too
                and box[2] >= 1 and box[3] >= 1):
            self.view_box = box
        else:
            self.problems.add(self.line, "<svg> needs a viewBox of four finite numbers, its "
                                         f"width and height between 1 and {limit:,}")

    def _start_region(self, attrs: dict) -> None:
        rid = attrs.get("id", "")
        if self.region is not None:
            self.problems.add(self.line, f"group '{rid}' is inside the group '{self.region[0]}' "
                                         "(line {}); region and view groups do not nest"
                              .format(self.region[1]))
        if not rid:
            self.problems.add(self.line, "a region group has no id")
        elif rid in self.regions:
            self.problems.add(self.line, f"duplicate region id '{rid}'")
        else:
            self.regions[rid] = []
            self.region_lines[rid] = self.line
        self.region = (rid, self.line)

    def _start_shape(self, attrs: dict, kind: str) -> None:
        sid = attrs.get("id", "")
        if self.shape is not None:
            self.problems.add(self.line, f"shape '{sid}' is inside shape '{self.shape['id']}'")
            return
        if not sid:
            self.problems.add(self.line, f"a {kind} shape has no id")
        if self.region is None:
            self.problems.add(self.line, f"{kind} '{sid}' is not inside a region group")
        self.shape = {"id": sid, "kind": kind, "paths": [], "line": self.line,
                      "depth": len(self.stack) - 1, "area": attrs.get("data-area", ""),
                      "side": attrs.get("data-side", ""), "xs": [], "ys": []}
        if kind == "area" and not self.shape["area"]:
            self.problems.add(self.line, f"area '{sid}' has no data-area")

    def _path(self, attrs: dict) -> None:
        try:
            commands, xs, ys = _read_path(attrs.get("d", ""))
        except PathError as exc:
            self.problems.add(self.line, str(exc))
            return
        if not commands:
            return
        if self.shape is not None:
            self.shape["paths"].append(commands)
            self.shape["xs"] += xs
            self.shape["ys"] += ys
        elif self.in_context:
            self.context.append(Shape("", "context", "", (commands,), self.line))

    def _near_view_box(self, xs: list[float], ys: list[float]) -> bool:
        """Every point within the view box grown by its own size on each side."""
        if self.view_box is None:
            return True
        x, y, w, h = self.view_box
        return x - w <= min(xs) and max(xs) <= x + 2 * w and y - h <= min(ys) and \
            max(ys) <= y + 2 * h

    def _finish_shape(self) -> None:
        shape, self.shape = self.shape, None
        assert shape is not None  # called only at the end of a shape
        sid, region = shape["id"], self.region[0] if self.region else ""
        if not sid or not region:
            return
        if sid in self.shapes or sid in self.regions:
            self.problems.add(shape["line"], f"duplicate id '{sid}' in the drawing")
            return
        if not shape["paths"]:
            self.problems.add(shape["line"], f"shape '{sid}' has no path")
            return
        if not has_area(shape["xs"], shape["ys"]):
            self.problems.add(shape["line"], f"shape '{sid}' has no area: its path is a point "
                                             "or a line, which nobody could see or tap")
            return
        if not self._near_view_box(shape["xs"], shape["ys"]):
            self.problems.add(shape["line"], f"shape '{sid}' reaches far outside the viewBox")
            return
        self.shapes[sid] = Shape(sid, shape["kind"], region, tuple(shape["paths"]), shape["line"],
                                 shape["area"], shape["side"])
        self.regions[region].append(sid)


def parse_drawing(data: bytes, file: str, sink: list[Problem]) -> Drawing | None:
    """Parse SVG bytes; problems go to ``sink``; ``None`` when unusable."""
    problems = ProblemList(file, sink)
    if len(data) > MAX_BYTES:
        problems.add(1, f"the drawing is larger than {MAX_BYTES // 1_000_000} MB")
        return None
    reader = _SvgReader(file, problems)
    try:
        reader.parser.Parse(data, True)
    except expat.error as exc:
        problems.add(reader.line, f"not a readable SVG file: {exc}")
        return None
    if reader.view_box is None:
        if not any(p.file == file for p in sink):
            problems.add(1, "the root element must be <svg> with a viewBox")
        return None
    if not reader.regions:
        problems.add(1, "the drawing has no <g class=\"region\"> (or \"view\") groups")
    for region_id, shape_ids in reader.regions.items():
        if not shape_ids:
            problems.add(reader.region_lines[region_id], f"group '{region_id}' has no shapes")
    return Drawing(
        file=file,
        view_box=reader.view_box,
        shapes=MappingProxyType(reader.shapes),
        regions=MappingProxyType({k: tuple(v) for k, v in reader.regions.items()}),
        region_lines=MappingProxyType(reader.region_lines),
        context=tuple(reader.context),
    )


def load_drawing(path: Path, sink: list[Problem],
                 display_name: str | None = None) -> Drawing | None:
    name = display_name or str(path)
    try:
        data = read_regular(path, MAX_BYTES)
    except FileRefusedError as exc:
        ProblemList(name, sink).add(1, exc.reason)
        return None
    return parse_drawing(data, name, sink)
