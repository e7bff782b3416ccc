import QtQuick
import QtQuick.Layouts
import KioskBackend

// One device on the technician's board: its state in colour, its error code and the code's English
// description, where it is attached, what it says about itself, and its self-test with the evidence.
// Labels follow the screen's language; codes, details and evidence stay as drivers write them (English),
// the same words as in `kiosk diag`, the log and the readiness report.
Rectangle {
    id: card
    required property var device
    property int door: 1
    readonly property color toneColor: device.tone === "ok" ? Theme.ok
                                     : device.tone === "warn" ? "#b26a00"
                                     : device.tone === "bad" ? Theme.attention : Theme.disabled
    readonly property var test: device.test

    objectName: "device_" + device.name
    implicitHeight: body.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: device.tone === "bad" ? Theme.attention : Theme.outline
    border.width: device.tone === "bad" ? 4 : 2

    Rectangle {  // the state's colour, down the card's left edge
        width: 16
        height: parent.height - 2 * Theme.radius
        anchors.left: parent.left
        anchors.leftMargin: 2
        anchors.verticalCenter: parent.verticalCenter
        color: card.toneColor
    }

    function stateLabel(state) {
        //% "Ready"
        return state === "ready" ? qsTrId("maintenance.state.ready")
             //% "Busy"
             : state === "busy" ? qsTrId("maintenance.state.busy")
             //% "Waiting for the user"
             : state === "user_action" ? qsTrId("maintenance.state.user_action")
             //% "Disconnected"
             : state === "disconnected" ? qsTrId("maintenance.state.disconnected")
             //% "Hardware fault"
             : state === "hardware_error" ? qsTrId("maintenance.state.hardware_error")
             //% "Needs a technician"
             : state === "maintenance" ? qsTrId("maintenance.state.maintenance")
             //% "Not driven by this version"
             : qsTrId("maintenance.state.none")
    }

    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.spacing * 1.4
        spacing: Math.round(Theme.spacing * 0.5)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Column {
                Layout.fillWidth: true
                Text {
                    width: parent.width
                    text: card.device.name
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.heading
                    font.bold: true
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    text: card.device.kind + "  ·  " + card.device.driver
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.small
                    elide: Text.ElideRight
                }
            }
            Rectangle {
                objectName: "state_" + card.device.name
                implicitWidth: stateText.implicitWidth + Theme.spacing
                implicitHeight: stateText.implicitHeight + Theme.spacing * 0.5
                radius: height / 2
                color: card.toneColor
                Text {
                    id: stateText
                    anchors.centerIn: parent
                    text: card.stateLabel(card.device.state)
                    color: Theme.inverseText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.small
                    font.bold: true
                }
            }
        }
        Text {  // the error code and its English description, then the driver's own sentence
            objectName: "code_" + card.device.name
            Layout.fillWidth: true
            visible: card.device.code !== ""
            text: card.device.code + " — " + card.device.description
                  + (card.device.detail !== "" && card.device.detail !== card.device.description
                     ? "\n" + card.device.detail : "")
            color: card.device.tone === "bad" ? Theme.attention : "#7a4a00"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.small
            font.bold: true
            wrapMode: Text.Wrap
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Theme.spacing
            rowSpacing: 4
            Text {
                color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.small
                //% "Port"
                text: qsTrId("maintenance.port")
            }
            Text {
                Layout.fillWidth: true
                text: card.device.port || "—"
                color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.small
                elide: Text.ElideMiddle
            }
            Text {
                color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.small
                //% "Model / firmware / serial"
                text: qsTrId("maintenance.identity")
            }
            Text {
                Layout.fillWidth: true
                text: [card.device.model, card.device.firmware, card.device.serialNumber]
                      .filter(function (x) { return x !== "" }).join("  ·  ") || "—"
                color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.small
                wrapMode: Text.Wrap
            }
            Text {
                visible: card.device.managed && card.device.since !== ""
                color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.small
                //% "State changed"
                text: qsTrId("maintenance.since")
            }
            Text {
                visible: card.device.managed && card.device.since !== ""
                Layout.fillWidth: true
                //% "%1 ago"
                text: qsTrId("maintenance.ago").arg(card.device.since)
                color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.small
            }
        }

        Flow {  // what the technician can do with the device
            Layout.fillWidth: true
            Layout.topMargin: Math.round(Theme.spacing * 0.3)
            spacing: Math.round(Theme.spacing * 0.5)
            visible: card.device.testable
            KioskButton {
                objectName: "selfTest_" + card.device.name
                enabled: card.test.state !== "running"
                textSize: Theme.small
                iconName: "retry"
                //% "Self-test"
                text: qsTrId("maintenance.self_test")
                onClicked: Maintenance.runSelfTest(card.device.name)
            }
            Row {
                visible: card.device.kind === "locker"
                spacing: Math.round(Theme.spacing * 0.3)
                KioskButton {
                    objectName: "doorDown_" + card.device.name
                    textSize: Theme.heading
                    text: "−"
                    onClicked: card.door = card.door > 1 ? card.door - 1 : card.device.doors
                }
                KioskButton {
                    objectName: "openDoor_" + card.device.name
                    enabled: card.test.state !== "running"
                    textSize: Theme.small
                    iconName: "door-open"
                    //% "Open door %1"
                    text: qsTrId("maintenance.open_door").arg(card.door)
                    onClicked: Maintenance.openDoor(card.device.name, card.door)
                }
                KioskButton {
                    objectName: "doorUp_" + card.device.name
                    textSize: Theme.heading
                    text: "+"
                    onClicked: card.door = card.door < card.device.doors ? card.door + 1 : 1
                }
            }
            KioskButton {
                objectName: "openAllDoors_" + card.device.name
                visible: card.device.kind === "locker"
                enabled: card.test.state !== "running"
                textSize: Theme.small
                iconName: "locker"
                //% "Open every door, one by one"
                text: qsTrId("maintenance.open_all")
                onClicked: Maintenance.openAllDoors(card.device.name)
            }
        }

        Rectangle {  // the last self-test: PASS or FAIL, its summary, code and evidence
            objectName: "testResult_" + card.device.name
            Layout.fillWidth: true
            visible: card.test.state !== "none"
            implicitHeight: result.implicitHeight + Theme.spacing
            radius: Theme.radius * 0.6
            color: card.test.state === "pass" ? "#e3f4e8" : card.test.state === "fail" ? "#fbe4e4" : Theme.background
            ColumnLayout {
                id: result
                anchors.fill: parent
                anchors.margins: Math.round(Theme.spacing * 0.5)
                spacing: 6
                Text {
                    objectName: "testVerdict_" + card.device.name
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: card.test.state === "pass" ? Theme.ok : card.test.state === "fail" ? Theme.attention
                                                                                              : Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    font.bold: true
                    //% "PASS"
                    text: (card.test.state === "pass" ? qsTrId("maintenance.pass")
                           //% "FAIL"
                           : card.test.state === "fail" ? qsTrId("maintenance.fail")
                           //% "Testing…"
                           : qsTrId("maintenance.testing"))
                          + (card.test.summary ? "  " + card.test.summary : "")
                }
                Text {
                    Layout.fillWidth: true
                    visible: card.test.code !== ""
                    wrapMode: Text.Wrap
                    text: card.test.code + " — " + card.test.description
                    color: Theme.attention
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.small
                }
                Text {
                    objectName: "testEvidence_" + card.device.name
                    Layout.fillWidth: true
                    visible: card.test.evidence.length > 0
                    wrapMode: Text.Wrap
                    text: card.test.evidence.join("\n")
                    color: Theme.text
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Math.round(Theme.small * 0.85)
                }
            }
        }
        Image {  // the camera's test frame, faces outlined (in memory only; gone when maintenance ends)
            objectName: "cameraShot"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.min(body.width, 720)
            Layout.preferredHeight: Layout.preferredWidth * 9 / 16
            visible: card.device.kind === "camera" && Maintenance.cameraShot !== ""
            source: card.device.kind === "camera" ? Maintenance.cameraShot : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: false
            cache: false
        }
    }
}
