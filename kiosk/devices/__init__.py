"""The kiosk's devices: each configured device opened by its driver on a thread of its own.

    manager = DeviceManager(config.devices, sim_dir=data_dir / "sim")
    manager.start()                      # opens every device in the background; never blocks the UI
    manager.snapshot()                   # name -> DeviceView (kind, port, status, capabilities)
    manager.call("id_reader", lambda reader: reader.read_card()).result(timeout)
    manager.stop()

A device's port is held by its worker alone (exclusively, as on a terminal); everything that talks to the
device (flow steps, diagnostics, polling) goes through `call`, one request at a time. A status change is
logged once (`device.status_changed`), naming the device and its port.
"""

from kiosk.devices.manager import DeviceManager, DeviceView

__all__ = ["DeviceManager", "DeviceView"]
