import QtQuick
import QtQuick.Controls.Basic as T
import KioskBackend

// One service in the catalogue: icon, title, fee; greyed with a sentence when it needs the network and the
// network is down (touching it then says where else to go).
T.AbstractButton {
    id: tile
    required property var service
    readonly property bool available: service.available

    implicitHeight: Math.max(Theme.touchTarget * 1.5, content.implicitHeight + Theme.spacing * 1.5)
    objectName: "service_" + service.id

    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? Theme.background : Theme.surface
        border.width: Theme.large ? 4 : 2
        border.color: tile.available ? (Theme.large ? Theme.text : Theme.outline) : Theme.outline
    }

    contentItem: Item {
        Row {
            id: content
            anchors.verticalCenter: parent.verticalCenter
            x: Theme.spacing * 0.75
            width: parent.width - Theme.spacing * 1.5
            spacing: Theme.spacing * 0.6

            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: Math.round(Theme.heading * 2)
                height: width
                radius: width / 2
                color: tile.available ? Theme.primary : Theme.disabled
                KioskIcon {
                    anchors.centerIn: parent
                    name: tile.service.icon
                    color: Theme.inverseText
                    size: Math.round(parent.width * 0.6)
                }
            }
            Column {
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - Theme.heading * 2 - parent.spacing
                spacing: Math.round(Theme.small * 0.25)
                Text {
                    width: parent.width
                    text: qsTrId(tile.service.title)
                    color: tile.available ? Theme.text : Theme.disabled
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                Text {
                    width: parent.width
                    visible: tile.available
                    text: tile.service.feeYuan > 0
                          //% "Fee: ¥%1"
                          ? qsTrId("catalogue.fee").arg(tile.service.feeYuan)
                          //% "Free of charge"
                          : qsTrId("catalogue.free")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.small
                }
                Row {
                    visible: !tile.available
                    spacing: Math.round(Theme.small * 0.3)
                    KioskIcon {
                        anchors.verticalCenter: parent.verticalCenter
                        name: "offline"
                        color: Theme.attention
                        size: Theme.small
                    }
                    Text {
                        //% "Needs the network, which is down"
                        text: qsTrId("catalogue.unavailable_offline")
                        color: Theme.attention
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.small
                    }
                }
            }
        }
    }

    onClicked: Shell.openService(service.id)
}
