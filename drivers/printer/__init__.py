"""ESC/POS receipt printers (device-protocols.md section 4): serial, network and USB, and a simulator that
draws what it is sent.

    status.py       DLE EOT / GS r replies, decoded and mapped to the common statuses
    commands.py     the ESC/POS commands, as values;  interpreter.py  bytes -> commands (sans-I/O)
    layout.py       columns, wrapping, the Document;  receipt.py  the receipts, ID masking
    templates.py    assets/receipts/*.toml -> Documents;  compose.py  Document -> job bytes
    links.py        serial / TCP 9100 / usblp links by driver name
    driver.py       PrinterDriver: status polling, print jobs with idempotency keys
    fonts.py, render.py, simulator.py, netserve.py   the simulated printer and its PNG receipts
"""
