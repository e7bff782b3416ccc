import QtQuick
import QtQuick.Layouts
import KioskBackend

// The network and sync panel: online or not, the central platform, the last heartbeat, the queue and its
// oldest record, dead letters with the platform's reasons, the clock's offset, and "send now".
Rectangle {
    id: panel
    objectName: "syncPanel"
    readonly property var sync: Maintenance.sync
    implicitHeight: body.implicitHeight + Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: sync.online ? Theme.outline : Theme.attention
    border.width: sync.online ? 2 : 4

    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing * 0.5)
        spacing: 6

        Text {
            objectName: "syncOnline"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: panel.sync.online ? Theme.ok : Theme.attention
            font.family: Theme.fontFamily
            font.pixelSize: Theme.body
            font.bold: true
            text: panel.sync.online
                  //% "Online: the central platform answers"
                  ? qsTrId("maintenance.sync.online")
                  //% "Offline: records wait on this terminal and are sent when the network is back"
                  : qsTrId("maintenance.sync.offline")
        }
        MaintenanceFigure {
            //% "Central platform"
            label: qsTrId("maintenance.sync.url")
            value: panel.sync.url || "—"
        }
        MaintenanceFigure {
            objectName: "syncHeartbeat"
            //% "Last heartbeat"
            label: qsTrId("maintenance.sync.heartbeat")
            //% "none answered yet"
            value: panel.sync.lastHeartbeat || qsTrId("maintenance.sync.never")
        }
        MaintenanceFigure {
            objectName: "syncWaiting"
            //% "Waiting to be sent"
            label: qsTrId("maintenance.sync.waiting")
            //% "%1 record(s), the oldest %2 old"
            value: panel.sync.waiting > 0 ? qsTrId("maintenance.sync.waiting_value").arg(panel.sync.waiting)
                                                .arg(panel.sync.oldest)
                                          //% "nothing: everything was sent"
                                          : qsTrId("maintenance.sync.nothing_waiting")
            fault: panel.sync.pastRetention > 0
        }
        MaintenanceFigure {
            visible: (panel.sync.lastError || "") !== ""
            //% "Last sending error"
            label: qsTrId("maintenance.sync.last_error")
            value: panel.sync.lastError || ""
            fault: true
        }
        MaintenanceFigure {
            objectName: "syncDead"
            //% "Refused by the platform"
            label: qsTrId("maintenance.sync.dead")
            //% "none"
            value: panel.sync.deadCount > 0 ? (panel.sync.dead || []).join("\n") : qsTrId("maintenance.sync.none")
            fault: panel.sync.deadCount > 0
        }
        MaintenanceFigure {
            objectName: "syncClock"
            //% "Clock offset"
            label: qsTrId("maintenance.sync.clock")
            value: panel.sync.clock || ""
            fault: panel.sync.clockOk === false
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 6
            spacing: Math.round(Theme.spacing * 0.5)
            KioskButton {
                objectName: "sendNow"
                Layout.fillWidth: true
                enabled: panel.sync.agentRunning === true
                primary: panel.sync.waiting > 0
                iconName: "send"
                textSize: Theme.small
                //% "Send now"
                text: qsTrId("maintenance.sync.send_now")
                onClicked: Maintenance.sendNow()
            }
            KioskButton {
                objectName: "syncRefresh"
                iconName: "retry"
                textSize: Theme.small
                //% "Refresh"
                text: qsTrId("maintenance.refresh")
                onClicked: Maintenance.refresh()
            }
        }
    }
}
