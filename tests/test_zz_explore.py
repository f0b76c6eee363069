import collections, re
import pytest
from test_layout import look_at_everything, pairs

@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080), (1080, 1920)])
def test_explore(qtbot, make_window, size):
    window = make_window(size=size)
    out = collections.Counter()
    for ws, lang, ts in pairs():
        if ws != size: continue
        for p in look_at_everything(qtbot, window, lang, ts):
            out[f"{lang} {ts} " + re.sub(r"\('[a-z]+', '[^']*'\): ", "", p)] += 1
    with open(f"/tmp/explore-{size[0]}x{size[1]}.txt", "w") as f:
        for k, v in sorted(out.items()):
            f.write(f"{v:3} {k}\n")
