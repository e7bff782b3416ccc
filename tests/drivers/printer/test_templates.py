"""Every shipped receipt template loads and fits both papers; a broken template names its file and line."""

from datetime import datetime

import pytest

from drivers.printer.layout import Line, Qr, check_fits, paper, text_columns
from drivers.printer.receipt import QueueTicket, StaffSlip
from drivers.printer.templates import TemplateError, load_template

from .conftest import ASSETS, RECEIPT_EN, RECEIPT_ZH, templates

TICKET = QueueTicket("市民中心24小时自助服务区", "出入境证件办理", "A086", 12, datetime(2025, 3, 14, 9, 5))
SLIP = StaffSlip("市民中心24小时自助服务区", "缴费未能完成，款项未扣。", "payment.declined", "hall3-0001",
                 datetime(2025, 3, 14, 3, 20), reference="SZ20250314000123", extra=("请携带身份证原件。",))


def test_every_document_has_a_chinese_and_an_english_template():
    assert set(templates()) == {(d, lang) for d in ("application", "queue_ticket", "staff_slip")
                                for lang in ("zh", "en")}


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_every_template_renders_within_the_paper(paper_mm):
    sources = {"application": {"zh": RECEIPT_ZH, "en": RECEIPT_EN}, "queue_ticket": TICKET, "staff_slip": SLIP}
    for (kind, language), template in templates().items():
        source = sources[kind][language] if kind == "application" else sources[kind]
        document = template.render(source, paper(paper_mm))
        check_fits(document, paper(paper_mm))
        lines = [b.text for b in document if isinstance(b, Line)]
        assert all(text_columns(t) <= paper(paper_mm).columns for t in lines)
        if kind == "application":
            assert any("110101********123X" in t for t in lines)
            assert [b.data for b in document if isinstance(b, Qr)] == [RECEIPT_ZH.qr_data]


def test_the_queue_number_is_printed_double_size():
    document = templates()[("queue_ticket", "zh")].render(TICKET, paper(58))
    assert Line("A086", "center", True, True) in document


def test_a_template_for_another_document_is_refused():
    with pytest.raises(ValueError, match="lays out a queue_ticket"):
        templates()[("queue_ticket", "zh")].render(RECEIPT_ZH, paper(58))


@pytest.mark.parametrize(("body", "line", "problem"), [
    ('[[block]]\nkind = "titel"\ntext = "x"\n', 4, "kind must be one of"),
    ('[[block]]\nkind = "title"\ntext = "x"\n\n[[block]]\nkind = "field"\nlabel = "Fee"\nvalue = "{fe}"\n', 8,
     "block 2: unknown field {fe}"),
    ('[[block]]\nkind = "field"\nlabel = "Fee"\n', 4, "field needs value"),
    ('[[block]]\nkind = "text"\ntext = "{next_steps}"\n', 4, "is a list"),
    ('[[block]]\nkind = "text"\ntext = "a { b"\n', 4, "without its pair"),
    ('[[block]]\nkind = "text"\ntext = "a"\nalign = "middle"\n', 4, "align must be"),
    ('[[block]]\nkind = "feed"\nlines = 99\n', 4, "lines must be"),
])
def test_mistakes_name_the_file_and_the_line_of_the_block(tmp_path, body, line, problem):
    path = tmp_path / "bad.zh.toml"
    path.write_text('# a broken template\ndocument = "application"\nlanguage = "zh"\n' + body, encoding="utf-8")
    with pytest.raises(TemplateError) as e:
        load_template(path)
    assert str(e.value).startswith(f"{path}:{line}: ") and problem in str(e.value)


def test_bad_toml_and_missing_files(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("document = \n", encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid TOML"):
        load_template(path)
    with pytest.raises(TemplateError, match="cannot be read"):
        load_template(tmp_path / "missing.toml")
    assert ASSETS.is_dir()
