"""Confirmation codes (the first payload byte of an acknowledgement) and the error codes they become.

Each non-zero confirmation maps to a registered error code and to what it says about the device:
USER_ACTION (the citizen must act: place, hold still, lift), MAINTENANCE (a technician must act),
HARDWARE_ERROR (the module reports a fault), or None (an answer about this request only, e.g. "no match":
the device itself is fine).
"""

from __future__ import annotations

from drivers.errors import register
from drivers.status import State

OK = 0x00
NO_FINGER = 0x02
PASSWORD_REQUIRED = 0x21

register({
    "fingerprint.packet_error": "The fingerprint module received a damaged command packet.",
    "fingerprint.no_finger": "No finger is on the fingerprint sensor.",
    "fingerprint.capture_failed": (
        "The fingerprint image could not be taken (the finger moved or was lifted)."),
    "fingerprint.image_messy": "The fingerprint image is too smudged to use.",
    "fingerprint.too_few_features": "The fingerprint image shows too little of the finger.",
    "fingerprint.no_match": "The two fingerprints do not match.",
    "fingerprint.not_found": "The fingerprint matches no template in the library.",
    "fingerprint.merge_failed": "The two scans of an enrolment are not of the same finger.",
    "fingerprint.bad_page": "The template slot is beyond the module's library.",
    "fingerprint.bad_template": "The template is invalid or could not be read.",
    "fingerprint.upload_failed": "The module could not send the template or image.",
    "fingerprint.download_refused": "The module cannot receive the template.",
    "fingerprint.delete_failed": "The module could not delete the template.",
    "fingerprint.clear_failed": "The module could not clear its library.",
    "fingerprint.wrong_password": "The fingerprint module refused the configured password.",
    "fingerprint.no_image": "There is no fingerprint image to process; capture one first.",
    "fingerprint.flash_error": "The fingerprint module failed to write its flash memory.",
    "fingerprint.bad_register": "The module was given an invalid register or parameter.",
    "fingerprint.port_error": "The fingerprint module reports a communication port error.",
    "fingerprint.address_error": "The fingerprint module's address does not match the configuration.",
    "fingerprint.password_required": "The fingerprint module wants its password verified first.",
    "fingerprint.library_full": "The fingerprint library has no free slot; templates must be deleted.",
    "fingerprint.lift_finger": "The finger must be lifted from the sensor before the next scan.",
    "fingerprint.enrol_timeout": "The fingerprint enrolment was not completed in time.",
})

#: confirmation byte -> (error code, what it says about the device)
CONFIRMATIONS: dict[int, tuple[str, State | None]] = {
    0x01: ("fingerprint.packet_error", None),
    0x02: ("fingerprint.no_finger", State.USER_ACTION),
    0x03: ("fingerprint.capture_failed", State.USER_ACTION),
    0x06: ("fingerprint.image_messy", State.USER_ACTION),
    0x07: ("fingerprint.too_few_features", State.USER_ACTION),
    0x08: ("fingerprint.no_match", None),
    0x09: ("fingerprint.not_found", None),
    0x0A: ("fingerprint.merge_failed", State.USER_ACTION),
    0x0B: ("fingerprint.bad_page", None),
    0x0C: ("fingerprint.bad_template", None),
    0x0D: ("fingerprint.upload_failed", None),
    0x0E: ("fingerprint.download_refused", None),
    0x0F: ("fingerprint.upload_failed", None),
    0x10: ("fingerprint.delete_failed", State.HARDWARE_ERROR),
    0x11: ("fingerprint.clear_failed", State.HARDWARE_ERROR),
    0x13: ("fingerprint.wrong_password", State.MAINTENANCE),
    0x15: ("fingerprint.no_image", None),
    0x18: ("fingerprint.flash_error", State.HARDWARE_ERROR),
    0x1A: ("fingerprint.bad_register", None),
    0x1D: ("fingerprint.port_error", State.HARDWARE_ERROR),
    0x20: ("fingerprint.address_error", State.MAINTENANCE),
    0x21: ("fingerprint.password_required", State.MAINTENANCE),
}

#: the codes after which a capture should simply be tried again with the finger placed (again)
RECAPTURE = frozenset({"fingerprint.capture_failed", "fingerprint.image_messy",
                       "fingerprint.too_few_features", "fingerprint.no_image"})


def describe(confirmation: int) -> tuple[str, State | None]:
    """The error code of a non-zero confirmation; an unknown one is an unexpected reply."""
    return CONFIRMATIONS.get(confirmation, ("device.unexpected_reply", None))
