import QtQuick
import QtQuick.Layouts
import KioskBackend

// Check before confirming: what was entered, personal data masked, and one button to confirm.
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    spacing: Theme.spacing

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: rows.implicitHeight + Theme.spacing * 2
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.outline
        border.width: 2
        ColumnLayout {
            id: rows
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Math.round(Theme.spacing / 2)
            Repeater {
                model: page.display.rows || []
                RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Text {
                        Layout.preferredWidth: Math.round(rows.width * 0.38)
                        text: qsTrId(modelData.label)
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.body
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "summary_" + modelData.id
                        Layout.fillWidth: true
                        text: modelData.value_label ? qsTrId(modelData.value_label)
                              : /_fen$/.test(modelData.id) ? "¥" + (Number(modelData.value) / 100).toFixed(2)
                              : String(modelData.value)
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.body
                        font.bold: true
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }
        }
    }
    Item { Layout.fillHeight: true }
    KioskButton {
        objectName: "confirmButton"
        Layout.fillWidth: true
        primary: true
        iconName: "ok"
        //% "Confirm"
        text: qsTrId("flow.confirm")
        onClicked: ServiceFlow.submit("ok", {})
    }
}
