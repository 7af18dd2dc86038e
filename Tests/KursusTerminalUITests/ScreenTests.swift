import KursusCourse
import KursusEngine
import KursusText
import KursusMarkdown
import Testing
@testable import KursusTerminalUI

@Suite("Screens drawn into the cell grid")
struct ScreenTests {
    @Test("course menu at 80x24 with progress, in Danish")
    func menu() throws {
        let progress = LearnerProgress(completed: ["a", "b"], started: ["c"], bookmark: Bookmark(unitID: "c", scroll: 4, inUnit: false))
        var state = ScreenFixtures.state(progress: progress)
        state.menuSelection = 2
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "menu-80x24-da.txt")
    }

    @Test("course menu in English with ASCII symbols")
    func menuASCII() throws {
        let progress = LearnerProgress(completed: ["a"], started: ["b"])
        let state = ScreenFixtures.state(progress: progress)
        let grid = ScreenRenderer.render(
            state, views: ScreenFixtures.views(), context: try ScreenFixtures.context("en", symbols: .ascii), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "menu-80x24-en-ascii.txt")
    }

    @Test("the menu's key line offers 's switch learner' only where there is a learner to switch (issue 12)")
    func menuKeysInPreview() throws {
        for language in ["da", "en"] {
            var context = try ScreenFixtures.context(language)
            let state = ScreenFixtures.state()
            let learnerLine = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24).lines[23]
            #expect(learnerLine.contains(language == "da" ? "s skift bruger" : "s switch learner"), "\(language)")
            context.isPreview = true
            let previewLine = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24).lines[23]
            #expect(!previewLine.contains("s skift") && !previewLine.contains("s switch"), "\(language)")
            #expect(previewLine.contains(language == "da" ? "? hjælp" : "? help"), "\(language)")
        }
    }

    @Test("a title cut to fit the title bar ends in an ellipsis (issue 12)", arguments: [Symbols.unicode, Symbols.ascii])
    func titleBarEllipsis(symbols: Symbols) throws {
        var state = ScreenFixtures.state(columns: 60, rows: 16)
        state.screen = .unit(.lesson(LessonState(unitID: "e")))
        let grid = ScreenRenderer.render(
            state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(symbols: symbols), columns: 60, rows: 16)
        let title = grid.line(0).trimmingCharacters(in: .whitespaces)
        #expect(title.contains(symbols.ellipsis), "\(title)")
        #expect(title.hasPrefix("Modul 2"), "\(title)")
        #expect(DisplayWidth.of(grid.line(0)) <= 60)
    }

    @Test("course menu on a large terminal")
    func menuLarge() throws {
        let grid = ScreenRenderer.render(
            ScreenFixtures.state(columns: 140, rows: 40), views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 140, rows: 40
        )
        GoldenFile.check(grid, named: "menu-140x40-da.txt")
        #expect(grid.lines.allSatisfy { $0.count <= 140 })
    }

    @Test("locked units show their requirement and a muted row")
    func locked() throws {
        var course = ScreenFixtures.course
        course.modules[1].requires = [Requirement("m1", location: ScreenFixtures.here)]
        var state = PlayerState(course: course, progress: .empty, viewport: ScreenRenderer.viewport(columns: 80, rows: 24))
        state.menuSelection = 4
        _ = PlayerReducer.reduce(&state, .command(.open))
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "menu-locked-80x24-da.txt")
    }

    @Test("start screen: the learner list shows names and teams only")
    func startList() throws {
        var session = SessionState(
            content: CourseContent(course: ScreenFixtures.course), configuration: SessionConfiguration(),
            viewport: ScreenRenderer.viewport(columns: 80, rows: 24))
        session.phase = .start(
            StartScreen(
                learners: [
                    LearnerSummary(id: "anna", displayName: "Anna Hansen", team: "Team A", hasPIN: true),
                    LearnerSummary(id: "bo", displayName: "Bo Larsen", team: "Aftenholdet"),
                ], mode: .list(selection: 1), notice: .idleLocked(minutes: 10)))
        let grid = ScreenRenderer.render(session, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "start-list-80x24-da.txt")
    }

    @Test("start screen: the new-learner form")
    func startForm() throws {
        var session = SessionState(
            content: CourseContent(course: ScreenFixtures.course), configuration: SessionConfiguration(),
            viewport: ScreenRenderer.viewport(columns: 80, rows: 24))
        var form = NewLearnerForm()
        form.name.text = "Søren Ørsted"
        form.id.text = "soeren-oersted"
        form.pin.text = "1234"
        form.focus = .pin
        session.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .formIncomplete(.pin)))
        let grid = ScreenRenderer.render(session, views: ScreenFixtures.views(), context: try ScreenFixtures.context("en"), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "start-form-80x24-en.txt")
        #expect(!grid.text.contains("1234"))
    }

    @Test("lesson reader at 80x24")
    func reader() throws {
        var state = ScreenFixtures.state()
        let width = LessonScreen.textWidth(forColumns: 80)
        let document = MarkdownLayout.layout(ScreenFixtures.lessonMarkdown, options: MarkdownLayoutOptions(width: width))
        state.screen = .unit(.lesson(LessonState(unitID: "c", scroll: ScrollPosition(offset: 0, lineCount: document.lines.count))))
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "reader-80x24-da.txt")
    }

    @Test("help overlay over the menu")
    func help() throws {
        var state = ScreenFixtures.state()
        state.helpVisible = true
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "help-80x24-da.txt")
    }

    @Test("help on the smallest terminal: the closing hint keeps its own row")
    func helpSmall() throws {
        var state = ScreenFixtures.state(columns: 60, rows: 16)
        state.helpVisible = true
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 60, rows: 16)
        GoldenFile.check(grid, named: "help-60x16-da.txt")
        let closing = try #require(grid.lines.firstIndex { $0.contains("Tryk på en vilkårlig tast for at lukke") })
        let after = grid.lines[closing].components(separatedBy: "lukke").last ?? ""
        #expect(after.drop { $0 == " " }.hasPrefix("│"), "nothing else on the closing row: \(grid.lines[closing])")
    }

    @Test("terminal too small")
    func tooSmall() throws {
        let grid = ScreenRenderer.render(
            ScreenFixtures.state(columns: 40, rows: 10), views: ScreenFixtures.views(), context: try ScreenFixtures.context("en"), columns: 40,
            rows: 10)
        GoldenFile.check(grid, named: "too-small-40x10-en.txt")
    }

    @Test("a failed save shows its reason in full over the key line, reversed")
    func saveFailed() throws {
        var state = ScreenFixtures.state()
        state.saveStatus = .failed(message: "disk full")
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context("en"), columns: 80, rows: 24)
        #expect(grid.line(22).hasPrefix(" NOT SAVED – will retry: disk full"))
        #expect(grid[79 - 1, 22].style.attributes.contains(.reverse))
        // The key hints stay on their line when the reason fits on one.
        #expect(grid.line(23).contains("Enter open"))
    }

    @Test("the selected unit is shown in reverse video, so focus never depends on colour")
    func focusWithoutColour() throws {
        let grid = ScreenRenderer.render(
            ScreenFixtures.state(), views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        let row = try #require((0..<24).first { grid.line($0).contains("▸") })
        #expect(grid[10, row].style.attributes.contains(.reverse))
    }

    @Test("every screen fits every size from the minimum up", arguments: [(60, 16), (80, 24), (81, 25), (100, 30), (200, 60)])
    func sizes(columns: Int, rows: Int) throws {
        var state = ScreenFixtures.state(columns: columns, rows: rows)
        for help in [false, true] {
            state.helpVisible = help
            let grid = ScreenRenderer.render(
                state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: columns, rows: rows)
            #expect(grid.lines.count == rows)
        }
    }

    @Test("the menu's status line says how many learning records wait for the LRS, and when it is offline")
    func recordsWaiting() throws {
        var state = ScreenFixtures.state()
        _ = PlayerReducer.reduce(&state, .recordsStatus(RecordsStatus(waiting: 12)))
        var grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        #expect(grid.line(23).hasSuffix("↑ 12 venter  0 % gennemført"), "\(grid.line(23))")
        _ = PlayerReducer.reduce(&state, .recordsStatus(RecordsStatus(waiting: 3, offline: true)))
        grid = ScreenRenderer.render(
            state, views: ScreenFixtures.views(), context: try ScreenFixtures.context("en", symbols: .ascii), columns: 80, rows: 24)
        #expect(grid.line(23).hasSuffix("^ 3 waiting (offline)  0 % complete"), "\(grid.line(23))")
        _ = PlayerReducer.reduce(&state, .recordsStatus(RecordsStatus(waiting: 0)))
        grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        #expect(grid.line(23).hasSuffix("o indstillinger  s skift bruger   0 % gennemført"), "nothing waiting, nothing shown: \(grid.line(23))")
    }

    @Test(
        "a lesson's objectives show at its start under a heading in the UI language, as written (issue 12)",
        arguments: [("da", "Det lærer du"), ("en", "What you will learn")])
    func objectivesAtLessonStart(language: String, heading: String) throws {
        var course = ScreenFixtures.course
        course.modules[0].units[2].objectives = ["Genkende et frosset billede", "Sige det *højt* # til borgeren"]
        var state = PlayerState(course: course, progress: .empty, viewport: ScreenRenderer.viewport(columns: 80, rows: 24))
        state.screen = .unit(.lesson(LessonState(unitID: "c")))
        let views = UnitViews(lessonText: { _ in "## Når billedet fryser\n\nTekst." }, portraits: { _ in [:] })
        let grid = ScreenRenderer.render(state, views: views, context: try ScreenFixtures.context(language), columns: 80, rows: 24)
        let lines = grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }
        let headingRow = try #require(lines.firstIndex { $0.contains(heading) }, "\(grid.text)")
        let objectiveRow = try #require(lines.firstIndex { $0.contains("Genkende et frosset billede") })
        let lessonRow = try #require(lines.firstIndex { $0.contains("Når billedet fryser") })
        #expect(headingRow < objectiveRow && objectiveRow < lessonRow)
        #expect(grid.text.contains("Sige det *højt* # til borgeren"), "Markdown in an objective shows as written")

        // A lesson without objectives starts with its own text.
        var plainState = ScreenFixtures.state()
        plainState.screen = .unit(.lesson(LessonState(unitID: "c")))
        let freshViews = UnitViews(lessonText: { _ in "## Når billedet fryser\n\nTekst." }, portraits: { _ in [:] })
        let plain = ScreenRenderer.render(plainState, views: freshViews, context: try ScreenFixtures.context(language), columns: 80, rows: 24)
        #expect(!plain.text.contains(heading))
    }

    @Test(
        "a lesson's image is named in the UI language",
        arguments: [("da", "[Billede: Hånd under vandhanen]"), ("en", "[Image: Hånd under vandhanen]")])
    func imageInUILanguage(language: String, expected: String) throws {
        var state = ScreenFixtures.state()
        state.screen = .unit(.lesson(LessonState(unitID: "c")))
        let views = UnitViews(lessonText: { _ in "![Hånd under vandhanen](haand.png)" }, portraits: { _ in [:] })
        let grid = ScreenRenderer.render(state, views: views, context: try ScreenFixtures.context(language), columns: 80, rows: 24)
        #expect(grid.text.contains(expected), "\(grid.text)")
    }
}
