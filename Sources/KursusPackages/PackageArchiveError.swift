import Foundation
import KursusText

/// Why a `.kursus` archive is refused. Every message names the archive (as the user named
/// it) and, where there is one, the entry; entry names come from the archive and are
/// made terminal-safe before they are shown.
public enum PackageArchiveError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(archive: String, reason: String)
    /// Not a zip archive, cut short, or its index or an entry's header is damaged.
    case corrupt(archive: String, detail: String)
    /// An entry's name is absolute, climbs out with `..`, or is otherwise not a package path.
    case unsafePath(archive: String, entry: String, reason: String)
    /// An entry is a symbolic link.
    case symbolicLink(archive: String, entry: String)
    /// Two entries have the same name.
    case duplicateEntry(archive: String, entry: String)
    /// Two entries' names differ only in case (or Unicode normalisation), or a file's name is also a folder's.
    case collidingNames(archive: String, entry: String, other: String)
    /// An entry's name is not UTF-8 (or is not marked as UTF-8 and is not plain ASCII).
    case nameNotUTF8(archive: String, entry: String)
    /// An entry is encrypted.
    case encrypted(archive: String, entry: String)
    /// An entry uses a compression method other than stored or deflate.
    case unsupportedCompression(archive: String, entry: String, method: Int)
    /// More entries than `PackageLimits.maximumEntries`.
    case tooManyEntries(archive: String, count: Int, limit: Int)
    /// The entries declare more than `PackageLimits.maximumTotalSize` unpacked.
    case tooLarge(archive: String, size: Int, limit: Int)
    /// An entry unpacks to more than `PackageLimits.maximumRatio` times its packed size.
    case compressionRatio(archive: String, entry: String, ratio: Int, limit: Int)
    /// An entry is larger than the reader asked for, or inflates beyond its declared size.
    case entryTooLarge(archive: String, entry: String, size: Int, limit: Int)
    /// No `kursus-package.json` as the first entry.
    case manifestMissing(archive: String)
    /// The manifest or the signature file cannot be read as the format says.
    case manifestInvalid(archive: String, entry: String, reason: String)
    /// An entry that the manifest does not list.
    case notInManifest(archive: String, entry: String)
    /// A file the manifest lists that the archive does not hold.
    case missingFromArchive(archive: String, entry: String)
    /// A file's content does not match the manifest (size, SHA-256 or the zip's CRC-32).
    /// `signed` says whether the manifest is signed: then the file was changed after signing.
    case contentMismatch(archive: String, entry: String, signed: Bool, detail: String)
    /// The signature does not verify: the manifest was changed after signing, or the
    /// signature file is damaged.
    case badSignature(archive: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(archive, reason): "\(safe(archive)): cannot read the package: \(reason)"
        case let .corrupt(archive, detail): "\(safe(archive)): the package is damaged or cut short (\(detail)); copy it again from its source"
        case let .unsafePath(archive, entry, reason): "\(safe(archive)): entry '\(safe(entry))' is refused: \(reason)"
        case let .symbolicLink(archive, entry):
            "\(safe(archive)): entry '\(safe(entry))' is a symbolic link; a course package holds only regular files"
        case let .duplicateEntry(archive, entry): "\(safe(archive)): entry '\(safe(entry))' appears more than once"
        case let .collidingNames(archive, entry, other):
            "\(safe(archive)): entry '\(safe(entry))' collides with '\(safe(other))' (names that differ only in case, or a file that is also a folder)"
        case let .nameNotUTF8(archive, entry):
            "\(safe(archive)): entry '\(safe(entry))' has a name that is not UTF-8; pack the course with 'kursus pack'"
        case let .encrypted(archive, entry): "\(safe(archive)): entry '\(safe(entry))' is encrypted; course packages are never encrypted"
        case let .unsupportedCompression(archive, entry, method):
            "\(safe(archive)): entry '\(safe(entry))' uses compression method \(method); only stored (0) and deflate (8) are read"
        case let .tooManyEntries(archive, count, limit): "\(safe(archive)): holds \(count) entries; the limit is \(limit)"
        case let .tooLarge(archive, size, limit):
            "\(safe(archive)): unpacks to \(describe(size)); the limit is \(describe(limit)) (a zip bomb, or not a course package)"
        case let .compressionRatio(archive, entry, ratio, limit):
            "\(safe(archive)): entry '\(safe(entry))' unpacks to \(ratio) times its packed size; the limit is \(limit):1 (a zip bomb)"
        case let .entryTooLarge(archive, entry, size, limit):
            "\(safe(archive)): entry '\(safe(entry))' is \(describe(size)) unpacked; the limit is \(describe(limit))"
        case let .manifestMissing(archive):
            "\(safe(archive)): not a course package: its first entry is not '\(PackageFormat.manifestEntry)' (make packages with 'kursus pack')"
        case let .manifestInvalid(archive, entry, reason): "\(safe(archive)): '\(safe(entry))' is invalid: \(reason)"
        case let .notInManifest(archive, entry): "\(safe(archive)): entry '\(safe(entry))' is not listed in \(PackageFormat.manifestEntry)"
        case let .missingFromArchive(archive, entry):
            "\(safe(archive)): '\(safe(entry))' is listed in \(PackageFormat.manifestEntry) but the archive does not hold it"
        case let .contentMismatch(archive, entry, signed, detail):
            signed
                ? "\(safe(archive)): changed after signing: \(safe(entry)) does not match its signature (\(detail))"
                : "\(safe(archive)): '\(safe(entry))' does not match the package's manifest (\(detail)); the package was changed or damaged"
        case let .badSignature(archive, reason): "\(safe(archive)): \(reason)"
        }
    }

    /// The archive this error is about, as the user named it.
    public var archive: String {
        switch self {
        case .unreadable(let archive, _), .corrupt(let archive, _), .unsafePath(let archive, _, _), .symbolicLink(let archive, _),
            .duplicateEntry(let archive, _), .collidingNames(let archive, _, _), .nameNotUTF8(let archive, _), .encrypted(let archive, _),
            .unsupportedCompression(let archive, _, _), .tooManyEntries(let archive, _, _), .tooLarge(let archive, _, _),
            .compressionRatio(let archive, _, _, _), .entryTooLarge(let archive, _, _, _), .manifestMissing(let archive),
            .manifestInvalid(let archive, _, _), .notInManifest(let archive, _), .missingFromArchive(let archive, _),
            .contentMismatch(let archive, _, _, _), .badSignature(let archive, _):
            archive
        }
    }

    /// The message without the archive's name in front (for diagnostics that name it already).
    public var reason: String {
        let text = description
        let prefix = safe(archive) + ": "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    private func safe(_ text: String) -> String { TerminalSafe.clean(text) }
    private func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
