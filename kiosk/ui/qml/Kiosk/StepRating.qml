import QtQuick
import QtQuick.Layouts
import KioskBackend

// How was it? Five faces from very satisfied to very dissatisfied, then optional reasons, then send.
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    property var level: null
    property var reasons: []
    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        spacing: Math.round(Theme.spacing / 3)
        Repeater {
            model: page.display.levels || []
            Rectangle {
                id: tile
                required property var modelData
                objectName: "level_" + modelData.id
                Layout.fillWidth: true
                implicitHeight: Math.round(Theme.touchTarget * 1.9)
                radius: Theme.radius
                color: page.level === modelData.id ? Theme.primary : Theme.surface
                border.color: Theme.outline
                border.width: 2
                Column {
                    anchors.centerIn: parent
                    spacing: 4
                    KioskIcon {
                        anchors.horizontalCenter: parent.horizontalCenter
                        name: "rating-" + (6 - modelData.id)  // level 1 is "very satisfied"
                        size: Math.round(Theme.heading * 1.8)
                        color: page.level === modelData.id ? Theme.inverseText : Theme.primary
                    }
                    Text {
                        width: tile.width - 12
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: qsTrId(modelData.label)
                        color: page.level === modelData.id ? Theme.inverseText : Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Math.round(Theme.small * 0.8)
                    }
                }
                MouseArea { anchors.fill: parent; onClicked: page.level = modelData.id }
            }
        }
    }
    Text {
        Layout.fillWidth: true
        visible: page.level !== null && (page.display.reasons || []).length > 0
        //% "What was it about? (choose any)"
        text: qsTrId("flow.rating_reasons")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.body
        font.bold: true
    }
    Flow {
        Layout.fillWidth: true
        visible: page.level !== null
        spacing: Math.round(Theme.spacing / 2)
        Repeater {
            model: page.display.reasons || []
            KioskButton {
                required property var modelData
                objectName: "reason_" + modelData.id
                text: qsTrId(modelData.label)
                primary: page.reasons.indexOf(modelData.id) >= 0
                onClicked: {
                    var r = page.reasons.slice()
                    var i = r.indexOf(modelData.id)
                    if (i >= 0) r.splice(i, 1); else r.push(modelData.id)
                    page.reasons = r
                }
            }
        }
    }
    Item { Layout.fillHeight: true }
    KioskButton {
        objectName: "sendRating"
        Layout.alignment: Qt.AlignRight
        enabled: page.level !== null
        primary: true
        iconName: "send"
        //% "Send"
        text: qsTrId("flow.send")
        onClicked: ServiceFlow.submit("ok", {"level": page.level, "reasons": page.reasons})
    }
}
