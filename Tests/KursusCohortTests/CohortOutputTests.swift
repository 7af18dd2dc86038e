import Foundation
import KursusCohort
import KursusProgress
import KursusRecords
import Testing

@Suite("make-cohort: outputs")
struct CohortOutputTests {
    @Test("the default cohort is 75 learners, 25 in each of Hold 1, Hold 2 and Hold 3, with unique ids")
    func counts() throws {
        let cohort = try CohortFixtures.cohort()
        #expect(cohort.learners.count == 75)
        #expect(Set(cohort.learners.map(\.id)).count == 75)
        #expect(Dictionary(grouping: cohort.learners, by: \.team).mapValues(\.count) == ["Hold 1": 25, "Hold 2": 25, "Hold 3": 25])
        for learner in cohort.learners { #expect(try LearnerID.validate(learner.id) == learner.id) }
    }

    @Test("the same seed gives the same bytes: transfer files, statement lines; another seed gives others")
    func deterministic() throws {
        let folder = CohortFixtures.temporaryFolder("same")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = CohortOptions(seed: 7, teams: ["Hold 1", "Hold 2"], learnersPerTeam: 10)
        for name in ["a", "b"] {
            try CohortOutput.writeTransfer(try CohortFixtures.cohort(options), to: folder.appendingPathComponent("\(name).kursus-records"))
            try CohortOutput.writeStatements(try CohortFixtures.cohort(options), to: folder.appendingPathComponent("\(name).jsonl"))
        }
        var other = options
        other.seed = 8
        try CohortOutput.writeStatements(try CohortFixtures.cohort(other), to: folder.appendingPathComponent("c.jsonl"))
        func bytes(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
        #expect(try bytes("a.kursus-records") == bytes("b.kursus-records"))
        #expect(try bytes("a.jsonl") == bytes("b.jsonl"))
        #expect(try bytes("a.jsonl") != bytes("c.jsonl"))
        #expect(try bytes("a.jsonl").count > 100_000)
    }

    @Test("a data directory: a profile with its team for every learner, the outbox journal as the player writes it, secret and config")
    func dataDirectory() throws {
        let folder = CohortFixtures.temporaryFolder("data")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cohort = try CohortFixtures.cohort()
        let summary = try CohortOutput.writeDataDirectory(cohort, to: folder)
        #expect(summary.learners == 75)
        let profiles = try LearnerRegistry(dataDirectory: folder).summaries()
        #expect(profiles.count == 75)
        #expect(Set(profiles.map { "\($0.id) \($0.team ?? "-")" }) == Set(cohort.learners.map { "\($0.id) \($0.team)" }))
        var lines = 0
        for learner in cohort.learners {
            let made = cohort.statements(for: learner)
            let journal = try OutboxJournal(dataDirectory: folder, learner: learner.id).file
            guard !made.isEmpty else {
                #expect(!FileManager.default.fileExists(atPath: journal.path))
                continue
            }
            let expected = made.map { String(decoding: $0.json, as: UTF8.self) + "\n" }.joined()
            #expect(try String(contentsOf: journal, encoding: .utf8) == expected)
            lines += made.count
        }
        #expect(lines == summary.statements)
        #expect(try SiteSecret.load(dataDirectory: folder) == cohort.siteSecret)
        #expect(try WorkstationConfig.load(dataDirectory: folder).records.pseudonymous == false)
        // Never into a folder that holds something.
        #expect(throws: CohortError.self) { try CohortOutput.writeDataDirectory(cohort, to: folder) }
    }

    @Test("transfer files split by learners read back with every statement, each learner under their id")
    func transferSplit() throws {
        let folder = CohortFixtures.temporaryFolder("split")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cohort = try CohortFixtures.cohort(CohortOptions(seed: 3, teams: ["Hold 1"], learnersPerTeam: 5))
        let summary = try CohortOutput.writeTransfer(cohort, to: folder.appendingPathComponent("hold.kursus-records"), learnersPerFile: 2)
        #expect(summary.files.map(\.lastPathComponent) == ["hold-0001.kursus-records", "hold-0002.kursus-records", "hold-0003.kursus-records"])
        var read: [String: Int] = [:]
        for file in summary.files {
            let reader = try TransferReader.open(file)
            try reader.readStatements { read[$0.learner, default: 0] += 1 }
        }
        let expected = Dictionary(uniqueKeysWithValues: cohort.learners.map { ($0.id, cohort.statements(for: $0).count) }).filter { $0.value > 0 }
        #expect(read == expected)
        #expect(read.values.reduce(0, +) == summary.statements)
    }

    @Test("options a cohort cannot have are refused with a message")
    func badOptions() throws {
        #expect(throws: CohortError.self) { try CohortFixtures.cohort(CohortOptions(teams: [])) }
        #expect(throws: CohortError.self) { try CohortFixtures.cohort(CohortOptions(learnersPerTeam: 0)) }
        #expect(throws: CohortError.self) { try CohortFixtures.cohort(CohortOptions(teams: ["Hold\u{1B}[2J"])) }
        #expect(throws: CohortError.self) { try CohortFixtures.cohort(CohortOptions(teams: ["Hold 1", "Hold 1"])) }
        #expect(throws: CohortError.self) {
            try CohortGenerator.load(course: CohortFixtures.root.appendingPathComponent("Sources"), options: CohortOptions())
        }
    }

    @Test("pseudonymous: actors are keyed hashes, never the ids; the team still goes with them; the data directory says so")
    func pseudonymous() throws {
        let folder = CohortFixtures.temporaryFolder("pseudo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = CohortOptions(seed: 5, teams: ["Hold 1"], learnersPerTeam: 6, settings: RecordSettings(pseudonymous: true))
        let cohort = try CohortFixtures.cohort(options)
        try CohortOutput.writeDataDirectory(cohort, to: folder)
        #expect(try WorkstationConfig.load(dataDirectory: folder).records.pseudonymous)
        var own = 0
        for learner in cohort.learners {
            for statement in cohort.statements(for: learner) {
                let value = try JSONParser.parse(statement.json)
                let name = try #require(value["actor"]?["account"]?["name"]?.stringValue)
                #expect(name != learner.id)
                #expect(!String(decoding: statement.json, as: UTF8.self).contains(learner.id))
                if !name.hasPrefix("anonymous-") {
                    own += 1
                    #expect(name.count == 64 && name.allSatisfy(\.isHexDigit))
                    #expect(value["context"]?["team"]?["account"]?["name"] == "Hold 1")
                }
            }
        }
        #expect(own > 100)
    }
}
