"""The lockout state machine: five wrong PINs lock the entry, each lock twice as long, up to the cap."""

from kiosk.maintenance.lockout import LockoutPolicy, LockoutState, attempt, is_locked, seconds_left

POLICY = LockoutPolicy(max_attempts=5, base_s=60, cap_s=300)


def wrong(state, now, times=1):
    result = None
    for _ in range(times):
        result = attempt(state, POLICY, now, right=False)
        state = result.state
    return result


def test_four_wrong_pins_count_down_and_the_fifth_locks_for_a_minute():
    result = wrong(LockoutState(), 1000, 4)
    assert (result.accepted, result.locked_now, result.attempts_left) == (False, False, 1)
    result = wrong(result.state, 1000)
    assert result.locked_now and result.seconds_left == 60
    assert is_locked(result.state, 1059.5) and not is_locked(result.state, 1060)


def test_while_locked_even_the_right_pin_is_refused_and_nothing_is_counted():
    locked = wrong(LockoutState(), 1000, 5).state
    result = attempt(locked, POLICY, 1030, right=True)
    assert not result.accepted and result.seconds_left == 30 and result.state == locked


def test_each_lock_lasts_twice_the_one_before_up_to_the_cap():
    state, now, lengths = LockoutState(), 0.0, []
    for _ in range(5):
        result = wrong(state, now, 5)
        lengths.append(result.seconds_left)
        state, now = result.state, now + result.seconds_left
    assert lengths == [60, 120, 240, 300, 300]


def test_the_right_pin_forgets_everything():
    state = wrong(LockoutState(), 0, 5).state
    state = wrong(state, 60, 3).state
    result = attempt(state, POLICY, 60, right=True)
    assert result.accepted and result.state == LockoutState()
    assert wrong(result.state, 60, 5).seconds_left == 60  # the next lock is a first one again


def test_setting_the_clock_back_cannot_lengthen_a_lock():
    state = wrong(LockoutState(), 10_000, 5).state
    assert seconds_left(state, 10_000 - 86_400) == 60


def test_a_saved_state_round_trips_and_a_damaged_one_starts_afresh():
    state = wrong(LockoutState(), 500, 5).state
    assert LockoutState.from_json(state.to_json()) == state
    assert LockoutState.from_json({"failures": "x"}) == LockoutState()
