"""What the citizen types is checked, and what screens and receipts show is masked."""

from flows.definition import Step
from flows.masking import mask_name, mask_phone, masked
from flows.steps import STEP_TYPES, Invalid
from flows.steps.printing import document
from flows.tomllines import LineIndex


def step(kind, **params):
    return Step("s", kind, "t", "p", params, {"ok": "@end"}, 60.0, 2)


def test_identity_entry_uses_the_check_character():
    entry = STEP_TYPES["identity_entry"]
    assert entry.accept(step("identity_entry"), "ok", {"id_number": "11010519491231002x", "name": "李四"},
                        {}).values == {"id_number": "11010519491231002X", "name": "李四"}
    assert entry.accept(step("identity_entry"), "ok", {"id_number": "110105194912310021", "name": "李四"},
                        {}) == Invalid("flow.id_number_invalid")


def test_phone_numbers():
    phone = STEP_TYPES["phone_entry"]
    assert phone.accept(step("phone_entry"), "ok", {"phone": "138 0013 8000"}, {}).values == {"phone": "13800138000"}
    assert phone.accept(step("phone_entry"), "ok", {"phone": "12800138000"}, {}) == Invalid("flow.phone_invalid")


def test_masks():
    assert masked("id_number", "110101199001010015") == "110101********0015"
    assert mask_name("欧阳娜娜") == "欧***" and mask_name("Li") == "L*"
    assert mask_phone("13800138000") == "138****8000"
    assert masked("photo", b"jpeg") == "✓" and masked("fingerprints", {}) == ""


def test_printed_documents_are_masked():
    values = {"id_number": "110101199001010015", "name": "张三", "application_no": "A20241001",
              "pickup_code": "KP1.x.y"}
    doc = document(step("print", template="id_card_receipt", fields=["application_no", "id_number", "name"],
                        qr="pickup_code"), values, "k")
    assert doc.fields == (("field.application_no", "A20241001"), ("field.id_number", "110101********0015"),
                          ("field.name", "张*"))
    assert doc.qr == "KP1.x.y" and doc.key == "k"


def test_summary_shows_masked_rows_with_translated_choices():
    summary = STEP_TYPES["summary"]
    shown = summary.display(step("summary", fields=["reason", "id_number", "phone"]),
                            {"reason": "lost", "id_number": "110101199001010015", "phone": "13800138000"})
    assert shown["rows"] == [
        {"id": "reason", "label": "field.reason", "value": "lost", "value_label": "choice.reason.lost"},
        {"id": "id_number", "label": "field.id_number", "value": "110101********0015"},
        {"id": "phone", "label": "field.phone", "value": "138****8000"}]


def test_line_index_finds_keys_tables_and_skips_multiline_values():
    text = 'a = 1\n[steps.x]\ntype = "t"\nparams = { k = 1 }\nlong = """\nhidden = "no"\n"""\n' \
           'list = [\n  "x",\n]\non.ok = "y"\n'
    index = LineIndex(text)
    assert index.line(("a",)) == 1
    assert index.line(("steps", "x")) == 2
    assert index.line(("steps", "x", "type")) == 3
    assert index.line(("steps", "x", "params", "k")) == 4  # inside an inline table: the key's line
    assert index.line(("steps", "x", "hidden")) == 2  # written only inside a string: not a key
    assert index.line(("steps", "x", "on", "ok")) == 11  # after a multi-line array
    assert index.line(("steps", "y")) is None
