"""Every screen speaks its prompt in the citizen's language; mute silences it."""

from tests.kiosk.ui.helpers import tap


def test_screens_announce_themselves_in_the_current_language(kiosk, qtbot):
    with qtbot.waitSignal(kiosk.voice.spoken) as spoken:
        kiosk.shell.start()
    assert spoken.args == ["请选择要办理的业务，也可以搜索业务名称。", "zh"]

    with qtbot.waitSignal(kiosk.voice.spoken) as spoken:
        tap(kiosk, "languageButton")
    assert spoken.args == ["Please choose a service. You can also search for one.", "en"]


def test_the_countdown_is_spoken(kiosk, qtbot, clock):
    kiosk.shell.start()
    with qtbot.waitSignal(kiosk.voice.spoken) as spoken:
        clock.now += 61
        kiosk.shell.tick()
    assert spoken.args[0].startswith("您还在吗")


def test_mute_silences_the_prompts(kiosk, qtbot):
    kiosk.shell.start()
    qtbot.waitUntil(lambda: kiosk.shell.screen == "catalogue")
    tap(kiosk, "muteButton")
    assert kiosk.shell.muted
    with qtbot.assertNotEmitted(kiosk.voice.spoken, wait=100):
        kiosk.shell.openService("queue_ticket")
