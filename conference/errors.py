"""Refusals and their transport mapping: one code, one HTTP status, one plain sentence.

The class itself is defined in `timing.errors` (the ground floor: the timer raises it and imports
nothing from above); every other module imports it from here. Key-message edits, agenda edits and
feed queries raise it too: there is one refusal type in the house.
"""
from __future__ import annotations

from timing.errors import HTTP_STATUS, MinbarError

__all__ = ["HTTP_STATUS", "MinbarError"]
