"""The safe Markdown subset rapporteurs write key messages in.

The subset is: paragraphs, hard line breaks (two trailing spaces), *emphasis*, **strong**, bullet
and numbered lists (nested by four spaces), and links whose scheme is http, https or mailto. Anything
else is shown as the text it is: raw HTML in the source is escaped (``<b>`` reads as ``<b>``), and
headings, block quotes, code, images and rules are not part of the subset.

- `validate_text(text)` refuses what may not be stored (ValueError, with a message for a person).
- `render_html(text)` gives HTML safe to put in any page: python-markdown with raw HTML switched off,
  then nh3 with an explicit allow-list, so the guarantee does not rest on the parser alone.
- `plain_text(text)` gives the words without the markup, for search.
- `tree(text)` gives the sanitised HTML as a tree, for formats that keep the markup (DOCX).
- `to_markdown(text)` gives canonical Markdown of the same subset, for the Markdown outcome document:
  it is rebuilt from the sanitised HTML, so nothing outside the subset survives into a file that
  another renderer, less careful than ours, may display.

Text in any script passes through untouched (no Unicode normalisation, no reordering).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3

MAX_LENGTH = 4000

ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"

_DEAD_LINK = re.compile(f'<a rel="{LINK_REL}">(.*?)</a>', re.DOTALL)

# XML 1.0 allows only these characters; anything else could not be written to a DOCX and is never
# what a person meant to type (NUL, other C0 controls, lone surrogates, U+FFFE/U+FFFF).
INVALID_CHARS = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def validate_text(text: object) -> str:
    """Check a key message's text and return it ready to store.

    Line endings become ``\\n`` and surrounding whitespace is stripped; nothing else changes.
    Raises ValueError, whose message can be shown to the person who typed the text, when the text is
    not a string, is empty (or only whitespace), holds characters that are not allowed in documents
    (control characters other than tab and newline), or is longer than MAX_LENGTH characters.
    """
    if not isinstance(text, str):
        raise ValueError("The text must be a string.")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ValueError("The text is empty; write the key message first.")
    bad = INVALID_CHARS.search(text)
    if bad:
        raise ValueError(
            f"The text contains a character that is not allowed (U+{ord(bad.group()):04X}) "
            f"at position {bad.start() + 1}."
        )
    if len(text) > MAX_LENGTH:
        raise ValueError(
            f"The text is {len(text)} characters long; the limit is {MAX_LENGTH}."
        )
    return text


def render_html(text: str) -> str:
    """Render key-message text to safe HTML (only ALLOWED_TAGS; links get rel=LINK_REL).

    Links with any other scheme, or none, keep their text and lose their href. The result carries
    no ``dir`` attribute: the page around it decides the direction.
    """
    if not isinstance(text, str):
        raise TypeError("render_html takes a string")
    html = nh3.clean(
        _markdown().convert(text),
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        # "*" must be given, or nh3 keeps its default attributes for every tag (lang, title).
        attributes={"*": set(), **{tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()}},
        attribute_filter=_keep_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )
    # A link whose address was refused is left as its words rather than as an <a> going nowhere.
    return _DEAD_LINK.sub(r"\1", html)


def _markdown() -> markdown.Markdown:
    # A fresh instance per call: python-markdown instances keep state and are not thread-safe.
    md = markdown.Markdown(output_format="html")
    # Without these two, raw HTML in the source is escaped as text instead of passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # Outside the subset: left in, they would make tags the allow-list strips, leaving stray text.
    for name in ("code", "hashheader", "setextheader", "hr", "quote"):
        md.parser.blockprocessors.deregister(name)
    for name in ("backtick", "image_link", "image_reference", "short_image_ref"):
        md.inlinePatterns.deregister(name)
    return md


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    # nh3 lets relative URLs through whatever url_schemes says; a key message has no base to be
    # relative to, so an href must name one of our schemes itself.
    if attribute == "href":
        try:
            scheme = urlsplit(value.strip()).scheme.lower()
        except ValueError:
            return None
        return value if scheme in URL_SCHEMES else None
    return value


def escape_markdown(text: str, *, table_cell: bool = False) -> str:
    """`text` as one line of literal Markdown that renders as typed: whitespace folded to single
    spaces, every character that could start markup escaped (and pipes, in a table cell)."""
    line = _escape_inline(" ".join(text.split()))
    if table_cell:
        return line.replace("|", "\\|")  # a cell starts no block, so its start needs nothing
    return _escape_line_start(line)


def plain_text(text: str) -> str:
    """The text without markup: blocks separated by a blank line, list items one per line
    (``• item``, ``1. item``, nested ones indented), a link as ``words (address)`` unless the words
    are the address. Characters that were markup in the source stay as typed when they were not
    markup (``<b>`` stays ``<b>``): the result is text, not HTML, and must be escaped as such.
    """
    return _Writer(markdown=False).write(_parse(render_html(text)))


def tree(text: str) -> list:
    """The sanitised HTML of `text` as nodes: strings, and (tag, attributes, children) tuples of
    ALLOWED_TAGS only (`sessions.key_messages.rich_text` walks it for DOCX)."""
    return _parse(render_html(text))


def to_markdown(text: str) -> str:
    """Canonical Markdown of the same subset, everything else escaped.

    Rendering the result again gives the HTML that `text` gives, up to whitespace, for ordinary
    text; contrived emphasis runs or lists mixing tight and loose items may come back slightly
    differently, never less safely.
    """
    return _Writer(markdown=True).write(_parse(render_html(text)))


# --------------------------------------------------------------------------------------------------
# Walking the sanitised HTML. Its shape is known (ALLOWED_TAGS, well formed, entities decoded by the
# parser), which keeps this small.

class _TreeBuilder(HTMLParser):
    """Builds a list of nodes: strings, and (tag, attributes, children) tuples."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack: list[list] = [self.root]

    def handle_starttag(self, tag, attrs):
        node = (tag, dict(attrs), [])
        self.stack[-1].append(node)
        if tag != "br":
            self.stack.append(node[2])

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        if tag != "br" and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].append(data)


def _parse(html: str) -> list:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


_BLOCKS = {"p", "ul", "ol"}
_ENTITY_LIKE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_HARD_BREAK = "\x00"  # stands for <br> while lines are assembled; never valid in stored text
_EDGE = _HARD_BREAK + " \t\n"
_MD_INLINE = re.compile(r"([\\`*_\[\]#])")  # "#" too: trailing ones would close a heading
_MD_LINE_START = re.compile(r"^([>+=-])|^(\d+)([.)])")
# python-markdown has no backslash escape for "<" or "="; entities work in every renderer.
_MD_ENTITIES = {"<": "&lt;", "=": "&#61;"}


class _Writer:
    """Writes the parsed tree as plain text or as canonical Markdown."""

    def __init__(self, markdown: bool) -> None:
        self.md = markdown
        self.indent = "    " if markdown else "  "

    def write(self, nodes: list) -> str:
        return "\n".join(self._blocks(nodes)).strip("\n")

    def _blocks(self, nodes: list) -> list[str]:
        """Lines for a sequence of block nodes, a blank line between blocks."""
        out: list[str] = []
        inline: list = []
        tight = False  # the last lines were bare text, as in a tight list item

        def flush() -> None:
            nonlocal tight
            if inline and "".join(self._inline(inline)).strip():
                if out:
                    out.append("")
                out.extend(self._paragraph(inline))
                tight = True
            inline.clear()

        for node in nodes:
            if isinstance(node, tuple) and node[0] in _BLOCKS:
                flush()
                lines = self._paragraph(node[2]) if node[0] == "p" else self._list(node)
                # A list straight after an item's bare text is nested in a tight item: no blank line.
                if out and not (tight and node[0] != "p"):
                    out.append("")
                out.extend(lines)
                tight = False
            else:
                inline.append(node)
        flush()
        return out

    def _list(self, node: tuple) -> list[str]:
        lines: list[str] = []
        items = [item for item in node[2] if isinstance(item, tuple) and item[0] == "li"]
        # A loose list (paragraphs in its items) keeps a blank line between items to stay loose.
        loose = any(isinstance(c, tuple) and c[0] == "p" for item in items for c in item[2])
        for number, item in enumerate(items, start=1):
            if loose and lines:
                lines.append("")
            if node[0] == "ol":
                marker = f"{number}. "
            else:
                marker = "- " if self.md else "• "
            body = self._blocks(item[2]) or [""]
            lines.append(marker + body[0])
            lines.extend(self.indent + line if line else "" for line in body[1:])
        return lines

    def _paragraph(self, nodes: list) -> list[str]:
        text = "".join(self._inline(nodes)).strip(_EDGE)
        text = re.sub(_HARD_BREAK + r"\s*", _HARD_BREAK + "\n", text)
        if not self.md:
            return [line.strip(_EDGE) for line in text.split("\n")]
        lines = []
        for line in text.split("\n"):
            hard = line.endswith(_HARD_BREAK)
            line = _escape_line_start(line.strip(_EDGE))
            lines.append(line + "  " if hard else line)
        return lines

    def _inline(self, nodes: list) -> list[str]:
        parts: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                node = node.replace(_HARD_BREAK, "")
                if self.md:
                    parts.append(_escape_inline(node))
                else:
                    # A newline in HTML text is a soft break, which reads as a space.
                    parts.append(re.sub(r"\s*\n\s*", " ", node))
                continue
            tag, attrs, children = node
            inner = "".join(self._inline(children))
            if tag == "br":
                parts.append(_HARD_BREAK)
            elif tag in ("em", "strong") and self.md:
                parts.append(_delimit(inner, "*" if tag == "em" else "**"))
            elif tag == "a" and attrs.get("href"):
                if self.md and parts and parts[-1].endswith("!"):
                    parts[-1] = parts[-1][:-1] + "\\!"  # "![...](...)" would be an image
                parts.append(self._link(inner, attrs["href"]))
            else:
                parts.append(inner)
        return parts

    def _link(self, words: str, href: str) -> str:
        if self.md:
            if any(char in href for char in " ()"):
                href = "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
            return f"[{words}]({href})"
        address = href[len("mailto:"):] if href.lower().startswith("mailto:") else href
        return words if words in (href, address) else f"{words} ({address})"



def _escape_inline(text: str) -> str:
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    return text.replace("<", _MD_ENTITIES["<"])


def _escape_line_start(line: str) -> str:
    """Escape what would make `line` a heading, quote, list item or rule."""
    def escape(match: re.Match) -> str:
        if match.group(1):
            return _MD_ENTITIES.get(match.group(1), "\\" + match.group(1))
        return match.group(2) + "\\" + match.group(3)

    return _MD_LINE_START.sub(escape, line, count=1)


def _delimit(inner: str, mark: str) -> str:
    # Emphasis delimiters must touch the words: spaces and breaks at the edges go outside them.
    words = inner.strip(_EDGE)
    if not words:
        return inner
    start = inner.index(words)
    return f"{inner[:start]}{mark}{words}{mark}{inner[start + len(words):]}"
