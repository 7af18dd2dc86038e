import Foundation
import KursusProgress
import Testing
@testable import KursusRecords

@Suite("Site secret and record settings")
struct SiteSecretTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-secret-\(UUID().uuidString)")
    var file: URL { folder.appendingPathComponent(SiteSecret.fileName) }

    func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test("made on first use: 32 random bytes, mode 0600, and the same secret ever after")
    func createsOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try SiteSecret.load(dataDirectory: folder)
        #expect(first.count == 32)
        #expect(first != Data(count: 32))
        #expect(try mode(file) == 0o600)
        #expect(try Data(contentsOf: file) == first)
        #expect(try SiteSecret.load(dataDirectory: folder) == first)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [SiteSecret.fileName])
        // Another data directory gets another secret.
        let other = folder.appendingPathComponent("other")
        #expect(try SiteSecret.load(dataDirectory: other) != first)
    }

    @Test("a secret others may read is refused, never replaced")
    func readableByOthers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try SiteSecret.load(dataDirectory: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(throws: SiteSecretError.readableByOthers(path: file.path, mode: 0o644)) { try SiteSecret.load(dataDirectory: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        #expect(throws: SiteSecretError.readableByOthers(path: file.path, mode: 0o640)) { try SiteSecret.load(dataDirectory: folder) }
        #expect(try Data(contentsOf: file) == original)
        #expect(
            SiteSecretError.readableByOthers(path: "/d/site-secret", mode: 0o644).description
                .hasPrefix(
                    "/d/site-secret: error: the site secret may be read only by its owner, but its mode is 644; run 'chmod 600 /d/site-secret'"))
    }

    @Test("a secret of the wrong size, a folder or a symbolic link is refused")
    func damaged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(repeating: 1, count: 31), attributes: [.posixPermissions: 0o600])
        #expect(throws: SiteSecretError.wrongSize(path: file.path, size: 31)) { try SiteSecret.load(dataDirectory: folder) }
        #expect(try Data(contentsOf: file).count == 31)
        try FileManager.default.removeItem(at: file)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(), attributes: [.posixPermissions: 0o600])
        #expect(throws: SiteSecretError.wrongSize(path: file.path, size: 0)) { try SiteSecret.load(dataDirectory: folder) }
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        #expect(throws: SiteSecretError.notAFile(path: file.path)) { try SiteSecret.load(dataDirectory: folder) }
        try FileManager.default.removeItem(at: file)
        let target = folder.appendingPathComponent("elsewhere")
        _ = FileManager.default.createFile(atPath: target.path, contents: Data(repeating: 2, count: 32), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
        #expect(throws: SiteSecretError.notAFile(path: file.path)) { try SiteSecret.load(dataDirectory: folder) }
    }

    @Test("settings from the workstation config: defaults, a trailing slash, a relative credentials path")
    func settings() throws {
        let data = URL(fileURLWithPath: "/srv/kursus")
        #expect(
            RecordSettings(config: .default, dataDirectory: data)
                == RecordSettings(
                    activityBase: "https://kursus.invalid/xapi", accountHomePage: "https://kursus.invalid", pseudonymous: false, lrs: nil
                ))
        let config = try WorkstationConfig.parse(
            """
            records:
              activity-base: https://kursus.region.dk/xapi/
              account-homepage: https://login.region.dk
              pseudonymous: true
              lrs:
                endpoint: http://lrs.region.dk:8100/xAPI/
                credentials: lrs/credentials.yaml
            """, path: "config.yaml")
        let settings = RecordSettings(config: config, dataDirectory: data)
        #expect(settings.activityBase == "https://kursus.region.dk/xapi")
        #expect(settings.accountHomePage == "https://login.region.dk")
        #expect(settings.pseudonymous)
        #expect(
            settings.lrs
                == LRSSettings(endpoint: "http://lrs.region.dk:8100/xAPI/", credentialsFile: URL(fileURLWithPath: "/srv/kursus/lrs/credentials.yaml"))
        )
        let absolute = try WorkstationConfig.parse(
            "records:\n  lrs:\n    endpoint: https://lrs.dk/xAPI/\n    credentials: /etc/kursus/lrs.yaml\n", path: "c")
        #expect(RecordSettings(config: absolute, dataDirectory: data).lrs?.credentialsFile.path == "/etc/kursus/lrs.yaml")
    }
}
