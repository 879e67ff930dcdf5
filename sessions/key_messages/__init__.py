"""Rapporteurs' key messages, their views and the outcome document."""
