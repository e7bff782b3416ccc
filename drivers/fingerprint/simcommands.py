"""The commands of the simulated module (simulator.py): one function each, parameters in, answer out.

Each takes the module and the command's parameter bytes and returns the bytes the module sends back: an
acknowledgement, for Up commands followed by data packets. IndexError or ValueError from a short or
out-of-range parameter is answered 01 by the module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drivers.fingerprint import commands as cmd
from drivers.fingerprint import synthetic
from drivers.fingerprint.commands import SystemParameters

if TYPE_CHECKING:
    from drivers.fingerprint.simulator import FingerprintModule


def vfy_pwd(m: FingerprintModule, p: bytes) -> bytes:
    m.verified = int.from_bytes(p[:4], "big") == m.password and len(p) >= 4
    return m.ack(0x00 if m.verified else 0x13)


def gen_img(m: FingerprintModule, p: bytes) -> bytes:
    if m.finger is None:
        return m.ack(0x02)
    if m.slipping:
        m.finger, m.slipping = None, False
        return m.ack(0x03)
    m.image = m.finger
    return m.ack(0x00)


def img2tz(m: FingerprintModule, p: bytes) -> bytes:
    buffer = _buffer(p[0])
    if m.image is None:
        return m.ack(0x15)
    identity, quality = m.image
    if quality < 20:
        return m.ack(0x06)
    if quality < 35:
        return m.ack(0x07)
    m.buffers[buffer] = synthetic.scan(identity, quality, m.template_size)
    return m.ack(0x00)


def _score(a: bytes | None, b: bytes | None) -> int:
    return synthetic.score(a, b) if a is not None and b is not None else 0


def match(m: FingerprintModule, p: bytes) -> bytes:
    score = _score(m.buffers[1], m.buffers[2])
    return m.ack(0x00 if score >= m.threshold else 0x08, score.to_bytes(2, "big"))


def search(m: FingerprintModule, p: bytes) -> bytes:
    probe = m.buffers[_buffer(p[0])]
    start, count = int.from_bytes(p[1:3], "big"), int.from_bytes(p[3:5], "big")
    hits = [(_score(probe, template), page) for page, template in m.library.items()
            if start <= page < start + count]
    score, page = max(hits, default=(0, 0))
    if score < m.threshold:
        return m.ack(0x09, bytes(4))
    return m.ack(0x00, page.to_bytes(2, "big") + score.to_bytes(2, "big"))


def reg_model(m: FingerprintModule, p: bytes) -> bytes:
    if _score(m.buffers[1], m.buffers[2]) < m.threshold:
        return m.ack(0x0A)
    m.buffers[2] = m.buffers[1]  # the template is left in both buffers
    return m.ack(0x00)


def store(m: FingerprintModule, p: bytes) -> bytes:
    template, page = m.buffers[_buffer(p[0])], int.from_bytes(p[1:3], "big")
    if page >= m.capacity:
        return m.ack(0x0B)
    if template is None:
        return m.ack(0x0C)
    m.library[page] = template
    return m.ack(0x00)


def load_char(m: FingerprintModule, p: bytes) -> bytes:
    buffer, page = _buffer(p[0]), int.from_bytes(p[1:3], "big")
    if page >= m.capacity:
        return m.ack(0x0B)
    if page not in m.library:
        return m.ack(0x0C)
    m.buffers[buffer] = m.library[page]
    return m.ack(0x00)


def up_char(m: FingerprintModule, p: bytes) -> bytes:
    template = m.buffers[_buffer(p[0])]
    return m.ack(0x0D) if template is None else m.send_data(template)


def down_char(m: FingerprintModule, p: bytes) -> bytes:
    m._download = (_buffer(p[0]), bytearray(), True)
    return m.ack(0x00)


def up_image(m: FingerprintModule, p: bytes) -> bytes:
    return m.ack(0x0F) if m.image is None else m.send_data(synthetic.render(*m.image))


def delete_char(m: FingerprintModule, p: bytes) -> bytes:
    page, count = int.from_bytes(p[0:2], "big"), int.from_bytes(p[2:4], "big")
    if page + count > m.capacity or len(p) < 4:
        return m.ack(0x10)
    for slot in range(page, page + count):
        m.library.pop(slot, None)
    return m.ack(0x00)


def empty(m: FingerprintModule, p: bytes) -> bytes:
    m.library.clear()
    return m.ack(0x00)


def read_sys_para(m: FingerprintModule, p: bytes) -> bytes:
    # status register bits as the datasheets draw them [U]: 2 password verified, 3 image buffer valid
    status = (4 if m.verified else 0) | (8 if m.image is not None else 0)
    params = SystemParameters(status, 0, m.capacity, m.security_level, m.address,
                              m.packet_size, m.baud_n * 9600)
    return m.ack(0x00, params.encode())


def template_num(m: FingerprintModule, p: bytes) -> bytes:
    return m.ack(0x00, len(m.library).to_bytes(2, "big"))


def read_index_table(m: FingerprintModule, p: bytes) -> bytes:
    table = bytearray(32)
    for slot in m.library:
        if slot // 256 == p[0]:
            table[slot % 256 // 8] |= 1 << slot % 8
    return m.ack(0x00, bytes(table))


def _buffer(value: int) -> int:
    if value not in cmd.BUFFERS:
        raise ValueError("no such char buffer")
    return value


HANDLERS = {
    cmd.VFY_PWD: vfy_pwd, cmd.GEN_IMG: gen_img,
    cmd.IMG2TZ: img2tz, cmd.MATCH: match,
    cmd.SEARCH: search, cmd.REG_MODEL: reg_model,
    cmd.STORE: store, cmd.LOAD_CHAR: load_char,
    cmd.UP_CHAR: up_char, cmd.DOWN_CHAR: down_char,
    cmd.UP_IMAGE: up_image, cmd.DELETE_CHAR: delete_char,
    cmd.EMPTY: empty, cmd.READ_SYS_PARA: read_sys_para,
    cmd.TEMPLATE_NUM: template_num, cmd.READ_INDEX_TABLE: read_index_table,
}
