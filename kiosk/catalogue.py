"""The service catalogue the shell shows: departments and their services.

Until the flow engine lands, the catalogue comes from `assets/catalogue/placeholder.toml`; titles are
translation ids, so the shell shows them in the citizen's language. Pure data, no Qt.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


class CatalogueError(Exception):
    """The catalogue file is missing or wrong; the message names the file and the entry."""


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
    icon: str
    needs_network: bool
    fee_yuan: int


@dataclass(frozen=True)
class Catalogue:
    departments: tuple[Department, ...]
    services: tuple[Service, ...]

    def service(self, service_id: str) -> Service:
        for s in self.services:
            if s.id == service_id:
                return s
        raise KeyError(service_id)


_DEPT_KEYS = {"id": str, "title": str, "icon": str}
_SERVICE_KEYS = {
    "id": str, "department": str, "title": str, "icon": str, "needs_network": bool, "fee_yuan": int,
}


def _entry(path: Path, kind: str, index: int, raw: object, keys: dict[str, type]) -> dict:
    where = f"{path}: [[{kind}]] number {index + 1}"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: expected a table")
    unknown = sorted(set(raw) - set(keys))
    if unknown:
        raise CatalogueError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(keys)})")
    for key, typ in keys.items():
        if key not in raw:
            raise CatalogueError(f"{where}: missing key {key!r}")
        value = raw[key]
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            raise CatalogueError(f"{where}: {key} must be a {typ.__name__}, got {value!r}")
    return raw


def load_catalogue(path: Path) -> Catalogue:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise CatalogueError(f"{path}: cannot be read ({e.strerror})") from e
    except tomllib.TOMLDecodeError as e:
        raise CatalogueError(f"{path}: {e}") from e
    depts = tuple(
        Department(**_entry(path, "department", i, d, _DEPT_KEYS))
        for i, d in enumerate(data.get("department", []))
    )
    dept_ids = {d.id for d in depts}
    services = []
    for i, s in enumerate(data.get("service", [])):
        service = Service(**_entry(path, "service", i, s, _SERVICE_KEYS))
        if service.department not in dept_ids:
            raise CatalogueError(
                f"{path}: service {service.id!r} names department {service.department!r}, "
                f"which is not defined (defined: {', '.join(sorted(dept_ids))})"
            )
        services.append(service)
    return Catalogue(depts, tuple(services))
