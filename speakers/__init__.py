"""People and their roles: speakers, chairs, rapporteurs, interpreters, access tokens."""
