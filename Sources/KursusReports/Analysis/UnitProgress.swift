import Foundation
import KursusCourse

/// How far one learner got in one unit, read from their `UnitRecord`: what the cohort's
/// funnel, time on task and "stuck" figures count.
struct UnitProgress: Sendable, Equatable {
    /// Opened, or anything recorded in the unit.
    var started: Bool
    /// A lesson read to its end, a quiz or survey attempt submitted, a scenario run ended.
    var completed: Bool
    /// A quiz attempt passed, a scenario run passed; nil for a unit that cannot be passed.
    var passed: Bool?
    /// Failed quiz attempts or failed scenario runs.
    var failed: Int
    /// Time on task in seconds (see `UnitProgress.init`); nil when there is none to tell.
    var seconds: Double?

    /// Whether the unit counts as done for "where is the learner stuck": passed for a
    /// quiz, completed for every other kind.
    var done: Bool
}

/// The course's units in order, with what can be asked of each.
struct UnitPlan: Sendable {
    var unit: CourseUnit
    var moduleID: String
    /// A quiz with scored questions, or a scenario with a `pass` rule.
    var canPass: Bool
    /// A survey whose file says `anonymous: true`: its answers are never joined to a
    /// learner, so no learner's progress can include it.
    var anonymous: Bool
    /// Counts for a learner's progress: not optional, not anonymous.
    var required: Bool { !unit.optional && !anonymous }

    static func plans(_ package: CoursePackage) -> [UnitPlan] {
        package.course.modules.flatMap { module in
            module.units.map { unit in
                let canPass: Bool =
                    switch unit.kind {
                    case .quiz: package.quizzes[unit.id]?.isScored ?? true
                    case .scenario: package.scenarios[unit.id]?.pass != nil
                    case .lesson, .survey: false
                    }
                let anonymous = unit.kind == .survey && package.quizzes[unit.id]?.anonymous == true
                return UnitPlan(unit: unit, moduleID: module.id, canPass: canPass, anonymous: anonymous)
            }
        }
    }
}

extension UnitProgress {
    /// The longest a lesson reading counts: a lesson left open over lunch says nothing
    /// about reading time.
    static let lessonCap: Double = 2 * 3600

    /// One learner's progress in one unit.
    ///
    /// Time on task, per learner and unit, in seconds:
    /// - a quiz or survey: the sum of the durations of the submitted attempts (the active
    ///   time the player measures: keys pressed in the last 3 minutes);
    /// - a scenario: the sum of the durations of the runs that reached an ending (the
    ///   call clock);
    /// - a lesson: Kursus sends no duration for a lesson, so it is the time from the
    ///   last opening before the lesson was first completed to that completion, at most
    ///   2 hours; nil when no opening precedes the completion.
    init(_ record: UnitRecord?, plan: UnitPlan) {
        guard let record else {
            self.init(started: false, completed: false, passed: plan.canPass ? false : nil, failed: 0, seconds: nil, done: false)
            return
        }
        let started = !record.openings.isEmpty || record.completedAt != nil || !record.attempts.isEmpty || !record.runs.isEmpty
        var completed = false
        var passed = false
        var failed = 0
        var seconds: Double?
        switch plan.unit.kind {
        case .lesson:
            if let done = record.completedAt {
                completed = true
                if let opened = record.openings.filter({ $0 <= done }).max() {
                    seconds = min(done.timeIntervalSince(opened), Self.lessonCap)
                }
            }
        case .quiz, .survey:
            for attempt in record.attempts.values {
                guard let finished = attempt.finished else { continue }
                completed = true
                if finished.success == true { passed = true }
                if finished.success == false { failed += 1 }
                if let time = finished.seconds { seconds = (seconds ?? 0) + time }
            }
        case .scenario:
            for run in record.runs.values {
                guard let ending = run.ending else { continue }
                completed = true
                if ending.success == true { passed = true }
                if ending.success == false { failed += 1 }
                if let time = ending.seconds { seconds = (seconds ?? 0) + time }
            }
        }
        let done = plan.unit.kind == .quiz && plan.canPass ? passed : completed
        self.init(
            started: started || completed, completed: completed, passed: plan.canPass ? passed : nil, failed: failed, seconds: seconds,
            done: done)
    }
}
