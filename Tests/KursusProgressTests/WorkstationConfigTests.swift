import Foundation
import Testing
@testable import KursusProgress

@Suite("Workstation config")
struct WorkstationConfigTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-config-\(UUID().uuidString)")

    func problems(_ text: String) -> [WorkstationConfigError.Problem] {
        do {
            _ = try WorkstationConfig.parse(text, path: "config.yaml")
            return []
        } catch {
            guard case .invalid(let path, let problems) = error else { return [] }
            #expect(path == "config.yaml")
            return problems
        }
    }

    @Test("no file, an empty file or only comments: the defaults")
    func defaults() throws {
        #expect(try WorkstationConfig.load(dataDirectory: folder) == WorkstationConfig(idleLockMinutes: 10, hideLearnerList: false))
        #expect(try WorkstationConfig.parse("", path: "c") == .default)
        #expect(try WorkstationConfig.parse("# nothing here\n\n", path: "c") == .default)
        #expect(WorkstationConfig.default.idleLockInterval == 600)
    }

    @Test("values are read from the data directory")
    func values() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("# Afsnit 4, vagtstuen\nidle-lock-minutes: 3\nhide-learner-list: true\n".utf8).write(
            to: folder.appendingPathComponent("config.yaml"))
        let config = try WorkstationConfig.load(dataDirectory: folder)
        #expect(config == WorkstationConfig(idleLockMinutes: 3, hideLearnerList: true))
        #expect(config.idleLockInterval == 180)
    }

    @Test("0 turns the idle lock off; 1440 is the longest")
    func bounds() throws {
        #expect(try WorkstationConfig.parse("idle-lock-minutes: 0", path: "c").idleLockInterval == nil)
        #expect(try WorkstationConfig.parse("idle-lock-minutes: 1440", path: "c").idleLockMinutes == 1440)
        #expect(try WorkstationConfig.parse("hide-learner-list: false", path: "c") == .default)
    }

    @Test("bad values and unknown keys are errors at their line and column")
    func errors() {
        #expect(
            problems("idle-lock-minutes: 1441\n") == [.init(line: 1, column: 20, message: "'idle-lock-minutes' must be between 0 and 1440, not 1441")]
        )
        #expect(
            problems("idle-lock-minutes: -1\n") == [.init(line: 1, column: 20, message: "'idle-lock-minutes' must be between 0 and 1440, not -1")])
        #expect(
            problems("# x\nidle-lock-minutes: ti\n") == [
                .init(line: 2, column: 20, message: "'idle-lock-minutes' must be a whole number of minutes (0 turns the idle lock off)")
            ])
        #expect(
            problems("idle-lock-minutes: 2.5") == [
                .init(line: 1, column: 20, message: "'idle-lock-minutes' must be a whole number of minutes (0 turns the idle lock off)")
            ])
        #expect(
            problems("idle-lock-minutes: [1]") == [
                .init(line: 1, column: 20, message: "'idle-lock-minutes' must be a whole number of minutes (0 turns the idle lock off)")
            ])
        #expect(problems("hide-learner-list: måske") == [.init(line: 1, column: 20, message: "'hide-learner-list' must be true or false")])
        #expect(
            problems("idle-lock-minutes: 5\n  \nidle-lock-minuts: 5\nhide-learner-list: ja\n") == [
                .init(
                    line: 3, column: 1,
                    message:
                        "unknown key 'idle-lock-minuts'; known keys are 'idle-lock-minutes', 'hide-learner-list', 'records', 'packages', 'admin-passphrase'"
                ),
                .init(line: 4, column: 20, message: "'hide-learner-list' must be true or false"),
            ])
        #expect(problems("- idle-lock-minutes\n") == [.init(line: 1, column: 1, message: "the file must be a mapping of 'key: value' lines")])
        #expect(problems("idle-lock-minutes: 5\nidle-lock-minutes: 6\n").count == 1)
    }

    @Test("the records section: every key, and what is left out keeps its default")
    func records() throws {
        let config = try WorkstationConfig.parse(
            """
            idle-lock-minutes: 5
            records:
              activity-base: https://kursus.region.dk/xapi
              account-homepage: https://login.region.dk
              pseudonymous: true
              lrs:
                endpoint: http://lrs.region.dk:8100/xAPI/
                credentials: lrs-credentials.yaml
            """, path: "c")
        #expect(
            config.records
                == RecordsConfig(
                    activityBase: "https://kursus.region.dk/xapi", accountHomePage: "https://login.region.dk", pseudonymous: true,
                    lrs: LRSConfig(endpoint: "http://lrs.region.dk:8100/xAPI/", credentials: "lrs-credentials.yaml")
                ))
        #expect(config.idleLockMinutes == 5)
        #expect(try WorkstationConfig.parse("records:\n  pseudonymous: false\n", path: "c") == .default)
        #expect(WorkstationConfig.default.records == RecordsConfig())
    }

    @Test("records: unknown keys, bad addresses and missing LRS settings are errors at their line and column")
    func recordErrors() {
        #expect(
            problems("records:\n  activity-bse: https://x.dk\n") == [
                .init(
                    line: 2, column: 3,
                    message: "unknown key 'activity-bse' in 'records'; known keys are 'activity-base', 'account-homepage', 'pseudonymous', 'lrs'")
            ])
        #expect(
            problems("records:\n  activity-base: kursus.region.dk/xapi\n") == [
                .init(
                    line: 2, column: 18,
                    message:
                        "'activity-base' must be an address such as 'https://kursus.example.dk/xapi'; 'kursus.region.dk/xapi' has no scheme (such as 'https:')"
                )
            ])
        #expect(
            problems("records:\n  account-homepage: ftp://login.dk\n") == [
                .init(
                    line: 2, column: 21,
                    message:
                        "'account-homepage' must be an address such as 'https://login.example.dk'; 'ftp://login.dk' must start with 'https://' or 'http://', not 'ftp:'"
                )
            ])
        #expect(
            problems("records:\n  activity-base: \"https://x.dk/a b\"\n") == [
                .init(
                    line: 2, column: 18,
                    message: "'activity-base' must be an address such as 'https://kursus.example.dk/xapi'; 'https://x.dk/a b' contains a space")
            ])
        #expect(
            problems("records:\n  activity-base: https://x.dk/xapi?x=1\n").first?.message.hasSuffix("has a query ('?…'); give the address without it")
                == true)
        #expect(
            problems("records:\n  activity-base: [https://x.dk]\n") == [
                .init(line: 2, column: 18, message: "'activity-base' must be an address such as 'https://kursus.example.dk/xapi'")
            ])
        #expect(problems("records:\n  pseudonymous: ja\n") == [.init(line: 2, column: 17, message: "'pseudonymous' must be true or false")])
        #expect(
            problems("records: true\n") == [
                .init(
                    line: 1, column: 10,
                    message: "'records' must be a mapping of 'key: value' lines ('activity-base', 'account-homepage', 'pseudonymous', 'lrs')")
            ])
        #expect(
            problems("records:\n  lrs:\n    endpoint: https://lrs.dk/xAPI/\n") == [.init(line: 3, column: 5, message: "'lrs' needs 'credentials'")])
        #expect(
            problems("records:\n  lrs:\n    credentials: c.yaml\n    endpont: https://lrs.dk\n") == [
                .init(line: 4, column: 5, message: "unknown key 'endpont' in 'lrs'; known keys are 'endpoint', 'credentials'"),
                .init(line: 3, column: 5, message: "'lrs' needs 'endpoint'"),
            ])
        #expect(
            problems("records:\n  lrs:\n    endpoint: https://lrs.dk/xAPI/\n    credentials: \"\"\n") == [
                .init(
                    line: 4, column: 18,
                    message: "'credentials' must be the path of a file with the LRS user name and password (such as 'lrs-credentials.yaml')")
            ])
        #expect(
            problems("records:\n  lrs: http://lrs.dk\n") == [
                .init(line: 2, column: 8, message: "'lrs' must be a mapping with 'endpoint' and 'credentials'")
            ])
    }

    @Test("YAML syntax errors carry their place")
    func syntax() {
        let found = problems("idle-lock-minutes: 5\nhide-learner-list: [true\n")
        #expect(found.count == 1)
        #expect(found.first?.line ?? 0 >= 2)
        #expect(found.first?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test("errors name the file, line and column")
    func description() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.yaml")
        try Data("idle-lock: 5\n".utf8).write(to: file)
        #expect(
            throws: WorkstationConfigError.invalid(
                path: file.path,
                problems: [
                    .init(
                        line: 1, column: 1,
                        message:
                            "unknown key 'idle-lock'; known keys are 'idle-lock-minutes', 'hide-learner-list', 'records', 'packages', 'admin-passphrase'"
                    )
                ])
        ) { try WorkstationConfig.load(dataDirectory: folder) }
        do {
            _ = try WorkstationConfig.load(dataDirectory: folder)
        } catch {
            #expect(
                error.description
                    == "\(file.path):1:1: error: unknown key 'idle-lock'; known keys are 'idle-lock-minutes', 'hide-learner-list', 'records', 'packages', 'admin-passphrase'"
            )
        }
    }

    @Test("a config path that is a folder, or not UTF-8, is reported")
    func unreadable() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.yaml")
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        #expect(throws: WorkstationConfigError.self) { try WorkstationConfig.load(dataDirectory: folder) }
        try FileManager.default.removeItem(at: file)
        try Data([0x69, 0x3A, 0x20, 0xFF, 0xFE]).write(to: file)
        #expect(throws: WorkstationConfigError.unreadable(path: file.path, reason: "not UTF-8 text")) {
            try WorkstationConfig.load(dataDirectory: folder)
        }
    }
}

@Suite("config.yaml: aliases and control characters")
struct WorkstationConfigYAMLTests {
    @Test("an alias is refused at its line and column")
    func alias() {
        #expect(
            throws: WorkstationConfigError.invalid(
                path: "c.yaml",
                problems: [.init(line: 2, column: 20, message: "aliases ('*name') are not allowed in config.yaml; write the value out")])
        ) {
            try WorkstationConfig.parse("idle-lock-minutes: &m 5\nhide-learner-list: *m\n", path: "c.yaml")
        }
    }

    @Test("a control character is reported at its line and column, not 1:1")
    func controlCharacter() {
        #expect(
            throws: WorkstationConfigError.invalid(
                path: "c.yaml",
                problems: [.init(line: 2, column: 22, message: "YAML could not be read: control characters are not allowed (U+001B here); remove it")]
            )
        ) {
            try WorkstationConfig.parse("idle-lock-minutes: 5\nhide-learner-list: tr\u{1B}]52;c;eA==\u{7}ue\n", path: "c.yaml")
        }
    }
}
