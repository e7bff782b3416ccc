import QtQuick

// The translation ids that data files use (assets/catalogue/placeholder.toml), written out here so that
// lupdate finds them and their text lives in assets/i18n/*.ts like every other string.
QtObject {
    readonly property var ids: [
        //% "Public security"
        QT_TRID_NOOP("dept.public_security"),
        //% "Social security and medical insurance"
        QT_TRID_NOOP("dept.social_security"),
        //% "General services"
        QT_TRID_NOOP("dept.general"),
        //% "Replace a lost ID card"
        QT_TRID_NOOP("service.id_card_replace"),
        //% "Collect a document from a locker"
        QT_TRID_NOOP("service.id_card_pickup"),
        //% "Social security records"
        QT_TRID_NOOP("service.social_security_query"),
        //% "Medical insurance balance"
        QT_TRID_NOOP("service.medical_insurance_query"),
        //% "Queue ticket"
        QT_TRID_NOOP("service.queue_ticket"),
        //% "ID photo"
        QT_TRID_NOOP("service.id_photo"),
        //% "Help with a form"
        QT_TRID_NOOP("service.form_help")
    ]
}
