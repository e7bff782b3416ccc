"""Claim 3, the keyboard's part: the pinyin keyboard learns nothing from what a citizen types. Left to
itself, the pinyin engine keeps every phrase chosen from its list in a user dictionary and offers it near
the top the next time: on a public terminal, one citizen's name offered to the next. Every field a citizen
types into is a KioskTextField, marked as sensitive data, which tells the engine not to learn.

The name is chosen the way a citizen with a rare name picks it: each character from far down the candidate
list, on the real keyboard of the real screen. Checked by hand: with the field's sensitive-data hint
removed, this test fails (the name comes second on the next citizen's list). The engine writes its user
dictionary only when it stops, into the per-process folder that KioskApp.close() removes."""

from __future__ import annotations

from kiosk.ui import screenshot
from tests.kiosk.ui.helpers import find
from tests.kiosk.ui.test_keyboard import Keys

SPELLING = "zhangsan"


def candidates(keys) -> list[str]:
    return list(keys.call("candidates").toVariant())


def shown(kiosk, qtbot):
    """Wait until the keyboard's candidate bar has drawn its words (a finger only taps what it sees)."""
    controller = kiosk.engine.incubationController()
    qtbot.waitUntil(lambda: controller.incubatingObjectCount() == 0)


def offered(kiosk, keys, qtbot, spelling):
    """Type the spelling into an empty field: the candidates the keyboard offers for it."""
    keys.call("type", spelling)
    qtbot.waitUntil(lambda: len(candidates(keys)) > 20)
    shown(kiosk, qtbot)
    return candidates(keys)


def single_character(words, nth):
    """(index, word) of the nth single character on a candidate list."""
    return [(i, w) for i, w in enumerate(words) if len(w) == 1][nth]


def choose_rare_name(kiosk, keys, qtbot, field, words):
    """From the list offered for SPELLING, the 7th character for "zhang", then the 5th for "san"."""
    index, first = single_character(words, 6)
    keys.call("choose", index)
    qtbot.waitUntil(lambda: candidates(keys) != words)  # now the list for the next syllable
    shown(kiosk, qtbot)
    index, second = single_character(candidates(keys), 4)
    keys.call("choose", index)
    qtbot.waitUntil(lambda: field.property("text") == first + second)
    shown(kiosk, qtbot)
    return first + second


def test_a_rare_name_typed_in_pinyin_is_not_offered_to_the_next_citizen(kiosk, qtbot, clock, search):
    keys = Keys(kiosk)
    fresh = offered(kiosk, keys, qtbot, SPELLING)
    name = choose_rare_name(kiosk, keys, qtbot, search, fresh)
    assert name not in fresh[:10]  # far down the list: had the keyboard learnt it, it would come first

    kiosk.shell.endSession("timeout")  # the citizen walks away; the next one types the same spelling
    screenshot.stage(kiosk, "search", clock, online=True, waiting=0)
    field = find(kiosk, "searchField")
    assert field.property("text") == ""
    again = offered(kiosk, keys, qtbot, SPELLING)
    assert again[:10] == fresh[:10]

