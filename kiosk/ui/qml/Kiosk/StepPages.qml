import QtQuick
import QtQuick.Layouts
import KioskBackend

// Sample filled forms to look at, one page at a time, with big previous / next buttons.
ColumnLayout {
    id: page
    readonly property var display: ServiceFlow.display
    readonly property var pages: display.pages || []
    property int current: 0
    spacing: Theme.spacing

    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.outline
        border.width: 2
        Flickable {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            contentHeight: body.implicitHeight
            clip: true
            Column {
                id: body
                width: parent.width
                spacing: Theme.spacing
                Text {
                    width: parent.width
                    text: page.pages.length ? qsTrId(page.pages[page.current].title) : ""
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.heading
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "pageBody"
                    width: parent.width
                    text: page.pages.length ? qsTrId(page.pages[page.current].body) : ""
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    lineHeight: 1.3
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        KioskButton {
            objectName: "prevPage"
            enabled: page.current > 0
            iconName: "prev"
            //% "Previous"
            text: qsTrId("flow.previous")
            onClicked: page.current -= 1
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: (page.current + 1) + " / " + page.pages.length
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.body
        }
        KioskButton {
            objectName: "nextPage"
            primary: page.current + 1 >= page.pages.length
            iconName: page.current + 1 < page.pages.length ? "next" : "ok"
            text: page.current + 1 < page.pages.length
                  ? qsTrId("flow.next")
                  //% "Done"
                  : qsTrId("flow.done")
            onClicked: page.current + 1 < page.pages.length ? page.current += 1 : ServiceFlow.submit("ok", {})
        }
    }
}
