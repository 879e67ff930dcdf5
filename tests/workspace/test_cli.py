"""`minbar organiser`, `minbar agenda export|import|clone`, `minbar access list|issue|revoke`."""
from __future__ import annotations

from dataclasses import replace

from conference.agenda import parse, validate
from conference.cli import cli
from conference.paths import bundled_agenda


def invoke(app, *args, **kw):
    return app.test_cli_runner().invoke(cli, list(args), **kw)


def test_agenda_export_then_import_under_another_slug_then_export(loaded_app, tmp_path):
    first = invoke(loaded_app, "agenda", "export", "gcm-arab-2021")
    assert first.exit_code == 0, first.output
    spec, findings = parse.parse_text(first.output)
    original, _ = validate.check_file(bundled_agenda())
    assert replace(spec, source="") == replace(original, source="")
    path = tmp_path / "copy.toml"
    path.write_text(first.output, encoding="utf-8")
    imported = invoke(loaded_app, "agenda", "import", str(path), "--slug", "gcm-copy")
    assert imported.exit_code == 0, imported.output
    again = invoke(loaded_app, "agenda", "export", "gcm-copy")
    assert again.output == first.output.replace('slug = "gcm-arab-2021"', 'slug = "gcm-copy"')
    twice = invoke(loaded_app, "agenda", "import", str(path), "--slug", "gcm-copy")
    assert twice.exit_code != 0 and "already" in twice.output


def test_agenda_clone_and_bad_first_day(loaded_app):
    done = invoke(loaded_app, "agenda", "clone", "gcm-arab-2021", "gcm-2022", "--first-day", "2022-07-06")
    assert done.exit_code == 0 and "gcm-2022" in done.output
    bad = invoke(loaded_app, "agenda", "clone", "gcm-arab-2021", "gcm-2023", "--first-day", "soon")
    assert bad.exit_code != 0


def test_organiser_create_refuses_a_short_password_and_a_duplicate(loaded_app):
    short = invoke(loaded_app, "organiser", "create", "a@example.org", "--password-stdin", input="short\n")
    assert short.exit_code != 0 and "at least" in short.output
    ok = invoke(loaded_app, "organiser", "create", "a@example.org", "--password-stdin", input="long enough pass\n")
    assert ok.exit_code == 0
    again = invoke(loaded_app, "organiser", "create", "a@example.org", "--password-stdin", input="long enough pass\n")
    assert again.exit_code != 0
