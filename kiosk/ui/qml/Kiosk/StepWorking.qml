import QtQuick
import QtQuick.Layouts
import KioskBackend

// A step the terminal does while the citizen waits or acts on a device: read the ID card, take the photo,
// compare the face, capture fingerprints, print, open a locker door, submit. A big picture of what to do,
// the live instruction (the camera's "move closer", the locker's door number), and a sign of progress.
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    readonly property var icons: ({"read_id_card": "id-read", "photo_capture": "camera", "face_verify": "face",
                                   "fingerprint_capture": "fingerprint", "print": "printer",
                                   "locker_pickup": "door-open", "pickup_lookup": "qr-scan",
                                   "submit_application": "send", "take_ticket": "ticket", "record": "send",
                                   "sms_code": "sms", "payment": "payment"})
    spacing: Theme.spacing

    Item { Layout.fillHeight: true }
    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        width: Math.round(Theme.display * 3.2)
        height: width
        radius: width / 2
        color: Theme.primary
        KioskIcon {
            anchors.centerIn: parent
            name: page.icons[ServiceFlow.stepType] || "timer"
            color: Theme.inverseText
            size: Math.round(parent.width * 0.55)
        }
    }
    Text {  // a locker door's number, as big as possible
        objectName: "doorNumber"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        visible: page.display.door !== undefined && page.display.door !== null
        //% "Door %1"
        text: qsTrId("flow.door").arg(page.display.door)
        color: Theme.primary
        font.family: Theme.fontFamily
        font.pixelSize: Math.round(Theme.display * 1.6)
        font.bold: true
    }
    Text {  // the live instruction from the device (a flow id), e.g. "move a little closer"
        objectName: "liveInstruction"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        visible: text !== ""
        text: page.display.instruction ? qsTrId(page.display.instruction) : ""
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.heading
        font.bold: true
        wrapMode: Text.WordWrap
    }
    Text {  // progress counted, e.g. fingerprints: "left thumb 2 of 3"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        visible: page.display.progress !== undefined && page.display.progress !== null
        text: page.display.progress_text ? qsTrId(page.display.progress_text).arg(page.display.progress)
                                          .arg(page.display.progress_of || 0) : ""
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.body
    }
    BusyDots {
        Layout.alignment: Qt.AlignHCenter
        visible: ServiceFlow.working
    }
    Item { Layout.fillHeight: true }
}
