/// Why a transfer file could not be written or was refused. Every message names the
/// file and says what to do. A refused file changes nothing: it is imported whole or
/// not at all.
public enum TransferError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `export` would replace an existing file.
    case outputExists(path: String)
    /// The reason says what to do.
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    /// Not a ZIP archive at all, or cut off (no end-of-archive record), or damaged.
    case damaged(path: String, reason: String)
    /// The archive holds something Kursus never writes and that could be an attack:
    /// names leaving the folder, absolute names, links, encryption, odd names.
    case unsafe(path: String, reason: String)
    /// Too many entries, or members that unpack too far (a zip bomb).
    case tooLarge(path: String, reason: String)
    /// The manifest is missing, unreadable or inconsistent with the statements.
    case badManifest(path: String, reason: String)
    case newerFormat(path: String, found: Int, supported: Int)
    /// A line of `statements.jsonl` is not a statement.
    case badStatement(path: String, line: Int, reason: String)
    /// The same statement id twice in the file with different contents.
    case conflictingDuplicate(path: String, id: String, lines: [Int])
    /// The learners' outboxes could not be read for an export.
    case outbox(OutboxError)

    public var description: String {
        switch self {
        case let .outputExists(path):
            "\(path) exists already; choose another name, or pass --force to replace it"
        case let .cannotWrite(path, reason):
            "\(path): cannot write the transfer file: \(reason)"
        case let .cannotRead(path, reason):
            "\(path): cannot read the file: \(reason); check the name, and that the stick is plugged in"
        case let .damaged(path, reason):
            "\(path): the file is damaged or incomplete (\(reason)); nothing was imported. Copy it again from the stick, or export it again on the PC it came from"
        case let .unsafe(path, reason):
            "\(path): refused: \(reason). Kursus never writes this, so the file was not made by Kursus or was tampered with; nothing was imported"
        case let .tooLarge(path, reason):
            "\(path): refused: \(reason); nothing was imported. Export fewer learners per file"
        case let .badManifest(path, reason):
            "\(path): the manifest does not fit the file: \(reason); nothing was imported. Export the file again on the PC it came from"
        case let .newerFormat(path, found, supported):
            "\(path): written by a newer Kursus (format version \(found); this one reads up to \(supported)); nothing was imported. Update Kursus on this machine"
        case let .badStatement(path, line, reason):
            "\(path): statements.jsonl line \(line): \(reason); nothing was imported. Export the file again on the PC it came from"
        case let .conflictingDuplicate(path, id, lines):
            "\(path): statement \(id) appears on lines \(lines.map(String.init).joined(separator: " and ")) of statements.jsonl with different contents; nothing was imported"
        case let .outbox(error):
            error.description
        }
    }
}
