import QtQuick
import QtQuick.Controls.Basic as T

// A text field for the on-screen keyboard: pinyin for Chinese text by default, the digits layout when
// `digits` is set (numbers, ID numbers). Large, with its hint inside.
T.TextField {
    id: field
    property bool digits: false

    implicitHeight: Theme.touchTarget
    font.family: Theme.fontFamily
    font.pixelSize: Theme.body
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    // Sensitive: the keyboard must not keep what a citizen types in any dictionary.
    inputMethodHints: Qt.ImhSensitiveData | (digits ? Qt.ImhDigitsOnly : Qt.ImhNone)
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: field.activeFocus ? 4 : 2
        border.color: field.activeFocus ? Theme.primary : Theme.outline
    }
}
