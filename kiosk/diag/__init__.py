"""Technician diagnostics: the board of devices, self-tests with evidence, and the system's figures.

The same report feeds `kiosk diag` (command line, JSON or text), the maintenance screen and the readiness
report. A running kiosk answers `kiosk diag` over its diagnostics handle (`<data dir>/diag.sock`), because its
devices' ports are held by its own drivers; without a running kiosk, `kiosk diag` opens the devices itself.
"""
