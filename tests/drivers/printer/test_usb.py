"""A USB printer through the kernel's usblp character device (here a pty stands in for /dev/usb/lp0)."""

from drivers.status import State

from .conftest import document, make_driver


def test_print_through_a_character_device(printer):
    driver = make_driver(printer.link, driver="escpos-usb")
    assert driver.open().ok
    assert driver.print_document("job-1", document()).ok
    assert printer.model.printed == 1
    printer.unplug()
    assert driver.poll().state is State.DISCONNECTED
    driver.close()


def test_missing_device_names_the_path(tmp_path):
    driver = make_driver(tmp_path / "lp9", driver="escpos-usb")
    result = driver.open()
    assert result.code == "device.port_missing"
    assert result.detail.startswith(f"printer on {tmp_path / 'lp9'}: the device does not exist")
