import ArgumentParser
import Foundation

/// How `kursus report` reads its arguments where ArgumentParser alone cannot: `--lrs`
/// with or without an address, and dates.
enum ReportArguments {
    /// The value a bare `--lrs` stands for: the LRS in the data directory's config.
    static let configuredLRS = "\u{1}configured"

    /// The command line with a bare `--lrs` (last, or followed by another option) given
    /// the value `configuredLRS`, for `kursus report` only; other commands are untouched.
    static func normalized(_ arguments: [String]) -> [String] {
        guard arguments.first == "report" else { return arguments }
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            result.append(argument)
            if argument == "--" {
                result.append(contentsOf: arguments[(index + 1)...])
                break
            }
            if argument == "--lrs" {
                let next = index + 1 < arguments.count ? arguments[index + 1] : nil
                if next == nil || next?.hasPrefix("-") == true { result.append(configuredLRS) }
            }
            index += 1
        }
        return result
    }

    /// Which end of a day a date without a time stands for.
    enum DayEdge {
        /// `--since 2026-03-01`: from local midnight at the start of that day.
        case start
        /// `--until 2026-03-31`: up to local midnight at the end of that day (the day is included).
        case end
    }

    /// `2026-03-01` (local midnight, at the start or the end of the day) or a full ISO 8601
    /// time with a time zone (`2026-03-01T08:00:00Z`, `2026-03-01T09:00:00.500+01:00`).
    static func date(_ text: String, edge: DayEdge, timeZone: TimeZone = .current) -> Date? {
        if let day = day(text, timeZone: timeZone) {
            guard edge == .end else { return day }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            return calendar.date(byAdding: .day, value: 1, to: day)
        }
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// Local midnight at the start of `YYYY-MM-DD`, or nil for any other text or an
    /// impossible date (2026-02-30).
    static func day(_ text: String, timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }

    /// A date option's value, or a bad-argument error saying what is accepted.
    static func parseDate(_ text: String?, option: String, edge: DayEdge) throws -> Date? {
        guard let text else { return nil }
        guard let date = date(text, edge: edge) else {
            throw ValidationError(
                "\(option) '\(text)' is not a date: give 2026-03-01 (a day, in local time) or 2026-03-01T08:00:00Z (ISO 8601 with a time zone)")
        }
        return date
    }
}
