import QtQuick
import QtQuick.Layouts

// A question or a notice over the dimmed screen: an icon, a title, a sentence, then what to do (the
// dialog's children, stacked full width).
Rectangle {
    id: dialog
    property string iconName: ""
    property color iconColor: Theme.primary
    property string title: ""
    property string body: ""
    default property alias content: actions.data

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
                name: dialog.iconName
                color: dialog.iconColor
                size: Math.round(Theme.display * 1.3)
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: dialog.title
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: dialog.body
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
                wrapMode: Text.WordWrap
            }
            ColumnLayout {
                id: actions
                Layout.fillWidth: true
                spacing: Theme.spacing
            }
        }
    }
}
