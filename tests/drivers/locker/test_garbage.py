"""Line garbage before replies and between commands: the driver resynchronises on the frame start."""

from drivers.locker import kerong


def test_noise_before_every_reply(driver, bus):
    bus.model.noise = b"\x00\xff\x02\x55\x03"
    assert driver.open_door(3).value.open
    assert driver.door_states().value.doors[3].open


def test_garbage_while_idle_is_dropped(driver, bus):
    bus.inject(b"\x02\x00\x35\xff\xff\x00\x00\x03\x00junk")  # a bad frame and noise nobody asked for
    assert driver.open_door(1).value.open
    assert driver.door_states().value.unread_boards == ()


def test_a_stray_reply_of_another_board_is_not_taken_for_the_answer(driver, bus):
    # Before every reply, a valid frame of board 1 with every door open (a late answer to an old command).
    bus.model.noise = kerong.encode(kerong.BoardData(0x10, 0x0000, 0x0000))
    bus.model.jam(1)
    assert driver.open_door(1).code == "locker.door_jammed"
    assert not driver.door_states().value.doors[1].open
