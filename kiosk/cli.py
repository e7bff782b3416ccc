"""The `kiosk` command: run the terminal, render a screen, and (later) diagnostics and sync tools.

Exit codes: 0 success, 2 configuration refused, 3 store refused, 4 user interface failed to load.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk import __version__

PLATFORMS = ("offscreen", "vnc", "xcb", "wayland", "eglfs")
EXIT_CONFIG, EXIT_STORE, EXIT_UI = 2, 3, 4


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1080x1920, got {text!r}") from None
    if not (320 <= w <= 7680 and 320 <= h <= 7680):
        raise argparse.ArgumentTypeError(f"{text}: each side must be between 320 and 7680 pixels")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Government self-service terminal.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="start the kiosk")
    run.add_argument("--config", type=Path, help="TOML configuration (default /etc/kiosk/kiosk.toml)")
    run.add_argument("--simulate", action="store_true", help="use simulated devices for every device")
    run.add_argument("--platform", choices=PLATFORMS, help="Qt platform (default: Qt's choice)")
    run.set_defaults(func=cmd_run)

    shot = sub.add_parser("screenshot", help="render one screen offscreen to a PNG")
    from kiosk.ui.screen_names import SCREENS

    shot.add_argument("screen", choices=SCREENS)
    shot.add_argument("--out", type=Path, required=True, help="PNG file to write")
    shot.add_argument("--lang", choices=("zh", "en"), default="zh")
    shot.add_argument("--large", action="store_true", help="large-text mode")
    shot.add_argument("--size", type=_size, default=(1080, 1920), help="WIDTHxHEIGHT (default 1080x1920)")
    shot.add_argument("--network", choices=("online", "offline"), default="online")
    shot.add_argument("--waiting", type=int, default=0, help="records waiting to be sent, when offline")
    shot.add_argument("--config", type=Path, help="TOML configuration (default: built-in defaults)")
    shot.set_defaults(func=cmd_screenshot)

    from kiosk import (
        demo_cli,
        diag_cli,
        face_cli,
        flows_cli,
        pin_cli,
        provision_cli,
        sim_cli,
        sync_cli,
        update_cli,
    )

    for module in (sim_cli, sync_cli, diag_cli, demo_cli, pin_cli, face_cli, flows_cli, update_cli,
                   provision_cli):
        module.add_parser(sub)
    return parser


def _load_config(path: Path | None, simulate: bool):
    from kiosk.config import ConfigError, load_config

    try:
        return load_config(path, simulate=simulate)
    except ConfigError as e:
        print(f"kiosk: the configuration was refused:\n{e}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None


def _open_store(config):
    from kiosk import paths
    from kiosk.store import Store, StoreError

    try:
        return Store.open(paths.data_dir(config.store.data_dir))
    except StoreError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        raise SystemExit(EXIT_STORE) from None


def _start_simulators(config, technician_keys=None):
    """Simulated devices on pseudo-terminals (and a PC/SC reader behind its own pcscd), with the control
    handle `kiosk sim` uses."""
    if not any(d.driver == "sim" for d in config.devices.values()):
        return None
    from kiosk import paths
    from kiosk.sim_hub import SimHub

    hub = SimHub(paths.data_dir(config.store.data_dir) / "sim", config.devices, technician_keys=technician_keys)
    hub.start()
    return hub


def _start_devices(config):
    """Every configured device opened by its driver, each on a thread of its own."""
    from kiosk import paths
    from kiosk.devices import DeviceManager

    manager = DeviceManager(config.devices, sim_dir=paths.data_dir(config.store.data_dir) / "sim")
    manager.start()
    return manager


def _start_diagnostics(config, devices):
    """The handle `kiosk diag` asks while the kiosk runs (its drivers hold the devices' ports)."""
    from kiosk import paths
    from kiosk.diag.server import DiagServer

    server = DiagServer(paths.data_dir(config.store.data_dir), config.devices, devices,
                        terminal_id=config.terminal.terminal_id)
    server.start()
    return server


def _start_camera(config, kapp, runtime):
    from kiosk.ui.camera_start import CameraStarter

    return CameraStarter(config, kapp, runtime)


def _watchdog(app):
    """systemd's watchdog, pinged from the UI thread's event loop: a hung screen stops the pings and systemd
    restarts the kiosk. Nothing happens outside systemd (no NOTIFY_SOCKET)."""
    from PySide6.QtCore import QTimer

    from kiosk.watchdog import Notifier, ping_interval_s

    notifier = Notifier.from_environment()
    interval = ping_interval_s()
    if notifier.enabled and interval:
        timer = QTimer(app)
        timer.timeout.connect(notifier.ping)
        timer.start(int(interval * 1000))
    return notifier


def _start_sync(config, store, devices):
    """The sync agent: forwards the outbox to the central platform in the background, for ever."""
    from kiosk.sync_setup import start_agent

    return start_agent(config, store, devices)


def _platform(config):
    """The central platform for the services (payments, SMS, applications, pickup records pulled ahead)."""
    from kiosk.sync_setup import PlatformRefresher

    return PlatformRefresher(config)


def _flow_runtime(store, devices, kapp, agent, platform):
    """The flow engine's journal and ports; unfinished sessions of a previous run are handed to staff first."""
    from kiosk.flow_setup import FlowRuntime

    return FlowRuntime.create(store, devices, hall_name=lambda: kapp.shell.hallName,
                              language=lambda: kapp.shell.language, on_enqueued=agent.wake,
                              platform=platform.platform, pickup_public_key=platform.pickup_key)


def _qt_app(argv0: str):
    from PySide6.QtGui import QFont, QGuiApplication

    app = QGuiApplication([argv0])
    app.setApplicationName("kiosk")
    app.setApplicationVersion(__version__)
    app.setFont(QFont("Noto Sans CJK SC"))
    return app


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.log import configure_logging, log_event
    from kiosk.memory import tune_malloc

    tune_malloc()  # before any thread starts (kiosk/memory.py)

    config = _load_config(args.config, args.simulate)
    configure_logging(config.log.level, Path(config.log.file) if config.log.file else None)
    log_event("app.started", version=__version__, platform=args.platform or "default",
              config_source=str(config.source), simulate=args.simulate)
    store = _open_store(config)

    from kiosk.ui.app import KioskApp, UiLoadError, prepare_qt
    from kiosk.ui.lifecycle import install_signal_handlers
    from kiosk.ui.qt_messages import route_qt_messages_to_log

    if not (args.platform or os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
            or os.environ.get("WAYLAND_DISPLAY")):
        print("kiosk: there is no display here. Choose one with --platform: eglfs on a terminal without a "
              "desktop, vnc to look at it from a VNC viewer, offscreen to run without a screen.",
              file=sys.stderr)
        store.close()
        return EXIT_UI
    prepare_qt(args.platform, (config.ui.width, config.ui.height))
    route_qt_messages_to_log()
    app = _qt_app(sys.argv[0])
    try:
        kapp = KioskApp(config, store=store, defer_catalogue=True)
    except UiLoadError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return EXIT_UI
    install_signal_handlers(app)
    watchdog = _watchdog(app)
    started: dict = {}

    def start_rest() -> None:
        """Devices, diagnostics, sync and the services: right after the attract screen is on screen."""
        watchdog.ready()  # systemd (Type=notify): the kiosk is up once its first frame is out
        from kiosk.pcsc_setup import configured_keys, start_technician_watch

        technician_keys = configured_keys(config.maintenance)
        started["hub"] = hub = _start_simulators(config, technician_keys)  # first: it points PC/SC at its pcscd
        started["devices"] = devices = _start_devices(config)
        started["diag"] = _start_diagnostics(config, devices)
        kapp.attach_devices(devices, hub)
        started["cards"] = start_technician_watch(devices, technician_keys, kapp.maintenance.present_technician)
        started["agent"] = agent = _start_sync(config, store, devices)
        kapp.maintenance.attach_sync(agent)  # the maintenance screen's sync panel and "send now"
        started["platform"] = platform = _platform(config)
        runtime = _flow_runtime(store, devices, kapp, agent, platform)
        platform.set_on_key(runtime.use_pickup_key)
        kapp.attach_flows(runtime)
        platform.start()
        started["camera"] = camera = _start_camera(config, kapp, runtime)
        started["diag"].use_camera(lambda: camera.rig)  # `kiosk diag --test camera` tests the kiosk's camera
        log_event("app.ready", services=len(kapp.flows.definitions), devices=len(devices.workers))
        from kiosk.update.run import start_updates

        started["updater"] = start_updates(config, store, kapp, agent.bundle_keys)  # health report, then updater

    kapp.start_background(start_rest)
    code = app.exec()
    watchdog.stopping()
    if started.get("cards") is not None:
        started["cards"].stop()
    kapp.close()
    for name in ("updater", "camera", "diag", "platform", "agent", "devices", "hub"):
        if started.get(name) is not None:
            started[name].stop()
    store.close()
    log_event("app.stopped", reason="signal" if code == 0 else f"exit-{code}")
    if kapp.voice.hung:
        # A speech server stuck in a blocking call would hold the interpreter's exit forever; everything
        # of value is already closed and durable, so leave without waiting for it.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def cmd_screenshot(args: argparse.Namespace) -> int:
    from kiosk.log import configure_logging

    config = _load_config(args.config, True)
    configure_logging("warning")

    from kiosk.ui import screenshot as shots
    from kiosk.ui.app import KioskApp, UiLoadError, prepare_qt

    prepare_qt("offscreen", args.size)
    _app = _qt_app(sys.argv[0])
    clock = shots.FakeClock()
    try:
        kapp = KioskApp(config, voice_engine="mock", full_screen=False, size=args.size, clock=clock)
    except UiLoadError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return EXIT_UI
    kapp.shell.setLanguage(args.lang)
    if args.large:
        kapp.shell.toggleLargeText()
    shots.stage(kapp, args.screen, clock, online=args.network == "online", waiting=args.waiting)
    shots.save(shots.render(kapp), args.out)
    kapp.close()
    print(args.out)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
