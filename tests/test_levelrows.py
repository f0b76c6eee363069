"""The levels of a region in rows (one per vertebra), and their short names.  No Qt."""

from __future__ import annotations

import pytest

from explorer.model.levelrows import level_rows, short_name

REGIONS = ["cervical", "thoracic", "lumbar", "sacral"]


@pytest.mark.parametrize("region", REGIONS)
def test_every_level_of_a_region_is_in_exactly_one_row(content, region):
    vertebrae, discs, roots = content.levels_of(region)
    rows = level_rows(content, region)
    assert [row.vertebra.id for row in rows] == [v.id for v in vertebrae]
    assert sorted(row.disc.id for row in rows if row.disc) == sorted(d.id for d in discs)
    assert sorted(r.id for row in rows for r in row.roots) == sorted(r.id for r in roots)
    for row in rows:
        if row.disc is not None:
            assert row.disc.between[0] == row.vertebra.id  # the disc below it


def test_the_rows_follow_the_anatomy(content):
    cervical = {row.vertebra.id: row for row in level_rows(content, "cervical")}
    assert cervical["C1"].disc is None  # no disc between C1 and C2
    assert [r.id for r in cervical["C7"].roots] == ["nerve-C7", "nerve-C8"]  # 8 nerves, 7 bones
    assert cervical["C7"].disc.id == "C7-T1"
    lumbar = {row.vertebra.id: row for row in level_rows(content, "lumbar")}
    assert lumbar["L5"].disc.id == "L5-S1"
    sacral = {row.vertebra.id: row for row in level_rows(content, "sacral")}
    assert [r.id for r in sacral["sacrum"].roots] == [f"nerve-S{i}" for i in range(1, 5)]
    assert [r.id for r in sacral["coccyx"].roots] == ["nerve-S5", "nerve-Co1"]


def test_short_names():
    assert short_name("vertebra", "C6", "C6 vertebra") == "C6"
    assert short_name("vertebra", "sacrum", "Sacro") == "Sacro"
    assert short_name("disc", "L4-L5", "L4–L5 disc") == "L4–L5"
    assert short_name("nerve", "nerve-Co1", "Coccygeal nerve") == "Co1"
