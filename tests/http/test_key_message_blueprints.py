"""Each key-message route module registers its own blueprint, and the module they share
(`sessions.key_messages.rapporteur_views`, labels and reference lists) imports none of them: no import cycle."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

# blueprint name -> the module that registers it (the blueprint's name is the contract: url_for)
ROUTE_MODULES = {"key_message_api": "sessions.key_messages.api",
                 "rapporteur_console": "sessions.key_messages.rapporteur_console",
                 "outcome_views": "sessions.key_messages.outcome_views",
                 "presentation_views": "sessions.key_messages.presentation_views"}


def test_the_shared_module_imports_no_route_module():
    code = ("import sys, sessions.key_messages.rapporteur_views; "
            f"print(sorted(m for m in {sorted(ROUTE_MODULES.values())!r} if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_each_route_module_has_its_own_blueprint_with_its_own_routes(app):
    import importlib

    from conference.app import BLUEPRINT_MODULES

    for name, dotted in ROUTE_MODULES.items():
        module = importlib.import_module(dotted)
        assert module.bp.name == name and dotted in BLUEPRINT_MODULES
        endpoints = [e for e in app.view_functions if e.startswith(f"{name}.")]
        assert endpoints and all(app.view_functions[e].__module__ == module.__name__ for e in endpoints), name
    assert not [e for e in app.view_functions if e.startswith("rapporteur_views.")]
