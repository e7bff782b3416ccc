import QtQuick
import QtQuick.Layouts
import KioskBackend

// A chosen service. Until the flow engine runs services on this terminal, it says so plainly and where
// to go instead.
Rectangle {
    id: screen
    objectName: "serviceScreen"
    //% "Self-service for this is not yet open on this terminal. Please go to a staffed counter, or choose another service."
    readonly property string prompt: qsTrId("prompt.service_not_open")
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar { Layout.fillWidth: true }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing * 2
            spacing: Theme.spacing * 1.5

            Item { Layout.fillHeight: true }
            Rectangle {
                Layout.alignment: Qt.AlignHCenter
                width: Math.round(Theme.display * 3)
                height: width
                radius: width / 2
                color: Theme.primary
                KioskIcon {
                    anchors.centerIn: parent
                    name: Shell.service.icon || "hall"
                    color: Theme.inverseText
                    size: Math.round(parent.width * 0.55)
                }
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: Shell.service.title ? qsTrId(Shell.service.title) : ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                //% "Self-service for this is not yet open on this terminal."
                text: qsTrId("service.not_open")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.heading
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                //% "Please go to a staffed counter during opening hours, or choose another service."
                text: qsTrId("service.go_elsewhere")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
                wrapMode: Text.WordWrap
            }
            KioskButton {
                objectName: "chooseAnother"
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: Theme.spacing
                primary: true
                iconName: "back"
                //% "Choose another service"
                text: qsTrId("service.choose_another")
                onClicked: Shell.back()
            }
            Item { Layout.fillHeight: true }
        }

        BottomBar { Layout.fillWidth: true }
    }
}
