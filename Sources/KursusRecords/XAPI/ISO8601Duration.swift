import Foundation

/// xAPI durations (ISO 8601, as xAPI 1.0.3 §4.6 uses them): `PT1H2M3S`, `PT0S`. Whole
/// seconds are written as hours, minutes and seconds, never days or months, because a
/// day or a month has no fixed length and LRSs compare durations as written.
public enum ISO8601Duration {
    /// `seconds` (negative counts as 0) as an xAPI duration.
    public static func string(seconds: Int) -> String {
        let total = max(0, seconds)
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        let rest = total % 60
        if total == 0 { return "PT0S" }
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if rest > 0 { text += "\(rest)S" }
        return text
    }

    /// Seconds in a duration made of any of `PnYnMnDTnHnMnS` with decimal seconds, or
    /// `PnW`; nil when it is not one. Years count 365 days and months 30, as the
    /// specification leaves them open; Kursus never writes them.
    public static func seconds(_ text: String) -> Double? {
        guard text.hasPrefix("P"), text.count > 1, text.count <= 64 else { return nil }
        var total = 0.0
        var number = ""
        var inTime = false
        var sawUnit = false
        var lastRank = -1
        let dateUnits: [Character: (rank: Int, seconds: Double)] = ["Y": (0, 31_536_000), "M": (1, 2_592_000), "W": (2, 604_800), "D": (3, 86_400)]
        let timeUnits: [Character: (rank: Int, seconds: Double)] = ["H": (4, 3600), "M": (5, 60), "S": (6, 1)]
        for character in text.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isASCII, character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            guard let unit = (inTime ? timeUnits : dateUnits)[character], let value = Double(number), value >= 0, unit.rank > lastRank else {
                return nil
            }
            // Only the smallest unit written may have a fraction.
            if number.contains("."), unit.rank != 6 { return nil }
            total += value * unit.seconds
            lastRank = unit.rank
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, !(inTime && lastRank < 4) else { return nil }
        return total
    }
}
