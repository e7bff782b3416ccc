"""Every operation of the driver against the simulated module over a real pty."""

from drivers.fingerprint import synthetic
from drivers.fingerprint.codec import DATA, END
from drivers.fingerprint.commands import IMAGE_BYTES
from drivers.fingerprint.quality import image_quality
from drivers.fingerprint.simulator import create
from drivers.sim.pty import PtyDevice
from drivers.status import State

from .conftest import make_driver, packets


def enrol_at(driver, module, identity, page):
    module.place_finger(identity, 90)
    assert driver.capture().ok and driver.convert(1).ok
    module.place_finger(identity, 70)
    assert driver.capture().ok and driver.convert(2).ok
    assert driver.register_model().ok
    assert driver.store(page).ok


def test_open_verifies_the_password_and_reads_the_system_parameters(driver, device):
    params = driver.parameters
    assert (params.capacity, params.security_level) == (300, 3)
    assert (params.packet_size, params.baudrate) == (128, 57600)
    assert params.address == 0xFFFFFFFF
    assert driver.tracker.status.state is State.READY
    assert driver.tracker.capabilities.port == str(device.link)
    assert packets(bytes(device.received))[0].payload == bytes.fromhex("1300000000")


def test_capture_without_a_finger_asks_the_citizen(driver, module):
    result = driver.capture()
    assert result.code == "fingerprint.no_finger"
    assert driver.tracker.status.state is State.USER_ACTION
    assert driver.finger_present().value is False
    module.place_finger("alice", 80)
    assert driver.finger_present().value is True
    assert driver.capture().ok and driver.tracker.status.state is State.READY


def test_match_gives_a_score_for_the_same_finger(driver, module):
    module.place_finger("alice", 90)
    assert driver.capture().ok and driver.convert(1).ok
    module.place_finger("alice", 60)
    assert driver.capture().ok and driver.convert(2).ok
    score = driver.match()
    assert score.ok and score.value >= module.threshold


def test_register_store_search_count_and_delete(driver, module):
    enrol_at(driver, module, "alice", 7)
    assert driver.template_count().value == 1
    assert driver.used_pages().value == frozenset({7})
    assert driver.free_page().value == 0
    module.place_finger("alice", 50)
    hit = driver.identify()
    assert hit.ok and hit.value.page_id == 7 and hit.value.score >= module.threshold
    assert driver.search(1, 0, 7).code == "fingerprint.not_found"  # slot 7 lies outside 0..6
    assert driver.delete(7).ok
    assert driver.template_count().value == 0
    assert driver.identify().code == "fingerprint.not_found"


def test_load_and_empty(driver, module):
    enrol_at(driver, module, "alice", 3)
    enrol_at(driver, module, "bob", 4)
    assert driver.load(4, 2).ok
    assert driver.upload_template(2).value == module.library[4]
    assert driver.load(5, 1).code == "fingerprint.bad_template"
    assert driver.empty().ok and driver.template_count().value == 0


def test_template_upload_joins_the_data_packets(driver, module):
    module.place_finger("alice", 100)
    assert driver.capture().ok and driver.convert(1).ok
    template = driver.upload_template(1)
    assert template.value == synthetic.scan("alice", 100)


def test_template_download_is_sent_in_packets_of_the_packet_size(driver, module, device):
    template = synthetic.scan("carol", 100)
    device.received.clear()
    assert driver.download_template(template, 2).ok
    assert driver.template_count().ok  # a round trip: the module has taken every packet by now
    sent = packets(bytes(device.received))
    data = [p for p in sent if p.pid in (DATA, END)]
    assert [len(p.payload) for p in data] == [128] * 4 and data[-1].pid == END
    assert module.buffers[2] == template
    assert driver.store(9, 2).ok and module.library[9] == template


def test_a_template_of_the_wrong_size_is_refused_before_sending(driver, device):
    device.received.clear()
    assert driver.download_template(b"\x00" * 100).code == "fingerprint.bad_template"
    assert bytes(device.received) == b""


def test_other_packet_sizes_are_honoured(tmp_path, clock):
    module = create({"packet_size_code": 0, "capacity": 40})
    with PtyDevice(module, tmp_path / "ttyFP32") as device:
        driver = make_driver(device, clock)
        assert driver.open().ok and driver.parameters.packet_size == 32
        device.received.clear()
        assert driver.download_template(synthetic.scan("dave", 100), 1).ok
        assert driver.upload_template(1).value == synthetic.scan("dave", 100)
        sent = [p for p in packets(bytes(device.received)) if p.pid in (DATA, END)]
        assert len(sent) == 16 and all(len(p.payload) == 32 for p in sent)
        driver.close()


def test_image_upload_and_quality(driver, module):
    assert driver.upload_image().code == "fingerprint.upload_failed"  # nothing captured yet
    module.place_finger("alice", 90)
    assert driver.capture().ok
    image = driver.upload_image()
    assert len(image.value) == IMAGE_BYTES and image.value == synthetic.render("alice", 90)
    good = driver.image_quality().value
    module.place_finger("alice", 40)
    assert driver.capture().ok
    poor = driver.image_quality().value
    assert good == image_quality(image.value)
    assert 0 <= poor < good <= 100


def test_waiting_for_a_finger_and_for_its_lift(driver, module, clock):
    clock.step = 0.25
    assert driver.wait_for_finger(1.0).code == "fingerprint.no_finger"
    module.place_finger("alice", 80)
    assert driver.wait_for_finger(1.0).ok
    assert driver.wait_for_lift(1.0).code == "fingerprint.lift_finger"
    assert driver.tracker.status.code == "fingerprint.lift_finger"
    module.lift_finger()
    assert driver.wait_for_lift(1.0).ok
    assert driver.tracker.status.state is State.READY
