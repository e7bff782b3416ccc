"""Finding readers: what pcscd lists, and which one a PcscReader picks from the configured name."""

from drivers.pcsc.reader import PcscReader, list_readers
from drivers.status import State


def test_pcscd_lists_both_virtual_readers(pcscd):
    assert list_readers().value == list(pcscd.readers)


def test_the_first_reader_when_none_is_configured(pcscd):
    reader = PcscReader()
    assert reader.open().ok
    assert reader.name == pcscd.readers[0]
    reader.close()


def test_a_name_prefix_finds_the_reader_whatever_its_slot_suffix(pcscd):
    reader = PcscReader(pcscd.readers[1][:-3])  # "Kiosk vpcd 00", as a USB reader's name without " 00 00"
    assert reader.open().value.port == pcscd.readers[0]
    reader.close()
    reader = PcscReader(pcscd.readers[1])
    assert reader.open().value.model == pcscd.readers[1]
    reader.close()


def test_an_empty_reader_waits_for_a_card(reader, heard):
    assert reader.tracker.status.state is State.USER_ACTION
    assert reader.tracker.status.code == "pcsc.no_card"
    assert heard == [(State.USER_ACTION, "pcsc.no_card")]
    assert reader.wait_for_event(0.0).value is None
    assert reader.atr().code == "pcsc.no_card"
    assert reader.uid().code == "pcsc.no_card"
