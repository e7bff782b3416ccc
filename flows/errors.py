"""The flow codes a citizen can meet: what a failure screen says happened (see drivers.errors).

Steps turn the many device and platform codes into this small closed set, so a screen has one sentence per
code (`error.<code>` in assets/i18n/flows_*.ts; a test keeps every code translated). The device's own code
stays in the step result's `detail` and in the journal, for technicians.
"""

from __future__ import annotations

from drivers.errors import register

FLOW_CODES: dict[str, str] = {
    "flow.id_number_invalid": "The ID number typed in fails its check character.",
    "flow.name_missing": "No name was typed in.",
    "flow.phone_invalid": "The phone number is not an 11-digit mainland mobile number.",
    "flow.sms_code_wrong": "The SMS code typed in is not the one sent.",
    "flow.field_missing": "A field the form needs was left empty.",
    "flow.choice_invalid": "The answer is not one of the choices offered.",
    "flow.rating_invalid": "A rating is a level from 1 to 5 with known reasons.",
    "flow.card_unreadable": "The ID card could not be read (damaged, unsupported, or the reader failed).",
    "flow.photo_failed": "No compliant photo could be taken.",
    "flow.face_mismatch": "The face does not match the reference photo.",
    "flow.face_not_live": "The liveness check failed (a photo or a screen held up, or no movement).",
    "flow.fingerprint_poor": "The fingerprint scans stayed below the quality needed.",
    "flow.payment_declined": "The payment was declined.",
    "flow.payment_expired": "The payment was not made in time.",
    "flow.printer_failed": "The printer cannot print (out of paper, cover open, jammed or offline).",
    "flow.locker_jammed": "The locker door did not open.",
    "flow.locker_unavailable": "The locker wall cannot be reached.",
    "flow.network_lost": "The central platform cannot be reached.",
    "flow.device_unavailable": "A device this step needs is not connected.",
    "flow.pickup_forged": "The pickup code is not signed by the central platform, or was altered.",
    "flow.pickup_unknown": "No document waits here for this code or ID card.",
    "flow.pickup_used": "The document for this code has already been collected.",
    "flow.queue_unavailable": "The hall's queue system cannot issue a ticket now.",
}

register(FLOW_CODES)
