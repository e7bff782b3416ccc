pragma Singleton
import QtQuick
import KioskBackend

// Sizes and colours of the whole shell. Large-text mode (one touch, for older citizens) scales type and
// touch targets up and switches to a higher-contrast palette.
QtObject {
    readonly property bool large: Shell.largeText
    readonly property real scale: large ? 1.4 : 1.0

    readonly property string fontFamily: "Noto Sans CJK SC"

    // type sizes in pixels, for a 1080 px wide portrait screen
    readonly property int display: Math.round(76 * scale)
    readonly property int title: Math.round(56 * scale)
    readonly property int heading: Math.round(44 * scale)
    readonly property int body: Math.round(36 * scale)
    readonly property int small: Math.round(30 * scale)

    readonly property int touchTarget: Math.round(128 * scale)   // never below 120 px
    readonly property int spacing: Math.round(32 * Math.min(scale, 1.2))
    readonly property int radius: 24

    // colours: government blue, white cards, one red for attention
    readonly property color primary: large ? "#002b6b" : "#0b4ea2"
    readonly property color primaryDark: large ? "#001a40" : "#083a7a"
    readonly property color inverseText: "#ffffff"
    readonly property color background: large ? "#ffffff" : "#eef3f9"
    readonly property color surface: "#ffffff"
    readonly property color text: large ? "#000000" : "#1a2330"
    readonly property color textMuted: large ? "#1a1a1a" : "#4c5867"
    readonly property color outline: large ? "#000000" : "#c9d4e2"
    readonly property color attention: "#c62828"
    readonly property color ok: "#1b7f3b"
    readonly property color disabled: large ? "#5a5a5a" : "#8a95a3"
}
