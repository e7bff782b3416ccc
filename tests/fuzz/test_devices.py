"""Structured property tests of the device targets: real frames with odd values, bad lengths and checksums,
whole conversations with damaged answers. Only the documented outcomes may come out, each fast."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drivers.fingerprint import codec as fp_codec
from drivers.idcard import codec as id_codec
from drivers.idcard.commands import SW3_FAILURES
from drivers.idcard.textblock import TEXT_SIZE
from drivers.locker import kerong, xor8a
from drivers.pcsc.apdu import Response
from drivers.printer.status import real_time_byte
from fuzz import devices
from fuzz.cards import target_pcsc_cards
from fuzz.harness import join
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.strategies import mutated

sw3s = st.sampled_from([0x90, 0x9F, *SW3_FAILURES, 0x00, 0xFF])
frames = st.builds(lambda sw3, data: id_codec.encode(id_codec.Response(0x00, 0x00, sw3, data)),
                   sw3s, st.binary(max_size=64))


def read_data(text: bytes, photo: bytes, prints: bytes | None) -> bytes:
    sizes = [len(text), len(photo)] + ([] if prints is None else [len(prints)])
    return b"".join(s.to_bytes(2, "big") for s in sizes) + text + photo + (prints or b"")


@st.composite
def text_blocks(draw: st.DrawFn) -> bytes:
    """A text block field by field: odd text, dates that are almost dates, any type flag."""
    dates = st.one_of(st.dates().map(lambda d: d.strftime("%Y%m%d")), st.text("0123456789", max_size=9),
                      st.just("长期"), st.just("00000000"), st.just("20240230"), st.text(max_size=8))
    texts = st.text(max_size=40)
    layout = [(texts, 30), (st.sampled_from("0129X "), 2), (st.text("0123456789", max_size=3), 4), (dates, 16),
              (texts, 70), (texts, 36), (texts, 30), (dates, 16), (dates, 16), (texts, 32),
              (st.sampled_from([" ", "I", "J", "", "\x00"]), 2), (texts, 2)]
    block = b"".join(draw(s).encode("utf-16-le", "surrogatepass")[:size].ljust(size, b" ") for s, size in layout)
    return draw(mutated(block[:TEXT_SIZE]))


@fuzz_settings(500)
@given(st.lists(st.one_of(frames, mutated(frames)), max_size=4).map(b"".join))
def test_idcard_frames_with_damaged_lengths_and_checksums(data: bytes) -> None:
    devices.target_idcard_frames(data)


@fuzz_settings(500, examples=2)
@given(text_blocks())
def test_idcard_text_block_fields_with_odd_values(block: bytes) -> None:
    devices.target_idcard_text_block(block)


@fuzz_settings(500)
@given(st.booleans(), text_blocks(), st.binary(max_size=1100), st.none() | st.binary(max_size=1100))
def test_idcard_read_answer_with_odd_lengths(fp: bool, text: bytes, photo: bytes, prints: bytes | None) -> None:
    devices.target_idcard_read_answer(bytes([fp]) + read_data(text, photo, prints))


read_frames = text_blocks().map(
    lambda t: id_codec.encode(id_codec.Response(0, 0, 0x90, read_data(t, bytes(1024), None))))


@fuzz_settings(1000)
@given(st.integers(0, 255), st.lists(st.one_of(frames, mutated(frames), read_frames, mutated(read_frames)),
                                     max_size=10))
def test_idcard_reader_on_a_line_with_damaged_answers(chunk: int, answers: list[bytes]) -> None:
    devices.target_idcard_reader(bytes([chunk]) + join(answers))


@fuzz_settings(500)
@given(st.lists(st.builds(lambda pid, payload, address: fp_codec.encode(fp_codec.Packet(pid, payload, address)),
                          st.sampled_from(sorted(fp_codec.PIDS)), st.binary(max_size=256),
                          st.integers(0, 0xFFFFFFFF)).flatmap(lambda p: st.one_of(st.just(p), mutated(p))),
                max_size=4).map(b"".join))
def test_fingerprint_packets_with_damaged_headers(data: bytes) -> None:
    devices.target_fingerprint_packets(data)


@fuzz_settings(500)
@given(st.lists(st.integers(0, 0xFFFF), min_size=0, max_size=9).map(
    lambda words: b"".join(w.to_bytes(2, "big") for w in words)))
def test_fingerprint_acks_with_any_words(data: bytes) -> None:
    devices.target_fingerprint_acks(data)


locker_frames = st.one_of(
    st.builds(lambda a, h, s: kerong.encode(kerong.BoardData(a, h, s)), st.integers(0, 255),
              st.integers(0, 0xFFFF), st.integers(0, 0xFFFF)),
    st.builds(lambda head, body: xor8a.encode(xor8a.Frame(head, body)), st.sampled_from(xor8a.HEADS),
              st.binary(min_size=3, max_size=5)))


@fuzz_settings(500)
@given(st.integers(0, 255), st.integers(0, 255), st.lists(st.one_of(locker_frames, mutated(locker_frames)),
                                                          max_size=5).map(b"".join))
def test_locker_frames_of_both_families(base: int, closed: int, data: bytes) -> None:
    devices.target_locker_frames(bytes([base, closed]) + data)


@fuzz_settings(1000)
@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 1),
       st.lists(st.lists(st.one_of(locker_frames, mutated(locker_frames)), max_size=3).map(b"".join), max_size=12))
def test_locker_driver_on_a_bus_with_damaged_replies(door: int, closed: int, family: int,
                                                     replies: list[bytes]) -> None:
    devices.target_locker_driver(bytes([door, closed, family]) + join(replies))


@fuzz_settings(500)
@given(st.lists(st.one_of(st.text(max_size=40).map(str.encode), st.binary(max_size=20),
                          st.sampled_from([b"\r", b"\n", b"\r\n", b"\x00", b"\x1d"])), max_size=12).map(b"".join))
def test_scanner_serial_lines_with_stray_suffixes_and_controls(data: bytes) -> None:
    devices.target_scanner_serial(data)


@fuzz_settings(500)
@given(st.lists(st.tuples(st.sampled_from([0, 0, 0, 1, 3]), st.sampled_from([28, 42, 54, 58, 15, 2, 30, 96, 1, 255]),
                          st.integers(0, 2), st.sampled_from([0, 1, 400, 600, 65535])), max_size=60))
def test_scanner_wedge_key_events(events: list[tuple[int, int, int, int]]) -> None:
    devices.target_scanner_wedge(b"".join(bytes([k, 0, c, v]) + g.to_bytes(2, "big") for k, c, v, g in events))


@fuzz_settings(500)
@given(st.lists(st.one_of(st.integers(0, 255).map(real_time_byte), st.integers(0, 255)), max_size=8).map(bytes))
def test_printer_status_bytes(data: bytes) -> None:
    devices.target_printer_status(data)


@fuzz_settings(500)
@given(st.binary(max_size=300), st.integers(0, 0xFFFF))
def test_pcsc_apdu_responses_with_any_status_word(data: bytes, sw: int) -> None:
    devices.target_pcsc_apdu(Response(data, sw).encode())


status_words = st.sampled_from([0x9000, 0x6A82, 0x6982, 0x63C1, 0x6D00, 0x6F00, 0x6100, 0x6105, 0x6C00, 0x6C10])


@fuzz_settings(500)
@given(st.lists(st.builds(lambda data, sw: Response(data, sw).encode(),
                          st.one_of(st.binary(max_size=40), st.text(max_size=33).map(str.encode),
                                    st.sampled_from([b"T-0042", bytes([7, 9]) + b"A12345678"])),
                          status_words) | st.just(b""), max_size=40))
def test_pcsc_cards_answering_any_status_words(answers: list[bytes]) -> None:
    target_pcsc_cards(join(answers))
