/// Rules for course, module and unit ids: stable strings that progress files refer to.
/// Lowercase ASCII letters and digits, `-`, `_` and `.`, starting with a letter or digit,
/// at most 64 characters. Ids never contain path separators, so they are safe in file names.
public enum Identifier {
    public static let maximumLength = 64

    /// nil when `id` is valid, otherwise a sentence saying what is wrong.
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.utf8.count > maximumLength { return "is longer than \(maximumLength) characters" }
        guard let first = id.utf8.first, isLowerAlphanumeric(first) else {
            return "must start with a lowercase letter a-z or a digit"
        }
        for byte in id.utf8
        where
            !(isLowerAlphanumeric(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "."))
        {
            return "may only contain lowercase letters a-z, digits, '-', '_' and '.'"
        }
        if id.contains("..") { return "may not contain '..'" }
        return nil
    }

    public static func isValid(_ id: String) -> Bool { problem(with: id) == nil }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
