import Foundation

/// Reads a text file: checks that it exists, is a regular file (a pipe or a device is
/// refused, so reading can never block), is not larger than a limit (before reading it),
/// and is valid UTF-8. Every failure names the file and, for bad UTF-8, the line and
/// column of the first bad byte. Course packages and the command line read through it.
public enum TextFileReader {
    public static func read(_ url: URL, shownAs path: String, limit: Int) throws(CourseError) -> String {
        try decode(try readBytes(url, shownAs: path, limit: limit), shownAs: path)
    }

    /// The file's bytes, after the same checks as `read`, without decoding them.
    public static func readBytes(_ url: URL, shownAs path: String, limit: Int) throws(CourseError) -> Data {
        let here = SourceLocation(file: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CourseError(here, "file not found")
        }
        guard !isDirectory.boolValue else {
            throw CourseError(here, "is a folder, not a file")
        }
        let attributes: [FileAttributeKey: Any]
        do {
            // The attributes of what a symbolic link points to, not of the link itself.
            attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        } catch {
            throw CourseError(here, "cannot be read (check the file's permissions)")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw CourseError(here, "is not a regular file (a pipe, device or socket cannot be read as text)")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw CourseError(here, "is \(ByteCount.describe(size)); the limit is \(ByteCount.describe(limit)). Split it into smaller files")
        }
        let data: Data
        do {
            // Read through a handle with an explicit upper bound: the file may grow after the size check.
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw CourseError(here, "cannot be read (check the file's permissions)")
        }
        guard data.count <= limit else {
            throw CourseError(here, "is larger than the limit of \(ByteCount.describe(limit))")
        }
        return data
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
