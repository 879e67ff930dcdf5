"""Registration of participants: the public form and API, the e-mailed confirmation, the
secretariat's decision, and the purge of what is no longer needed (docs/registration.md)."""
