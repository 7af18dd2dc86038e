import Foundation
import KursusEngine
import KursusRecords
import KursusReports
import KursusTestSupport
import Testing

/// LRSSource against a real Ralph LRS (one server for the suite; each test's statements
/// have timestamps of their own, and Ralph filters by timestamp).
@Suite(.ralph, .serialized) struct LRSSourceTests {
    typealias F = SourceFixtures

    /// A data directory with anna and bo from `start`, their statements posted to the LRS
    /// as `kursus sync` posts them.
    static func posted(_ root: URL, start: Date, client: LRSClient) throws -> (data: URL, statements: [PendingStatement]) {
        let data = root.appendingPathComponent("data")
        // Statement ids come from learner and place, not time: learners of their own per test.
        let tag = Int.random(in: 100_000..<1_000_000)
        let made =
            try F.learner("anna-\(tag)", team: "Afsnit 4", name: "Anna", in: data, start: start)
            + F.learner("bo-\(tag)", team: "Afsnit 5", name: "Bo", in: data, start: start.addingTimeInterval(3600))
        #expect(try client.postStatements(made.map(\.json)).storedIDs == made.map(\.id))
        return (data, made)
    }

    /// Since a week and a day before `start` (anonymous answers carry their week's
    /// Monday) until a day after.
    static func window(_ start: Date) -> (since: Date, until: Date) {
        (start.addingTimeInterval(-8 * 86_400), start.addingTimeInterval(86_400))
    }

    @Test("statements read back page by page in the form Kursus wrote them; since inclusive, the LRS's additions left out")
    func readsBackInKursusForm() throws {
        let ralph = try RalphScope.current()
        let root = try F.folder("lrs")
        defer { F.remove(root) }
        let start = F.uniqueStart()
        let (data, learners) = try Self.posted(root, start: start, client: try ralph.client())
        // A quiz attempt scored a third: a number that must come back with all its digits.
        let attempt = LearningEvent(
            at: start.addingTimeInterval(900),
            .attemptFinished(unitID: "teknik-tjek", attempt: 1, scorePercent: 100.0 / 3.0, passed: false, seconds: 95))
        let scored = try F.statements(learner: "cai-\(Int.random(in: 100_000..<1_000_000))", dataDirectory: data, events: [attempt])
        #expect(String(decoding: scored[0].json, as: UTF8.self).contains(#""scaled":0.3333333333333333"#))
        #expect(try ralph.client().postStatements(scored.map(\.json)).storedIDs == scored.map(\.id))
        let made = learners + scored

        let (since, until) = Self.window(start)
        let (statements, log) = F.read(LRSSource(client: try ralph.client(), since: since, until: until, pageSize: 5))
        #expect(log.complete && log.problems.isEmpty)
        #expect(F.byID(statements) == F.byID(made))

        // What the LRS itself returns differs: it adds stored, authority and version.
        let raw = try ralph.client().statements(LRSStatementQuery(since: since, until: until, limit: 100))
        #expect(raw.count == made.count)
        for fetched in raw {
            let object = try #require(try JSONSerialization.jsonObject(with: fetched.json) as? [String: Any])
            #expect(object["stored"] is String && object["authority"] != nil)
            #expect(LRSSource.kursusForm(fetched.json) == F.byID(made)[fetched.id])
        }

        // anna's events are at +0, +10, +200, +230, the anonymous answer on its Monday,
        // and +600; bo's from +3600. From +200 (inclusive) until +600: three of anna's.
        let narrow = F.read(LRSSource(client: try ralph.client(), since: start.addingTimeInterval(200), until: start.addingTimeInterval(600)))
        #expect(Set(narrow.statements.map { $0.id.uuidString.lowercased() }) == Set([made[2].id, made[3].id, made[5].id]))
    }

    @Test("the same records via data directory, transfer file, store and LRS: the same ids and bytes, each counted once")
    func everySourceGivesTheSameStatements() throws {
        let ralph = try RalphScope.current()
        let root = try F.folder("four-ways")
        defer { F.remove(root) }
        let start = F.uniqueStart()
        let (data, made) = try Self.posted(root, start: start, client: try ralph.client())
        let transfer = root.appendingPathComponent("afsnit.kursus-records")
        try F.export(data, to: transfer)
        let store = root.appendingPathComponent("records")
        try F.importFile(transfer, into: store)
        let (since, until) = Self.window(start)
        let sources: [any StatementSource] = [
            DataDirectorySource(directory: data, courseID: "digital-kompetence"), TransferFileSource(file: transfer),
            RecordStoreSource(folder: store),
            LRSSource(client: try ralph.client(), since: since, until: until, pageSize: 3),
        ]
        for source in sources {
            let (statements, log) = F.read(source)
            #expect(log.complete, "\(source.location)")
            #expect(statements.count == made.count, "\(source.location)")
            #expect(F.byID(statements) == F.byID(made), "\(source.location)")
        }

        let (learners, _) = LearnerDirectory.read(dataDirectories: [data])
        var teams: [String?] = []
        let summary = ReportReading.read(sources.reversed(), learners: learners) { teams.append($0.team) }
        // The transfer file's 12 pass on unchecked (the fact parser drops them as repeats).
        #expect(teams.count == 24)
        #expect(teams.filter { $0 == "Afsnit 4" }.count == 10 && teams.filter { $0 == "Afsnit 5" }.count == 10)
        #expect(summary.statementsRead == 48 && summary.duplicates == 24 && summary.complete)
        #expect(summary.sources.first == SourceSummary(kind: .lrs, location: try LRSAddress(ralph.url).description, statements: 12, complete: true))
    }

    @Test("an LRS that stops answering part-way: a problem naming it and how far reading got; the rest is kept")
    func lrsStopsPartWay() throws {
        let ralph = try RalphScope.current()
        let root = try F.folder("lrs-stop")
        defer { F.remove(root) }
        let start = F.uniqueStart()
        let (_, made) = try Self.posted(root, start: start, client: try ralph.client())
        let (since, until) = Self.window(start)
        let source = LRSSource(client: try ralph.client(), since: since, until: until, pageSize: 5)

        var consumed: [Data] = []
        var stopped = false
        defer { if stopped { try? ralph.restart() } }
        let summary = ReportReading.read([source], concurrently: false) { statement in
            consumed.append(statement.statement)
            if !stopped {
                stopped = true
                try? ralph.stop()
            }
        }
        #expect(stopped)
        #expect(consumed.count == 5)
        #expect(Set(consumed).isSubset(of: Set(made.map(\.json))))
        #expect(summary.sources == [SourceSummary(kind: .lrs, location: source.location, statements: 5, complete: false)])
        #expect(summary.problems.count == 1)
        #expect(summary.problems[0].hasPrefix("the LRS at \(source.location) stopped answering after 5 statements in 1 page: "))
        #expect(summary.problems[0].hasSuffix("; the report shows what was read"))
        try ralph.restart()
        stopped = false
        // Running again once it answers reads everything.
        #expect(F.read(source).statements.count == made.count)
    }
}
