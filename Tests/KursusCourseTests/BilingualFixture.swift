import Foundation
@testable import KursusCourse

/// The small course in Danish and English in Tests/Fixtures/bilingual-course, as is or
/// copied to a temporary folder to be changed by a test.
enum BilingualFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bilingual-course")

    /// A copy of the fixture with `changes` applied: each a file and a text replacement in it.
    static func copy(_ changes: [(file: String, from: String, to: String)] = []) throws -> TemporaryPackage {
        let package = try TemporaryPackage(files: [:])
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for file in files where !file.hasSuffix("/") {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try package.write(file, try Data(contentsOf: url))
        }
        for change in changes {
            let url = package.root.appendingPathComponent(change.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            guard text.contains(change.from) else { throw FixtureError.missing(change.file, change.from) }
            try package.write(change.file, text.replacingOccurrences(of: change.from, with: change.to))
        }
        return package
    }

    enum FixtureError: Error {
        case missing(String, String)
    }

    static let validator = PackageValidator(scanAssets: { _ in [] })
}
