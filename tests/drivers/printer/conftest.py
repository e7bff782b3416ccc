"""A simulated printer on a real pty (serial and usblp paths) or loopback TCP, and the real driver on it."""

from datetime import datetime
from pathlib import Path

import pytest

from drivers.printer import simulator
from drivers.printer.compose import PrinterProfile
from drivers.printer.driver import PrinterDriver
from drivers.printer.links import make_link
from drivers.printer.receipt import ApplicationReceipt
from drivers.printer.templates import load_templates
from drivers.sim.pty import PtyDevice

ASSETS = Path(__file__).resolve().parents[3] / "assets" / "receipts"
TIMEOUT_S = 0.3

#: a synthetic citizen's receipt (the ID number is made up; its checksum is not even right)
RECEIPT_ZH = ApplicationReceipt(
    hall_name="市民中心24小时自助服务区", service="居民身份证补领", application_number="SZ20250314000123",
    id_number="11010119900307123X", issued_at=datetime(2025, 3, 14, 3, 12), fee_cents=2000,
    next_steps=("证件制作约需7个工作日，完成后将短信通知您。", "凭本回执二维码到自助取件柜取证。"),
    qr_data="https://gov.example/q/SZ20250314000123")
RECEIPT_EN = ApplicationReceipt(
    hall_name="Citizen Centre 24-hour Self-Service Area", service="Resident ID card replacement",
    application_number="SZ20250314000123", id_number="11010119900307123X",
    issued_at=datetime(2025, 3, 14, 3, 12), fee_cents=2000,
    next_steps=("The card is made within 7 working days; a text message tells you when.",
                "Scan the QR code on this receipt at the pickup lockers to collect it."),
    qr_data="https://gov.example/q/SZ20250314000123")


def templates():
    return load_templates(ASSETS)


def document(receipt=RECEIPT_ZH, language="zh", paper_mm=80):
    from drivers.printer.layout import paper
    return templates()[("application", language)].render(receipt, paper(paper_mm))


def serve(tmp_path, state=None):
    return PtyDevice(simulator.create(state), tmp_path / "ttyPRN").start()


def make_driver(link_path, *, driver="sim", profile=None, **options):
    options.setdefault("retry_delay", lambda attempt: 0.0)
    options.setdefault("timeout_s", TIMEOUT_S)
    options.setdefault("check_every_s", 0.05)
    options.setdefault("print_timeout_s", 10.0)
    return PrinterDriver(make_link(driver, str(link_path)), profile or PrinterProfile(), **options)


@pytest.fixture
def printer(tmp_path):
    device = serve(tmp_path)
    yield device
    device.stop()


@pytest.fixture
def driver(printer):
    drv = make_driver(printer.link)
    assert drv.open().ok
    yield drv
    drv.close()
