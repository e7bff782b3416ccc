import QtQuick
import KioskBackend

// Online, or offline with the number of records waiting to be sent. Records are never lost offline;
// this chip tells staff and citizens that the terminal knows it is offline.
Rectangle {
    id: chip
    property bool dark: false
    readonly property color ink: dark ? Theme.inverseText : (Shell.online ? Theme.ok : Theme.attention)

    implicitHeight: Math.round(Theme.small * 2.2)
    implicitWidth: row.implicitWidth + Theme.spacing * 1.5
    radius: height / 2
    color: dark ? Qt.rgba(1, 1, 1, 0.14) : Theme.surface
    border.width: 2
    border.color: ink

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Math.round(Theme.small * 0.4)
        KioskIcon {
            anchors.verticalCenter: parent.verticalCenter
            name: Shell.online ? "online" : "offline"
            color: chip.ink
            size: Math.round(Theme.small * 1.2)
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            color: chip.ink
            font.family: Theme.fontFamily
            font.pixelSize: Theme.small
            //% "Online"
            text: Shell.online ? qsTrId("net.online")
                  //% "Offline"
                  : qsTrId("net.offline")
                    + (Shell.waiting > 0
                       //% "%n record(s) waiting to be sent"
                       ? " · " + qsTrId("net.waiting", Shell.waiting) : "")
        }
    }
}
