"""The citizen takes the card away while it is being read: the read is a Failure, the next find says no
card (USER_ACTION), and putting the card back reads it."""

from drivers.status import State


def test_card_taken_away_mid_read(reader, sim, sample, heard):
    sim.put_card(sample)
    sim.take_card_during_next_read()
    result = reader.read_card()
    assert not result.ok and result.code == "idcard.read_failed"
    assert "张三" not in result.detail
    assert reader.tracker.status.state is State.USER_ACTION

    again = reader.find_card()
    assert again.code == "idcard.no_card"
    assert reader.tracker.status.code == "idcard.no_card"

    sim.put_card(sample)
    assert reader.read_card().ok
    assert reader.tracker.status.state is State.READY
    assert [new for _, new, _ in heard] == [State.READY, State.USER_ACTION, State.USER_ACTION, State.READY]


def test_card_taken_away_during_a_fingerprint_read(reader, sim, sample):
    sim.put_card(dict(sample, fingerprints=2))
    sim.take_card_during_next_read()
    assert reader.read_card(with_fingerprint=True).code == "idcard.read_failed"
    assert reader.read_card(with_fingerprint=True).code == "idcard.no_card"
