import Foundation
import KursusCourse

/// `kursus-package.json`: what the package is and every file it holds, with its size and
/// SHA-256. It is the archive's first entry; a signature covers its exact bytes.
public struct PackageManifest: Sendable, Hashable, Codable {
    /// The course, as its `course.yaml` says when the package was made.
    public struct CourseInfo: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var version: String
        public var language: String
        public var description: String?

        public init(id: String, title: String, version: String, language: String, description: String? = nil) {
            self.id = id
            self.title = title
            self.version = version
            self.language = language
            self.description = description
        }
    }

    /// One course file: package-relative path, size in bytes, SHA-256 as lowercase hex.
    public struct File: Sendable, Hashable, Codable {
        public var path: String
        public var size: Int
        public var sha256: String

        public init(path: String, size: Int, sha256: String) {
            self.path = path
            self.size = size
            self.sha256 = sha256
        }
    }

    /// Always `PackageFormat.formatName`.
    public var format: String
    public var course: CourseInfo
    /// Every course file, sorted by the UTF-8 bytes of its path.
    public var files: [File]

    public init(course: CourseInfo, files: [File]) {
        self.format = PackageFormat.formatName
        self.course = course
        self.files = files.sorted { PackageManifest.precedes($0.path, $1.path) }
    }

    /// The manifest as written into a package: JSON with sorted keys, two-space
    /// indentation and a final newline, so the same manifest is always the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        guard let data = try? encoder.encode(self) else { return Data() }
        return data + Data("\n".utf8)
    }

    /// Reads and checks a manifest: the format name, the course fields, and every file
    /// entry (a normalised package path, sorted, no duplicates, a size, a SHA-256).
    public static func decode(_ data: Data, archive: String) throws(PackageArchiveError) -> PackageManifest {
        let entry = PackageFormat.manifestEntry
        func invalid(_ reason: String) -> PackageArchiveError { .manifestInvalid(archive: archive, entry: entry, reason: reason) }
        let manifest: PackageManifest
        do {
            manifest = try JSONDecoder().decode(PackageManifest.self, from: data)
        } catch {
            throw invalid("it is not the JSON the format describes (\(Self.decodingProblem(error)))")
        }
        guard manifest.format == PackageFormat.formatName else {
            throw invalid("its format is '\(manifest.format)'; this Kursus reads '\(PackageFormat.formatName)' (a newer Kursus made it?)")
        }
        for (name, value) in [("id", manifest.course.id), ("title", manifest.course.title), ("version", manifest.course.version)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw invalid("course.\(name) is empty")
        }
        var previous: String?
        for file in manifest.files {
            guard case .success(let normal) = PackagePath.normalize(file.path), normal == file.path, !file.path.hasSuffix("/") else {
                throw invalid("file path '\(file.path)' is not a plain package path")
            }
            guard file.path != entry, file.path != PackageFormat.signatureEntry else { throw invalid("it lists itself or the signature") }
            if let previous, !precedes(previous, file.path) {
                throw invalid("files are not sorted by path, or '\(file.path)' is listed twice")
            }
            guard file.size >= 0 else { throw invalid("'\(file.path)' has a negative size") }
            guard file.sha256.count == 64, file.sha256.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
                throw invalid("'\(file.path)' has no SHA-256 (64 lowercase hex digits)")
            }
            previous = file.path
        }
        return manifest
    }

    /// The order of paths in a package: by their UTF-8 bytes.
    public static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    private static func decodingProblem(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return "missing '\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: return "not valid JSON"
        }
    }
}
