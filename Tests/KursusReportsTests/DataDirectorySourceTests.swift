import Foundation
import KursusProgress
import KursusRecords
import KursusReports
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("DataDirectorySource: every learner's journals and unjournaled statements, read-only, links and FIFOs refused")
struct DataDirectorySourceTests {
    typealias F = SourceFixtures
    static let start = Date(timeIntervalSince1970: 1_773_651_600)  // 2026-03-16T09:00:00Z

    @Test("rotated journals, the live journal and the progress file's outbox field are all read")
    func readsEveryPlaceOfALearner() throws {
        let data = try F.folder("data")
        defer { F.remove(data) }
        let package = try F.course()
        // anna: a first session, delivered and rotated away by compaction, then a second.
        let first = try F.learner("anna", team: "Afsnit 4", name: "Anna", in: data, start: Self.start)
        let outbox = try OutboxStore.open(dataDirectory: data, learner: "anna")
        try outbox.markDelivered(first.map(\.id), at: Self.start)
        #expect(try outbox.compact() == .rotated(archive: "statements.1.jsonl.done", statements: 6))
        outbox.close()
        let second = try F.learner("anna", team: "Afsnit 4", name: "Anna", in: data, start: Self.start.addingTimeInterval(86_400), session: 2)
        // bo: a journal, and a progress file saved with two statements of which only the
        // first reached the journal (a crash between the save and the append).
        let bo = try F.learner("bo", team: "Afsnit 5", name: "Bo", in: data, start: Self.start)
        let unjournaled = try F.statements(learner: "bo", dataDirectory: data, start: Self.start.addingTimeInterval(3600), session: 2)
        let outboxField = try [bo[5], unjournaled[0]].map { #"{"id":"\#($0.id)","json":\#(try Self.jsonString($0.json))}"# }
        try F.write(
            #"{"schema":"kursus-progress","schemaVersion":4,"learner":"bo","course":"digital-kompetence","updatedAt":"2026-03-16T10:00:00Z","units":{},"outbox":[\#(outboxField.joined(separator: ","))]}"#,
            to: data.appendingPathComponent("learners/bo/progress/digital-kompetence.json"))

        let (statements, log) = F.read(DataDirectorySource(directory: data, courseID: package.course.id))
        #expect(log.complete)
        #expect(log.problems.isEmpty)
        // In order: anna's rotated journal, her live one, bo's journal, bo's progress file.
        #expect(statements.map { $0.id.uuidString.lowercased() } == (first + second + bo + [bo[5], unjournaled[0]]).map(\.id))
        #expect(F.byID(statements) == F.byID(first + second + bo + [unjournaled[0]]))

        // Without a course id only the journals are read.
        let journalsOnly = F.read(DataDirectorySource(directory: data, courseID: nil)).statements
        #expect(journalsOnly.count == 18)
    }

    @Test("damaged lines are skipped with a problem naming file and line; a torn last line is noted")
    func damagedAndTornLines() throws {
        let data = try F.folder("damaged")
        defer { F.remove(data) }
        let made = try F.learner("anna", team: nil, name: "Anna", in: data, start: Self.start)
        let journal = data.appendingPathComponent("learners/anna/outbox/statements.jsonl")
        try F.append("this is not JSON\n{\"id\":\"1\"}\n{\"actor\":", to: journal)

        let (statements, log) = F.read(DataDirectorySource(directory: data, courseID: "digital-kompetence"))
        #expect(statements.count == made.count)
        #expect(!log.complete)
        #expect(log.problems.count == 3)
        #expect(log.problems[0] == "\(journal.path):7: not valid JSON (or not UTF-8); the line is skipped")
        #expect(log.problems[1] == "\(journal.path):8: the id \"1\" is not a lowercase UUID; the line is skipped")
        #expect(log.problems[2].hasPrefix("\(journal.path): the last line is cut off"))
    }

    @Test("a learner folder that is a link, a FIFO journal and a FIFO profile are refused without waiting; the others are read")
    func linksAndFIFOs() throws {
        let data = try F.folder("links")
        let elsewhere = try F.folder("elsewhere")
        defer {
            F.remove(data)
            F.remove(elsewhere)
        }
        let anna = try F.learner("anna", team: "Afsnit 4", name: "Anna", in: data, start: Self.start)
        // eve's folder is a link to a folder holding an outbox with statements.
        try F.learner("eve", team: nil, name: "Eve", in: elsewhere, start: Self.start)
        try FileManager.default.createSymbolicLink(
            at: data.appendingPathComponent("learners/eve"), withDestinationURL: elsewhere.appendingPathComponent("learners/eve"))
        // finn's journal is a FIFO nobody writes to.
        let finnOutbox = data.appendingPathComponent("learners/finn/outbox")
        try FileManager.default.createDirectory(at: finnOutbox, withIntermediateDirectories: true)
        #expect(mkfifo(finnOutbox.appendingPathComponent("statements.jsonl").path, 0o600) == 0)
        // gry's profile is a FIFO; her journal is fine.
        let gry = try F.learner("gry", team: nil, name: "Gry", in: data, start: Self.start.addingTimeInterval(60), profile: false)
        #expect(mkfifo(data.appendingPathComponent("learners/gry/profile.json").path, 0o600) == 0)

        let (statements, log) = F.read(DataDirectorySource(directory: data, courseID: "digital-kompetence"))
        #expect(F.byID(statements) == F.byID(anna + gry))
        #expect(!log.complete)
        let eve = data.appendingPathComponent("learners/eve").path
        let finn = finnOutbox.appendingPathComponent("statements.jsonl").path
        #expect(
            log.problems == [
                "learner 'eve' is left out: \(eve) is a symbolic link; Kursus does not follow links here. Replace it with the real file or folder",
                "the outbox of learner 'finn' cannot be read: \(finn) is not a file; move it away",
            ])

        let (directory, problems) = LearnerDirectory.read(dataDirectories: [data])
        #expect(directory.learner(homePage: RecordSettings.defaultAccountHomePage, name: "anna")?.team == "Afsnit 4")
        #expect(directory.learner(homePage: RecordSettings.defaultAccountHomePage, name: "gry") == LearnerDirectory.Learner(id: "gry"))
        #expect(directory.learner(homePage: RecordSettings.defaultAccountHomePage, name: "eve") == nil)
        let gryProfile = data.appendingPathComponent("learners/gry/profile.json").path
        #expect(problems == ["\(gryProfile) is not a file; move it away; learner 'gry' is shown without team and name"])
    }

    @Test("teams and names reach the learner's statements, also under pseudonyms; anonymous answers get none")
    func teamsAndNames() throws {
        let data = try F.folder("pseudonyms")
        defer { F.remove(data) }
        try F.write(
            "records:\n  pseudonymous: true\n  account-homepage: https://login.region.example\n", to: data.appendingPathComponent("config.yaml"))
        let made = try F.learner("anna", team: "Afsnit 4", name: "Anna Jensen", in: data, start: Self.start)
        let secret = try #require(try SiteSecret.existing(dataDirectory: data))
        let pseudonym = LearnerAccount.pseudonym(learnerID: "anna", secret: secret)
        #expect(pseudonym.count == 64)
        #expect(
            String(decoding: made[0].json, as: UTF8.self).hasPrefix(
                #"{"actor":{"account":{"homePage":"https://login.region.example","name":"\#(pseudonym)"}"#))

        let (learners, problems) = LearnerDirectory.read(dataDirectories: [data])
        #expect(problems.isEmpty)
        var read: [ReadStatement] = []
        let summary = ReportReading.read([DataDirectorySource(directory: data, courseID: "digital-kompetence")], learners: learners) {
            read.append($0)
        }
        #expect(summary.statementsRead == 6)
        #expect(read.map(\.statement) == made.map(\.json))
        // The fifth statement is the anonymous evaluation answer: no team, no name.
        #expect(read.map(\.team) == ["Afsnit 4", "Afsnit 4", "Afsnit 4", "Afsnit 4", nil, "Afsnit 4"])
        #expect(read.map(\.name) == ["Anna Jensen", "Anna Jensen", "Anna Jensen", "Anna Jensen", nil, "Anna Jensen"])
        #expect(read[4].learner == nil && read[0].learner == "anna")

        // Without the site secret the pseudonym cannot be matched, and that is said.
        try FileManager.default.removeItem(at: data.appendingPathComponent("site-secret"))
        let (blind, blindProblems) = LearnerDirectory.read(dataDirectories: [data])
        #expect(blind.learner(of: made[0].json) == nil)
        #expect(
            blindProblems == [
                "\(data.path) has records.pseudonymous but no usable site secret: its learners' statements cannot be matched to their teams and names"
            ])
    }

    @Test("a data directory that is missing is a problem and an incomplete source, not a crash")
    func missingFolder() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-report-missing-\(UUID().uuidString)")
        let (statements, log) = F.read(DataDirectorySource(directory: missing, courseID: "digital-kompetence"))
        #expect(statements.isEmpty)
        #expect(!log.complete)
        #expect(log.problems == ["data directory \(missing.path) does not exist"])
    }

    /// A JSON string literal holding `json`'s text.
    static func jsonString(_ json: Data) throws -> String {
        let array = try JSONSerialization.data(withJSONObject: [String(decoding: json, as: UTF8.self)])
        return String(String(decoding: array, as: UTF8.self).dropFirst().dropLast())
    }
}
