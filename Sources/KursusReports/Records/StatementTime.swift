import Foundation
import KursusRecords

/// Reading the times of a statement: its `timestamp` and its `result.duration`.
enum StatementTime {
    /// The moment of an xAPI timestamp: the extended ISO 8601 form
    /// `YYYY-MM-DDThh:mm:ss[.fraction]` with `Z` or an offset (`±hh:mm`, `±hhmm`, `±hh`),
    /// as `XAPITimestamp.isValid` accepts it; nil for anything else. Fractions beyond
    /// microseconds are cut off. Made for speed: no formatter, no allocation.
    static func timestamp(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { timestamp(utf8: $0) }
    }

    static func timestamp(utf8 b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count >= 20, b.count <= 64 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let byte = b[i]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
            let day = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"), let hour = digits(11, 2),
            b[13] == UInt8(ascii: ":"), let minute = digits(14, 2), b[16] == UInt8(ascii: ":"), let second = digits(17, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            var scale = 0.1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if i - start < 6 {
                    fraction += Double(b[i] - 0x30) * scale
                    scale /= 10
                }
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == b.count else { return nil }
        } else {
            guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            let rest = b.count - i - 1
            let zoneHours: Int?
            let zoneMinutes: Int?
            switch rest {
            case 2: (zoneHours, zoneMinutes) = (digits(i + 1, 2), 0)
            case 4: (zoneHours, zoneMinutes) = (digits(i + 1, 2), digits(i + 3, 2))
            case 5 where b[i + 3] == UInt8(ascii: ":"): (zoneHours, zoneMinutes) = (digits(i + 1, 2), digits(i + 4, 2))
            default: return nil
            }
            guard let zoneHours, let zoneMinutes, zoneHours <= 23, zoneMinutes <= 59 else { return nil }
            offset = sign * (zoneHours * 3600 + zoneMinutes * 60)
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Seconds of an xAPI duration (`PT1H2M3S`, `PT0S`, `PT1.5S`); nil when it is not one.
    /// The plain forms Kursus writes are read here; anything else goes to
    /// `ISO8601Duration.seconds`.
    static func seconds(_ text: String) -> Double? {
        var text = text
        let fast: Double? = text.withUTF8 { b -> Double? in
            guard b.count >= 4, b.count <= 24, b[0] == UInt8(ascii: "P"), b[1] == UInt8(ascii: "T") else { return nil }
            var total = 0
            var number = 0
            var digits = 0
            var lastRank = 0
            for i in 2..<b.count {
                let byte = b[i]
                if byte >= 0x30, byte <= 0x39 {
                    number = number * 10 + Int(byte - 0x30)
                    digits += 1
                    guard digits <= 12 else { return nil }
                    continue
                }
                let (rank, unit): (Int, Int) =
                    switch byte {
                    case UInt8(ascii: "H"): (1, 3600)
                    case UInt8(ascii: "M"): (2, 60)
                    case UInt8(ascii: "S"): (3, 1)
                    default: (0, 0)
                    }
                guard rank > lastRank, digits > 0 else { return nil }
                total += number * unit
                number = 0
                digits = 0
                lastRank = rank
            }
            return digits == 0 && lastRank > 0 ? Double(total) : nil
        }
        if let fast { return fast }
        return ISO8601Duration.seconds(text)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
