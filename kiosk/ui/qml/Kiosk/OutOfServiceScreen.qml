import QtQuick
import QtQuick.Layouts
import KioskBackend

// What a citizen sees while a technician has taken the terminal out of service: in both languages at once
// (the screen's language first), where to go instead, and nothing to start. The hidden corner stays, so the
// technician can come back in and put the terminal back in service.
Rectangle {
    id: screen
    objectName: "outOfServiceScreen"
    readonly property string other: Shell.language === "zh" ? "en" : "zh"
    color: "#3a4250"

    MouseArea { anchors.fill: parent }   // a touch starts nothing

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            dark: true
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ColumnLayout {
                anchors.centerIn: parent
                width: parent.width - 4 * Theme.spacing
                spacing: Theme.spacing

                KioskIcon {
                    Layout.alignment: Qt.AlignHCenter
                    name: "alert"
                    color: "#ffd54f"
                    size: Math.round(Theme.display * 2.4)
                }
                Text {
                    objectName: "outOfServiceTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Theme.inverseText
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.display * 1.3)
                    font.bold: true
                    //% "Temporarily out of service"
                    text: qsTrId("out_of_service.title")
                }
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Qt.rgba(1, 1, 1, 0.85)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.title
                    text: Maintenance.inLanguage("out_of_service.title", screen.other)
                }
                Rectangle {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacing
                    width: parent.width * 0.6
                    height: 3
                    color: Qt.rgba(1, 1, 1, 0.35)
                }
                Text {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Theme.inverseText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.heading
                    //% "This terminal is being serviced. Please use another terminal or go to a staffed counter."
                    text: qsTrId("out_of_service.body")
                }
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Qt.rgba(1, 1, 1, 0.85)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    text: Maintenance.inLanguage("out_of_service.body", screen.other)
                }
            }
        }
    }

    MaintenanceCorner {
        anchors.top: parent.top
        anchors.left: parent.left
    }
}
