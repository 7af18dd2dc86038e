import Foundation

/// A statement id as 128 bits, for telling statements read twice apart cheaply (two
/// million of them in a set). Parsing is strict: `8-4-4-4-12` hex digits, either case.
struct StatementKey: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> StatementKey? {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            if digits < 16 {
                high = high << 4 | value
            } else {
                low = low << 4 | value
            }
            digits += 1
        }
        return StatementKey(high: high, low: low)
    }
}
