"""Agenda items and running them live: slots, queue, channels, key messages."""
