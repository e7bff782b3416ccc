"""Every visible string exists in Chinese and in English, and the compiled catalogues are current."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from flows.catalogue import catalogue
from flows.loader import load_definitions
from kiosk import paths
from kiosk.ui.app import QML_DIR

I18N = paths.assets_dir() / "i18n"
LANGS = ["kiosk_zh_CN.ts", "kiosk_en.ts"]


def messages(ts: Path) -> dict[str, ET.Element]:
    return {m.get("id"): m for m in ET.parse(ts).iter("message")}


def lupdate() -> str:
    tool = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert tool, "pyside6-lupdate is installed with PySide6"
    return tool


@pytest.mark.parametrize("name", LANGS)
def test_sources_and_translations_agree(tmp_path, name):
    """Running lupdate over the QML changes nothing: no new, vanished or unfinished string."""
    copy = tmp_path / name
    shutil.copy(I18N / name, copy)
    qml = sorted(str(p) for p in (QML_DIR / "Kiosk").glob("*.qml"))
    subprocess.run([lupdate(), *qml, "-ts", str(copy), "-no-obsolete", "-locations", "none", "-silent"],
                   check=True, capture_output=True)
    updated, shipped = messages(copy), messages(I18N / name)
    assert sorted(updated) == sorted(shipped), "run pyside6-lupdate and translate the new strings"
    unfinished = [i for i, m in updated.items() if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


@pytest.mark.parametrize("name", LANGS)
def test_catalogue_titles_are_translated(name):
    ids = set(messages(I18N / name)) | set(messages(I18N / name.replace("kiosk_", "flows_")))
    cat = catalogue(load_definitions())
    missing = [t for t in [d.title for d in cat.departments] + [s.title for s in cat.services] if t not in ids]
    assert missing == []


def test_chinese_is_chinese_and_english_is_not():
    zh, en = messages(I18N / "kiosk_zh_CN.ts"), messages(I18N / "kiosk_en.ts")
    for mid in zh:
        zh_text = "".join(zh[mid].find("translation").itertext())
        en_text = "".join(en[mid].find("translation").itertext())
        if mid == "bar.other_language":  # names the other language, in that language
            assert (zh_text, en_text) == ("English", "中文")
            continue
        assert any("\u4e00" <= c <= "\u9fff" for c in zh_text), mid
        assert not any("\u4e00" <= c <= "\u9fff" for c in en_text), mid


@pytest.mark.parametrize("name", LANGS)
def test_compiled_catalogue_is_up_to_date(tmp_path, name):
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, "-silent", str(I18N / name), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == (I18N / name).with_suffix(".qm").read_bytes(), "run make i18n"
