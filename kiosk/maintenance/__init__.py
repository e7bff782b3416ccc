"""The technician's maintenance mode, as plain Python (no Qt): who may enter and when.

    pin.py        PINs and technician cards as salted scrypt hashes, compared in constant time
    lockout.py    five wrong PINs lock the entry for a growing time (the pure state machine)
    persist.py    the lockout and "out of service" kept in the store's settings table (survive a power cycle)
    gate.py       the entry: PIN or card, lockout, the maintenance session and its idle timeout, log events
    board.py      the technician's board rows from the diagnostics report (state colour, ages, evidence)
    readiness.py  the readiness report written as JSON and as a human-readable HTML page

The Qt side is kiosk/ui/maintenance.py; the PIN pad and board are QML in kiosk/ui/qml/Kiosk/.
"""
