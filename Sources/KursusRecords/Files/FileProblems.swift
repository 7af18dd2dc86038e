/// A problem with one file or folder of an outbox or a record store. Every case names
/// the path and says what to do; paths and reasons are shown as they are, so callers
/// print them through `TerminalSafe.clean`.
public enum RecordFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A symbolic link where Kursus expects a real file or folder. Links are never
    /// followed inside a data directory or a record store, so a link cannot send a read
    /// or a write elsewhere.
    case symbolicLink(path: String)
    /// Something other than a folder (or a file) sits where one is expected.
    case wrongKind(path: String, expected: String)
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// Another process holds the lock on this file.
    case busy(path: String, holder: String)

    public var path: String {
        switch self {
        case let .symbolicLink(path), let .wrongKind(path, _), let .missing(path), let .unreadable(path, _),
            let .writeFailed(path, _), let .busy(path, _):
            path
        }
    }

    public var description: String {
        switch self {
        case let .symbolicLink(path):
            "\(path) is a symbolic link; Kursus does not follow links here. Replace it with the real file or folder"
        case let .wrongKind(path, expected):
            "\(path) is not \(expected); move it away"
        case let .missing(path):
            "\(path) does not exist"
        case let .unreadable(path, reason):
            "\(path): cannot be read: \(reason); check its permissions"
        case let .writeFailed(path, reason):
            "\(path): cannot be written: \(reason); check the disk space and the folder's permissions"
        case let .busy(path, holder):
            "\(path) is locked: \(holder) is using it right now; try again when it has finished"
        }
    }
}

/// A line of an outbox or store file that cannot be used: it is skipped (never sent,
/// never counted) and reported, and the file is left as it is.
public struct DamagedLine: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
