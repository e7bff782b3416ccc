"""Store-and-forward to the central platform (see DESIGN.md)."""
