import Foundation

/// Generic portraits read from an `Assets` folder alone, without the copy compiled into
/// the binary: for tests and tools that point at a particular folder.
extension ScenarioPortraits {
    /// `load(_:packageRoot:scenarioFolder:assets:shownAs:)` with the assets of one folder.
    public static func load(
        _ reference: PortraitReference, packageRoot: URL, scenarioFolder: String = "", assets: URL, shownAs: (String) -> String = { $0 }
    ) -> Result<[String], CourseError> {
        load(reference, packageRoot: packageRoot, scenarioFolder: scenarioFolder, assets: .folder(assets), shownAs: shownAs)
    }

    /// `loadAll(for:packageRoot:scenarioFolder:assets:shownAs:)` with the assets of one folder.
    public static func loadAll(
        for scenario: Scenario, packageRoot: URL, scenarioFolder: String = "", assets: URL, shownAs: (String) -> String = { $0 }
    ) -> (portraits: [String: [String]], diagnostics: [Diagnostic]) {
        loadAll(for: scenario, packageRoot: packageRoot, scenarioFolder: scenarioFolder, assets: .folder(assets), shownAs: shownAs)
    }
}
