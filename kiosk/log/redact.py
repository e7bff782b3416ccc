"""The PII scrubber: takes personal data out of text before it reaches a log line.

scrub(text) replaces, in this order:

* long digit runs - 15 or more digits, optionally separated by single spaces or hyphens, optionally ending
  in X: resident ID numbers (18 digits, or 15 for old cards), also bank card numbers  -> "[number]"
* mainland mobile numbers - 1[3-9] and 9 more digits, optionally after +86 / 86, with optional separators,
  not inside a longer digit run                                                      -> "[phone]"
* e-mail addresses                                                                    -> "[email]"
* the value after a name marker - 姓名, 名字, name, holder, followed by `=`, `:` or `：`, up to the next
  space, comma, semicolon, ampersand or quote                                          -> "[name]"
* every run of CJK ideographs (with the middle dot of transliterated names)           -> "[cjk]"

The last rule is deliberately blunt. A Chinese name cannot be told apart from other Chinese words, and log
text is written by our own code in English, so Chinese text in a log value is treated as possibly personal.
The scrubber is a safety net: field kinds (kiosk/log/fields.py) are the first line of defence.
"""

from __future__ import annotations

import re

_SEP = r"[ -]?"
_LONG_NUMBER = re.compile(rf"(?<!\d)\d(?:{_SEP}\d){{13,}}{_SEP}[\dXx](?![\dXx])")
_PHONE = re.compile(rf"(?<!\d)(?:\+?86{_SEP})?1[3-9]\d(?:{_SEP}\d){{8}}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_VALUE = re.compile(r"(?i)(姓名|名字|\bname|\bholder)(\s*[=:：]\s*)[^\s,;&\"'，；]+")
_NAME_CJK = re.compile(r"(姓名|名字)(\s*)[\u3400-\u9fff·]{2,}")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f][\u3400-\u9fff·]*")


def scrub(text: str) -> str:
    """`text` with ID numbers, phone numbers, e-mail addresses, names and Chinese words replaced."""
    text = _LONG_NUMBER.sub("[number]", text)
    text = _PHONE.sub("[phone]", text)
    text = _EMAIL.sub("[email]", text)
    text = _NAME_VALUE.sub(r"\1\2[name]", text)
    text = _NAME_CJK.sub(r"\1\2[name]", text)
    return _CJK.sub("[cjk]", text)
