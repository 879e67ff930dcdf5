"""The accessibility checks the browser sweep (tests/browser/test_accessibility.py) runs in a page:

- axe-core (pinned in tests/js/package-lock.json) with the WCAG 2.0/2.1/2.2 A and AA tags and its
  best practices; a critical, serious or moderate violation is a finding.
- Our own contrast check, because axe leaves out Arabic words (its icon-ligature heuristic calls
  them "inapplicable"): every visible text node's colour against its effective background (the
  backgrounds of its ancestors composited, opacity included), 4.5:1, or 3:1 for large text (24 px,
  or 18.66 px bold); every focus indicator against what it is drawn over (3:1, some band of the
  ring at least 2 px thick); every text field's boundary against its surroundings (3:1).
- Language of parts: Arabic words are inside an element whose `lang` is Arabic.
- Reflow: no horizontal scrolling and no text cut off at 320 CSS px; nothing clipped under WCAG's
  text-spacing overrides.

Each check returns a list of findings (plain strings), empty when the page passes.
"""
from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FAILING_IMPACTS = ("critical", "serious", "moderate")

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))}));
}"""

# Colour maths shared by the checks below (sRGB relative luminance, WCAG's contrast ratio).
_COLOUR = r"""
const parse = (text) => {
  const m = text && text.match(/rgba?\(([^)]+)\)/);
  if (!m) { return null; }
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
};
const over = (top, below) => {           // `top` composited over the opaque `below`
  const a = top.a;
  return {r: top.r * a + below.r * (1 - a), g: top.g * a + below.g * (1 - a), b: top.b * a + below.b * (1 - a), a: 1};
};
const lum = (c) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
};
const ratio = (x, y) => { const a = lum(x), b = lum(y); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
const hex = (c) => "#" + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
const describe = (el) => {
  let s = el.tagName.toLowerCase();
  if (el.id) { return s + "#" + el.id; }
  if (el.classList.length) { s += "." + [...el.classList].join("."); }
  const p = el.parentElement;
  return p && p !== document.body ? describe(p) + " > " + s : s;
};
// The opacity that applies to `el`: its own and every ancestor's, multiplied.
const opacityOf = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) { o *= Number(getComputedStyle(e).opacity); } return o; };
// The colour behind `el` (and its content): the page's white canvas, then every ancestor's
// background from the root down, each with its alpha times the opacity that applies to it.
// null when a background image (a gradient, a picture) is in the way: not measurable here.
const backgroundOf = (el) => {
  const chain = [];
  for (let e = el; e; e = e.parentElement) { chain.unshift(e); }
  let colour = {r: 255, g: 255, b: 255, a: 1};
  for (const e of chain) {
    const style = getComputedStyle(e);
    if (style.backgroundImage && style.backgroundImage !== "none") { return null; }
    const bg = parse(style.backgroundColor);
    if (bg && bg.a > 0) { colour = over({...bg, a: bg.a * opacityOf(e)}, colour); }
  }
  return colour;
};
"""

CONTRAST = "() => {" + _COLOUR + r"""
  const found = [], seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let measured = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim()) { continue; }
    seen.add(el);
    if (["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION"].includes(el.tagName)) { continue; }
    if (!el.checkVisibility({checkOpacity: false, checkVisibilityCSS: true})) { continue; }
    if (el.closest(":disabled")) { continue; }          // inactive controls are exempt (1.4.3)
    const range = document.createRange(); range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || box.right < 0 || box.bottom < 0
        || box.left > document.documentElement.scrollWidth) { continue; }   // clipped away, or off-screen
    const style = getComputedStyle(el);
    const fg = parse(style.color), bg = backgroundOf(el);
    if (!fg || !bg) { continue; }
    measured += 1;
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const seenColour = over({...fg, a: fg.a * opacityOf(el)}, bg);
    const r = ratio(seenColour, bg);
    if (r < need - 0.005) {
      found.push(`${describe(el)} "${node.textContent.trim().slice(0, 40)}": ${r.toFixed(2)}:1 < ${need}:1 (${hex(seenColour)} on ${hex(bg)})`);
    }
  }
  return {found, measured};
}"""

# Every focusable control is focused in turn (:focus-visible holds: the sweep pressed Tab first) and
# its ring measured: the outline and every box-shadow band are candidates; the ring passes when one
# band at least 2 px thick reaches 3:1 against what it covers (outside the control: the background
# around it; an inset band: the control's own background). `kinds` says what it was measured on.
FOCUS = "() => {" + _COLOUR + r"""
  const found = [], kinds = {light: 0, dark: 0, filled: 0};
  const controls = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])")];
  for (const el of controls) {
    if (el.disabled || !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) { continue; }
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) { continue; }
    el.focus({preventScroll: true});
    if (document.activeElement !== el) { continue; }
    const style = getComputedStyle(el);
    const around = backgroundOf(el.parentElement || el), inside = backgroundOf(el);
    if (!around || !inside) { el.blur(); continue; }
    const bands = [];
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) {
      const inset = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) <= 0;
      bands.push({colour: parse(style.outlineColor), on: inset ? inside : around});
    }
    for (const shadow of (style.boxShadow === "none" ? [] : style.boxShadow.split(/,(?![^(]*\))/))) {
      const colour = parse(shadow), lengths = (shadow.replace(/rgba?\([^)]*\)/, "").match(/-?[\d.]+px/g) || []).map(parseFloat);
      if (colour && lengths.length >= 4 && lengths[3] >= 2) {
        bands.push({colour, on: /inset/.test(shadow) ? inside : around});
      }
    }
    const best = Math.max(0, ...bands.filter(b => b.colour && b.colour.a > 0).map(b => ratio(over(b.colour, b.on), b.on)));
    const own = parse(style.backgroundColor);
    kinds[own && own.a > 0.5 && ratio(own, around) >= 3 ? "filled" : lum(around) < 0.2 ? "dark" : "light"] += 1;
    if (best < 3) {
      found.push(`focus ring of ${describe(el)}: ${best.toFixed(2)}:1 < 3:1 on ${hex(around)}`);
    }
    el.blur();
  }
  return {found, kinds};
}"""

# 1.4.11: a text field, a list box, a text area is found by its boundary (border, or its own fill).
BOUNDARIES = "() => {" + _COLOUR + r"""
  const found = [];
  const fields = document.querySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]), select, textarea");
  for (const el of fields) {
    if (el.matches(":disabled") || el.type === "file" || !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) { continue; }
    const style = getComputedStyle(el), around = backgroundOf(el.parentElement || el);
    if (!around) { continue; }
    let best = 0;
    for (const side of ["Top", "Right", "Bottom", "Left"]) {
      const colour = parse(style[`border${side}Color`]);
      if (style[`border${side}Style`] !== "none" && parseFloat(style[`border${side}Width`]) >= 1 && colour) {
        best = Math.max(best, ratio(over(colour, around), around));
      }
    }
    const fill = parse(style.backgroundColor);
    if (fill) { best = Math.max(best, ratio(over(fill, around), around)); }
    if (best < 3) { found.push(`boundary of ${describe(el)}: ${best.toFixed(2)}:1 < 3:1 (${style.borderTopColor} on ${hex(around)})`); }
  }
  return found;
}"""

REFLOW = """() => {
  const root = document.scrollingElement, width = window.innerWidth;
  if (root.scrollWidth <= width) { return []; }
  const wide = [...document.body.querySelectorAll("*")].filter(e => {
    const r = e.getBoundingClientRect();
    const inScroller = (n) => { for (let p = n.parentElement; p && p !== document.body; p = p.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) { return true; } } return false; };
    return (r.right > width + 1 || r.left < -1) && e.checkVisibility() && !e.closest(".visually-hidden, .skip-link") && !inScroller(e);
  }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && e.className.baseVal === undefined ? "." + String(e.className).trim().split(/\\s+/).join(".") : "")
                        + " " + Math.round(e.getBoundingClientRect().width) + "px");
  return [`scrolls sideways at ${width} CSS px: ${root.scrollWidth}px wide (${wide.join(", ")})`];
}"""

# WCAG 1.4.12's overrides (line height 1.5, paragraph spacing 2, letter 0.12, word 0.16 em).
TEXT_SPACING_CSS = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }"""

# Text cut off: an element that hides its overflow and whose text content is larger than its box.
CLIPPED = """() => {
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.textContent.trim() || !el.checkVisibility() || el.closest(".visually-hidden")) { continue; }
    if (["INPUT", "TEXTAREA", "SELECT", "OPTION"].includes(el.tagName)) { continue; }
    const s = getComputedStyle(el);
    const hidesX = ["hidden", "clip"].includes(s.overflowX), hidesY = ["hidden", "clip"].includes(s.overflowY);
    // A font's ascent and descent overhang a tight line box (line-height 1.05 on the big digits)
    // with no ink cut: 15 % of the font size is let pass in height, 5 % in width. A clipped line
    // or word is far more.
    const size = parseFloat(s.fontSize);
    const over = (hidesX && el.scrollWidth > el.clientWidth + Math.max(1, 0.05 * size))
      || (hidesY && el.scrollHeight > el.clientHeight + Math.max(1, 0.15 * size));
    if (over && el.getBoundingClientRect().width > 2) {
      found.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")} clips its text (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
  }
  return found;
}"""


# 3.1.2: on an English or French page, Arabic words sit inside an element marked lang="ar" (a
# screen reader then reads them with an Arabic voice); on any page, the nearest lang of Arabic
# script is not "en" or "fr" (channel names in Arabic marked as English). Option labels included.
LANG_OF_PARTS = r"""() => {
  const found = [], arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]{2,}/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !arabic.test(node.textContent) || ["SCRIPT", "STYLE", "TEMPLATE"].includes(el.tagName)) { continue; }
    const marked = el.closest("[lang]"), lang = marked ? marked.getAttribute("lang").split("-")[0] : "";
    if (lang !== "ar") {
      found.push(`Arabic text in lang="${lang}" at ${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).trim().split(/\s+/).join(".") : ""}: "${node.textContent.trim().slice(0, 30)}"`);
    }
  }
  return found;
}"""


def language_findings(page) -> list[str]:
    return page.evaluate(LANG_OF_PARTS)


def inject_axe(page) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))


def axe_findings(page) -> list[str]:
    inject_axe(page)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    return [f"axe {v['id']} ({v['impact']}): {v['help']} at {node['target']}"
            for v in violations if v["impact"] in FAILING_IMPACTS for node in v["nodes"]]


def contrast_findings(page) -> list[str]:
    result = page.evaluate(CONTRAST)
    assert result["measured"] > 0, "the contrast check measured no text: the page is empty or the check broken"
    return result["found"]


def focus_findings(page) -> tuple[list[str], dict]:
    page.keyboard.press("Tab")      # from here on, focus is keyboard focus (:focus-visible)
    result = page.evaluate(FOCUS)
    return result["found"], result["kinds"]


def boundary_findings(page) -> list[str]:
    return page.evaluate(BOUNDARIES)


def reflow_findings(page, width: int = 320) -> list[str]:
    size = page.viewport_size
    page.set_viewport_size({"width": width, "height": 640})
    try:
        page.wait_for_timeout(50)
        return page.evaluate(REFLOW) + [f"at {width} CSS px: {f}" for f in page.evaluate(CLIPPED)]
    finally:
        page.set_viewport_size(size)


def text_spacing_findings(page) -> list[str]:
    style = page.add_style_tag(content=TEXT_SPACING_CSS)
    try:
        page.wait_for_timeout(50)
        return page.evaluate(CLIPPED)
    finally:
        style.evaluate("node => node.remove()")


def flash_phase(page, ms: int) -> None:
    """Freeze every running CSS animation (the overrun flash) at `ms` into its cycle."""
    page.evaluate("(ms) => document.getAnimations().forEach(a => { a.pause(); a.currentTime = ms; })", ms)
