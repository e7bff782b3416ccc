"""Signed software updates, applied between sessions, with rollback.

The way an update travels, and who does what:

    central: publishes kiosk_<version>_amd64.deb and a signed "software" bundle naming it (version, file
             name, size, SHA-256, where to fetch it)
    kiosk (user `kiosk`, updater.py, a thread of `kiosk run`):
             pulls the bundle (signature checked) -> plan.py decides -> download.py fetches the package
             into <data dir>/updates/ and checks size and SHA-256 against the bundle -> waits until no
             citizen session and no maintenance session is open, holds the terminal out of service
             (hold.py) -> writes <data dir>/updates/request.json
    root (`kiosk update apply`, run by kiosk-update.path/.service; apply.py):
             takes the request, checks the bundle's signature and the package again itself, keeps the
             running version's package (dpkg.py), installs the new one, restarts the kiosk and waits for
             the new version's health report (kiosk/health_report.py); none in time: installs the kept
             package again, restarts, and marks the version rolled back (state.py)
    kiosk (next start): reads the outcome from the root's state file, logs it and sends it to the central
             platform through the outbox (report.py)

Root trusts nothing the kiosk user wrote: a request only names a file; what gets installed is what the
signed bundle says, checked again by root on a copy the kiosk user cannot change.
"""
