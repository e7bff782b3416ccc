import QtQuick

// Translation ids that Python uses (department titles in flows/catalogue.py, receipt labels in
// kiosk/flow_printing.py), written out here so that lupdate finds them and their text lives in
// assets/i18n/kiosk_*.ts; the services' own titles are in flows_*.ts.
QtObject {
    readonly property var ids: [
        //% "Public security"
        QT_TRID_NOOP("dept.public_security"),
        //% "Social security and medical insurance"
        QT_TRID_NOOP("dept.social_security"),
        //% "General services"
        QT_TRID_NOOP("dept.general"),
        // printed on every receipt (kiosk/flow_printing.py)
        //% "Printed at"
        QT_TRID_NOOP("field.printed_at")
    ]
}
