"""Planned versus actual and the speaking balance, as data and pages."""
