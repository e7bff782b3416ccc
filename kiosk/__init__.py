"""The kiosk process: command line, configuration, store, logging and the Qt Quick shell."""

__version__ = "0.1.0"
