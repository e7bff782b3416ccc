"""ID numbers reach paper only masked: the first 6 and the last 4 characters, in one function."""

import dataclasses

import pytest

from drivers.printer.compose import PrinterProfile, compose
from drivers.printer.receipt import mask_id_number

from .conftest import RECEIPT_ZH, document


@pytest.mark.parametrize(("raw", "masked"), [
    ("11010119900307123X", "110101********123X"),
    (" 440305200001011234 ", "440305********1234"),
    ("110101900307123", "110101*****7123"),     # 15-digit first-generation number
    ("1234567890", "**********"),                # too short to mask and still tell apart: all hidden
    ("", ""),
])
def test_mask_id_number(raw, masked):
    assert mask_id_number(raw) == masked


def test_no_receipt_carries_the_whole_id_number():
    for language in ("zh", "en"):
        for paper_mm in (58, 80):
            data = compose(document(RECEIPT_ZH, language, paper_mm), PrinterProfile(paper_mm=paper_mm))
            assert b"19900307" not in data and b"110101********123X" in data
    assert "19900307" not in repr(RECEIPT_ZH) and "123X" in repr(RECEIPT_ZH)
    assert "19900307" not in str(RECEIPT_ZH.fields("zh"))
    assert "id_number" not in {f.name for f in dataclasses.fields(RECEIPT_ZH) if f.repr}
