"""The list of speakers of a session: inscriptions by delegations' focal points, ordered by protocol."""
