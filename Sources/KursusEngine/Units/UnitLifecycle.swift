import Foundation
import KursusCourse

/// How the player reaches the unit on screen: opening a unit of any kind, scoping each
/// event into its feature with a context, and lifting what the feature asks for. This is
/// the one place where a unit's record, bookmark and learning events return to the
/// learner's progress.
extension PlayerReducer {
    /// Opens a unit: records the opening, shows its screen and saves; back to the menu
    /// with the reason when it cannot open.
    static func open(_ state: inout PlayerState, _ unit: CourseUnit, resuming: Bool = false) -> [PlayerEffect] {
        if case .locked(let reason) = state.status(of: unit) {
            state.notice = .locked(unitID: unit.id, requirement: reason)
            return []
        }
        var context = makeContext(state, unit, resuming: resuming)
        if state.progress.record(unit.id) == nil { context.record.firstOpenedAt = state.now }
        context.record.opens = (context.record.opens ?? 0) + 1
        context.note(.unitOpened(unitID: unit.id, opening: context.record.opens ?? 1))
        switch UnitState.open(&context) {
        case .failure(let failure):
            return unitFailed(&state, unit, failure)
        case .success(let (unitState, effects)):
            state.screen = .unit(unitState)
            state.progress.bookmark = Bookmark(unitID: unit.id, scroll: context.bookmarkScroll ?? 0, inUnit: true)
            return lift(&state, context, effects + [.save])
        }
    }

    /// Scopes one event into the unit on screen and lifts its effects.
    static func toUnit(_ state: inout PlayerState, _ event: UnitEvent) -> [PlayerEffect] {
        guard case .unit(var unitState) = state.screen, let unit = state.course.unit(withID: unitState.unitID) else { return [] }
        var context = makeContext(state, unit)
        let effects = unitState.reduce(event, &context)
        state.screen = .unit(unitState)
        return lift(&state, context, effects)
    }

    static func makeContext(_ state: PlayerState, _ unit: CourseUnit, resuming: Bool = false) -> UnitContext {
        let bookmark = state.progress.bookmark.flatMap { $0.unitID == unit.id ? $0.scroll : nil }
        var context = UnitContext(
            unit: unit, content: state.content, viewport: state.viewport, now: state.now, timerScale: state.timerScale,
            resuming: resuming, record: state.progress.record(unit.id) ?? UnitRecord(outcome: .inProgress),
            bookmarkScroll: bookmark
        )
        context.answerGuard = state.answerGuard
        return context
    }

    /// Takes back the unit's record, bookmark and learning events, and carries out what it asked for.
    static func lift(_ state: inout PlayerState, _ context: UnitContext, _ effects: [UnitEffect]) -> [PlayerEffect] {
        let unitID = context.unit.id
        if (state.progress.record(unitID) ?? UnitRecord(outcome: .inProgress)) != context.record { state.progress.units[unitID] = context.record }
        if let scroll = context.bookmarkScroll {
            if state.progress.bookmark?.unitID == unitID {
                state.progress.bookmark?.scroll = max(0, scroll)
            } else {
                state.progress.bookmark = Bookmark(unitID: unitID, scroll: scroll, inUnit: true)
            }
        }
        let time = state.now ?? Date(timeIntervalSince1970: 0)
        state.unsavedEvents += context.events.map { LearningEvent(at: time, $0) }
        var saves = false
        for effect in effects {
            switch effect {
            case .save:
                saves = true
            case .leave:
                state.screen = .menu
                state.progress.bookmark = Bookmark(unitID: unitID, scroll: context.bookmarkScroll ?? 0, inUnit: false)
                saves = true
            case .notice(let notice):
                state.notice = notice
            }
        }
        return saves ? [save(&state)] : []
    }

    /// The unit could not be opened or shown: back to the menu with the reason.
    static func unitFailed(_ state: inout PlayerState, _ unit: CourseUnit, _ failure: UnitFailure) -> [PlayerEffect] {
        state.screen = .menu
        state.notice = .unitFailed(kind: unit.kind, message: failure.message)
        return []
    }
}
