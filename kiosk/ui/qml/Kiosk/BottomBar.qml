import QtQuick
import QtQuick.Layouts
import KioskBackend

// Always within reach: the way back, the language, large text and voice.
Rectangle {
    id: bar
    property bool showBack: true
    property bool dark: false

    implicitHeight: Theme.touchTarget + Theme.spacing * 1.5
    color: dark ? "transparent" : Theme.surface
    Rectangle {
        visible: !bar.dark
        anchors.top: parent.top
        width: parent.width
        height: 2
        color: Theme.outline
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing * 0.75)
        spacing: Math.round(Theme.spacing * 0.5)

        KioskButton {
            objectName: "backButton"
            visible: bar.showBack
            iconName: "back"
            textSize: Theme.small
            //% "Back"
            text: qsTrId("bar.back")
            onClicked: Shell.back()
        }
        KioskButton {
            objectName: "homeButton"
            visible: bar.showBack
            iconName: "home"
            textSize: Theme.small
            //% "Home"
            text: qsTrId("bar.home")
            onClicked: Shell.endSession("cancelled")
        }
        Item { Layout.fillWidth: true }
        KioskButton {
            objectName: "languageButton"
            quiet: bar.dark
            iconName: "language"
            textSize: Theme.small
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
            textSize: Theme.small
            //% "Large text"
            text: qsTrId("bar.large_text")
            onClicked: Shell.toggleLargeText()
        }
        KioskButton {
            objectName: "muteButton"
            quiet: bar.dark
            iconName: Shell.muted ? "voice-off" : "voice"
            textSize: Theme.small
            text: Shell.muted
                  //% "Muted"
                  ? qsTrId("bar.muted")
                  //% "Voice on"
                  : qsTrId("bar.voice_on")
            onClicked: Shell.toggleMute()
        }
    }
}
