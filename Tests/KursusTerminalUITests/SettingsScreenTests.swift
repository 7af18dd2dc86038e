import Foundation
import KursusCourse
import KursusEngine
import Testing

@testable import KursusTerminalUI

@Suite("Settings screen, high contrast, the learner's language, the idle countdown and the repeated PIN")
struct SettingsScreenTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A context in `language` that also holds both string tables, as `kursus play` makes it.
    func context(_ language: String) throws -> ScreenContext {
        var context = try ScreenFixtures.context(language)
        for code in ["da", "en"] { context.stringTables[code] = try UIStrings.load(language: code, assets: Repository.assets) }
        return context
    }

    /// Anna (Team A) on the course menu with `settings`.
    func session(_ settings: LearnerSettings = .defaults, columns: Int = 80, rows: Int = 24, lock: Int? = 600) -> SessionState {
        var session = SessionState(
            content: CourseContent(course: ScreenFixtures.course), configuration: SessionConfiguration(idleLockSeconds: lock),
            viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
        let learner = LearnerSummary(id: "anna", displayName: "Anna Hansen", team: "Team A", settings: settings)
        var player = ScreenFixtures.state(columns: columns, rows: rows, progress: LearnerProgress(completed: ["a"], started: ["b"]))
        player.menuSelection = 1
        session.phase = .playing(learner, player)
        return session
    }

    func render(_ session: SessionState, _ context: ScreenContext, columns: Int = 80, rows: Int = 24) -> Grid {
        ScreenRenderer.render(session, views: ScreenFixtures.views(), context: context, columns: columns, rows: rows)
    }

    @Test("every value in words, the selection in bold reverse, what it does below; 80x24 and 60x16, da and en", arguments: ["da", "en"])
    func screen(language: String) throws {
        let settings = LearnerSettings(timers: .double, idleWarning: .twoMinutes, idleBell: true, highContrast: false, mouse: false)
        var state = session(settings)
        state.settingsScreen = SettingsScreen(selection: .idleWarning)
        let grid = render(state, try context(language))
        GoldenFile.check(grid, named: "settings-80x24-\(language).txt")
        // The terminal cursor stands on the selected setting, for screen readers and magnifiers.
        let selectedRow = try #require(grid.lines.firstIndex { $0.hasPrefix("  ▸ ") })
        #expect(grid.cursor == GridPoint(x: 2, y: selectedRow))
        var small = session(settings, columns: 60, rows: 16)
        small.settingsScreen = SettingsScreen(selection: .language)
        GoldenFile.check(render(small, try context(language), columns: 60, rows: 16), named: "settings-60x16-\(language).txt")
    }

    @Test("a failed save is said where the description was")
    func saveFailed() throws {
        var state = session(LearnerSettings(timers: .off), columns: 60, rows: 16)
        state.settingsScreen = SettingsScreen(selection: .timers, notice: .saveFailed(message: "profile.json: permission denied"))
        let grid = render(state, try context("da"), columns: 60, rows: 16)
        GoldenFile.check(grid, named: "settings-failed-60x16-da.txt")
        #expect(grid.text.contains("Kunne ikke gemme: profile.json: permission denied."))
        #expect(grid.text.contains("fra – ingen tidsgrænse"))
    }

    @Test("the learner's language changes every screen at once; the workstation's stays for the next person")
    func language() throws {
        let danish = try context("da")
        var state = session(LearnerSettings(language: .en))
        var grid = render(state, danish)
        #expect(grid.lines[23].contains("o settings"))
        #expect(grid.text.contains("Module 1"))
        state.settingsScreen = SettingsScreen(selection: .language)
        grid = render(state, danish)
        #expect(grid.text.contains("Language"))
        // Back to the workstation's language, named in the learner's.
        state = session(LearnerSettings(language: .workstation))
        state.settingsScreen = SettingsScreen(selection: .language)
        grid = render(state, danish)
        #expect(grid.text.contains("som arbejdsstationen (Dansk)"))
        state = session(LearnerSettings(language: .workstation))
        state.settingsScreen = SettingsScreen(selection: .language)
        grid = render(state, try context("en"))
        #expect(grid.text.contains("as the workstation (English)"))
        // Signed out: the start screen is in the workstation's language.
        state.showStartForTests()
        #expect(render(state, danish).text.contains("Indlæser"))
    }

    @Test("a lesson open when the language changes is laid out again in the new one (its objectives' heading)")
    func lessonLanguage() throws {
        var course = ScreenFixtures.course
        course.modules[0].units[2].objectives = ["Genkende et frosset billede"]
        var state = SessionState(
            content: CourseContent(course: course), configuration: SessionConfiguration(), viewport: ScreenRenderer.viewport(columns: 80, rows: 24))
        var player = PlayerState(course: course, progress: .empty, viewport: ScreenRenderer.viewport(columns: 80, rows: 24))
        player.screen = .unit(.lesson(LessonState(unitID: "c")))
        state.phase = .playing(LearnerSummary(id: "anna", displayName: "Anna"), player)
        let views = UnitViews(lessonText: { _ in "Tekst." }, portraits: { _ in [:] })
        let danish = try context("da")
        #expect(ScreenRenderer.render(state, views: views, context: danish, columns: 80, rows: 24).text.contains("Det lærer du"))
        state.phase = .playing(LearnerSummary(id: "anna", displayName: "Anna", settings: LearnerSettings(language: .en)), player)
        let grid = ScreenRenderer.render(state, views: views, context: danish, columns: 80, rows: 24)
        #expect(grid.text.contains("What you will learn"))
        #expect(!grid.text.contains("Det lærer du"))
    }

    @Test("high contrast: no colour but the terminal's own, no dim text, focus in bold reverse")
    func highContrast() throws {
        let state = session(LearnerSettings(highContrast: true))
        let grid = render(state, try context("da"))
        GoldenFile.check(grid, named: "menu-highcontrast-80x24-da.txt")
        var tints = Set<Tint>()
        var dim = false
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                tints.insert(grid[x, y].style.tint)
                if grid[x, y].style.attributes.contains(.dim) { dim = true }
            }
        }
        #expect(tints == [.normal])
        #expect(!dim)
        // The same screen in the normal look has colours and dim text, so the test can fail.
        let normal = render(session(), try context("da"))
        #expect(normal.text == grid.text)
        #expect(normal != grid)
        #expect(HighContrast.style(CellStyle(.muted, .dim)) == CellStyle.plain)
        #expect(HighContrast.style(CellStyle(.link)) == CellStyle(.normal, [.bold, .underline]))
        #expect(HighContrast.style(CellStyle(.normal, .reverse)) == CellStyle(.normal, [.reverse, .bold]))
        #expect(HighContrast.style(CellStyle(.danger)) == CellStyle(.normal, .bold))
    }

    @Test("the idle countdown: a box over the screen in the learner's language, counting down", arguments: ["da", "en"])
    func idleWarning(language: String) throws {
        var state = session()
        state.now = Self.t0
        state.idleLockAt = Self.t0.addingTimeInterval(59.8)
        GoldenFile.check(render(state, try context(language)), named: "idle-warning-80x24-\(language).txt")
        var small = session(columns: 60, rows: 16)
        small.now = Self.t0
        small.idleLockAt = Self.t0.addingTimeInterval(105)
        let grid = render(small, try context(language), columns: 60, rows: 16)
        GoldenFile.check(grid, named: "idle-warning-60x16-\(language).txt")
        #expect(grid.text.contains("1:45"))
        #expect(IdleWarningView.countdown(0.2) == "0:01")
        #expect(IdleWarningView.countdown(60) == "1:00")
        #expect(IdleWarningView.countdown(-3) == "0:00")
    }

    @Test("the new-learner form asks for the PIN twice; a mismatch is said, both emptied", arguments: ["da", "en"])
    func pinTwice(language: String) throws {
        for (columns, rows) in [(80, 24), (60, 16)] {
            var session = SessionState(
                content: CourseContent(course: ScreenFixtures.course), configuration: SessionConfiguration(),
                viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
            var form = NewLearnerForm()
            form.name.text = "Søren Ørsted"
            form.team.text = "Aftenholdet"
            form.id.text = "soeren-oersted"
            form.focus = .pin
            session.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .pinMismatch))
            let grid = render(session, try context(language), columns: columns, rows: rows)
            GoldenFile.check(grid, named: "start-form-pin-mismatch-\(columns)x\(rows)-\(language).txt")
            #expect(grid.text.contains(language == "da" ? "Gentag PIN" : "Repeat PIN"))
        }
    }
}

extension SessionState {
    /// The start screen after a sign-out, for a test of what the next person sees.
    mutating func showStartForTests() {
        phase = .start(StartScreen(mode: .list(selection: 0)))
    }
}
