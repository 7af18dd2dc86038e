import Foundation
import KursusCourse
import KursusEngine
import Testing

/// The scenarios shipped in the bundled course must be sound: no errors or warnings,
/// portraits that load, and no stuck runs in autoplay.
@Suite("Bundled scenarios")
struct ScenarioBundledTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let package = root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")
    static let files = [
        "scenarier/foerste-videokonsultation.yaml", "scenarier/kol-opfoelgning.yaml", "scenarier/tablet-opsaetning.yaml",
        "scenarier/digital-genoptraening.yaml",
    ]

    @Test("parses, validates and autoplays without problems", arguments: files)
    func sound(file: String) throws {
        let text = try String(contentsOf: Self.package.appendingPathComponent(file), encoding: .utf8)
        let (parsed, diagnostics) = ScenarioFile.parse(text, file: file)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let scenario = try #require(parsed)
        #expect(ScenarioValidator.check(scenario).isEmpty, "\(ScenarioValidator.check(scenario).map(\.description))")
        #expect(scenario.nodes.count >= 12)
        let endings = scenario.nodes.filter { if case .ending = $0.kind { true } else { false } }
        #expect(endings.count >= 3)
        for node in scenario.nodes {
            guard case .choice(let choice) = node.kind else { continue }
            #expect(choice.options.allSatisfy { !$0.feedback.isEmpty && $0.quality != nil }, "\(node.id)")
        }
        for case .ending(let ending) in endings.map(\.kind) { #expect(!ending.learningPoints.isEmpty) }
        let portraits = ScenarioPortraits.loadAll(for: scenario, packageRoot: Self.package, assets: Self.root.appendingPathComponent("Assets"))
        #expect(portraits.diagnostics.isEmpty, "\(portraits.diagnostics)")
        #expect(portraits.portraits.count == scenario.participants.count)
        let report = ScenarioAutoplay.run(scenario, runs: 300, seed: 2026)
        #expect(!report.hasStuckRuns, "\(report.text)")
        #expect(report.unvisitedNodes.isEmpty && report.unchosenOptions.isEmpty, "\(report.text)")
        #expect(report.endings.count == endings.count)
        #expect(report.passedRuns > 0 && report.passedRuns < report.runs)
    }
}
