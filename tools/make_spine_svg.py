#!/usr/bin/env python3
"""Draw the side (lateral) view of the human spine as assets/spine.svg (stdlib only, deterministic).

Usage: python tools/make_spine_svg.py

* A centre line runs through the vertebral bodies; its direction phi (0 = down, + = backwards) eases
  along the arc length into the four curves, and the column is turned so C7 stands above S1's back.
* Each bone has a local frame on that line (u down the column, v towards the back); outlines are
  rounded polygons whose corners come from per-level parameters (small tables, interpolated).
* Neighbours share one facet-joint line, so articular processes meet without overlapping and the
  foramen stays open for the nerve root.  Millimetres until the final fit; anterior = left.
"""

import math
import sys
from pathlib import Path

W, H, MARGIN = 360, 1000, 10
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "spine.svg"
STYLE = {  # the look when the file is opened on its own (the app applies its own theme by class)
    "vertebra": 'fill="#EFE8DA" stroke="#8C7F6A" stroke-width="0.7" stroke-linejoin="round"',
    "disc": 'fill="#B9D3E6" stroke="#7C9DB5" stroke-width="0.6" stroke-linejoin="round"',
    "nerve": 'fill="#E9B949" stroke="#B8892A" stroke-width="0.6" stroke-linejoin="round"',
    "context": 'fill="#E4E8EA" stroke="none"',
}
NAMES = [f"C{i}" for i in range(1, 8)] + [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)]
REGIONS = ("cervical", "thoracic", "lumbar", "sacral")
region_of = lambda i: REGIONS[0 if i < 7 else 1 if i < 19 else 2]   # noqa: E731  level index -> region
REGION_SHARE = (0.18, 0.40, 0.25, 0.17)                    # share of the column's length per region
PHI_RANGES = ((-12, 24), (24, -19), (-19, 34), (44, -22))  # degrees at start and end of each region
SACRUM = dict(length=104, D=38, D_apex=13, dorsal=26, gap=2.5, coccyx=27)

# Per-level tables: (level, value) pairs, linearly interpolated; level 0 = C1 ... 23 = L5.  mm / degrees.
TABLES = {
    "H":     [(0, 10), (1, 16), (2, 13), (6, 15), (7, 16), (18, 25), (19, 26), (21, 27.5), (23, 28)],
    "D":     [(1, 15.5), (2, 15.5), (6, 17.5), (7, 18), (18, 31), (19, 33), (23, 38)],   # body depth
    "disc":  [(1, 5), (2, 5.5), (5, 5.5), (6, 5), (7, 4), (9, 4), (12, 5), (16, 6), (18, 8),
              (19, 10), (21, 11.5), (22, 12), (23, 11)],                        # disc below
    "ped":   [(1, 5), (6, 5.5), (7, 7), (18, 10), (19, 11), (23, 12)],          # pedicle length
    "aw":    [(1, 9), (6, 9), (7, 8.5), (18, 9.5), (19, 10.5), (23, 11)],       # articular pillar
    "pt":    [(1, 0.2), (6, 0.2), (7, 0.06), (23, 0.06)],     # pedicle top, fraction of H
    "pb":    [(1, 0.7), (6, 0.7), (7, 0.52), (23, 0.55)],     # pedicle bottom
    "alpha": [(1, 40), (6, 50), (7, 60), (17, 72), (18, 84), (23, 86)],   # facet joint slope
    "j":     [(1, 4.5), (6, 5), (7, 6), (18, 8), (19, 9.5), (23, 10.5)],  # half facet length
    "beta":  [(1, 12), (2, 18), (5, 22), (6, 26), (7, 32), (9, 50), (10, 58), (15, 58), (16, 48),
              (17, 32), (18, 16), (19, 6), (23, 0)],          # spinous process, degrees below level
    "Ls":    [(1, 15), (2, 9), (4, 10), (5, 12), (6, 21), (7, 24), (9, 28), (15, 28), (17, 25),
              (18, 22), (19, 22), (21, 24), (23, 18)],        # spinous process length
    "w0":    [(1, 6), (2, 3.5), (5, 3.5), (6, 4.5), (17, 5), (18, 6.5), (19, 9), (23, 9)],  # root
    "w1":    [(1, 4), (2, 2.8), (5, 2.8), (6, 4), (7, 3.2), (17, 3.4), (18, 5), (19, 10), (23, 9.5)],
    "root":  [(1, 0.5), (6, 0.45), (7, 0.3), (18, 0.35), (19, 0.5), (23, 0.5)],  # spinous root level
    "rigid": [(0, 0.5), (6, 0.5), (7, 0.2), (18, 0.2), (19, 0.6), (23, 0.6)],    # endplate tilt share
}


def lerp(a, b, t):
    return a + (b - a) * t


def par(name, i):
    tab = TABLES[name]
    for (i0, v0), (i1, v1) in zip(tab, tab[1:], strict=False):
        if i <= i1:
            return lerp(v0, v1, min(1.0, max(0.0, (i - i0) / (i1 - i0))))
    return tab[-1][1]


class Frame:
    """Origin on the centre line, ``t`` down the column, ``n`` towards the back."""

    def __init__(self, origin, phi):
        self.o, self.phi = origin, phi
        self.t, self.n = (math.sin(phi), math.cos(phi)), (math.cos(phi), -math.sin(phi))

    def w(self, v, u):
        """Local (v back, u down) -> world point."""
        return (self.o[0] + u * self.t[0] + v * self.n[0], self.o[1] + u * self.t[1] + v * self.n[1])

    def loc(self, p):
        dx, dy = p[0] - self.o[0], p[1] - self.o[1]
        return (dx * self.n[0] + dy * self.n[1], dx * self.t[0] + dy * self.t[1])

    def dir(self, deg):
        """Unit vector pointing forward and `deg` degrees below the local horizontal."""
        x, y = self.w(-math.cos(math.radians(deg)), math.sin(math.radians(deg)))
        return (x - self.o[0], y - self.o[1])


class Column:
    """The centre line, integrated from phi(arc length) in small steps."""
    STEPS = 6000

    def __init__(self, bounds, tilt=0.0):
        self.bounds, self.ds = bounds, bounds[-1] / self.STEPS
        self.phis = [self.phi(k * self.ds) + tilt for k in range(self.STEPS + 1)]
        self.pts = [(0.0, 0.0)]
        for phi in self.phis[:-1]:
            x, y = self.pts[-1]
            self.pts.append((x + math.sin(phi) * self.ds, y + math.cos(phi) * self.ds))

    def phi(self, s):
        b = self.bounds
        r = next((r for r in range(4) if s <= b[r + 1]), 3)
        t = min(1.0, max(0.0, (s - b[r]) / (b[r + 1] - b[r])))
        ease = (0.5 - 0.5 * math.cos(math.pi * t),      # neck: forward curve
                0.5 - 0.5 * math.cos(math.pi * t),      # thorax: backward curve
                1 - math.cos(math.pi / 2 * t),          # low back: tightest at L5/S1
                t ** 4)[r]                              # sacrum and coccyx: bend towards the tip
        return math.radians(lerp(*PHI_RANGES[r], ease))

    def frame(self, s, phi=None):
        f = min(max(s / self.ds, 0.0), self.STEPS - 1e-9)
        k, t = int(f), f - int(f)
        (x0, y0), (x1, y1) = self.pts[k], self.pts[k + 1]
        own = lerp(self.phis[k], self.phis[k + 1], t)
        return Frame((lerp(x0, x1, t), lerp(y0, y1, t)), own if phi is None else phi)


def rounded(pts):
    """Closed polygon of (x, y, radius) -> M/L/Q commands with its corners rounded off."""
    cmds, n = [], len(pts)
    for i in range(n):
        (x0, y0, _), (x1, y1, r), (x2, y2, _) = pts[i - 1], pts[i], pts[(i + 1) % n]
        d1, d2 = math.hypot(x0 - x1, y0 - y1), math.hypot(x2 - x1, y2 - y1)
        rr = min(r, d1 * 0.5, d2 * 0.5)
        if rr < 0.05:
            cmds.append(("L", (x1, y1)))
            continue
        a = (x1 + (x0 - x1) * rr / d1, y1 + (y0 - y1) * rr / d1)
        b = (x1 + (x2 - x1) * rr / d2, y1 + (y2 - y1) * rr / d2)
        cmds += [("L", a), ("Q", (x1, y1), b)]
    cmds[0] = ("M", cmds[0][1])
    return cmds


def taper(base, direction, length, wb, wt):
    """A nerve stub: rounded root at `base`, tapering along the unit vector `direction`."""
    (dx, dy), (bx, by) = direction, base
    tx, ty = bx + dx * length, by + dy * length
    return [(bx - dy * wb, by + dx * wb, wb), (bx - dx * wb, by - dy * wb, wb), (bx + dy * wb, by - dx * wb, wb),
            (tx + dy * wt, ty - dx * wt, wt), (tx + dx * wt, ty + dy * wt, wt), (tx - dy * wt, ty + dx * wt, wt)]


def layout():
    """Arc-length span of every bone, disc and gap, scaled to the regions' shares."""
    slots = []
    for i, name in enumerate(NAMES):
        nxt = "C2" if i == 0 else NAMES[i + 1] if i < 23 else "S1"
        slots += [(name, par("H", i)), (f"{name}-{nxt}", 2.0 if i == 0 else par("disc", i))]  # C1/C2: no disc
    slots += [("sacrum", SACRUM["length"]), ("Co-gap", SACRUM["gap"]), ("coccyx", SACRUM["coccyx"])]
    cuts = [14, 38, 48, len(slots)]                       # slot index where each region ends
    raw = [sum(length for _, length in slots[a:b]) for a, b in zip([0] + cuts, cuts, strict=False)]
    pos, bounds, s = {}, [0.0], 0.0
    for k, (name, length) in enumerate(slots):
        r = next(r for r in range(4) if k < cuts[r])
        length *= REGION_SHARE[r] * sum(raw) / raw[r]
        pos[name], s = (s, s + length), s + length
        if k + 1 in cuts:
            bounds.append(s)
    return pos, bounds


class Spine:
    def __init__(self):
        self.pos, bounds = layout()
        col = Column(bounds)           # turn the column so that C7 stands plumb above the back of S1
        c7 = col.frame(sum(self.pos["C7"]) / 2).o
        s1 = col.frame(self.pos["sacrum"][0]).w(SACRUM["D"] / 2, 0)
        psi = math.atan2(c7[0] - s1[0], c7[1] - s1[1])
        self.col = Column(bounds, tilt=(math.pi if psi > 0 else -math.pi) - psi)
        self.bones = [self.bone(i, name, *self.pos[name], par("D", i), par("rigid", i),
                                par("ped", i), par("aw", i)) for i, name in enumerate(NAMES)]
        s0 = self.pos["sacrum"][0]     # S1 takes part in the L5/S1 disc and joint like a vertebra
        self.s1 = self.bone(24, "S1", s0, s0 + 24, SACRUM["D"], 0.6, 12, 11)
        self.pairs = list(zip(self.bones[1:], self.bones[2:] + [self.s1], strict=True))    # C2/C3 ... L5/S1
        self.joints = [None] + [self.joint(a, b) for a, b in self.pairs]
        self.shapes, self.context = {r: [] for r in REGIONS}, []

    def bone(self, i, name, s0, s1, D, rigid, ped, aw):
        fc, ends = self.col.frame((s0 + s1) / 2), []
        for s in (s0, s1):       # endplates: between perpendicular-here and parallel-to-centre
            fe = self.col.frame(s, lerp(self.col.frame(s).phi, fc.phi, rigid))
            ends.append((fe.w(-D / 2, 0), fe.w(D / 2, 0)))
        return dict(i=i, name=name, f=fc, D=D, H=s1 - s0, s=(s0, s1), top=ends[0], bot=ends[1], ped=ped, aw=aw)

    def joint(self, a, b, gap=2.2):
        """Facet joint between a (above) and b: ((a's front end, a's back end), (b's ...))."""
        fm = self.col.frame((a["s"][1] + b["s"][0]) / 2)
        vj = sum(x["D"] / 2 + x["ped"] + 0.72 * x["aw"] for x in (a, b)) / 2
        al, j = math.radians(par("alpha", a["i"])), par("j", a["i"])
        ca, sa = math.cos(al), math.sin(al)                         # along the joint: (ca, sa) in (v, u)
        at = lambda along, side: fm.w(vj + ca * along + sa * side, sa * along - ca * side)  # side > 0: a's side
        return [(at(-j, g), at(j, g)) for g in (gap / 2, -gap / 2)]

    # -- vertebra parts: lists of world points with corner radii ----------------------------------
    @staticmethod
    def wall(v, frac, r):
        (_, tp), (_, bp) = v["top"], v["bot"]
        return (lerp(tp[0], bp[0], frac), lerp(tp[1], bp[1], frac), r)

    def body(self, v):
        (ta, tp), (ba, bp), D = v["top"], v["bot"], v["D"]
        rc = 0.14 * min(v["H"], D)
        waist = v["f"].w(-D / 2 + 0.035 * D, 0)                       # concave front wall
        return [(*ta, rc), (*tp, rc * 0.7)], [(*bp, rc * 0.7), (*ba, rc), (*waist, 40)]

    def upper_arch(self, v, joint):
        """Pedicle top, then the superior articular process rising to the joint."""
        f, Hh, a0 = v["f"], v["H"] / 2, v["D"] / 2 + v["ped"]
        pt = -Hh + 2 * Hh * par("pt", v["i"])
        j1, j2 = joint
        return [self.wall(v, par("pt", v["i"]), 1.5), (*f.w(a0, pt), 1.5),
                (*f.w(a0, f.loc(j1)[1] + 2.5), 2.5), (*j1, 2.6), (*j2, 1.8)], f.loc(j2)[1]

    def lower_arch(self, v, after, top_u, joint):
        """Spinous process, then the inferior articular process and the pedicle's underside."""
        i, f, Hh, a0 = v["i"], v["f"], v["H"] / 2, v["D"] / 2 + v["ped"]
        b1, b2 = f.loc(joint[0]), f.loc(joint[1])
        beta = math.radians(par("beta", i))
        d, nr = (math.cos(beta), math.sin(beta)), (math.sin(beta), -math.cos(beta))
        w0, w1, Ls = par("w0", i), par("w1", i), par("Ls", i)
        R = (max(b2[0], f.loc(after[:2])[0]) + 2.5, lerp(top_u, b2[1], par("root", i)))
        T, M = (R[0] + d[0] * Ls, R[1] + d[1] * Ls), (R[0] + d[0] * Ls * 0.55, R[1] + d[1] * Ls * 0.55)
        wm = min(w0, w1) * (0.8 if i < 19 else 0.95)
        P = lambda c, w, along, r: (*f.w(c[0] + nr[0] * w + d[0] * along, c[1] + nr[1] * w + d[1] * along), r)
        pts = [P(R, w0, 0, 3), P(M, wm, 0, 8), P(T, w1, 0, w1 * 0.8)]
        if 1 <= i <= 5:                                     # bifid tips, C2-C6
            pts += [P(T, w1 * 0.55, w1 * 0.6, w1 * 0.5), P(T, 0, -0.2, 0.4), P(T, -w1 * 0.55, w1 * 0.6, w1 * 0.5)]
        else:                                               # knob; lumbar: square "hatchet"
            pts += [P(T, 0, 1.5, 6) if i >= 19 else P(T, 0, w1 * 0.9, w1)]
        pts += [P(T, -w1, 0, w1 * 0.8), P(M, -wm, 0, 8)]
        j = math.dist(b1, b2) / 2
        e = ((b2[0] - b1[0]) / (2 * j), (b2[1] - b1[1]) / (2 * j))
        q = (b2[0] + 0.45 * v["aw"] * e[1] - 0.6 * j * e[0], b2[1] - 0.45 * v["aw"] * e[0] - 0.6 * j * e[1])
        return pts + [(*f.w(*q), 4), (*joint[1], 2.6), (*joint[0], 1.8),
                      (*f.w(a0, -Hh + 2 * Hh * par("pb", i)), 2), self.wall(v, par("pb", i), 2)]

    def axis_and_atlas(self):
        """C2 with its dens rising into the ring of C1; C1 = anterior arch, ring, posterior arch."""
        c2, f1, f2 = self.bones[1], self.bones[0]["f"], self.bones[1]["f"]
        D2, h2 = c2["D"], c2["H"] / 2
        dens = dict(front=-D2 / 2 + 2.5, back=-D2 / 2 + 11, tip=-h2 - 12)
        facet_u, facet_back = -h2 - 1.2, D2 / 2 + c2["ped"] * 0.7
        top, bottom = self.body(c2)
        top = top[:1] + [(*f2.w(dens["front"], -h2), 2), (*f2.w(dens["front"] - 0.5, dens["tip"] + 4), 4),
                         (*f2.w(lerp(dens["front"], dens["back"], 0.5), dens["tip"] - 0.5), 5),
                         (*f2.w(dens["back"], dens["tip"] + 4), 4), (*f2.w(dens["back"], facet_u), 1.5),
                         (*f2.w(facet_back, facet_u), 2)]
        c2_pts = top + self.lower_arch(c2, top[-1], facet_u + 3, self.joints[1][0]) + bottom
        # the atlas, in its own frame, fitted around the dens and onto C2's facets
        nf = f1.loc(f2.w(dens["front"], 0))[0] - 1.5                  # ring opening, front wall
        nb = f1.loc(f2.w(dens["back"], 0))[0] + 1.5                   # ring opening, back wall
        tip = f1.loc(f2.w(dens["front"], dens["tip"] - 0.5))[1] - 1.5  # ring opening, roof
        lm, low = f1.loc(f2.w(facet_back, facet_u))                   # back and underside of lateral mass
        low, pv = low - 1.5, lm + 21                                   # pv: posterior tubercle
        ring = [(nf, 4.2, 2), (nf - 5.5, 5.2, 3.5), (nf - 7.5, 0, 3.5), (nf - 5.5, -5, 3.5),
                (nf - 1, tip - 2.8, 3), (nb + 2, tip - 3, 3), (lm - 5, tip - 1.4, 5), (lm, tip - 3.2, 2),
                (lm + 4, -3.8, 3), (pv - 6, -4, 3), (pv - 1.5, -6, 3), (pv + 1.5, -1.5, 3),
                (pv - 2.5, 3.2, 3), (lm + 4, 1.4, 4), (lm, low, 1.5), (nb, low, 1.5), (nb, tip, 2), (nf, tip, 2)]
        self.add("cervical", "vertebra", "C1", [(*f1.w(v, u), r) for v, u, r in ring])
        self.add("cervical", "vertebra", "C2", c2_pts)
        # nerves C1 (between skull and atlas) and C2 (between atlas and axis)
        self.nerve("cervical", "nerve-C1", f1.w(lm + 5.5, tip - 7.5), f1.dir(15), 6, 1.6)
        self.nerve("cervical", "nerve-C2", f1.w(lm + 9, 4.6), f1.dir(20), 6.5, 1.8)
        gap = tip - 10            # skull base in section: clivus, condyle resting on C1, occipital bone
        skull = [(nf - 18, tip - 30, 5), (nf - 6, tip - 10, 6), (nf + 1, gap + 3, 3), (nb + 1, tip - 5, 3),
                 (lm - 5, tip - 2.8, 3), (lm - 0.5, tip - 4.6, 2), (lm + 4, gap, 3), (pv + 2, gap - 4, 8),
                 (pv + 17, gap - 10, 6), (pv + 23, tip - 32, 16), (pv + 18, tip - 48, 4), (pv + 11, tip - 46, 4),
                 (pv + 14, tip - 31, 14), (pv - 2, gap - 9, 16), (lm + 2, gap - 8, 12), (nb - 2, gap - 7, 10),
                 (nf - 11, tip - 30, 4)]
        self.context.append([[(*f1.w(v, u), r) for v, u, r in skull]])

    def discs_and_nerves(self):
        for a, b in self.pairs:
            (ba, bp), (ta, tp) = a["bot"], b["top"]
            fm = self.col.frame((a["s"][1] + b["s"][0]) / 2)
            front = fm.w(fm.loc(((ba[0] + ta[0]) / 2, (ba[1] + ta[1]) / 2))[0] - 1.2, 0)   # gentle bulges
            back = fm.w(fm.loc(((bp[0] + tp[0]) / 2, (bp[1] + tp[1]) / 2))[0] + 0.6, 0)
            i, region = a["i"], region_of(a["i"])
            self.add(region, "disc", f"{a['name']}-{b['name']}",
                     [(*ba, 0.6), (*bp, 0.6), (*back, 6), (*tp, 0.6), (*ta, 0.6), (*front, 8)])
            # the root leaves under the pedicle of the bone above; C3..C8 are named after the bone below
            pa = a["f"].w(a["D"] / 2 + a["ped"] * 0.55, -a["H"] / 2 + a["H"] * par("pb", i))
            pb = b["f"].w(b["D"] / 2 + b["ped"] * 0.55, -b["H"] / 2 + b["H"] * par("pt", min(i + 1, 23)))
            size, name = math.dist(pa, pb), f"C{i + 2}" if i <= 6 else a["name"]
            self.nerve(region, f"nerve-{name}", (lerp(pa[0], pb[0], 0.36), lerp(pa[1], pb[1], 0.36)),
                       a["f"].dir(62), size * 0.58, min(a["ped"], size) * 0.26)

    def sacrum(self):
        """One curved wedge: S1's body and superior facets, dorsal crest, foramina on the front."""
        s_a, s_b = self.pos["sacrum"]
        t = lambda s: (s - s_a) / (s_b - s_a)
        depth = lambda s: SACRUM["D_apex"] + (SACRUM["D"] - SACRUM["D_apex"]) * (1 - t(s)) ** 1.1
        dorsal = lambda s: SACRUM["dorsal"] * (1 - t(s)) ** 1.4 + 4
        front = lambda s, dv=0.0: self.col.frame(s).w(-depth(s) / 2 + dv, 0)
        seg = [lerp(s_a, s_b, x) for x in (0, 0.27, 0.49, 0.68, 0.85, 1)]      # S1..S5 boundaries
        arch, _ = self.upper_arch(self.s1, self.joints[-1][1])
        j2 = self.s1["f"].loc(self.joints[-1][1][1])
        pts = [(*self.s1["top"][0], 4), (*self.s1["top"][1], 2.5)] + arch
        pts.append((*self.s1["f"].w(j2[0] + 1.5, j2[1] + 10), 3))          # below L5's inferior facet
        for k in range(15):                           # dorsal surface with the median crest tubercles
            s = lerp(s_a + 21, s_b - 4, k / 14)
            bump = sum(h * math.exp(-((s - (seg[n] + seg[n + 1]) / 2) / 4) ** 2)
                       for n, h in enumerate((2.4, 2.0, 1.5, 0.8)))
            pts.append((*self.col.frame(s).w(depth(s) / 2 + dorsal(s) + bump, 0), 6))
        pts += [(*self.col.frame(s_b).w(depth(s_b) / 2 + 1, 0), 2.5), (*front(s_b), 2.5)]
        for k in range(4, 0, -1):                     # front surface upwards, a notch per foramen
            pts += [(*front((seg[k] + seg[k + 1]) / 2, -0.6), 12), (*front(seg[k] + 2.6), 1.2),
                    (*front(seg[k], 3.2), 2.2), (*front(seg[k] - 2.6), 1.2)]
        pts.append((*front(s_a + 12, -0.8), 20))
        self.add("sacral", "vertebra", "sacrum", pts)
        for k in range(1, 5):                         # S1..S4 leave through the sacral foramina
            self.nerve("sacral", f"nerve-S{k}", front(seg[k], 1.6), self.col.frame(seg[k]).dir(10),
                       10 - k, 2.1 - 0.2 * k)
        # faint context: the hip bone's iliac wing and socket, in front of the sacrum (mm from promontory)
        (ox, oy), l5 = self.s1["top"][0], self.bones[23]
        wing = [(*l5["f"].w(-l5["D"] / 2 + 3, -4), 4)] + [(ox + x, oy + y, r) for x, y, r in (
            (-26, -38, 14), (-46, -22, 14), (-58, 6, 4), (-53, 18, 6), (-56, 32, 4), (-42, 70, 16),
            (-14, 122, 22), (12, 112, 14), (24, 90, 4), (20, 66, 14))] + [
            (*front(lerp(s_a, s_b, 0.45), 5), 4), (*front(s_a + 4, 4), 4)]
        socket = [(ox - 12 + 15 * math.sin(k * math.pi / 4), oy + 92 + 15 * math.cos(k * math.pi / 4), 8)
                  for k in range(8)]
        self.context.append([wing, socket])

    def coccyx(self):
        """Four small fused pieces tapering forward-down; S5 and Co1 roots beside them."""
        c_a, c_b = self.pos["coccyx"]
        fr = lambda x: self.col.frame(lerp(c_a, c_b, x))
        ends, widths = (0, 0.34, 0.62, 0.84, 1.0), (11, 8, 6, 4)      # piece boundaries and widths
        side = [(0.0, widths[0] * 0.9, 2)]
        for k, width in enumerate(widths):
            side.append(((ends[k] + ends[k + 1]) / 2, width, 5))                       # each piece bulges
            if k < 3:
                side.append((ends[k + 1], 0.75 * (width + widths[k + 1]) / 2, 2))    # waist between pieces
        right = [(*fr(x).w(w / 2, 0), r) for x, w, r in side]
        left = [(*fr(x).w(-w / 2, 0), r) for x, w, r in side]
        self.add("sacral", "vertebra", "coccyx", right + [(*fr(1).o, 1.5)] + left[::-1])
        f = self.col.frame(c_a - SACRUM["gap"] / 2)
        self.nerve("sacral", "nerve-S5", f.w(-6.5, 0), f.dir(40), 6, 1.4)
        self.nerve("sacral", "nerve-Co1", fr(0.45).w(-4.6, 0), fr(0.45).dir(45), 5, 1.1)

    def add(self, region, kind, sid, pts):
        self.shapes[region].append((kind, sid, pts))

    def nerve(self, region, sid, base, direction, length, wb):
        self.add(region, "nerve", sid, taper(base, direction, length, wb, wb * 0.35))

    def build(self):
        self.axis_and_atlas()
        for v in self.bones[2:]:                               # typical vertebrae C3..L5
            (top, bottom), (arch, top_u) = self.body(v), self.upper_arch(v, self.joints[v["i"] - 1][1])
            pts = top + arch + self.lower_arch(v, arch[-1], top_u, self.joints[v["i"]][0]) + bottom
            self.add(region_of(v["i"]), "vertebra", v["name"], pts)
        self.discs_and_nerves()
        self.sacrum()
        self.coccyx()
        order = {"disc": 0, "vertebra": 1, "nerve": 2}
        for r in REGIONS:                    # discs, then bones, then nerves (stable: C1, C2 first)
            self.shapes[r].sort(key=lambda item: order[item[0]])
        return self


def write_svg(shapes, context, path=OUT):
    """Fit everything (mm) into the viewBox, round to 2 decimals and write the SVG."""
    pts = [p for r in shapes.values() for *_, outline in r for p in outline]
    pts += [p for c in context for poly in c for p in poly]
    (x0, y0), (x1, y1) = [(f(p[0] for p in pts), f(p[1] for p in pts)) for f in (min, max)]
    k = min((W - 2 * MARGIN) / (x1 - x0), (H - 2 * MARGIN) / (y1 - y0))
    ox, oy = (W - (x1 - x0) * k) / 2 - x0 * k, (H - (y1 - y0) * k) / 2 - y0 * k

    def num(v):
        s = f"{v:.2f}".rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s

    def d(outline):
        cmds = rounded([(ox + x * k, oy + y * k, r * k) for x, y, r in outline])
        return " ".join(c + " " + " ".join(f"{num(x)} {num(y)}" for x, y in ps) for c, *ps in cmds) + " Z"

    def holed(polys):      # outer outline, then holes wound the other way (nonzero and even-odd agree)
        area = lambda o: sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(o, o[1:] + o[:1], strict=True))
        return " ".join(d(p if n == 0 or area(p) * area(polys[0]) < 0 else p[::-1]) for n, p in enumerate(polys))

    lines = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">',
             "  <title>Side view of the human spine</title>",
             "  <desc>Generated by tools/make_spine_svg.py - do not edit by hand. Lateral view facing left: "
             "front of the body on the left, back on the right.</desc>",
             '  <g id="context" class="context">']
    lines += [f'    <path d="{holed(c)}" {STYLE["context"]}/>' for c in context] + ["  </g>"]
    for region in REGIONS:
        lines += [f'  <g id="{region}" class="region">'] + [
            f'    <path id="{sid}" class="{kind}" d="{d(o)}" {STYLE[kind]}/>' for kind, sid, o in shapes[region]]
        lines.append("  </g>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines + ["</svg>"]) + "\n", encoding="utf-8")
    return sum(len(v) for v in shapes.values())


def main(argv=None):
    """Write the drawing to assets/spine.svg, or to the path given as the one argument."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else OUT
    spine = Spine().build()
    count = write_svg(spine.shapes, spine.context, path)
    print(f"wrote {path}: {count} shapes")


if __name__ == "__main__":
    main()
