import QtQuick
import QtQuick.Layouts
import KioskBackend

// The technician's PIN pad: big digits, the PIN shown as dots, what went wrong and how long a lock lasts.
// The digits go straight to Python (Maintenance.pressDigit); QML only ever knows how many were typed.
Rectangle {
    id: pad
    objectName: "pinPad"
    readonly property bool locked: Maintenance.lockedSeconds > 0
    readonly property bool usable: Maintenance.pinEnabled && !locked
    readonly property bool landscape: width > height
    color: Theme.primaryDark

    MouseArea { anchors.fill: parent }   // nothing below takes a touch while the pad is up

    function duration(seconds) {
        var m = Math.floor(seconds / 60), s = seconds % 60
        //% "%1 min %2 s"
        return m > 0 ? qsTrId("maintenance.duration").arg(m).arg(s)
                     //% "%1 s"
                     : qsTrId("maintenance.duration_s").arg(s)
    }

    // portrait: one column; landscape: what the pad says on the left, the keys on the right
    GridLayout {
            anchors.centerIn: parent
            columns: pad.landscape ? 2 : 1
            columnSpacing: 2 * Theme.spacing
            rowSpacing: Theme.spacing
            width: pad.landscape ? Math.min(parent.width - 2 * Theme.spacing, 1640)
                                 : Math.min(parent.width - 2 * Theme.spacing, 820)

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.spacing

            KioskIcon {
                Layout.alignment: Qt.AlignHCenter
                name: pad.locked ? "timer" : "staff"
                color: Theme.inverseText
                size: Math.round(Theme.display * 1.4)
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                color: Theme.inverseText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                //% "Maintenance"
                text: qsTrId("maintenance.pin.title")
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Qt.rgba(1, 1, 1, 0.88)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
                visible: pad.usable
                //% "Technician: enter the maintenance PIN"
                text: qsTrId("maintenance.pin.prompt")
            }
            Row {  // the PIN, as dots
                objectName: "pinDots"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredHeight: 56
                spacing: 28
                visible: pad.usable
                Repeater {
                    model: Math.max(4, Maintenance.pinDigits)
                    Rectangle {
                        required property int index
                        width: 44
                        height: 44
                        radius: 22
                        anchors.verticalCenter: parent.verticalCenter
                        color: index < Maintenance.pinDigits ? Theme.inverseText : "transparent"
                        border.color: Theme.inverseText
                        border.width: 4
                    }
                }
            }
            Rectangle {  // what went wrong, or why there is no pad
                Layout.fillWidth: true
                implicitHeight: message.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Maintenance.pinMessage === "disabled" ? Qt.rgba(1, 1, 1, 0.12) : "#fdecea"
                visible: Maintenance.pinMessage !== ""
                Text {
                    id: message
                    objectName: "pinMessage"
                    anchors.centerIn: parent
                    width: parent.width - Theme.spacing
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Maintenance.pinMessage === "disabled" ? Theme.inverseText : Theme.attention
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    font.bold: true
                    text: Maintenance.pinMessage === "wrong"
                          //% "Wrong PIN. %n attempt(s) left before the entry locks."
                          ? qsTrId("maintenance.pin.wrong", Maintenance.attemptsLeft)
                          : Maintenance.pinMessage === "locked"
                          //% "Too many wrong PINs. Try again in %1."
                          ? qsTrId("maintenance.pin.locked").arg(pad.duration(Maintenance.lockedSeconds))
                          : Maintenance.pinMessage === "card_unknown"
                          //% "This card is not a technician card."
                          ? qsTrId("maintenance.pin.card_unknown")
                          : Maintenance.pinMessage === "disabled"
                          //% "PIN entry is off on this terminal. Hold a technician card to the card reader."
                          ? qsTrId("maintenance.pin.disabled")
                          : ""
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.spacing

            GridLayout {
                Layout.fillWidth: true
                columns: 3
                rowSpacing: Math.round(Theme.spacing * 0.6)
                columnSpacing: Math.round(Theme.spacing * 0.6)
                visible: pad.usable  // while locked, the keys are gone: there is nothing to type
                Repeater {
                    model: [1, 2, 3, 4, 5, 6, 7, 8, 9]
                    KioskButton {
                        required property int modelData
                        objectName: "pinDigit" + modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.preferredHeight: Math.round(Theme.touchTarget * 1.15)
                        enabled: pad.usable
                        opacity: enabled ? 1 : 0.45
                        textSize: Theme.display
                        text: modelData
                        onClicked: Maintenance.pressDigit(modelData)
                    }
                }
                KioskButton {
                    objectName: "pinClear"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Math.round(Theme.touchTarget * 1.15)
                    enabled: pad.usable
                    opacity: enabled ? 1 : 0.45
                    //% "Clear"
                    text: qsTrId("maintenance.pin.clear")
                    onClicked: Maintenance.clearPin()
                }
                KioskButton {
                    objectName: "pinDigit0"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Math.round(Theme.touchTarget * 1.15)
                    enabled: pad.usable
                    opacity: enabled ? 1 : 0.45
                    textSize: Theme.display
                    text: "0"
                    onClicked: Maintenance.pressDigit(0)
                }
                KioskButton {
                    objectName: "pinDelete"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Math.round(Theme.touchTarget * 1.15)
                    enabled: pad.usable
                    opacity: enabled ? 1 : 0.45
                    iconName: "back"
                    //% "Delete"
                    text: qsTrId("maintenance.pin.delete")
                    onClicked: Maintenance.deleteDigit()
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskButton {
                    objectName: "pinCancel"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    quiet: true
                    iconName: "close"
                    //% "Cancel"
                    text: qsTrId("maintenance.cancel")
                    onClicked: Maintenance.cancel()
                }
                KioskButton {
                    objectName: "pinEnter"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    visible: pad.usable
                    enabled: Maintenance.pinDigits >= 4
                    opacity: enabled ? 1 : 0.45
                    primary: true
                    iconName: "ok"
                    //% "Enter"
                    text: qsTrId("maintenance.pin.enter")
                    onClicked: Maintenance.submitPin()
                }
            }
        }
    }
}
