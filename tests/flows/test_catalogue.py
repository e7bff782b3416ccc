"""The shell's catalogue comes from the definitions."""

from flows.catalogue import catalogue
from flows.loader import load_definitions


def test_departments_and_services_from_the_definitions():
    cat = catalogue(load_definitions())
    assert [d.id for d in cat.departments] == ["public_security", "general"]
    assert [d.title for d in cat.departments] == ["dept.public_security", "dept.general"]
    assert [s.id for s in cat.services] == ["id_card_replace", "id_card_pickup", "queue_ticket", "id_photo",
                                            "forms", "rating"]
    replace = cat.service("id_card_replace")
    assert replace.needs_network and replace.fee_fen == 2000 and replace.offline_note == "offline.id_card_replace"
    assert not cat.service("id_card_pickup").needs_network  # works offline: records pulled ahead of time
