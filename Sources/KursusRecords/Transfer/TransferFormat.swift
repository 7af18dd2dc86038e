import Foundation

/// A transfer file carries learners' statements from an offline PC to a trainer's
/// machine on a USB stick: a ZIP archive, extension `.kursus-records`, holding exactly
/// two members, both deflated:
/// - `statements.jsonl`: one statement per line (compact JSON object, lowercase UUID
///   `"id"`, each line ending in "\n"), learner by learner in the manifest's order,
///   each statement's bytes exactly as the player wrote them;
/// - `manifest.json`: a `TransferManifest`.
/// See docs/records-outbox.md.
public enum TransferFormat {
    public static let fileExtension = "kursus-records"
    public static let formatName = "kursus-records"
    public static let formatVersion = 1
    public static let statementsMember = "statements.jsonl"
    public static let manifestMember = "manifest.json"
    public static let members: Set<String> = [statementsMember, manifestMember]
}

/// Bounds on what a transfer file may hold, checked while reading (declared sizes in
/// the archive are checked too but never trusted: bytes are counted as they unpack).
public struct TransferLimits: Hashable, Sendable {
    /// Entries in the archive's directory; a Kursus file has 2.
    public var maximumEntries: Int
    /// Unpacked size of `manifest.json`.
    public var maximumManifestBytes: UInt64
    /// Unpacked size of `statements.jsonl`. Below 4 GiB, so files never need ZIP64.
    public var maximumStatementsBytes: UInt64
    /// Unpacked bytes per packed byte of a member, once it has unpacked 1 MiB. Statements
    /// pack 5 to 20 times; a zip bomb packs about 1000 times.
    public var maximumRatio: UInt64
    /// The longest statement line, in bytes.
    public var maximumStatementBytes: Int

    public init(
        maximumEntries: Int = 16, maximumManifestBytes: UInt64 = 4 << 20, maximumStatementsBytes: UInt64 = 2 << 30,
        maximumRatio: UInt64 = 200, maximumStatementBytes: Int = 1 << 20
    ) {
        self.maximumEntries = maximumEntries
        self.maximumManifestBytes = maximumManifestBytes
        self.maximumStatementsBytes = maximumStatementsBytes
        self.maximumRatio = maximumRatio
        self.maximumStatementBytes = maximumStatementBytes
    }

    public static let standard = TransferLimits()

    /// The bytes a member may unpack to before the ratio is checked.
    static let ratioAllowance: UInt64 = 1 << 20
}

/// A statement read from a transfer file, with the learner the manifest puts it under
/// (for reports; the statement's own actor is what an LRS goes by).
public struct TransferStatement: Hashable, Sendable {
    public var id: String
    public var json: Data
    public var learner: String
    /// Its line in `statements.jsonl`, from 1.
    public var line: Int
}
