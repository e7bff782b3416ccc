"""The catalogue file: the shipped one loads, and a broken one is refused with the file and entry named."""

import pytest

from kiosk import paths
from kiosk.catalogue import CatalogueError, load_catalogue


def test_shipped_placeholder_catalogue_loads():
    cat = load_catalogue(paths.assets_dir() / "catalogue" / "placeholder.toml")
    assert {d.id for d in cat.departments} == {"public_security", "social_security", "general"}
    assert cat.service("id_card_replace").needs_network
    assert not cat.service("queue_ticket").needs_network
    for s in cat.services:
        assert (paths.assets_dir() / "icons" / f"{s.icon}.svg").is_file(), s.icon


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[service]]\nid = "x"\n', "[[service]] number 1: missing key 'department'"),
        ('[[department]]\nid="d"\ntitle="t"\nicon="i"\ncolour="red"\n', "unknown key 'colour'"),
        (
            '[[service]]\nid="x"\ndepartment="nowhere"\ntitle="t"\nicon="i"\nneeds_network=true\nfee_yuan=0\n',
            "names department 'nowhere', which is not defined",
        ),
        ('[[service]]\nid="x"\ndepartment="d"\ntitle="t"\nicon="i"\nneeds_network="yes"\nfee_yuan=0\n',
         "needs_network must be a bool"),
        ("[[service]\n", "Expected"),
    ],
)
def test_broken_catalogue_is_refused_with_file_and_entry(tmp_path, text, message):
    path = tmp_path / "catalogue.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)
