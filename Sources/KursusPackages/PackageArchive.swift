import Crypto
import KursusText
import Foundation
import KursusCourse

/// A `.kursus` package opened for reading. Opening reads only the zip's index, the
/// manifest and the signature, and refuses anything unsafe (see `PackageArchiveError`
/// and docs/packages.md); files are inflated one at a time when asked for, each checked
/// against its size and SHA-256 in the manifest. Nothing is ever extracted to disk.
///
/// A signature, when present, is checked when the package opens: a package whose
/// manifest does not match its signature does not open. Whether the signer is trusted is
/// `PackageTrust`'s decision.
public struct PackageArchive: Sendable {
    /// The archive file.
    public let url: URL
    /// The archive as messages name it.
    public let shown: String
    public let manifest: PackageManifest
    /// The manifest's exact bytes, as signed.
    public let manifestBytes: Data
    /// The signature, already verified against `manifestBytes`; nil for an unsigned package.
    public let signature: PackageSignature?
    public let limits: PackageLimits

    let file: ArchiveFile
    let dataEnd: Int
    /// Each listed file's zip entry and manifest record, by package path.
    let entries: [String: (record: ZipEntryRecord, file: PackageManifest.File)]

    /// Opens and checks a package. Every refusal is a `PackageArchiveError` that names the
    /// archive and the entry.
    public static func open(_ url: URL, shownAs shown: String, limits: PackageLimits = .standard) throws(PackageArchiveError) -> PackageArchive {
        let file = try ArchiveFile(url, shownAs: shown)
        let index = try ZipIndex.read(file, limits: limits)
        let names = try PackageEntryChecks.check(index.entries, archive: shown, limits: limits)
        guard let first = index.entries.first, names[0] == PackageFormat.manifestEntry else { throw .manifestMissing(archive: shown) }
        let manifestBytes = try ZipEntryReader.read(
            first, name: PackageFormat.manifestEntry, from: file, limit: limits.maximumManifestSize, dataEnd: index.directoryOffset)
        let manifest = try PackageManifest.decode(manifestBytes, archive: shown)
        var signature: PackageSignature?
        var byPath: [String: ZipEntryRecord] = [:]
        for (position, (record, name)) in zip(index.entries, names).enumerated().dropFirst() {
            if name == PackageFormat.manifestEntry {
                throw .duplicateEntry(archive: shown, entry: name)
            } else if name == PackageFormat.signatureEntry {
                guard position == 1 else {
                    throw .manifestInvalid(archive: shown, entry: name, reason: "the signature must be the archive's second entry")
                }
                let bytes = try ZipEntryReader.read(
                    record, name: name, from: file, limit: limits.maximumSignatureSize, dataEnd: index.directoryOffset)
                signature = try PackageSignature.decode(bytes, archive: shown)
            } else if !record.isDirectory {
                byPath[name] = record
            }
        }
        if let signature, !signature.verifies(manifest: manifestBytes) {
            throw .badSignature(
                archive: shown,
                reason: "changed after signing: \(PackageFormat.manifestEntry) does not match its signature (by \(signature.signer.fingerprint))")
        }
        var entries: [String: (record: ZipEntryRecord, file: PackageManifest.File)] = [:]
        for listed in manifest.files {
            guard let record = byPath.removeValue(forKey: listed.path) else { throw .missingFromArchive(archive: shown, entry: listed.path) }
            guard record.uncompressedSize == listed.size else {
                throw .contentMismatch(
                    archive: shown, entry: listed.path, signed: signature != nil,
                    detail: "the archive holds \(record.uncompressedSize) bytes, the manifest lists \(listed.size)")
            }
            entries[listed.path] = (record, listed)
        }
        if let extra = byPath.keys.min(by: PackageManifest.precedes) { throw .notInManifest(archive: shown, entry: extra) }
        return PackageArchive(
            url: url, shown: shown, manifest: manifest, manifestBytes: manifestBytes, signature: signature, limits: limits, file: file,
            dataEnd: index.directoryOffset, entries: entries)
    }

    /// Every course file, in manifest order (sorted by the UTF-8 bytes of the path).
    public var files: [String] { manifest.files.map(\.path) }

    /// Whether the package holds a course file at `path` (a normalised package path).
    public func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of the course file at `path`, inflated now and checked against the
    /// manifest's size and SHA-256; refused when larger than `limit`.
    public func read(_ path: String, limit: Int) throws(PackageArchiveError) -> Data {
        guard let (record, listed) = entries[path] else { throw .missingFromArchive(archive: shown, entry: path) }
        let data = try ZipEntryReader.read(record, name: path, from: file, limit: min(limit, listed.size), dataEnd: dataEnd)
        guard Hex.lowercase(SHA256.hash(data: data)) == listed.sha256 else {
            throw .contentMismatch(archive: shown, entry: path, signed: signature != nil, detail: "its SHA-256 differs")
        }
        return data
    }

    /// Refuses a package whose manifest names another course than its `course.yaml`
    /// (loaded from this archive): the manifest is what a library lists and names the
    /// installed file after, the course is what is played and recorded.
    public func checkMatches(_ course: Course) throws(PackageArchiveError) {
        let listed = manifest.course
        guard listed.id == course.id, listed.version == course.version else {
            throw .manifestInvalid(
                archive: shown, entry: PackageFormat.manifestEntry,
                reason: "it names course '\(listed.id)' version \(listed.version), but course.yaml is '\(course.id)' version \(course.version)")
        }
    }

    /// Reads and checks every file; what `kursus verify` and installing do before they
    /// trust a package as a whole.
    public func verifyAll() throws(PackageArchiveError) {
        for listed in manifest.files { _ = try read(listed.path, limit: listed.size) }
    }
}
