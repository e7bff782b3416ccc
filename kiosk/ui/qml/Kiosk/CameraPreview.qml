import QtQuick

// The camera's live picture on the photo and face screens: the newest frame, mirrored as a looking glass,
// with the oval the face belongs in and a box around each face found (green: the photo can be taken).
// The pictures are made on the camera preview's own timer (kiosk/ui/camera_preview.py) and fetched from
// the "camera" image provider; this item only says while it is on screen.
Rectangle {
    id: preview
    required property var camera
    objectName: "cameraPreview"
    color: "#1a1a1a"
    radius: Theme.radius
    clip: true

    Image {
        objectName: "cameraPicture"
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing / 4)
        fillMode: Image.PreserveAspectFit
        cache: false
        smooth: true
        source: preview.camera.frame > 0 ? "image://camera/" + preview.camera.frame : ""
    }
    Component.onCompleted: preview.camera.acquire()
    Component.onDestruction: preview.camera.release()
}
