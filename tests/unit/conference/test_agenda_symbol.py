"""The agenda file's optional document symbol: parsed per language, checked, loaded, written back."""
from __future__ import annotations

from conference.agenda.parse import parse_text
from conference.agenda.validate import validate
from conference.paths import bundled_agenda

HEAD = """
[conference]
slug = "t"
timezone = "UTC"
languages = ["en", "fr"]
title = { en = "T", fr = "T" }
{symbol}
[[days]]
date = "2021-02-24"

  [[days.items]]
  id = "opening"
  kind = "opening"
  start = "10:00"
  end = "11:00"
  title = { en = "Opening", fr = "Ouverture" }
"""


def _findings(symbol: str):
    spec, findings = parse_text(HEAD.replace("{symbol}", symbol))
    assert findings == []
    return spec, validate(spec)


def test_a_symbol_per_language_is_read():
    spec, findings = _findings('symbol = { en = "E/ESCWA/C.1/2021/4", fr = "E/ESCWA/C.1/2021/4" }')
    assert spec.symbol == {"en": "E/ESCWA/C.1/2021/4", "fr": "E/ESCWA/C.1/2021/4"}
    assert [f for f in findings if f.level == "error"] == []


def test_no_symbol_is_fine():
    spec, findings = _findings("")
    assert spec.symbol == {} and findings == []


def test_a_symbol_over_a_line_or_too_long_is_refused_by_name():
    _spec, findings = _findings('symbol = { en = "' + "X" * 61 + '", fr = "A\\nB" }')
    errors = [f for f in findings if f.level == "error"]
    assert [(f.code, f.where.field) for f in errors] == [("bad_value", "symbol")] * 2
    assert "'en'" in errors[0].message and "60 characters" in errors[0].message


def test_a_symbol_in_an_unknown_language_is_named():
    _spec, findings = _findings('symbol = { en = "S", fr = "S", xx = "S" }')
    assert any(f.code == "unknown_language" and f.where.field == "symbol" for f in findings)


def test_the_bundled_conference_has_a_symbol_in_each_language():
    spec, _ = parse_text(bundled_agenda().read_text(encoding="utf-8"))
    assert set(spec.symbol) == {"ar", "en", "fr"}


def test_the_symbol_is_loaded_and_written_back_by_the_workspace(loaded_app):
    from conference import queries
    from conference.workspace import agenda_file

    with loaded_app.extensions["minbar.db"].read_scope() as db:
        conf = queries.conference(db, "gcm-arab-2021")
        assert conf.symbol == {"ar": "GCM-ARAB/2021/INF.1", "en": "GCM-ARAB/2021/INF.1", "fr": "GCM-ARAB/2021/INF.1"}
        symbol, written = dict(conf.symbol), agenda_file.export(db, conf)
    spec, findings = parse_text(written)
    assert findings == [] and spec.symbol == symbol
