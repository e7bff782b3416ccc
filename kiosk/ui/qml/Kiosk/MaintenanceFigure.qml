import QtQuick
import QtQuick.Layouts

// One figure of the maintenance screen's panels: a muted label, then its value (red when it is a fault).
RowLayout {
    id: figure
    property alias label: labelText.text
    property alias value: valueText.text
    property bool fault: false
    Layout.fillWidth: true
    spacing: Theme.spacing
    Text {
        id: labelText
        Layout.preferredWidth: 300
        Layout.alignment: Qt.AlignTop
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.small
        wrapMode: Text.Wrap
    }
    Text {
        id: valueText
        Layout.fillWidth: true
        color: figure.fault ? Theme.attention : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.small
        font.bold: figure.fault
        wrapMode: Text.Wrap
    }
}
