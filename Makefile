# Two commands set up a fresh Debian 12 machine and use it:
#   make run   - install what is missing, then start the kiosk (simulated devices)
#   make test  - install what is missing, then run the whole test suite offscreen
# Everything else here is what those two need. Works as root or through sudo.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# System packages, and why each is here.
APT_PACKAGES := \
	python3 python3-venv python3-dev build-essential \
	libegl1 libgl1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libfontconfig1 libfreetype6 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
	libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libx11-xcb1 \
	libpulse0 libpipewire-0.3-0 fonts-noto-cjk \
	speech-dispatcher espeak-ng libspeechd2 linux-libc-dev \
	libpcsclite-dev swig pcscd vsmartcard-vpcd \
	debootstrap
#   Qt Quick: libegl1 libgl1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libfontconfig1 libfreetype6
#   Qt in a window on X11 (xcb): the libxcb-* and libx11-xcb1 packages
#   Qt Virtual Keyboard and QtTextToSpeech load QtMultimedia, which needs libpulse0 and libpipewire-0.3-0
#   Chinese text: fonts-noto-cjk
#   Voice guidance: speech-dispatcher + espeak-ng (Mandarin and English voices), libspeechd2 for Qt's plugin
#   pyscard builds from source: build-essential python3-dev swig libpcsclite-dev; pcscd runs PC/SC readers
#   evdev (keyboard-wedge QR scanners) builds from source against the kernel's input headers: linux-libc-dev
#   PC/SC tests and simulated runs: vsmartcard-vpcd gives pcscd virtual readers our card emulator plugs into
#   `make deb` and its install tests (tests/packaging): debootstrap makes the clean Debian 12 root

# KIOSK_PACKAGING_TESTS=1: `make test` (and so CI) also builds the .deb and installs it into a clean Debian 12
# root (tests/packaging, minutes); a plain `pytest` leaves those out unless asked with -m packaging.
TEST_ENV := QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software KIOSK_PACKAGING_TESTS=1

.PHONY: help run test setup system-packages venv i18n deb clean

help:
	@echo "make run    start the kiosk with simulated devices (installs what is missing first)"
	@echo "make test   run the whole test suite offscreen (installs what is missing first)"
	@echo "make deb    build the Debian package for terminals (build/deb/kiosk_VERSION_amd64.deb)"

setup: system-packages venv i18n

system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed' || echo "$$p"; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:" $$missing; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Translations: the .ts sources are kept in git, the compiled .qm files are built here.
TS := $(wildcard assets/i18n/*.ts)
QM := $(TS:.ts=.qm)

i18n: $(QM)

assets/i18n/%.qm: assets/i18n/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# The kiosk with simulated devices, beside a local reference central platform (payments pay at once; the
# SMS codes it "sends" are written to .run/sms.jsonl). Both stop together.
run: setup
	@mkdir -p .run
	@$(BIN)/kiosk central --db .run/central.db --auto-payment paid --sms-outbox .run/sms.jsonl & \
	central=$$!; trap 'kill $$central 2>/dev/null' EXIT INT TERM; \
	if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		$(BIN)/kiosk run --simulate; \
	else \
		echo "No display here: the kiosk runs on Qt's VNC platform. Connect a VNC viewer to 127.0.0.1:5900."; \
		$(BIN)/kiosk run --simulate --platform vnc; \
	fi

test: setup
	$(TEST_ENV) $(BIN)/python -m pytest

# The Debian package for terminals (packaging/README.md). Made with Debian's own /usr/bin/python3, whatever
# python3 is first on PATH, so the virtual environment in /opt/kiosk matches the terminal's interpreter.
# Cached: rebuilt only when its inputs change.
deb: system-packages i18n
	/usr/bin/python3 packaging/build_deb.py --out build/deb

clean:
	rm -rf $(VENV) build *.egg-info assets/i18n/*.qm
