import Crypto
import Foundation

/// One statement as it is kept in an outbox journal, a transfer file or a record store:
/// one line holding a compact JSON object whose `"id"` is a lowercase UUID. The line's
/// bytes are the statement and are never re-encoded.
package enum StatementLine {
    /// The longest statement kept: 1 MiB. A longer line is reported, never loaded.
    static let maximumLength = 1 << 20

    /// Why a line is not a statement. Descriptions never quote the line itself, only the
    /// id (cleaned of control characters and shortened), so nothing hostile is echoed.
    enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case notJSON
        case notAnObject
        case noID
        case idNotUUID(String)
        case tooLong(bytes: UInt64)

        var description: String {
            switch self {
            case .notJSON: "not valid JSON (or not UTF-8)"
            case .notAnObject: "not a JSON object"
            case .noID: "the statement has no \"id\" string"
            case let .idNotUUID(id): "the id \"\(StatementLine.shown(id))\" is not a lowercase UUID"
            case let .tooLong(bytes): "longer than \(StatementLine.maximumLength >> 20) MiB (\(bytes) bytes)"
            }
        }
    }

    /// The statement's id, or what is wrong with the line. The whole line is checked as
    /// strict JSON (`JSONScanner`, no values built but the id): reading a journal or a
    /// transfer file of two million statements spends its time here.
    static func id(of line: Data) -> Result<UUID, Problem> {
        let found: Result<String, Problem> = line.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
            var id: String?
            do {
                scanner.skipWhitespace()
                guard scanner.current == UInt8(ascii: "{") else {
                    try scanner.skipValue(depth: 0)
                    scanner.skipWhitespace()
                    return .failure(scanner.current == nil ? .notAnObject : .notJSON)
                }
                try scanner.members(depth: 0) { member, key throws(ScanFailure) in
                    guard key.is("id") else { return false }
                    id = try member.string(depth: 1)
                    return true
                }
                scanner.skipWhitespace()
                guard scanner.current == nil else { return .failure(.notJSON) }
            } catch {
                return .failure(.notJSON)
            }
            guard let id else { return .failure(.noID) }
            return .success(id)
        }
        return found.flatMap { id in uuid(id).map { .success($0) } ?? .failure(.idNotUUID(id)) }
    }

    /// The UUID of a lowercase canonical UUID string (8-4-4-4-12 hex digits), else nil.
    /// Read by hand: Foundation's `UUID(uuidString:)` goes through `sscanf`, which was a
    /// tenth of the time of reading a transfer file.
    package static func uuid(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { bytes -> UUID? in
            guard bytes.count == 36 else { return nil }
            var value = [UInt8](repeating: 0, count: 16)
            var index = 0
            var high: UInt8?
            for (offset, byte) in bytes.enumerated() {
                if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                    continue
                }
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                default: return nil
                }
                if let first = high {
                    value[index] = first << 4 | digit
                    index += 1
                    high = nil
                } else {
                    high = digit
                }
            }
            return UUID(
                uuid: (
                    value[0], value[1], value[2], value[3], value[4], value[5], value[6], value[7], value[8], value[9], value[10], value[11],
                    value[12], value[13], value[14], value[15]
                ))
        }
    }

    /// The first 8 bytes of the line's SHA-256: tells two contents of one id apart (a
    /// different content with the same 64 bits would take about 2^64 tries to make).
    static func fingerprint(_ line: Data) -> UInt64 {
        SHA256.hash(data: line).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The id as written in statements: lowercase.
    static func string(_ id: UUID) -> String {
        id.uuidString.lowercased()
    }

    /// Text from a file for a message: at most 80 characters. Callers clean it for the
    /// terminal (`TerminalSafe`) when they print it.
    static func shown(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(80)) + "…" : text
    }
}
