import Foundation
import KursusCourse
import Testing

@testable import KursusTerminalUI

@Suite("PackageWatcher: a change that cannot be loaded carries all its problems")
struct PackageWatcherTests {
    static let course =
        "format: kursus/1\nid: w\ntitle: Watch\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: a, kind: lesson, title: A, file: a.md}\n"

    @Test("two missing lesson files are two errors, each at its line of course.yaml; a later fix reloads")
    func allErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-watcher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.course.utf8).write(to: folder.appendingPathComponent("course.yaml"))
        try Data("# A\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        let watcher = PackageWatcher(folder: folder, shownAs: "w")
        let start = Date()
        if case .some = watcher.poll(now: start) { Issue.record("a change before any file changed") }
        let broken = Self.course + "      - {id: b, kind: lesson, title: B, file: b.md}\n      - {id: c, kind: lesson, title: C, file: c.md}\n"
        try Data(broken.utf8).write(to: folder.appendingPathComponent("course.yaml"))
        guard case .failed(let problems)? = watcher.poll(now: start.addingTimeInterval(2)) else {
            Issue.record("the broken change was not reported")
            return
        }
        #expect(problems.map(\.severity) == [.error, .error])
        #expect(problems.map(\.location.description) == ["w/course.yaml:11:9", "w/course.yaml:12:9"])
        #expect(problems[0].message.contains("'b.md' not found"))
        try Data("# B\n".utf8).write(to: folder.appendingPathComponent("b.md"))
        try Data("# C\n".utf8).write(to: folder.appendingPathComponent("c.md"))
        guard case .reloaded(let package)? = watcher.poll(now: start.addingTimeInterval(4)) else {
            Issue.record("the fixed package did not load")
            return
        }
        #expect(package.course.allUnits.map(\.id) == ["a", "b", "c"])
    }

    @Test("a failure without an error still says where, errors first, then warnings")
    func withoutErrors() {
        let warning = Diagnostic.warning(SourceLocation(file: "x.md", line: 2), "a warning")
        let error = Diagnostic.error(SourceLocation(file: "y.md", line: 3), "an error")
        let note = Diagnostic.note(SourceLocation(file: "s.yaml"), "reachable scores 0 to 6")
        let folder = URL(fileURLWithPath: "/tmp/pakke")
        #expect(PackageWatcher.problems([warning, note, error], folder: folder) == [error, warning])
        #expect(
            PackageWatcher.problems([warning], folder: folder) == [
                .error(SourceLocation(file: "/tmp/pakke"), "the package could not be loaded"), warning,
            ])
    }
}
