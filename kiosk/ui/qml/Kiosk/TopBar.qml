import QtQuick
import QtQuick.Layouts
import KioskBackend

// The hall's name, today's date and the time, in the citizen's language.
Rectangle {
    id: bar
    property bool dark: false
    property date now: new Date()

    implicitHeight: Math.round(150 * Math.min(Theme.scale, 1.2))
    color: dark ? "transparent" : Theme.primary

    Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: bar.now = new Date()
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing * 1.5
        anchors.rightMargin: Theme.spacing * 1.5
        spacing: Theme.spacing

        KioskIcon {
            name: "hall"
            color: Theme.inverseText
            size: Math.round(Theme.heading * 1.4)
        }
        Text {
            Layout.fillWidth: true
            text: Shell.hallName
            color: Theme.inverseText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.small
            font.bold: true
            elide: Text.ElideRight
            maximumLineCount: 2
            wrapMode: Text.WordWrap
        }
        Column {
            Text {
                anchors.right: parent.right
                text: Qt.formatTime(bar.now, "HH:mm")
                color: Theme.inverseText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.heading
                font.bold: true
            }
            Text {
                anchors.right: parent.right
                text: Shell.language === "zh"
                      ? bar.now.toLocaleDateString(Qt.locale("zh_CN"), "M月d日 dddd")
                      : bar.now.toLocaleDateString(Qt.locale("en_GB"), "ddd d MMMM")
                color: Theme.inverseText
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(Theme.small * 0.85)
            }
        }
    }
}
