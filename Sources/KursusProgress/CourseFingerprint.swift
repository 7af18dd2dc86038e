import Crypto
import Foundation
import KursusCourse

/// Identifies a course's content, so progress saved against other content can be
/// recognised: SHA-256 over the manifest and every unit's main-language file (lessons,
/// quizzes, surveys, scenarios), in manifest order. Each part is preceded by its length
/// (8 bytes, big-endian), so moving bytes from one file to the next changes the result.
/// Written as `sha256:<64 lowercase hex digits>`.
///
/// The package loader works it out from the bytes it reads anyway (no file is read or
/// inflated again). Translations are not part of it, so the value is the same whichever
/// language is played, and a learner who switches language keeps their progress.
public enum CourseFingerprint {
    public static let prefix = "sha256:"

    /// The fingerprint of a loaded package; throws when one of its files could not be read.
    public static func compute(_ package: CoursePackage) throws(ProgressError) -> String {
        if package.contents.isEmpty { return try reading(package) }
        guard let fingerprint = package.fingerprint else {
            throw .unreadable(
                path: package.shown(CoursePackage.manifestName),
                reason: "cannot fingerprint the course: one of its files could not be read (run 'kursus validate' for the reason)")
        }
        return fingerprint
    }

    /// The same value for a package made by hand rather than by the loader (it has no
    /// fingerprint of its own): every file is read.
    static func reading(_ package: CoursePackage) throws(ProgressError) -> String {
        var hasher = SHA256()
        add(try read(CoursePackage.manifestName, of: package, limit: CoursePackage.manifestLimit), to: &hasher)
        for unit in package.course.allUnits {
            if let lesson = package.lessonFiles[unit.id] {
                add(try read(lesson, of: package, limit: CoursePackage.lessonLimit), to: &hasher)
            } else if let quiz = package.quizFiles[unit.id] {
                add(try read(quiz, of: package, limit: CoursePackage.quizLimit), to: &hasher)
            } else if let scenario = package.scenarioFiles[unit.id] {
                add(try read(scenario, of: package, limit: ScenarioFile.maximumBytes), to: &hasher)
            }
        }
        return prefix
            + hasher.finalize().map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
    }

    private static func add(_ data: Data, to hasher: inout SHA256) {
        var length = UInt64(data.count).bigEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: data)
    }

    private static func read(_ file: String, of package: CoursePackage, limit: Int) throws(ProgressError) -> Data {
        let shown = package.shown(file)
        do {
            return try package.storage.read(file, shownAs: shown, limit: limit)
        } catch {
            throw .unreadable(
                path: shown, reason: "cannot read the course file to fingerprint it (\(error.diagnostics.first?.message ?? "unreadable"))")
        }
    }
}
