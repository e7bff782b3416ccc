import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import KioskBackend

// Qt Virtual Keyboard: pinyin for Chinese (English one key away), the digits layout for number fields.
InputPanel {
    id: panel
    objectName: "keyboard"
    Component.onCompleted: {
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
