import QtQuick
import QtQuick.Layouts
import KioskBackend

// A step the terminal does while the citizen waits or acts on a device: read the ID card, take the photo,
// compare the face, capture fingerprints, print, open a locker door, submit. A big picture of what to do,
// the live instruction (the camera's "move closer", the locker's door number), and a sign of progress.
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    // The camera's live picture replaces the icon on the photo and face steps of a kiosk with a camera
    // (KioskApp.attach_camera sets kioskCamera; the screens of a kiosk without one never look it up).
    readonly property var camera: typeof kioskCamera === "undefined" ? null : kioskCamera
    readonly property bool filming: camera !== null
                                    && (ServiceFlow.stepType === "photo_capture" || ServiceFlow.stepType === "face_verify")
    // the liveness challenge the face check waits for ("blink"): asked for as long as it is open
    readonly property string challenge: filming && ServiceFlow.stepType === "face_verify" ? camera.challenge : ""
    readonly property var icons: ({"read_id_card": "id-read", "photo_capture": "camera", "face_verify": "face",
                                   "fingerprint_capture": "fingerprint", "print": "printer",
                                   "locker_pickup": "door-open", "pickup_lookup": "qr-scan",
                                   "submit_application": "send", "take_ticket": "ticket", "record": "send",
                                   "sms_code": "sms", "payment": "payment"})
    // The camera's instructions (drivers/face/compliance.py Instruction), one short sentence each.
    readonly property var instructions: ({
        //% "Please stand in front of the camera"
        "no_face": qsTrId("camera.no_face"),
        //% "One person at a time, please"
        "one_person_only": qsTrId("camera.one_person_only"),
        //% "Move a little closer"
        "move_closer": qsTrId("camera.move_closer"),
        //% "Move back a little"
        "move_back": qsTrId("camera.move_back"),
        //% "Move to the middle of the picture"
        "move_to_center": qsTrId("camera.move_to_center"),
        //% "Look straight at the camera"
        "look_straight": qsTrId("camera.look_straight"),
        //% "Keep your eyes open"
        "open_eyes": qsTrId("camera.open_eyes"),
        //% "It is too dark; step closer to the light"
        "too_dark": qsTrId("camera.too_dark"),
        //% "Too bright; step out of the glare"
        "too_bright": qsTrId("camera.too_bright"),
        //% "The light on your face is uneven"
        "uneven_light": qsTrId("camera.uneven_light"),
        //% "Stand in front of the plain background"
        "plain_background": qsTrId("camera.plain_background"),
        //% "Hold still"
        "hold_still": qsTrId("camera.hold_still"),
        //% "Blink slowly, please"
        "blink": qsTrId("camera.blink")
    })
    spacing: Theme.spacing

    Item { Layout.fillHeight: true }
    Loader {
        objectName: "cameraPreviewLoader"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: Math.min(page.width, 900)
        Layout.preferredHeight: Math.round(Layout.preferredWidth * 9 / 16)
        active: page.filming
        visible: active
        sourceComponent: Component { CameraPreview { camera: page.camera } }
    }
    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        visible: !page.filming
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
    Text {  // what to do now: "place your card", "move a little closer", "lift your finger"
        objectName: "liveInstruction"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        visible: text !== ""
        text: page.challenge ? (page.instructions[page.challenge] || "")
              : page.display.instruction ? (page.instructions[page.display.instruction] || "")
              : page.display.prompt ? qsTrId("progress." + page.display.prompt) : ""
        color: page.display.prompt === "poor_quality" ? Theme.attention : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.heading
        font.bold: true
        wrapMode: Text.WordWrap
    }
    Text {  // fingerprints: which finger, which of the three presses
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        visible: !!page.display.finger
        //% "%1: press %2 of %3"
        text: page.display.finger ? qsTrId("flow.finger_scan").arg(qsTrId("finger." + page.display.finger))
                                    .arg(page.display.scan).arg(page.display.of) : ""
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
