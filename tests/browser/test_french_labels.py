"""Labels joined to a value by the live pages' JavaScript ("Au micro : Name", "Intervention depuis
la salle : Name") take the catalogue's punctuation: in French a narrow no-break space before the
colon (docs/architecture.md, "Languages"), in Arabic and English none."""
from __future__ import annotations

import pytest

from browser.live_views import open_page

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]


@pytest.mark.parametrize("lang, expected", [("fr", "Au micro\u202f: Amira"), ("en", "On the floor: Amira"),
                                            ("ar", "المتحدث حالياً: Amira")])
def test_live_pages_join_a_label_and_its_value_with_the_languages_punctuation(page, server, lang, expected):
    live = open_page(page, server, "live", lang=lang)
    label = live.evaluate("Minbar.config().labels.floor")
    assert live.evaluate("(label) => Minbar.labelled(label, 'Amira')", label) == expected
