import QtQuick
import QtQuick.Layouts
import KioskBackend

// A service in progress: the service and "step n of m" on top, the current step's screen in the middle,
// and always a way out below (back where it makes sense, cancel always). One step screen per step type.
Rectangle {
    id: screen
    objectName: "flowScreen"
    readonly property string prompt: ServiceFlow.stepPrompt ? qsTrId(ServiceFlow.stepPrompt) : ""
    color: Theme.background

    Connections {
        target: ServiceFlow
        function onStepChanged() { if (screen.prompt) Shell.say(screen.prompt) }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {  // the service, and where the citizen is in it
            Layout.fillWidth: true
            implicitHeight: head.implicitHeight + Theme.spacing * 1.5
            color: Theme.primary
            ColumnLayout {
                id: head
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: Theme.spacing * 1.5
                anchors.rightMargin: Theme.spacing * 1.5
                spacing: Math.round(Theme.spacing * 0.4)
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    KioskIcon {
                        name: ServiceFlow.serviceIcon || "hall"
                        color: Theme.inverseText
                        size: Math.round(Theme.heading * 1.3)
                    }
                    Text {
                        Layout.fillWidth: true
                        text: ServiceFlow.serviceTitle ? qsTrId(ServiceFlow.serviceTitle) : ""
                        color: Theme.inverseText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.heading
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Text {
                        objectName: "stepIndicator"
                        visible: ServiceFlow.stepCount > 0 && ServiceFlow.stepNumber > 0
                        //% "Step %1 of %2"
                        text: qsTrId("flow.step_of").arg(ServiceFlow.stepNumber).arg(ServiceFlow.stepCount)
                        color: Theme.inverseText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.small
                    }
                }
                Row {  // one segment per counted step
                    Layout.fillWidth: true
                    spacing: 6
                    visible: ServiceFlow.stepCount > 1
                    Repeater {
                        model: ServiceFlow.stepCount
                        Rectangle {
                            required property int index
                            width: (head.width - (ServiceFlow.stepCount - 1) * 6) / Math.max(1, ServiceFlow.stepCount)
                            height: 10
                            radius: 5
                            color: index < ServiceFlow.stepNumber ? Theme.inverseText : Qt.rgba(1, 1, 1, 0.3)
                        }
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.rightMargin: Theme.spacing * 1.5
            Layout.topMargin: Theme.spacing
            spacing: Math.round(Theme.spacing * 0.5)

            Text {
                objectName: "stepTitle"
                Layout.fillWidth: true
                text: ServiceFlow.stepTitle ? qsTrId(ServiceFlow.stepTitle) : ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.prompt
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
                wrapMode: Text.WordWrap
            }
            Rectangle {  // a refused input: what is wrong, in one sentence
                objectName: "stepError"
                Layout.fillWidth: true
                visible: ServiceFlow.error !== ""
                implicitHeight: errorText.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: "#fdecea"
                border.color: Theme.attention
                border.width: 2
                Text {
                    id: errorText
                    anchors.fill: parent
                    anchors.margins: Math.round(Theme.spacing / 2)
                    text: ServiceFlow.error ? qsTrId(ServiceFlow.error) : ""
                    color: Theme.attention
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    wrapMode: Text.WordWrap
                    verticalAlignment: Text.AlignVCenter
                }
            }
            Loader {
                id: step
                objectName: "stepLoader"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.topMargin: Math.round(Theme.spacing / 2)
                sourceComponent: ServiceFlow.working && ServiceFlow.stepType !== "payment" ? working
                               : ({"identity_entry": fields, "phone_entry": fields, "address_entry": fields,
                                   "form_fill": fields, "sms_code": fields, "feedback": fields,
                                   "choice": choice, "notice": notice, "rating": rating,
                                   "summary": summary, "info_pages": pages, "payment": payment})[ServiceFlow.stepType]
                                 || working
            }
        }

        BottomBar { Layout.fillWidth: true; inFlow: true }
    }

    Component { id: fields; StepFields {} }
    Component { id: choice; StepChoice {} }
    Component { id: notice; StepNotice {} }
    Component { id: rating; StepRating {} }
    Component { id: summary; StepSummary {} }
    Component { id: pages; StepPages {} }
    Component { id: payment; StepPayment {} }
    Component { id: working; StepWorking {} }
}
