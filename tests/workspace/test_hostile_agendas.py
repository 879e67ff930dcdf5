"""Agenda text from outside is bounded before it is parsed deeply, and names stay on one line
(conference/agenda/guard.py). Before: 5,000 nested arrays or 3,000 nested inline tables raised
RecursionError in tomllib (a 107 KB traceback, a 500); a 300-character slug made a file name the
system refused (OSError, a 500); a person named "Eve\\r\\nBcc: ..." was accepted and made their
invitation a 500. Now each is a located 400 (or an error of `minbar agenda check`), and nothing
changes."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from conference.agenda import guard
from conference.agenda.parse import parse_text
from conference.cli import cli
from conftest import DATA

from .conftest import SLUG

A = f"/api/v1/conferences/{SLUG}"
MINIMAL = (DATA / "agendas" / "minimal.toml").read_text(encoding="utf-8")
DEEP_ARRAYS = MINIMAL.replace('languages = ["ar", "en", "fr"]', "languages = " + "[" * 5000 + "]" * 5000)
DEEP_TABLES = MINIMAL.replace('platform_url = "https://example.org/mini"',
                              'platform_url = "https://example.org/mini"\nextra = ' + "{a=" * 3000 + "1" + "}" * 3000)
LONG_SLUG = MINIMAL.replace('slug = "mini-2021"', f'slug = "{"s" * 300}"')
EVE = MINIMAL.replace('name = "Director General of IOM"', 'name = "Eve\\r\\nBcc: spy@evil.example"')


def line_of(start: str) -> int:
    return next(n for n, line in enumerate(MINIMAL.splitlines(), 1) if line.startswith(start))


@pytest.fixture
def organiser(issue_token):
    return {"Authorization": f"Bearer {issue_token('organiser')}"}


@pytest.mark.parametrize("body, code, line", [(DEEP_ARRAYS, "too_deep", line_of("languages =")),
                                              (DEEP_TABLES, "too_deep", line_of("platform_url =") + 1),
                                              (LONG_SLUG, "too_long", None), (EVE, "line_break", None)])
def test_a_hostile_import_is_a_located_400(browser, loaded_app, body, code, line):
    before = conferences(loaded_app)
    answer = browser.post("/api/v1/conferences", data=body.encode(), headers={"X-CSRFToken": browser.csrf})
    assert answer.status_code == 400, answer.get_data(as_text=True)[:300]
    error = answer.get_json()["error"]
    assert error["code"] == "bad_request"
    [finding] = error["findings"]
    assert finding["code"] == code
    assert finding["where"].get("line") == line or line is None
    assert "Traceback" not in answer.get_data(as_text=True)
    assert conferences(loaded_app) == before


def test_a_file_larger_than_the_limit_is_refused_before_it_is_parsed():
    spec, findings = parse_text(MINIMAL + "# " + "x" * guard.MAX_BYTES)
    assert spec is None and [f.code for f in findings] == ["too_large"]


def test_strings_and_comments_do_not_count_as_nesting():
    nested_in_text = MINIMAL.replace('platform_url = "https://example.org/mini"',
                                     'platform_url = "https://example.org/mini" # ' + "[" * 100 + "\n"
                                     'venue = { en = "' + "[{" * 100 + '", fr = """' + "[" * 100 + '""" }')
    assert guard.source_finding(nested_in_text) is None
    spec, findings = parse_text(nested_in_text)
    assert spec is not None and not [f for f in findings if f.level == "error"], findings


@pytest.mark.parametrize("body, code", [(DEEP_ARRAYS, "too_deep"), (DEEP_TABLES, "too_deep"),
                                        (LONG_SLUG, "too_long"), (EVE, "line_break")])
def test_agenda_check_and_load_say_where_without_a_traceback(app, tmp_path, body, code):
    path = tmp_path / "hostile.toml"
    path.write_text(body, encoding="utf-8")
    runner = app.test_cli_runner()
    for command in ("check", "load"):
        result = runner.invoke(cli, ["agenda", command, str(path)])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "hostile.toml" in result.output


@pytest.mark.parametrize("field", ["name", "delegation", "organisation", "title"])
@pytest.mark.parametrize("value", ["Eve\r\nBcc: spy@evil.example", "Eve\nBcc: x", "Eve\rX", "Eve\x00"])
def test_a_person_with_a_line_break_is_refused_by_the_api(client, organiser, field, value):
    body = {"key": "eve", "name": "Eve", "group": "member_state", field: value}
    answer = client.post(f"{A}/people", json=body, headers=organiser)
    assert answer.status_code == 400
    assert field in answer.get_json()["error"]["message"]
    assert all(p["key"] != "eve" for p in client.get(f"{A}/people", headers=organiser).get_json())


def test_an_edit_that_adds_a_line_break_is_refused(client, organiser):
    answer = client.patch(f"{A}/people/dg-iom", json={"name": {"en": "DG\r\nBcc: x@y.org"}}, headers=organiser)
    assert answer.status_code == 400 and "name" in answer.get_json()["error"]["message"]
    people = client.get(f"{A}/people", headers=organiser).get_json()
    assert not any("\r" in str(p) or "\n" in str(p) for p in people)


def test_a_link_or_an_organiser_named_with_a_line_break_is_refused(client, loaded_app, organiser, clock):
    from conference.errors import MinbarError
    from speakers import organisers

    answer = client.post(f"{A}/links", json={"role": "participant", "name": "Eve\r\nBcc: x@y.org"}, headers=organiser)
    assert answer.status_code == 400 and "name" in answer.get_json()["error"]["message"]
    with loaded_app.extensions["minbar.db"].session_scope() as db, pytest.raises(MinbarError) as refused:
        organisers.create(db, "eve@example.org", "a long enough password", clock.now(), name="Eve\nBcc: x")
    assert refused.value.code == "bad_request"


def test_an_invitation_never_puts_a_stored_line_break_in_a_header(client, loaded_app, organiser):
    """A name stored before the rule (written into the database directly here): the invitation is
    a 400 naming the field, not a 500, and no message leaves."""
    loaded_app.config["MINBAR_SMTP_URL"] = "smtp://127.0.0.1:9"        # never reached
    link = client.post(f"{A}/links", json={"role": "participant", "name": "Eve"}, headers=organiser).get_json()
    with loaded_app.extensions["minbar.db"].engine.begin() as connection:
        connection.execute(text("UPDATE access_tokens SET name = :n WHERE id = :i"),
                           {"n": "Eve\r\nBcc: spy@evil.example", "i": link["id"]})
    answer = client.post(f"{A}/links/{link['id']}/invitation", json={"to": "eve@example.org"}, headers=organiser)
    assert answer.status_code == 400, answer.get_data(as_text=True)[:300]
    assert answer.get_json()["error"]["field"] == "name"


def conferences(app) -> int:
    with app.extensions["minbar.db"].engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM conferences")).scalar()
