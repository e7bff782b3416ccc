import QtQuick
import QtQuick.Layouts
import KioskBackend

// A sentence that explains why something cannot be done now, and what to do instead.
Rectangle {
    id: dialog
    objectName: "noticeDialog"
    required property string notice
    //% "This service needs the network, which is down. Please go to a staffed counter, or try again later."
    readonly property string prompt: qsTrId("prompt.offline_service")
    color: Qt.rgba(0, 0.05, 0.15, 0.72)

    MouseArea { anchors.fill: parent }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, 960)
        height: card.implicitHeight + 3 * Theme.spacing
        radius: Theme.radius * 1.5
        color: Theme.surface

        ColumnLayout {
            id: card
            anchors.centerIn: parent
            width: parent.width - 3 * Theme.spacing
            spacing: Theme.spacing

            KioskIcon {
                Layout.alignment: Qt.AlignHCenter
                name: "offline"
                color: Theme.attention
                size: Math.round(Theme.display * 1.3)
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                //% "The network is down"
                text: qsTrId("notice.offline.title")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                //% "This service needs the network. Please go to a staffed counter, or try again later. Services that work offline are still open."
                text: qsTrId("notice.offline.body")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
                wrapMode: Text.WordWrap
            }
            KioskButton {
                objectName: "noticeOk"
                Layout.fillWidth: true
                primary: true
                textSize: Theme.heading
                //% "OK, back to the services"
                text: qsTrId("notice.ok")
                onClicked: Shell.dismissNotice()
            }
        }
    }
}
