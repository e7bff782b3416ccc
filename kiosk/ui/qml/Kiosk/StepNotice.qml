import QtQuick
import QtQuick.Layouts
import KioskBackend

// Something went wrong (or needs saying): what happened, in one sentence, and the ways on as big buttons —
// try again, another way, or a slip for the staff counter.
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    spacing: Theme.spacing

    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        width: Math.round(Theme.display * 2.2)
        height: width
        radius: width / 2
        color: page.display.error ? Theme.attention : Theme.primary
        KioskIcon {
            anchors.centerIn: parent
            name: page.display.error ? "alert" : "ok"
            color: Theme.inverseText
            size: Math.round(parent.width * 0.55)
        }
    }
    Text {
        objectName: "noticeMessage"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: page.display.message ? qsTrId(page.display.message) : ""
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.heading
        font.bold: true
        wrapMode: Text.WordWrap
    }
    Text {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        visible: text !== ""
        text: page.display.error_text ? qsTrId(page.display.error_text) : ""
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.body
        wrapMode: Text.WordWrap
    }
    Repeater {  // numbers to keep: the session, a receipt, an application, a ticket
        model: Object.keys(page.display.refs || {})
        Text {
            required property string modelData
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTrId("field." + modelData) + (Shell.language === "zh" ? "：" : ": ") + page.display.refs[modelData]
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.body
        }
    }
    Item { Layout.preferredHeight: Theme.spacing }
    Repeater {
        model: page.display.ways || []
        KioskButton {
            required property var modelData
            required property int index
            objectName: "way_" + modelData.id
            Layout.fillWidth: true
            primary: index === 0
            iconName: modelData.id === "retry" ? "retry" : modelData.id === "staff_slip" ? "printer" : ""
            text: qsTrId(modelData.label)
            onClicked: ServiceFlow.submit(modelData.id, {})
        }
    }
    Item { Layout.fillHeight: true }
}
