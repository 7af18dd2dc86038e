import Foundation
import Testing
@testable import KursusCourse

@Suite("Ids and package paths")
struct IdentifierAndPathTests {
    @Test("valid ids", arguments: ["a", "video-konsultation", "m1.2", "0x", "a_b"])
    func valid(id: String) { #expect(Identifier.isValid(id)) }

    @Test("invalid ids", arguments: ["", "A", "-a", "a/b", "a b", "æble", "a..b", String(repeating: "a", count: 65), "a\u{0}"])
    func invalid(id: String) { #expect(!Identifier.isValid(id)) }

    @Test("paths are resolved inside the package or refused")
    func paths() {
        let root = URL(fileURLWithPath: "/tmp/kursus-path-test")
        let paths = PackagePath(root: root)
        #expect((try? paths.resolve("a/./b.md").get())?.path == "a/b.md")
        #expect((try? paths.resolve("img.png", from: "lektioner").get())?.path == "lektioner/img.png")
        #expect(problem(paths.resolve("../x")) == .parentSegment)
        #expect(problem(paths.resolve("a/../../x")) == .parentSegment)
        #expect((try? paths.resolve("../billeder/x.png", from: "lektioner").get())?.path == "billeder/x.png")
        #expect(problem(paths.resolve("../../x.png", from: "lektioner")) == .parentSegment)
        #expect(problem(paths.resolve("/x")) == .absolute)
        #expect(problem(paths.resolve("~/x")) == .homeRelative)
        #expect(problem(paths.resolve("a\\b")) == .backslash)
        #expect(problem(paths.resolve("C:/x")) == .url)
        #expect(problem(paths.resolve("https://example.org/x.png")) == .url)
        #expect(problem(paths.resolve("")) == .empty)
        #expect(problem(paths.resolve("a\u{1B}b")) == .controlCharacters)
    }

    func problem(_ result: Result<(url: URL, path: String), PackagePath.PathProblem>) -> PackagePath.PathProblem? {
        if case .failure(let problem) = result { return problem }
        return nil
    }

    @Test("paths are split on the byte '/', as the file system splits them, even before a combining mark")
    func pathsSplitOnBytes() {
        #expect(PackagePath.normalize("/\u{301}etc/passwd") == .failure(.absolute))
        #expect(PackagePath.normalize("~\u{301}/x") == .failure(.homeRelative))
        #expect(PackagePath.normalize("a/\u{301}b/./c.md") == .success("a/\u{301}b/c.md"))
        #expect(PackagePath.normalize("a/\u{301}../../../x") == .success("x"))
        #expect(PackagePath.normalize("a/\u{301}../../../../x") == .failure(.parentSegment))
        #expect(PackagePath.normalize("../x", from: "lektioner") == .success("x"))
        #expect(PackagePath.normalize("c:\u{301}/x") == .failure(.url))
    }

    @Test("spelling suggestions")
    func spelling() {
        #expect(Spelling.closest(to: "titel", among: ["title", "id"]) == "title")
        #expect(Spelling.closest(to: "zzzzzz", among: ["title", "id"]) == nil)
    }
}
