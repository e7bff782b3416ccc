"""Enrolling one finger from two scans: a small pure state machine; the driver runs its actions.

    PLACE_FIRST --capture ok--> CONVERT_FIRST --tz(1) ok--> LIFT --no finger--> PLACE_SECOND
    PLACE_SECOND --capture ok--> CONVERT_SECOND --tz(2) ok--> MERGE --RegModel ok--> STORE --ok--> DONE

Each phase names one action; the outcome of running it (None for success, else the error code of the
Failure) moves the machine. Waiting is not failing: "no finger" while a finger is wanted, and "finger still
there" while a lift is wanted, keep the phase. A poor scan (finger moved or lifted mid-capture, smudged, too
little of it) goes back to that scan; two scans of different fingers start again from the first. Each of
those costs one retry; past `max_retries` the enrolment fails with the last code. Any other failure (the
device went away, flash error, bad slot) fails it at once: the module's char buffers cannot be trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from drivers.fingerprint.confirmations import RECAPTURE

NO_FINGER = "fingerprint.no_finger"
MERGE_FAILED = "fingerprint.merge_failed"


class Phase(Enum):
    PLACE_FIRST = "place_first"
    CONVERT_FIRST = "convert_first"
    LIFT = "lift"
    PLACE_SECOND = "place_second"
    CONVERT_SECOND = "convert_second"
    MERGE = "merge"
    STORE = "store"
    DONE = "done"
    FAILED = "failed"


class Action(Enum):
    CAPTURE = "capture"        # GenImg
    CONVERT_1 = "convert_1"    # Img2Tz into char buffer 1
    CONVERT_2 = "convert_2"    # Img2Tz into char buffer 2
    REGISTER = "register"      # RegModel
    STORE = "store"            # Store buffer 1 at page_id
    NONE = "none"              # finished


_ACTIONS = {
    Phase.PLACE_FIRST: Action.CAPTURE, Phase.CONVERT_FIRST: Action.CONVERT_1, Phase.LIFT: Action.CAPTURE,
    Phase.PLACE_SECOND: Action.CAPTURE, Phase.CONVERT_SECOND: Action.CONVERT_2, Phase.MERGE: Action.REGISTER,
    Phase.STORE: Action.STORE, Phase.DONE: Action.NONE, Phase.FAILED: Action.NONE,
}

# What the citizen is asked to do in each phase (a key for the UI's translated sentence).
_PROMPTS = {
    Phase.PLACE_FIRST: "place_finger", Phase.CONVERT_FIRST: "hold_still", Phase.LIFT: "lift_finger",
    Phase.PLACE_SECOND: "place_finger_again", Phase.CONVERT_SECOND: "hold_still", Phase.MERGE: "wait",
    Phase.STORE: "wait", Phase.DONE: "done", Phase.FAILED: "failed",
}

# phase -> (next phase on success, phase to go back to after a poor scan)
_FORWARD = {
    Phase.PLACE_FIRST: (Phase.CONVERT_FIRST, Phase.PLACE_FIRST),
    Phase.CONVERT_FIRST: (Phase.LIFT, Phase.PLACE_FIRST),
    Phase.PLACE_SECOND: (Phase.CONVERT_SECOND, Phase.PLACE_SECOND),
    Phase.CONVERT_SECOND: (Phase.MERGE, Phase.PLACE_SECOND),
    Phase.MERGE: (Phase.STORE, Phase.PLACE_FIRST),
    Phase.STORE: (Phase.DONE, Phase.FAILED),
}


@dataclass(frozen=True)
class Enrolment:
    page_id: int
    phase: Phase = Phase.PLACE_FIRST
    retries: int = 0
    max_retries: int = 3
    failure: str | None = None  # the error code, once FAILED

    @property
    def action(self) -> Action:
        return _ACTIONS[self.phase]

    @property
    def prompt(self) -> str:
        return _PROMPTS[self.phase]

    @property
    def finished(self) -> bool:
        return self.phase in (Phase.DONE, Phase.FAILED)

    def advance(self, outcome: str | None) -> Enrolment:
        """The machine after this phase's action ended with `outcome` (None = success, else a code)."""
        if self.finished:
            return self
        if self.phase is Phase.LIFT:
            if outcome == NO_FINGER:
                return replace(self, phase=Phase.PLACE_SECOND)
            if outcome is None or outcome in RECAPTURE:  # still there, or half lifted
                return self
            return self._fail(outcome)
        success, again = _FORWARD[self.phase]
        if outcome is None:
            return replace(self, phase=success)
        if outcome == NO_FINGER and self.phase in (Phase.PLACE_FIRST, Phase.PLACE_SECOND):
            return self
        if outcome in RECAPTURE or (outcome == MERGE_FAILED and self.phase is Phase.MERGE):
            if self.retries >= self.max_retries or again is Phase.FAILED:  # STORE has no scan to go back to
                return self._fail(outcome)
            return replace(self, phase=again, retries=self.retries + 1)
        return self._fail(outcome)

    def _fail(self, code: str) -> Enrolment:
        return replace(self, phase=Phase.FAILED, failure=code)
