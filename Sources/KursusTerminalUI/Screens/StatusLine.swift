import KursusEngine

/// The right end of the key-hint line: a notice or a failed save, when there is one.
/// A failed save stays until a save succeeds, so the learner knows work is at risk.
enum StatusLine {
    static func text(_ state: PlayerState, _ context: ScreenContext) -> String? {
        if case .failed(let message) = state.saveStatus {
            return context.strings(.saveFailed, ["message": message])
        }
        switch state.notice {
        case .lessonFailed(let message)?: return context.strings(.noticeLessonFailed, ["message": message])
        case .unsupportedUnit(let kind)?: return context.strings(.noticeUnsupported, ["kind": kind])
        case nil: return nil
        }
    }

    static func style(_ state: PlayerState) -> CellStyle {
        if case .failed = state.saveStatus { return CellStyle(.danger, [.bold, .reverse]) }
        if state.notice != nil { return CellStyle(.warning, .bold) }
        return .muted
    }
}
