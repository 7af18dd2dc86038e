import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusRecords
import KursusReports
import Testing

/// Learning records written by the real code paths, for the source tests: statements
/// from the `StatementBuilder` over the bundled course, journals appended with
/// `OutboxJournal`, profiles added with `LearnerRegistry`, transfer files from
/// `OutboxExport` (what `kursus export` runs), stores filled by `RecordStore.importFile`
/// (what `kursus import` runs).
enum SourceFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let package: CoursePackage? = try? CoursePackage.open(
        repository.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1"), shownAs: "digital-kompetence"
    ).0

    static func course() throws -> CoursePackage {
        try #require(package, "the bundled course opens")
    }

    /// A fresh folder under the temporary directory.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-report-\(name)-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// One learner's events at `start` onwards: a session with a lesson read, one
    /// self-assessment answer, and an anonymous evaluation answer.
    static func events(start: Date, session: Int = 1) -> [LearningEvent] {
        [
            LearningEvent(at: start, .sessionLaunched(session: session)),
            LearningEvent(at: start.addingTimeInterval(10), .unitOpened(unitID: "forberedelse", opening: session)),
            LearningEvent(at: start.addingTimeInterval(200), .lessonCompleted(unitID: "forberedelse")),
            LearningEvent(
                at: start.addingTimeInterval(230),
                .questionAnswered(
                    unitID: "selvvurdering-start", attempt: session, questionID: "kender-digitale-loesninger", answer: .likert(3), seconds: 12)),
            LearningEvent(
                at: start.addingTimeInterval(260),
                .questionAnswered(unitID: "evaluering", attempt: session, questionID: "relevans", answer: .likert(4), seconds: 7)),
            LearningEvent(at: start.addingTimeInterval(600), .sessionEnded(session: session, seconds: 600)),
        ]
    }

    /// The statements the player makes for `learner` in `dataDirectory` (with its config
    /// and site secret, made if missing as the player does).
    static func statements(learner: String, dataDirectory: URL, start: Date, session: Int = 1) throws -> [PendingStatement] {
        try statements(learner: learner, dataDirectory: dataDirectory, events: events(start: start, session: session))
    }

    /// The statements the player makes for these events.
    static func statements(learner: String, dataDirectory: URL, events: [LearningEvent]) throws -> [PendingStatement] {
        let package = try course()
        let config = try WorkstationConfig.load(dataDirectory: dataDirectory)
        let builder = StatementBuilder(
            course: package.course, quizzes: package.quizzes, scenarios: package.scenarios, learnerID: learner,
            settings: RecordSettings(config: config, dataDirectory: dataDirectory), siteSecret: try SiteSecret.load(dataDirectory: dataDirectory))
        return events.flatMap(builder.statements(for:))
    }

    /// Adds the learner's profile and appends their statements to the outbox journal, as
    /// the player does; returns the statements.
    @discardableResult
    static func learner(
        _ id: String, team: String?, name: String, in dataDirectory: URL, start: Date, session: Int = 1, profile: Bool = true
    ) throws -> [PendingStatement] {
        if profile, try LearnerRegistry(dataDirectory: dataDirectory).profile(id: id) == nil {
            try LearnerRegistry(dataDirectory: dataDirectory).add(id: id, displayName: name, team: team, pin: nil, now: start)
        }
        let made = try statements(learner: id, dataDirectory: dataDirectory, start: start, session: session)
        try OutboxJournal(dataDirectory: dataDirectory, learner: id).append(
            made.map { OutboxStatement(id: $0.id, json: String(decoding: $0.json, as: UTF8.self)) })
        return made
    }

    /// `kursus export --all` of the data directory into `file`.
    static func export(_ dataDirectory: URL, to file: URL) throws {
        _ = try OutboxExport.export(
            dataDirectory: dataDirectory, learners: nil, includeHandled: true, to: file, overwrite: true, kursusVersion: "0.1.0", now: Date())
    }

    /// `kursus import` of `file` into the store at `store`.
    static func importFile(_ file: URL, into store: URL) throws {
        let records = try RecordStore.open(store)
        defer { records.close() }
        _ = try records.importFile(try TransferReader.open(file), source: file.lastPathComponent, now: Date())
    }

    /// What a source hands over: id and bytes of each statement, in order, and its log.
    static func read(_ source: any StatementSource) -> (statements: [(id: UUID, json: Data)], log: SourceLog) {
        var log = SourceLog(location: source.location)
        var statements: [(id: UUID, json: Data)] = []
        source.read(&log) { id, json in
            // A source that leaves lines unchecked (a transfer file) gives no id: read it here.
            guard let id = id ?? (try? ReadOnlyDataDirectory.statementID(json).get()) else {
                Issue.record("a statement without a readable id")
                return
            }
            statements.append((id, json))
        }
        return (statements, log)
    }

    /// Statement id (lowercase text) → bytes.
    static func byID(_ statements: [PendingStatement]) -> [String: Data] {
        Dictionary(statements.map { ($0.id, $0.json) }, uniquingKeysWith: { first, _ in first })
    }

    static func byID(_ statements: [(id: UUID, json: Data)]) -> [String: Data] {
        Dictionary(statements.map { ($0.id.uuidString.lowercased(), $0.json) }, uniquingKeysWith: { first, _ in first })
    }

    /// Writes `text` to `url`, making folders.
    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func append(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// A moment no other test uses (Ralph's store is shared by a suite's tests and
    /// filtered by statement timestamps): a random whole second in 2031–2040.
    static func uniqueStart() -> Date {
        Date(timeIntervalSince1970: 1_924_992_000 + Double(Int.random(in: 0..<300_000_000)))
    }
}
