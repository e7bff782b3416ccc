import QtQuick
import QtQuick.Layouts
import KioskBackend

// "Are you still there?": a countdown before the session ends and everything it held is erased.
KioskDialog {
    objectName: "idleDialog"
    //% "Are you still there? To continue, touch: I am here, continue."
    readonly property string prompt: qsTrId("prompt.idle")
    iconName: "timer"
    //% "Are you still there?"
    title: qsTrId("idle.title")
    //% "In %n second(s) this session ends and everything you entered on this terminal is erased."
    body: qsTrId("idle.body", Shell.secondsLeft)

    Text {
        objectName: "countdown"
        Layout.alignment: Qt.AlignHCenter
        text: Shell.secondsLeft
        color: Theme.attention
        font.family: Theme.fontFamily
        font.pixelSize: Math.round(Theme.display * 2)
        font.bold: true
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
