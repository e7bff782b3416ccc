import QtQuick
import KioskBackend

// The hidden way into maintenance mode: a long press (3 s) on the screen's top-left corner opens the
// technician's PIN pad. A short touch there is an ordinary touch: it reaches whatever lies below.
MouseArea {
    objectName: "maintenanceCorner"
    width: 180
    height: 180
    pressAndHoldInterval: 3000
    propagateComposedEvents: true
    onClicked: (mouse) => { mouse.accepted = false }
    onPressAndHold: Maintenance.openPinPad()
}
