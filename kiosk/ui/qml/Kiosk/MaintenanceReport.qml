import QtQuick
import QtQuick.Layouts
import KioskBackend

// The readiness report: every self-test run, then saved (here, or to a USB stick) or printed on the
// receipt printer. Each way says what it did, or what to do next.
Rectangle {
    id: panel
    objectName: "reportPanel"
    implicitHeight: body.implicitHeight + Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.outline
    border.width: 2

    component Outcome: Text {
        property bool fault: false
        Layout.fillWidth: true
        wrapMode: Text.WrapAnywhere
        color: fault ? Theme.attention : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.small
        font.bold: fault
    }

    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing * 0.5)
        spacing: Math.round(Theme.spacing * 0.5)

        KioskButton {
            objectName: "printReport"
            Layout.fillWidth: true
            enabled: Maintenance.printState !== "running"
            iconName: "printer"
            textSize: Theme.small
            //% "Print the report on the receipt printer"
            text: qsTrId("maintenance.report.print")
            onClicked: Maintenance.printReport()
        }
        Outcome {
            objectName: "printState"
            visible: Maintenance.printState !== ""
            fault: Maintenance.printState === "failed"
            text: Maintenance.printState === "running"
                  //% "Running the self-tests, then printing…"
                  ? qsTrId("maintenance.report.printing")
                  : Maintenance.printState === "printed"
                  //% "Printed on %1: take the slip from the printer."
                  ? qsTrId("maintenance.report.printed").arg(Maintenance.printMessage)
                  //% "The report could not be printed: %1. Fix the printer (see its card above) and print again."
                  : qsTrId("maintenance.report.print_failed").arg(Maintenance.printMessage)
        }
        KioskButton {
            objectName: "exportReport"
            Layout.fillWidth: true
            enabled: Maintenance.exportState !== "running"
            iconName: "send"
            textSize: Theme.small
            //% "Save the report to a USB stick"
            text: qsTrId("maintenance.report.usb")
            onClicked: Maintenance.findMedia()
        }
        Repeater {
            model: Maintenance.exportState === "choose" ? Maintenance.media : []
            KioskButton {
                required property var modelData
                required property int index
                objectName: "exportTo_" + index
                Layout.fillWidth: true
                textSize: Theme.small
                //% "Save to %1"
                text: qsTrId("maintenance.report.save_to").arg(modelData.label)
                onClicked: Maintenance.exportReport(modelData.path)
            }
        }
        Outcome {
            objectName: "exportState"
            visible: Maintenance.exportState !== "" && Maintenance.exportState !== "choose"
            fault: Maintenance.exportState === "failed" || Maintenance.exportState === "none"
            text: Maintenance.exportState === "none"
                  //% "No USB stick found. Plug one in, wait a few seconds, and press again."
                  ? qsTrId("maintenance.report.no_usb")
                  : Maintenance.exportState === "running"
                  //% "Running the self-tests, then saving…"
                  ? qsTrId("maintenance.report.saving")
                  : Maintenance.exportState === "written"
                  //% "Saved on the stick: %1. You can take the stick out now."
                  ? qsTrId("maintenance.report.saved_usb").arg(Maintenance.exportPath)
                  : qsTrId("maintenance.report.failed").arg(Maintenance.exportPath)
        }
        KioskButton {
            objectName: "writeReport"
            Layout.fillWidth: true
            enabled: Maintenance.reportState !== "running"
            iconName: "summary"
            textSize: Theme.small
            //% "Run every self-test and save the report (JSON and HTML)"
            text: qsTrId("maintenance.report.write")
            onClicked: Maintenance.writeReport()
        }
        Outcome {
            objectName: "reportState"
            visible: Maintenance.reportState !== ""
            fault: Maintenance.reportState === "failed"
            text: Maintenance.reportState === "running"
                  //% "Running the self-tests…"
                  ? qsTrId("maintenance.report.running")
                  : Maintenance.reportState === "written"
                  //% "Saved: %1"
                  ? qsTrId("maintenance.report.written").arg(Maintenance.reportPath)
                  //% "The report could not be saved: %1"
                  : qsTrId("maintenance.report.failed").arg(Maintenance.reportPath)
        }
    }
}
