"""The resident ID card reader: SAM protocol over serial (device-protocols.md section 1).

codec.py      frames (sans-I/O)                 commands.py   commands, SW3 codes, read-answer layout
textblock.py  the 256-byte text block           idnumber.py   GB 11643 check character, masking
nations.py    GB 3304 nation codes              photo.py      the WLT photo decoder hook
driver.py     IdCardReader                      simulator.py  the simulated reader (simcard.py: its card)
"""
