import KursusCourse
import KursusEngine
import KursusMarkdown
import KursusText

/// A lesson's view: reads the lesson when it first shows, lays it out for the
/// terminal's width, and keeps both while the lesson is open.
final class LessonView: UnitView {
    private let text: (CourseUnit) throws(CourseError) -> String
    private var body: (unitID: String, text: String)?
    private var laidOut: RenderedLesson?
    private var laidOutLanguage = ""

    init(text: @escaping (CourseUnit) throws(CourseError) -> String) {
        self.text = text
    }

    func draw(_ player: PlayerState, _ state: LessonState, _ context: ScreenContext, into grid: inout Grid) {
        let lesson = try? layout(player, state.unitID, context, columns: grid.width)
        LessonScreen.draw(player, state, lesson, context, into: &grid)
    }

    func measure(_ player: PlayerState, _ state: LessonState, _ context: ScreenContext, columns: Int, rows: Int) -> ContentMeasure? {
        do {
            let lines = try layout(player, state.unitID, context, columns: columns).lines.count
            return lines == state.scroll.lineCount ? nil : .lines(lines)
        } catch {
            return .unavailable(error.description)
        }
    }

    /// The lesson laid out for this width, from the cache when it is there.
    private func layout(_ player: PlayerState, _ unitID: String, _ context: ScreenContext, columns: Int) throws(CourseError) -> RenderedLesson {
        let width = LessonScreen.textWidth(forColumns: columns)
        // The layout holds UI words (the objectives' heading, images): a learner's own language lays it out again.
        if let laidOut, laidOut.unitID == unitID, laidOut.width == width, laidOutLanguage == context.strings.language { return laidOut }
        let markdown: String
        if let body, body.unitID == unitID {
            markdown = body.text
        } else {
            guard let unit = player.course.unit(withID: unitID) else {
                throw CourseError(SourceLocation(file: ""), "unit '\(unitID)' is not in the course")
            }
            markdown = try text(unit)
            body = (unitID, markdown)
        }
        let objectives = player.course.unit(withID: unitID)?.objectives ?? []
        let lines = MarkdownLayout.lines(
            Self.withObjectives(markdown, objectives, heading: context.strings(.readerObjectives)), options: context.markdownOptions(width: width))
        let lesson = RenderedLesson(unitID: unitID, width: width, lines: lines)
        laidOut = lesson
        laidOutLanguage = context.strings.language
        return lesson
    }

    /// The lesson's Markdown with its objectives (front matter `objectives`) first, under
    /// a heading of the UI's language, as a list, and a rule before the lesson itself. The
    /// objectives are course text written as plain text: every Markdown character in them
    /// is escaped, so they show as written.
    static func withObjectives(_ markdown: String, _ objectives: [String], heading: String) -> String {
        let items = objectives.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }.filter { !$0.isEmpty }
        guard !items.isEmpty else { return markdown }
        let list = items.map { "- " + MarkdownEscaping.literal($0) }.joined(separator: "\n")
        return "**\(MarkdownEscaping.literal(heading))**\n\n\(list)\n\n---\n\n" + markdown
    }
}
