"""Reading the documents with tools that did not write them: poppler's pdfinfo, pdftotext and
pdffonts for a PDF, LibreOffice (soffice, headless) to convert a Word file (to PDF, HTML or text).
A missing tool skips the test locally and fails it where MINBAR_REQUIRE_DOCUMENTS=1 (CI), through
suite_rules.missing."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import suite_rules

FLAG = "MINBAR_REQUIRE_DOCUMENTS"
A4_POINTS = (595, 842)


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            suite_rules.missing(f"{tool} is not installed (make document-deps)", FLAG)


def _run(tool: str, *args: str, data: bytes | None = None) -> str:
    need(tool)
    done = subprocess.run([tool, *args], input=data, capture_output=True, timeout=120, check=True)
    return done.stdout.decode("utf-8")


def pdf_info(pdf: bytes) -> dict[str, str]:
    text = _run("pdfinfo", "-", data=pdf)
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in text.splitlines() if ":" in line)}


def page_size(pdf: bytes) -> tuple[int, int]:
    """The first page's size in whole points ("595.276 x 841.89 pts (A4)" -> (595, 842))."""
    width, height = re.match(r"([\d.]+) x ([\d.]+)", pdf_info(pdf)["Page size"]).groups()
    return round(float(width)), round(float(height))


def pdf_text(pdf: bytes, *pages: int) -> str:
    """The text pdftotext reads (logical order, no layout); `pages` = (first, last) to limit."""
    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    # Poppler marks the direction of each line with U+202A..U+202E: they are not text.
    return re.sub("[\u202a-\u202e]", "", _run("pdftotext", *span, "-", "-", data=pdf))


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub, uni, one dict per font (pdffonts needs a file)."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    rows = []
    for line in lines:
        cells = line.split()
        # name type... encoding emb sub uni objectID gen: the last five are fixed.
        rows.append({"name": cells[0], "emb": cells[-5], "sub": cells[-4], "uni": cells[-3]})
    return rows


def soffice_to_pdf(docx: bytes, tmp_path: Path) -> bytes:
    """The Word file converted by LibreOffice headless, with a profile of its own; its PDF."""
    return soffice_convert(docx, tmp_path, "pdf", "pdf")


def soffice_convert(docx: bytes, tmp_path: Path, target: str, suffix: str) -> bytes:
    """The Word file converted by LibreOffice headless to `target` ("pdf", "html",
    "txt:Text (encoded):UTF8"), with a profile of its own; the file it wrote (`document.<suffix>`)."""
    need("soffice")
    source = tmp_path / "document.docx"
    source.write_bytes(docx)
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
         "--outdir", str(tmp_path / "out"), str(source)], capture_output=True, timeout=180)
    result = tmp_path / "out" / f"document.{suffix}"
    assert done.returncode == 0 and result.exists(), done.stderr.decode(errors="replace")
    return result.read_bytes()


def squeeze(text: str) -> str:
    """`text` without whitespace: pdftotext moves spaces around numbers in right-to-left lines
    ("10 شباط" comes out "10شباط" or " 10"), so Arabic is compared without them."""
    return re.sub(r"\s+", "", text)
