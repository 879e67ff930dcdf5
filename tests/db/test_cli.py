"""The `minbar` command line: init, agenda check, agenda load."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from conference.cli import cli
from conference.paths import bundled_agenda
from sessions.models import AgendaItem

BAD = Path(__file__).resolve().parent.parent / "data" / "agendas"


def invoke(app, *args):
    """Run `minbar ARGS`; `output` holds stdout and stderr together (Click 8.2+)."""
    return app.test_cli_runner().invoke(cli, list(args))


def test_init_loads_the_bundled_conference_and_is_safe_twice(app):
    first = invoke(app, "init")
    second = invoke(app, "init")
    assert first.exit_code == 0, first.output
    assert "loaded" in first.output
    assert second.exit_code == 0 and "already up to date" in second.output
    with app.extensions["minbar.db"].session_scope() as session:
        assert session.scalar(select(func.count()).select_from(AgendaItem)) == 21


def test_agenda_check_on_the_bundled_file_passes_and_reports_the_seed_inconsistency(app):
    result = invoke(app, "agenda", "check", str(bundled_agenda()))
    assert result.exit_code == 0, result.output
    assert "break-4" in result.output and "stated_length_mismatch" in result.output
    assert "0 error(s)" in result.output


def _files_with_errors() -> list[str]:
    from conference.agenda import validate

    return sorted(p.name for p in BAD.glob("*.toml") if validate.has_errors(validate.check_file(p)[1]))


def test_there_are_bad_files_for_every_error_the_issue_names():
    names = {n.removesuffix(".toml") for n in _files_with_errors()}
    assert {"overlap", "end_before_start", "slots_exceed_item", "unknown_timezone", "nonexistent_time",
            "ambiguous_time", "objective_out_of_range", "duplicate_id", "unknown_language", "malformed"} <= names


@pytest.mark.parametrize("name", _files_with_errors())
def test_agenda_check_on_a_bad_file_exits_1_with_a_located_message(app, name):
    result = invoke(app, "agenda", "check", str(BAD / name))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{name}:" in result.output


def test_agenda_load_refuses_a_file_with_errors_and_changes_nothing(app):
    invoke(app, "init")
    result = invoke(app, "agenda", "load", str(BAD / "overlap.toml"))
    assert result.exit_code == 1
    with app.extensions["minbar.db"].session_scope() as session:
        assert session.scalar(select(func.count()).select_from(AgendaItem)) == 21


def test_agenda_load_of_another_conference_adds_it(app):
    result = invoke(app, "agenda", "load", str(BAD / "minimal.toml"))
    assert result.exit_code == 0, result.output
    with app.test_client() as client:
        slugs = [c["slug"] for c in client.get("/api/v1/conferences").get_json()]
    assert len(slugs) == 1
