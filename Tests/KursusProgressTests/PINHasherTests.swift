import Foundation
import Testing
@testable import KursusProgress

@Suite("PIN hashing")
struct PINHasherTests {
    let hasher = PINHasher(iterations: 1_000)

    @Test("salted: the same PIN twice gives different salts and hashes")
    func salted() throws {
        let first = try hasher.record(for: "1234")
        let second = try hasher.record(for: "1234")
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
        #expect(Data(base64Encoded: first.salt)?.count == 16)
        #expect(Data(base64Encoded: first.hash)?.count == 32)
        #expect(first.algorithm == "pbkdf2-sha256")
        #expect(first.iterations == 1_000)
        #expect(!first.hash.contains("1234") && !first.salt.contains("1234"))
    }

    @Test("the right PIN matches; wrong, longer, shorter and malformed ones do not")
    func verify() throws {
        let record = try hasher.record(for: "2580")
        #expect(try hasher.matches("2580", record: record, path: "p"))
        for wrong in ["2581", "0852", "25800", "258", "", "2580\n", "abcd"] {
            #expect(try !hasher.matches(wrong, record: record, path: "p"), "\(wrong)")
        }
    }

    @Test("a record is checked with its own iteration count, so the default can be raised later")
    func ownIterations() throws {
        let old = try PINHasher(iterations: 1_000).record(for: "1234")
        #expect(try PINHasher(iterations: 5_000).matches("1234", record: old, path: "p"))
    }

    @Test("known answer: PBKDF2-HMAC-SHA256 vector from RFC 7914 section 11")
    func knownAnswer() throws {
        // P = "passwd", S = "salt", c = 1: the first 32 bytes of the 64-byte vector.
        let derived = try #require(hasher.derive("passwd", salt: Array("salt".utf8), iterations: 1))
        #expect(derived.map { String(format: "%02x", $0) }.joined() == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
    }

    @Test(
        "damaged records are errors that name the file",
        arguments: [
            PINRecord(algorithm: "md5", iterations: 1_000, salt: "AAAA", hash: "AAAA"),
            PINRecord(iterations: 10, salt: "AAAAAAAAAAAAAAAAAAAAAA==", hash: String(repeating: "A", count: 43) + "="),
            PINRecord(iterations: 100_000_000, salt: "AAAAAAAAAAAAAAAAAAAAAA==", hash: String(repeating: "A", count: 43) + "="),
            PINRecord(iterations: 1_000, salt: "not base64!", hash: String(repeating: "A", count: 43) + "="),
            PINRecord(iterations: 1_000, salt: "AAAAAAAAAAAAAAAAAAAAAA==", hash: "AAAA"),
        ])
    func damagedRecords(record: PINRecord) {
        do {
            _ = try hasher.matches("1234", record: record, path: "/data/learners/anna/profile.json")
            Issue.record("a damaged record was accepted")
        } catch {
            guard case .corrupt(let path, _) = error else {
                Issue.record("expected corrupt, got \(error)")
                return
            }
            #expect(path == "/data/learners/anna/profile.json")
        }
    }

    @Test("constant-time comparison compares whole arrays")
    func constantTime() {
        #expect(PINHasher.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!PINHasher.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!PINHasher.constantTimeEqual([0, 2, 3], [1, 2, 3]))
        #expect(!PINHasher.constantTimeEqual([1, 2], [1, 2, 3]))
    }

    @Test("the default work factor is stored with the PIN")
    func defaultWorkFactor() throws {
        let record = try PINHasher().record(for: "1234")
        #expect(record.iterations == PINHasher.defaultIterations)
        #expect(PINHasher.defaultIterations >= 100_000)
        #expect(try PINHasher().matches("1234", record: record, path: "p"))
    }
}
