"""The app's strings are found in the code when it is built (tools/extract_strings.py) and
shipped as explorer/model/app_strings.json; at run time only that file is read."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from explorer import resources
from explorer.model import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def extractor():
    spec = importlib.util.spec_from_file_location("extract_strings",
                                                  ROOT / "tools" / "extract_strings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_app_strings_are_up_to_date(extractor):
    strings, problems = extractor.extract(ROOT / "explorer")
    assert not problems, "\n".join(problems)
    shipped = resources.app_strings_path().read_text(encoding="utf-8")
    assert shipped == extractor.render(strings), (
        "explorer/model/app_strings.json is out of date: run python tools/extract_strings.py")
    assert i18n.source_strings() == set(strings)


def test_every_literal_form_is_found(extractor):
    source = '''
from explorer.model import i18n
from explorer.model.i18n import tr

tr("Double quotes")
tr('Single quotes')
tr("""Triple quotes""")
tr("Implicit " 'concatenation '
   "over lines")
tr("A {placeholder} filled in", placeholder=1)
tr(
    "On the next line")
tr("Escapes: \\u00e9 \\"quoted\\"")
i18n.tr("Through the module")
label.setText(tr("Nested in another call"))
KIND = Kind(label=N_('Marked, translated later'))
tr(KIND.label)
'''
    problems: list[str] = []
    found = extractor.strings_in(source, "explorer/example.py", problems)
    assert found == {"Double quotes", "Single quotes", "Triple quotes",
                     "Implicit concatenation over lines", "A {placeholder} filled in",
                     "On the next line", 'Escapes: é "quoted"', "Through the module",
                     "Nested in another call", "Marked, translated later"}
    assert problems == []


def test_other_functions_named_like_tr_are_not_app_strings(extractor):
    source = 'self.tr("Qt\'s own")\nstr("x")\nattr("y")\nQObject.tr("z")\n'
    assert extractor.strings_in(source, "explorer/example.py", []) == set()


def test_a_text_made_at_run_time_is_reported(extractor):
    source = ('from explorer.model.i18n import tr\n'
              'name = "x"\n'
              'tr(f"Hello {name}")\n'
              'tr("Hello " + name)\n'
              'tr("Hello %s" % name)\n'
              'tr("Hello {}".format(name))\n'
              'N_(name)\n'
              'tr()\n')
    problems: list[str] = []
    assert extractor.strings_in(source, "explorer/example.py", problems) == set()
    assert [p.split(": ")[0] for p in problems] == [f"explorer/example.py:{n}"
                                                    for n in range(3, 9)]
    assert all("needs a literal string" in p for p in problems)


def test_check_mode_tells_an_out_of_date_file(extractor, tmp_path, monkeypatch, capsys):
    out = tmp_path / "app_strings.json"
    monkeypatch.setattr(extractor, "OUT", out)
    monkeypatch.setattr(extractor, "ROOT", tmp_path)
    assert extractor.main(["--check"]) == 1  # no file yet
    assert "out of date" in capsys.readouterr().err
    assert extractor.main([]) == 0
    assert extractor.main(["--check"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["strings"].pop()
    out.write_text(json.dumps(data), encoding="utf-8")
    assert extractor.main(["--check"]) == 1
