"""Columns on 58 mm (32) and 80 mm (48) paper, Chinese characters two columns wide, wrapping and rows."""

import pytest

from drivers.printer.layout import paper, row, text_columns, wrap


def test_papers():
    assert (paper(58).columns, paper(58).dots) == (32, 384)
    assert (paper(80).columns, paper(80).dots) == (48, 576)
    with pytest.raises(ValueError, match="58 or 80"):
        paper(76)


def test_every_non_ascii_character_is_two_columns_in_chinese_mode():
    assert text_columns("ID 号码：12") == 3 + 4 + 2 + 2


def test_chinese_wraps_between_characters_and_keeps_punctuation_off_a_line_start():
    lines = wrap("证件制作约需7个工作日，完成后将短信通知您。", 16)
    assert all(text_columns(line) <= 16 for line in lines)
    assert "".join(lines) == "证件制作约需7个工作日，完成后将短信通知您。"
    assert not any(line[0] in "，。" for line in lines)
    assert wrap("一二三四五六七，", 14) == ["一二三四五六", "七，"]


def test_english_wraps_at_spaces_and_cuts_overlong_words():
    assert wrap("Scan the QR code at the pickup lockers", 16) == ["Scan the QR code", "at the pickup", "lockers"]
    assert wrap("https://gov.example/q/SZ2025", 10) == ["https://go", "v.example/", "q/SZ2025"]


@pytest.mark.parametrize("columns", [32, 48])
def test_rows_put_the_value_at_the_right_edge(columns):
    (line,) = row("申请编号", "SZ20250314000123", columns)
    assert text_columns(line) == columns and line.endswith("SZ20250314000123")


def test_a_row_too_wide_for_one_line_puts_the_value_under_the_label():
    lines = row("Application number", "SZ20250314000123-REPRINT", 32)
    assert lines == ["Application number", "        SZ20250314000123-REPRINT"]
