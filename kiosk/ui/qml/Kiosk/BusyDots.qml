import QtQuick

// Three dots that pulse in turn: something is happening, please wait.
Row {
    id: dots
    property color color: Theme.primary
    property int size: Math.round(Theme.body * 0.6)
    spacing: Math.round(size / 2)
    property int lit: 0
    Timer { interval: 400; running: dots.visible; repeat: true; onTriggered: dots.lit = (dots.lit + 1) % 3 }
    Repeater {
        model: 3
        Rectangle {
            required property int index
            width: dots.size; height: dots.size; radius: dots.size / 2
            color: dots.color
            opacity: index === dots.lit ? 1.0 : 0.3
        }
    }
}
