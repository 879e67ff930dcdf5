"""The outcome document: selection and grouping, then Markdown, HTML and DOCX."""
import io
import re
from datetime import date, datetime, timezone
from html.parser import HTMLParser

import docx
import flask
import markdown
import pytest
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml.ns import qn

from sessions.key_messages.outcome import (
    CoverageRow,
    CoverageSession,
    MessageBlock,
    MessageGroup,
    ObjectiveSection,
    OutcomeInput,
    OutcomeMessage,
    SessionBlock,
    SessionSection,
    build,
)
from conference.documents.meta import DocumentMeta
from sessions.key_messages.outcome_docx import to_docx
from sessions.key_messages.outcome_html import Helpers
from sessions.key_messages.outcome_markdown import to_markdown

OBJECTIVE_TITLES = {n: f"Objective title {n}" for n in range(1, 24)}
PRINCIPLE_TITLES = {"human_rights": "Human rights", "gender_responsive": "Gender-responsive"}
AR_DATA = "نؤكد على جمع البيانات الدقيقة والمصنفة واستخدامها."
AR_TITLE = "المائدة المستديرة الأولى: الأهداف 2 و5 و6 و12 و18"
AR_LABELS = {
    "by_session": "الرسائل الرئيسية حسب الجلسة",
    "by_objective": "الرسائل الرئيسية حسب الهدف",
    "coverage": "تغطية الأهداف الثلاثة والعشرين",
    "objective": "الهدف",
    "objectives": "الأهداف",
    "principles": "المبادئ التوجيهية",
    "sessions": "الجلسات",
    "draft": "مسودة",
    "none": "لا توجد رسالة رئيسية بعد",
}


def sample(language="en", include_drafts=False, labels=None):
    return OutcomeInput(
        conference_title="Regional Review of the GCM",
        dates_label="24–25 February 2021",
        language=language,
        sessions=[
            SessionBlock("opening", "Opening session", "24 February, 10:00", []),
            SessionBlock("plenary-1", "Plenary 1: Voluntary reports", "24 February, 11:15", [
                MessageBlock("States reported *progress* on data.", (1, 23), ("human_rights",)),
                MessageBlock("DRAFT on pathways.", (5,), (), None, "draft"),
                MessageBlock("Civil society asked for firewalls.", (15,), (), "Stakeholders"),
            ]),
            SessionBlock("roundtable-1", AR_TITLE, "24 February, 14:50", [
                MessageBlock(AR_DATA, (1, 2), ("gender_responsive",), "الدول الأعضاء"),
            ]),
            SessionBlock("plenary-5", "Plenary 5: Means of implementation", "25 February, 14:55", [
                MessageBlock("DRAFT on capacity building.", (23,), (), None, "draft"),
            ]),
        ],
        objective_titles=OBJECTIVE_TITLES,
        principle_titles=PRINCIPLE_TITLES,
        labels=labels if labels is not None else {},
        include_drafts=include_drafts,
    )


def message(text, objectives, principles, session_id, session_title, draft=False):
    return OutcomeMessage(text, objectives, principles, draft, session_id, session_title)


P1 = ("plenary-1", "Plenary 1: Voluntary reports")
P5 = ("plenary-5", "Plenary 5: Means of implementation")
R1 = ("roundtable-1", AR_TITLE)
M_DATA = message("States reported *progress* on data.", (1, 23), ("Human rights",), *P1)
M_FIREWALL = message("Civil society asked for firewalls.", (15,), (), *P1)
M_AR = message(AR_DATA, (1, 2), ("Gender-responsive",), *R1)
M_DRAFT_PATHWAYS = message("DRAFT on pathways.", (5,), (), *P1, draft=True)
M_DRAFT_CAPACITY = message("DRAFT on capacity building.", (23,), (), *P5, draft=True)


# --- build -------------------------------------------------------------------------------------

def test_build_agreed_messages_by_session_in_agenda_order():
    outcome = build(sample())
    assert outcome.sessions == (
        SessionSection(*P1, "24 February, 11:15", (
            MessageGroup(None, (M_DATA,)),
            MessageGroup("Stakeholders", (M_FIREWALL,)),
        )),
        SessionSection(*R1, "24 February, 14:50", (MessageGroup("الدول الأعضاء", (M_AR,)),)),
    )


def test_build_by_objective_only_objectives_with_messages():
    assert build(sample()).objectives == (
        ObjectiveSection(1, "Objective title 1", (M_DATA, M_AR)),
        ObjectiveSection(2, "Objective title 2", (M_AR,)),
        ObjectiveSection(15, "Objective title 15", (M_FIREWALL,)),
        ObjectiveSection(23, "Objective title 23", (M_DATA,)),
    )


def test_build_coverage_has_every_objective():
    covered = {
        1: (CoverageSession(*P1, False), CoverageSession(*R1, False)),
        2: (CoverageSession(*R1, False),),
        15: (CoverageSession(*P1, False),),
        23: (CoverageSession(*P1, False),),
    }
    assert build(sample()).coverage == tuple(
        CoverageRow(n, f"Objective title {n}", covered.get(n, ())) for n in range(1, 24)
    )


def test_build_with_drafts_includes_and_marks_them():
    outcome = build(sample(include_drafts=True))
    assert outcome.sessions[0].groups[0] == MessageGroup(None, (M_DATA, M_DRAFT_PATHWAYS))
    assert outcome.sessions[-1] == SessionSection(
        *P5, "25 February, 14:55", (MessageGroup(None, (M_DRAFT_CAPACITY,)),)
    )
    assert outcome.coverage[22] == CoverageRow(
        23, "Objective title 23", (CoverageSession(*P1, False), CoverageSession(*P5, True))
    )
    assert outcome.coverage[4] == CoverageRow(5, "Objective title 5", (CoverageSession(*P1, True),))


def test_build_labels_default_to_english_for_missing_keys():
    labels = build(sample(labels={"draft": "Projet"})).labels
    assert (labels["draft"], labels["none"]) == ("Projet", "No key message yet")


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"language": "de"}, "language must be one of ar, en, fr, not 'de'"),
        ({"sessions": [SessionBlock("s", "S", "", [MessageBlock("x", (24,))])]},
         "objectives must be 1-23, got [24]"),
        ({"sessions": [SessionBlock("s", "S", "", [MessageBlock("x", status="final")])]},
         "unknown key message status 'final'"),
    ],
)
def test_build_refuses_bad_input(change, error):
    data = sample()
    with pytest.raises(ValueError) as caught:
        build(OutcomeInput(**{**data.__dict__, **change}))
    assert str(caught.value) == error


# --- Markdown ----------------------------------------------------------------------------------

def _coverage_rows_md(text):
    lines = text.split("\n")
    start = lines.index("| Objective | Sessions |")
    return lines[start:start + 25]


def test_markdown_coverage_table_lists_all_23_objectives():
    rows = _coverage_rows_md(to_markdown(build(sample())))
    expected_sessions = {
        1: f"{P1[1]} and {AR_TITLE}", 2: AR_TITLE, 15: P1[1], 23: P1[1],
    }
    assert rows == ["| Objective | Sessions |", "|---|---|"] + [
        f"| {n}. Objective title {n} | {expected_sessions.get(n, '*No key message yet*')} |"
        for n in range(1, 24)
    ]


def test_markdown_whole_document_for_one_session():
    data = OutcomeInput(
        "GCM | *Review*", "24 February", "en",
        [SessionBlock("plenary-1", "# Plenary 1", "11:15", [
            MessageBlock("One.\n\n- a\n- b", (3,), ("human_rights",)),
            MessageBlock("Two <script>x</script>", (), (), "- Group", "draft"),
        ])],
        {3: "Provide information"}, PRINCIPLE_TITLES, {}, True,
    )
    assert to_markdown(build(data)).split("\n")[:33] == [
        "# GCM | \\*Review\\*", "",
        "24 February", "",
        "## Key messages by session", "",
        "### \\# Plenary 1", "",
        "*11:15*", "",
        "- One.", "", "    - a", "    - b", "", "    *Objectives: 3 · Guiding principles: Human rights*", "",
        "#### \\- Group", "",
        "- **Draft**", "", "    Two &lt;script>x&lt;/script>", "",
        "## Key messages by objective", "",
        "### Objective 3: Provide information", "",
        "- One.", "", "    - a", "    - b", "", "    *\\# Plenary 1*",
    ]


def test_markdown_renders_with_a_real_table():
    html = markdown.markdown(to_markdown(build(sample())), extensions=["tables"])
    rows = _Table.rows_of(html)
    assert (len(rows), rows[0], rows[1], rows[2]) == (
        24,
        ["Objective", "Sessions"],
        ["1. Objective title 1", f"{P1[1]} and {AR_TITLE}"],
        ["2. Objective title 2", AR_TITLE],
    )


def test_markdown_escapes_pipes_in_table_cells():
    data = sample()
    data = OutcomeInput(**{**data.__dict__, "sessions": [
        SessionBlock("s", "A | B", "", [MessageBlock("x", (7,))])
    ]})
    assert "| 7. Objective title 7 | A \\| B |" in to_markdown(build(data)).split("\n")


def test_markdown_leaves_drafts_out_unless_asked():
    assert "DRAFT" not in to_markdown(build(sample()))
    assert "DRAFT" in to_markdown(build(sample(include_drafts=True)))


# --- HTML --------------------------------------------------------------------------------------

class _Table(HTMLParser):
    """The text of each row of the first table in a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.cell, self.in_table = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.in_table = True
        elif tag == "tr" and self.in_table:
            self.rows.append([])
        elif tag in ("td", "th") and self.in_table:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "table":
            self.in_table = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    @classmethod
    def rows_of(cls, html):
        parser = cls()
        parser.feed(html)
        return parser.rows


@pytest.fixture
def to_html_fragment(app):
    """The document as the outcome page renders it: the application's own Jinja environment (its
    autoescaping and settings), the template the page includes, the helpers the view passes."""
    def render(outcome):
        with app.test_request_context():
            rendered = flask.render_template("sessions/_outcome_document.html", outcome=outcome, h=Helpers(outcome))
        return rendered.strip("\n") + "\n"
    return render


def test_html_coverage_table_lists_all_23_objectives(to_html_fragment):
    rows = _Table.rows_of(to_html_fragment(build(sample())))
    expected_sessions = {1: f"{P1[1]} and {AR_TITLE}", 2: AR_TITLE, 15: P1[1], 23: P1[1]}
    assert rows == [["Objective", "Sessions"]] + [
        [f"{n}. Objective title {n}", expected_sessions.get(n, "No key message yet")]
        for n in range(1, 24)
    ]


def test_html_session_section_renders_messages_through_markup(to_html_fragment):
    fragment = to_html_fragment(build(sample()))
    start = fragment.index('<section class="outcome-session" id="outcome-session-plenary-1">')
    assert fragment[start:fragment.index("</section>", start) + 10].split("\n") == [
        '<section class="outcome-session" id="outcome-session-plenary-1">',
        "<h3>Plenary 1: Voluntary reports</h3>",
        '<p class="outcome-when">24 February, 11:15</p>',
        '<ul class="outcome-messages">',
        '<li class="outcome-message"><div class="outcome-text"><p>States reported <em>progress</em> on data.</p></div>'
        '<p class="outcome-tags">Objectives: 1, 23 · Guiding principles: Human rights</p></li>',
        "</ul>",
        '<h4 class="outcome-group">Stakeholders</h4>',
        '<ul class="outcome-messages">',
        '<li class="outcome-message"><div class="outcome-text"><p>Civil society asked for firewalls.</p></div>'
        '<p class="outcome-tags">Objectives: 15</p></li>',
        "</ul>",
        "</section>",
    ]


def test_html_escapes_every_user_string(to_html_fragment):
    hostile = '<script>alert(1)</script>"'
    data = OutcomeInput(
        hostile, hostile, "en",
        [SessionBlock('x"><img src=x onerror=alert(1)>', hostile, hostile, [
            MessageBlock(hostile, (4,), ("human_rights",), hostile, "draft"),
        ])],
        {4: hostile}, {"human_rights": hostile}, {key: hostile for key in ("draft", "objective", "sessions")}, True,
    )
    fragment = to_html_fragment(build(data))
    assert ("<script" in fragment, "<img" in fragment, "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in fragment) == (
        False, False, True
    )


def test_html_marks_drafts_and_sets_no_direction(to_html_fragment):
    fragment = to_html_fragment(build(sample(include_drafts=True)))
    assert (
        '<li class="outcome-message outcome-message-draft"><p class="outcome-draft-mark"><strong>Draft</strong></p>'
        '<div class="outcome-text"><p>DRAFT on pathways.</p></div><p class="outcome-tags">Objectives: 5</p></li>'
        in fragment.split("\n"),
        " dir=" in fragment,
    ) == (True, False)


def test_html_leaves_drafts_out_unless_asked(to_html_fragment):
    assert "DRAFT" not in to_html_fragment(build(sample()))


# --- DOCX --------------------------------------------------------------------------------------

def _reopen(data):
    outcome = build(data)
    return docx.Document(io.BytesIO(to_docx(outcome, word_meta(outcome.language))))


def word_meta(language: str) -> DocumentMeta:
    return DocumentMeta(language=language, title="Outcome", subject="Outcome document", author="ESCWA",
                        created=datetime(2021, 2, 25, 15, tzinfo=timezone.utc), issued=date(2021, 2, 25))


def _messages_by_session(document, part="Key messages by session"):
    """{session heading: its Key Message paragraphs} within the Heading 1 called `part`."""
    found, current_part, heading = {}, None, None
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Heading 1":
            current_part = paragraph.text
        elif current_part != part:
            continue
        elif style == "Heading 2":
            heading = paragraph.text
            found[heading] = []
        elif style == "Key Message":
            found[heading].append(paragraph.text)
    return found


def _all_text(document):
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_docx_every_agreed_message_under_its_session_heading():
    document = _reopen(sample())
    assert _messages_by_session(document) == {
        P1[1]: ["States reported progress on data.", "Civil society asked for firewalls."],
        AR_TITLE: [AR_DATA],
    }
    assert "DRAFT" not in _all_text(document)


def test_docx_with_drafts_marks_them():
    assert _messages_by_session(_reopen(sample(include_drafts=True))) == {
        P1[1]: [
            "States reported progress on data.",
            "Draft: DRAFT on pathways.",
            "Civil society asked for firewalls.",
        ],
        AR_TITLE: [AR_DATA],
        P5[1]: ["Draft: DRAFT on capacity building."],
    }


def test_docx_coverage_table_lists_all_23_objectives():
    table = _reopen(sample()).tables[0]
    expected_sessions = {1: f"{P1[1]} and {AR_TITLE}", 2: AR_TITLE, 15: P1[1], 23: P1[1]}
    assert [[c.text for c in row.cells] for row in table.rows] == [["Objective", "Sessions"]] + [
        [f"{n}. Objective title {n}", expected_sessions.get(n, "No key message yet")]
        for n in range(1, 24)
    ]


def test_docx_message_blocks_become_paragraphs():
    data = OutcomeInput("T", "", "en", [SessionBlock("s", "S", "", [
        MessageBlock("First **para**.\n\n- one\n- two\n\n[IOM](https://iom.int)"),
    ])], {}, {})
    assert _messages_by_session(_reopen(data)) == {"S": ["First para.", "•\tone", "•\ttwo", "IOM"]}


def test_docx_arabic_is_right_to_left_everywhere():
    document = _reopen(sample(language="ar", labels=AR_LABELS))
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    runs = list(body.iter(qn("w:r")))
    arabic_runs = [r for r in runs if re.search("[\u0600-\u06ff]", "".join(t.text or "" for t in r.iter(qn("w:t"))))]
    assert (
        all(p.find(qn("w:pPr")).find(qn("w:bidi")) is not None for p in paragraphs),
        # Every run with Arabic text is right-to-left; Latin runs (English titles) keep their direction.
        all(r.find(qn("w:rPr")).find(qn("w:rtl")) is not None for r in arabic_runs),
        [t.table_direction for t in document.tables],
        document.sections[0]._sectPr.find(qn("w:bidi")) is not None,
        document.core_properties.language,
        len(paragraphs) > 30 and len(arabic_runs) > 30,
    ) == (True, True, [WD_TABLE_DIRECTION.RTL], True, "ar-SA", True)


def test_docx_english_is_left_to_right():
    document = _reopen(sample())
    body = document.element.body
    assert (
        list(body.iter(qn("w:bidi"))),
        list(body.iter(qn("w:rtl"))),
        [t.table_direction for t in document.tables],
    ) == ([], [], [None])


# --- Arabic through every format ---------------------------------------------------------------

def test_arabic_survives_markdown_html_and_docx(to_html_fragment):
    outcome = build(sample(language="ar", labels=AR_LABELS))
    md = to_markdown(outcome)
    fragment = to_html_fragment(outcome)
    document = docx.Document(io.BytesIO(to_docx(outcome, word_meta("ar"))))
    text = _all_text(document)
    expected = [AR_DATA, AR_TITLE, "الدول الأعضاء", AR_LABELS["by_session"], AR_LABELS["none"]]
    assert ([s in md for s in expected], [s in fragment for s in expected], [s in text for s in expected]) == (
        [True] * 5, [True] * 5, [True] * 5
    )
    assert _messages_by_session(document, AR_LABELS["by_session"]) == {
        P1[1]: ["States reported progress on data.", "Civil society asked for firewalls."],
        AR_TITLE: [AR_DATA],
    }
    assert f"| 3. Objective title 3 | *{AR_LABELS['none']}* |" in md.split("\n")
    assert f"| 1. Objective title 1 | {P1[1]} و{AR_TITLE} |" in md.split("\n")
