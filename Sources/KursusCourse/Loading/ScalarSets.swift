import Foundation

/// Foundation's character sets, made once: `CharacterSet.whitespaces` and its like
/// build a new set on every use, and the loader and the quiz checks ask them of every
/// character (building `alphanumerics` per character was a quarter of validating a
/// quiz of 10,000 questions).
enum ScalarSets {
    static let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
    static let whitespaces = CharacterSet.whitespaces
    static let alphanumerics = CharacterSet.alphanumerics

    /// Whether the scalar `value` is in `CharacterSet.alphanumerics`: ASCII and Latin-1
    /// letters and General Punctuation (U+2000–U+206F, none alphanumeric) without a set
    /// lookup.
    static func isAlphanumeric(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        case 0xC0...0xFF: return value != 0xD7 && value != 0xF7  // Latin-1 letters, not × and ÷
        case 0x2000...0x206F: return false
        default: return Unicode.Scalar(value).map { alphanumerics.contains($0) } ?? false
        }
    }
}
