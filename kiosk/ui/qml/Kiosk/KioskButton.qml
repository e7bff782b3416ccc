import QtQuick
import QtQuick.Controls.Basic as T

// A large touch button: at least Theme.touchTarget high, an optional icon, text that says what happens.
T.Button {
    id: control
    property string iconName: ""
    property bool primary: false
    property bool quiet: false        // on a coloured background: outlined in white
    property int textSize: Theme.body
    property bool stacked: false      // icon above the text: for a row of many buttons

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, row.implicitWidth + 2 * Theme.spacing)
    font.family: Theme.fontFamily
    font.pixelSize: textSize

    contentItem: Item {
        implicitWidth: row.implicitWidth
        implicitHeight: row.implicitHeight
        Grid {
            id: row
            anchors.centerIn: parent
            columns: control.stacked ? 1 : 2
            spacing: Math.round(control.textSize * (control.stacked ? 0.15 : 0.4))
            horizontalItemAlignment: Grid.AlignHCenter
            verticalItemAlignment: Grid.AlignVCenter
            KioskIcon {
                visible: control.iconName !== ""
                name: control.iconName
                size: Math.round(control.textSize * 1.3)
                color: label.color
            }
            Text {
                id: label
                text: control.text
                font: control.font
                color: control.quiet ? Theme.inverseText
                     : control.primary ? Theme.inverseText
                     : control.enabled ? Theme.primary : Theme.disabled
            }
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.quiet ? (control.down ? Qt.rgba(1, 1, 1, 0.25) : "transparent")
             : control.primary ? (control.down ? Theme.primaryDark : Theme.primary)
             : (control.down ? Theme.background : Theme.surface)
        border.width: control.primary ? 0 : (Theme.large ? 4 : 3)
        border.color: control.quiet ? Theme.inverseText : (control.enabled ? Theme.primary : Theme.outline)
    }
}
