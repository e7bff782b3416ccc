import QtQuick
import QtQuick.Layouts
import KioskBackend

// What a passer-by sees: where they are, what the terminal does, and one thing to do: touch.
Rectangle {
    id: screen
    objectName: "attractScreen"
    //% "Hello. Touch the screen to start."
    readonly property string prompt: qsTrId("prompt.attract")
    readonly property bool landscape: width > height

    gradient: Gradient {
        GradientStop { position: 0.0; color: Theme.large ? "#001a40" : "#0b4ea2" }
        GradientStop { position: 1.0; color: Theme.large ? "#000c20" : "#06285a" }
    }

    // The whole screen is the start button; the bars' own buttons sit above it.
    MouseArea {
        objectName: "startArea"
        anchors.fill: parent
        onClicked: Shell.start()
    }

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
                spacing: Theme.spacing * (screen.landscape ? 0.6 : 2)

                Rectangle {
                    Layout.alignment: Qt.AlignHCenter
                    width: Math.round((screen.landscape ? 150 : 300) * Math.min(Theme.scale, 1.15))
                    height: width
                    radius: width / 2
                    color: Qt.rgba(1, 1, 1, 0.12)
                    border.color: Qt.rgba(1, 1, 1, 0.5)
                    border.width: 4
                    KioskIcon {
                        anchors.centerIn: parent
                        name: "touch"
                        color: Theme.inverseText
                        size: Math.round(parent.width * 0.55)
                    }
                    SequentialAnimation on scale {
                        loops: Animation.Infinite
                        NumberAnimation { from: 1.0; to: 1.06; duration: 900; easing.type: Easing.InOutQuad }
                        NumberAnimation { from: 1.06; to: 1.0; duration: 900; easing.type: Easing.InOutQuad }
                    }
                }
                Text {
                    objectName: "touchToStart"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Theme.inverseText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.display
                    font.bold: true
                    //% "Touch the screen to start"
                    text: qsTrId("attract.touch_to_start")
                }
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Qt.rgba(1, 1, 1, 0.88)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    //% "Open 24 hours, with spoken guidance"
                    text: qsTrId("attract.subtitle")
                }
                Grid {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: screen.landscape ? 0 : Theme.spacing
                    // a landscape screen in large text has no room for the preview; the catalogue has it all
                    visible: !(screen.landscape && Theme.large)
                    columns: screen.landscape ? 4 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing
                    Repeater {
                        model: [
                            //% "Replace a lost ID card"
                            { icon: "id-card", title: qsTrId("service.id_card_replace") },
                            //% "Queue ticket"
                            { icon: "ticket", title: qsTrId("service.queue_ticket") },
                            //% "ID photo"
                            { icon: "photo", title: qsTrId("service.id_photo") },
                            //% "Collect a document from a locker"
                            { icon: "locker", title: qsTrId("service.id_card_pickup") }
                        ]
                        delegate: Rectangle {
                            required property var modelData
                            width: Math.round((screen.landscape ? 360 : 420) * Math.min(Theme.scale, 1.15))
                            height: Math.round(Theme.touchTarget * 1.1)
                            radius: Theme.radius
                            color: Qt.rgba(1, 1, 1, 0.1)
                            Row {
                                anchors.verticalCenter: parent.verticalCenter
                                x: Theme.spacing * 0.75
                                width: parent.width - 1.5 * Theme.spacing
                                spacing: Theme.spacing * 0.5
                                KioskIcon {
                                    anchors.verticalCenter: parent.verticalCenter
                                    name: parent.parent.modelData.icon
                                    color: Theme.inverseText
                                    size: Math.round(Theme.body * 1.5)
                                }
                                Text {
                                    anchors.verticalCenter: parent.verticalCenter
                                    width: parent.width - Theme.body * 2
                                    text: parent.parent.modelData.title
                                    color: Theme.inverseText
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.small
                                    wrapMode: Text.WordWrap
                                    maximumLineCount: 2
                                    elide: Text.ElideRight
                                }
                            }
                        }
                    }
                }
            }
        }

        NetworkState {
            objectName: "networkState"
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.spacing
            dark: true
        }

        BottomBar {
            Layout.fillWidth: true
            dark: true
            showBack: false
        }
    }

    MaintenanceCorner {  // hidden: a 3-second press here opens the technician's PIN pad
        anchors.top: parent.top
        anchors.left: parent.left
    }
}
