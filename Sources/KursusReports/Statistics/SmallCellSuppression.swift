// Small-cell suppression: a statistic about a group of fewer than a minimum
// number of people is not shown, so that one learner's answers cannot be read
// off a report. The group size itself is shown only as "< minimum".

/// A value that may have been withheld because its group was too small.
public enum Suppressible<Value: Sendable>: Sendable {
    case shown(Value)
    /// The group had fewer than `minimum` members.
    case suppressed(minimum: Int)

    /// The value, or nil when suppressed.
    public var value: Value? {
        if case .shown(let value) = self { return value }
        return nil
    }

    public var isSuppressed: Bool { value == nil }

    /// The value formatted by `format`, or "< minimum" (e.g. "< 5").
    public func text(_ format: (Value) -> String) -> String {
        switch self {
        case .shown(let value): format(value)
        case .suppressed(let minimum): "< \(minimum)"
        }
    }
}

extension Suppressible: Equatable where Value: Equatable {}

public enum SmallCells {
    /// The default smallest group whose statistics are shown.
    public static let defaultMinimum = 5

    /// `value` for a group of `groupSize` people, suppressed when
    /// `groupSize < minimum`. The value is computed only when shown. A
    /// non-positive minimum suppresses nothing.
    public static func suppress<Value: Sendable>(
        groupSize: Int, minimum: Int = defaultMinimum, _ value: () -> Value
    ) -> Suppressible<Value> {
        groupSize < minimum ? .suppressed(minimum: minimum) : .shown(value())
    }

    /// The group size itself, suppressed below `minimum`.
    public static func count(_ groupSize: Int, minimum: Int = defaultMinimum) -> Suppressible<Int> {
        suppress(groupSize: groupSize, minimum: minimum) { groupSize }
    }
}
