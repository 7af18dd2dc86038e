import Testing
@testable import KursusCourse

@Suite("Lesson front matter")
struct FrontMatterTests {
    @Test("front matter is split from the body with its line offset")
    func split() {
        let lesson = LessonText("---\ntitle: T\nminutes: 7\n---\n# Body\n", path: "l.md")
        #expect(lesson.frontMatter == FrontMatter(title: "T", minutes: 7))
        #expect(lesson.body == "# Body\n")
        #expect(lesson.bodyLineOffset == 4)
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test("no front matter leaves the text alone")
    func none() {
        let lesson = LessonText("# Titel\n---\nx", path: "l.md")
        #expect(lesson.body == "# Titel\n---\nx")
        #expect(lesson.frontMatter == FrontMatter())
    }

    @Test("an unclosed block is not front matter")
    func unclosed() {
        let lesson = LessonText("---\ntitle: x\n", path: "l.md")
        #expect(lesson.bodyLineOffset == 0)
    }

    @Test("keys from other tools are warnings; bad values are errors at their line")
    func diagnostics() {
        let lesson = LessonText("---\ntitle: T\nlayout: post\nminutes: many\n---\nx", path: "l.md")
        #expect(
            lesson.diagnostics.map(\.description) == [
                "l.md:4:10: error: 'minutes' must be a whole number",
                "l.md:3:1: warning: unknown key 'layout'; known keys are 'title', 'minutes', 'objectives'",
            ])
    }

    @Test("minutes out of range")
    func minutesRange() {
        let lesson = LessonText("---\nminutes: 0\n---\n", path: "l.md")
        #expect(lesson.diagnostics.map(\.message) == ["'minutes' must be between 1 and 600, not 0"])
    }

    @Test("CRLF line endings")
    func crlf() {
        let lesson = LessonText("---\r\ntitle: T\r\n---\r\nBody", path: "l.md")
        #expect(lesson.frontMatter.title == "T")
        #expect(lesson.body == "Body")
    }
}
