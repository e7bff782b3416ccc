"""Device interfaces, real drivers and protocol-true simulators (see DESIGN.md)."""
