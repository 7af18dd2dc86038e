import Foundation

/// Cuts a stream of bytes, fed in chunks of any size, into lines ending in "\n", with a
/// bound on a line's length: a longer line is reported (`.overlong`) and skipped without
/// being kept in memory. Bytes after the last "\n" are a line not finished yet (a torn
/// write when the stream has ended): they are never reported as a line.
struct LineSplitter {
    enum Event {
        /// A complete line, without its "\n". `offset` is where it starts in the stream.
        case line(Data, number: Int, offset: UInt64)
        /// A line longer than the limit; `length` is its length without the "\n".
        case overlong(number: Int, offset: UInt64, length: UInt64)
    }

    /// The longest line kept, in bytes without the "\n".
    let maximumLength: Int
    /// Bytes fed so far, counted from the stream's start.
    private(set) var position: UInt64
    /// Where the line being collected starts: the end of the last complete line.
    private(set) var lineStart: UInt64
    /// Complete lines seen so far.
    private(set) var lineCount = 0
    private var partial = Data()
    private var skipping = false

    /// `start` is the stream offset of the first byte fed (reading from the middle of a
    /// file), `firstLineNumber` the number the first line gets.
    init(maximumLength: Int, start: UInt64 = 0, firstLineNumber: Int = 1) {
        self.maximumLength = maximumLength
        position = start
        lineStart = start
        lineCount = firstLineNumber - 1
    }

    /// Bytes after the last complete line: nonzero at the end of a stream means its last
    /// line has no "\n" (cut off by a crash, or by a truncated copy).
    var unfinishedLength: UInt64 { position - lineStart }

    /// Feeds `bytes`, calling `emit` for each line completed; `emit` returns false to
    /// stop at once (the rest of `bytes` is then not consumed). Returns whether every
    /// byte was consumed.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (Event) throws -> Bool) rethrows -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            let rest = count - index
            guard let found = memchr(base + index, 0x0A, rest) else {
                take(base + index, rest)
                position += UInt64(rest)
                return true
            }
            let end = UnsafeRawPointer(found) - base
            take(base + index, end - index)
            position += UInt64(end - index + 1)
            lineCount += 1
            let start = lineStart
            lineStart = position
            let event: Event
            if skipping {
                event = .overlong(number: lineCount, offset: start, length: position - 1 - start)
            } else {
                event = .line(partial, number: lineCount, offset: start)
            }
            partial = Data()
            skipping = false
            index = end + 1
            if try !emit(event) { return index == count }
        }
        return true
    }

    /// Convenience for `Data` chunks.
    mutating func feed(_ data: Data, _ emit: (Event) throws -> Bool) rethrows -> Bool {
        try data.withUnsafeBytes { buffer in try feed(buffer, emit) }
    }

    private mutating func take(_ start: UnsafeRawPointer, _ length: Int) {
        guard !skipping, length > 0 else { return }
        if partial.count + length > maximumLength {
            skipping = true
            partial = Data()
        } else {
            partial.append(start.assumingMemoryBound(to: UInt8.self), count: length)
        }
    }
}
