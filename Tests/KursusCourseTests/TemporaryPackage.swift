import Foundation

/// A course package written to a fresh temporary folder for one test.
struct TemporaryPackage {
    let root: URL

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static let manifest = """
        format: kursus/1
        id: test-kursus
        title: Testkursus
        language: da
        version: 1.0.0
        modules:
          - id: m1
            title: Modul et
            units:
              - id: l1
                kind: lesson
                file: lektioner/en.md
              - id: l2
                kind: lesson
                title: Anden lektion
                file: lektioner/to.md
                optional: true
        """

    static let lessonOne = """
        ---
        title: Første lektion
        minutes: 5
        objectives:
          - Du kan forberede en videokonsultation
        ---
        # Første lektion

        Tekst med æ, ø og å.
        """

    static func good() throws -> TemporaryPackage {
        try TemporaryPackage(files: [
            "course.yaml": manifest,
            "lektioner/en.md": lessonOne,
            "lektioner/to.md": "# To\n\nIndhold.\n",
        ])
    }
}
