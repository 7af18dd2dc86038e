import Foundation
import Testing
@testable import KursusRecords

@Suite("Transfer files: written atomically, read back strictly; damaged and hostile variants refused")
struct TransferFileTests {
    typealias F = RecordsFixtures

    /// Writes a transfer file with anna (2 statements), bo (1) and carl (none).
    static func writeSample(to url: URL, overwrite: Bool = false, limits: TransferLimits = .standard) throws -> TransferManifest {
        let writer = try TransferWriter(
            output: url, overwrite: overwrite, kursusVersion: "0.1.0", selection: "pending", createdAt: F.monday, limits: limits)
        writer.beginLearner("anna")
        try writer.add(PendingStatement(id: F.id(1), json: Data(F.statement(1).utf8)))
        try writer.add(PendingStatement(id: F.id(2), json: Data(F.statement(2).utf8)))
        try writer.add(PendingStatement(id: F.id(1), json: Data(F.statement(1).utf8)))  // the same again: left out
        writer.beginLearner("bo")
        try writer.add(PendingStatement(id: F.id(3), json: Data(F.statement(3, learner: "bo").utf8)))
        writer.beginLearner("carl")
        return try writer.finish()
    }

    static func read(_ url: URL, limits: TransferLimits = .standard) throws -> [TransferStatement] {
        let reader = try TransferReader.open(url, limits: limits)
        var statements: [TransferStatement] = []
        try reader.readStatements { statements.append($0) }
        return statements
    }

    @Test("a written file reads back: manifest, statements in order with their learners, exact bytes; 0600; no temporary files left")
    func roundTrip() throws {
        let folder = try F.folder("transfer-round")
        defer { F.remove(folder) }
        let url = folder.appendingPathComponent("afsnit4.kursus-records")
        let manifest = try Self.writeSample(to: url)
        #expect(manifest.statements == 3)
        #expect(manifest.learners.map(\.learner) == ["anna", "bo", "carl"])
        #expect(manifest.learners.map(\.statements) == [2, 1, 0])
        let reader = try TransferReader.open(url)
        #expect(reader.manifest == manifest)
        #expect(reader.manifest.createdAt == F.monday && reader.manifest.kursusVersion == "0.1.0" && reader.manifest.selection == "pending")
        let expected = [F.statement(1), F.statement(2), F.statement(3, learner: "bo")].map { $0 + "\n" }.joined()
        #expect(reader.manifest.statementsMember?.bytes == UInt64(expected.utf8.count))
        let statements = try Self.read(url)
        #expect(statements.map(\.id) == [F.id(1), F.id(2), F.id(3)])
        #expect(statements.map(\.learner) == ["anna", "anna", "bo"])
        #expect(statements.map(\.line) == [1, 2, 3])
        #expect(statements.map { String(decoding: $0.json, as: UTF8.self) } == [F.statement(1), F.statement(2), F.statement(3, learner: "bo")])
        #expect(try F.permissions(url) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["afsnit4.kursus-records"])
    }

    @Test("an existing file is not replaced without overwrite; with it, it is")
    func overwrite() throws {
        let folder = try F.folder("transfer-overwrite")
        defer { F.remove(folder) }
        let url = folder.appendingPathComponent("ud.kursus-records")
        try F.write("keep me", to: url)
        #expect(throws: TransferError.outputExists(path: url.path)) { try Self.writeSample(to: url) }
        #expect(try F.text(url) == "keep me")
        _ = try Self.writeSample(to: url, overwrite: true)
        #expect(try Self.read(url).count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ud.kursus-records"])
    }

    @Test("one id with two contents cannot be exported")
    func conflictingExport() throws {
        let folder = try F.folder("transfer-conflict")
        defer { F.remove(folder) }
        let writer = try TransferWriter(
            output: folder.appendingPathComponent("x.kursus-records"), overwrite: false, kursusVersion: "0.1.0", selection: "all", createdAt: F.monday
        )
        writer.beginLearner("anna")
        try writer.add(PendingStatement(id: F.id(1), json: Data(F.statement(1).utf8)))
        #expect(throws: TransferError.self) { try writer.add(PendingStatement(id: F.id(1), json: Data(F.statement(1, verb: "failed").utf8))) }
    }

    @Test("bounds: too many entries, too large, too high a packing ratio")
    func limits() throws {
        let folder = try F.folder("transfer-limits")
        defer { F.remove(folder) }
        let url = folder.appendingPathComponent("stor.kursus-records")
        let writer = try TransferWriter(output: url, overwrite: false, kursusVersion: "0.1.0", selection: "all", createdAt: F.monday)
        writer.beginLearner("anna")
        for number in 1...6000 { try writer.add(PendingStatement(id: F.id(number), json: Data(F.statement(number).utf8))) }
        let manifest = try writer.finish()
        #expect(manifest.statements == 6000)
        #expect(try Self.read(url).count == 6000)

        #expect(throws: TransferError.tooLarge(path: url.path, reason: "2 entries in the archive (a transfer file has 2)")) {
            try TransferReader.open(url, limits: TransferLimits(maximumEntries: 1))
        }
        #expect(throws: TransferError.tooLarge(path: url.path, reason: "statements.jsonl is larger than 100000 bytes")) {
            try Self.read(url, limits: TransferLimits(maximumStatementsBytes: 100_000))
        }
        #expect(throws: TransferError.tooLarge(path: url.path, reason: "statements.jsonl unpacks to over 3 times its packed size (a zip bomb)")) {
            try Self.read(url, limits: TransferLimits(maximumRatio: 3))
        }
        #expect(throws: TransferError.badStatement(path: url.path, line: 1, reason: "longer than 100 bytes (\(F.statement(1).utf8.count) bytes)")) {
            try Self.read(url, limits: TransferLimits(maximumStatementBytes: 100))
        }
        let small = folder.appendingPathComponent("lille.kursus-records")
        #expect(throws: TransferError.self) { try Self.writeSample(to: small, limits: TransferLimits(maximumStatementsBytes: 300)) }
        #expect(!FileManager.default.fileExists(atPath: small.path))
    }

    @Test("cut-off, damaged and hostile variants of a real file are refused with their reason")
    func hostileVariants() throws {
        let folder = try F.folder("transfer-hostile")
        defer { F.remove(folder) }
        let good = folder.appendingPathComponent("god.kursus-records")
        _ = try Self.writeSample(to: good)
        let bad = folder.appendingPathComponent("bad.kursus-records")
        func refused(_ change: (inout ZipBytes) -> Void) throws -> TransferError? {
            var bytes = try ZipBytes(good)
            change(&bytes)
            try bytes.write(to: bad)
            do {
                _ = try Self.read(bad)
                return nil
            } catch let error as TransferError {
                return error
            }
        }
        func reason(_ error: TransferError?) -> String {
            switch error {
            case let .damaged(_, reason), let .unsafe(_, reason), let .tooLarge(_, reason), let .badManifest(_, reason): reason
            case let .badStatement(_, line, reason): "line \(line): \(reason)"
            default: "\(String(describing: error))"
            }
        }
        #expect(reason(try refused { $0.bytes.removeLast(10) }) == "no end-of-archive record: not a ZIP archive, or cut off")
        #expect(reason(try refused { $0.bytes.removeLast($0.bytes.count / 2) }) == "no end-of-archive record: not a ZIP archive, or cut off")
        #expect(reason(try refused { $0.bytes = Array("just text\n".utf8) }) == "no end-of-archive record: not a ZIP archive, or cut off")
        #expect(
            reason(try refused { $0.replaceAll("statements.jsonl", with: "../atements.json") })
                == "entry '../atements.json' would be unpacked outside its folder ('..')")
        #expect(
            reason(try refused { $0.replaceAll("statements.jsonl", with: "/tatements.jsonl") }) == "entry '/tatements.jsonl' has an absolute name")
        #expect(
            reason(try refused { $0.replaceAll("manifest.json", with: "statements.js") })
                == "entry 'statements.js' is not part of a transfer file (only manifest.json and statements.jsonl)")
        #expect(
            reason(try refused { $0.replaceAll("manifest.json", with: "manifest.jso\u{7}") })
                == "entry 'manifest.jso\u{7}' has control characters or backslashes in its name")
        #expect(
            reason(try refused { $0.replaceAll(Array("manifest.json".utf8), with: Array("manifest.jso".utf8) + [0xFF]) })
                == "an entry's name is not UTF-8 text")
        #expect(reason(try refused { $0.setFlags("statements.jsonl", 0x0001) }) == "entry 'statements.jsonl' is encrypted")
        #expect(
            reason(
                try refused { bytes in
                    if let central = bytes.header("manifest.json", central: true) {
                        bytes.setU16(central + 4, 0x031E)
                        bytes.setU32(central + 38, 0o120777 << 16)
                    }
                }) == "entry 'manifest.json' is a symbolic link")
        // A flipped byte in the packed statements: inflating fails or the CRC-32 does not match.
        let flipped = try refused { bytes in
            if let local = bytes.header("statements.jsonl", central: false) { bytes.bytes[local + 30 + 16 + 20] ^= 0x55 }
        }
        guard case .damaged = flipped else {
            Issue.record("a flipped byte gave \(String(describing: flipped))")
            return
        }
        #expect(flipped?.description.contains("nothing was imported. Copy it again from the stick") == true)
    }
}
