import Foundation
import KursusCourse
import KursusEngine

/// The view of every unit kind, with their caches: the one place in the terminal UI that
/// maps a unit kind to how it looks. The runtime draws and measures through it without
/// knowing any kind.
public final class UnitViews {
    let lesson: LessonView
    let quiz = QuizView()
    let scenario: ScenarioView

    /// `lessonText` reads a lesson's Markdown (without front matter); `portraits` reads a
    /// scenario's portraits by participant id.
    public init(lessonText: @escaping (CourseUnit) throws(CourseError) -> String, portraits: @escaping (Scenario) -> [String: [String]]) {
        lesson = LessonView(text: lessonText)
        scenario = ScenarioView(portraits: portraits)
    }

    /// Views of a package's units, with portraits from the package and Kursus's assets.
    public convenience init(package: CoursePackage, assets: AssetCatalog?) {
        self.init(
            lessonText: { unit throws(CourseError) in try package.lesson(unit).body },
            portraits: { scenario in
                assets.map { ScenarioPortraits.loadAll(for: scenario, storage: package.storage, assets: $0).portraits } ?? [:]
            }
        )
    }

    func draw(_ player: PlayerState, _ unit: UnitState, _ context: ScreenContext, into grid: inout Grid) {
        switch unit {
        case .lesson(let state): lesson.draw(player, state, context, into: &grid)
        case .quiz(let state): quiz.draw(player, state, context, into: &grid)
        case .scenario(let state): scenario.draw(player, state, context, into: &grid)
        }
    }

    /// What the engine should learn about the content of the unit on screen, if anything.
    public func measure(_ player: PlayerState, _ context: ScreenContext, columns: Int, rows: Int) -> PlayerEvent? {
        guard let unit = player.unitOnScreen, !Chrome.isTooSmall(columns: columns, rows: rows) else { return nil }
        let found: ContentMeasure?
        switch unit {
        case .lesson(let state): found = lesson.measure(player, state, context, columns: columns, rows: rows)
        case .quiz(let state): found = quiz.measure(player, state, context, columns: columns, rows: rows)
        case .scenario(let state): found = scenario.measure(player, state, context, columns: columns, rows: rows)
        }
        switch found {
        case .lines(let lines)?: return .contentMeasured(unitID: unit.unitID, lines: lines)
        case .unavailable(let message)?: return .contentUnavailable(unitID: unit.unitID, message: message)
        case .window(let lines, let rows)?: return .windowMeasured(unitID: unit.unitID, lines: lines, rows: rows)
        case nil: return nil
        }
    }
}
