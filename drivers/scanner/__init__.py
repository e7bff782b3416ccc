"""QR / barcode scanners (device-protocols.md section 6): serial ones end codes with CR, LF or CR LF;
USB keyboard-wedge ones type each code and press Enter (or Tab).

    codec.py       split the byte stream into scanned codes
    driver.py      ScannerDriver: read_code(timeout_s) on a serial port
    simulator.py   a scanner on a pty whose handle `scan(text)` sends a code
    keymap.py      the US keyboard layout: key codes to characters and back
    keystrokes.py  split a keyboard-wedge scanner's key events into scanned codes
    wedge.py       WedgeScanner: the same interface on a grabbed evdev input device
"""
