"""`kiosk demo`: a scripted citizen walks through a service on the real screens, offscreen.

The service's definition carries demo scripts (flows/definitions/*.toml [demo.NAME]): the citizen's input at
each step and the conditions in force ("printer_out_of_paper", "locker_jammed", "scan_valid" ...).
citizen.py plays the citizen's hands on the simulated devices (card on the reader, finger on the glass,
door pushed shut); world.py turns conditions into simulator actions; run.py drives the screens and writes a
screenshot per step and a JSON summary.
"""
