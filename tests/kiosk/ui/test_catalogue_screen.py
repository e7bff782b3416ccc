"""Choosing a service: what a citizen meets when the network is down, and the way back."""

from tests.kiosk.ui.helpers import find, tap, visible_texts


def test_a_network_service_while_offline_says_where_else_to_go(kiosk, qtbot):
    kiosk.shell.setNetwork(False, 3)
    kiosk.shell.start()
    qtbot.waitUntil(lambda: find(kiosk, "service_id_card_replace") is not None)
    assert "需联网，当前网络中断" in visible_texts(kiosk)
    assert "网络中断 · 3 条记录待发送" in visible_texts(kiosk)
    tap(kiosk, "service_id_card_replace")
    qtbot.waitUntil(lambda: find(kiosk, "noticeDialog") is not None)
    assert any("请到人工服务窗口办理" in t for t in visible_texts(kiosk))
    assert kiosk.shell.screen == "catalogue"
    tap(kiosk, "noticeOk")
    qtbot.waitUntil(lambda: find(kiosk, "noticeDialog") is None)


def test_an_offline_service_opens_while_offline(kiosk, qtbot):
    kiosk.shell.start()
    qtbot.waitUntil(lambda: find(kiosk, "service_queue_ticket") is not None)
    tap(kiosk, "service_queue_ticket")
    qtbot.waitUntil(lambda: find(kiosk, "serviceScreen") is not None)
    assert "排队取号" in visible_texts(kiosk)
    tap(kiosk, "chooseAnother")
    qtbot.waitUntil(lambda: find(kiosk, "catalogueScreen") is not None)


def test_network_state_reaches_the_screen(kiosk, qtbot):
    kiosk.shell.setNetwork(True, 0)
    qtbot.waitUntil(lambda: "网络正常" in visible_texts(kiosk))
    kiosk.shell.setNetwork(False, 1)
    qtbot.waitUntil(lambda: "网络中断 · 1 条记录待发送" in visible_texts(kiosk))
    kiosk.shell.setLanguage("en")
    qtbot.waitUntil(lambda: "Offline · 1 record waiting to be sent" in visible_texts(kiosk))
    kiosk.shell.setNetwork(False, 2)
    qtbot.waitUntil(lambda: "Offline · 2 records waiting to be sent" in visible_texts(kiosk))


def test_home_ends_the_session(kiosk, qtbot, log_lines):
    kiosk.shell.start()
    qtbot.waitUntil(lambda: find(kiosk, "homeButton") is not None)
    tap(kiosk, "homeButton")
    qtbot.waitUntil(lambda: find(kiosk, "attractScreen") is not None)
    assert [e["reason"] for e in log_lines.events("session.ended")] == ["cancelled"]
