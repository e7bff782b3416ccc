import QtQuick
import QtQuick.Layouts
import KioskBackend

// "Are you still there?": a countdown before the session ends and everything it held is erased.
Rectangle {
    id: dialog
    objectName: "idleDialog"
    //% "Are you still there? To continue, touch: I am here, continue."
    readonly property string prompt: qsTrId("prompt.idle")
    color: Qt.rgba(0, 0.05, 0.15, 0.72)

    MouseArea { anchors.fill: parent }   // the dimmed screen behind takes no touches

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
                name: "timer"
                color: Theme.primary
                size: Math.round(Theme.display * 1.3)
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                //% "Are you still there?"
                text: qsTrId("idle.title")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "countdown"
                Layout.alignment: Qt.AlignHCenter
                text: Shell.secondsLeft
                color: Theme.attention
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(Theme.display * 2)
                font.bold: true
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                //% "In %n second(s) this session ends and everything you entered on this terminal is erased."
                text: qsTrId("idle.body", Shell.secondsLeft)
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
                wrapMode: Text.WordWrap
            }
            KioskButton {
                objectName: "stillHereButton"
                Layout.fillWidth: true
                primary: true
                textSize: Theme.heading
                //% "I am here, continue"
                text: qsTrId("idle.continue")
                onClicked: Shell.stillHere()
            }
            KioskButton {
                objectName: "endNowButton"
                Layout.fillWidth: true
                //% "End now and erase"
                text: qsTrId("idle.end")
                onClicked: Shell.endSession("cancelled")
            }
        }
    }
}
