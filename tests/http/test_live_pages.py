"""The live session pages over HTTP: who may open them, and their first paint in three languages."""
from __future__ import annotations

import json
import re

import pytest

from conftest import DATA, ack, load_agenda_file

BASE = "/conferences/gcm-arab-2021/sessions"
CONSOLE = f"{BASE}/plenary-1/console"
STAGE = f"{BASE}/plenary-1/stage"
LIVE = f"{BASE}/plenary-1/live"


def html_of(response) -> str:
    return response.get_data(as_text=True)


def config_of(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="live-config">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def slot_items(html: str) -> list[str]:
    return re.findall(r'<li class="console-slot[^"]*" data-slot="([^"]+)"', html)


@pytest.fixture
def chair_token(issue_token):
    return issue_token("chair", session="plenary-1", name="Chair")


@pytest.fixture
def chair(live_client, chair_token):
    client = live_client(chair_token)
    assert ack(client, "join", {"session": "plenary-1"})["ok"]
    return client


def command(client, family, **payload):
    answer = ack(client, family, {"session": "plenary-1", **payload})
    assert answer["ok"], answer
    return answer["state"]


# -- who may open the console --------------------------------------------------------------

def test_console_without_a_token_is_a_401_page(client):
    response = client.get(CONSOLE + "?lang=en")
    assert response.status_code == 401
    assert "This page needs a valid access link" in html_of(response)


def test_console_with_a_forged_token_is_a_401_page(client):
    assert client.get(CONSOLE + "?token=forged", follow_redirects=True).status_code == 401


def test_console_with_a_revoked_token_is_a_401_page(client, loaded_app, chair_token, clock):
    from speakers import access

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        access.revoke(db, chair_token, loaded_app.config["SECRET_KEY"], clock.now())
    assert client.get(f"{CONSOLE}?token={chair_token}", follow_redirects=True).status_code == 401


@pytest.mark.parametrize("role,session", [("participant", None), ("speaker", "plenary-1"), ("rapporteur", "plenary-1"),
                                          ("chair", "plenary-2")])
def test_console_refuses_other_roles_and_other_sessions_chairs_with_403(client, issue_token, role, session):
    token = issue_token(role, session=session, name="Someone")
    response = client.get(f"{CONSOLE}?token={token}&lang=fr", follow_redirects=True)
    assert response.status_code == 403
    assert "Votre lien d’accès ne permet pas d’ouvrir cette page." in html_of(response)


def test_console_refuses_a_link_of_another_conference(client, loaded_app, issue_token, clock):
    load_agenda_file(loaded_app, DATA / "agendas" / "minimal.toml", clock.now())
    token = issue_token("organiser", conference="mini-2021")
    assert client.get(f"{CONSOLE}?token={token}", follow_redirects=True).status_code == 403


def test_console_of_an_unknown_session_is_404(client, chair_token):
    assert client.get(f"{BASE}/no-such-session/console?token={chair_token}", follow_redirects=True).status_code == 404


def test_organiser_opens_any_sessions_console(client, issue_token):
    token = issue_token("organiser", name="Secretariat")
    assert client.get(f"{BASE}/plenary-2/console?token={token}", follow_redirects=True).status_code == 200


# -- the console's first paint -------------------------------------------------------------

def test_console_shows_title_slots_and_an_idle_countdown(client, chair_token):
    response = client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True)
    html = html_of(response)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Plenary session 1: Voluntary reports of the Arab countries" in html
    assert slot_items(html) == ["plenary-1-state-a", "plenary-1-state-b", "plenary-1-state-c", "plenary-1-state-d",
                                "plenary-1-state-e", "plenary-1-state-f", "plenary-1-discussion"]
    assert re.search(r'class="console-slot slot-statement current" data-slot="plenary-1-state-a"\s+aria-current="step"', html)
    assert re.search(r'<div class="countdown countdown-console phase-normal" id="countdown" dir="ltr"[^>]*'
                     r'data-status="idle"[^>]*>5:00</div>', html)
    assert ">Start</button>" in html
    assert "Representative of State A (TBD)" in html and "30 minutes" in html


def test_console_config_carries_the_session_and_translated_labels_but_never_the_token(client, chair_token):
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=fr", follow_redirects=True))
    config = config_of(html)
    assert "token" not in config and chair_token not in html
    assert (config["conference"], config["session"], config["role"]) == ("gcm-arab-2021", "plenary-1", "chair")
    assert config["labels"]["start"] == "Démarrer"
    assert config["errors"]["forbidden"] == "Votre lien ne le permet pas."
    assert [s["limit_s"] for s in config["slots"]] == [300] * 6 + [1800]
    assert config["item"]["starts_at"] == 1614158100000     # 11:15 Beirut


def test_arabic_console_is_right_to_left_with_a_left_to_right_countdown(client, chair_token):
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=ar", follow_redirects=True))
    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r'id="countdown" dir="ltr"[^>]*>5:00<', html)
    assert ">بدء</button>" in html
    assert "لوحة تحكم رئيس الجلسة" in html
    # Mirrored arrows in the list of shortcuts: on a right-to-left page "next" is to the left.
    assert re.search(r'data-shortcut="next"><dt><kbd dir="ltr">.*?←</kbd>', html)
    assert re.search(r'data-shortcut="prev"><dt><kbd dir="ltr">.*?→</kbd>', html)


def test_english_console_keeps_physical_arrows(client, chair_token):
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    assert re.search(r'data-shortcut="next"><dt><kbd dir="ltr">.*?→</kbd>', html)


def test_console_shortcuts_are_off_until_the_chair_chooses(client, chair_token):
    """WCAG 2.1.4: no single-key shortcut works, nor is announced, before the chair picks a set
    (static/js/console.js then sets aria-keyshortcuts for the set chosen)."""
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    assert 'aria-keyshortcuts' not in html.split('id="queue-panel"')[0]
    assert re.search(r'<input type="radio" name="shortcut-mode" value="off" checked>', html)
    assert "Shortcuts are off: the keys below do nothing until you choose a set." in html


def test_console_shows_a_running_timer_in_amber_then_red_overtime(client, chair_token, chair, clock):
    command(chair, "timer", action="start")
    clock.advance(seconds=250)
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    assert re.search(r'class="countdown countdown-console phase-warning"[^>]*data-status="running"[^>]*>0:50<', html)
    assert ">Pause</button>" in html
    clock.advance(seconds=60)
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    assert re.search(r'class="countdown countdown-console phase-overrun"[^>]*>\+0:10<', html)


def test_console_uses_the_chairs_amber_threshold(client, chair_token, chair, clock):
    command(chair, "timer", action="thresholds", warn_s=120)
    command(chair, "timer", action="start")
    clock.advance(seconds=190)
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    assert re.search(r'phase-warning"[^>]*>1:50<', html)
    assert 'id="warn-s" name="warn_s" min="0" max="3600" step="1" inputmode="numeric" dir="ltr"\n             value="120"' in html


def test_console_first_paint_projects_the_sessions_end_with_the_shared_rule(client, chair_token, chair, clock):
    command(chair, "timer", action="start")
    clock.advance(seconds=100)
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    left = re.search(r'id="item-left" class="clock-value" dir="ltr">([^<]*)<', html).group(1)
    overrun = re.search(r'id="item-overrun" class="clock-value[^"]*">([^<]*)<', html).group(1)
    assert re.fullmatch(r"\+?\d+:\d\d", left)
    assert re.fullmatch(r"On time|\d+:\d\d over|\d+:\d\d to spare", overrun)


def test_booth_turn_clock_takes_its_amber_threshold_from_configuration(client, loaded_app, issue_token):
    loaded_app.config["MINBAR_BOOTH_TURN_WARN_S"] = 120
    token = issue_token("interpreter", session="plenary-1", booth="fr")
    html = html_of(client.get(f"{BASE}/plenary-1/booth?token={token}&lang=en", follow_redirects=True))
    assert re.search(r'id="turn-clock"[^>]*data-warn-s="120"', html)


def test_console_shows_each_finished_slots_actual_time_and_highlights_the_next(client, chair_token, chair, clock):
    command(chair, "timer", action="start")
    clock.advance(seconds=292)
    command(chair, "slot", action="next")
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    first = html[html.index('data-slot="plenary-1-state-a"'):html.index('data-slot="plenary-1-state-b"')]
    assert "actual 4:52" in first
    assert re.search(r'class="console-slot slot-statement current" data-slot="plenary-1-state-b"', html)


def test_console_shows_the_message_escaped(client, chair_token, chair):
    command(chair, "message", action="send", text="<script>alert(1)</script>", preset="conclude")
    html = html_of(client.get(f"{CONSOLE}?token={chair_token}&lang=en", follow_redirects=True))
    assert "<script>alert(1)</script>" not in html
    assert "<strong>Please conclude</strong> &lt;script&gt;alert(1)&lt;/script&gt;" in html


# -- the stage view ------------------------------------------------------------------------

def test_stage_view_is_open_to_anonymous_screens(client):
    response = client.get(STAGE + "?lang=en")
    html = html_of(response)
    assert response.status_code == 200
    assert re.search(r'class="countdown countdown-stage phase-normal" id="countdown" dir="ltr"[^>]*>5:00<', html)
    assert "Representative of State A (TBD)" in html
    assert re.search(r'Beirut time</span>\s*<time id="clock-conference">10:30</time>', html)
    assert "token" not in config_of(html) and config_of(html)["role"] == "anonymous"


def test_stage_clocks_follow_the_locales_own_pattern(client):
    """The Arabic clock is babel's "h:mm a" in the page's own direction (no dir="ltr" forcing the
    marker to the wrong side); the browser's clock draws with the same pattern (#live-texts)."""
    html = html_of(client.get(STAGE + "?lang=ar"))
    assert re.search(r'<time id="clock-conference">10:30 ص</time>', html)
    texts = json.loads(re.search(r'<script type="application/json" id="live-texts">(.*?)</script>', html).group(1))
    assert texts["time_format"] == {"pattern": "h:mm a", "am": "ص", "pm": "م"}
    assert re.search(r'<h1 class="stage-title">', html)


def test_stage_view_opens_with_a_speaker_link(client, issue_token):
    token = issue_token("speaker", session="plenary-1", name="Speaker")
    assert client.get(f"{STAGE}?token={token}", follow_redirects=True).status_code == 200


def test_stage_view_with_a_forged_token_is_a_401_page(client):
    assert client.get(STAGE + "?token=forged", follow_redirects=True).status_code == 401


def test_stage_view_gives_a_speaker_link_for_another_session_nothing_more_than_a_viewer(client, issue_token):
    # The stage view is public; a link of another session opens it as anyone would (no role).
    token = issue_token("speaker", session="plenary-2", name="Speaker")
    response = client.get(f"{STAGE}?token={token}", follow_redirects=True)
    assert response.status_code == 200 and config_of(html_of(response))["role"] == "anonymous"
    assert client.get(f"{BASE}/plenary-2/stage").status_code == 200
    assert config_of(html_of(client.get(f"{BASE}/plenary-2/stage")))["role"] == "speaker"


def test_stage_view_shows_the_chairs_message_escaped(client, chair):
    command(chair, "message", action="send", text="<img src=x onerror=alert(1)> Time!", preset="conclude")
    html = html_of(client.get(STAGE + "?lang=fr"))
    assert '<strong class="stage-preset">Veuillez conclure</strong>' in html
    assert '<bdi class="stage-text">&lt;img src=x onerror=alert(1)&gt; Time!</bdi>' in html
    assert "<img src=x" not in html


def test_stage_view_hides_a_message_sent_during_an_earlier_slot(client, chair):
    command(chair, "message", action="send", preset="conclude")
    command(chair, "slot", action="next")
    html = html_of(client.get(STAGE + "?lang=en"))
    assert re.search(r'<p class="stage-message" id="stage-message"[^>]* hidden></p>', html)


def test_stage_view_in_arabic_keeps_the_countdown_left_to_right(client):
    html = html_of(client.get(STAGE + "?lang=ar"))
    assert '<html lang="ar" dir="rtl">' in html and re.search(r'id="countdown" dir="ltr"', html)
    assert "شاشة المتحدث" in html


# -- the participant live view -------------------------------------------------------------

def test_live_view_shows_who_speaks_who_is_next_and_the_day(client):
    response = client.get(LIVE + "?lang=en")
    html = html_of(response)
    assert response.status_code == 200
    assert "Not started yet" in html
    now_block = html[html.index('id="current-slot"'):html.index('id="next-slot"')]
    assert "Representative of State A (TBD)" in now_block
    next_block = html[html.index('id="next-slot"'):html.index('</section>', html.index('id="next-slot"'))]
    assert "Representative of State B (TBD)" in next_block
    assert re.findall(r'data-item="([^"]+)"', html) == [
        "registration", "opening", "introductory", "plenary-1", "break-1", "plenary-2", "break-2", "plenary-3",
        "plenary-4", "roundtable-1", "summary-day-1"]
    assert re.search(r'class="live-day-item status-upcoming this-session" data-item="plenary-1"\s+aria-current="page"', html)


def test_live_view_projects_the_rest_of_the_day_when_an_item_runs_late(client, issue_token, live_client, clock):
    # 10:30 Beirut: the opening (10:00-11:00) actually starts half an hour late.
    chair = live_client(issue_token("chair", session="opening"))
    assert ack(chair, "timer", {"session": "opening", "action": "start"})["ok"]
    html = html_of(client.get(f"{BASE}/opening/live?lang=en"))
    assert "Live now" in html

    def entry(key):
        start = html.index(f'data-item="{key}"')
        return html[start:html.index("</li>", start)]

    assert re.search(r'11:00</time>.*expected 11:30', entry("introductory"), re.S)
    assert re.search(r'11:15</time>.*expected 11:45', entry("plenary-1"), re.S)
    assert re.search(r'data-projected hidden>', entry("break-1"))         # a break absorbs the delay
    assert re.search(r'data-projected hidden>', entry("plenary-2"))       # 13:00 still holds after it
    config = config_of(html)
    [opening] = [e for e in config["day"] if e["id"] == "opening"]
    assert opening["actual_start"] == 1614155400000 and opening["actual_end"] is None


def test_live_view_ends_an_item_when_a_later_one_starts(client, issue_token, live_client, clock):
    opening = live_client(issue_token("chair", session="opening"))
    ack(opening, "timer", {"session": "opening", "action": "start"})          # 10:30
    clock.advance(seconds=45 * 60)
    intro = live_client(issue_token("chair", session="introductory"))
    assert ack(intro, "timer", {"session": "introductory", "action": "start"})["ok"]   # 11:15
    html = html_of(client.get(f"{BASE}/introductory/live?lang=en"))
    config = config_of(html)
    [entry] = [e for e in config["day"] if e["id"] == "opening"]
    assert (entry["actual_start"], entry["actual_end"]) == (1614155400000, 1614158100000)
    assert re.search(r'class="live-day-item status-done" data-item="opening"', html)


def test_live_view_keeps_a_participants_identity_across_the_days_links(client, issue_token):
    token = issue_token("participant", name="Delegate of Jordan", delegation="Jordan")
    html = html_of(client.get(f"{LIVE}?token={token}&lang=en", follow_redirects=True))
    assert config_of(html)["role"] == "participant" and token not in html
    assert 'href="/conferences/gcm-arab-2021/sessions/plenary-2/live"' in html
    # Following the day's link to another session: still the same participant.
    html = html_of(client.get(f"{BASE}/plenary-2/live?lang=en"))
    assert config_of(html)["role"] == "participant" and 'id="floor-ask"' in html


def test_live_pages_name_the_speaker_in_the_readers_language(client):
    # The opening's first speaker is named per language in the agenda (dg-iom).
    for language, name in (("ar", "المدير العام للمنظمة الدولية للهجرة"), ("fr", "Directeur général de l’OIM"),
                           ("en", "Director General of IOM")):
        html = html_of(client.get(f"{BASE}/opening/live?lang={language}"))
        now_block = html[html.index('id="current-slot"'):html.index('id="next-slot"')]
        assert f'data-field="speaker">{name}</span>' in now_block
        assert config_of(html)["slots"][0]["speaker"] == name


def test_live_view_in_arabic_and_french(client):
    ar = html_of(client.get(LIVE + "?lang=ar"))
    fr = html_of(client.get(LIVE + "?lang=fr"))
    assert '<html lang="ar" dir="rtl">' in ar and "برنامج اليوم" in ar and "يتحدث الآن" in ar
    assert '<html lang="fr" dir="ltr">' in fr and "Programme du jour" in fr and "Temps restant" in fr


# -- rehearsal ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [CONSOLE, STAGE, LIVE])
def test_live_pages_carry_the_rehearsal_label_when_the_clock_is_shifted(client, loaded_app, chair_token, path):
    loaded_app.config["MINBAR_AT"] = "2021-02-24T10:30"
    html = html_of(client.get(f"{path}?token={chair_token}&lang=en", follow_redirects=True))
    assert '<div class="rehearsal" role="status">Rehearsal clock' in html
    assert config_of(html)["rehearsal"] is True


def test_live_pages_have_no_rehearsal_label_on_the_real_clock(client):
    html = html_of(client.get(STAGE + "?lang=en"))
    assert 'class="rehearsal"' not in html and config_of(html)["rehearsal"] is False
