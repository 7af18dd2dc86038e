import Foundation
import KursusText

/// Escaping for the HTML report: content (course texts, names, answers) can never
/// become markup, leave an attribute, or hide a control character in the page.
enum HTMLEscaping {
    /// `text` for an element's content or a quoted attribute value: `&`, `<`, `>`, `"`
    /// and `'` become character references; line breaks and tabs become spaces; other
    /// control characters become their visible stand-ins (␛ for ESC), and bidi controls
    /// and Unicode noncharacters become U+FFFD (as `TerminalSafe` does).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &result, lineBreak: " ") }
        return result
    }

    /// `text` escaped like `escape(_:)`, its own line breaks kept as `<br>`.
    static func escapeKeepingLines(_ text: String) -> String {
        var result = ""
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        for scalar in normalized.unicodeScalars { append(scalar, to: &result, lineBreak: "<br>") }
        return result
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String, lineBreak: String) {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        case "\n", "\r": result += lineBreak
        case "\t": result += " "
        default:
            if isNoncharacter(scalar) {
                result.unicodeScalars.append("\u{FFFD}")
            } else {
                result.unicodeScalars.append(TerminalSafe.replacement(for: scalar) ?? scalar)
            }
        }
    }

    /// U+FDD0–U+FDEF and the last two code points of every plane, which HTML forbids.
    static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }
}
