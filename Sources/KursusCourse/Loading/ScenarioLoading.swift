import Foundation

/// Reading a scenario unit's file: `kursus-scenario/1` YAML, checked by the scenario
/// validator (targets, dead ends, cycles without an ending, variables). Errors carry the
/// file, line and column.
extension CoursePackage {
    public func scenario(_ unit: CourseUnit) throws(CourseError) -> Scenario {
        if let scenario = scenarios[unit.id] { return scenario }
        guard let file = unit.file else {
            throw CourseError(unit.location, "unit '\(unit.id)' has no scenario file; add 'file:'")
        }
        let url: URL
        switch paths.resolve(file) {
        case .failure(let problem):
            throw CourseError(unit.location, "unit '\(unit.id)': file '\(file)': \(problem)")
        case .success(let (resolved, _)):
            url = resolved
        }
        let result = Self.parseScenario(url, shownAs: shown(file))
        guard let scenario = result.scenario, !result.diagnostics.hasErrors else {
            throw CourseError(result.diagnostics.hasErrors ? result.diagnostics : [.error(SourceLocation(file: shown(file)), "the scenario could not be read")])
        }
        return scenario
    }

    /// The scenario with every diagnostic of reading and checking it, for the loader and `validate`.
    public static func parseScenario(_ url: URL, shownAs path: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        do {
            let text = try TextFileReader.read(url, shownAs: path, limit: ScenarioFile.maximumBytes)
            let parsed = ScenarioFile.parse(text, file: path)
            guard let scenario = parsed.scenario, !parsed.diagnostics.hasErrors else { return parsed }
            return (scenario, parsed.diagnostics + ScenarioValidator.check(scenario))
        } catch {
            return (nil, error.diagnostics)
        }
    }
}
