"""The flows' printer port: a flow's Document (translation ids and masked values) laid out as a receipt
in the citizen's language and printed by the kiosk's printer driver, once per idempotency key.

Labels are translated with the catalogues installed for the screen (qtTrId is thread-safe), so the paper
speaks the language the citizen chose. Values arrive masked from the flow (flows/masking.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import qtTrId

from drivers.errors import Ok, Result
from drivers.printer import layout
from drivers.printer.receipt import format_fee
from flows.ports import Document
from kiosk.flow_ports import _Device

Translate = Callable[[str], str]


CHOICES = ("reason", "pickup", "department", "matter")
MONEY = ("fee_fen", "paid_fen")


def _text(label: str, value: str, translate: Translate, language: str) -> str:
    """What a citizen reads: a choice or an error by its words, money as money, the rest as it came."""
    key = label.removeprefix("field.")
    if key in CHOICES and value:
        return translate(f"choice.{key}.{value}")
    if key in MONEY and value.isdigit():
        return format_fee(int(value), "zh" if language == "zh" else "en")
    if value.startswith(("error.", "choice.", "finger.")):
        return translate(value)
    return value


def lay_out(document: Document, page: layout.Paper, *, hall_name: str, now: datetime,
            translate: Translate = qtTrId, language: str = "zh") -> layout.Document:
    columns = page.columns
    blocks: list[layout.Block] = [layout.Line(t, "center", True, True) for t in layout.wrap(hall_name, columns // 2)]
    blocks += [layout.Line(t, "center", True) for t in layout.wrap(translate(f"print.{document.template}"), columns)]
    blocks.append(layout.Line("-" * columns))
    for label, value in document.fields:
        shown = _text(label, str(value), translate, language)
        blocks += [layout.Line(t) for t in layout.row(translate(label), shown, columns)]
    blocks += [layout.Line(t) for t in layout.row(translate("field.printed_at"), now.strftime("%Y-%m-%d %H:%M"),
                                                  columns)]
    if document.qr:
        blocks += [layout.Feed(1), layout.Qr(document.qr)]
    blocks += [layout.Feed(2), layout.Cut(True)]
    return tuple(blocks)


class PrinterPort(_Device):
    def __init__(self, manager, name: str, *, hall_name: Callable[[], str], language: Callable[[], str],
                 now: Callable[[], datetime] = datetime.now, translate: Translate = qtTrId) -> None:
        super().__init__(manager, name)
        self._hall_name, self._language, self._now, self._translate = hall_name, language, now, translate

    def print_document(self, document: Document) -> Result[None]:
        def job(printer) -> Result[None]:
            blocks = lay_out(document, printer.profile.page, hall_name=self._hall_name(), now=self._now(),
                             translate=self._translate, language=self._language())
            printed = printer.print_document(document.key, blocks)
            return Ok(None) if printed.ok else printed
        return self._call(job)
