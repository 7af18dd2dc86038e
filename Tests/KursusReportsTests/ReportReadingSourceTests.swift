import Foundation
import KursusRecords
import KursusReports
import Testing

@Suite("ReportReading: sources read in turn, each statement once, problems kept with their place")
struct ReportReadingSourceTests {
    typealias F = SourceFixtures
    static let start = Date(timeIntervalSince1970: 1_773_651_600)  // 2026-03-16T09:00:00Z

    @Test("the same records through a data directory, a transfer file and a store: the same statements, counted once")
    func sameRecordsThreeWays() throws {
        let root = try F.folder("three-ways")
        defer { F.remove(root) }
        let data = root.appendingPathComponent("data")
        let made =
            try F.learner("anna", team: "Afsnit 4", name: "Anna", in: data, start: Self.start)
            + F.learner("bo", team: "Afsnit 5", name: "Bo", in: data, start: Self.start.addingTimeInterval(3600))
        let transfer = root.appendingPathComponent("afsnit.kursus-records")
        try F.export(data, to: transfer)
        let store = root.appendingPathComponent("records")
        try F.importFile(transfer, into: store)
        let sources: [any StatementSource] = [
            DataDirectorySource(directory: data, courseID: "digital-kompetence"), TransferFileSource(file: transfer),
            RecordStoreSource(folder: store),
        ]

        // Each source alone: exactly the same ids with exactly the same bytes.
        for source in sources {
            let (statements, log) = F.read(source)
            #expect(log.complete, "\(source.location)")
            #expect(F.byID(statements) == F.byID(made), "\(source.location)")
        }

        let (learners, _) = LearnerDirectory.read(dataDirectories: [data])
        var consumed: [ReadStatement] = []
        let summary = ReportReading.read(sources, learners: learners) { consumed.append($0) }
        // The data directory's and the store's statements come with checked ids and each
        // is passed on once; the transfer file's lines come unchecked (the fact parser reads
        // every statement anyway) and pass on, for the fact parser to drop as repeats.
        #expect(consumed.map(\.statement) == made.map(\.json) + made.map(\.json))
        #expect(summary.statementsRead == 36)
        #expect(summary.duplicates == 12)
        var facts = StatementFacts(options: ReportOptions(package: try F.course()))
        let outcomes = consumed.map { facts.add($0.statement, team: $0.team, name: $0.name) }
        #expect(outcomes.filter { $0 == .duplicate }.count == 12)
        #expect(facts.counts.duplicates == 12)
        #expect(summary.problems.isEmpty)
        #expect(summary.complete)
        #expect(
            summary.sources == [
                SourceSummary(kind: .dataDirectory, location: data.path, statements: 12, complete: true),
                SourceSummary(kind: .transfer, location: transfer.path, statements: 12, complete: true),
                SourceSummary(kind: .store, location: store.path, statements: 12, complete: true),
            ])
        // Read on the caller's thread alone: the same statements in the same order, the same summary.
        var sequential: [ReadStatement] = []
        let sequentialSummary = ReportReading.read(sources, learners: learners, concurrently: false) { sequential.append($0) }
        #expect(sequential.map(\.statement) == consumed.map(\.statement))
        #expect(sequential.map(\.team) == consumed.map(\.team))
        #expect(sequentialSummary == summary)
        // Read from the store first, the statements still carry the profiles' teams.
        var fromStore: [ReadStatement] = []
        _ = ReportReading.read([RecordStoreSource(folder: store)], learners: learners) { fromStore.append($0) }
        #expect(fromStore.map(\.team) == consumed.prefix(12).map(\.team))
        #expect(fromStore.filter { $0.team == "Afsnit 5" }.count == 5)
    }

    @Test("a damaged source gives a problem; the sources after it are still read")
    func goesOnAfterADamagedSource() throws {
        let root = try F.folder("goes-on")
        defer { F.remove(root) }
        let data = root.appendingPathComponent("data")
        let made = try F.learner("anna", team: nil, name: "Anna", in: data, start: Self.start)
        let transfer = root.appendingPathComponent("afsnit.kursus-records")
        try F.export(data, to: transfer)
        let bytes = try Data(contentsOf: transfer)
        try bytes.prefix(100).write(to: transfer)
        let store = root.appendingPathComponent("no-store")

        var consumed: [Data] = []
        let summary = ReportReading.read(
            [TransferFileSource(file: transfer), RecordStoreSource(folder: store), DataDirectorySource(directory: data, courseID: nil)]
        ) { consumed.append($0.statement) }
        #expect(consumed == made.map(\.json))
        #expect(!summary.complete)
        #expect(summary.sources.map(\.complete) == [false, false, true])
        #expect(summary.problems.count == 2)
        #expect(summary.problems[0].hasPrefix("transfer file \(transfer.path)"))
        #expect(summary.problems[1] == "record store \(store.path) could not be read to the end: \(store.path) does not exist")
    }

    @Test("a statement's actor is found in Kursus's compact form and in any other form; other accounts match nobody")
    func actorForms() {
        var directory = LearnerDirectory()
        directory.add(LearnerDirectory.Learner(id: "anna", team: "Afsnit 4", name: "Anna"), homePage: "https://kursus.invalid", accountName: "anna")
        directory.add(
            LearnerDirectory.Learner(id: "soeren", team: "Afsnit 5", name: "Søren"), homePage: "https://kursus.invalid", accountName: "sø/x")
        let compact = #"{"actor":{"account":{"homePage":"https://kursus.invalid","name":"anna"},"objectType":"Agent"},"id":"x"}"#
        let reordered = #"{"id":"x","actor":{"objectType":"Agent","account":{"name":"anna","homePage":"https://kursus.invalid"}}}"#
        let escaped = #"{"actor":{"account":{"homePage":"https:\/\/kursus.invalid","name":"s\u00f8\/x"}}}"#
        let otherSite = #"{"actor":{"account":{"homePage":"https://other.example","name":"anna"}}}"#
        let cut = #"{"actor":{"account":{"homePage":"https://kursus.invalid","na"#
        #expect(directory.learner(of: Data(compact.utf8))?.team == "Afsnit 4")
        #expect(directory.learner(of: Data(reordered.utf8))?.name == "Anna")
        #expect(directory.learner(of: Data(escaped.utf8))?.id == "soeren")
        #expect(directory.learner(of: Data(otherSite.utf8)) == nil)
        #expect(directory.learner(of: Data(cut.utf8)) == nil)
        // The first data directory that knows an account wins.
        directory.add(LearnerDirectory.Learner(id: "anna", team: "Elsewhere"), homePage: "https://kursus.invalid", accountName: "anna")
        #expect(directory.learner(of: Data(compact.utf8))?.team == "Afsnit 4")
    }

    @Test("a source's problems are kept up to 20, the rest counted")
    func problemsAreCapped() {
        var log = SourceLog(location: "/data")
        for line in 1...25 { log.problem("/data/x.jsonl:\(line): not valid JSON") }
        #expect(!log.complete)
        #expect(log.messages.count == 21)
        #expect(log.messages[19] == "/data/x.jsonl:20: not valid JSON")
        #expect(log.messages[20] == "/data: 5 more problems like those above")
        var notes = SourceLog(location: "/data")
        notes.problem("a torn last line", incomplete: false)
        #expect(notes.complete && notes.messages == ["a torn last line"])
    }
}
