"""The simulated printer's PNG: paper the right width, the text as printed, and a QR code a phone can scan,
whether the printer drew it (GS ( k) or was sent a raster image."""

import io

import cv2
import numpy as np
import pytest
from PIL import Image

from drivers.printer import simulator
from drivers.printer.compose import PrinterProfile, compose
from drivers.printer.render import MARGIN

from .conftest import RECEIPT_EN, RECEIPT_ZH, document


def printed(receipt, language, paper_mm, native_qr):
    model = simulator.create({"paper_mm": paper_mm, "native_qr": native_qr})
    model.receive(compose(document(receipt, language, paper_mm), PrinterProfile(paper_mm, native_qr=native_qr)))
    assert model.bad_commands == 0
    (result,) = model.receipts
    return result


def scan(png: bytes) -> str:
    image = np.array(Image.open(io.BytesIO(png)).convert("L"))
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(image)
    return text


@pytest.mark.parametrize(("receipt", "language", "paper_mm", "native_qr"), [
    (RECEIPT_ZH, "zh", 58, True), (RECEIPT_ZH, "zh", 80, False),
    (RECEIPT_EN, "en", 80, True), (RECEIPT_EN, "en", 58, False)])
def test_receipt_picture(receipt, language, paper_mm, native_qr):
    result = printed(receipt, language, paper_mm, native_qr)
    assert result.complete and result.cut == "partial"
    image = Image.open(io.BytesIO(result.png))
    assert image.width == paper_mm * 8 + 2 * MARGIN and image.height > 600
    assert image.getpixel((MARGIN + 4, MARGIN + 4)) == 255   # white paper inside a grey border
    assert image.getpixel((2, 2)) == 200
    assert scan(result.png) == receipt.qr_data
    assert "110101********123X" in result.text
    heading = "业务受理回执" if language == "zh" else "APPLICATION RECEIPT"
    assert heading in result.lines
    assert result.qr_codes == ((receipt.qr_data,) if native_qr else ())


def test_the_picture_has_ink_where_text_is_printed():
    result = printed(RECEIPT_ZH, "zh", 58, True)
    image = np.array(Image.open(io.BytesIO(result.png)).convert("L"))
    paper = image[MARGIN:-MARGIN - 60, MARGIN:-MARGIN]
    dark_rows = (paper < 128).any(axis=1)
    assert dark_rows.mean() > 0.4                     # text and QR cover much of the receipt
    assert not (paper[:, :32] < 128).any()            # nothing printed outside the 48 mm print area


def test_printer_without_native_qr_prints_nothing_for_gs_paren_k():
    model = simulator.create({"paper_mm": 80, "native_qr": False})
    model.receive(compose(document(paper_mm=80), PrinterProfile(80, native_qr=True)))
    assert scan(model.receipts[0].png) == ""  # hence the raster fallback flag in the profile
