"""Routes of this feature (filled in by its issue)."""
from flask import Blueprint

bp = Blueprint("rapporteur_views", __name__)
