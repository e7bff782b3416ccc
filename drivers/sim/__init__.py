"""Simulators: fake devices that speak the real protocol on a pseudo-terminal (see pty.py)."""
