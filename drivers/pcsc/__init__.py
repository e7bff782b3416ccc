"""PC/SC card readers through pcscd (pyscard), and the virtual card we test them with.

How it fits together:

    kiosk / flows                 check_technician(reader, keys)    read_social_security(reader)
          |                       technician.py                     socialsecurity.py
          v                                 \\                      /
    reader.py   PcscReader  ---- pyscard (smartcard.scard) ----> libpcsclite --unix socket--> pcscd
                events, ATR, UID, transmit()                                                   |
    apdu.py     Command / Response, status words -> error codes                    reader driver (.so)
    scard.py    PC/SC return codes -> error codes                                              |
                                                                 real terminal: USB CCID reader + card
                                                                 simulated:  vsmartcard-vpcd --TCP-->
    vicc.py     CardEmulator: connects to vpcd's port, control handle (insert, remove, pull out)  <--
    vpcd.py     vpcd's length-prefixed socket protocol (sans-I/O codec)
    simcard.py  VirtualCard + technician / social-security applets (pure)
    pcscd.py    PcscDaemon: a private pcscd with two vpcd readers, for tests and simulated runs

On a terminal, pcscd runs under systemd and finds USB readers itself. In tests and simulated runs, the
real pcscd and the real pyscard are in the loop; only the card is ours: PcscDaemon starts pcscd (root)
with a reader configuration of its own whose vpcd readers listen on free TCP ports, and CardEmulator
connects a VirtualCard to one of them. With vpcd a card is present exactly while the emulator is
connected, so "remove the card" and "the emulator went away" look the same to pcscd (USER_ACTION,
pcsc.no_card); pcscd itself gone is DISCONNECTED (device.disconnected), and PcscReader comes back by
itself (poll(), with backoff) when pcscd does.

Expected failures are results (drivers.errors Ok/Failure) with the pcsc.* codes registered in scard.py,
apdu.py, technician.py and socialsecurity.py; status words stay data (Response.sw) until an operation
says which ones it accepts. Card data (numbers, APDU payloads) is personal: masked in reprs, never in a
Failure's detail.
"""
