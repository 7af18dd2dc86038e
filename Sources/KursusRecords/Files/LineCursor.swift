import Foundation

/// Reads a file of lines one at a time, on request, from a byte offset: the pull-side
/// counterpart of `LineFileReader`, for reading two files side by side (a record store's
/// segment and its index). Memory is one 64 KiB buffer plus the current line; a line
/// longer than `maximumLength` is an error, as is a last line without "\n" (these files
/// are written whole by Kursus and renamed into place, so either means damage).
final class LineCursor {
    private let file: OpenFile
    private let maximumLength: Int
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var start = 0
    private var end = 0
    /// Offset in the file of the next line `next()` returns.
    private(set) var offset: UInt64
    /// Number of the next line, from 1 at the file's start.
    private(set) var lineNumber: Int

    init(_ file: OpenFile, from offset: UInt64 = 0, lineNumber: Int = 1, maximumLength: Int) throws(RecordFileError) {
        self.file = file
        self.maximumLength = maximumLength
        self.offset = offset
        self.lineNumber = lineNumber
        try file.seek(to: offset)
    }

    /// The next line without its "\n", or nil at the end of the file.
    func next() throws(RecordFileError) -> Data? {
        var line = Data()
        while true {
            if start < end {
                let found = buffer[start..<end].firstIndex(of: 0x0A)
                let stop = found ?? end
                line.append(contentsOf: buffer[start..<stop])
                guard line.count <= maximumLength else {
                    throw .unreadable(path: file.path, reason: "line \(lineNumber) is longer than \(maximumLength) bytes; the file is damaged")
                }
                start = stop
                if found != nil {
                    start += 1
                    offset += UInt64(line.count + 1)
                    lineNumber += 1
                    return line
                }
            }
            let count = try file.read(into: &buffer)
            start = 0
            end = count
            if count == 0 {
                guard line.isEmpty else {
                    throw .unreadable(path: file.path, reason: "the last line is cut off; the file is damaged")
                }
                return nil
            }
        }
    }
}
