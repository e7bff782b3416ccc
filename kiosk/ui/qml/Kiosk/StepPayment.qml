import QtQuick
import QtQuick.Layouts
import KioskBackend

// Paying the fee: the amount, the payment QR code the platform gave (scan it with a phone's payment app),
// or the citizen's own payment code on the scanner; waits for the platform's confirmation.
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    readonly property int fen: display.amount_fen || 0
    spacing: Theme.spacing

    Text {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        //% "Amount: ¥%1"
        text: qsTrId("flow.amount").arg((page.fen / 100).toFixed(2))
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.title
        font.bold: true
    }
    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        width: Math.min(page.width * 0.6, 560)
        height: width
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.outline
        border.width: 2
        Image {
            objectName: "paymentQr"
            anchors.fill: parent
            anchors.margins: Theme.spacing
            visible: !!page.display.qr
            source: page.display.qr ? "image://qr/" + encodeURIComponent(page.display.qr) : ""
            sourceSize: Qt.size(width, height)
            fillMode: Image.PreserveAspectFit
            smooth: false
        }
        Text {
            anchors.centerIn: parent
            visible: !page.display.qr
            //% "Preparing the payment…"
            text: qsTrId("flow.payment_preparing")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.body
        }
    }
    Text {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        //% "Scan the code with your phone's payment app, or hold your payment code under the scanner."
        text: qsTrId("flow.payment_how")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.body
        wrapMode: Text.WordWrap
    }
    Row {
        Layout.alignment: Qt.AlignHCenter
        spacing: Math.round(Theme.spacing / 2)
        visible: ServiceFlow.working
        BusyDots {}
        Text {
            //% "Waiting for the payment to be confirmed"
            text: qsTrId("flow.payment_waiting")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.body
        }
    }
    Item { Layout.fillHeight: true }
}
