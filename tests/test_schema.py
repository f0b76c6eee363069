"""Turning one file's YAML into entries: every problem, with its line."""

import datetime
import textwrap

from explorer.model import Muscle, Source, parse_kind
from explorer.model.entities import Section


def parse(kind: str, text: str):
    problems, refs = [], []
    located = parse_kind(kind, textwrap.dedent(text).encode(), f"{kind}.yaml", problems, refs)
    return located, [str(p) for p in problems], refs


def test_a_good_entry_becomes_a_typed_immutable_model():
    located, problems, _ = parse("muscles", """\
        muscles:
          - id: biceps
            name: Biceps
            does: >-
              Bends your elbow
              and turns your palm up.
            sources: [{title: Biceps, url: "https://example.org/biceps"}]
            reviewed: 2026-12-01
        """)
    assert problems == []
    (item,) = located
    assert item.entry == Muscle(id="biceps", name="Biceps",
                                does="Bends your elbow and turns your palm up.",
                                sources=(Source("Biceps", "https://example.org/biceps"),),
                                reviewed=datetime.date(2026, 12, 1))
    assert item.line == 2


def test_every_problem_in_a_file_is_reported_not_just_the_first():
    _, problems, _ = parse("muscles", """\
        muscles:
          - id: biceps
            nmae: Biceps
            does: Bends your elbow.
            sources: []
            reviewed: 2026-12-01
          - id: triceps
            name: 12
            does: ""
            sources: []
            reviewed: 2026-12-01
          - name: No id
            does: Something.
            sources: []
            reviewed: 2026-12-01
        """)
    assert problems == [
        "muscles.yaml:3: unknown key 'nmae' in muscle 'biceps'; did you mean 'name'?",
        "muscles.yaml:2: muscle 'biceps' is missing the field 'name'",
        "muscles.yaml:5: 'sources' in muscle 'biceps' is an empty list",
        "muscles.yaml:8: 'name' in muscle 'triceps' should be text, not a number",
        "muscles.yaml:9: 'does' in muscle 'triceps' is empty",
        "muscles.yaml:10: 'sources' in muscle 'triceps' is an empty list",
        "muscles.yaml:12: this muscle is missing the field 'id'",
        "muscles.yaml:14: 'sources' in this muscle is an empty list",
    ]


def test_references_are_collected_with_their_lines():
    _, problems, refs = parse("conditions", """\
        conditions:
          - id: sciatica
            name: Sciatica
            summary: Pain along the sciatic nerve.
            what: Pain that runs down the leg.
            symptoms: [Leg pain]
            causes: [A herniated disc]
            helps: [Staying active]
            see_doctor: [Pain lasts more than a few weeks]
            regions:
              - lumbar
              - sacral
            sources:
              - title: Sciatica
                url: https://www.nhs.uk/conditions/sciatica/
            reviewed: 2026-11-21
        """)
    assert problems == []
    assert [(r.line, r.kind, r.target) for r in refs] == [(11, "regions", "lumbar"),
                                                          (12, "regions", "sacral")]


def test_nested_entries_and_choices_are_checked():
    located, problems, _ = parse("topics", """\
        topics:
          - id: spasms
            title: Muscle spasms
            summary: About spasms.
            sections:
              - heading: What helps
                items: [Rest, Fluids]
              - heading: Urgent
                kind: alarm
            sources:
              - title: A page
                url: not a url
            reviewed: yesterday
        """)
    assert [(item.id, item.entry) for item in located] == [("spasms", None)]
    assert problems == [
        "topics.yaml:9: 'kind' in a section in 'sections' in topic 'spasms' must be one of "
        "info, doctor",
        "topics.yaml:11: 'not a url' is not a web address (http:// or https://)",
        "topics.yaml:13: 'reviewed' in topic 'spasms' should be a date like 2026-11-21, not text",
    ]


def test_optional_fields_default_and_lists_become_tuples():
    located, problems, _ = parse("topics", """\
        topics:
          - id: spasms
            title: Muscle spasms
            summary: About spasms.
            sections:
              - heading: What helps
                items: [Rest, Fluids]
            sources:
              - {title: MedlinePlus, url: "https://medlineplus.gov/ency/article/003193.htm"}
            reviewed: 2026-11-21
        """)
    assert problems == []
    topic = located[0].entry
    assert topic.sections == (Section(heading="What helps", items=("Rest", "Fluids")),)
    assert topic.reviewed == datetime.date(2026, 11, 21)


def test_file_level_problems():
    assert parse("muscles", "")[1] == [
        "muscles.yaml:1: the file is empty; it should start with 'muscles:' and a list"]
    assert parse("muscles", "regions: []\n")[1] == [
        "muscles.yaml:1: the file should start with 'muscles:' and a list"]
    assert parse("muscles", "muscles: {a: 1}\nextra: 2\n")[1] == [
        "muscles.yaml:2: unknown top-level key 'extra' (expected only 'muscles')",
        "muscles.yaml:1: 'muscles' should be a list of entries"]
    assert parse("muscles", "muscles:\n  - just text\n")[1] == [
        "muscles.yaml:2: expected the fields of a muscle, got text"]
