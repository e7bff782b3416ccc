"""The screens `kiosk screenshot` can render (kept free of Qt so the command line starts fast)."""

SCREENS = ("attract", "catalogue", "search", "service", "idle", "offline-notice")
