#!/bin/sh
# Debian's packages for the documents (conference/documents/, docs/documents.md): the Noto fonts
# the print stylesheet and the Word files name, pango (WeasyPrint's text layout, pulled in by
# libpangoft2), poppler's pdftotext/pdffonts/pdfinfo that the tests read the PDFs with, and
# LibreOffice's Writer, which the tests convert the Word files with. Run by `make setup`; does
# nothing when they are there. Without root or apt-get it only says what is missing (the tests then
# skip, or fail where MINBAR_REQUIRE_DOCUMENTS=1, as in CI).
. "$(dirname "$0")/apt-missing.sh"
missing=""
[ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing="$missing fonts-noto-core"
ls /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 || missing="$missing libpangoft2-1.0-0"
command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
apt_missing "$missing" "the document tests (PDF and Word rendering)"
