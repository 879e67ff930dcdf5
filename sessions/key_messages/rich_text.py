"""A key message's markup as paragraphs of styled runs, for a format that is not HTML (DOCX).

`blocks(text)` walks the sanitised tree of `sessions.key_messages.markup.tree` (so nothing outside
the subset survives) and gives one `Block` per paragraph or list item, in order: its `runs` (text
that is bold, italic, a link to `href`, or a hard line break), and for a list item its `marker`
("•" or "1.") and nesting `level` (1 for a top-level item; 0 for a paragraph). A soft line break
in the source reads as a space, as in HTML. Plain Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sessions.key_messages import markup

BULLET = "•"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    line_break: bool = False            # a hard line break (text is "")


@dataclass(frozen=True)
class Block:
    runs: tuple[Run, ...]
    marker: str = ""                    # "" for a paragraph; "•" or "1." for a list item
    level: int = 0

    @property
    def text(self) -> str:
        return "".join("\n" if r.line_break else r.text for r in self.runs)


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    _blocks(markup.tree(text), 0, out)
    return [b for b in out if b.marker or b.text.strip()]


def _blocks(nodes: list, level: int, out: list[Block]) -> None:
    inline: list = []

    def flush() -> None:
        if inline:
            out.append(Block(_trim(_runs(inline)), "", level))
            inline.clear()

    for node in nodes:
        if isinstance(node, tuple) and node[0] == "p":
            flush()
            out.append(Block(_trim(_runs(node[2])), "", level))
        elif isinstance(node, tuple) and node[0] in ("ul", "ol"):
            flush()
            items = [c for c in node[2] if isinstance(c, tuple) and c[0] == "li"]
            for number, item in enumerate(items, start=1):
                _item(item, BULLET if node[0] == "ul" else f"{number}.", level + 1, out)
        elif isinstance(node, str) and not node.strip() and not inline:
            continue                    # whitespace between blocks
        else:
            inline.append(node)
    flush()


def _item(item: tuple, marker: str, level: int, out: list[Block]) -> None:
    inner: list[Block] = []
    _blocks(item[2], level, inner)
    inner = [b for b in inner if b.marker or b.text.strip()]
    if not inner or inner[0].marker or inner[0].level != level:
        inner.insert(0, Block((), marker, level))
    else:
        inner[0] = replace(inner[0], marker=marker)
    out.extend(inner)


def _runs(nodes: list, bold: bool = False, italic: bool = False, href: str | None = None) -> list[Run]:
    runs: list[Run] = []
    for node in nodes:
        if isinstance(node, str):
            text = re.sub(r"\s*\n\s*", " ", node)
            if text:
                runs.append(Run(text, bold, italic, href))
            continue
        tag, attrs, children = node
        if tag == "br":
            runs.append(Run("", line_break=True))
        elif tag == "strong":
            runs += _runs(children, True, italic, href)
        elif tag == "em":
            runs += _runs(children, bold, True, href)
        elif tag == "a":
            runs += _runs(children, bold, italic, attrs.get("href") or href)
        else:
            runs += _runs(children, bold, italic, href)
    return runs


def _trim(runs: list[Run]) -> tuple[Run, ...]:
    """No space at the paragraph's edges (nor around its hard breaks' ends)."""
    runs = list(runs)
    while runs and not runs[0].line_break and not runs[0].text.strip():
        runs.pop(0)
    while runs and (runs[-1].line_break or not runs[-1].text.strip()):
        runs.pop()
    if runs:
        runs[0] = replace(runs[0], text=runs[0].text.lstrip())
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    for i in range(1, len(runs)):
        if runs[i - 1].line_break:
            runs[i] = replace(runs[i], text=runs[i].text.lstrip())
        if runs[i].line_break and i > 0:
            runs[i - 1] = replace(runs[i - 1], text=runs[i - 1].text.rstrip())
    return tuple(r for r in runs if r.line_break or r.text)
