import Foundation

/// The fixed names and limits of the one-file course package format (`.kursus`),
/// described in docs/packages.md.
public enum PackageFormat {
    /// The `format` value of every manifest this version writes and reads.
    public static let formatName = "kursus-package/1"
    /// The manifest: always the archive's first entry.
    public static let manifestEntry = "kursus-package.json"
    /// The optional signature: the second entry when present.
    public static let signatureEntry = "kursus-package.sig"
    /// The file extension of a package.
    public static let fileExtension = "kursus"
    /// Every entry's DOS modification date: 1980-01-01 00:00 (UTC), the earliest a zip can hold.
    public static let entryDate = Date(timeIntervalSince1970: 315_532_800)
    /// Every entry's Unix permissions.
    public static let entryPermissions: UInt16 = 0o644
    /// Files with these extensions are already compressed and are stored as they are;
    /// every other file is deflated.
    public static let storedExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "zip", "gz", "mp3", "mp4", "pdf"]

    /// Whether `path` names a hidden file or lies in a hidden folder (a segment starting with `.`).
    public static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

/// The limits a package must keep to be read at all. Every one is checked on the zip's
/// index before anything is inflated, and the sizes again while inflating.
public struct PackageLimits: Sendable, Hashable {
    /// The most entries an archive may hold.
    public var maximumEntries: Int
    /// The most bytes all entries may declare, unpacked, together.
    public var maximumTotalSize: Int
    /// The largest unpacked-to-packed ratio of one entry (checked for entries larger than `ratioFloor`).
    public var maximumRatio: Int
    /// Entries up to this size are not held to `maximumRatio` (a bomb that small is harmless).
    public var ratioFloor: Int
    /// The largest manifest (`kursus-package.json`).
    public var maximumManifestSize: Int
    /// The largest signature file (`kursus-package.sig`).
    public var maximumSignatureSize: Int

    public init(
        maximumEntries: Int = 10_000, maximumTotalSize: Int = 512 << 20, maximumRatio: Int = 200, ratioFloor: Int = 64 << 10,
        maximumManifestSize: Int = 8 << 20, maximumSignatureSize: Int = 16 << 10
    ) {
        self.maximumEntries = maximumEntries
        self.maximumTotalSize = maximumTotalSize
        self.maximumRatio = maximumRatio
        self.ratioFloor = ratioFloor
        self.maximumManifestSize = maximumManifestSize
        self.maximumSignatureSize = maximumSignatureSize
    }

    /// The limits every command uses.
    public static let standard = PackageLimits()
}
