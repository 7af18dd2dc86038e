import Foundation
import KursusText
import Yams

/// Writes a quiz in the `kursus-quiz/1` YAML format (docs/quiz-format.md), so a quiz
/// read from a GIFT file can be edited on as YAML. Keys come in the documented order;
/// keys at their default values are left out; question ids are always written, since
/// progress records answers by id.
///
/// The text is written question by question through `YAMLBlockEmitter`, a port of
/// libyaml's emitter, so the output is byte for byte what Yams' `serialize` wrote from
/// a node tree before (a 10,000-question quiz took seconds and hundreds of megabytes
/// that way, docs/performance.md): every string is quoted exactly when YAML needs it.
public enum QuizYAMLWriter {
    public static let headerComment = "# Converted from Moodle GIFT by `kursus import-gift`; edit it as kursus-quiz/1 YAML (docs/quiz-format.md)."

    /// The whole file as one string.
    public static func yaml(for quiz: Quiz) -> String {
        var bytes: [UInt8] = []
        write(quiz) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the file in pieces of about `chunkSize` bytes, each handed to `sink` as
    /// soon as it is full (and the rest at the end), so memory stays flat however many
    /// questions the quiz has.
    public static func write(
        _ quiz: Quiz, chunkSize: Int = 64 * 1024, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var writer = QuizYAMLStream()
        writer.emitter.reserve(chunkSize + 4096)
        try Array((headerComment + "\n").utf8).withUnsafeBufferPointer(sink)
        writer.begin(quiz)
        for question in quiz.questions {
            writer.question(question)
            if writer.emitter.output.count >= chunkSize { try writer.emitter.flush(sink) }
        }
        writer.end()
        try writer.emitter.flush(sink)
    }

    // MARK: - Strings

    /// How a string is written: single-quoted when YAML would read it, plain, as
    /// something else (`true`, `80`, `null`, `~`); double-quoted when it holds what
    /// `TerminalSafe` cleans (line breaks aside), so that C1 controls and bidi overrides
    /// are written as escapes (`\u202e`) and the file shows inert in a terminal or an
    /// editor; text of several lines as a literal block (`|`). The emitter quotes a string
    /// anyway when its style cannot hold it.
    static func style(for text: String) -> YAMLScalarStyle {
        let hasBreak = text.utf8.contains(0x0A)
        if !TerminalSafe.isSafe(text) && !(hasBreak && isSafeBesideLineFeeds(text)) { return .doubleQuoted }
        if mayResolveAsOther(text) && text.represented().style == .singleQuoted { return .singleQuoted }
        return hasBreak ? .literal : .plain
    }

    /// Whether `text` holds nothing `TerminalSafe` cleans but line feeds: the check of
    /// `TerminalSafe.isSafe(utf8:)` on bytes, with LF allowed.
    static func isSafeBesideLineFeeds(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = bytes.next() {
            switch byte {
            case 0x0A: break
            case 0x00...0x1F, 0x7F: return false
            case 0x80...0x9F where previous.1 == 0xC2: return false
            case 0xAA...0xAE where previous == (0xE2, 0x80): return false
            case 0xA6...0xA9 where previous == (0xE2, 0x81): return false
            default: break
            }
            previous = (previous.1, byte)
        }
        return true
    }

    /// Whether Yams' default resolver might read `text`, written plain, as anything but
    /// a string; false means it certainly reads it as a string. The resolver's rules are
    /// regular expressions (booleans, null, `<<` and `=` of at most five characters;
    /// numbers and timestamps of digits, signs, `._:`, spaces and a few letters), and
    /// running them on every string was most of the time of converting a large quiz,
    /// so only strings that could match are handed to it. `$` also matches before a
    /// final line break, hence the room for one.
    static func mayResolveAsOther(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first else { return true }
        guard "yYnNtTfFoO+-0123456789.<~=".utf8.contains(first) else { return false }
        if bytes.count <= 8 { return true }
        guard "+-.0123456789".utf8.contains(first) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
                UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: " "),
                UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "t"),
                UInt8(ascii: "I"), UInt8(ascii: "N"), UInt8(ascii: "T"), UInt8(ascii: "Z"), 0x09...0x0D, 0x80...0xFF:
                return true
            default:
                return false
            }
        }
    }

    /// `50`, `3.14`, `-0.5`: whole numbers without a fraction, others in a form YAML
    /// reads as a float (with a decimal point, never `1e-05`).
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        let shortest = String(value)
        if !shortest.contains("e") { return shortest }
        var text = String(format: "%.17f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text += "0" }
        return text
    }
}
