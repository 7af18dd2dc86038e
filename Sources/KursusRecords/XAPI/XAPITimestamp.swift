import Foundation

/// xAPI timestamps (ISO 8601 / RFC 3339, xAPI 1.0.3 §4.5). Kursus writes every one in UTC
/// with milliseconds, `2025-03-04T09:15:02.250Z`, whatever the machine's time zone, so
/// a statement made again on another machine has the same bytes (and cmi5 §9.7 asks for
/// UTC too). Milliseconds are truncated, never rounded up, so a timestamp is never later
/// than the event.
public enum XAPITimestamp {
    /// Dates outside years 1-9999 (a broken clock) are clamped to that range.
    public static func string(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.isFinite ? date.timeIntervalSince1970 : 0
        let milliseconds = Int64((min(max(seconds, -62_135_596_800), 253_402_300_799.999) * 1000).rounded(.down))
        let (days, rest) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civil(days)
        let hour = rest / 3_600_000
        let minute = rest / 60000 % 60
        let second = rest / 1000 % 60
        let millisecond = rest % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    /// Midnight UTC at the start of the ISO week (Monday) that holds `date`: how anonymous
    /// survey statements are dated (docs/records.md), never later than the event.
    public static func weekStart(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970.isFinite ? date.timeIntervalSince1970 : 0
        let days = Int64((seconds / 86400).rounded(.down))
        // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
        let (_, sinceMonday) = floorDivision(days + 3, 7)
        return Date(timeIntervalSince1970: Double(days - sinceMonday) * 86400)
    }

    /// Whether `text` is a timestamp an LRS must accept and Kursus can compare: the
    /// extended ISO 8601 form `YYYY-MM-DDThh:mm:ss[.fraction]` with a time zone (`Z` or
    /// `±hh:mm`, also `±hhmm` and `±hh`); a real date and time of day (second 60 for a leap
    /// second). A timestamp without a time zone is refused: the LRS would have to guess it.
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 20, b.count <= 64 else { return false }
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var value = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard let year = digits(0..<4), b[4] == UInt8(ascii: "-"), let month = digits(5..<7), b[7] == UInt8(ascii: "-"),
            let day = digits(8..<10), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            let hour = digits(11..<13), b[13] == UInt8(ascii: ":"), let minute = digits(14..<16), b[16] == UInt8(ascii: ":"),
            let second = digits(17..<19)
        else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59, second <= 60 else {
            return false
        }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start else { return false }
        }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        let zone = Array(b[(i + 1)...])
        let zoneText = String(decoding: zone, as: UTF8.self)
        let parts: (Int?, Int?)
        switch zone.count {
        case 2: parts = (Int(zoneText), 0)
        case 4 where !zoneText.contains(":"): parts = (Int(zoneText.prefix(2)), Int(zoneText.suffix(2)))
        case 5 where zone[2] == UInt8(ascii: ":"): parts = (Int(zoneText.prefix(2)), Int(zoneText.suffix(2)))
        default: return false
        }
        guard zone.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ":") }),
            let zoneHours = parts.0, let zoneMinutes = parts.1
        else { return false }
        return zoneHours <= 23 && zoneMinutes <= 59
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let quotient = a >= 0 ? a / b : -((-a + b - 1) / b)
        return (quotient, a - quotient * b)
    }

    /// Year, month, day of a count of days since 1970-01-01 (proleptic Gregorian;
    /// H. Hinnant's `civil_from_days`).
    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
