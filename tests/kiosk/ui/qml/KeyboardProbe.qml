import QtQuick
import QtQuick.VirtualKeyboard

// Presses virtual keys through the keyboard's own input engine, as a finger on the on-screen keys would.
QtObject {
    function type(text) {
        for (const ch of text)
            InputContext.inputEngine.virtualKeyClick(ch.toUpperCase().charCodeAt(0), ch, 0)
    }
    function candidates() {
        const model = InputContext.inputEngine.wordCandidateListModel
        const words = []
        for (let i = 0; i < model.count; i++)
            words.push(model.dataAt(i, 0))
        return words
    }
    function choose(index) { InputContext.inputEngine.wordCandidateListModel.selectItem(index) }
    function locale() { return InputContext.locale }
    function inputMode() { return InputContext.inputEngine.inputMode }
}
