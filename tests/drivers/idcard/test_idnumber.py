"""GB 11643 check character (ISO 7064 MOD 11-2), validation and masking: pure functions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.idcard.idnumber import CHECK_CHARACTERS, check_character, is_valid, mask


@pytest.mark.parametrize("number", ["110101199001010015", "11010519491231002X", "513200199909060190"])
def test_known_valid_numbers(number):
    assert is_valid(number)


def test_check_character_x_for_remainder_two():
    assert check_character("11010519491231002") == "X"


@pytest.mark.parametrize("number", [
    "110101199001010016",   # wrong check digit
    "11010519491231002x",   # cards print an upper-case X
    "110105194912310020",   # X expected, 0 given
    "11010119900101001",    # 17 characters
    "1101011990010100155",  # 19 characters
    "11010119900101A015",   # a letter in the body
    "１１０１０１１９９００１０１００１５",  # full-width digits are not ASCII digits
    "",
])
def test_invalid_numbers(number):
    assert not is_valid(number)


def test_check_character_refuses_a_malformed_body():
    with pytest.raises(ValueError):
        check_character("1234")


bodies = st.text(alphabet="0123456789", min_size=17, max_size=17)


@settings(max_examples=200, deadline=None)
@given(bodies)
def test_every_body_with_its_check_character_is_valid_and_no_other_is(body):
    good = check_character(body)
    assert is_valid(body + good)
    assert [c for c in CHECK_CHARACTERS if is_valid(body + c)] == [good]


@settings(max_examples=200, deadline=None)
@given(bodies, st.integers(0, 16), st.integers(1, 9))
def test_a_single_changed_digit_is_caught(body, position, delta):
    number = body + check_character(body)
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    assert not is_valid(changed)


def test_mask_keeps_first_six_and_last_four():
    assert mask("11010519491231002X") == "110105********002X"
    assert mask("ABC") == "***"
