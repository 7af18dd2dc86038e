import Foundation
import KursusRecords
import Testing

@Suite struct LRSCredentialsTests {
    /// Writes `text` to a new file with `mode` and returns its path.
    private func file(_ text: String, mode: Int = 0o600) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-credentials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("lrs.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    private func problem(_ text: String, mode: Int = 0o600, fifoAt fifo: String? = nil) throws -> String {
        let path = try fifo ?? file(text, mode: mode)
        let error = #expect(throws: LRSError.self) { try LRSCredentials.load(path: path) }
        guard case .credentialsFile(let shownPath, let problem) = error else {
            Issue.record("expected a credentials file error, got \(String(describing: error))")
            return ""
        }
        #expect(shownPath == path)
        #expect(error?.description.contains("records.lrs.credentials") == true)
        return problem
    }

    @Test("an alias is refused at its line and column, a control character is placed where it is")
    func aliasAndControlCharacter() throws {
        #expect(
            try problem("username: &u kursus\npassword: *u\n")
                == "it uses a YAML alias ('*name') at line 2, column 11; write the value out")
        #expect(
            try problem("username: kursus\npassword: a\u{7}b\n")
                == "it is not valid YAML (line 2, column 12: control characters are not allowed (U+0007 here); remove it)")
    }

    @Test("a FIFO is refused without blocking")
    func fifo() throws {
        let path = try file("x")
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        #expect(
            try problem("", fifoAt: path)
                == "it is not a regular file but a named pipe (FIFO), which Kursus does not read (it could wait forever); put the file itself there")
    }

    @Test func readsUsernameAndPassword() throws {
        let path = try file("# from the LRS administrator\nusername: kursus-ward-4\npassword: \"s3cret: with colon\"\n")
        let credentials = try LRSCredentials.load(path: path)
        #expect(credentials.username == "kursus-ward-4")
        #expect(credentials.password == "s3cret: with colon")
    }

    @Test func credentialsGivenInCodeAreCheckedToo() {
        let error = #expect(throws: LRSError.self) { try LRSCredentials(username: "ward:4", password: "p") }
        #expect(error?.description == "The LRS credentials cannot be used: 'username' contains ':', which HTTP basic authentication cannot carry.")
        #expect(throws: LRSError.self) { try LRSCredentials(username: "kursus", password: "") }
    }

    @Test func neverShowsThePassword() throws {
        let credentials = try LRSCredentials(username: "kursus", password: "hunter2")
        #expect(!"\(credentials)".contains("hunter2"))
        #expect(!String(reflecting: credentials).contains("hunter2"))
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func refusesAFileOthersCanRead(mode: Int) throws {
        #expect(try problem("username: a\npassword: b\n", mode: mode).contains("chmod 600"))
    }

    @Test func refusesUnknownKeys() throws {
        #expect(try problem("username: a\npassword: b\nurl: https://lrs.example.dk\n").contains("unknown key 'url'"))
    }

    @Test(arguments: [("password: b\n", "'username' is missing"), ("username: a\n", "'password' is missing")])
    func refusesMissingKeys(text: String, expected: String) throws {
        #expect(try problem(text).contains(expected))
    }

    @Test(arguments: ["password: 12345", "password: true", "password: ~", "password: [a, b]", "password: {a: b}", "password:"])
    func refusesValuesThatAreNotText(line: String) throws {
        #expect(try problem("username: kursus\n\(line)\n").contains("'password' (line 2) must be text"))
    }

    @Test func refusesAFileLargerThan64KiB() throws {
        let text = "username: a\npassword: b\n# " + String(repeating: "x", count: 70_000) + "\n"
        #expect(try problem(text).contains("larger than 64 KiB"))
    }

    @Test(arguments: [
        ("- username\n- password\n", "mapping"),
        ("just text", "mapping"),
        ("", "mapping"),
        ("username: [unclosed\npassword: b\n", "not valid YAML"),
        ("username: a\nusername: b\npassword: c\n", "not valid YAML"),
        ("username: \"a:b\"\npassword: c\n", "':'"),
        ("username: \"\"\npassword: c\n", "'username' is empty"),
        ("username: a\npassword: \"line\\nbreak\"\n", "control characters"),
    ])
    func refusesMalformedFiles(text: String, expected: String) throws {
        #expect(try problem(text).contains(expected))
    }

    @Test func aSyntaxErrorDoesNotEchoThePassword() throws {
        let message = try problem("username: a\npassword: \"hunter2\n")
        #expect(!message.contains("hunter2"))
    }

    @Test func aMissingFileIsNamed() {
        let error = #expect(throws: LRSError.self) { try LRSCredentials.load(path: "/nonexistent/kursus/lrs.yaml") }
        #expect(error?.description.contains("/nonexistent/kursus/lrs.yaml") == true)
    }

    @Test func followsASymlinkToAPrivateFile() throws {
        let path = try file("username: a\npassword: b\n")
        let link = path + ".link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(try LRSCredentials.load(path: link).username == "a")
    }
}
