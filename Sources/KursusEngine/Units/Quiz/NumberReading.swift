import Foundation

/// Reads a number as a learner types it: a decimal comma or point, spaces or
/// non-breaking spaces as thousands separators, a leading sign.
public enum NumberReading {
    public static func number(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        cleaned = cleaned.replacingOccurrences(of: "−", with: "-")
        guard !cleaned.isEmpty, cleaned.count <= 40 else { return nil }
        if cleaned.contains(","), !cleaned.contains(".") { cleaned = cleaned.replacingOccurrences(of: ",", with: ".") }
        guard cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }),
            let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }
}
