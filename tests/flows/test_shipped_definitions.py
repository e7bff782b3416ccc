"""Every shipped definition loads, validates, and is fully translated in Chinese and English."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from flows.errors import FLOW_CODES
from flows.i18n import flow_catalogues, ts_ids
from flows.loader import check_files, load_definitions, translation_ids_of
from flows.paths import DEFINITIONS_DIR, assets_dir
from flows.steps import STEP_TYPES

I18N = assets_dir() / "i18n"
SERVICES = {"id_card_replace", "id_card_pickup", "id_photo", "queue_ticket", "forms", "rating"}


def test_the_six_services_are_shipped_and_check_clean():
    assert {d.id for d in load_definitions()} == SERVICES
    assert check_files([DEFINITIONS_DIR]) == []


@pytest.mark.parametrize("definition", load_definitions(), ids=lambda d: d.id)
def test_each_definition_is_complete(definition):
    assert (assets_dir() / "icons" / f"{definition.icon}.svg").is_file()
    assert definition.demos, "every service has demo scripts"
    assert any(d.name == "happy" or d.expect == "done" for d in definition.demos)
    assert any(s.completes for s in definition.steps)
    # rating after every service: a rating step, and every path to the end passes a record
    assert any(s.type == "rating" for s in definition.steps)


@pytest.mark.parametrize("definition", load_definitions(), ids=lambda d: d.id)
def test_every_failure_has_a_way_on(definition):
    """A step that can fail never just ends the session: failed goes to a notice or another step."""
    for step in definition.steps:
        if STEP_TYPES[step.type].can_fail:
            assert step.on["failed"] in {s.id for s in definition.steps}, step.id


def messages(path: Path) -> dict[str, str]:
    return {m.get("id"): "".join(m.find("translation").itertext()) for m in ET.parse(path).iter("message")}


def test_both_languages_have_the_same_ids_and_real_text():
    zh, en = (messages(p) for p in flow_catalogues(I18N))
    assert sorted(zh) == sorted(en)
    for mid in zh:
        assert any("\u4e00" <= c <= "\u9fff" for c in zh[mid]), mid
        assert not any("\u4e00" <= c <= "\u9fff" for c in en[mid]), mid


def test_every_id_a_definition_uses_and_every_flow_error_is_translated():
    known = ts_ids(I18N / "flows_zh_CN.ts") & ts_ids(I18N / "flows_en.ts")
    used = set().union(*(translation_ids_of(d) for d in load_definitions()))
    assert used - known == set()
    assert {f"error.{code}" for code in FLOW_CODES} - known == set()


@pytest.mark.parametrize("name", ["flows_zh_CN.ts", "flows_en.ts"])
def test_compiled_catalogue_is_up_to_date(tmp_path, name):
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, "-silent", str(I18N / name), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == (I18N / name).with_suffix(".qm").read_bytes(), "run make i18n"
