"""Codes read from a keyboard-wedge scanner's key events, one event at a time: layouts, modifiers, garbage,
repeats, missing suffixes and overlong scans."""

import pytest
from evdev import ecodes as e
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.scanner.codec import ScannedCode
from drivers.scanner.keymap import TYPEABLE, char_for, keys_for
from drivers.scanner.keystrokes import BadScan, BadScanReason, KeystrokeDecoder, KeySuffix

PICKUP = "PICKUP:310104198001011234:ZHANG San"
URL = "https://gov.example/pickup?id=A-7_x.9&sum=100%25+2#top@~"
STEP = 0.004  # seconds between key events: a scanner types about 250 keys a second


class Typist:
    """Feeds a decoder events one by one at scanner speed; collects what it finds."""

    def __init__(self, decoder=None):
        self.decoder = decoder or KeystrokeDecoder()
        self.now = 100.0
        self.found = []

    def keys(self, presses, type_=e.EV_KEY):
        for code, value in presses:
            self.event(type_, code, value)
        return self

    def event(self, type_, code, value):
        self.now += STEP
        self._keep(self.decoder.feed(type_, code, value, self.now))

    def scan(self, text, suffix=e.KEY_ENTER):
        return self.keys(keys_for(text) + [(suffix, 1), (suffix, 0)])

    def pause(self, seconds):
        self.now += seconds
        self._keep(self.decoder.expire(self.now))
        return self

    def _keep(self, out):
        if isinstance(out, ScannedCode):
            self.found.append(out.text)
        elif isinstance(out, BadScan):
            self.found.append(out.reason)


def press(*codes):
    return [(c, v) for c in codes for v in (1, 0)]


def test_codes_with_letters_digits_and_url_punctuation():
    assert Typist().scan(PICKUP).scan(URL).scan("abc-123").found == [PICKUP, URL, "abc-123"]


def test_every_typeable_character_round_trips():
    text = "".join(sorted(TYPEABLE - {"\n"}))
    assert Typist().scan(text).found == [text]


def test_keypad_enter_ends_a_code_and_keypad_digits_type():
    presses = press(e.KEY_KP4, e.KEY_KP2, e.KEY_KPDOT, e.KEY_KP5, e.KEY_KPENTER)
    assert Typist().keys(presses).found == ["42.5"]


def test_right_shift_and_shift_held_over_several_keys():
    presses = [(e.KEY_RIGHTSHIFT, 1), *press(e.KEY_A, e.KEY_B, e.KEY_1), (e.KEY_RIGHTSHIFT, 0),
               *press(e.KEY_C, e.KEY_ENTER)]
    assert Typist().keys(presses).found == ["AB!c"]


def test_both_shifts_held_then_one_released_is_still_shifted():
    presses = [(e.KEY_LEFTSHIFT, 1), (e.KEY_RIGHTSHIFT, 1), (e.KEY_LEFTSHIFT, 0), *press(e.KEY_X),
               (e.KEY_RIGHTSHIFT, 0), *press(e.KEY_X, e.KEY_ENTER)]
    assert Typist().keys(presses).found == ["Xx"]


def test_caps_lock_turns_letters_only_and_shift_undoes_it():
    presses = [*press(e.KEY_CAPSLOCK, e.KEY_A, e.KEY_1), (e.KEY_LEFTSHIFT, 1), *press(e.KEY_B),
               (e.KEY_LEFTSHIFT, 0), *press(e.KEY_CAPSLOCK, e.KEY_C, e.KEY_ENTER)]
    assert Typist().keys(presses).found == ["A1bc"]


def test_ctrl_types_the_gs1_separators():
    gs1 = "]d2\x1d0104\x1e\x1c\x04"
    assert Typist().scan(gs1).found == [gs1]
    assert char_for(e.KEY_A, ctrl=True) is None  # Ctrl+A (select all) is no character of a code


def test_autorepeat_is_not_a_scanned_character():
    presses = [(e.KEY_A, 1), (e.KEY_A, 2), (e.KEY_A, 2), (e.KEY_A, 0), *press(e.KEY_B, e.KEY_ENTER)]
    assert Typist().keys(presses).found == ["ab"]


def test_tab_suffix_and_enter_inside_the_code():
    typist = Typist(KeystrokeDecoder(KeySuffix.TAB))
    assert typist.scan("line 1\nline 2", suffix=e.KEY_TAB).found == ["line 1\nline 2"]


def test_other_events_and_lone_suffixes_are_ignored():
    typist = Typist().keys([(e.SYN_REPORT, 0)], type_=e.EV_SYN).keys(press(e.KEY_ENTER, e.KEY_ENTER))
    typist.event(e.EV_MSC, e.MSC_SCAN, 0x70004)
    typist.event(e.EV_LED, e.LED_CAPSL, 1)
    assert typist.keys(press(e.KEY_NUMLOCK)).scan("OK").found == ["OK"]


@pytest.mark.parametrize("garbage", [e.KEY_ESC, e.KEY_F1, e.KEY_BACKSPACE, e.KEY_LEFT, e.KEY_102ND])
def test_a_key_no_code_carries_refuses_the_whole_scan_and_the_next_reads(garbage):
    presses = keys_for("AB") + press(garbage) + keys_for("CD") + press(e.KEY_ENTER)
    assert Typist().keys(presses).scan("NEXT").found == [BadScanReason.STRAY_KEY, "NEXT"]


def test_alt_held_refuses_the_scan():
    presses = [(e.KEY_LEFTALT, 1), *press(e.KEY_KP6, e.KEY_KP5), (e.KEY_LEFTALT, 0), *press(e.KEY_ENTER)]
    assert Typist().keys(presses).found == [BadScanReason.STRAY_KEY]


def test_a_scan_without_suffix_is_refused_after_a_pause():
    typist = Typist().keys(keys_for("NO-SUFFIX"))
    assert typist.pause(0.3).found == []  # still within the gap: the scan may go on
    assert typist.decoder.busy
    assert typist.pause(0.3).found == [BadScanReason.CUT_SHORT]
    assert typist.scan("NEXT").found == [BadScanReason.CUT_SHORT, "NEXT"]


def test_keys_after_a_pause_start_a_new_code_and_the_cut_one_is_refused():
    typist = Typist().keys(keys_for("HALF"))
    typist.now += 2.0  # no expire() call in between: the next key notices the pause
    assert typist.scan("WHOLE").found == [BadScanReason.CUT_SHORT, "WHOLE"]


def test_an_overlong_scan_is_refused_at_its_suffix_and_memory_stays_bounded():
    decoder = KeystrokeDecoder(max_length=10)
    typist = Typist(decoder).scan("X" * 11).scan("Y" * 10)
    assert typist.found == [BadScanReason.TOO_LONG, "Y" * 10]
    outs = []
    for code, value in keys_for("Z" * 500) + press(e.KEY_ENTER):
        typist.now += STEP
        outs.append(decoder.feed(e.EV_KEY, code, value, typist.now))
    assert [o for o in outs if o] == [BadScan(BadScanReason.TOO_LONG, 10)]  # the characters past the limit were never kept


def test_dropped_events_refuse_the_scan_under_way_and_reset_held_modifiers():
    typist = Typist().keys([(e.KEY_LEFTSHIFT, 1)] + press(e.KEY_A))
    typist.event(e.EV_SYN, e.SYN_DROPPED, 0)
    assert typist.keys(press(e.KEY_B, e.KEY_ENTER)).scan("ok").found == [BadScanReason.EVENTS_LOST, "ok"]


def test_discard_mid_scan_drops_the_tail_rather_than_taking_it_for_a_code():
    typist = Typist().keys(keys_for("PICKUP:"))
    typist.decoder.discard(typist.now)
    assert typist.scan("1234").found == []  # the tail of the scan under way, up to its suffix
    assert typist.scan("NEXT").found == ["NEXT"]


def test_discard_mid_scan_then_a_pause_ends_the_skipping_silently():
    typist = Typist().keys(keys_for("PICK"))
    typist.decoder.discard(typist.now)
    assert typist.keys(keys_for("UP")).pause(1.0).found == []
    assert typist.scan("NEXT").found == ["NEXT"]


def test_discard_between_scans_keeps_the_next_scan():
    typist = Typist().scan("OLD")
    typist.decoder.discard(typist.now)
    assert typist.scan("NEW").found == ["OLD", "NEW"]


def test_bad_scans_and_reprs_never_carry_the_text():
    decoder = KeystrokeDecoder()
    typist = Typist(decoder).keys(keys_for(PICKUP))
    assert "310104" not in repr(decoder)
    typist.keys(press(e.KEY_ESC, e.KEY_ENTER))
    bad = BadScan(BadScanReason.STRAY_KEY, len(PICKUP))
    assert "310104" not in bad.describe() and "ZHANG" not in repr(bad)
    with pytest.raises(ValueError) as err:
        keys_for("取件码 310104")
    assert "310104" not in str(err.value)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=sorted(TYPEABLE - {"\n"}), min_size=1, max_size=80))
def test_any_typeable_text_round_trips(text):
    assert Typist().scan(text).found == [text]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([e.EV_KEY, e.EV_KEY, e.EV_SYN, e.EV_MSC]),
                          st.integers(0, 300), st.integers(0, 2),
                          st.floats(0, 1.0, allow_nan=False)), max_size=200))
def test_arbitrary_events_only_ever_give_codes_or_bad_scans(events):
    decoder = KeystrokeDecoder(max_length=50)
    now = 0.0
    for type_, code, value, gap in events:
        now += gap
        out = decoder.feed(type_, code, value, now)
        assert out is None or isinstance(out, (ScannedCode, BadScan))
        if isinstance(out, ScannedCode):
            assert 0 < len(out.text) <= 50
    decoder.expire(now + 10)
    assert not decoder.busy and decoder.deadline() is None
