"""Every operation of the reader's driver against the simulator, over a real pty and real pyserial."""

from datetime import date

import pytest

from drivers.idcard.driver import IdCardReader
from drivers.idcard.simulator import DEFAULT_BAUDRATE
from drivers.idcard.textblock import CardType, Sex
from drivers.sim.pty import PtyDevice
from drivers.status import State
from drivers.transport import SerialTransport


def test_open_checks_the_sam_and_reads_its_id(reader, device):
    caps = reader.tracker.capabilities
    assert (caps.kind, caps.port, caps.serial_number) == ("idcard", str(device.link),
                                                          "05.01-20240101-000000001-000000042")
    assert reader.tracker.status.state is State.READY


def test_reset_status_and_sam_id(reader):
    assert reader.reset().ok and reader.sam_status().ok
    assert reader.sam_id().value == "05.01-20240101-000000001-000000042"


def test_no_card_is_a_user_action_not_an_error(reader, heard):
    result = reader.find_card()
    assert not result.ok and result.code == "idcard.no_card"
    assert reader.tracker.status.state is State.USER_ACTION and reader.tracker.status.code == "idcard.no_card"
    reader.find_card()
    assert reader.poll().state is State.USER_ACTION  # a healthy SAM does not hide the missing card
    assert heard[-1] == (State.READY, State.USER_ACTION, "idcard.no_card")
    assert len(heard) == 2  # disconnected -> ready on open, ready -> user action once


def test_find_select_read_step_by_step(reader, sim, sample):
    sim.put_card(sample)
    assert reader.find_card().value == bytes(4)
    assert reader.select_card().value == bytes(8)
    read = reader.read_base()
    card = read.value.identity
    assert (card.card_type, card.name, card.sex, card.nation, card.birth_date) == (
        CardType.RESIDENT, "张三", Sex.MALE, "汉", date(1990, 1, 1))
    assert (card.address, card.id_number, card.issuing_authority) == (
        "北京市东城区示例路1号", "110101199001010015", "北京市公安局东城分局")
    assert (card.valid_from, card.valid_to) == (date(2020, 1, 1), date(2040, 1, 1))
    assert len(read.value.photo_wlt) == 1024 and read.value.photo is None and read.value.fingerprints == b""
    assert "张三" not in repr(read) and "110101199001010015" not in repr(read)


def test_read_card_after_no_card_makes_the_reader_ready(reader, sim, sample):
    reader.find_card()
    sim.put_card(dict(sample, valid_to=None))
    read = reader.read_card()
    assert read.ok and read.value.identity.long_term
    assert reader.tracker.status.state is State.READY


@pytest.mark.parametrize("templates", [0, 1, 2])
def test_read_with_fingerprints(reader, sim, sample, templates):
    sim.put_card(dict(sample, fingerprints=templates))
    read = reader.read_card(with_fingerprint=True)
    assert read.ok and len(read.value.fingerprints) == 512 * templates
    assert read.value.identity.id_number == "110101199001010015"


class StockPhoto:
    """What a vendor WLT library would give: a 102 x 126 image (here: stock bytes)."""

    def __init__(self):
        self.seen = []

    def decode(self, wlt):
        self.seen.append(len(wlt))
        return b"BM stock photo"


def test_the_photo_goes_through_the_decoder_hook(device, sim, sample):
    decoder = StockPhoto()
    reader = IdCardReader(SerialTransport(str(device.link), DEFAULT_BAUDRATE, device="idcard"),
                          photo_decoder=decoder, timeout_s=2.0)
    reader.open()
    sim.put_card(sample)
    assert reader.read_card().value.photo == b"BM stock photo" and decoder.seen == [1024]
    reader.close()


def test_a_foreigners_card(reader, sim):
    sim.put_card({"card_type": "foreign_permanent", "english_name": "DOE JANE", "name": "简", "sex": "2",
                  "id_number": "USA310079060781", "nationality": "USA", "birth_date": "1985-05-05",
                  "valid_from": "2017-06-16", "valid_to": "2027-06-16", "card_version": "01",
                  "issuing_authority": "3100"})
    card = reader.read_card().value.identity
    assert (card.card_type, card.english_name, card.nationality, card.sex) == (
        CardType.FOREIGN_PERMANENT, "DOE JANE", "USA", Sex.FEMALE)


def test_a_number_with_a_wrong_check_digit_is_refused_without_showing_it(reader, sim, sample):
    sim.put_card(dict(sample, id_number="110101199001010016"))
    result = reader.read_card()
    assert result.code == "idcard.invalid_id_number" and "110101199001010016" not in result.detail


def test_select_fails_when_the_card_left_after_find(reader, sim, sample):
    sim.put_card(sample)
    reader.find_card()
    sim.remove_card()
    assert reader.select_card().code == "idcard.select_failed"
    assert reader.tracker.status.state is State.USER_ACTION


def test_a_closed_reader_refuses_politely(reader):
    reader.close()
    assert reader.find_card().code == "device.disconnected"
    assert reader.poll().state is State.DISCONNECTED


def test_a_full_read_at_the_real_line_speed(tmp_path, sim, sample):
    """2321 bytes at 115200 baud take about 0.2 s on a real line; the default timeout is far above."""
    sim.put_card(dict(sample, fingerprints=2))
    with PtyDevice(sim, tmp_path / "ttyPACED", baudrate=DEFAULT_BAUDRATE) as device:
        reader = IdCardReader(SerialTransport(str(device.link), DEFAULT_BAUDRATE, device="idcard"))
        assert reader.open().ok
        assert len(reader.read_card(with_fingerprint=True).value.fingerprints) == 1024
        reader.close()
