import Foundation
import Testing

/// Compares text with a golden file in `Golden/`. With KURSUS_UPDATE_GOLDEN=1 the file
/// is written instead (review the diff before committing: goldens are the spec).
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KURSUS_UPDATE_GOLDEN"] == "1" {
            try? Data((actual + "\n").utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with KURSUS_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual + "\n" == expected, "screen differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}

/// The repository's own Assets and bundled course, for tests.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let assets = root.appendingPathComponent("Assets")
}
