import Foundation
import KursusCourse
import KursusEngine
import Testing

@testable import KursusTerminalUI

@Suite("Catalogue screen: the library's courses with the signed-in learner's progress")
struct CatalogueScreenTests {
    static let courses = [
        CatalogueCourse(
            id: "dokumentation", title: "Dokumentation i journalen", description: "Sådan skriver du notater, som kolleger kan stole på.",
            language: "da", version: "1.2", requiredUnits: ["a", "b", "c"]),
        CatalogueCourse(
            id: "hygiejne", title: "Håndhygiejne", description: "Hvornår og hvordan du spritter af, trin for trin, med korte quizzer undervejs.",
            language: "da", version: "2.10", requiredUnits: ["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11", "h12"]),
        CatalogueCourse(
            id: "it-security", title: "IT security \u{1B}[31mon the ward", description: nil, language: "en", version: "3",
            requiredUnits: ["s1"]),
    ]
    static let bo = LearnerSummary(id: "bo", displayName: "Bo Larsen", team: "Aftenholdet")

    func session(_ screen: CatalogueScreen) -> SessionState {
        var configuration = SessionConfiguration()
        configuration.catalogue = Self.courses
        var session = SessionState(
            content: CourseContent(course: ScreenFixtures.course), configuration: configuration,
            viewport: ScreenRenderer.viewport(columns: 80, rows: 24))
        session.phase = .catalogue(Self.bo, screen)
        return session
    }

    @Test("three courses: completed, 3 of 12 done, not started; the second selected")
    func catalogue() throws {
        let progress: [String: CatalogueProgress] = ["dokumentation": .done(3, of: 3), "hygiejne": .done(3, of: 12), "it-security": .notStarted]
        let grid = ScreenRenderer.render(
            session(CatalogueScreen(selection: 1, progress: progress)), views: ScreenFixtures.views(), context: try ScreenFixtures.context(),
            columns: 80, rows: 24)
        GoldenFile.check(grid, named: "catalogue-80x24-da.txt")
        #expect(grid.text.contains("3 af 12 enheder gennemført"))
        #expect(grid.text.contains("Bo Larsen · Aftenholdet"))
        // A control sequence in a course title never reaches the screen.
        #expect(!grid.text.contains("\u{1B}"))
    }

    @Test("in English and ASCII, with a course that failed to open")
    func failed() throws {
        let progress: [String: CatalogueProgress] = ["dokumentation": .unreadable, "hygiejne": .notStarted, "it-security": .done(0, of: 1)]
        let screen = CatalogueScreen(
            selection: 2, progress: progress, notice: .courseFailed(title: "IT security", message: "signed by an unknown key SHA256:abc"))
        let grid = ScreenRenderer.render(
            session(screen), views: ScreenFixtures.views(), context: try ScreenFixtures.context("en", symbols: .ascii), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "catalogue-80x24-en-ascii.txt")
        #expect(grid.text.contains("IT security could not be opened"))
    }

    @Test("while the learner's progress is read, no figures are shown")
    func loading() throws {
        let grid = ScreenRenderer.render(
            session(CatalogueScreen(selection: 0)), views: ScreenFixtures.views(), context: try ScreenFixtures.context("en"), columns: 80,
            rows: 24)
        #expect(grid.text.contains("Reading your progress"))
        #expect(!grid.text.contains("units done"))
        #expect(!grid.text.contains("Not started"))
    }

    @Test("the start screen names no course and shows nobody's progress when there is a catalogue")
    func startScreen() throws {
        var state = session(CatalogueScreen())
        state.phase = .start(StartScreen(learners: [Self.bo], mode: .list(selection: 0)))
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        #expect(grid.text.split(separator: "\n").first?.contains("Kursus · Kurser") == true)
        #expect(!grid.text.contains("enheder"))
    }

    @Test("the course menu's key line and the help overlay offer c, in both languages, only with a catalogue")
    func menuKeys() throws {
        for language in ["da", "en"] {
            var state = session(CatalogueScreen())
            var player = ScreenFixtures.state()
            state.phase = .playing(Self.bo, player)
            let context = try ScreenFixtures.context(language)
            var grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24)
            let keyLine = grid.text.split(separator: "\n").last.map(String.init) ?? ""
            #expect(keyLine.contains(language == "da" ? "c kurser" : "c courses"), "\(language): \(keyLine)")
            player.helpVisible = true
            state.phase = .playing(Self.bo, player)
            grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24)
            if language == "en" { GoldenFile.check(grid, named: "help-catalogue-80x24-en.txt") }
            #expect(grid.text.contains(language == "da" ? "tilbage til listen over kurser" : "back to the list of courses"))
            // Without a catalogue, no c.
            state.configuration.catalogue = []
            player.helpVisible = false
            state.phase = .playing(Self.bo, player)
            grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24)
            #expect(!grid.text.contains(language == "da" ? "c kurser" : "c courses"))
        }
    }

    @Test("c is the catalogue key in navigation, text in a text field")
    func key() {
        #expect(KeyMap.event(for: .character("c"), mode: .navigation) == .event(.showCatalogue))
        #expect(KeyMap.event(for: .character("c"), mode: .text) == .event(.text("c")))
    }
}
