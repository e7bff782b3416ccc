import QtQuick
import QtQuick.Layouts
import KioskBackend

// Always within reach: the way back, the language, large text and voice.
Rectangle {
    id: bar
    property bool showBack: true
    property bool dark: false
    property bool inFlow: false   // in a service: back one step (where allowed) and cancel the service

    implicitHeight: Theme.touchTarget + Theme.spacing * 1.5
    color: dark ? "transparent" : Theme.surface
    Rectangle {
        visible: !bar.dark
        anchors.top: parent.top
        width: parent.width
        height: 2
        color: Theme.outline
    }

    // Five equal buttons, icon above a short label, so they fit a 1080 px portrait screen in large text too.
    readonly property int labelSize: Math.round(30 * Math.min(Theme.scale, 1.15))

    RowLayout {
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing * 0.75)
        spacing: Math.round(Theme.spacing * 0.5)

        Item { Layout.fillWidth: true; visible: !bar.showBack }
        KioskButton {
            objectName: "backButton"
            visible: bar.showBack && (!bar.inFlow || ServiceFlow.canBack)
            iconName: "back"
            textSize: bar.labelSize
            stacked: true
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.maximumWidth: 320
            //% "Back"
            text: qsTrId("bar.back")
            onClicked: bar.inFlow ? ServiceFlow.back() : Shell.back()
        }
        KioskButton {
            objectName: "homeButton"
            visible: bar.showBack
            iconName: bar.inFlow ? "close" : "home"
            textSize: bar.labelSize
            stacked: true
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.maximumWidth: 320
            text: bar.inFlow
                  //% "Cancel"
                  ? qsTrId("bar.cancel")
                  //% "Home"
                  : qsTrId("bar.home")
            onClicked: bar.inFlow ? ServiceFlow.cancel() : Shell.endSession("cancelled")
        }
        Item { Layout.fillWidth: true; visible: bar.showBack; Layout.maximumWidth: Theme.spacing }
        KioskButton {
            objectName: "languageButton"
            quiet: bar.dark
            iconName: "language"
            textSize: bar.labelSize
            stacked: true
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.maximumWidth: 320
            // The button names the other language, in that language.
            //% "中文"
            text: qsTrId("bar.other_language")
            onClicked: Shell.toggleLanguage()
        }
        KioskButton {
            objectName: "largeTextButton"
            quiet: bar.dark
            primary: Shell.largeText && !bar.dark
            iconName: "large-text"
            textSize: bar.labelSize
            stacked: true
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.maximumWidth: 320
            //% "Large text"
            text: qsTrId("bar.large_text")
            onClicked: Shell.toggleLargeText()
        }
        KioskButton {
            objectName: "muteButton"
            quiet: bar.dark
            iconName: Shell.muted ? "voice-off" : "voice"
            textSize: bar.labelSize
            stacked: true
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.maximumWidth: 320
            text: Shell.muted
                  //% "Muted"
                  ? qsTrId("bar.muted")
                  //% "Voice on"
                  : qsTrId("bar.voice_on")
            onClicked: Shell.toggleMute()
        }
        Item { Layout.fillWidth: true; visible: !bar.showBack }
    }
}
