"""APDUs through pcscd to the card and back: status words are results; T=0 chaining is handled."""

from dataclasses import dataclass

from drivers.pcsc import technician
from drivers.pcsc.apdu import Command, Response, select_aid
from drivers.pcsc.simcard import VirtualCard, blank_card, contactless_atr, technician_card

from .conftest import insert

T0_AID = bytes.fromhex("F0000000010203")


@dataclass
class ChainingApplet:
    """Answers like a T=0 card: 61xx before its data (GET RESPONSE fetches it), 6Cxx for a wrong Le."""

    aid: bytes = T0_AID
    data: bytes = bytes(range(40))
    fetched: int = 0

    def process(self, command):
        if command.ins == 0xB0:  # READ BINARY
            if command.le != len(self.data):
                return Response(b"", 0x6C00 | len(self.data))
            return Response(self.data, 0x9000)
        if command.ins == 0xCA:  # GET DATA: announced with 61xx, fetched in two parts of 20 bytes
            self.fetched = 0
            return Response(b"", 0x6114)
        if command.ins == 0xC0 and command.le == 0x14:  # GET RESPONSE
            part, self.fetched = self.data[self.fetched:self.fetched + 20], self.fetched + 20
            return Response(part, 0x6114 if self.fetched < len(self.data) else 0x9000)
        return Response(b"", 0x6D00)


def test_select_and_status_words(emulator, reader):
    insert(emulator, reader, technician_card("T-0042", bytes(32)))
    assert reader.transmit(technician.SELECT).value == Response(b"", 0x9000)
    assert reader.transmit(technician.GET_ID).value == Response(b"T-0042", 0x9000)

    unknown = reader.transmit(select_aid(bytes.fromhex("A000000003")))
    assert unknown.ok and unknown.value.sw == 0x6A82  # the card answered: a result, not a failure
    assert unknown.value.check("selecting the payment application").code == "pcsc.not_found"
    unsupported = reader.transmit(Command(0x00, 0x20, 0x00, 0x80))
    assert unsupported.value.check("verifying a PIN").code == "pcsc.unsupported"


def test_a_card_without_uid(emulator, reader):
    insert(emulator, reader, VirtualCard(contactless_atr(b"CONTACT"), uid=b""))
    failure = reader.uid()
    assert failure.code == "pcsc.card_error" and "6A81" in failure.detail


def test_get_response_and_wrong_le_are_handled_for_the_caller(emulator, reader):
    insert(emulator, reader, VirtualCard(contactless_atr(b"T0"), applets=(ChainingApplet(),)))
    assert reader.transmit(select_aid(T0_AID)).value.ok
    assert reader.transmit(Command(0x00, 0xB0, le=256)).value == Response(bytes(range(40)), 0x9000)
    assert reader.transmit(Command(0x80, 0xCA, 0x00, 0x01)).value == Response(bytes(range(40)), 0x9000)


def test_many_exchanges_on_one_connection(emulator, reader):
    insert(emulator, reader, blank_card(uid=bytes.fromhex("04A1B2C3")))
    assert all(reader.uid().value == bytes.fromhex("04A1B2C3") for _ in range(50))
    assert emulator.card.commands.count((0xFF, 0xCA)) == 50
