import QtQuick
import QtQuick.Layouts
import KioskBackend

// One choice among a few: a large button each (reason for a new card, locker or post, ...).
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    spacing: Theme.spacing

    Repeater {
        model: page.display.options || []
        KioskButton {
            required property var modelData
            objectName: "option_" + modelData.id
            Layout.fillWidth: true
            implicitHeight: Math.round(Theme.touchTarget * 1.3)
            textSize: Theme.heading
            primary: page.display.selected === modelData.id
            text: qsTrId(modelData.label)
            onClicked: {
                var data = {}
                data[page.display.key] = modelData.id
                ServiceFlow.submit(modelData.id, data)
            }
        }
    }
    Item { Layout.fillHeight: true }
}
