import Foundation
import KursusCourse
import KursusEngine

/// One learner's way through the course as the engine's learning events, in course
/// order: sessions spread over weeks on weekdays, units opened, lessons read, quizzes
/// answered and retried, surveys, scenario runs. Some learners stop early (one in
/// five or so, some in the middle of a unit), a few never start.
struct LearnerJourney {
    let package: CoursePackage
    let design: CohortDesign
    var random: CohortRandom
    let traits: LearnerTraits
    var clock: Date
    var events: [LearningEvent] = []
    var session = 0
    var sessionStart: Date
    var unitsLeftInSession = 0
    var openings: [String: Int] = [:]

    static func events(for learner: CohortLearner, teamIndex: Int, package: CoursePackage, design: CohortDesign, options: CohortOptions)
        -> [LearningEvent]
    {
        var random = CohortRandom(seed: options.seed, "learner", learner.number)
        let traits = LearnerTraits(&random)
        if traits.neverStarts { return [] }
        let plan = package.course.allUnits.filter { !$0.optional || random.chance(traits.curiosity) }
        let stopsBefore = random.chance(0.22) && plan.count > 1 ? random.int(1...(plan.count - 1)) : nil
        // Each team starts a week after the one before; learners on a weekday of that week.
        let first = Self.workTime(day: options.start.addingTimeInterval(Double(teamIndex * 7 + random.int(0...4)) * 86_400), &random)
        var journey = LearnerJourney(package: package, design: design, random: random, traits: traits, clock: first, sessionStart: first)
        journey.beginSession()
        for (index, unit) in plan.enumerated() {
            if let stopsBefore, index >= stopsBefore {
                if journey.random.chance(0.5) { _ = journey.play(unit, partly: true) }
                break
            }
            if journey.unitsLeftInSession <= 0 { journey.nextSession() }
            guard journey.play(unit, partly: false) else { break }
            journey.unitsLeftInSession -= 1
        }
        journey.endSession()
        return journey.events
    }

    // MARK: - Sessions and the clock

    mutating func emit(_ kind: LearningEvent.Kind) {
        events.append(LearningEvent(at: clock, kind))
    }

    mutating func wait(_ seconds: Int) {
        clock = clock.addingTimeInterval(Double(seconds) + Double(random.int(0...999)) / 1000)
    }

    mutating func beginSession() {
        session += 1
        sessionStart = clock
        unitsLeftInSession = random.int(1...4)
        emit(.sessionLaunched(session: session))
        wait(random.int(15...60))
    }

    mutating func endSession() {
        wait(random.int(10...90))
        emit(.sessionEnded(session: session, seconds: max(0, Int(clock.timeIntervalSince(sessionStart).rounded(.down)))))
    }

    /// Ends the session and begins the next one a few working days later.
    mutating func nextSession() {
        endSession()
        clock = Self.workTime(day: clock.addingTimeInterval(Double(random.int(1...6)) * 86_400), &random)
        beginSession()
    }

    /// A moment between 07:00 and 14:00 UTC (08:00–15:00 in Denmark) on `day`, moved to the
    /// Monday after when `day` falls on a weekend.
    static func workTime(day: Date, _ random: inout CohortRandom) -> Date {
        var days = Int((day.timeIntervalSince1970 / 86_400).rounded(.down))
        let weekday = (days + 3) % 7  // 1970-01-01 was a Thursday; 0 is Monday
        if weekday >= 5 { days += 7 - weekday }
        return Date(timeIntervalSince1970: Double(days) * 86_400 + 7 * 3_600 + Double(random.int(0...25_200)))
    }

    mutating func open(_ unit: CourseUnit) {
        let opening = (openings[unit.id] ?? 0) + 1
        openings[unit.id] = opening
        emit(.unitOpened(unitID: unit.id, opening: opening))
        wait(random.int(5...40))
    }

    // MARK: - Units

    /// Plays a unit; `partly` stops in its middle (the learner's last unit). False when the
    /// learner gets stuck here and goes no further (a required quiz failed too often).
    mutating func play(_ unit: CourseUnit, partly: Bool) -> Bool {
        switch unit.kind {
        case .lesson:
            open(unit)
            let minutes = Double(unit.estimatedMinutes ?? 8) * (0.5 + random.unit())
            wait(Int(minutes * 60))
            if !partly { emit(.lessonCompleted(unitID: unit.id)) }
            return true
        case .quiz, .survey:
            guard let quiz = package.quizzes[unit.id] else { return true }
            open(unit)
            return quiz.isScored && unit.kind == .quiz ? playQuiz(unit, quiz, partly: partly) : playSurvey(unit, quiz, partly: partly)
        case .scenario:
            guard let scenario = package.scenarios[unit.id] else { return true }
            open(unit)
            playScenario(unit, scenario, partly: partly)
            return true
        }
    }
}
