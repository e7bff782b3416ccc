"""The flow engine and the service definitions a citizen walks through (see DESIGN.md)."""
