import Foundation

/// One figure of a report that describes a group of learners: the value, or nothing
/// because the group is smaller than the report's minimum (docs/reports.md, "Privacy").
/// Every output shows a suppressed cell as "< 5" (the minimum), never the value.
///
/// JSON: the value itself, or `{"belowMinimum": 5}`.
public enum ReportCell<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    case value(Value)
    /// Hidden: the group it describes has fewer learners than `minimum`.
    case belowMinimum(Int)

    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    public var isSuppressed: Bool { value == nil }

    /// The value formatted, or "< minimum".
    public func text(_ format: (Value) -> String) -> String {
        switch self {
        case .value(let value): return format(value)
        case .belowMinimum(let minimum): return "< \(minimum)"
        }
    }

    private enum CodingKeys: String, CodingKey { case belowMinimum }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: CodingKeys.self), keyed.contains(.belowMinimum) {
            self = .belowMinimum(try keyed.decode(Int.self, forKey: .belowMinimum))
        } else {
            self = .value(try decoder.singleValueContainer().decode(Value.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .value(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .belowMinimum(let minimum):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(minimum, forKey: .belowMinimum)
        }
    }
}

/// The privacy rule of a report: counts of learners from 1 to `minimum - 1`, and every
/// statistic computed over fewer than `minimum` learners, are hidden.
public struct CellPolicy: Sendable, Equatable {
    public var minimum: Int

    public init(minimum: Int) { self.minimum = max(1, minimum) }

    /// A count of learners (or of runs, answers, …): shown when 0 or at least the minimum.
    public func count(_ n: Int) -> ReportCell<Int> {
        n == 0 || n >= minimum ? .value(n) : .belowMinimum(minimum)
    }

    /// A figure about a group of `groupSize` learners: shown when the group is big enough.
    public func figure<Value>(_ value: Value, groupSize: Int) -> ReportCell<Value> {
        groupSize >= minimum ? .value(value) : .belowMinimum(minimum)
    }
}
