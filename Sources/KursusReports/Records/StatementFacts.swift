import Foundation
import KursusCourse
import KursusRecords

/// Reads the xAPI statements of one course into `CourseRecords`, one statement at a
/// time, and counts what became of each (`StatementOutcome`, `StatementCounts`) so the
/// report can say what it could not use.
///
/// ```swift
/// var facts = StatementFacts(options: options)
/// for statement in source { _ = facts.add(statement.json, team: profile?.team, name: profile?.name) }
/// var reading = ReadingSummary(sources: sources)
/// facts.counts.add(to: &reading)
/// let report = ReportBuilder.build(records: facts.records, reading: reading, options: options)
/// ```
///
/// Every statement of docs/records.md's catalogue is understood; the course is recognised
/// by its activity id (`…/courses/<course>`) whatever the site's activity base, and the
/// Kursus extensions by the end of their keys (`…/extensions/attempt`). Statements about
/// units or questions the package lacks are counted as `notInCourse`; statements outside
/// `filters.since`/`until` as `filteredOut` (anonymous ones, dated by their week, when
/// the week does not overlap the period). Teams are not filtered here: a learner's team
/// may only be known from a later statement, so `ReportBuilder` filters learners.
///
/// The same statement id read twice is used once (`duplicate`).
public struct StatementFacts: Sendable {
    public private(set) var records = CourseRecords()
    public private(set) var counts = StatementCounts()

    let course: Course
    let filters: ReportFilters
    let activities: CourseActivityIDs
    let units: [String: CourseUnit]
    /// Question ids per quiz and survey unit.
    let questions: [String: Set<String>]
    var seen: Set<StatementKey> = []
    /// When each learner's team was last read from a statement; teams given by a profile
    /// are not in here and never replaced.
    var teamTimes: [String: Date] = [:]
    var profileTeams: Set<String> = []

    public init(package: CoursePackage, filters: ReportFilters = ReportFilters()) {
        course = package.course
        self.filters = filters
        activities = CourseActivityIDs(courseID: package.course.id)
        var units: [String: CourseUnit] = [:]
        for unit in package.course.allUnits where units[unit.id] == nil { units[unit.id] = unit }
        self.units = units
        var questions: [String: Set<String>] = [:]
        for (unitID, quiz) in package.quizzes where units[unitID]?.kind.isQuestionnaire == true {
            questions[unitID] = Set(quiz.questions.map(\.id))
        }
        self.questions = questions
    }

    public init(options: ReportOptions) {
        self.init(package: options.package, filters: options.filters)
    }

    /// Reads one statement (its JSON bytes). `team` and `name` are what a data
    /// directory's profile says about the statement's learner, when known; a profile's
    /// team wins over the `context.team` of statements.
    @discardableResult
    public mutating func add(_ statement: Data, team: String? = nil, name: String? = nil) -> StatementOutcome {
        let outcome = read(statement, team: team, name: name)
        counts.note(outcome)
        return outcome
    }

    mutating func read(_ data: Data, team profileTeam: String?, name: String?) -> StatementOutcome {
        let statement: ScannedStatement
        do {
            statement = try StatementScanner.scan(data)
        } catch {
            return .unreadable("not a JSON statement (\(error.message))")
        }
        if let id = statement.id {
            guard let key = StatementKey(id) else { return .unreadable("the statement id is not a UUID") }
            guard seen.insert(key).inserted else { return .duplicate }
        }
        let place = activities.place(objectID: statement.objectID, contextIDs: statement.contextActivityIDs)
        switch place {
        case .otherCourse: return .otherCourse
        case .unknown(let reason): return .unreadable(reason)
        default: break
        }
        if let problem = statement.typeProblem { return .unreadable("\(problem) has the wrong JSON type") }
        guard let verbID = statement.verbID, let verb = XAPIVerb(rawValue: verbID) else {
            return .unreadable("a verb Kursus does not send")
        }
        guard let timestamp = statement.timestamp, let time = StatementTime.timestamp(timestamp) else {
            return .unreadable("no valid timestamp")
        }
        guard let account = statement.actorName, !account.isEmpty else { return .unreadable("the actor has no account name") }
        let anonymous =
            statement.actorHomePage.map { CourseActivityIDs.utf8HasSuffix($0, "/anonymous") } == true
            && account.hasPrefix("anonymous-")
        if let missing = missingActivity(place) { return missing }
        if anonymous {
            guard filters.includesWeek(starting: XAPITimestamp.weekStart(time)) else { return .filteredOut }
            let outcome = recordAnonymous(statement, account: account, place: place, verb: verb, time: time)
            if outcome == .used, let version = statement.courseVersion { records.versionsSeen.insert(version) }
            return outcome
        }
        guard filters.includes(time) else { return .filteredOut }
        let known = records.learners[account] != nil
        let units = units
        let outcome = Self.record(
            statement, into: &records.learners[account, default: LearnerRecord(account: account)], place: place, verb: verb, time: time,
            units: units)
        guard outcome == .used else {
            if !known { records.learners[account] = nil }
            return outcome
        }
        var team: String?
        if let profileTeam {
            team = profileTeam
            profileTeams.insert(account)
        } else if let statementTeam = statement.team, !profileTeams.contains(account), teamTimes[account].map({ time >= $0 }) ?? true {
            team = statementTeam
            teamTimes[account] = time
        }
        Self.note(into: &records.learners[account, default: LearnerRecord(account: account)], time: time, team: team, name: name)
        if let version = statement.courseVersion, !records.versionsSeen.contains(version) { records.versionsSeen.insert(version) }
        return .used
    }

    static func note(into learner: inout LearnerRecord, time: Date, team: String?, name: String?) {
        learner.touch(time)
        learner.statements += 1
        if let team { learner.team = team }
        if let name { learner.name = name }
    }

    /// `notInCourse` for a unit the package lacks, or a question its quiz file lacks.
    func missingActivity(_ place: ActivityPlace) -> StatementOutcome? {
        switch place {
        case .unit(let unitID), .node(let unitID, _):
            return units[unitID] == nil ? .notInCourse(unitID: unitID, questionID: nil) : nil
        case .question(let unitID, let questionID):
            if units[unitID] == nil { return .notInCourse(unitID: unitID, questionID: nil) }
            return questions[unitID]?.contains(questionID) == true ? nil : .notInCourse(unitID: unitID, questionID: questionID)
        default:
            return nil
        }
    }

    /// A statement of an anonymous survey submission (opening, answer, submission).
    mutating func recordAnonymous(_ statement: ScannedStatement, account: String, place: ActivityPlace, verb: XAPIVerb, time: Date)
        -> StatementOutcome
    {
        let unitID: String
        switch place {
        case .unit(let id), .question(let id, _): unitID = id
        default: return .unreadable("an anonymous actor outside a survey")
        }
        guard units[unitID]?.kind == .survey else { return .unreadable("an anonymous actor outside a survey") }
        if case .unit = place, verb == .launched { return .used }  // An opening has a key of its own: nothing to keep.
        if let known = records.anonymousSubmissions[account]?.unitID, known != unitID {
            return .unreadable("one anonymous actor in two surveys")
        }
        let fresh = AnonymousSubmission(unitID: unitID, week: XAPITimestamp.weekStart(time))
        switch (place, verb) {
        case (.question(_, let questionID), .answered):
            guard let answer = Self.answer(statement, time: time) else { return .unreadable("an answer without a response") }
            records.anonymousSubmissions[account, default: fresh].answers[questionID, default: answer].replace(with: answer)
        case (.unit, .completed):
            records.anonymousSubmissions[account, default: fresh].submitted = true
        default:
            return .unreadable("a verb Kursus does not send about this activity")
        }
        return .used
    }

    static func answer(_ statement: ScannedStatement, time: Date) -> AnswerRecord? {
        guard let response = statement.response else { return nil }
        return AnswerRecord(
            response: response, scaled: statement.scaled, raw: statement.raw, maximum: statement.maximum, at: time,
            seconds: statement.duration.flatMap(StatementTime.seconds))
    }
}

extension ReportFilters {
    /// Whether the week that starts at `start` (how anonymous statements are dated)
    /// overlaps the period: it ends after `since` and starts before `until`.
    public func includesWeek(starting start: Date) -> Bool {
        if let since, start.addingTimeInterval(7 * 86400) <= since { return false }
        if let until, start >= until { return false }
        return true
    }
}
