import Foundation
import Testing

@Suite("Preview --watch: a broken change, counted and listed, in a real terminal", .serialized)
struct PreviewProblemsEndToEndTests {
    static let course =
        "format: kursus/1\nid: w\ntitle: Watch\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: a, kind: lesson, title: Første, file: a.md}\n"

    @Test("breaking two files at 80x24 keeps the keys, counts the errors, and e lists each with its place")
    func brokenChange() throws {
        let package = try KursusBinary.temporaryFolder("watch-broken")
        defer { try? FileManager.default.removeItem(at: package) }
        try Data(Self.course.utf8).write(to: package.appendingPathComponent("course.yaml"))
        try Data("# Før ændringen\n\nTekst.\n".utf8).write(to: package.appendingPathComponent("a.md"))
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) preview \(Tmux.quote(package.path)) --watch --lang da"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8"])
        try tmux.waitFor("Første")
        usleep(1_100_000)
        let broken =
            Self.course
            + "      - {id: b, kind: lesson, title: Anden, file: mangler-b.md}\n      - {id: c, kind: lesson, title: Tredje, file: mangler-c.md}\n"
        try Data(broken.utf8).write(to: package.appendingPathComponent("course.yaml"))
        let counted = try tmux.waitFor("2 fejl · e: liste")
        let keyLine = try #require(counted.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty })
        #expect(keyLine.contains("? hjælp"), "the keys stay visible: \(keyLine)")
        #expect(keyLine.contains("2 fejl · e: liste"))
        // The course on screen is still the one before the change.
        #expect(counted.contains("Første"))
        #expect(!counted.contains("Anden"))
        try tmux.send("e")
        let list = try tmux.waitFor("Ændringen kunne ikke indlæses")
        // The place is the whole path (wrapped in the box, never cut), then the message.
        let joined = list.filter { !" │\n".contains($0) }
        #expect(joined.contains("fejl\(package.path.filter { $0 != " " })/course.yaml:11:9unit'b':lessonfile'mangler-b.md'"), "\(list)")
        #expect(joined.contains("fejl\(package.path.filter { $0 != " " })/course.yaml:12:9unit'c':lessonfile'mangler-c.md'"), "\(list)")
        #expect(list.contains("1–2 af 2"), "\(list)")
        try tmux.send("Escape")
        try tmux.waitUntilGone("Ændringen kunne ikke indlæses")
        // Fixing the files loads the course and clears the count.
        try Data("# B\n".utf8).write(to: package.appendingPathComponent("mangler-b.md"))
        try Data("# C\n".utf8).write(to: package.appendingPathComponent("mangler-c.md"))
        let fixed = try tmux.waitFor("Tredje")
        #expect(!fixed.contains("e: liste"))
        try tmux.send("q")
        let end = try tmux.waitFor("KURSUS-EXIT:")
        #expect(end.contains("KURSUS-EXIT:0"))
    }
}
