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
