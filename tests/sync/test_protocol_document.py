"""The OpenAPI document in docs/protocol/ describes exactly the routes the reference server serves."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sync.central import CentralServer
from sync.central.app import OPENAPI


def test_every_route_is_documented_and_every_documented_route_exists(central: CentralServer) -> None:
    documented = {(path, method.upper()) for path, item in json.loads(OPENAPI.read_text())["paths"].items()
                  for method in item}
    served = set()
    for rule in central.app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        served |= {(path, m) for m in rule.methods - {"OPTIONS"} if not (m == "HEAD" and "GET" in rule.methods)}
    assert served == documented


def test_document_is_openapi_3(tmp_path: Path) -> None:
    doc = json.loads(OPENAPI.read_text())
    assert doc["openapi"].startswith("3.1") and doc["components"]["schemas"]["Event"]["required"]
