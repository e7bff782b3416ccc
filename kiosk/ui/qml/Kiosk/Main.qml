import QtQuick
import QtQuick.Window
import KioskBackend

// The kiosk's one window: full screen and frameless on a terminal, a screen at a time, the idle countdown
// and notices above it, the on-screen keyboard below it.
Window {
    id: window
    objectName: "kioskWindow"
    property bool kioskFullScreen: true
    property bool keyboardEnabled: false   // set after the first frame: the keyboard costs start-up time
    property string keyboardDataPath: ""   // a private folder for what the pinyin engine learns
    readonly property var current: notice.active ? notice.item
                                  : idle.active ? idle.item
                                  : screens.item

    visibility: kioskFullScreen ? Window.FullScreen : Window.Windowed
    flags: Qt.Window | Qt.FramelessWindowHint
    color: Theme.background
    title: "Kiosk"
    visible: true

    // Nothing closes the kiosk from the screen or the keyboard; it stops only as a service.
    onClosing: (close) => { close.accepted = false }

    function announce() {
        if (current && current.prompt)
            Shell.say(current.prompt)
    }

    Item {
        id: content
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: keyboard.item && keyboard.item.active ? keyboard.top : parent.bottom

        Loader {
            id: screens
            objectName: "screens"
            anchors.fill: parent
            sourceComponent: Shell.screen === "catalogue" ? catalogueScreen
                           : Shell.screen === "service" ? serviceScreen
                           : Shell.screen === "flow" ? flowScreen
                           : attractScreen
            onLoaded: Qt.callLater(window.announce)
        }
        Loader {
            id: idle
            anchors.fill: parent
            active: Shell.idleWarning
            sourceComponent: IdleDialog {}
            onLoaded: Qt.callLater(window.announce)
        }
        Loader {
            id: notice
            anchors.fill: parent
            active: Shell.notice !== ""
            sourceComponent: NoticeDialog { notice: Shell.notice }
            onLoaded: Qt.callLater(window.announce)
        }
        Loader {  // maintenance: the technician's PIN pad and board, or "out of service" for citizens
            id: maintenance
            objectName: "maintenanceLoader"
            anchors.fill: parent
            readonly property string page: Maintenance.screen === "pin" ? "PinPad.qml"
                : Maintenance.screen === "board" ? "MaintenanceScreen.qml"
                : Shell.outOfService && Shell.screen === "attract" ? "OutOfServiceScreen.qml" : ""
            active: page !== ""
            source: page
        }
    }

    Rectangle {  // the keyboard's strip, edge to edge, when it is narrower than the screen
        visible: keyboard.item && keyboard.item.active
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: keyboard.height
        color: "#2b3538"
    }
    Loader {
        id: keyboard
        objectName: "keyboardLoader"
        active: window.keyboardEnabled
        asynchronous: true
        // Full width in portrait; centred and narrower in landscape, so the screen above it stays usable.
        width: Math.min(parent.width, Math.round(parent.height * 1.25))
        x: Math.round((parent.width - width) / 2)
        y: item && item.active ? parent.height - item.height : parent.height
        source: "Keyboard.qml"
    }

    Loader {  // simulated runs only: the developer panel, above everything a citizen sees
        anchors.fill: parent
        active: DevPanel.enabled
        source: "DevPanel.qml"
    }

    Component { id: attractScreen; AttractScreen {} }
    Component { id: catalogueScreen; CatalogueScreen {} }
    Component { id: serviceScreen; ServiceScreen {} }
    Component { id: flowScreen; FlowScreen {} }

    Connections {
        target: Shell
        function onLanguageChanged() { Qt.callLater(window.announce) }
    }
}
