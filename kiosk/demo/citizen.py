"""The citizen's hands (and face) in a demo: what a person does at each device when the screen asks for it.

It watches the flow (the step entered, the progress an action reports) and acts on the simulated devices
through their control handle: a card on the reader, a finger placed and lifted, an open door pushed shut, and
who stands before the simulated camera (its scenes, assets/camera/scenes). Conditions change what they do (a
smudged finger, a door left open, a card pulled away mid-read, someone else's face, a printed photo held up,
standing too far away until the screen says to come closer).
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.idcard.simcard import SAMPLE_IDENTITY

Act = Callable[[str, str, dict], dict]  # device kind, action, arguments -> the handle's answer

PERSON = "obama"        # the demo citizen's scene: the test person whose frames make a compliant ID photo
SOMEONE_ELSE = "biden"  # face_mismatch: another person stands before the camera
CAMERA_STEPS = ("photo_capture", "face_verify")


class SimCitizen:
    def __init__(self, act: Act) -> None:
        self._act = act
        self.conditions: frozenset[str] = frozenset()
        self.camera = None  # the simulated camera's control handle (drivers/camera/simulated.py), if any
        self._last: tuple = ()

    def set(self, conditions: frozenset[str]) -> None:
        self.conditions = conditions

    def has(self, condition: str) -> bool:
        return condition in self.conditions

    def step_entered(self, step_type: str, display: dict) -> None:
        self._last = ()  # a new step (perhaps of the next citizen's session): every report is news again
        if step_type == "fingerprint_capture":  # nobody's finger is still on the sensor from before
            self._act("fingerprint", "lift_finger", {})
        elif step_type == "read_id_card":
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
        elif step_type in CAMERA_STEPS:
            self._face_the_camera(step_type)

    def _face_the_camera(self, step_type: str) -> None:
        """Who (or what) is in front of the camera when a photo or face step begins."""
        if self.camera is None:
            return
        scene = PERSON
        if step_type == "face_verify" and self.has("face_not_live"):
            scene = "printed_photo"
        elif step_type == "face_verify" and self.has("face_mismatch"):
            scene = SOMEONE_ELSE
        elif step_type == "photo_capture" and self.has("photo_instructions"):
            scene = "face_too_far"
        self.camera.set_scene(scene)

    def progress(self, step_type: str, display: dict) -> None:
        """The action reported something: react once to each new report."""
        seen = (step_type, display.get("prompt"), display.get("finger"), display.get("scan"), display.get("phase"),
                display.get("instruction"))
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
        elif step_type == "photo_capture" and display.get("instruction") == "move_closer" and self.camera is not None:
            self.camera.set_scene(PERSON)  # steps up to the camera
