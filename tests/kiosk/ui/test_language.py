"""Chinese first, English one touch away, switched at any moment without a restart."""

import re

import pytest

from tests.kiosk.ui.helpers import find, tap, visible_texts

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_starts_in_chinese(kiosk):
    assert find(kiosk, "touchToStart").property("text") == "请触摸屏幕开始办理"


def test_language_button_switches_at_once_and_back(kiosk, qtbot, log_lines):
    kiosk.shell.start()
    qtbot.waitUntil(lambda: find(kiosk, "catalogueScreen") is not None)
    assert "请选择要办理的业务" in visible_texts(kiosk)
    session_id = kiosk.shell.sessionId

    tap(kiosk, "languageButton")
    texts = visible_texts(kiosk)
    assert "Choose a service" in texts
    assert "Replace a lost ID card" in texts
    assert kiosk.shell.sessionId == session_id  # same session: nothing restarted
    assert [e["language"] for e in log_lines.events("ui.language_changed")] == ["en"]

    tap(kiosk, "languageButton")
    assert "请选择要办理的业务" in visible_texts(kiosk)


@pytest.mark.parametrize("screen", ["attract", "catalogue", "service", "idle", "offline-notice"])
def test_english_screens_show_no_chinese_but_the_language_button(make_kiosk, clock, screen):
    from kiosk.ui import screenshot

    kiosk = make_kiosk()
    kiosk.shell.setLanguage("en")
    screenshot.stage(kiosk, screen, clock, online=True, waiting=0)
    screenshot.render(kiosk)
    leftovers = [t for t in visible_texts(kiosk) if CJK.search(t) and t != "中文"]
    assert leftovers == []


def test_search_matches_titles_in_the_shown_language(kiosk, qtbot):
    kiosk.shell.start()
    kiosk.shell.setSearch("身份证")
    titles = [s["id"] for d in kiosk.shell.departments for s in d["services"]]
    assert titles == ["id_card_replace"]
    kiosk.shell.setLanguage("en")
    kiosk.shell.setSearch("photo")
    assert [s["id"] for d in kiosk.shell.departments for s in d["services"]] == ["id_photo"]
    kiosk.shell.setSearch("zzz")
    qtbot.waitUntil(lambda: find(kiosk, "noMatch") is not None and find(kiosk, "noMatch").isVisible())


TRANSLATION_ID = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("screen", ["attract", "catalogue", "search", "service", "idle", "offline-notice"])
def test_every_screen_renders_in_both_languages_and_sizes(make_kiosk, clock, screen, language, size):
    from kiosk.ui import screenshot

    kiosk = make_kiosk(size=size)
    kiosk.shell.setLanguage(language)
    screenshot.stage(kiosk, screen, clock, online=screen != "offline-notice", waiting=0)
    image = screenshot.render(kiosk)
    assert (image.width(), image.height()) == size
    assert len({image.pixel(x, y) for x in range(0, size[0], 97) for y in range(0, size[1], 89)}) > 3
    texts = visible_texts(kiosk)
    assert texts, "a screen with nothing to read"
    assert [t for t in texts if TRANSLATION_ID.match(t)] == []  # an untranslated id would show as itself
    if language == "zh":
        assert any(CJK.search(t) for t in texts)
