"""Serial QR / barcode scanners (device-protocols.md section 6): codes end with CR, LF or CR LF.

    codec.py      split the byte stream into scanned codes
    driver.py     ScannerDriver: read_code(timeout_s)
    simulator.py  a scanner on a pty whose handle `scan(text)` sends a code
"""
