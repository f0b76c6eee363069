"""The safe YAML reader, on small inline texts."""

import datetime

import pytest

from explorer.model.yamlsafe import MAX_BYTES, MAX_DEPTH, YamlError, parse_yaml, read_yaml


def test_values_remember_their_lines():
    value, problems = parse_yaml("a: 1\nb:\n  - x\n  - y\nc: 2026-11-21\n")
    assert value == {"a": 1, "b": ["x", "y"], "c": datetime.date(2026, 11, 21)}
    assert value.key_lines == {"a": 1, "b": 2, "c": 5}
    assert value["b"].item_lines == [3, 4]
    assert problems == []


def test_duplicate_keys_are_reported_not_silently_overwritten():
    value, problems = parse_yaml("name: one\nname: two\n")
    assert value == {"name": "one"}
    assert problems == [(2, "duplicate key 'name' (first at line 1)")]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: &anchor 1\n", 1, "anchors"),
        ("a: 1\nb: *missing\n", 2, "aliases"),
        ("list:\n  - &x {k: v}\n  - *x\n", 2, "anchors"),
        ("a: !!python/object/apply:os.system [echo]\n", 1, "not allowed"),
        ("a: !!binary aGVsbG8=\n", 1, "not allowed"),
        ("a: !custom x\n", 1, "not allowed"),
        ("? [1, 2]\n: x\n", 1, "plain text"),
        ("a: 1\n---\nb: 2\n", 2, "one YAML document"),
        ("a: [1, 2\nb: 3\n", 2, "YAML syntax error"),
        ("key: value: other\n", 1, "YAML syntax error"),
    ],
)
def test_refused_yaml_names_the_line(text, line, words):
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    assert caught.value.line == line
    assert words in caught.value.message


def test_alias_without_anchor_is_refused():
    with pytest.raises(YamlError, match="alias|syntax"):
        parse_yaml("a: *nothing\n")


def test_nesting_depth_is_capped():
    deep = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    with pytest.raises(YamlError, match="nesting"):
        parse_yaml(deep)
    parse_yaml("a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2))  # just inside is fine


def test_size_is_capped_before_parsing():
    with pytest.raises(YamlError, match="larger"):
        read_yaml(b"a: b\n" * (MAX_BYTES // 4))


def test_billion_laughs_never_expands():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(YamlError):
        parse_yaml(bomb)


def test_bytes_must_be_utf8():
    with pytest.raises(YamlError, match="UTF-8") as caught:
        read_yaml(b"a: ok\nb: \xff\xfe\n")
    assert caught.value.line == 2


def test_empty_text_is_none():
    assert parse_yaml("") == (None, [])
    assert parse_yaml("# only a comment\n") == (None, [])


def test_plain_values_read_as_yaml_reads_them():
    """The quick path for plain text must not change what any value means."""
    import yaml

    text = ("a: yes\nb: No\nc: ON\nd: off\ne: null\nf: ~\ng:\nh: 1.5\ni: -3\nj: 0x1F\n"
            "k: .inf\nl: 2026-01-02\nm: yesterday\nn: nothing\no: y\np: trueish\nq: Offside\n"
            "r: 'yes'\ns: \"12\"\nt: online\n")
    value, problems = parse_yaml(text)
    assert dict(value) == yaml.safe_load(text)
    assert value["m"] == "yesterday" and value["a"] is True and value["r"] == "yes"
    assert problems == []
