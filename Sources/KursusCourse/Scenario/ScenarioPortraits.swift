import Foundation
import KursusText

/// Portraits drawn in the video frame: small text pictures, at most
/// `maximumColumns` × `maximumLines`, read from the package or from `Assets/portraits/`.
public enum ScenarioPortraits {
    public static let maximumColumns = 40
    public static let maximumLines = 16
    public static let maximumBytes = 64 * 1024

    /// Checks a portrait's text; the lines, or every problem with its file:line:col.
    public static func check(_ text: String, file: String) -> Result<[String], CourseError> {
        var problems: [Diagnostic] = []
        // "\r\n" is one Character in Swift, so line endings are normalised before splitting.
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isBlankLine == true { lines.removeLast() }
        if lines.isEmpty {
            problems.append(.error(SourceLocation(file: file), "the portrait is empty"))
        }
        if lines.count > maximumLines {
            problems.append(
                .error(
                    SourceLocation(file: file, line: maximumLines + 1),
                    "the portrait has \(lines.count) lines; at most \(maximumLines) fit in the video frame"))
        }
        for (index, line) in lines.enumerated() {
            var column = 1
            var bad = false
            for scalar in line.unicodeScalars {
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let name = scalar == "\t" ? "a tab; use spaces" : "a control character (U+\(String(format: "%04X", scalar.value)))"
                    problems.append(.error(SourceLocation(file: file, line: index + 1, column: column), "the portrait contains \(name)"))
                    bad = true
                    break
                }
                column += 1
            }
            if bad { continue }
            let width = DisplayWidth.of(line)
            if width > maximumColumns {
                problems.append(
                    .error(
                        SourceLocation(file: file, line: index + 1, column: maximumColumns + 1),
                        "this line is \(width) columns wide; a portrait may be at most \(maximumColumns) columns"))
            }
        }
        return problems.isEmpty ? .success(lines) : .failure(CourseError(problems))
    }

    /// Loads the portrait `reference` names from a package folder; see the storage variant.
    public static func load(
        _ reference: PortraitReference, packageRoot: URL, scenarioFolder: String = "", assets: AssetCatalog, shownAs: (String) -> String = { $0 }
    ) -> Result<[String], CourseError> {
        load(reference, storage: FolderStorage(packageRoot), scenarioFolder: scenarioFolder, assets: assets, shownAs: shownAs)
    }

    /// Loads the portrait `reference` names. Package paths are kept inside `storage`;
    /// `assets:NAME` reads `portraits/NAME.txt` from Kursus's assets. `scenarioFolder` is the folder of the
    /// scenario file relative to the package, so paths may be written relative to it.
    /// `shownAs` turns a package-relative path into the form messages use (the package
    /// folder as the trainer named it, in front).
    public static func load(
        _ reference: PortraitReference, storage: any PackageStorage, scenarioFolder: String = "", assets: AssetCatalog,
        shownAs: (String) -> String = { $0 }
    ) -> Result<[String], CourseError> {
        loadWithWarnings(reference, storage: storage, scenarioFolder: scenarioFolder, assets: assets, shownAs: shownAs).portrait
    }

    /// `load`, and the warnings about the portrait's file (a bidirectional control).
    static func loadWithWarnings(
        _ reference: PortraitReference, storage: any PackageStorage, scenarioFolder: String, assets: AssetCatalog, shownAs: (String) -> String
    ) -> (portrait: Result<[String], CourseError>, warnings: [Diagnostic]) {
        let shown: String
        switch reference {
        case .package(let path, let location):
            switch storage.resolve(path, from: scenarioFolder) {
            case .failure(let problem):
                return (.failure(CourseError(location, "portrait '\(path)': \(problem)")), [])
            case .success(let relative):
                shown = shownAs(relative)
                if !storage.fileExists(relative) {
                    // Not there, unless reading says why it cannot be (a symbolic link loop).
                    do { _ = try storage.read(relative, shownAs: shown, limit: 0) } catch {
                        if let reason = error.diagnostics.first, reason.message != "file not found" { return (.failure(error), []) }
                    }
                    return (.failure(CourseError(location, "portrait file '\(shown)' not found")), [])
                }
                do {
                    let text = try storage.readText(relative, shownAs: shown, limit: maximumBytes)
                    return (check(text, file: shown), BidiControls.warning(in: text, file: shown).map { [$0] } ?? [])
                } catch {
                    return (.failure(error), [])
                }
            }
        case .generic(let name, let location):
            guard Identifier.isValid(name) else { return (.failure(CourseError(location, "'assets:\(name)' is not a generic portrait name")), []) }
            let path = "portraits/\(name).txt"
            let found: AssetCatalog.Asset?
            do {
                found = try assets.find(path)
            } catch {
                return (.failure(CourseError(location, "generic portrait '\(name)': \(error)")), [])
            }
            guard let asset = found else {
                return (.failure(CourseError(location, "no generic portrait '\(name)': Assets/\(path) does not exist")), [])
            }
            guard asset.data.count <= maximumBytes, let text = String(data: asset.data, encoding: .utf8) else {
                return (
                    .failure(
                        CourseError(location, "generic portrait '\(name)' (\(asset.shown)) is not UTF-8 text of at most \(maximumBytes) bytes")), []
                )
            }
            return (check(text, file: "Assets/\(path)"), BidiControls.warning(in: text, file: asset.shown).map { [$0] } ?? [])
        }
    }

    /// Every participant's portrait in a package folder; see the storage variant.
    public static func loadAll(
        for scenario: Scenario, packageRoot: URL, scenarioFolder: String = "", assets: AssetCatalog, shownAs: (String) -> String = { $0 }
    ) -> (portraits: [String: [String]], diagnostics: [Diagnostic]) {
        loadAll(for: scenario, storage: FolderStorage(packageRoot), scenarioFolder: scenarioFolder, assets: assets, shownAs: shownAs)
    }

    /// Every participant's portrait, by participant id, and the problems found.
    public static func loadAll(
        for scenario: Scenario, storage: any PackageStorage, scenarioFolder: String = "", assets: AssetCatalog, shownAs: (String) -> String = { $0 }
    ) -> (portraits: [String: [String]], diagnostics: [Diagnostic]) {
        var portraits: [String: [String]] = [:]
        var diagnostics: [Diagnostic] = []
        for participant in scenario.participants {
            guard let reference = participant.portrait else { continue }
            let loaded = loadWithWarnings(reference, storage: storage, scenarioFolder: scenarioFolder, assets: assets, shownAs: shownAs)
            switch loaded.portrait {
            case .success(let lines): portraits[participant.id] = lines
            case .failure(let error): diagnostics += error.diagnostics
            }
            diagnostics += loaded.warnings
        }
        return (portraits, diagnostics)
    }
}
