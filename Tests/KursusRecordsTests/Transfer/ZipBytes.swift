import Foundation

/// A transfer file's bytes, changed in place to make damaged and hostile variants of a
/// real file: renamed entries, flags, attributes, cut-off ends.
struct ZipBytes {
    var bytes: [UInt8]

    init(_ url: URL) throws {
        bytes = Array(try Data(contentsOf: url))
    }

    func write(to url: URL) throws {
        try Data(bytes).write(to: url)
    }

    /// Replaces every occurrence of `old` with `new` (same length). Returns how many.
    @discardableResult
    mutating func replaceAll(_ old: String, with new: String) -> Int {
        replaceAll(Array(old.utf8), with: Array(new.utf8))
    }

    @discardableResult
    mutating func replaceAll(_ old: [UInt8], with new: [UInt8]) -> Int {
        precondition(old.count == new.count)
        var count = 0
        var index = 0
        while index + old.count <= bytes.count {
            if Array(bytes[index..<(index + old.count)]) == old {
                bytes.replaceSubrange(index..<(index + old.count), with: new)
                count += 1
                index += old.count
            } else {
                index += 1
            }
        }
        return count
    }

    /// Offset of the header (local: PK\3\4, central: PK\1\2) whose name is `name`.
    func header(_ name: String, central: Bool) -> Int? {
        let signature: [UInt8] = central ? [0x50, 0x4B, 0x01, 0x02] : [0x50, 0x4B, 0x03, 0x04]
        let nameOffset = central ? 46 : 30
        let lengthOffset = central ? 28 : 26
        let wanted = Array(name.utf8)
        for index in 0..<max(0, bytes.count - nameOffset) where Array(bytes[index..<(index + 4)]) == signature {
            let length = Int(u16(index + lengthOffset))
            if index + nameOffset + length <= bytes.count, Array(bytes[(index + nameOffset)..<(index + nameOffset + length)]) == wanted {
                return index
            }
        }
        return nil
    }

    func u16(_ index: Int) -> UInt16 { UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 }

    mutating func setU16(_ index: Int, _ value: UInt16) {
        bytes[index] = UInt8(value & 0xFF)
        bytes[index + 1] = UInt8(value >> 8)
    }

    mutating func setU32(_ index: Int, _ value: UInt32) {
        setU16(index, UInt16(value & 0xFFFF))
        setU16(index + 2, UInt16(value >> 16))
    }

    /// ORs `bits` into the general-purpose flags of the entry's local and central headers.
    mutating func setFlags(_ name: String, _ bits: UInt16) {
        if let local = header(name, central: false) { setU16(local + 6, u16(local + 6) | bits) }
        if let central = header(name, central: true) { setU16(central + 8, u16(central + 8) | bits) }
    }
}
