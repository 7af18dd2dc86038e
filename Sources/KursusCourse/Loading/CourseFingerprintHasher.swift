import Crypto
import KursusText
import Foundation

/// The course fingerprint (`KursusProgress.CourseFingerprint`), worked out while the
/// package loads from the bytes the loader reads anyway (or taken from the
/// `CourseFingerprintCache`): SHA-256 over the manifest and every unit's main-language
/// file, in manifest order, each preceded by its length (8 bytes, big-endian), written
/// `sha256:<64 lowercase hex digits>`. Translations are not part of it, so a learner who
/// switches language keeps their progress.
struct CourseFingerprintHasher {
    static let prefix = "sha256:"
    private var hasher = SHA256()

    mutating func add(_ data: Data) {
        var length = UInt64(data.count).bigEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: data)
    }

    /// Whether `text` is a fingerprint as `finish` writes it.
    static func isWellFormed(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst(prefix.utf8.count)
        return text.hasPrefix(prefix) && digits.count == 64 && digits.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    func finish() -> String {
        Self.prefix + Hex.lowercase(hasher.finalize())
    }
}

/// The course fingerprint as the loader finds it: the cache's when it vouches for every
/// file read (the same paths in the same order, every stamp equal), else worked out from
/// the bytes: the manifest's and each unit's main file's, in manifest order. A lesson read
/// only to the end of its front matter is read again in full for it.
enum CourseFingerprints {
    /// `fresh`: worked out now, from files that did not change while the package loaded,
    /// so the cache may keep it. nil when a main file could not be read in full.
    static func fingerprint(
        manifest: Data, outcomes: [CoursePackageLoader.UnitOutcome], stamps: inout [(path: String, stamp: FileStamp)],
        cached: CourseFingerprintCache.Entry?, source: UnitFileSource, shown: (String) -> String
    ) -> (value: String, fresh: Bool)? {
        if let cached, cached.files.elementsEqual(stamps, by: { $0.path == $1.path && $0.stamp == $1.stamp }) {
            return (cached.fingerprint, false)
        }
        var hasher = CourseFingerprintHasher()
        hasher.add(manifest)
        var first: [String: FileStamp] = [:]
        for (path, stamp) in stamps { first[path] = first[path] ?? stamp }
        var unchanged = true
        for outcome in outcomes {
            if let bytes = outcome.mainBytes {
                hasher.add(bytes)
                continue
            }
            guard let relative = outcome.mainRelative else { continue }
            guard let whole = source.readWhole(relative, shownAs: shown(relative), limit: CoursePackage.lessonLimit),
                String(validating: whole.bytes, as: UTF8.self) != nil
            else { return nil }
            hasher.add(whole.bytes)
            unchanged = unchanged && whole.stamp == first[relative]
        }
        return (hasher.finish(), unchanged)
    }
}
