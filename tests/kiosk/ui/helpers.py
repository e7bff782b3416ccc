"""Looking into the running shell the way a citizen would see it."""



def find(kapp, name):
    """The visible item called `name`; screens being replaced linger until Qt deletes them later."""
    from kiosk.ui.screenshot import find as find_item

    return find_item(kapp.window, name)


def visible_texts(kapp):
    """Every text a citizen can see right now."""
    texts = []

    def walk(item):
        if not item.isVisible() or item.opacity() == 0:
            return
        text = item.property("text")
        if isinstance(text, str) and text and item.inherits("QQuickText"):
            texts.append(text)
        for child in item.childItems():
            walk(child)

    walk(kapp.window.contentItem())
    return texts


def tap(kapp, name):
    """Touch the middle of the item called `name`, as a finger would."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    kapp.window.grabWindow()  # a frame makes Qt finish positioning items, as the screen a finger sees
    item = find(kapp, name)
    assert item is not None, f"nothing called {name!r} on screen"
    assert item.isVisible(), f"{name!r} is not visible"
    centre = item.mapToScene(item.boundingRect().center()).toPoint()
    QTest.mouseClick(kapp.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
