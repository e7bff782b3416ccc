"""The citizen's hands in a demo: what a person does at each device when the screen asks for it.

It watches the flow (the step entered, the progress an action reports) and acts on the simulated devices
through their control handle: a card on the reader, a finger placed and lifted, an open door pushed shut.
Conditions change what the hands do (a smudged finger, a door left open, a card pulled away mid-read).
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.idcard.simcard import SAMPLE_IDENTITY

Act = Callable[[str, str, dict], dict]  # device kind, action, arguments -> the handle's answer


class SimCitizen:
    def __init__(self, act: Act) -> None:
        self._act = act
        self.conditions: frozenset[str] = frozenset()
        self._last: tuple = ()

    def set(self, conditions: frozenset[str]) -> None:
        self.conditions = conditions

    def has(self, condition: str) -> bool:
        return condition in self.conditions

    def step_entered(self, step_type: str, display: dict) -> None:
        if step_type == "read_id_card":
            if self.has("no_card"):
                self._act("id_reader", "remove_card", {})
                return
            self._act("id_reader", "put_card", {"identity": SAMPLE_IDENTITY})
            if self.has("card_unreadable"):
                self._act("id_reader", "take_card_during_next_read", {})
        elif step_type == "locker_pickup" and display.get("door") is not None:
            self._act("locker", "unjam", {"door": display["door"]})
            if self.has("locker_jammed"):
                self._act("locker", "jam", {"door": display["door"]})

    def progress(self, step_type: str, display: dict) -> None:
        """The action reported something: react once to each new report."""
        seen = (step_type, display.get("prompt"), display.get("finger"), display.get("scan"), display.get("phase"))
        if seen == self._last:
            return
        self._last = seen
        prompt = display.get("prompt")
        if step_type == "fingerprint_capture":
            if prompt == "place_finger":
                quality = 10 if self.has("fingerprint_poor") else 85
                self._act("fingerprint", "place_finger", {"identity": f"citizen-{display.get('finger')}",
                                                          "quality": quality})
            elif prompt in ("lift_finger", "poor_quality"):
                self._act("fingerprint", "lift_finger", {})
        elif step_type == "locker_pickup" and display.get("phase") == "open" and not self.has("door_left_open"):
            self._act("locker", "shut_door", {"door": display["door"]})
