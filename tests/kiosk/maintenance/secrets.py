"""The technician PIN and card of the tests, hashed with light scrypt parameters (ln=10) to stay fast."""

from kiosk.maintenance.pin import hash_secret

PIN = "2580"
PIN_HASH = hash_secret(PIN, ln=10).line()
CARD = "04A1B2C3D4E5F6"
CARD_HASH = hash_secret(CARD, ln=10).line()


def maintenance_toml(*, pin: bool = True, extra: str = "") -> str:
    lines = ["[maintenance]", f'technician_cards = ["{CARD_HASH}"]']
    if pin:
        lines.append(f'pin_hash = "{PIN_HASH}"')
    return "\n".join(lines) + "\n" + extra
