"""The Qt Quick shell: thin QObject adapters that show the kiosk's state to QML. No business rule lives here."""
