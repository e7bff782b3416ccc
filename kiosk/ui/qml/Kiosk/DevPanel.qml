import QtQuick
import QtQuick.Controls.Basic as T
import KioskBackend

// The developer panel of a simulated run (kiosk/ui/devpanel.py): a small tab at the left edge opens a
// sheet with every device's status and its simulator's buttons. Never present on a real terminal.
Item {
    id: panel
    objectName: "devPanel"
    property bool open: false
    anchors.fill: parent

    Rectangle {
        id: tab
        objectName: "devPanelTab"
        width: 56; height: 160
        radius: 12
        x: -12
        anchors.verticalCenter: parent.verticalCenter
        color: "#37474f"
        opacity: 0.85
        Text {
            anchors.centerIn: parent
            anchors.horizontalCenterOffset: 6
            rotation: -90
            text: "DEV"
            color: "white"
            font.pixelSize: 24
            font.bold: true
        }
        MouseArea { anchors.fill: parent; onClicked: panel.open = !panel.open }
    }

    Rectangle {
        id: sheet
        objectName: "devPanelSheet"
        visible: panel.open
        width: Math.min(parent.width * 0.62, 720)
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.left: tab.right
        color: "#263238"
        MouseArea { anchors.fill: parent }  // touches on the sheet never reach the screen below

        Column {
            id: head
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 20
            spacing: 12
            Row {
                spacing: 16
                Text { text: "Simulated devices"; color: "white"; font.pixelSize: 30; font.bold: true }
                T.Button { text: "Close"; font.pixelSize: 22; onClicked: panel.open = false }
            }
            Row {
                spacing: 12
                Text { text: "Locker door"; color: "#cfd8dc"; font.pixelSize: 22; anchors.verticalCenter: parent.verticalCenter }
                T.Button { text: "−"; font.pixelSize: 26; width: 64; onClicked: DevPanel.setDoor(DevPanel.lockerDoor - 1) }
                Text {
                    text: DevPanel.lockerDoor; color: "white"; font.pixelSize: 28; width: 48
                    horizontalAlignment: Text.AlignHCenter
                    anchors.verticalCenter: parent.verticalCenter
                }
                T.Button {
                    text: "+"; font.pixelSize: 26; width: 64
                    onClicked: DevPanel.setDoor(DevPanel.lockerDoor + 1)
                }
            }
            Text {
                width: parent.width
                text: DevPanel.message
                color: "#ffe082"
                font.pixelSize: 20
                wrapMode: Text.Wrap
            }
        }

        ListView {
            anchors.top: head.bottom
            anchors.bottom: parent.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.margins: 20
            clip: true
            spacing: 18
            model: DevPanel.devices
            delegate: Column {
                id: device
                required property var modelData
                width: ListView.view.width
                spacing: 8
                Row {
                    spacing: 12
                    Rectangle {
                        width: 18; height: 18; radius: 9
                        anchors.verticalCenter: parent.verticalCenter
                        color: modelData.state === "ready" ? "#66bb6a"
                             : modelData.state === "user_action" || modelData.state === "busy" ? "#ffca28"
                             : "#ef5350"
                    }
                    Text {
                        text: modelData.name + "  ·  " + modelData.state + (modelData.code ? "  (" + modelData.code + ")" : "")
                        color: "white"
                        font.pixelSize: 22
                    }
                }
                Flow {
                    width: parent.width
                    spacing: 8
                    Repeater {
                        model: modelData.actions
                        T.Button {
                            required property var modelData
                            objectName: "devAction_" + device.modelData.name + "_" + modelData.index
                            text: modelData.label
                            font.pixelSize: 20
                            onClicked: DevPanel.act(device.modelData.name, modelData.index)
                        }
                    }
                }
            }
        }
    }
}
