import Foundation
@testable import KursusRecords

/// Journals, statements and folders for the records tests, written directly in the
/// documented formats (docs/records-outbox.md), never through the code under test.
enum RecordsFixtures {
    /// A fresh folder under the temporary directory; remove it with `remove`.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-records-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// A lowercase UUID that tells which statement it is: `…-000000000042` for 42.
    static func id(_ number: Int, prefix: String = "00000000") -> String {
        let digits = String(number, radix: 16)
        return "\(prefix)-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// A compact xAPI-like statement with that id.
    static func statement(_ number: Int, verb: String = "completed", learner: String = "anna", prefix: String = "00000000") -> String {
        "{\"actor\":{\"account\":{\"homePage\":\"https://kursus.example\",\"name\":\"\(learner)\"}},\"id\":\"\(id(number, prefix: prefix))\","
            + "\"object\":{\"id\":\"https://kursus.example/unit/\(number)\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/\(verb)\"}}"
    }

    static func outboxFolder(_ data: URL, _ learner: String) -> URL {
        data.appendingPathComponent("learners").appendingPathComponent(learner).appendingPathComponent("outbox")
    }

    static func journal(_ data: URL, _ learner: String) -> URL {
        outboxFolder(data, learner).appendingPathComponent("statements.jsonl")
    }

    /// Writes the learner's journal: each line followed by "\n", then `torn` without one.
    static func writeJournal(_ data: URL, _ learner: String, _ lines: [String], torn: String? = nil) throws {
        try write(lines.map { $0 + "\n" }.joined() + (torn ?? ""), to: journal(data, learner))
    }

    /// Appends lines to the learner's journal, as the player does.
    static func appendJournal(_ data: URL, _ learner: String, _ lines: [String]) throws {
        let handle = try FileHandle(forWritingTo: journal(data, learner))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// Writes `text`, making private folders (0700) on the way and the file 0600.
    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        try data.write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func permissions(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static let monday = Date(timeIntervalSince1970: 1_773_651_600)  // 2026-03-16T09:00:00Z
}
