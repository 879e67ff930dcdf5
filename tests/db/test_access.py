"""Access links: issuing (with a named person), resolving, revoking, through the CLI."""
from __future__ import annotations

import pytest

from conference.cli import cli
from conference.errors import MinbarError
from speakers import access


def run(app, *args):
    return app.test_cli_runner().invoke(cli, list(args))


def test_issue_prints_a_link_to_the_roles_page(loaded_app):
    result = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "chair",
                 "--session", "plenary-1", "--base-url", "https://minbar.example")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("https://minbar.example/conferences/gcm-arab-2021/sessions/plenary-1/console?token=")


def test_a_link_issued_from_the_cli_during_a_rehearsal_is_stamped_on_the_rehearsal_clock(loaded_app):
    """README, "Rehearsing": `minbar run --at` keeps the rehearsal in the instance; `minbar access
    issue` from another shell (the real clock, no MINBAR_AT) stamps its link on it, as the
    workspace does."""
    from datetime import datetime, timezone

    from sqlalchemy import select

    from conference.clock import Rehearsal, keep_rehearsal
    from speakers.models import AccessToken
    from timing.clock import SystemClock

    loaded_app.extensions["minbar.clock"] = SystemClock()
    at = datetime(2021, 2, 24, 9, 14, tzinfo=timezone.utc)
    keep_rehearsal(Rehearsal(at, at - datetime.now(timezone.utc), continued=False), loaded_app.instance_path)
    result = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
                 "--token-only")
    assert result.exit_code == 0, result.output
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        issued = db.scalar(select(AccessToken.issued_at))
    assert at <= issued < at.replace(hour=10)


def test_chair_link_without_a_session_is_refused(loaded_app):
    result = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "chair")
    assert result.exit_code != 0
    assert "must name its session" in result.output


def test_link_for_a_named_person_takes_their_details(loaded_app):
    result = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "speaker",
                 "--session", "opening", "--person", "dg-iom", "--token-only")
    assert result.exit_code == 0, result.output
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        who = access.resolve(db, result.output.strip(), loaded_app.config["SECRET_KEY"])
    assert (who.person, who.name, who.group, who.language) == ("dg-iom", "Director General of IOM", "un_entity", "en")


def test_link_for_an_unknown_person_is_refused(loaded_app):
    result = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
                 "--person", "nobody")
    assert result.exit_code != 0 and "no person 'nobody'" in result.output


def test_revoked_link_no_longer_resolves(loaded_app):
    token = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
                "--name", "Delegate", "--token-only").output.strip()
    result = run(loaded_app, "access", "revoke", token)
    assert result.exit_code == 0 and "Revoked" in result.output
    with loaded_app.extensions["minbar.db"].session_scope() as db, pytest.raises(MinbarError) as refused:
        access.resolve(db, token, loaded_app.config["SECRET_KEY"])
    assert refused.value.code == "unauthorized"


# -- expiry, listing, revoking by link, where links point (issues 10 and 12) -------------------

def _row(app, token):
    from speakers.models import AccessToken
    from speakers.tokens import unsign

    with app.extensions["minbar.db"].session_scope() as db:
        row = db.get(AccessToken, unsign(token, app.config["SECRET_KEY"]))
        db.expunge(row)
        return row


def test_expires_on_a_date_means_the_end_of_that_day_in_the_conferences_zone(loaded_app):
    token = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
                "--expires", "2021-02-26", "--token-only").output.strip()
    assert _row(loaded_app, token).expires_at.isoformat() == "2021-02-26T22:00:00+00:00"   # midnight in Beirut


def test_expires_takes_an_iso_instant_and_refuses_nonsense(loaded_app):
    token = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
                "--expires", "2021-02-25T18:00:00+02:00", "--token-only").output.strip()
    assert _row(loaded_app, token).expires_at.isoformat() == "2021-02-25T16:00:00+00:00"
    bad = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
              "--expires", "next tuesday")
    past = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
               "--expires", "2020-01-01")
    assert (bad.exit_code, past.exit_code) != (0, 0) and bad.exit_code != 0 and past.exit_code != 0
    assert "neither a date" in bad.output and "in the future" in past.output


def test_an_interpreter_link_needs_its_booth(loaded_app):
    result = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "interpreter")
    assert result.exit_code != 0 and "--booth" in result.output
    assert run(loaded_app, "access", "list").output.strip().endswith("0 link(s).")


def test_list_shows_who_role_session_and_dates_but_never_the_token(loaded_app, clock):
    chair = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "chair",
                "--session", "plenary-1", "--name", "Chair One", "--token-only").output.strip()
    run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "interpreter", "--booth", "fr",
        "--name", "Anne", "--expires", "2021-02-26")
    run(loaded_app, "access", "revoke", chair)
    listing = run(loaded_app, "access", "list", "--conference", "gcm-arab-2021")
    assert listing.exit_code == 0, listing.output
    lines = listing.output.splitlines()
    assert lines[0].split()[:4] == ["ID", "CONFERENCE", "WHO", "ROLE"] and lines[-1] == "2 link(s)."
    chair_line = next(line for line in lines if "Chair One" in line)
    assert "plenary-1" in chair_line and "2021-02-24 08:30Z" in chair_line   # issued, then revoked now
    assert "interpreter:fr" in listing.output and "2021-02-26 22:00Z" in listing.output
    assert chair not in listing.output and "token" not in listing.output.lower()


def test_revoke_takes_the_printed_link(loaded_app):
    link = run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
               "--base-url", "https://minbar.example").output.strip()
    result = run(loaded_app, "access", "revoke", link)
    assert result.exit_code == 0 and "Revoked the participant link" in result.output
    token = link.split("token=")[1]
    assert _row(loaded_app, token).revoked_at is not None


def test_links_point_at_minbar_base_url_else_where_minbar_run_serves(loaded_app, monkeypatch):
    from speakers.cli import remember_base_url

    def issued():
        return run(loaded_app, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant").output

    assert issued().startswith("http://127.0.0.1:5000/conferences/gcm-arab-2021?token=")
    remember_base_url(loaded_app, "http://10.0.0.5:8080")
    assert issued().startswith("http://10.0.0.5:8080/conferences/")
    loaded_app.config["MINBAR_BASE_URL"] = "https://minbar.example"
    assert issued().startswith("https://minbar.example/conferences/")
