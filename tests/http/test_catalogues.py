"""No user-visible string without an Arabic and a French translation."""
from __future__ import annotations

import pytest

from conference import catalogues, i18n


def test_extraction_finds_strings_in_code_templates_and_macros():
    where = {m.where.split(":")[0] for m in catalogues.extract()}
    assert "templates/base.html" in where
    assert "templates/_macros/agenda.html" in where
    assert "conference/presenters.py" in where


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_extracted_string_is_translated(language):
    missing = catalogues.untranslated(language)
    assert missing == [], "\n".join(f"{m.where}: {m.msgid!r}" for m in missing)


def test_arabic_plural_forms_follow_the_arabic_rule():
    assert i18n.ngettext("ar", "%(num)d minute", "%(num)d minutes", 1) == "دقيقة واحدة"
    assert i18n.ngettext("ar", "%(num)d minute", "%(num)d minutes", 2) == "دقيقتان"
    assert i18n.ngettext("ar", "%(num)d minute", "%(num)d minutes", 5) == "5 دقائق"
    assert i18n.ngettext("ar", "%(num)d minute", "%(num)d minutes", 30) == "30 دقيقة"


def test_untranslated_detects_a_missing_translation():
    fake = [catalogues.Message("A string nobody translated", None, "nowhere:1")]
    assert catalogues.untranslated("fr", fake) == fake
