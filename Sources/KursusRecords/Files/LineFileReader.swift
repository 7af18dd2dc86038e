import Foundation

/// Reads a file of lines from a byte offset to its end, in 64 KiB chunks, handing each
/// complete line (or an overlong one, not kept) to a closure. Memory stays bounded by
/// the longest line allowed, however long the file is.
enum LineFileReader {
    struct Summary: Equatable {
        /// Offset just after the last complete line read.
        var end: UInt64
        /// Bytes after the last complete line (a torn last line); 0 when the file ends
        /// with "\n". Only meaningful when the whole file was read.
        var unfinishedLength: UInt64
        /// Whether the closure stopped the reading.
        var stopped: Bool
        /// The number the line starting at `end` has.
        var nextLineNumber: Int
    }

    static let chunkSize = 64 * 1024

    /// Reads `file` from `offset` (0: from the start). `body` returns false to stop.
    /// `firstLineNumber` numbers the line at `offset`, for messages.
    @discardableResult
    static func read(
        _ file: OpenFile, from offset: UInt64 = 0, firstLineNumber: Int = 1, maximumLength: Int,
        _ body: (LineSplitter.Event) -> Bool
    ) throws(RecordFileError) -> Summary {
        try file.seek(to: offset)
        var splitter = LineSplitter(maximumLength: maximumLength, start: offset, firstLineNumber: firstLineNumber)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try file.read(into: &chunk)
            if count == 0 { break }
            let finished = chunk.withUnsafeBytes { buffer in
                var stop = false
                _ = splitter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { event in
                    stop = !body(event)
                    return !stop
                }
                return !stop
            }
            if !finished {
                return Summary(end: splitter.lineStart, unfinishedLength: 0, stopped: true, nextLineNumber: splitter.lineCount + 1)
            }
        }
        return Summary(
            end: splitter.lineStart, unfinishedLength: splitter.unfinishedLength, stopped: false, nextLineNumber: splitter.lineCount + 1
        )
    }
}
