import QtQuick
import QtQuick.Layouts
import KioskBackend

// The technician's board: every configured device with its state and self-test, the system's figures,
// taking the terminal out of service, the readiness report, and the way out. It closes by itself after
// [maintenance] idle_timeout_s without a touch.
Rectangle {
    id: screen
    objectName: "maintenanceScreen"
    color: Theme.background

    MouseArea { anchors.fill: parent }   // nothing of the citizen's screen below takes a touch

    component SectionTitle: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        color: Theme.primary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.heading
        font.bold: true
    }
    component Figure: RowLayout {
        property alias label: labelText.text
        property alias value: valueText.text
        property color valueColor: Theme.text
        Layout.fillWidth: true
        spacing: Theme.spacing
        Text {
            id: labelText
            Layout.preferredWidth: Math.round(screen.width * 0.24)
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.small
        }
        Text {
            id: valueText
            Layout.fillWidth: true
            color: parent.valueColor
            font.family: Theme.fontFamily
            font.pixelSize: Theme.small
            wrapMode: Text.Wrap
        }
    }

    Rectangle {
        id: header
        anchors.top: parent.top
        width: parent.width
        height: headerRow.implicitHeight + 2 * Theme.spacing
        color: Theme.primary
        RowLayout {
            id: headerRow
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            KioskIcon {
                name: "staff"
                color: Theme.inverseText
                size: Math.round(Theme.title * 1.3)
            }
            Column {
                Layout.fillWidth: true
                Text {
                    width: parent.width
                    color: Theme.inverseText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.title
                    font.bold: true
                    //% "Maintenance mode"
                    text: qsTrId("maintenance.board.title")
                }
                Text {
                    objectName: "maintenanceWho"
                    width: parent.width
                    color: Qt.rgba(1, 1, 1, 0.85)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.small
                    elide: Text.ElideRight
                    text: Maintenance.who === "card"
                          //% "Entered with a technician card"
                          ? qsTrId("maintenance.board.who_card")
                          //% "Entered with the PIN"
                          : qsTrId("maintenance.board.who_pin")
                }
            }
            KioskButton {
                objectName: "maintenanceLanguage"
                quiet: true
                textSize: Theme.small
                iconName: "language"
                stacked: true
                text: qsTrId("bar.other_language")
                onClicked: Shell.toggleLanguage()
            }
            KioskButton {
                objectName: "maintenanceExit"
                quiet: true
                textSize: Theme.small
                iconName: "close"
                stacked: true
                //% "Exit"
                text: qsTrId("maintenance.exit")
                onClicked: Maintenance.leave()
            }
        }
    }

    Flickable {
        id: flick
        objectName: "maintenanceBoard"
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        width: parent.width
        contentHeight: column.implicitHeight + 2 * Theme.spacing
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: column
            x: Theme.spacing
            y: Theme.spacing * 0.5
            width: flick.width - 2 * Theme.spacing
            spacing: Math.round(Theme.spacing * 0.6)

            Rectangle {  // citizens: in service or not
                objectName: "serviceCard"
                Layout.fillWidth: true
                Layout.topMargin: Math.round(Theme.spacing * 0.5)
                implicitHeight: serviceRow.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Maintenance.outOfService ? "#fbe4e4" : "#e3f4e8"
                border.color: Maintenance.outOfService ? Theme.attention : Theme.ok
                border.width: 3
                RowLayout {
                    id: serviceRow
                    anchors.fill: parent
                    anchors.margins: Math.round(Theme.spacing * 0.5)
                    spacing: Theme.spacing
                    Text {
                        objectName: "serviceState"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Maintenance.outOfService ? Theme.attention : Theme.ok
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.body
                        font.bold: true
                        text: Maintenance.outOfService
                              //% "Out of service: citizens cannot start a service"
                              ? qsTrId("maintenance.service.out")
                              //% "In service for citizens"
                              : qsTrId("maintenance.service.in")
                    }
                    KioskButton {
                        objectName: "outOfServiceToggle"
                        textSize: Theme.small
                        primary: !Maintenance.outOfService
                        text: Maintenance.outOfService
                              //% "Put back in service"
                              ? qsTrId("maintenance.service.put_back")
                              //% "Take out of service"
                              : qsTrId("maintenance.service.take_out")
                        onClicked: Maintenance.setOutOfService(!Maintenance.outOfService)
                    }
                }
            }

            SectionTitle {
                //% "Devices"
                text: qsTrId("maintenance.devices")
            }
            Repeater {
                model: Maintenance.devices
                DeviceCard {
                    required property var modelData
                    device: modelData
                    Layout.fillWidth: true
                }
            }

            Rectangle {  // the voice: speak a prompt, PASS when the engine reports it spoke
                objectName: "voiceCard"
                Layout.fillWidth: true
                implicitHeight: voiceColumn.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Maintenance.voiceTest.state === "fail" ? Theme.attention : Theme.outline
                border.width: Maintenance.voiceTest.state === "fail" ? 4 : 2
                ColumnLayout {
                    id: voiceColumn
                    anchors.fill: parent
                    anchors.margins: Math.round(Theme.spacing * 0.5)
                    spacing: Math.round(Theme.spacing * 0.4)
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Text {
                            Layout.fillWidth: true
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.heading
                            font.bold: true
                            //% "Voice"
                            text: qsTrId("maintenance.voice")
                        }
                        KioskButton {
                            objectName: "voiceTest"
                            enabled: Maintenance.voiceTest.state !== "running"
                            iconName: "voice"
                            textSize: Theme.small
                            //% "Play a voice prompt"
                            text: qsTrId("maintenance.voice.play")
                            onClicked: Maintenance.runVoiceTest()
                        }
                    }
                    Text {
                        objectName: "voiceVerdict"
                        Layout.fillWidth: true
                        visible: Maintenance.voiceTest.state !== "none"
                        wrapMode: Text.Wrap
                        color: Maintenance.voiceTest.state === "pass" ? Theme.ok
                             : Maintenance.voiceTest.state === "fail" ? Theme.attention : Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.small
                        font.bold: true
                        text: (Maintenance.voiceTest.state === "pass" ? qsTrId("maintenance.pass")
                               : Maintenance.voiceTest.state === "fail" ? qsTrId("maintenance.fail")
                               : qsTrId("maintenance.testing"))
                              + (Maintenance.voiceTest.summary ? "  " + Maintenance.voiceTest.summary : "")
                              + (Maintenance.voiceTest.code ? "  (" + Maintenance.voiceTest.code + ")" : "")
                    }
                }
            }

            SectionTitle {
                //% "Network and sync"
                text: qsTrId("maintenance.sync")
            }
            MaintenanceSync {
                Layout.fillWidth: true
            }

            SectionTitle {
                //% "System"
                text: qsTrId("maintenance.system")
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: figures.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.outline
                border.width: 2
                ColumnLayout {
                    id: figures
                    anchors.fill: parent
                    anchors.margins: Math.round(Theme.spacing * 0.5)
                    spacing: 6
                    Figure {
                        //% "Software"
                        label: qsTrId("maintenance.software")
                        value: Maintenance.system.software || ""
                    }
                    Figure {
                        //% "Clock (UTC)"
                        label: qsTrId("maintenance.clock")
                        value: Maintenance.system.clock || ""
                    }
                    Figure {
                        objectName: "systemPlatformClock"
                        //% "Offset from the platform"
                        label: qsTrId("maintenance.platform_clock")
                        value: Maintenance.system.platformClock || ""
                        valueColor: Maintenance.system.platformClockOk === false ? Theme.attention : Theme.text
                    }
                    Figure {
                        //% "Uptime"
                        label: qsTrId("maintenance.uptime")
                        value: Maintenance.system.uptime || ""
                    }
                    Figure {
                        objectName: "systemDisk"
                        //% "Disk"
                        label: qsTrId("maintenance.disk")
                        value: Maintenance.system.disk || ""
                        valueColor: Maintenance.system.diskOk === false ? Theme.attention : Theme.text
                    }
                    Figure {
                        //% "Memory"
                        label: qsTrId("maintenance.memory")
                        value: Maintenance.system.memory || ""
                    }
                    Figure {
                        //% "Host"
                        label: qsTrId("maintenance.host")
                        value: Maintenance.system.host || ""
                    }
                }
            }

            SectionTitle {
                //% "Readiness report"
                text: qsTrId("maintenance.report")
            }
            MaintenanceReport {
                Layout.fillWidth: true
            }

            SectionTitle {
                //% "Latest events"
                text: qsTrId("maintenance.log")
            }
            MaintenanceLog {
                Layout.fillWidth: true
                Layout.bottomMargin: Theme.spacing
            }
        }
    }
}
