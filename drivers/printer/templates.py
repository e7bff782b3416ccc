"""Receipt templates: TOML files in assets/receipts, one per document and language, laid out for any paper.

    document = "application"        # application | queue_ticket | staff_slip (receipt.FIELDS)
    language = "zh"                 # zh | en

    [[block]]
    kind = "title"                  # double size, centred, bold
    text = "{hall_name}"

Block kinds: title (text), heading (text; centred, bold), text (text, align, bold), field (label, value: the
label left, the value right), rule (char), list (items: one list field such as "{next_steps}", numbered),
qr (data), feed (lines), cut (partial). Texts take `{field}` placeholders from the document's fields.

A template is checked whole when loaded; every mistake raises TemplateError naming the file and the line of
the block (`assets/receipts/application.zh.toml:31: block 7: unknown field {fe}`), so a bad template fails
at start-up and in the test that loads every shipped one, never in front of a citizen.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drivers.printer import layout
from drivers.printer.layout import Document, Paper
from drivers.printer.receipt import FIELDS, LIST_FIELDS

_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {  # kind -> (required keys, optional keys)
    "title": (frozenset({"text"}), frozenset()),
    "heading": (frozenset({"text"}), frozenset()),
    "text": (frozenset({"text"}), frozenset({"align", "bold"})),
    "field": (frozenset({"label", "value"}), frozenset()),
    "rule": (frozenset(), frozenset({"char"})),
    "list": (frozenset({"items"}), frozenset({"numbered"})),
    "qr": (frozenset({"data"}), frozenset()),
    "feed": (frozenset({"lines"}), frozenset()),
    "cut": (frozenset(), frozenset({"partial"})),
}
_TEXT_KEYS = ("text", "label", "value", "data")


class TemplateError(Exception):
    pass


@dataclass(frozen=True)
class Template:
    path: Path
    document: str
    language: str
    blocks: tuple[dict[str, Any], ...]

    def render(self, source, page: Paper) -> Document:
        """The document for `source` (an ApplicationReceipt, QueueTicket or StaffSlip) on `page`."""
        if source.kind != self.document:
            raise ValueError(f"{self.path.name} lays out a {self.document}, not a {source.kind}")
        values = source.fields(self.language)
        out: list[layout.Block] = []
        for block in self.blocks:
            out.extend(_render_block(block, values, page))
        document = tuple(out)
        layout.check_fits(document, page)
        return document


def _fill(text: str, values: dict) -> str:
    return text.format_map({k: v for k, v in values.items() if isinstance(v, str)})


def _render_block(block: dict[str, Any], values: dict, page: Paper) -> list[layout.Block]:
    kind, columns = block["kind"], page.columns
    if kind == "title":
        return [layout.Line(t, "center", True, True) for t in layout.wrap(_fill(block["text"], values),
                                                                          columns // 2)]
    if kind == "heading":
        return [layout.Line(t, "center", True) for t in layout.wrap(_fill(block["text"], values), columns)]
    if kind == "text":
        align, bold = block.get("align", "left"), block.get("bold", False)
        return [layout.Line(t, align, bold) for t in layout.wrap(_fill(block["text"], values), columns)]
    if kind == "field":
        return [layout.Line(t) for t in layout.row(_fill(block["label"], values), _fill(block["value"], values),
                                                   columns)]
    if kind == "rule":
        return [layout.Line(block.get("char", "-") * columns)]
    if kind == "list":
        items = values[block["items"].strip("{}")]
        lines: list[layout.Block] = []
        for number, item in enumerate(items, 1):
            bullet = f"{number}. " if block.get("numbered", True) else "- "
            wrapped = layout.wrap(item, columns - len(bullet))
            lines.append(layout.Line(bullet + wrapped[0]))
            lines.extend(layout.Line(" " * len(bullet) + more) for more in wrapped[1:])
        return lines
    if kind == "qr":
        return [layout.Qr(_fill(block["data"], values))]
    if kind == "feed":
        return [layout.Feed(block["lines"])]
    return [layout.Cut(block.get("partial", True))]


# ---- loading ---------------------------------------------------------------------------------------

def load_template(path: Path) -> Template:
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as e:
        raise TemplateError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as e:
        raise TemplateError(f"{path}: not valid TOML ({e})") from None
    block_lines = [n for n, text in enumerate(source.splitlines(), 1) if text.strip() == "[[block]]"]
    document, language = data.get("document"), data.get("language")
    if document not in FIELDS:
        raise TemplateError(f"{path}:1: document must be one of {', '.join(sorted(FIELDS))}")
    if language not in ("zh", "en"):
        raise TemplateError(f'{path}:1: language must be "zh" or "en"')
    blocks = data.get("block")
    if not isinstance(blocks, list) or not blocks:
        raise TemplateError(f"{path}:1: a template needs [[block]] tables")
    for number, block in enumerate(blocks, 1):
        line = block_lines[number - 1] if number <= len(block_lines) else 1
        problem = _check_block(block, FIELDS[document])
        if problem:
            raise TemplateError(f"{path}:{line}: block {number}: {problem}")
    return Template(path, document, language, tuple(blocks))


def load_templates(folder: Path) -> dict[tuple[str, str], Template]:
    """Every template in `folder`, by (document, language)."""
    templates: dict[tuple[str, str], Template] = {}
    for path in sorted(folder.glob("*.toml")):
        template = load_template(path)
        key = (template.document, template.language)
        if key in templates:
            raise TemplateError(f"{path}:1: {templates[key].path.name} already lays out {key[0]} in {key[1]}")
        templates[key] = template
    return templates


def _check_block(block: Any, fields: frozenset[str]) -> str | None:
    if not isinstance(block, dict) or block.get("kind") not in _KINDS:
        return f"kind must be one of {', '.join(_KINDS)}"
    required, optional = _KINDS[block["kind"]]
    keys = set(block) - {"kind"}
    if required - keys:
        return f"{block['kind']} needs {', '.join(sorted(required - keys))}"
    if keys - required - optional:
        return f"{block['kind']} takes no {', '.join(sorted(keys - required - optional))}"
    for key in _TEXT_KEYS:
        if key in block:
            if not isinstance(block[key], str):
                return f"{key} must be a text"
            names = _placeholders(block[key])
            if names is None:
                return f"{key} has a {{ or }} without its pair (write {{{{ or }}}} for a brace)"
            for name in names:
                if name not in fields:
                    return f"unknown field {{{name}}}; this document has {', '.join(sorted(fields))}"
                if name in LIST_FIELDS:
                    return f"{{{name}}} is a list: use it as the items of a list block"
    if block["kind"] == "list" and block["items"].strip("{}") not in LIST_FIELDS & fields:
        return f"items must be one of {', '.join(sorted(LIST_FIELDS & fields))} in braces"
    if block.get("align", "left") not in ("left", "center", "right"):
        return 'align must be "left", "center" or "right"'
    if block["kind"] == "feed" and not (isinstance(block["lines"], int) and 0 < block["lines"] <= 10):
        return "lines must be a whole number from 1 to 10"
    for flag in ("bold", "numbered", "partial"):
        if flag in block and not isinstance(block[flag], bool):
            return f"{flag} must be true or false"
    if "char" in block and (not isinstance(block["char"], str) or len(block["char"]) != 1
                            or ord(block["char"]) >= 0x80):
        return "char must be one ASCII character"
    return None


def _placeholders(text: str) -> list[str] | None:
    """The field names in `text`, or None when its braces do not pair up."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return None
