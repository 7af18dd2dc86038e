import Foundation

/// Searches of UTF-8 text for byte sequences that `validate` warns about, done with
/// `memchr` on the first byte of the sequence: text holds that byte rarely, so a lesson
/// costs about one fast pass per search instead of a loop over every byte.
enum ByteScan {
    /// Whether some occurrence of `byte` in `text` satisfies `follows`, which is given
    /// the bytes and the occurrence's offset.
    static func contains(
        _ byte: UInt8, in text: String.UTF8View, where follows: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        if let found = text.withContiguousStorageIfAvailable({ contains(byte, in: $0, where: follows) }) { return found }
        return Array(text).withUnsafeBufferPointer { contains(byte, in: $0, where: follows) }
    }

    /// As `contains(_:in:where:)`, in bytes.
    static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where follows: (UnsafeBufferPointer<UInt8>, Int) -> Bool)
        -> Bool
    {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(byte), bytes.count - offset) {
            let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if follows(bytes, index) { return true }
            offset = index + 1
        }
        return false
    }
}
