"""AS608 / R30x optical fingerprint modules over UART: EF01 packets (device-protocols.md section 2).

codec.py          packets (sans-I/O)                commands.py   instruction codes, command payloads
confirmations.py  confirmation -> error code        link.py       commands, acks, data transfers
session.py        status, handshake, reconnect      driver.py     FingerprintDriver: the operations
enrol.py          the enrolment state machine       quality.py    the driver's image-quality score
simulator.py      the simulated module (wire, state, control handle; simcommands.py: its commands)
synthetic.py      the simulator's fingers (templates and images from an identity)
"""
