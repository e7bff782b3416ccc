import QtQuick
import QtQuick.Layouts
import KioskBackend

// The last log events, newest first, filtered by device: catalogued events only, personal fields already
// redacted by the log itself (the same lines as the log file).
Rectangle {
    id: viewer
    objectName: "logViewer"
    implicitHeight: body.implicitHeight + Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.outline
    border.width: 2

    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing * 0.5)
        spacing: Math.round(Theme.spacing * 0.4)

        Flow {
            Layout.fillWidth: true
            spacing: Math.round(Theme.spacing * 0.4)
            KioskButton {
                objectName: "logFilter_"
                textSize: Theme.small
                primary: Maintenance.logDevice === ""
                //% "All events"
                text: qsTrId("maintenance.log.all")
                onClicked: Maintenance.setLogDevice("")
            }
            Repeater {
                model: Maintenance.devices
                KioskButton {
                    required property var modelData
                    objectName: "logFilter_" + modelData.name
                    textSize: Theme.small
                    primary: Maintenance.logDevice === modelData.name
                    text: modelData.name
                    onClicked: Maintenance.setLogDevice(modelData.name)
                }
            }
        }
        Text {
            objectName: "logEmpty"
            Layout.fillWidth: true
            visible: Maintenance.logEvents.length === 0
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
            //% "No events about this device since the kiosk started."
            text: qsTrId("maintenance.log.empty")
        }
        Repeater {
            model: Maintenance.logEvents
            Column {
                required property var modelData
                required property int index
                objectName: "logEvent_" + index
                Layout.fillWidth: true
                spacing: 2
                Text {
                    width: parent.width
                    text: modelData.ts + "  " + modelData.event
                    color: modelData.level === "error" ? Theme.attention
                         : modelData.level === "warning" ? "#7a4a00" : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.small
                    font.bold: modelData.level === "error" || modelData.level === "warning"
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    visible: modelData.text !== ""
                    text: modelData.text
                    color: Theme.textMuted
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Math.round(Theme.small * 0.8)
                    wrapMode: Text.WrapAnywhere
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
            }
        }
    }
}
