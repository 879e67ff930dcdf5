"""Registration over HTTP with a real SMTP server (tests/smtp_inbox.py): register, confirm the
e-mailed link, the secretariat approves, the participant link arrives and signs in; and every
refusal (closed, unconfirmed, duplicates, honeypot, too fast, too many per address, too many
per e-mail answered as any address, an expired confirmation, someone else than an organiser deciding)."""
from __future__ import annotations

import email
import email.policy
import re
from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from smtp_inbox import smtp_server

SLUG = "gcm-arab-2021"
A = f"/api/v1/conferences/{SLUG}"
PAGE = f"/conferences/{SLUG}/register"
AMIRA = {"name": {"ar": "أميرة حداد"}, "name_latin": "Amira Haddad", "title": "H.E. Ms",
         "function": "Minister of Labour", "rank": 3, "delegation": "Lebanon", "group": "member_state",
         "language": "ar", "gender": "female", "email": "amira@example.org", "needs": "Captions, please."}


@pytest.fixture
def inbox(loaded_app):
    with smtp_server() as box:
        loaded_app.config["MINBAR_SMTP_URL"] = box.url
        loaded_app.config["MINBAR_BASE_URL"] = "https://minbar.example.org"
        yield box


@pytest.fixture
def open_registration(loaded_app, clock):
    from conference import queries
    from conference.registration import store

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        store.put_settings(db, queries.conference(db, SLUG), opens_at=clock.now() - timedelta(days=1),
                           closes_at=clock.now() + timedelta(days=1), retention_days=30, now=clock.now(),
                           actor="test")


@pytest.fixture
def organiser(issue_token):
    return {"Authorization": f"Bearer {issue_token('organiser')}"}


def parsed(raw) -> email.message.EmailMessage:
    return email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)


def text_of(raw) -> str:
    return parsed(raw).get_body(("plain",)).get_content()


def confirmation_token(raw) -> str:
    return re.search(r"confirmation_token=([A-Za-z0-9_-]+)", text_of(raw)).group(1)


def count(loaded_app, **where) -> int:
    from conference.registration.models import Registration

    with loaded_app.extensions["minbar.db"].read_scope() as db:
        query = select(func.count(Registration.id))
        for name, value in where.items():
            query = query.where(getattr(Registration, name) == value)
        return db.scalar(query)


def register(client, body=None, address="192.0.2.10", **changes):
    return client.post(f"{A}/registrations", json={**(body or AMIRA), **changes},
                       environ_base={"REMOTE_ADDR": address})


def registered_and_confirmed(client, inbox, **changes) -> int:
    before = len(inbox.messages)
    assert register(client, **changes).status_code == 202
    token = confirmation_token(inbox.messages[before])
    assert client.post(f"{A}/registrations/confirm", json={"token": token}).status_code == 200
    return max(r["id"] for r in client.get(f"{A}/registrations", headers=client.organiser).get_json())


@pytest.fixture
def api(client, organiser):
    client.organiser = organiser
    return client


# -- the whole way, over HTTP and real SMTP --------------------------------------------------

def test_register_confirm_approve_and_the_participant_link_signs_in(loaded_app, api, inbox, open_registration):
    answer = register(api)
    assert answer.status_code == 202 and answer.get_json()["status"] == "received"
    assert len(inbox.messages) == 1
    confirmation = parsed(inbox.messages[0])
    assert confirmation["To"].addresses[0].addr_spec == "amira@example.org"
    assert "أميرة حداد" in text_of(inbox.messages[0])             # greeted in Arabic, her language
    [row] = api.get(f"{A}/registrations", headers=api.organiser).get_json()
    assert row["status"] == "unconfirmed" and row["email"] == "amira@example.org"

    token = confirmation_token(inbox.messages[0])
    page = api.get(f"{PAGE}/confirm?confirmation_token={token}&lang=ar")
    assert page.status_code == 200 and token in page.get_data(as_text=True)
    assert count(loaded_app, status="pending") == 0                 # opening the link confirms nothing
    done = api.post(f"{PAGE}/confirm?lang=ar", data={"confirmation_token": token})
    assert done.status_code == 200 and "تأكيد" in done.get_data(as_text=True)
    assert count(loaded_app, status="pending") == 1
    again = api.post(f"{PAGE}/confirm", data={"confirmation_token": token})   # a token serves once
    assert again.status_code == 404

    approved = api.post(f"{A}/registrations/{row['id']}/approve", headers=api.organiser)
    assert approved.status_code == 200, approved.get_json()
    person = approved.get_json()["person"]
    assert approved.get_json()["status"] == "approved" and person == "amira-haddad"
    people = {p["key"]: p for p in api.get(f"{A}/people", headers=api.organiser).get_json()}
    assert people[person]["name"] == {"ar": "أميرة حداد", "en": "Amira Haddad", "fr": "Amira Haddad"}
    assert (people[person]["delegation"], people[person]["rank"], people[person]["group"]) == ("Lebanon", 3, "member_state")

    assert len(inbox.messages) == 2
    message = parsed(inbox.messages[1])
    body = message.get_body(("plain",)).get_content()
    link = re.search(r"https://minbar\.example\.org/\S+\?token=\S+", body).group(0)
    assert "أميرة حداد" in body and "رابط" in body                   # in Arabic
    attachment = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    events = list(Calendar.from_ical(attachment.get_payload(decode=True)).walk("VEVENT"))
    assert f"plenary-1@{SLUG}.minbar" in [str(e["UID"]) for e in events]   # the programme

    visitor = loaded_app.test_client()
    opened = visitor.get(link.replace("https://minbar.example.org", ""))
    assert opened.status_code == 303 and "token=" not in opened.headers["Location"]
    signed_in = visitor.get(opened.headers["Location"])
    assert signed_in.status_code == 200
    from speakers.models import AccessToken

    with loaded_app.extensions["minbar.db"].read_scope() as db:
        link_row = db.scalar(select(AccessToken).where(AccessToken.person_key == person))
        assert link_row.role == "participant" and link_row.last_used_at is not None


def test_the_answer_is_the_same_whether_the_address_is_known_or_not(api, inbox, open_registration):
    first = register(api, address="192.0.2.1")
    known = register(api, address="192.0.2.2")
    unknown = register(api, address="192.0.2.3", email="nobody@example.org")
    assert first.status_code == known.status_code == unknown.status_code == 202
    assert known.get_json() == unknown.get_json()
    assert len(inbox.messages) == 3


def test_the_audit_log_and_the_logs_carry_no_e_mail_address(loaded_app, api, inbox, open_registration, caplog):
    registered_and_confirmed(api, inbox)
    audit = api.get(f"{A}/audit", headers=api.organiser).get_data(as_text=True)
    assert "registration.submit" in audit and "registration.confirm" in audit
    assert "amira@example.org" not in audit
    from conference.web import redact

    assert "amira@example.org" not in redact("sent to amira@example.org, confirmation_token=abc")
    assert "abc" not in redact("GET /register/confirm?confirmation_token=abc HTTP/1.1")


# -- refusals --------------------------------------------------------------------------------

def test_registration_closed_is_refused_and_said_clearly(loaded_app, api, inbox, clock):
    page = api.get(f"{PAGE}?lang=en")
    assert page.status_code == 200 and "Registration is not open" in page.get_data(as_text=True)
    assert 'name="email"' not in page.get_data(as_text=True)
    refused = register(api)
    assert refused.status_code == 403 and refused.get_json()["error"]["reason"] == "registration_closed"
    from conference import queries
    from conference.registration import store

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        store.put_settings(db, queries.conference(db, SLUG), opens_at=clock.now() - timedelta(days=3),
                           closes_at=clock.now() - timedelta(days=1), retention_days=30, now=clock.now(), actor="t")
    closed = api.get(f"{PAGE}?lang=fr").get_data(as_text=True)
    assert "Les inscriptions à cette conférence ont été closes le" in closed
    assert api.post(f"{PAGE}?lang=en", data={"name": "X"}).status_code == 403
    assert register(api).status_code == 403
    assert count(loaded_app) == 0 and inbox.messages == []


def form_values(page_html: str, **changes) -> dict:
    stamp = re.search(r'name="stamp" value="([^"]+)"', page_html).group(1)
    return {"stamp": stamp, "website": "", "name": "أميرة حداد", "name_latin": "Amira Haddad", "title": "",
            "function": "Minister", "rank": "3", "delegation": "Lebanon", "group": "member_state",
            "email": "amira@example.org", "language": "ar", "gender": "", "needs": "", **changes}


def test_the_page_form_registers_after_a_human_pause(loaded_app, api, inbox, open_registration, clock):
    html = api.get(f"{PAGE}?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in html and 'name="website"' in html
    clock.advance(seconds=5)
    sent = api.post(f"{PAGE}?lang=ar", data=form_values(html))
    assert sent.status_code == 303 and sent.headers["Location"].endswith("/register/sent?lang=ar")
    assert "amira@example.org" not in api.get(sent.headers["Location"]).get_data(as_text=True)
    assert count(loaded_app, status="unconfirmed") == 1 and len(inbox.messages) == 1


def test_the_honeypot_refuses_and_stores_nothing(loaded_app, api, inbox, open_registration, clock):
    html = api.get(f"{PAGE}?lang=en").get_data(as_text=True)
    clock.advance(seconds=5)
    refused = api.post(f"{PAGE}?lang=en", data=form_values(html, website="https://spam.example"))
    assert refused.status_code == 400
    assert "The form was not filled in as expected" in refused.get_data(as_text=True)
    assert count(loaded_app) == 0 and inbox.messages == []


def test_a_form_sent_too_fast_is_refused(loaded_app, api, inbox, open_registration, clock):
    html = api.get(f"{PAGE}?lang=en").get_data(as_text=True)
    clock.advance(seconds=1)
    refused = api.post(f"{PAGE}?lang=en", data=form_values(html))
    assert refused.status_code == 400 and "too quickly" in refused.get_data(as_text=True)
    forged = api.post(f"{PAGE}?lang=en", data=form_values(html, stamp="1.deadbeef"))
    assert forged.status_code == 400 and "expired" in forged.get_data(as_text=True)
    assert count(loaded_app) == 0 and inbox.messages == []


def test_too_many_from_one_address_is_refused(loaded_app, api, inbox, open_registration, clock):
    loaded_app.config["MINBAR_REGISTRATION_PER_ADDRESS"] = 3
    for n in range(3):
        assert register(api, address="198.51.100.7", email=f"p{n}@example.org").status_code == 202
    refused = register(api, address="198.51.100.7", email="p9@example.org")
    assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "rate_limited"
    assert register(api, address="198.51.100.8", email="p9@example.org").status_code == 202   # another address
    clock.advance(seconds=3601)
    assert register(api, address="198.51.100.7", email="p10@example.org").status_code == 202  # an hour later
    assert count(loaded_app) == 5


def test_too_many_for_one_e_mail_address_keeps_and_sends_nothing_but_says_nothing(loaded_app, api, inbox,
                                                                                 open_registration):
    loaded_app.config["MINBAR_REGISTRATION_PER_EMAIL"] = 2
    assert register(api, address="203.0.113.1").status_code == 202
    assert register(api, address="203.0.113.2", email="AMIRA@example.org").status_code == 202
    silent = register(api, address="203.0.113.3")      # tests/http/test_registration_limits.py: as any address
    assert silent.status_code == 202 and silent.get_json()["status"] == "received"
    assert count(loaded_app) == 2 and len(inbox.messages) == 2


def test_an_expired_confirmation_is_refused(loaded_app, api, inbox, open_registration, clock):
    register(api)
    token = confirmation_token(inbox.messages[0])
    clock.advance(seconds=48 * 3600 + 1)
    refused = api.post(f"{A}/registrations/confirm", json={"token": token})
    assert refused.status_code == 409 and refused.get_json()["error"]["reason"] == "expired"
    page = api.post(f"{PAGE}/confirm?lang=en", data={"confirmation_token": token})
    assert "has expired" in page.get_data(as_text=True)
    assert count(loaded_app, status="unconfirmed") == 1


def test_an_unconfirmed_registration_cannot_be_approved(loaded_app, api, inbox, open_registration):
    register(api)
    [row] = api.get(f"{A}/registrations", headers=api.organiser).get_json()
    refused = api.post(f"{A}/registrations/{row['id']}/approve", headers=api.organiser)
    assert refused.status_code == 409 and refused.get_json()["error"]["code"] == "invalid_state"
    assert count(loaded_app, status="unconfirmed") == 1 and len(inbox.messages) == 1
    people = api.get(f"{A}/people", headers=api.organiser).get_json()
    assert "amira-haddad" not in [p["key"] for p in people]


def test_duplicates_are_flagged_for_the_secretariat(loaded_app, api, inbox, open_registration):
    first = registered_and_confirmed(api, inbox)
    same_email = registered_and_confirmed(api, inbox, name_latin="A. Haddad", name={"ar": "أ. حداد"})
    same_name = registered_and_confirmed(api, inbox, email="amira.h@example.org", delegation=" lebanon ")
    other = registered_and_confirmed(api, inbox, email="omar@example.org", name_latin="Omar Khalil",
                                     name={"ar": "عمر خليل"})
    rows = {r["id"]: r["duplicate"] for r in api.get(f"{A}/registrations", headers=api.organiser).get_json()}
    assert rows[first] == ["same_email", "same_name_and_delegation"]
    assert rows[same_email] == ["same_email"]
    assert rows[same_name] == ["same_name_and_delegation"]
    assert rows[other] == []


def test_only_an_organiser_decides(loaded_app, api, inbox, open_registration, issue_token):
    registration = registered_and_confirmed(api, inbox)
    participant = {"Authorization": f"Bearer {issue_token('participant')}"}
    assert api.post(f"{A}/registrations/{registration}/approve", headers=participant).status_code == 403
    assert api.post(f"{A}/registrations/{registration}/decline", headers=participant).status_code == 403
    assert api.post(f"{A}/registrations/{registration}/approve").status_code == 401
    assert api.get(f"{A}/registrations", headers=participant).status_code == 403
    assert api.get(f"{A}/registrations").status_code == 401
    assert count(loaded_app, status="pending") == 1


def test_declining_sends_the_reason_in_the_persons_language(loaded_app, api, inbox, open_registration):
    registration = registered_and_confirmed(api, inbox, language="fr")
    declined = api.post(f"{A}/registrations/{registration}/decline", headers=api.organiser,
                        json={"reason": "Réservé aux délégations nationales."})
    assert declined.status_code == 200 and declined.get_json()["status"] == "declined"
    text = text_of(inbox.messages[-1])
    assert "Réservé aux délégations nationales." in text and "secrétariat" in text
    assert api.post(f"{A}/registrations/{registration}/approve", headers=api.organiser).status_code == 409


def test_the_csv_export_cannot_run_formulas(loaded_app, api, inbox, open_registration):
    registered_and_confirmed(api, inbox, delegation="=HYPERLINK(\"http://evil\")", function="+1 cmd")
    csv_text = api.get(f"{A}/registrations?format=csv&status=pending", headers=api.organiser).get_data(as_text=True)
    assert "'=HYPERLINK" in csv_text and "'+1 cmd" in csv_text
    assert "\n=" not in csv_text and ",=" not in csv_text and ",+" not in csv_text
    assert api.get(f"{A}/registrations?status=maybe", headers=api.organiser).status_code == 400


def test_the_limit_counts_the_client_behind_trusted_proxies_and_ignores_forged_headers(loaded_app, api, inbox,
                                                                                       open_registration, clock):
    from conference.app import create_app

    loaded_app.config["MINBAR_REGISTRATION_PER_ADDRESS"] = 2
    # No proxy trusted: a client writing X-Forwarded-For is still its own address.
    for n in range(2):
        assert api.post(f"{A}/registrations", json={**AMIRA, "email": f"f{n}@example.org"},
                        headers={"X-Forwarded-For": f"203.0.113.{n}"},
                        environ_base={"REMOTE_ADDR": "192.0.2.99"}).status_code == 202
    forged = api.post(f"{A}/registrations", json={**AMIRA, "email": "f9@example.org"},
                      headers={"X-Forwarded-For": "203.0.113.77"}, environ_base={"REMOTE_ADDR": "192.0.2.99"})
    assert forged.status_code == 429
    # Behind the shipped nginx (one trusted hop): each client its own count, all through 127.0.0.1.
    behind = create_app({**{k: loaded_app.config[k] for k in ("DATABASE_URL", "SECRET_KEY", "MINBAR_SMTP_URL",
                                                                "MINBAR_BASE_URL")},
                         "INSTANCE_PATH": loaded_app.instance_path, "REDIS_URL": None, "TESTING": True,
                         "MINBAR_TRUSTED_PROXIES": "1", "MINBAR_REGISTRATION_PER_ADDRESS": 2})
    behind.extensions["minbar.clock"] = clock
    proxied = behind.test_client()

    def via_nginx(client_address, n):
        return proxied.post(f"{A}/registrations", json={**AMIRA, "email": f"{client_address}-{n}@example.org"},
                            headers={"X-Forwarded-For": client_address}, environ_base={"REMOTE_ADDR": "127.0.0.1"})

    assert [via_nginx("198.51.100.1", n).status_code for n in range(3)] == [202, 202, 429]
    assert via_nginx("198.51.100.2", 0).status_code == 202
    behind.extensions["minbar.db"].engine.dispose()


def test_several_decisions_at_once_and_the_dates_over_the_api(loaded_app, api, inbox, open_registration):
    first = registered_and_confirmed(api, inbox)
    second = registered_and_confirmed(api, inbox, email="omar@example.org", name_latin="Omar Khalil",
                                      name={"ar": "عمر خليل"}, language="en")
    decided = api.post(f"{A}/registrations/decisions", headers=api.organiser,
                       json={"decline": [first, second, 999], "reason": "Full."})
    results = decided.get_json()["results"]
    assert [r.get("status") for r in results] == ["declined", "declined", None]
    assert results[2]["error"]["code"] == "not_found"
    assert "Full." in text_of(inbox.messages[-1])
    assert api.post(f"{A}/registrations/decisions", headers=api.organiser,
                    json={"approve": [first], "decline": [second]}).status_code == 400
    put = api.put(f"{A}/registration-settings", headers=api.organiser,
                  json={"closes_at": "2021-02-24T10:00", "retention_days": 7})
    assert put.status_code == 200
    assert put.get_json()["closes_at"] == "2021-02-24T10:00:00+02:00" and put.get_json()["open"] is False
    assert register(api).status_code == 403                        # closed since 10:00 Beirut
    assert api.put(f"{A}/registration-settings", headers=api.organiser,
                   json={"retention_days": 0}).status_code == 400
    assert api.put(f"{A}/registration-settings", json={"retention_days": 9}).status_code == 401
    assert api.get(f"{A}/registration-settings", headers=api.organiser).get_json()["retention_days"] == 7


@pytest.mark.parametrize("lang, direction, heading", [("ar", "rtl", "التسجيل في المؤتمر"),
                                                      ("en", "ltr", "Register for the conference"),
                                                      ("fr", "ltr", "S’inscrire à la conférence")])
def test_the_form_in_each_language(api, open_registration, lang, direction, heading):
    page = api.get(f"{PAGE}?lang={lang}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert f'<html lang="{lang}" dir="{direction}">' in html and heading in html
    assert html.count('name="stamp"') == 1 and 'class="trap" aria-hidden="true"' in html
    assert "<script" not in html.split("</main>")[0].split("<main")[1]     # the form needs no script


def test_the_form_offers_the_delegations_the_agenda_names(api, open_registration):
    html = api.get(f"{PAGE}?lang=en").get_data(as_text=True)
    assert 'list="known-delegations"' in html
    assert '<option value="International Organization for Migration (IOM)">' in html
