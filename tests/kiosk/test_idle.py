"""The inactivity rules, on a fake clock: when the countdown starts, what it shows, when the session ends."""

import pytest

from kiosk.session.idle import IdleWatch, Phase
from kiosk.session.session import Session


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


def test_no_session_until_started(clock):
    watch = IdleWatch(60, 20, clock)
    assert watch.phase() is Phase.NO_SESSION
    watch.touch()  # a touch on the attract screen starts nothing by itself
    assert watch.phase() is Phase.NO_SESSION


def test_countdown_starts_after_idle_time_and_counts_down_whole_seconds(clock):
    watch = IdleWatch(60, 20, clock)
    watch.start()
    clock.now += 59.9
    assert watch.phase() is Phase.ACTIVE
    clock.now += 0.1
    assert watch.phase() is Phase.WARNING
    assert watch.seconds_left() == 20
    clock.now += 0.5
    assert watch.seconds_left() == 20
    clock.now += 0.5
    assert watch.seconds_left() == 19
    clock.now += 18.5
    assert watch.seconds_left() == 1
    clock.now += 0.5
    assert watch.phase() is Phase.EXPIRED
    assert watch.seconds_left() == 0


def test_a_touch_while_active_restarts_the_idle_time(clock):
    watch = IdleWatch(60, 20, clock)
    watch.start()
    clock.now += 50
    watch.touch()
    clock.now += 50
    assert watch.phase() is Phase.ACTIVE


def test_during_the_countdown_only_an_answer_keeps_the_session(clock):
    watch = IdleWatch(60, 20, clock)
    watch.start()
    clock.now += 70
    watch.touch()  # a stray touch does not dismiss the question
    assert watch.phase() is Phase.WARNING
    watch.confirm()
    assert watch.phase() is Phase.ACTIVE
    clock.now += 59
    assert watch.phase() is Phase.ACTIVE


def test_an_expired_session_is_not_revived_by_a_late_answer(clock):
    watch = IdleWatch(60, 20, clock)
    watch.start()
    clock.now += 80
    watch.confirm()
    assert watch.phase() is Phase.EXPIRED


def test_stop_ends_the_watch(clock):
    watch = IdleWatch(60, 20, clock)
    watch.start()
    watch.stop()
    clock.now += 1000
    assert watch.phase() is Phase.NO_SESSION


def test_wipe_forgets_everything_the_session_held():
    session = Session(service_id="id_card_replace")
    secret = bytearray(b"fingerprint-template")
    session.data.update(search="身份证", template=secret)
    session.wipe()
    assert session.data == {}
    assert session.service_id is None
    assert secret == bytearray(len(secret))  # the bytes themselves were overwritten
