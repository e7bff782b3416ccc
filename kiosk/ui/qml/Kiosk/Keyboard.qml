import QtQuick
import QtQuick.Window
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import KioskBackend

// Qt Virtual Keyboard: pinyin for Chinese (English one key away), the digits layout for number fields.
InputPanel {
    id: panel
    objectName: "keyboard"
    width: parent ? parent.width : 0
    Component.onCompleted: {
        // Pinyin learns from what is typed. On a public terminal that would offer one citizen's name to
        // the next, so what it learns lives in a folder of this process that is removed when it stops.
        if (Window.window && Window.window.keyboardDataPath)
            VirtualKeyboardSettings.userDataPath = Window.window.keyboardDataPath
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = Shell.language === "zh" ? "zh_CN" : "en_US"
    }
    Connections {
        target: Shell
        function onLanguageChanged() {
            VirtualKeyboardSettings.locale = Shell.language === "zh" ? "zh_CN" : "en_US"
        }
    }
}
