"""The API answers in its own JSON error whatever goes wrong (`{"error": {"code", "message"}}`),
never an HTML page: a body over the size limit (413, an HTML page before), any server fault (5xx),
an id longer than its column (a 300-character slug raised OSError, a 500, before: now 400)."""
from __future__ import annotations

import pytest

SLUG = "gcm-arab-2021"


@pytest.fixture
def organiser(issue_token):
    return {"Authorization": f"Bearer {issue_token('organiser')}"}


def is_api_error(response, status: int, code: str) -> bool:
    body = response.get_json(silent=True)
    return (response.status_code == status and response.mimetype == "application/json"
            and body["error"]["code"] == code and isinstance(body["error"]["message"], str))


def test_a_body_over_the_limit_is_the_apis_json_413(client, organiser, loaded_app):
    too_big = b"x" * (loaded_app.config["MAX_CONTENT_LENGTH"] + 1)
    for path in ("/api/v1/conferences", f"/api/v1/conferences/{SLUG}/people"):
        answer = client.post(path, data=too_big, headers={**organiser, "Content-Type": "application/json"})
        assert is_api_error(answer, 413, "too_large"), (path, answer.status_code, answer.get_data()[:200])


def test_a_server_fault_in_the_api_is_the_apis_json_500_and_a_page_elsewhere(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False     # as in production: the fault becomes a 500

    @app.get("/api/v1/_fault")
    def api_fault():
        raise RuntimeError("a fault the views did not foresee")

    @app.get("/_fault")
    def page_fault():
        raise RuntimeError("a fault the views did not foresee")

    answer = app.test_client().get("/api/v1/_fault")
    assert is_api_error(answer, 500, "server_error")
    assert "fault the views" not in answer.get_data(as_text=True)      # nothing of the inside leaks
    page = app.test_client().get("/_fault")
    assert page.status_code == 500 and page.mimetype == "text/html"


def test_a_300_character_slug_is_a_400_not_a_500(client, organiser):
    answer = client.post(f"/api/v1/conferences/{SLUG}/clone", json={"slug": "s" * 300, "first_day": "2022-03-01"},
                         headers=organiser)
    assert is_api_error(answer, 400, "bad_request"), answer.get_data()[:300]
    assert answer.get_json()["error"]["findings"][0]["code"] == "too_long"
    assert client.get("/api/v1/conferences/" + "s" * 300).status_code == 404
