"""Loading the printer driver leaves logging alone: each log event reaches the journal once, as JSON."""

import subprocess
import sys


def test_loading_the_printer_driver_adds_no_second_log_handler():
    probe = "import logging, drivers.printer.driver; print(len(logging.root.handlers))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
