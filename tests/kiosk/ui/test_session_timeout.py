"""A citizen walks away: the countdown appears, and without an answer the session and its data are wiped."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.kiosk.ui.helpers import find, tap


def start_and_search(kiosk, qtbot, text="身份证"):
    kiosk.shell.start()
    qtbot.waitUntil(lambda: find(kiosk, "searchField") is not None)
    field = find(kiosk, "searchField")
    field.setProperty("text", text)
    kiosk.shell.setSearch(text)
    return field


def test_idle_countdown_then_wipe_returns_to_attract(kiosk, qtbot, clock, log_lines):
    start_and_search(kiosk, qtbot)
    session = kiosk.shell.session
    assert session.data["search"] == "身份证"

    clock.now += 60
    kiosk.shell.tick()
    qtbot.waitUntil(lambda: find(kiosk, "idleDialog") is not None)
    assert find(kiosk, "countdown").property("text") == "20"
    clock.now += 5
    kiosk.shell.tick()
    assert find(kiosk, "countdown").property("text") == "15"

    with qtbot.waitSignal(kiosk.shell.screenChanged):
        clock.now += 15
        kiosk.shell.tick()

    assert kiosk.shell.screen == "attract"
    assert kiosk.shell.session is None
    assert session.data == {}  # the object itself was emptied, not just dropped
    qtbot.waitUntil(lambda: find(kiosk, "attractScreen") is not None)
    assert find(kiosk, "searchField") is None
    assert find(kiosk, "idleDialog") is None
    ended = log_lines.events("session.ended")
    assert [e["reason"] for e in ended] == ["timeout"]
    assert log_lines.events("session.wiped")[0]["session_id"] == session.id
    assert "身份证" not in log_lines.text()


def test_countdown_runs_on_its_own_timer(kiosk, qtbot, clock):
    """No test hook needed: the shell's own timer notices the idle time."""
    kiosk.shell.start()
    clock.now += 61
    with qtbot.waitSignal(kiosk.shell.idleChanged, timeout=2000):
        pass
    assert kiosk.shell.idleWarning


def test_i_am_here_keeps_the_session_and_its_data(kiosk, qtbot, clock):
    start_and_search(kiosk, qtbot)
    clock.now += 65
    kiosk.shell.tick()
    qtbot.waitUntil(lambda: find(kiosk, "stillHereButton") is not None)
    tap(kiosk, "stillHereButton")
    qtbot.waitUntil(lambda: find(kiosk, "idleDialog") is None)
    assert kiosk.shell.screen == "catalogue"
    assert kiosk.shell.session.data["search"] == "身份证"


def test_any_touch_counts_as_activity(kiosk, qtbot, clock):
    kiosk.shell.start()
    qtbot.waitUntil(lambda: find(kiosk, "catalogueScreen") is not None)
    clock.now += 50
    QTest.mousePress(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(540, 900))
    QTest.mouseRelease(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(540, 900))
    clock.now += 50
    kiosk.shell.tick()
    assert not kiosk.shell.idleWarning
    assert kiosk.shell.session is not None


def test_end_now_wipes_at_once(kiosk, qtbot, clock, log_lines):
    start_and_search(kiosk, qtbot)
    clock.now += 61
    kiosk.shell.tick()
    qtbot.waitUntil(lambda: find(kiosk, "endNowButton") is not None)
    tap(kiosk, "endNowButton")
    qtbot.waitUntil(lambda: find(kiosk, "attractScreen") is not None)
    assert [e["reason"] for e in log_lines.events("session.ended")] == ["cancelled"]


def test_large_text_gives_more_time(kiosk, clock):
    kiosk.shell.toggleLargeText()
    kiosk.shell.start()
    clock.now += 61
    kiosk.shell.tick()
    assert not kiosk.shell.idleWarning  # 60 s x 2.0 for large text
    clock.now += 60
    kiosk.shell.tick()
    assert kiosk.shell.idleWarning
    assert kiosk.shell.secondsLeft == 39  # a 40 s countdown (20 s x 2.0), one second in


def test_next_citizen_starts_from_the_terminals_defaults(kiosk, qtbot):
    kiosk.shell.start()
    kiosk.shell.setLanguage("en")
    kiosk.shell.toggleLargeText()
    kiosk.shell.toggleMute()
    kiosk.shell.endSession("finished")
    assert (kiosk.shell.language, kiosk.shell.largeText, kiosk.shell.muted) == ("zh", False, False)


def test_after_a_session_the_kiosk_gives_freed_memory_back(kiosk, qtbot, log_lines):
    kiosk.shell.start()
    kiosk.shell.endSession("finished")
    qtbot.waitUntil(lambda: kiosk.shell.memory_releases == 1, timeout=10_000)
    released = log_lines.events("memory.released")[-1]
    assert released["rss_after_mb"] <= released["rss_before_mb"]
    assert released["took_ms"] >= 0


def test_a_closed_kiosk_gives_nothing_back_later(make_kiosk, qtbot, log_lines):
    """Closing ends the session, but the release that follows a session's end must not come: it would collect
    and delete on behalf of a kiosk that is gone, in the middle of whatever runs next (in CI: the next test)."""
    from PySide6.QtCore import QTimer

    from kiosk.ui.shell import RELEASE_MEMORY_AFTER_MS

    kiosk = make_kiosk()
    kiosk.shell.start()
    kiosk.close()
    kiosk.close()  # twice is harmless (the fixture closes it again)
    later = QTimer()
    later.setSingleShot(True)
    with qtbot.waitSignal(later.timeout, timeout=RELEASE_MEMORY_AFTER_MS * 10):
        later.start(RELEASE_MEMORY_AFTER_MS * 3)
    assert kiosk.shell.memory_releases == 0 and log_lines.events("memory.released") == []


def test_what_the_session_left_in_garbage_is_collected_when_it_ends(kiosk, qtbot):
    import gc
    import weakref

    class Held:  # stands for an object of the session's that only a reference cycle keeps
        pass

    kiosk.shell.start()
    held = Held()
    held.cycle = held
    gone = weakref.ref(held)
    del held
    gc.disable()  # no collection by chance in between: only the kiosk's own
    try:
        assert gone() is not None
        kiosk.shell.endSession("finished")
        # this kiosk's release (a log line could be another test's kiosk, its timer still running)
        qtbot.waitUntil(lambda: kiosk.shell.memory_releases == 1, timeout=10_000)
    finally:
        gc.enable()
    assert gone() is None
