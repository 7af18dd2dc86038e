import Foundation

/// The account a statement's actor is identified by (`actor.account.homePage` and
/// `.name`), read without decoding the whole statement where possible: a statement
/// Kursus wrote starts with `{"actor":{"account":{"homePage":"…","name":"…"}` (keys
/// sorted, `actor` first), so the two strings are taken from the bytes directly; any
/// other form (escapes in the strings, other key orders) is decoded in full.
enum StatementActor {
    struct Account: Hashable, Sendable {
        var homePage: String
        var name: String
    }

    private static let opening = Array(#"{"actor":{"account":{"homePage":""#.utf8)
    private static let between = Array(#"","name":""#.utf8)

    static func account(of statement: Data) -> Account? {
        if let quick = quickAccount(statement) { return quick }
        guard let object = try? JSONSerialization.jsonObject(with: statement) as? [String: Any],
            let actor = object["actor"] as? [String: Any], let account = actor["account"] as? [String: Any],
            let homePage = account["homePage"] as? String, let name = account["name"] as? String
        else { return nil }
        return Account(homePage: homePage, name: name)
    }

    /// The account from Kursus's compact form, or nil when the bytes are in another form.
    static func quickAccount(_ statement: Data) -> Account? {
        statement.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Account? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count > opening.count, bytes.starts(with: opening) else { return nil }
            guard let (homePage, afterHome) = plainString(bytes, from: opening.count) else { return nil }
            let rest = bytes[(afterHome - 1)...]
            guard rest.starts(with: between) else { return nil }
            guard let (name, _) = plainString(bytes, from: afterHome - 1 + between.count) else { return nil }
            return Account(homePage: homePage, name: name)
        }
    }

    /// The string from `start` to the next `"` when it has no escapes or control bytes,
    /// and the index after that quote.
    private static func plainString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: bytes[start..<index], as: UTF8.self) else { return nil }
                return (text, index + 1)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }
}
