import Foundation
import KursusPackages

/// One package file in a course library, as `kursus courses` lists it. Everything but
/// `path` comes from the package's signed manifest and is untrusted text: print it with
/// `TerminalSafe`.
public struct LibraryEntry: Hashable, Sendable {
    /// The course id; for a damaged file, the file's name without `.kursus`.
    public var id: String
    public var title: String
    public var version: String
    public var language: String
    public var description: String?
    /// The signer's key fingerprint (`SHA256:…`); nil for an unsigned package.
    public var signedBy: String?
    /// The package file.
    public var path: URL
    /// Why the file cannot be used (it is damaged, or not the course its name says);
    /// nil for a sound package. A damaged entry has no title, version or language.
    public var problem: String?

    public init(
        id: String, title: String, version: String, language: String, description: String?, signedBy: String?, path: URL,
        problem: String? = nil
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.language = language
        self.description = description
        self.signedBy = signedBy
        self.path = path
        self.problem = problem
    }

    /// An entry for a file that cannot be read as the package it should be.
    static func damaged(id: String, path: URL, problem: String) -> LibraryEntry {
        LibraryEntry(id: id, title: "", version: "", language: "", description: nil, signedBy: nil, path: path, problem: problem)
    }

    /// The entry for an opened package.
    init(_ archive: PackageArchive, path: URL) {
        let course = archive.manifest.course
        self.init(
            id: course.id, title: course.title, version: course.version, language: course.language, description: course.description,
            signedBy: archive.signature?.signer.fingerprint, path: path)
    }

    /// `version` ordered as course versions are.
    public var courseVersion: CourseVersion { CourseVersion(version) }
}
