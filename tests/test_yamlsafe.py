"""The safe YAML reader, on small inline texts."""

import datetime

import pytest

from explorer.model.yamlsafe import (
    MAX_BYTES,
    MAX_DEPTH,
    Refused,
    YamlError,
    parse_yaml,
    read_yaml,
)


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


@pytest.mark.parametrize("text", [
    "a: !!bool maybe\n", "a: !!timestamp 'nope'\n", "a: !!float\n", "a: !!int x\n",
    "a: !!str text\n", "a: !!null x\n", "a: !!map {}\n", "a: !!seq []\n", "a: ! text\n",
    "a: !<tag:yaml.org,2002:bool> maybe\n", "a: !!python/name:os.system\n",
])
def test_every_tag_is_refused_at_its_line(text):
    with pytest.raises(YamlError, match="the tag .* is not allowed") as caught:
        parse_yaml("first: 1\n" + text)
    assert caught.value.line == 2


@pytest.mark.parametrize(("value", "words"), [
    ("9" * 5000, "cannot be read as a number: it has too many digits"),
    ("2026-02-30", "cannot be read as a date: day is out of range for month"),
    ("2026-01-01 25:00:00", "cannot be read as a date"),
    ("0b_", "cannot be read as a number"),
])
def test_a_value_that_cannot_be_read_is_named_at_its_own_line(value, words):
    with pytest.raises(YamlError) as caught:
        parse_yaml(f"first: 1\nsecond: 2\nthird: {value}\n")
    assert caught.value.line == 3
    assert words in caught.value.message
    assert len(caught.value.message) < 120  # the value is shown cut short, not in full


@pytest.mark.parametrize(("text", "character"), [
    ("a: 1\nb: x\x01y\n", "U+0001"),     # raw: the reader refuses it
    ("a: 1\nb: x\x7f\n", "U+007F"),
    ("a: 1\nb: \"x\\x01y\"\n", "U+0001"),  # escaped: we refuse it
    ("a: 1\nb: \"x\\0\"\n", "U+0000"),
    ("a: 1\nb: \"\\e[31m\"\n", "U+001B"),  # a terminal escape
])
def test_control_characters_are_refused_at_their_line(text, character):
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    assert caught.value.line == 2
    assert caught.value.message == f"control character {character} is not allowed in text"


def test_tabs_and_line_breaks_in_text_are_fine():
    value, _ = parse_yaml('a: "one\\ttwo\\nthree"\n')
    assert value["a"] == "one\ttwo\nthree"


def test_a_lone_surrogate_is_a_problem_not_a_crash():
    with pytest.raises(YamlError, match="not valid Unicode") as caught:
        parse_yaml("a: 1\nb: '\ud800'\n")
    assert caught.value.line == 2


def test_lenient_reading_loses_only_the_refused_value():
    value, problems = parse_yaml("kiosk: true\nidle_seconds: !!bool maybe\n"
                                 "when: 2026-02-30\nlist: [1, !!int x]\ntheme: dark\n",
                                 lenient=True)
    assert value["kiosk"] is True and value["theme"] == "dark"
    assert isinstance(value["idle_seconds"], Refused)
    assert "the tag '!!bool' is not allowed" in value["idle_seconds"].message
    assert "cannot be read as a date" in value["when"].message
    assert value["list"][0] == 1 and isinstance(value["list"][1], Refused)
    assert problems == []
    with pytest.raises(YamlError, match="tag"):  # a key is never guessed at
        parse_yaml("!!str key: 1\n", lenient=True)
