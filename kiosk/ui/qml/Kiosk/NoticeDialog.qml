import QtQuick
import QtQuick.Layouts
import KioskBackend

// Why something cannot be done now, and what to do instead.
KioskDialog {
    objectName: "noticeDialog"
    required property string notice
    //% "This service needs the network, which is down. Please go to a staffed counter, or try again later."
    readonly property string prompt: qsTrId("prompt.offline_service")
    iconName: "offline"
    iconColor: Theme.attention
    //% "The network is down"
    title: qsTrId("notice.offline.title")
    //% "This service needs the network. Please go to a staffed counter, or try again later. Services that work offline are still open."
    body: qsTrId("notice.offline.body")

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
