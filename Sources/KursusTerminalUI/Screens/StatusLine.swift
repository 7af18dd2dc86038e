import KursusCourse
import KursusEngine

/// The right end of the key-hint line: a notice or a failed save, when there is one.
/// A failed save stays until a save succeeds, so the learner knows work is at risk.
enum StatusLine {
    static func text(_ state: PlayerState, _ context: ScreenContext) -> String? {
        // A failed save has lines of its own (`SaveFailureView`), so it is never cut here.
        switch state.notice {
        case let .unitFailed(kind, message)?:
            let key: L10nKey =
                switch kind {
                case .lesson: .noticeLessonFailed
                case .quiz: .noticeQuizFailed
                case .survey: .noticeSurveyFailed
                case .scenario: .noticeScenarioFailed
                }
            return context.strings(key, ["message": message])
        case .locked(_, let reason)?:
            return context.strings(.noticeLocked, ["requirement": requirement(reason, state, context, menu: false)])
        case .reloaded?: return context.strings(.noticeReloaded)
        case .scenarioRestarted?: return context.strings(.noticeScenarioRestarted)
        case nil: return problems(state, context)
        }
    }

    /// "2 errors, 1 warning · e: list" while a change in preview `--watch` could not be loaded.
    static func problems(_ state: PlayerState, _ context: ScreenContext) -> String? {
        guard !state.problems.isEmpty else { return nil }
        let errors = state.problems.errors.count
        let warnings = state.problems.warnings.count
        let counts = [
            errors > 0 ? context.strings(.problemsErrors, count: errors) : nil,
            warnings > 0 ? context.strings(.problemsWarnings, count: warnings) : nil,
        ].compactMap { $0 }.joined(separator: ", ")
        return context.strings(.problemsStatus, ["counts": counts])
    }

    /// "↑ 12 waiting" while learning records wait for the LRS (with "offline" when it
    /// could not be reached); nothing when all are sent or no LRS is set up.
    static func records(_ state: PlayerState, _ context: ScreenContext) -> String? {
        guard let records = state.records, records.waiting > 0 else { return nil }
        let key: L10nKey = records.offline ? .recordsWaitingOffline : .recordsWaiting
        return context.symbols.upload + " " + context.strings(key, count: records.waiting)
    }

    /// "kræver 1.2" in the menu, "enhed 1.2" in a notice: units by their number, modules by theirs.
    static func requirement(_ reason: PrerequisiteGraph.Reason, _ state: PlayerState, _ context: ScreenContext, menu: Bool) -> String {
        let strings = context.strings
        switch reason {
        case .unit(let id), .sequence(let id):
            let number = unitNumber(id, in: state.course)
            return menu ? strings(.menuRequiresUnit, ["number": number]) : strings(.noticeUnit, ["number": number])
        case .module(let id):
            let number = (state.course.modules.firstIndex { $0.id == id }).map { "\($0 + 1)" } ?? id
            return menu ? strings(.menuRequiresModule, ["number": number]) : strings(.noticeModule, ["number": number])
        }
    }

    /// A unit's number as the menu shows it, e.g. "1.3".
    static func unitNumber(_ unitID: String, in course: Course) -> String {
        for (m, module) in course.modules.enumerated() {
            if let u = module.units.firstIndex(where: { $0.id == unitID }) { return "\(m + 1).\(u + 1)" }
        }
        return unitID
    }

    static func style(_ state: PlayerState) -> CellStyle {
        if state.notice == .reloaded { return CellStyle(.success, .bold) }
        if state.notice != nil { return CellStyle(.warning, .bold) }
        if state.problems.hasErrors { return CellStyle(.danger, .bold) }
        if !state.problems.isEmpty { return CellStyle(.warning, .bold) }
        return .muted
    }
}
