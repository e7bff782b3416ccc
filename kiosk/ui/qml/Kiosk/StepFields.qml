import QtQuick
import QtQuick.Layouts
import KioskBackend

// Typing in: an ID number, a name, a phone number, an address, an SMS code, a form's fields, feedback.
// Each field opens the keyboard it needs (digits, or pinyin for Chinese text); "Next" hands them over.
Flickable {
    id: page
    readonly property var display: ServiceFlow.display
    property var matter: ""  // feedback: which matter could not be done
    contentHeight: column.implicitHeight
    clip: true

    function collect() {
        var data = {}
        for (var i = 0; i < inputs.count; ++i) {
            var row = inputs.itemAt(i)
            data[row.fieldId] = row.value
        }
        if (display.matters)
            data["matter"] = page.matter
        return data
    }

    ColumnLayout {
        id: column
        width: page.width
        spacing: Theme.spacing

        Text {  // an SMS code: where it was sent, masked
            Layout.fillWidth: true
            visible: !!page.display.phone
            //% "A code was sent to %1."
            text: qsTrId("flow.sms_sent_to").arg(page.display.phone || "")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.body
            wrapMode: Text.WordWrap
        }
        Flow {  // feedback: what could not be done
            Layout.fillWidth: true
            visible: !!page.display.matters
            spacing: Math.round(Theme.spacing / 2)
            Repeater {
                model: page.display.matters || []
                KioskButton {
                    required property var modelData
                    objectName: "matter_" + modelData.id
                    text: qsTrId(modelData.label)
                    primary: page.matter === modelData.id
                    onClicked: page.matter = modelData.id
                }
            }
        }
        Repeater {
            id: inputs
            model: page.display.fields || []
            ColumnLayout {
                required property var modelData
                required property int index
                readonly property string fieldId: modelData.id
                readonly property string value: input.text
                Layout.fillWidth: true
                spacing: Math.round(Theme.spacing / 4)
                Text {
                    text: qsTrId(modelData.label)
                          //% "(optional)"
                          + (modelData.optional ? " " + qsTrId("flow.optional") : "")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    font.bold: true
                }
                KioskTextField {
                    id: input
                    objectName: "field_" + modelData.id
                    Layout.fillWidth: true
                    text: modelData.value || ""
                    digits: modelData.keyboard === "digits"
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                      | (modelData.keyboard === "digits" ? Qt.ImhDigitsOnly
                                         : modelData.keyboard === "id" ? Qt.ImhPreferNumbers | Qt.ImhPreferUppercase
                                         : Qt.ImhNone)
                    onAccepted: index + 1 < inputs.count ? inputs.itemAt(index + 1).focusInput()
                                                        : next.clicked()
                }
                function focusInput() { input.forceActiveFocus() }
            }
        }
        KioskButton {
            id: next
            objectName: "nextButton"
            Layout.alignment: Qt.AlignRight
            Layout.topMargin: Theme.spacing
            primary: true
            iconName: "next"
            //% "Next"
            text: qsTrId("flow.next")
            onClicked: ServiceFlow.submit("ok", page.collect())
        }
    }
}
