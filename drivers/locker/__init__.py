"""Parcel-locker lock control boards on an RS-485 bus (device-protocols.md section 3).

    board.py      what a board family's codec provides (BoardProtocol), and the families by name
    kerong.py     Kerong KR-CU16 frames and its BoardProtocol
    xor8a.py      the "8A / 80" XOR boards and their BoardProtocol
    wall.py       the locker wall: door numbers, sizes, and which board and channel open each door
    driver.py     LockerDriver: open a door, read every door of the wall, status per board
    simulator.py  several simulated boards on one bus, with doors a test can shut, force or jam
"""
