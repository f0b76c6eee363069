#!/usr/bin/env python3
"""Draw the body map (front and back view) as assets/body.svg (stdlib only, deterministic).

Usage: python tools/make_body_svg.py [OUT]

* One half of the figure is built in local units: x = distance from the midline towards the patient's
  side, y = down.  Paired areas are that half drawn on both sides; centre areas are a half outline
  closed with its mirror image.  Front view: the patient's right is on the viewer's left; back view:
  on the viewer's right.  data-side always names the patient's side.
* Trunk and leg are one "ribbon": x = inner(y) + u * (outer(y) - inner(y)), u = 0 at the midline (or
  the inner leg) and 1 at the outline.  Arm and foot are ribbons along their own axes (t, w = 0 at the
  outer edge, 1 at the inner edge).  Areas are cut out of the ribbons by curves in those coordinates,
  each sampled on one global grid, so neighbours share the very same points and tile the figure.
* Head, neck, shoulder line, deltoid cap, hand and toes are Bezier curves and rounded lobes.  The
  context group holds the whole silhouette (drawn first, its stroke is the outline) and the hair.
"""

import math
import sys
from pathlib import Path

W, H = 700, 800
CENTRES = {"front": 175, "back": 525}           # the midline of each figure
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "body.svg"
STYLE = {  # the look when the file is opened on its own (the app applies its own theme by class)
    "area": 'fill="#F1E4D8" stroke="#C4A993" stroke-width="0.8" stroke-linejoin="round"',
    "outline": 'fill="#E2E6E9" stroke="#9AA6AE" stroke-width="2.6" stroke-linejoin="round"',
    "hair": 'fill="#A7B0B9" stroke="#8D99A3" stroke-width="1" stroke-linejoin="round"',
}

# -- proportions (drawing units; the figure stands from the hair at y = 17 to the toes at y = 785) ------
HEAD = dict(cy=75, rx=36.5, ry=50, jaw=0.14, ear=6.0, ear_at=99, ear_span=17)   # ear: degrees from the top
NECK_W = 22.0                          # half width where the neck leaves the jaw
NB = (29.5, 144.5)                     # neck base: the neck's outline turns into the shoulder line
MID_TOP = {"front": 153.0, "back": 147.0}   # where the neck base crosses the midline
T = (59.0, 159.0)                      # top of the shoulder, where the arm's root line starts
J, ARM_DEG = (64.0, 183.0), 11.0       # shoulder joint; the arm's axis leans out by ARM_DEG
ARM_A = dict(pit=34, cut=47, elbow=124, wrist=224)          # stations along the arm's axis
ARM_OUT = [(34, 15.5), (60, 14.2), (100, 12.6), (124, 11.6), (150, 12.6), (190, 10.4), (224, 9)]
ARM_IN = [(34, 13.5), (60, 13.2), (100, 12.2), (124, 11.4), (150, 12.4), (190, 10.2), (224, 9)]
T_SPLIT, S_ELBOW = 0.45, 0.5           # upper arm: outer/inner split; the elbow's place on the ribbon
CROTCH, ANKLE = 414.0, 732.0
OUTER = [(240, 57.8), (268, 56.8), (300, 53.4), (322, 52.4), (348, 55.4), (372, 59.4),
         (395, 61.4), (425, 60.2), (470, 55.8), (522, 50.4), (560, 45.8), (587, 44.6), (608, 45),
         (640, 46.2), (675, 42.2), (707, 36.4), (732, 33.6)]    # trunk and outer leg below the armpit
INNER = [(CROTCH, 0.0), (420, 3.4), (445, 5.6), (500, 8.0), (556, 10.2), (587, 10.8), (627, 10.2),
         (671, 11.6), (707, 13.6), (732, 14.8)]                 # inner leg below the crotch
FOOT = dict(length=50, deg=9, big_toe=4.0, toes_at=0.8)       # the ribbon ends where the toes begin
FOOT_OUT = [(0, 0), (0.2, 2.2), (0.5, 4.8), (0.8, 3.4)]       # widening beyond the ankle's half width
FOOT_IN = [(0, 0), (0.2, 2.4), (0.45, 5.2), (0.68, 6.8), (0.8, 6.4)]
TOES = [(0.2, 4.6, 6), (0.38, 5.6, 3), (0.55, 6.4, 1), (0.71, 7.2, 0), (1.0, 8.8, -2)]  # edge, length, tilt
# hand: p across (+ towards the thumb), q from the wrist towards the finger tips
HAND = dict(thumb_base=(10.5, 12), thumb_deg=24, thumb_len=27, thumb_w=5.3, thumb_web=(15.2, 27))
FINGERS = [(11.6, 71, 3.25, 4), (3.9, 77, 3.35, 0.5), (-3.9, 73, 3.2, -3), (-11.4, 64, 2.8, -7)]  # p, tip, r, tilt
WEBS = [51, 52, 50]                    # depth of the webs between neighbouring fingers (q)
HAND_SPLITS = (0.35, 0.65)             # wrist points of the thumb / middle / little finger strips

# Cut curves of the trunk-and-leg ribbon: y as a function of u (0 = midline or inner leg, 1 = outline)
CUTS = {
    "rib": lambda u: 274 + 34 * u ** 1.5,                      # lower edge of the ribs, front
    "groin": lambda u: 404 - 36 * u ** 1.2,                    # groin crease
    "thigh": lambda u: 432 - 40 * u ** 1.2 + 2 * u,            # lower edge of the groin band
    "knee_top": lambda u: 552 - 7 * math.sin(math.pi * u),
    "knee_bottom": lambda u: 606 + 5 * math.sin(math.pi * u),
    "blades": lambda u: 262 + 9 * math.sin(math.pi * u) - 5 * u,   # lower tips of the shoulder blades
    "rib_back": lambda u: 306 + 6 * u,
    "pelvis": lambda u: 352 + 27 * (1 - u) ** 3,               # top of the pelvis, dipping to the sacrum
    "fold": lambda u: 448 - 19 * u * u,                        # buttock crease
    "knee_back": lambda u: 609 + 3 * math.sin(math.pi * u),
    "ankle": lambda u: ANKLE,
}
U_SHIN, U_STRIP, U_SADDLE = 0.42, 0.28, 0.3   # lengthwise splits: shin / inner leg, upper back, saddle


def lerp(a, b, t):
    return a + (b - a) * t


def mix(p, q, t):
    return (lerp(p[0], q[0], t), lerp(p[1], q[1], t))


def spline(table):
    """Smooth function through (key, value) pairs (cubic Hermite, finite-difference slopes)."""
    ks, vs, last = [k for k, _ in table], [v for _, v in table], len(table) - 1
    m = [(vs[min(i + 1, last)] - vs[max(i - 1, 0)]) / (ks[min(i + 1, last)] - ks[max(i - 1, 0)])
         for i in range(last + 1)]

    def f(k):
        i = max(0, min(last - 1, next((j for j in range(last) if k <= ks[j + 1]), last - 1)))
        h, t = ks[i + 1] - ks[i], min(1.0, max(0.0, (k - ks[i]) / (ks[i + 1] - ks[i])))
        return ((2 * t ** 3 - 3 * t * t + 1) * vs[i] + (t ** 3 - 2 * t * t + t) * h * m[i]
                + (-2 * t ** 3 + 3 * t * t) * vs[i + 1] + (t ** 3 - t * t) * h * m[i + 1])
    return f


def steps(a, b, step, breaks=()):
    """a, every multiple of `step` and every break strictly between, b: the same points both ways."""
    lo, hi = min(a, b), max(a, b)
    inner = {round(k * step, 9) for k in range(math.floor(lo / step) + 1, math.ceil(hi / step))}
    vals = [lo] + sorted(v for v in inner | set(breaks) if lo + 1e-6 < v < hi - 1e-6) + [hi]
    return vals if a <= b else vals[::-1]


def bezier(p0, p1, p2, p3, n=16):
    def at(t):
        w = ((1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3)
        return tuple(sum(c * p[k] for c, p in zip(w, (p0, p1, p2, p3), strict=True)) for k in (0, 1))
    return [at(i / n) for i in range(n + 1)]


def quad(p0, p1, p2, n):
    return [mix(mix(p0, p1, t), mix(p1, p2, t), t) for t in (i / n for i in range(n + 1))]


def lobe(base_a, base_b, axis, length, half, n=10):
    """A finger-like lobe: from base_a along one side, round the tip (radius `half`), back to base_b."""
    (ex, ey), mid = axis, mix(base_a, base_b, 0.5)
    c = (mid[0] + ex * (length - half), mid[1] + ey * (length - half))
    side = (ey, -ex)                                  # across the lobe, towards base_a
    if (base_a[0] - mid[0]) * side[0] + (base_a[1] - mid[1]) * side[1] < 0:
        side = (-side[0], -side[1])
    arc = [(c[0] + half * (side[0] * math.cos(a) + ex * math.sin(a)),
            c[1] + half * (side[1] * math.cos(a) + ey * math.sin(a)))
           for a in (math.pi * i / n for i in range(n + 1))]
    return [base_a] + arc + [base_b]


class Figure:
    """One half of the body in local units; every outline piece is a list of (x, y)."""

    def __init__(self):
        self.outer, self.inner = spline(OUTER), spline(INNER)
        r = math.radians(ARM_DEG)
        self.d, self.n = (math.sin(r), math.cos(r)), (math.cos(r), -math.sin(r))   # arm: down, outwards
        self.a_out, self.a_in = spline(ARM_OUT), spline(ARM_IN)
        self.A = self.arm_point(ARM_A["pit"], -self.a_in(ARM_A["pit"]))            # armpit
        self.R = mix(T, self.A, T_SPLIT)                  # where the shoulder cap meets the root line
        self.theta_jaw = self.solve_jaw()

    # -- head, neck and the shoulder line -------------------------------------------------------
    def head_at(self, deg):
        """Head outline, `deg` degrees from the crown: an egg with a softened jaw and an ear."""
        h, th = HEAD, math.radians(deg)
        lower = max(0.0, -math.cos(th))                       # 0 above the cheekbones .. 1 at the chin
        z = (deg - h["ear_at"]) / h["ear_span"] / 2 + 0.5     # 0 .. 1 over the ear
        ear = h["ear"] * math.sin(math.pi * z) ** 0.7 * (1 - 0.45 * z) if 0 < z < 1 else 0.0
        return (h["rx"] * math.sin(th) * (1 - h["jaw"] * lower ** 2) + ear, h["cy"] - h["ry"] * math.cos(th))

    def solve_jaw(self):
        lo, hi = 120.0, 180.0                # where the jaw's outline is NECK_W from the midline
        for _ in range(50):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if self.head_at(mid)[0] > NECK_W else (lo, mid)
        return lo

    def head(self, deg0, deg1):
        return [self.head_at(a) for a in steps(deg0, deg1, 3, (self.theta_jaw,))]

    def neck_side(self):
        jaw = self.head_at(self.theta_jaw)
        return bezier(jaw, (jaw[0] + 0.3, jaw[1] + 13), (NB[0] - 5.5, NB[1] - 2.8), NB, 10)

    def slope(self):                          # shoulder line from the neck base to the arm's root
        return bezier(NB, (NB[0] + 9, NB[1] + 4.4), (T[0] - 13, T[1] - 6.5), T, 14)

    def top_y(self, view, x):                 # the neck base, a shallow curve down to the midline
        return MID_TOP[view] + (NB[1] - MID_TOP[view]) * (x / NB[0]) ** 2

    def top(self, view, x0, x1):
        """Upper edge of the trunk from x0 to x1: the neck base up to NB, then the shoulder line to T."""
        pts = [(x, self.top_y(view, x)) for x in steps(x0, min(x1, NB[0]), 1.5)] if x0 < NB[0] else []
        return pts + (self.slope()[1:] if x1 >= T[0] else [])

    # -- the trunk-and-leg ribbon (u, y) ----------------------------------------------------------
    def xl(self, y):
        if y <= T[1]:
            return T[0]
        if y <= self.A[1]:
            return lerp(T[0], self.A[0], (y - T[1]) / (self.A[1] - T[1]))   # straight root line
        t = (y - self.A[1]) / (OUTER[0][0] - self.A[1])      # torso side: eases from the armpit into OUTER
        return lerp(self.A[0], OUTER[0][1], math.sin(t * math.pi / 2)) if t < 1 else self.outer(y)

    def body(self, u, y):
        # the inner leg leaves the crotch tangentially, so cuts crossing that level have no kink
        z = min(1.0, (y - CROTCH) / 24)
        xm = self.inner(y) * z * (2 - z) if y > CROTCH else 0.0
        return (lerp(xm, self.xl(y), u), y)

    def across(self, cut, u0, u1):           # passes through every lengthwise split: neighbours match
        f = CUTS[cut]
        return [self.body(u, f(u)) for u in steps(u0, u1, 1 / 30, (U_SHIN, U_STRIP, U_SADDLE))]

    def down(self, u, y0, y1):
        return [self.body(u, y) for y in steps(y0, y1, 4, (T[1], self.A[1], CROTCH))]

    # -- the arm ribbon (s along, t = 0 outer edge .. 1 inner edge) --------------------------------
    def arm_point(self, a, off):
        return (J[0] + self.d[0] * a + self.n[0] * off, J[1] + self.d[1] * a + self.n[1] * off)

    def arm_a(self, s, start):
        """Distance along the axis: the outer edge starts below the cap, the inner one at the armpit."""
        e, w = ARM_A["elbow"], ARM_A["wrist"]
        return lerp(start, e, s / S_ELBOW) if s <= S_ELBOW else lerp(e, w, (s - S_ELBOW) / (1 - S_ELBOW))

    def arm(self, s, t):
        a0, a1 = self.arm_a(s, ARM_A["cut"]), self.arm_a(s, ARM_A["pit"])
        return mix(self.arm_point(a0, self.a_out(a0)), self.arm_point(a1, -self.a_in(a1)), t)

    def along(self, t, s0, s1):
        return [self.arm(s, t) for s in steps(s0, s1, 1 / 60)]

    def arm_across(self, s, t0, t1):
        return [self.arm(s, t0), self.arm(s, t1)]

    def cap(self):
        """Shoulder line's end -> over the deltoid -> down the outer arm to the cap's lower edge."""
        pit, d = self.arm_point(ARM_A["pit"], self.a_out(ARM_A["pit"])), self.d
        pts = bezier(T, (T[0] + 12.5, T[1] + 6.2), (pit[0] - d[0] * 19, pit[1] - d[1] * 19), pit, 16)
        return pts + [self.arm_point(a, self.a_out(a)) for a in steps(ARM_A["pit"], ARM_A["cut"], 4)][1:]

    def cap_cut(self):                       # lower edge of the shoulder cap, outer arm -> root line
        lc, r = self.arm(0, 0), self.R
        bend = (lerp(r[0], lc[0], 0.56), lerp(r[1], lc[1], 0.75))     # rounds the cap's lower edge
        return [mix(mix(lc, bend, t), mix(bend, r, t), t) for t in (i / 12 for i in range(13))]

    # -- hand, palm forwards: thumb outwards, finger tips down ------------------------------------
    def hand(self):
        """Outline pieces: thumb side (wrist -> web 1), middle finger (web 1 -> web 2), little side."""
        c, n, d = self.arm_point(ARM_A["wrist"], 0.0), self.n, self.d
        hw, h = self.a_out(ARM_A["wrist"]), HAND

        def world(pts):
            return [(c[0] + n[0] * p + d[0] * q, c[1] + n[1] * p + d[1] * q) for p, q in pts]
        th = math.radians(h["thumb_deg"])
        ax, perp = (math.sin(th), math.cos(th)), (math.cos(th), -math.sin(th))
        b, w = h["thumb_base"], h["thumb_w"]
        b_out = (b[0] + perp[0] * w, b[1] + perp[1] * w)
        thenar = quad((hw, 0), (hw + 4.2, 4.5), b_out, 6)
        thumb = lobe(b_out, h["thumb_web"], ax, h["thumb_len"], 4.5, 12)
        webs = [(lerp(FINGERS[i][0], FINGERS[i + 1][0], 0.5), WEBS[i]) for i in range(3)]
        palm_in = (-hw - 6.6, 47.0)
        fingers = []
        for (_, tip, half, deg), a, e in zip(FINGERS, [h["thumb_web"]] + webs, webs + [palm_in], strict=True):
            r = math.radians(deg)
            fingers.append(lobe(a, e, (math.sin(r), math.cos(r)), tip - (a[1] + e[1]) / 2, half, 10))
        heel = quad(palm_in, (-hw - 8.4, 16), (-hw, 0), 8)
        self.hand_cuts = [world([(lerp(hw, -hw, f), 0), web]) for f, web in zip(HAND_SPLITS, webs, strict=False)]
        return (world(thenar + thumb[1:] + fingers[0][1:]), world(fingers[1]),
                world(fingers[2] + fingers[3][1:] + heel[1:]))

    # -- the foot ribbon (v from the ankle to the toes, w = 0 outer edge .. 1 inner edge) -------------
    def foot(self, v, w):
        f, r = FOOT, math.radians(FOOT["deg"])
        xo, xi = self.xl(ANKLE), self.inner(ANKLE)
        half = (xo - xi) / 2
        cx = (xo + xi) / 2 + math.sin(r) * f["length"] * v - f["big_toe"] * v ** 3
        cy = ANKLE + math.cos(r) * f["length"] * v
        return (lerp(cx + half + spline(FOOT_OUT)(v), cx - half - spline(FOOT_IN)(v), w), cy)

    def foot_along(self, w, v0, v1):
        return [self.foot(v, w) for v in steps(v0, v1, 1 / 40)]

    def foot_across(self, v, w0, w1):
        return [self.foot(v, w0), self.foot(v, w1)]

    def toes(self):
        """Five toes from the outer edge to the big toe; their roots step forwards towards the inside."""
        r, v = math.radians(FOOT["deg"]), FOOT["toes_at"]
        out, inn = self.foot(v, 0), self.foot(v, 1)

        def root(f):                         # toe roots between the edges step forwards by `ahead`
            x, y, ahead = *mix(out, inn, f), (0 if f in (0, 1) else 3 + 5 * f)
            return (x + math.sin(r) * ahead, y + math.cos(r) * ahead)
        pts, prev = [], 0.0
        for edge, length, tilt in TOES:
            a, (p0, p1) = r + math.radians(tilt), (root(prev), root(edge))
            across = abs((p1[0] - p0[0]) * math.cos(a) - (p1[1] - p0[1]) * math.sin(a))   # the toe's width
            pts += lobe(p0, p1, (math.sin(a), math.cos(a)), length, 0.45 * across, 8)[(1 if pts else 0):]
            prev = edge
        return pts


def chain(*pieces):
    """Join outline pieces, dropping points repeated where one piece starts at the other's end."""
    out = []
    for piece in pieces:
        for p in piece:
            if not out or math.dist(out[-1], p) > 1e-6:
                out.append(p)
    if len(out) > 1 and math.dist(out[0], out[-1]) < 1e-6:
        out.pop()
    return out


def build(view):
    """[(area, paired, local outline)], [(context kind, outline)] for one view.

    Paired outlines are one side's; centre outlines run from the midline to the midline."""
    f, c = Figure(), CUTS
    jaw_top, jaw = f.head(0, f.theta_jaw), f.head(f.theta_jaw, 180)
    thumb_side, middle, little = f.hand()
    cut1, cut2 = f.hand_cuts
    toes, vt = f.toes(), FOOT["toes_at"]
    side = lambda y0, y1: f.down(1, y0, y1)           # noqa: E731  the outline of trunk and leg
    inner = lambda y0, y1: f.down(0, y0, y1)          # noqa: E731  midline / inner leg
    outer_arm = [f.arm(0, 0)] + f.along(0, 0, S_ELBOW)
    areas = [("head", False, chain(jaw_top, jaw)),
             ("neck", False, chain(jaw[::-1], f.neck_side(), f.top(view, 0, NB[0])[::-1])),
             ("shoulders", True, chain(f.cap(), f.cap_cut(), [T]))]
    if view == "front":
        areas += [("upper_arms_outer", True, chain(outer_arm, f.arm_across(S_ELBOW, 0, T_SPLIT),
                                                   f.along(T_SPLIT, S_ELBOW, 0), [f.R], f.cap_cut()[::-1])),
                  ("upper_arms_inner", True, chain([f.R, f.A], f.along(1, 0, S_ELBOW),
                                                   f.arm_across(S_ELBOW, 1, T_SPLIT),
                                                   f.along(T_SPLIT, S_ELBOW, 0)))]
    else:
        areas += [("upper_arms_outer", True, chain(outer_arm, f.arm_across(S_ELBOW, 0, 1),
                                                   f.along(1, S_ELBOW, 0), [f.A, f.R], f.cap_cut()[::-1]))]
    areas += [("forearms_thumb_side", True, chain(f.along(0, S_ELBOW, 1), f.arm_across(1, 0, 0.5),
                                                  f.along(0.5, 1, S_ELBOW))),
              ("forearms_little_finger_side", True, chain(f.along(0.5, S_ELBOW, 1), f.arm_across(1, 0.5, 1),
                                                          f.along(1, 1, S_ELBOW))),
              ("hands_thumb_side", True, chain([cut1[0], f.arm(1, 0)], thumb_side, cut1[::-1])),
              ("hands_middle", True, chain(cut1, middle, cut2[::-1])),
              ("hands_little_finger_side", True, chain(cut2, little, [f.arm(1, 1)]))]

    def band(top, bottom):                   # the whole width of trunk or leg between two cuts
        return chain(f.across(top, 0, 1), side(c[top](1), c[bottom](1)), f.across(bottom, 1, 0),
                     inner(c[bottom](0), c[top](0)))
    if view == "front":
        kb, ks = c["knee_bottom"], c["knee_bottom"](U_SHIN)
        areas += [
            ("chest", False, chain(f.top(view, 0, T[0]), side(T[1], c["rib"](1)), f.across("rib", 1, 0))),
            ("belly", False, chain(f.across("rib", 0, 1), side(c["rib"](1), c["groin"](1)),
                                   f.across("groin", 1, 0))),
            ("groin", True, band("groin", "thigh")),
            ("thighs_front", True, band("thigh", "knee_top")),
            ("knees", True, band("knee_top", "knee_bottom")),
            ("shins", True, chain(f.across("knee_bottom", U_SHIN, 1), side(kb(1), ANKLE),
                                  f.across("ankle", 1, U_SHIN), f.down(U_SHIN, ANKLE, ks))),
            ("inner_lower_legs", True, chain(f.across("knee_bottom", 0, U_SHIN), f.down(U_SHIN, ks, ANKLE),
                                             f.across("ankle", U_SHIN, 0), inner(ANKLE, kb(0)))),
            ("feet_top", True, chain(f.foot_along(0, 0, vt), toes, f.foot_along(1, vt, 0)))]
    else:
        ys, xs = c["blades"](U_STRIP), U_STRIP * T[0]
        end, y0 = f.body(U_SADDLE, c["fold"](U_SADDLE)), c["pelvis"](0)    # cleft -> inner top of thigh
        saddle = bezier((0, y0), (0.5, lerp(y0, end[1], 0.45)), (end[0] * 0.45, lerp(y0, end[1], 0.75)), end)
        areas += [
            ("shoulder_blades", True, chain(f.top(view, xs, T[0]), side(T[1], c["blades"](1)),
                                            f.across("blades", 1, U_STRIP),
                                            f.down(U_STRIP, ys, f.top_y(view, xs)))),
            ("upper_back", False, chain(f.top(view, 0, xs), f.down(U_STRIP, f.top_y(view, xs), ys),
                                        f.across("blades", U_STRIP, 0))),
            ("middle_back", False, chain(f.across("blades", 0, 1), side(c["blades"](1), c["rib_back"](1)),
                                         f.across("rib_back", 1, 0))),
            ("lower_back", False, chain(f.across("rib_back", 0, 1), side(c["rib_back"](1), c["pelvis"](1)),
                                        f.across("pelvis", 1, 0))),
            ("buttocks", True, chain(f.across("pelvis", 0, 1), side(c["pelvis"](1), c["fold"](1)),
                                     f.across("fold", 1, U_SADDLE), saddle[::-1])),
            ("saddle_area", False, chain(saddle, f.across("fold", U_SADDLE, 0), inner(c["fold"](0), CROTCH))),
            ("thighs_back", True, band("fold", "knee_back")),
            ("calves", True, band("knee_back", "ankle")),
            ("feet_outer_and_heels", True, chain(f.foot_along(0, 0, vt), f.foot_across(vt, 0, 0.3),
                                                 f.foot_along(0.3, vt, 0.28), f.foot_across(0.28, 0.3, 1),
                                                 f.foot_along(1, 0.28, 0))),
            ("soles", True, chain(f.foot_across(0.28, 0.3, 1), f.foot_along(1, 0.28, vt), toes[::-1],
                                  f.foot_across(vt, 0, 0.3), f.foot_along(0.3, vt, 0.28)))]
    silhouette = chain(jaw_top, f.neck_side(), f.slope(), f.cap(), f.along(0, 0, 1), thumb_side, middle,
                       little, f.along(1, 1, 0), side(f.A[1], ANKLE), f.foot_along(0, 0, vt), toes,
                       f.foot_along(1, vt, 0), inner(ANKLE, CROTCH))
    return areas, [("outline", mirror_close(silhouette)), ("hair", hair(view))]


def hair(view):
    """Short hair round the crown, swept up on the patient's left (here x > 0 is the patient's left)."""
    end = 86 if view == "front" else 110                   # down to the temples / to the nape

    def thick(a):
        fade = math.cos(a / end * math.pi / 2) ** 0.45            # volume over the crown and temples
        return fade * (6.5 + 5 * math.sin(math.radians(abs(a)) * 1.6) ** 2 + 2.5 * math.exp(-((a - 24) / 20) ** 2))
    return [((HEAD["rx"] + thick(a)) * math.sin(math.radians(a)),
             HEAD["cy"] - (HEAD["ry"] + thick(a)) * math.cos(math.radians(a))) for a in steps(end, -end, 3)]


def mirror_close(half):
    """Half outline from the midline to the midline -> whole outline (x is from the midline)."""
    return half + [(-x, y) for x, y in reversed(half) if abs(x) > 1e-6]


def num(v):
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def path_data(points):
    """M/L/Z path data, rounded to 2 decimals, without points that round onto their neighbour."""
    pts = []
    for x, y in points:
        p = (num(x), num(y))
        if not pts or pts[-1] != p:
            pts.append(p)
    if pts[0] == pts[-1]:
        pts.pop()
    return "M " + " L ".join(f"{x} {y}" for x, y in pts) + " Z"


def write_svg(path=OUT):
    lines = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">',
             "  <title>Body map, front and back</title>",
             "  <desc>Generated by tools/make_body_svg.py - do not edit by hand. Front view on the left (the "
             "patient's right side on the viewer's left), back view on the right (the patient's right side on "
             "the viewer's right). data-side is always the patient's side.</desc>"]
    count = 0
    for view, cx in CENTRES.items():
        areas, context = build(view)
        # front: the patient's right is on the viewer's left (x -> cx - x); back: on the viewer's right
        sign = {"right": -1, "left": 1} if view == "front" else {"right": 1, "left": -1}
        lines += [f'  <g id="{view}" class="view">', f'    <g id="{view}-context" class="context">']
        for kind, outline in context:
            d = path_data([(cx + sign["left"] * x, y) for x, y in outline])
            lines.append(f'      <path d="{d}" {STYLE[kind]}/>')
        lines.append("    </g>")
        for area, paired, outline in areas:
            for side in ("right", "left") if paired else ("centre",):
                if paired:
                    pts, sid = [(cx + sign[side] * x, y) for x, y in outline], f"{view}-{area}-{side}"
                else:
                    pts, sid = [(cx + x, y) for x, y in mirror_close(outline)], f"{view}-{area}"
                lines.append(f'    <path id="{sid}" class="area" data-area="{area}" data-side="{side}" '
                             f'd="{path_data(pts)}" {STYLE["area"]}/>')
                count += 1
        lines.append("  </g>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines + ["</svg>"]) + "\n", encoding="utf-8")
    return count


def main(argv=None):
    """Write the drawing to assets/body.svg, or to the path given as the one argument."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else OUT
    count = write_svg(path)
    print(f"wrote {path}: {count} areas")


if __name__ == "__main__":
    main()
