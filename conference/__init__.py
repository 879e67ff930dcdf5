"""Minbar: the conference as a whole, the Flask app, its configuration, exports and CLI."""
