"""The 256-byte text block: the datasheet's layout, long-term validity, the foreigner's card, masking."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.idcard.nations import NATIONS, nation_code, nation_name
from drivers.idcard.simcard import SAMPLE_IDENTITY, normalise, text_block
from drivers.idcard.textblock import (
    CardType,
    IdentityCard,
    Sex,
    TextBlockError,
    UnsupportedCardError,
    decode_text_block,
    encode_text_block,
)


def ucs2(text: str, size: int) -> bytes:
    return (text.encode("utf-16-le") + b"\x20\x00" * size)[:size]


def resident_block(valid_to: str = "20400101", flag: str = " ") -> bytes:
    """Built field by field from the datasheet's table, offsets asserted as we go."""
    parts = [(0, "张三", 30), (30, "2", 2), (32, "05", 4), (36, "19491231", 16), (52, "北京市 东城区 示例路1号", 70),
             (122, "11010519491231002X", 36), (158, "北京市公安局东城分局", 30), (188, "20200101", 16),
             (204, valid_to, 16), (220, "", 28), (248, flag, 2), (250, "", 6)]
    block = b""
    for offset, text, size in parts:
        assert len(block) == offset
        block += ucs2(text, size)
    return block


def test_the_worked_example_bytes():
    block = resident_block()
    assert block[:8] == bytes.fromhex("205F094E20002000")
    assert block[30:36] == bytes.fromhex("3200 3000 3500")


def test_a_resident_card_decodes():
    card = decode_text_block(resident_block())
    assert card == IdentityCard(CardType.RESIDENT, "张三", Sex.FEMALE, "05", date(1949, 12, 31),
                                "北京市 东城区 示例路1号", "11010519491231002X", "北京市公安局东城分局",
                                date(2020, 1, 1), date(2040, 1, 1))
    assert card.nation == "维吾尔"  # spaces inside an address are kept


def test_long_term_validity_has_no_end_date():
    block = resident_block(valid_to="长期")
    assert block[204:208] == bytes.fromhex("7F951F67")
    card = decode_text_block(block)
    assert card.valid_to is None and card.long_term
    assert card.valid_on(date(2099, 1, 1)) and not card.valid_on(date(2019, 12, 31))


def test_a_foreigners_permanent_residence_card_decodes():
    parts = [("ZHANG SAN JOHN", 120), ("1", 2), ("CAN110079060780", 30), ("CAN", 6), ("张约翰", 30),
             ("20170616", 16), ("20270616", 16), ("19800101", 16), ("01", 4), ("1100", 8), ("I", 2), ("", 6)]
    card = decode_text_block(b"".join(ucs2(t, n) for t, n in parts))
    assert card.card_type is CardType.FOREIGN_PERMANENT
    assert (card.english_name, card.name, card.nationality, card.id_number) == (
        "ZHANG SAN JOHN", "张约翰", "CAN", "CAN110079060780")
    assert (card.birth_date, card.valid_to, card.card_version, card.issuing_authority) == (
        date(1980, 1, 1), date(2027, 6, 16), "01", "1100")
    assert card.nation is None and card.address == ""


def test_other_card_types_are_refused_as_unsupported():
    with pytest.raises(UnsupportedCardError) as err:
        decode_text_block(resident_block(flag="Y"))
    assert err.value.code == "idcard.unsupported_card"


@pytest.mark.parametrize("at, text, what", [
    (36, "1949123", "birth date"), (36, "19491331", "birth date"), (204, "永久有效", "valid-to date"),
])
def test_bad_dates_name_the_field_not_the_value(at, text, what):
    block = bytearray(resident_block())
    block[at:at + 16] = ucs2(text, 16)
    with pytest.raises(TextBlockError) as err:
        decode_text_block(bytes(block))
    assert what in str(err.value) and text not in str(err.value)


def test_bad_sex_code_and_wrong_size():
    block = bytearray(resident_block())
    block[30:32] = ucs2("M", 2)
    with pytest.raises(TextBlockError, match="sex"):
        decode_text_block(bytes(block))
    with pytest.raises(TextBlockError):
        decode_text_block(resident_block()[:255])


def test_repr_hides_name_address_birth_date_and_most_of_the_number():
    card = decode_text_block(resident_block())
    for shown in (repr(card), str(card), repr([card])):
        assert "张三" not in shown and "示例路" not in shown and "11010519491231002X" not in shown
        assert "1949" not in shown
        assert "110105********002X" in shown


def test_the_simulators_block_decodes_to_its_identity():
    card = decode_text_block(text_block(normalise(SAMPLE_IDENTITY)))
    assert (card.name, card.id_number, card.nation, card.sex) == ("张三", "110101199001010015", "汉", Sex.MALE)


def test_nation_table_is_gb_3304():
    assert len(NATIONS) == 58 and [c for c in NATIONS if int(c) <= 56] == [f"{i:02d}" for i in range(1, 57)]
    assert nation_name("46") == "德昂" and nation_name("98") == "外国血统" and nation_name("57") is None
    assert nation_code("蒙古") == "02" and nation_code("火星") is None


def field_text(max_chars):
    chars = st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",))
    return st.text(chars, max_size=max_chars).map(lambda s: s.rstrip(" \x00")).filter(lambda s: s != "长期")


days = st.dates(date(1900, 1, 1), date(9999, 12, 31))
residents = st.builds(IdentityCard, st.just(CardType.RESIDENT), field_text(15), st.sampled_from(Sex),
                      st.sampled_from(sorted(NATIONS)), days, field_text(35), field_text(18), field_text(15),
                      days, st.none() | days)
foreigners = st.builds(IdentityCard, st.just(CardType.FOREIGN_PERMANENT), field_text(15), st.sampled_from(Sex),
                       st.just(""), days, st.just(""), field_text(15), field_text(4), days, st.none() | days,
                       english_name=field_text(60), nationality=field_text(3), card_version=field_text(2))


@settings(max_examples=200, deadline=None)
@given(residents | foreigners)
def test_text_blocks_round_trip(card):
    assert decode_text_block(encode_text_block(card)) == card


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=256, max_size=256))
def test_arbitrary_blocks_raise_only_text_block_errors(block):
    try:
        decode_text_block(block)
    except TextBlockError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers(0, 255), st.integers(0, 255), max_size=8))
def test_damaged_blocks_raise_only_text_block_errors(damage):
    block = bytearray(resident_block())
    for at, value in damage.items():
        block[at] = value
    try:
        decode_text_block(bytes(block))
    except TextBlockError:
        pass
