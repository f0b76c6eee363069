"""Each kind of broken content gives a clear ``file:line: message`` — and all of them."""

from pathlib import Path

import pytest

from explorer.model import load_content
from explorer.model.world import load_all


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    count = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            count += 1
            if count == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in {path}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_for(folder: Path) -> list[str]:
    result = load_all(folder)
    assert result.content is None
    # Messages name the folder as given; compare on the file name and what follows.
    return [str(p).replace(str(folder), "content") for p in result.problems]


def test_the_shipped_content_has_no_problems(loaded):
    assert loaded.problems == ()


def test_malformed_yaml(content_copy):
    regions = content_copy / "regions.yaml"
    edit(regions, "    name: Neck\n", "    name: [Neck\n")
    line = line_of(regions, "name: [Neck")
    found = problems_for(content_copy)
    assert len(found) == 1
    assert found[0].startswith("content/regions.yaml:")
    assert "YAML syntax error" in found[0]
    assert line <= int(found[0].split(":")[1]) <= line + 2


def test_empty_file(content_copy):
    (content_copy / "muscles.yaml").write_text("", encoding="utf-8")
    assert problems_for(content_copy) == [
        "content/muscles.yaml:1: the file is empty; it should start with 'muscles:' and a list"]


def test_unknown_key(content_copy):
    regions = content_copy / "regions.yaml"
    edit(regions, "  - id: lumbar\n", "  - id: lumbar\n    colour: green\n")
    assert problems_for(content_copy) == [
        f"content/regions.yaml:{line_of(regions, 'colour: green')}: unknown key 'colour' in "
        "region 'lumbar' (expected: id, name, medical_name, bones, location, summary, feel, "
        "body_areas, muscles, warning_signs, sources, reviewed, also_called)"]


def test_wrong_type(content_copy):
    regions = content_copy / "regions.yaml"
    edit(regions, "    bones: 12 vertebrae, named T1 to T12\n", "    bones: 12\n")
    assert problems_for(content_copy) == [
        f"content/regions.yaml:{line_of(regions, 'bones: 12')}: 'bones' in region 'thoracic' "
        "should be text, not a number"]


def test_missing_field(content_copy):
    muscles = content_copy / "muscles.yaml"
    text = muscles.read_text(encoding="utf-8")
    start = text.index("  - id: biceps\n")
    does = text.index("    does:", start)
    end = text.index("\n", does) + 1
    muscles.write_text(text[:does] + text[end:], encoding="utf-8")
    assert problems_for(content_copy) == [
        f"content/muscles.yaml:{line_of(muscles, 'id: biceps')}: muscle 'biceps' is missing "
        "the field 'does'"]


def test_unknown_id_suggests_the_close_one(content_copy):
    regions = content_copy / "regions.yaml"
    edit(regions, "      - trapezius\n", "      - trapezus\n")
    assert problems_for(content_copy) == [
        f"content/regions.yaml:{line_of(regions, '- trapezus')}: unknown muscle id 'trapezus'; "
        "did you mean 'trapezius'?"]


def test_duplicate_id(content_copy):
    areas = content_copy / "body_areas.yaml"
    with areas.open("a", encoding="utf-8") as f:
        f.write("  - id: neck\n    name: Neck again\n    sources: [{title: T, url: "
                "'https://example.org/neck'}]\n    reviewed: 2026-12-01\n")
    assert problems_for(content_copy) == [
        f"content/body_areas.yaml:{line_of(areas, 'id: neck', 2)}: duplicate id 'neck' "
        f"(first at line {line_of(areas, 'id: neck')})"]


def test_anchor_and_alias(content_copy):
    regions = content_copy / "regions.yaml"
    edit(regions, "    muscles:\n", "    muscles: &neck_muscles\n")
    assert problems_for(content_copy) == [
        f"content/regions.yaml:{line_of(regions, '&neck_muscles')}: anchors (&name) are not "
        "allowed in content files"]


def test_a_drawing_region_without_content(content_copy, drawing):
    regions = content_copy / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    regions.write_text(text[: text.index("  - id: sacral\n")], encoding="utf-8")
    found = problems_for(content_copy)
    expected = (f"assets/spine.svg:{drawing.region_lines['sacral']}: drawing region 'sacral' "
                "has no entry in regions.yaml")
    assert expected in found
    # The references to the missing region are named too, each with its own line.
    conditions = content_copy / "conditions.yaml"
    assert any(p.startswith("content/conditions.yaml:") and "unknown region id 'sacral'" in p
               for p in found)
    assert all(p.split(":")[1].isdigit() for p in found)
    assert conditions.exists()


def test_a_content_region_without_a_shape(content_copy):
    regions = content_copy / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    start = text.index("  - id: sacral\n")
    regions.write_text(text + "\n" + text[start:].replace("id: sacral", "id: cranial"),
                       encoding="utf-8")
    assert problems_for(content_copy) == [
        f"content/regions.yaml:{line_of(regions, 'id: cranial')}: region 'cranial' has no shape "
        "in the drawing assets/spine.svg"]


def test_all_problems_are_reported_together(content_copy):
    edit(content_copy / "regions.yaml", "      - trapezius\n", "      - trapezus\n")
    (content_copy / "topics.yaml").write_text("topics: nope\n", encoding="utf-8")
    edit(content_copy / "muscles.yaml", "  - id: biceps\n", "  - id: biceps\n    size: big\n")
    found = problems_for(content_copy)
    assert [p.split(":")[0] for p in found] == [
        "content/muscles.yaml", "content/topics.yaml", "content/regions.yaml"]


def test_unknown_file_names_are_reported(content_copy):
    (content_copy / "condition.yaml").write_text("conditions: []\n", encoding="utf-8")
    assert problems_for(content_copy) == [
        "content/condition.yaml:1: unknown content file; did you mean 'conditions.yaml'?"]


def test_missing_folder_and_file(tmp_path, content_copy):
    assert [str(p) for p in load_content(tmp_path / "nowhere", None).problems] == [
        f"{tmp_path / 'nowhere'}:1: content folder not found"]
    (content_copy / "topics.yaml").unlink()
    found = problems_for(content_copy)
    assert found == ["content/topics.yaml:1: cannot read the file: No such file or directory"]


@pytest.mark.parametrize("payload", [
    "regions: !!python/object/apply:os.system ['echo hacked']\n",
    "regions:\n  - !!python/object/new:os.system [echo hacked]\n",
])
def test_hostile_yaml_never_runs_code(content_copy, payload, capfd):
    (content_copy / "regions.yaml").write_text(payload, encoding="utf-8")
    found = problems_for(content_copy)
    assert "not allowed" in found[0]
    assert "hacked" not in capfd.readouterr().out
