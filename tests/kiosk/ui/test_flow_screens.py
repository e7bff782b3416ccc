"""A citizen walks through a service on the real screens: step indicator, choices, typing, errors, back,
cancel, and the record that is kept for the central platform (sealed)."""

import pytest

from kiosk.flow_setup import FlowRuntime
from kiosk.store import Store
from tests.kiosk.ui.helpers import find, tap, visible_texts


@pytest.fixture
def running(kiosk, sim_devices, tmp_path):
    hub, manager = sim_devices()
    store = Store.open(tmp_path / "store")
    kiosk.attach_devices(manager, hub)
    kiosk.attach_flows(FlowRuntime.create(store, manager))
    kiosk.shell.setNetwork(True, 0)
    kiosk.shell.start()
    yield kiosk, store
    kiosk.shell.endSession("shutdown")
    kiosk.flow.wait_idle()
    store.close()


def open_service(kiosk, qtbot, service_id):
    kiosk.shell.openService(service_id)
    qtbot.waitUntil(lambda: find(kiosk, "flowScreen") is not None)


def test_a_rating_by_touch_is_recorded_and_the_session_ends(running, qtbot):
    kiosk, store = running
    open_service(kiosk, qtbot, "rating")
    texts = visible_texts(kiosk)
    assert "好差评" in texts and "第 1 步，共 2 步" in texts
    tap(kiosk, "option_rate")
    qtbot.waitUntil(lambda: kiosk.flow.stepId == "rate")
    tap(kiosk, "level_1")
    tap(kiosk, "reason_fast")
    tap(kiosk, "sendRating")
    qtbot.waitUntil(lambda: kiosk.flow.stepId == "thanks", timeout=10000)
    assert "感谢您的评价，我们已记录。" in visible_texts(kiosk)
    tap(kiosk, "way_finish")
    qtbot.waitUntil(lambda: kiosk.shell.screen == "attract")
    assert kiosk.shell.session is None and not kiosk.flow.active
    rows = list(store.db.query("SELECT stream, payload FROM outbox"))
    assert [r["stream"] for r in rows] == ["rating"]
    assert b'"rating"' not in rows[0]["payload"]  # sealed at rest


def test_a_wrong_phone_number_is_refused_with_a_sentence_and_back_returns(running, qtbot):
    kiosk, _store = running
    open_service(kiosk, qtbot, "rating")
    tap(kiosk, "option_not_done")
    qtbot.waitUntil(lambda: kiosk.flow.stepId == "feedback")
    tap(kiosk, "matter_device_fault")
    find(kiosk, "field_contact_phone").setProperty("text", "12345")
    tap(kiosk, "nextButton")
    qtbot.waitUntil(lambda: kiosk.flow.error != "")
    assert kiosk.flow.stepId == "feedback"
    assert any("手机号" in t for t in visible_texts(kiosk))
    tap(kiosk, "backButton")
    qtbot.waitUntil(lambda: kiosk.flow.stepId == "what")


def test_cancel_leaves_the_service_for_the_catalogue(running, qtbot):
    kiosk, store = running
    open_service(kiosk, qtbot, "rating")
    tap(kiosk, "homeButton")  # "取消办理" while in a service
    qtbot.waitUntil(lambda: kiosk.shell.screen == "catalogue")
    assert not kiosk.flow.active
    states = [r["state"] for r in store.db.query("SELECT state FROM flow_sessions")]
    assert states == ["cancelled"]


def test_in_english_the_step_says_so(running, qtbot):
    kiosk, _store = running
    kiosk.shell.setLanguage("en")
    open_service(kiosk, qtbot, "rating")
    assert "Step 1 of 2" in visible_texts(kiosk)
