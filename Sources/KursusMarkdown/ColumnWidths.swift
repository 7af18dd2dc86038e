/// Chooses table column widths that fit a given space.
///
/// Each column wants its natural width (its widest cell on one line) and
/// should not go below its widest word. When the natural widths fit, they
/// are used. Otherwise every column gets its widest word (capped by its
/// natural width) and the rest of the space is shared out in proportion to
/// how much more each column would like. When even the widest words do not
/// fit, columns shrink in proportion to them and words are broken.
enum ColumnWidths {
    /// The smallest width a column is given before the table is stacked
    /// instead (less if its content is narrower).
    static let floor = 4

    /// Column widths whose sum is at most `space`, or nil when the columns
    /// cannot get even `floor` columns each (the table should be stacked).
    static func fit(natural: [Int], longestWord: [Int], space: Int) -> [Int]? {
        let natural = natural.map { max(1, $0) }
        let minimum = zip(natural, longestWord).map { min($0, max(1, $1)) }
        let floors = natural.map { min($0, floor) }
        guard floors.reduce(0, +) <= space else { return nil }
        if natural.reduce(0, +) <= space { return natural }
        let minimumTotal = minimum.reduce(0, +)
        if minimumTotal <= space {
            let wishes = zip(natural, minimum).map { $0 - $1 }
            let extra = distribute(space - minimumTotal, weights: wishes, caps: wishes)
            return zip(minimum, extra).map { $0 + $1 }
        }
        let wishes = zip(minimum, floors).map { $0 - $1 }
        let extra = distribute(space - floors.reduce(0, +), weights: wishes, caps: wishes)
        return zip(floors, extra).map { $0 + $1 }
    }

    /// Shares `amount` out in proportion to `weights` (largest remainders
    /// first), never giving an entry more than its cap.
    static func distribute(_ amount: Int, weights: [Int], caps: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        guard amount > 0, total > 0 else { return Array(repeating: 0, count: weights.count) }
        var shares = weights.map { min($0 * amount / total, amount) }
        var remainders = weights.enumerated().map { (index: $0.offset, remainder: $0.element * amount % total) }
        remainders.sort { $0.remainder > $1.remainder || ($0.remainder == $1.remainder && $0.index < $1.index) }
        var left = amount - shares.reduce(0, +)
        for entry in remainders where left > 0 && shares[entry.index] < caps[entry.index] {
            shares[entry.index] += 1
            left -= 1
        }
        for index in shares.indices {
            shares[index] = min(shares[index], caps[index])
        }
        return shares
    }
}
