"""The shell's catalogue, built from the service definitions: departments and their services.

    catalogue(definitions) -> Catalogue(departments, services)

Titles are translation ids (dept.* live in kiosk_*.ts, service titles in flows_*.ts). A service that needs
the network carries `offline_note`, the sentence (an id) that says where else to go while offline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flows.definition import Definition


@dataclass(frozen=True)
class Department:
    id: str
    title: str
    icon: str


@dataclass(frozen=True)
class Service:
    id: str
    department: str
    title: str
    prompt: str
    icon: str
    needs_network: bool
    fee_fen: int
    offline_note: str


@dataclass(frozen=True)
class Catalogue:
    departments: tuple[Department, ...]
    services: tuple[Service, ...]

    def service(self, service_id: str) -> Service:
        for s in self.services:
            if s.id == service_id:
                return s
        raise KeyError(service_id)


#: the departments the shell shows, in its order (their titles are in kiosk_*.ts)
DEPARTMENTS = (
    Department("public_security", "dept.public_security", "police"),
    Department("social_security", "dept.social_security", "social-security"),
    Department("general", "dept.general", "hall"),
)
#: the order services appear in within a department
ORDER = ("id_card_replace", "id_card_pickup", "queue_ticket", "id_photo", "forms", "rating")


def catalogue(definitions: Iterable[Definition]) -> Catalogue:
    """Departments with at least one service, and the services in a stable order."""
    ranked = sorted(definitions, key=lambda d: (ORDER.index(d.id) if d.id in ORDER else len(ORDER), d.id))
    services = tuple(Service(d.id, d.department, d.title, d.prompt, d.icon, d.needs_network, d.fee_fen,
                             d.offline_note) for d in ranked)
    used = {s.department for s in services}
    return Catalogue(tuple(d for d in DEPARTMENTS if d.id in used), services)
