/// A short, stable name for one version of a quiz file: the 64-bit FNV-1a hash of its
/// UTF-8 text, as 16 lowercase hex digits. It tells versions apart (an attempt records
/// the version it was taken with); it is not a security checksum, and any edit to the
/// file, even to a comment, makes a new version.
public enum QuizVersion {
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
