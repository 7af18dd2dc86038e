/// A one-line link reference definition: its line in the source and its label as
/// cmark-gfm matches labels.
struct LinkDefinition {
    /// cmark-gfm's longest label (999 characters; bytes here, which is at least as many).
    static let longestLabel = 4 * 999
    var line: Range<Int>
    var label: String

    /// Case folded, trimmed, and with every run of white space as one space.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scratch: [UInt8] = []
        return normalized(bytes, scratch: &scratch)
    }

    /// As `normalized(_:)`, building the label of ASCII text in `scratch` (reused from
    /// call to call) byte by byte; other text goes through `normalizedCharacters`.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> String {
        scratch.removeAll(keepingCapacity: true)
        var pendingSpace = false
        for byte in bytes {
            // Beyond ASCII, case folding is Unicode's; "\r\n" is one Character, not white space.
            if byte >= 0x80 || byte == UInt8(ascii: "\r") { return normalizedCharacters(bytes) }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                pendingSpace = !scratch.isEmpty
                continue
            }
            if pendingSpace {
                scratch.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            scratch.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The general path of `normalized(_:)`: Characters split at white space, joined
    /// with one space, lowercased.
    static func normalizedCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
            .lowercased()
    }
}
