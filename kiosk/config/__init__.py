"""The kiosk's configuration: one TOML file (/etc/kiosk/kiosk.toml) and its drop-ins (/etc/kiosk/kiosk.d/*.toml,
merged over it in name order), validated at start.

    load_config(path=None, *, env=None, simulate=False) -> Config
    ConfigError  - str() names file:line (or the environment variable), the key and what is expected

The schema, with a description of every key, is kiosk/config/schema.py; example.toml next to it is the
commented file an installer copies to /etc/kiosk/kiosk.toml.
"""

from kiosk.config.errors import ConfigError, Problem
from kiosk.config.load import load_config
from kiosk.config.schema import (
    DEVICE_KINDS,
    CentralConfig,
    Config,
    DeviceConfig,
    LogConfig,
    StoreConfig,
    TerminalConfig,
    UiConfig,
)

__all__ = [
    "DEVICE_KINDS",
    "CentralConfig",
    "Config",
    "ConfigError",
    "DeviceConfig",
    "LogConfig",
    "Problem",
    "StoreConfig",
    "TerminalConfig",
    "UiConfig",
    "load_config",
]
