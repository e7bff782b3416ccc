import QtQuick

// One of assets/icons, drawn in any colour by the `icon` image provider.
Image {
    id: icon
    required property string name
    property color color: "#000000"
    property int size: 48
    width: size
    height: size
    sourceSize: Qt.size(size, size)
    source: name ? "image://icon/" + name + "/" + color : ""
    fillMode: Image.PreserveAspectFit
    smooth: true
}
