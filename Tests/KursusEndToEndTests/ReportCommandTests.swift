import Foundation
import KursusTestSupport
import KursusText
import Testing

@Suite("kursus report through the real binary: sources, exit status, bad arguments")
struct ReportCommandTests {
    static let course = KursusBinary.bundledCourse.path

    static func id(_ number: Int) -> String {
        let digits = String(number, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// A statement line as a journal holds it (the reading layer needs only an object with an id).
    static func statement(_ number: Int, learner: String) -> String {
        #"{"actor":{"account":{"homePage":"https://kursus.invalid","name":"\#(learner)"},"objectType":"Agent"},"id":"\#(id(number))","verb":{"id":"http://adlnet.gov/expapi/verbs/launched"}}"#
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-report-e2e-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func journal(_ data: URL, _ learner: String) -> URL {
        data.appendingPathComponent("learners/\(learner)/outbox/statements.jsonl")
    }

    /// `kursus report --format json …`: the status, the document's `reading`, standard error.
    static func reading(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, [String: Any], String) {
        let result = try KursusBinary.run(["report", "--course", course, "--format", "json"] + arguments, environment: environment)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (
            result.status, try #require(document?["reading"] as? [String: Any], "stdout: \(result.stdout) stderr: \(result.stderr)"), result.stderr
        )
    }

    @Test("--course takes a .kursus file: the same report as from the folder it was packed from")
    func courseFromPackageFile() throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        try Self.write(Self.statement(1, learner: "anna") + "\n", to: Self.journal(data, "anna"))
        let package = data.appendingPathComponent("kursus.kursus")
        let pack = try KursusBinary.run(["pack", Self.course, "-o", package.path])
        #expect(pack.status == 0, "\(pack.stderr)")
        let arguments = ["--format", "json", "--data-dir", data.path, "--since", "2026-01-01", "--until", "2026-12-31"]
        let fromFolder = try KursusBinary.run(["report", "--course", Self.course] + arguments)
        let fromFile = try KursusBinary.run(["report", "--course", package.path] + arguments)
        #expect(fromFolder.status == 0 && fromFile.status == 0, "\(fromFolder.stderr)\(fromFile.stderr)")
        // The same document, but for the second it was made in.
        func report(_ json: String) throws -> NSDictionary {
            var document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            var header = try #require(document["header"] as? [String: Any])
            #expect(header["courseID"] as? String == "digital-kompetence")
            header["generatedAt"] = nil
            document["header"] = header
            return document as NSDictionary
        }
        #expect(try report(fromFile.stdout) == report(fromFolder.stdout))
        // A damaged file is a bad argument (exit 2) that names it.
        try Data("not a zip".utf8).write(to: package)
        let damaged = try KursusBinary.run(["report", "--course", package.path] + arguments)
        #expect(damaged.status == 2, "\(damaged.stderr)")
        #expect(damaged.stderr.contains("kursus.kursus"), "\(damaged.stderr)")
    }

    @Test("a data directory read completely: exit 0, every statement counted, nothing in the folder changed")
    func cleanDataDirectory() throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        try Self.write(Self.statement(1, learner: "anna") + "\n" + Self.statement(2, learner: "anna") + "\n", to: Self.journal(data, "anna"))
        try Self.write(Self.statement(3, learner: "bo") + "\n", to: Self.journal(data, "bo"))
        let before = RecordsCommandTests.snapshot(data)
        let (status, reading, stderr) = try Self.reading(["--data-dir", data.path])
        #expect(status == 0, "\(stderr)")
        #expect(reading["statementsRead"] as? Int == 3)
        let sources = try #require(reading["sources"] as? [[String: Any]])
        #expect(sources.count == 1)
        #expect(sources.first?["kind"] as? String == "data-directory" && sources.first?["complete"] as? Bool == true)
        #expect(RecordsCommandTests.snapshot(data) == before)

        // With no source given, the default data directory is read, and its record store
        // once `kursus import` made one (here with the data directory's own records).
        let environment = ["KURSUS_DATA_DIR": data.path]
        let (defaultStatus, defaultReading, _) = try Self.reading([], environment: environment)
        #expect(defaultStatus == 0)
        #expect(defaultReading["statementsRead"] as? Int == 3)
        let transfer = data.appendingPathComponent("own.kursus-records").path
        #expect(try KursusBinary.run(["export", "--all", "--out", transfer], environment: environment).status == 0)
        #expect(try KursusBinary.run(["import", transfer], environment: environment).status == 0)
        let (storeStatus, withStore, _) = try Self.reading([], environment: environment)
        #expect(storeStatus == 0)
        #expect(withStore["statementsRead"] as? Int == 6)
        #expect(withStore["duplicates"] as? Int == 3)
        let kinds = (withStore["sources"] as? [[String: Any]])?.map { $0["kind"] as? String }
        #expect(kinds == ["data-directory", "store"])
    }

    @Test("a damaged line, a missing store and a cut transfer file: warnings naming each, exit 1, the rest still reported")
    func partialSources() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try Self.write(
            Self.statement(1, learner: "anna") + "\nnot json\n" + Self.statement(2, learner: "anna") + "\n", to: Self.journal(data, "anna"))
        let cut = root.appendingPathComponent("cut.kursus-records")
        try Data("PK\u{3}\u{4}cut off".utf8).write(to: cut)
        let store = root.appendingPathComponent("no-store")
        let fifo = root.appendingPathComponent("fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let (status, reading, stderr) = try Self.reading([
            "--data-dir", data.path, "--data-dir", fifo.path, "--store", store.path, "--transfer", cut.path, "--transfer", fifo.path,
        ])
        #expect(status == 1)
        #expect(reading["statementsRead"] as? Int == 2)
        let sources = try #require(reading["sources"] as? [[String: Any]])
        #expect(sources.map { $0["complete"] as? Bool } == [false, false, false, false, false])
        #expect(stderr.contains("warning: data directory \(fifo.path) is not a folder; move it away"))
        #expect(stderr.contains("warning: transfer file \(fifo.path): cannot read the file: not a regular file"))
        #expect(stderr.contains("warning: \(Self.journal(data, "anna").path):2: not valid JSON (or not UTF-8); the line is skipped"))
        #expect(stderr.contains("warning: record store \(store.path) could not be read to the end: \(store.path) does not exist"))
        #expect(stderr.contains("warning: transfer file \(cut.path)"))
        #expect(RecordsCommandTests.isClean(stderr))
    }

    @Test("days are local midnights, the --until day included; ISO 8601 times are taken as given")
    func dates() throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try KursusBinary.run(
            ["report", "--course", Self.course, "--format", "json", "--data-dir", data.path, "--since", "2026-03-01", "--until", "2026-03-31"],
            environment: ["TZ": "Europe/Copenhagen"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let filters = try #require((document["header"] as? [String: Any])?["filters"] as? [String: Any])
        // Copenhagen is UTC+1 on 1 March and UTC+2 (summer time) from 29 March.
        #expect(filters["since"] as? String == "2026-02-28T23:00:00Z")
        #expect(filters["until"] as? String == "2026-03-31T22:00:00Z")

        let exact = try KursusBinary.run(
            ["report", "--course", Self.course, "--format", "json", "--data-dir", data.path, "--since", "2026-03-01T08:30:00+01:00"])
        let exactDocument = try #require(try JSONSerialization.jsonObject(with: Data(exact.stdout.utf8)) as? [String: Any])
        #expect(((exactDocument["header"] as? [String: Any])?["filters"] as? [String: Any])?["since"] as? String == "2026-03-01T07:30:00Z")
    }

    @Test(
        "bad arguments exit 2 with a message",
        arguments: [
            (["--format", "pdf"], "pdf"),
            (["--since", "2026-02-30"], "--since '2026-02-30' is not a date"),
            (["--since", "yesterday"], "--since 'yesterday' is not a date"),
            (["--since", "2026-03-02", "--until", "2026-03-01"], "--since must be before --until"),
            (["--minimum-group", "0"], "--minimum-group must be between 1 and 1000"),
            (["--format", "csv"], "give the folder with --out DIR"),
            (["--excel"], "--excel goes with --format csv"),
            (["--lang", "sv"], "--lang must be one of: da, en"),
            (["--credentials", "/nowhere.yaml"], "--credentials goes with --lrs"),
            (["--course", "/no/such/course"], "/no/such/course"),
        ])
    func badArguments(arguments: [String], message: String) throws {
        let result = try KursusBinary.run(["report", "--course", Self.course] + arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a bare --lrs takes the data directory's config, and says so when it has no LRS; --lrs URL needs credentials")
    func lrsSettings() throws {
        let data = try Self.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let bare = try KursusBinary.run(["report", "--course", Self.course, "--lrs", "--data-dir", data.path])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("no LRS is set up in \(data.path)/config.yaml"))
        let last = try KursusBinary.run(["report", "--course", Self.course, "--data-dir", data.path, "--lrs"])
        #expect(last.status == 2 && last.stderr.contains("no LRS is set up in \(data.path)/config.yaml"))
        let given = try KursusBinary.run(["report", "--course", Self.course, "--data-dir", data.path, "--lrs", "http://127.0.0.1:9/xAPI/"])
        #expect(given.status == 2 && given.stderr.contains("no credentials for the LRS"))
    }

    @Test("csv goes to a folder of files; json and html to --out")
    func outputs() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try Self.write(Self.statement(1, learner: "anna") + "\n", to: Self.journal(data, "anna"))
        let csv = root.appendingPathComponent("csv")
        let result = try KursusBinary.run([
            "report", "--course", Self.course, "--data-dir", data.path, "--format", "csv", "--out", csv.path, "--excel",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: csv.path)
        #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".csv") })
        let json = root.appendingPathComponent("report.json")
        #expect(
            try KursusBinary.run(["report", "--course", Self.course, "--data-dir", data.path, "--format", "json", "--out", json.path]).status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])?["reading"] != nil)
        let html = root.appendingPathComponent("report.html")
        #expect(
            try KursusBinary.run(["report", "--course", Self.course, "--data-dir", data.path, "--format", "html", "--out", html.path]).status == 0)
        #expect(try String(contentsOf: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }
}

/// `kursus report --lrs` against a real Ralph LRS.
@Suite(.ralph, .serialized) struct ReportCommandLRSTests {
    /// A statement Ralph accepts, at `timestamp`.
    static func statement(id: String, learner: String, timestamp: String) -> String {
        #"{"actor":{"account":{"homePage":"https://kursus.invalid","name":"\#(learner)"},"objectType":"Agent"},"id":"\#(id)","#
            + #""object":{"id":"https://kursus.invalid/xapi/courses/digital-kompetence","objectType":"Activity"},"#
            + #""timestamp":"\#(timestamp)","verb":{"id":"http://adlnet.gov/expapi/verbs/initialized"}}"#
    }

    @Test("a bare --lrs reads the LRS in the data directory's config, page by page, within --since and --until")
    func readsTheConfiguredLRS() throws {
        let ralph = try RalphScope.current()
        let data = try ReportCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        // Seven statements a minute apart on a day of their own in 2033; the window takes 2 to 5.
        let day = Int.random(in: 1...28)
        let ids = (0..<7).map { _ in UUID().uuidString.lowercased() }
        let lines = ids.enumerated().map { index, id in
            Self.statement(id: id, learner: "anna", timestamp: String(format: "2033-01-%02dT10:%02d:00.000Z", day, index))
        }
        let posted = try ralph.client().postStatements(lines.map { Data($0.utf8) })
        #expect(posted.storedIDs == ids)
        try ReportCommandTests.write(
            "records:\n  lrs:\n    endpoint: \(ralph.url)\n    credentials: \(ralph.credentialsFile)\n",
            to: data.appendingPathComponent("config.yaml"))

        let since = String(format: "2033-01-%02dT10:02:00Z", day)
        let until = String(format: "2033-01-%02dT10:06:00Z", day)
        let (status, reading, stderr) = try ReportCommandTests.reading([
            "--data-dir", data.path, "--lrs", "--since", since, "--until", until, "--lrs-page-size", "2",
        ])
        #expect(status == 0, "\(stderr)")
        let sources = try #require(reading["sources"] as? [[String: Any]])
        #expect(sources.map { $0["kind"] as? String } == ["data-directory", "lrs"])
        // Ralph returns 10:02 to 10:06 inclusive; the report's own filter later drops 10:06.
        #expect(sources.last?["statements"] as? Int == 5)
        #expect(sources.last?["complete"] as? Bool == true)

        // Given on the command line instead, with a password that is wrong: the LRS is named, exit 1.
        let wrong = data.appendingPathComponent("wrong.yaml")
        try ReportCommandTests.write("username: \(ralph.username)\npassword: not-the-password\n", to: wrong)
        #expect(chmod(wrong.path, 0o600) == 0)
        let refused = try KursusBinary.run([
            "report", "--course", ReportCommandTests.course, "--format", "json", "--data-dir", data.path, "--lrs", ralph.url, "--credentials",
            wrong.path,
        ])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("warning: the LRS at \(ralph.url) could not be read: "))
    }
}
