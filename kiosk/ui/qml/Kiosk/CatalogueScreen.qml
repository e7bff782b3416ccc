import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as T
import KioskBackend

// Services grouped by department. A search field (pinyin keyboard) narrows the list.
Rectangle {
    id: screen
    objectName: "catalogueScreen"
    //% "Please choose a service. You can also search for one."
    readonly property string prompt: qsTrId("prompt.catalogue")
    readonly property bool landscape: width > height
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar { Layout.fillWidth: true }

        // The title and the network state side by side when they fit, the state below the title when not.
        GridLayout {
            id: heading
            // While typing on a landscape screen, the keyboard needs the room more than the title does.
            visible: !(screen.landscape && Qt.inputMethod.visible)
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            columns: title.implicitWidth + chip.implicitWidth + 3 * Theme.spacing > screen.width ? 1 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Math.round(Theme.spacing * 0.5)
            Text {
                id: title
                Layout.fillWidth: true
                //% "Choose a service"
                text: qsTrId("catalogue.title")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
            }
            NetworkState { id: chip; objectName: "networkState" }
        }

        KioskTextField {
            id: search
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.topMargin: heading.visible ? 0 : Theme.spacing
            Layout.leftMargin: Theme.spacing
            Layout.rightMargin: Theme.spacing
            //% "Search, for example: ID card"
            placeholderText: qsTrId("catalogue.search")
            text: Shell.search
            onTextEdited: Shell.setSearch(text)
        }

        Flickable {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacing
            clip: true
            contentHeight: sections.implicitHeight + Theme.spacing
            boundsBehavior: Flickable.StopAtBounds

            Column {
                id: sections
                x: Theme.spacing
                width: list.width - 2 * Theme.spacing
                spacing: Theme.spacing

                Text {
                    objectName: "noMatch"
                    visible: Shell.departments.length === 0
                    width: parent.width
                    //% "No service matches. Try another word, or clear the search."
                    text: qsTrId("catalogue.no_match")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    wrapMode: Text.WordWrap
                }

                Repeater {
                    model: Shell.departments
                    delegate: Column {
                        id: section
                        required property var modelData
                        width: sections.width
                        spacing: Math.round(Theme.spacing * 0.6)

                        Row {
                            spacing: Math.round(Theme.small * 0.4)
                            KioskIcon {
                                anchors.verticalCenter: parent.verticalCenter
                                name: section.modelData.icon
                                color: Theme.primary
                                size: Math.round(Theme.heading * 1.1)
                            }
                            Text {
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTrId(section.modelData.title)
                                color: Theme.primary
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.heading
                                font.bold: true
                            }
                        }
                        Grid {
                            id: grid
                            columns: screen.landscape ? 3 : (Theme.large ? 1 : 2)
                            spacing: Math.round(Theme.spacing * 0.6)
                            width: parent.width
                            Repeater {
                                model: section.modelData.services
                                delegate: ServiceTile {
                                    required property var modelData
                                    service: modelData
                                    width: (grid.width - (grid.columns - 1) * grid.spacing) / grid.columns
                                }
                            }
                        }
                    }
                }
            }
        }

        BottomBar { Layout.fillWidth: true }
    }
}
