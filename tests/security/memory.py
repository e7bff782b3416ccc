"""Looking for what a session left behind: in the QML object tree, and in the Python objects of the process.

Only the citizen's data counts, and only where the application keeps it: the simulated outside world (the
fake printer's paper, the fake platform's applications) and the test's own objects are left out by naming
them as `outside` roots; everything reachable from those is not the application's memory.
"""

from __future__ import annotations

import gc
import types
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject

TEXT_TYPES = ("QString", "QStringList", "QVariantMap", "QVariantList", "QUrl")
#: a Binding's `value` may be an object that is already gone: reading it crashes PySide 6.11 (what it
#: binds is read where it arrives, on the target's own property)
OPAQUE = {"QQmlBind"}


def qml_objects(kapp) -> list[QObject]:
    """Every QObject of the window and the engine: QObject children and visual children alike. Objects
    Qt was asked to delete (a screen that was replaced) are deleted first: they are no longer anyone's."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    seen: dict[int, QObject] = {}
    todo: list[QObject] = [kapp.window, kapp.window.contentItem(), *kapp.engine.rootObjects()]
    while todo:
        obj = todo.pop()
        if not isinstance(obj, QObject) or id(obj) in seen or not shiboken6.isValid(obj):
            continue
        seen[id(obj)] = obj
        todo += obj.children()
        if hasattr(obj, "childItems"):
            todo += obj.childItems()
    return list(seen.values())


def _texts(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        yield bytes(value).decode("utf-8", "replace")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(k)
            yield from _texts(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _texts(v)


def qml_hits(kapp, needles: Iterable[str]) -> list[str]:
    """'objectName.property' of every QML-side string (properties, text, list model rows) holding a needle."""
    needles = [n for n in needles if n]
    hits = []
    for obj in qml_objects(kapp):
        meta = obj.metaObject()
        values = []
        for i in range(meta.propertyCount()):
            prop = meta.property(i)
            kind = prop.typeName()
            if kind in TEXT_TYPES or (kind == "QVariant" and meta.className() not in OPAQUE):
                values.append((prop.name(), prop.read(obj)))
        if isinstance(obj, QAbstractItemModel):
            for row in range(obj.rowCount()):
                for role in obj.roleNames():
                    values.append((f"row{row}", obj.data(obj.index(row, 0), role)))
        for name, value in values:
            text = value.toString() if hasattr(value, "toString") else value
            if any(n in t for t in _texts(text) for n in needles):
                hits.append(f"{obj.objectName() or type(obj).__name__}.{name}")
    return hits


#: not followed from an `outside` root: from a type, a module or a function everything is reachable
_SHARED = (type, types.ModuleType, types.FunctionType, types.MethodType, types.BuiltinFunctionType,
           types.CodeType, types.FrameType)


def _reachable(roots: Iterable[object]) -> set[int]:
    """Ids of the objects reachable from `roots` through data (not through types, modules or functions)."""
    seen: set[int] = set()
    todo = list(roots)
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, _SHARED):
            continue
        seen.add(id(obj))
        todo += gc.get_referents(obj)
    return seen


def python_hits(needles: Iterable[str], outside: Iterable[object]) -> list[str]:
    """Objects in the process that hold a string or bytes with a needle in it (directly, or in a dict, list
    or tuple of their own that the collector does not track), apart from what is reachable from `outside`.
    CPython leaves a dict or tuple of plain strings untracked, so each tracked object's referents are
    looked into as well."""
    needles = [n for n in needles if n]
    encoded = [n.encode("utf-8") for n in needles]
    gc.collect()
    hits: list[str] = []
    skip = _reachable([*outside, needles, encoded, hits])

    def holds(value: object) -> bool:
        return (isinstance(value, str) and any(n in value for n in needles)) or (
            isinstance(value, bytes | bytearray) and any(n in value for n in encoded))

    for obj in gc.get_objects():
        if id(obj) in skip:
            continue
        for ref in gc.get_referents(obj):
            if holds(ref):
                hits.append(_describe(obj, ref))
            elif isinstance(ref, dict | tuple) and not gc.is_tracked(ref) and id(ref) not in skip:
                inner = ref.items() if isinstance(ref, dict) else enumerate(ref)
                hits += [_describe(obj, key) for key, value in inner if holds(key) or holds(value)]
    return hits


def _describe(holder: object, key: object) -> str:
    """A hit, named by the object that holds it (and, for a dict, the key; never the value)."""
    where = f"[{key!r}]" if isinstance(key, int | str) and not isinstance(key, bool) and len(str(key)) < 40 else ""
    return f"{type(holder).__module__}.{type(holder).__qualname__}{where}"
