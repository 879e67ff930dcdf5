"""The safe Markdown subset of key messages: rendering, stripping, validating, re-escaping."""
import re
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.key_messages.markup import (
    ALLOWED_TAGS,
    MAX_LENGTH,
    escape_markdown,
    plain_text,
    render_html,
    to_markdown,
    validate_text,
)

REL = 'rel="noopener noreferrer nofollow"'
ARABIC = "نُؤكِّد على أهمية الهجرة الآمنة والمنظمة والنظامية، وفقاً للهدف ٢٣."


# --- render_html: the subset -------------------------------------------------------------------

def test_render_html_paragraphs_and_emphasis():
    assert render_html("One *two* **three**.\n\nFour.") == (
        "<p>One <em>two</em> <strong>three</strong>.</p>\n<p>Four.</p>"
    )


def test_render_html_bullet_and_numbered_lists_nested():
    assert render_html("- a\n- b\n    1. c\n    2. d") == (
        "<ul>\n<li>a</li>\n<li>b<ol>\n<li>c</li>\n<li>d</li>\n</ol>\n</li>\n</ul>"
    )


def test_render_html_hard_line_break():
    assert render_html("first  \nsecond") == "<p>first<br>\nsecond</p>"


def test_render_html_links_get_rel():
    assert render_html("[IOM](https://www.iom.int) [x](http://a.example/?q=1&r=2)") == (
        f'<p><a href="https://www.iom.int" {REL}>IOM</a> '
        f'<a href="http://a.example/?q=1&amp;r=2" {REL}>x</a></p>'
    )


def test_render_html_mailto_and_autolinks():
    assert render_html("[write](mailto:a@example.org) <https://un.org>") == (
        f'<p><a href="mailto:a@example.org" {REL}>write</a> '
        f'<a href="https://un.org" {REL}>https://un.org</a></p>'
    )


def test_render_html_arabic_untouched():
    assert render_html(f"{ARABIC}\n\n- **أولاً**\n- ثانياً") == (
        f"<p>{ARABIC}</p>\n<ul>\n<li><strong>أولاً</strong></li>\n<li>ثانياً</li>\n</ul>"
    )


def test_render_html_markup_outside_subset_stays_text():
    source = "# Title\n\n> quote\n\n    indented\n\n---\n\n`code` ![img](https://x.example/i.png)"
    assert render_html(source) == (
        "<p># Title</p>\n<p>&gt; quote</p>\n<p>indented</p>\n<p>---</p>\n"
        "<p>`code` ![img](https://x.example/i.png)</p>"
    )


# --- render_html: hostile input ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ("<style>body{}</style>", "<p>&lt;style&gt;body{}&lt;/style&gt;</p>"),
        ('<iframe src="https://evil.example"></iframe>',
         '<p>&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;</p>'),
        ('<p onclick="alert(1)">hi</p>', '<p>&lt;p onclick="alert(1)"&gt;hi&lt;/p&gt;</p>'),
        ('<a href="java&#115;cript:alert(1)">x</a>',
         '<p>&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;</p>'),
        ("<div>\n<script>alert(1)</script>\n</div>",
         "<p>&lt;div&gt;\n&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;/div&gt;</p>"),
        ("<!-- c --> text", "<p>&lt;!-- c --&gt; text</p>"),
        ("[x](javascript:alert(1))", "<p>x</p>"),
        ("[x](JaVaScRiPt:alert(1))", "<p>x</p>"),
        ("[x](java&#115;cript:alert(1))", "<p>x</p>"),
        ("[x](&#106;avascript:alert(1))", "<p>x</p>"),
        ("[x](vbscript:msgbox(1))", "<p>x</p>"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>"),
        ("[x](/relative/path)", "<p>x</p>"),
        ("[x](//evil.example/)", "<p>x</p>"),
        ('[x](https://ok.example "t" onmouseover="alert(1)")', f'<p><a href="https://ok.example" {REL}>x</a></p>'),
        ("[x][r]\n\n[r]: javascript:alert(1)", "<p>x</p>"),
    ],
)
def test_render_html_hostile_input_is_inert(source, expected):
    assert render_html(source) == expected


class _Audit(HTMLParser):
    """Collects every tag and attribute of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]


_PIECES = st.sampled_from([
    "a", " ", "\n", "\n\n", "  \n", "*", "_", "[", "]", "(", ")", "<", ">", "&", "#", ";", ":",
    "\"", "'", "=", "- ", "1. ", "    ", "!", "`", "script", "javascript", "JAVA", "&#115;",
    "&#x6A;", "onerror", "onclick", "alert(1)", "href", "http://a.example", "mailto:b@c.d",
    "<a ", "<img ", "<script>", "</script>", "<svg onload=", "data:", "مرحبا", "\t", " \"t\"",
    "lang=", "title=", "[r]: ", "\n[r]: ", "[a](http://a.example \"t\")", "[a](<http://a b>)",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_render_html_any_input_yields_only_allowed_markup(source):
    audit = _Audit()
    audit.feed(render_html(source))
    assert audit.tags <= ALLOWED_TAGS
    for tag, name, value in audit.attributes:
        assert (tag, name) in {("a", "href"), ("a", "rel")}
        if name == "href":
            assert re.match(r"(https?|mailto):", value), value
        else:
            assert value == "noopener noreferrer nofollow"


# --- plain_text --------------------------------------------------------------------------------

def test_plain_text_strips_markup():
    source = "We **urge** *all* States.\n\n1. first\n2. second\n    - nested\n\n[IOM](https://iom.int)"
    assert plain_text(source) == (
        "We urge all States.\n\n1. first\n2. second\n  • nested\n\nIOM (https://iom.int)"
    )


def test_plain_text_link_whose_words_are_the_address():
    assert plain_text("<https://un.org> and [a@b.org](mailto:a@b.org)") == "https://un.org and a@b.org"


def test_plain_text_keeps_raw_html_as_literal_text():
    assert plain_text("<script>alert(1)</script> &amp; <b>") == "<script>alert(1)</script> & <b>"


def test_plain_text_hard_break_and_soft_break():
    assert plain_text("one  \ntwo\nthree") == "one\ntwo three"


def test_plain_text_arabic_untouched():
    assert plain_text(f"**{ARABIC}**\n\n- أ\n- ب") == f"{ARABIC}\n\n• أ\n• ب"


# --- validate_text -----------------------------------------------------------------------------

def test_validate_text_returns_text_normalised():
    assert validate_text("  first\r\nsecond\rthird \n") == "first\nsecond\nthird"


def test_validate_text_accepts_exactly_max_length():
    text = "م" * MAX_LENGTH
    assert validate_text(text) == text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "The text must be a string."),
        (42, "The text must be a string."),
        (["text"], "The text must be a string."),
        ("", "The text is empty; write the key message first."),
        (" \n\t ", "The text is empty; write the key message first."),
        ("x" * (MAX_LENGTH + 1), "The text is 4001 characters long; the limit is 4000."),
        ("ab\x00c", "The text contains a character that is not allowed (U+0000) at position 3."),
        ("ab\x1bc", "The text contains a character that is not allowed (U+001B) at position 3."),
        ("a\ud800", "The text contains a character that is not allowed (U+D800) at position 2."),
    ],
)
def test_validate_text_refuses_with_clear_message(value, message):
    with pytest.raises(ValueError) as caught:
        validate_text(value)
    assert str(caught.value) == message


# --- to_markdown and escape_markdown -----------------------------------------------------------

@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("One *two* **three**.", "One *two* **three**."),
        ("- a\n- b\n    1. c\n    2. d", "- a\n- b\n    1. c\n    2. d"),
        ("* a\n\n* b", "- a\n\n- b"),
        ("first  \nsecond", "first  \nsecond"),
        ("[w](https://e.org/a_(b) c)", "[w](<https://e.org/a_(b) c>)"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("[x](javascript:alert(1))", "x"),
        ("# not a heading\n\n1) nor a list\n\n=", "\\# not a heading\n\n1\\) nor a list\n\n&#61;"),
        ("a \\* b [c] `d` &amp;copy;", "a \\* b \\[c\\] \\`d\\` &amp;copy;"),
        ("!<https://x.org>", "\\![https://x.org](https://x.org)"),
        (f"{ARABIC} *مهم*", f"{ARABIC} *مهم*"),
    ],
)
def test_to_markdown_is_canonical_and_inert(source, expected):
    assert to_markdown(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "One *two* **three** [l](https://l.example)\n\nnext  \nline",
        "- a\n- b\n    - c\n- d",
        "1. a\n\n2. b",
        "<b>bold?</b> & 1 < 2 > 0 # _x_ \\ ` [",
        "- # a\n- > b\n- 1. c",
        f"{ARABIC}\n\n- أ\n- ب",
    ],
)
def test_to_markdown_renders_back_to_the_same_html(source):
    assert render_html(to_markdown(source)) == render_html(source)


def test_escape_markdown_title_renders_as_typed():
    title = "#1 *Plenary* [draft] <b>x</b> & more"
    assert markdown.markdown(f"### {escape_markdown(title)}") == (
        "<h3>#1 *Plenary* [draft] &lt;b&gt;x&lt;/b&gt; &amp; more</h3>"
    )


def test_escape_markdown_leading_markup():
    assert [escape_markdown(s) for s in ("- a", "+ b", "> c", "12. d", "= e", "x\ny")] == [
        "\\- a", "\\+ b", "\\> c", "12\\. d", "&#61; e", "x y",
    ]


def test_escape_markdown_table_cell_escapes_pipes():
    assert escape_markdown("A | B\n*C*", table_cell=True) == "A \\| B \\*C\\*"
