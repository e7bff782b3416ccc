"""Checks behind the threat model (docs/threat-model.md): pure functions the tests and the soak share."""
