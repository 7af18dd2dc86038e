import Foundation
import KursusEngine
import Testing

@testable import KursusTerminalUI

/// Issue 16: the quit warning while saving fails, and the failure line, on the grid.
@Suite("Quit warning and the failed-save line on screen")
struct QuitWarningScreenTests {
    static let message = "/var/lib/kursus/learners/anna/progress/digital-kompetence.json: cannot save progress: No space left on device"

    func grid(_ warning: QuitWarning?, columns: Int, rows: Int, language: String) throws -> Grid {
        var state = ScreenFixtures.state(columns: columns, rows: rows)
        state.saveStatus = .failed(message: Self.message)
        state.quitWarning = warning
        return ScreenRenderer.render(
            state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(language), columns: columns, rows: rows)
    }

    @Test("the warning at 80x24 and 60x16, in Danish and English", arguments: [(80, 24, "da"), (80, 24, "en"), (60, 16, "da"), (60, 16, "en")])
    func warning(columns: Int, rows: Int, language: String) throws {
        let grid = try grid(QuitWarning(), columns: columns, rows: rows, language: language)
        GoldenFile.check(grid, named: "quit-warning-\(columns)x\(rows)-\(language).txt")
        // The reason is in the box in full, path and all.
        let text = grid.text.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("No space left on device"))
        #expect(text.contains(language == "da" ? "q Afslut alligevel" : "q Quit anyway"))
    }

    @Test("switching learner or leaving the course shows its own third answer", arguments: ["da", "en"])
    func leaving(language: String) throws {
        let switching = try grid(QuitWarning(leaving: .switchLearner), columns: 80, rows: 24, language: language)
        GoldenFile.check(switching, named: "switch-warning-80x24-\(language).txt")
        let text = switching.text.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains(language == "da" ? "q Skift bruger alligevel" : "q Switch learner anyway"))
        #expect(!text.contains(language == "da" ? "Afslut alligevel" : "Quit anyway"))
        let catalogue = try grid(QuitWarning(leaving: .catalogue), columns: 80, rows: 24, language: language).text
            .replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(catalogue.contains(language == "da" ? "q Forlad kurset alligevel" : "q Leave the course anyway"))
    }

    @Test("while a retry runs, the box says so instead of the choices")
    func retrying() throws {
        let grid = try grid(QuitWarning(retrying: true), columns: 80, rows: 24, language: "en")
        #expect(grid.text.contains("Saving …"))
        #expect(!grid.text.contains("Quit anyway"))
    }

    @Test("the failed-save line alone at 80x24 (the menu stays usable under it)")
    func failureLine() throws {
        GoldenFile.check(try grid(nil, columns: 80, rows: 24, language: "da"), named: "save-failed-80x24-da.txt")
    }
}
