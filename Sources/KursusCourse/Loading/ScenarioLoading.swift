import Foundation

/// Scenario units' files: `kursus-scenario/1` YAML, checked by the scenario validator
/// (targets, dead ends, cycles without an ending, variables). The package loader reads
/// each once and keeps the scenario.
extension CoursePackage {
    /// The unit's scenario as read when the package loaded.
    public func scenario(_ unit: CourseUnit) throws(CourseError) -> Scenario {
        guard let scenario = scenarios[unit.id] else {
            throw CourseError(unit.location, "unit '\(unit.id)': its scenario file could not be read; run 'kursus validate' for the reason")
        }
        return scenario
    }

    /// Reads and parses a scenario file without checking its graph (for tools that show
    /// a scenario with problems, such as `kursus scenario graph`).
    public static func readScenario(_ url: URL, shownAs path: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        do {
            let text = try TextFileReader.read(url, shownAs: path, limit: ScenarioFile.maximumBytes)
            return ScenarioFile.parse(text, file: path)
        } catch {
            return (nil, error.diagnostics)
        }
    }

    /// Reads, parses and checks a scenario file (package-relative `file` in `storage`), with every diagnostic.
    public static func parseScenario(_ file: String, in storage: any PackageStorage, shownAs path: String) -> (
        scenario: Scenario?, diagnostics: [Diagnostic]
    ) {
        let parsed: (scenario: Scenario?, diagnostics: [Diagnostic])
        do {
            parsed = ScenarioFile.parse(try storage.readText(file, shownAs: path, limit: ScenarioFile.maximumBytes), file: path)
        } catch {
            parsed = (nil, error.diagnostics)
        }
        guard let scenario = parsed.scenario, !parsed.diagnostics.hasErrors else { return parsed }
        return (scenario, parsed.diagnostics + ScenarioValidator.check(scenario))
    }
}
