import Foundation

/// Reads a text file: checks that it exists, is a regular file (a pipe or a device is
/// refused, so reading can never block; see `RegularFileReader`), is not larger than a
/// limit (before reading it), and is valid UTF-8. Every failure names the file and, for bad UTF-8, the line and
/// column of the first bad byte. Course packages and the command line read through it.
public enum TextFileReader {
    public static func read(_ url: URL, shownAs path: String, limit: Int) throws(CourseError) -> String {
        try decode(try readBytes(url, shownAs: path, limit: limit), shownAs: path)
    }

    /// The file's bytes, after the same checks as `read`, without decoding them. The
    /// file is opened and checked by `RegularFileReader`, so a FIFO never blocks.
    public static func readBytes(_ url: URL, shownAs path: String, limit: Int) throws(CourseError) -> Data {
        do {
            return try RegularFileReader.read(url, limit: limit)
        } catch .tooLarge(let size, let limit) {
            throw CourseError(
                SourceLocation(file: path), "is \(ByteCount.describe(size)); the limit is \(ByteCount.describe(limit)). Split it into smaller files")
        } catch {
            throw CourseError(SourceLocation(file: path), error.description)
        }
    }

    /// Decodes UTF-8, dropping a byte-order mark; invalid bytes are reported with their place.
    public static func decode(_ data: Data, shownAs path: String) throws(CourseError) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (line, column) = firstInvalidUTF8Position(bytes)
        throw CourseError(
            SourceLocation(file: path, line: line, column: column),
            "is not valid UTF-8 text; save the file as UTF-8 in your editor"
        )
    }

    static func firstInvalidUTF8Position(_ bytes: Data.SubSequence) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > bytes.endIndex || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? (index - lineStart)) + 1
                return (line, column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return (line, 1)
    }
}

/// Human-readable byte counts for messages.
public enum ByteCount {
    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) bytes"
    }
}
