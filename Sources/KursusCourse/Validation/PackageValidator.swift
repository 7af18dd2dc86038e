import Foundation
import KursusText

/// Everything `kursus validate` reports about a package.
public struct ValidationReport: Sendable, Codable {
    public struct Summary: Sendable, Codable, Equatable {
        public var modules: Int
        public var units: [String: Int]
        public var errors: Int
        public var warnings: Int
    }

    public var package: String
    public var diagnostics: [Diagnostic]
    public var summary: Summary

    public var passed: Bool { !diagnostics.hasErrors }
}

/// Checks a whole package. The Markdown layer sits above this one, so the function that
/// scans a lesson body (for image references and too deep nesting) is handed in by the caller.
public struct PackageValidator: Sendable {
    public typealias AssetScanner = @Sendable (String) -> [AssetReference]
    public typealias LessonScanner = @Sendable (String) -> MarkdownFindings
    let scanLesson: LessonScanner
    /// Kursus's own assets, for scenario portraits named `assets:NAME`.
    let assets: AssetCatalog

    /// A validator whose lesson scan finds images only.
    public init(scanAssets: @escaping AssetScanner, assets: AssetCatalog = .embedded) {
        self.scanLesson = { MarkdownFindings(images: scanAssets($0)) }
        self.assets = assets
    }

    /// A validator that scans each lesson body with `scanLesson`
    /// (`MarkdownScanner.findings(in:)`): images and nesting deeper than Kursus follows.
    public init(scanLesson: @escaping LessonScanner, assets: AssetCatalog = .embedded) {
        self.scanLesson = scanLesson
        self.assets = assets
    }

    /// As `init(scanLesson:assets:)`, reading generic portraits from one `Assets` folder.
    public init(scanLesson: @escaping LessonScanner, assets: URL) {
        self.init(scanLesson: scanLesson, assets: .folder(assets))
    }

    /// A validator reading generic portraits from one `Assets` folder.
    public init(scanAssets: @escaping AssetScanner, assets: URL) {
        self.init(scanAssets: scanAssets, assets: .folder(assets))
    }

    /// Checks a package folder.
    public func validate(_ folder: URL, shownAs displayRoot: String) -> ValidationReport {
        report(CoursePackageLoader.load(folder, shownAs: displayRoot), shownAs: displayRoot)
    }

    /// Checks a package in any storage (a folder or a `.kursus` archive).
    public func validate(storage: any PackageStorage, shownAs displayRoot: String) -> ValidationReport {
        report(CoursePackageLoader.load(storage: storage, shownAs: displayRoot), shownAs: displayRoot)
    }

    func report(_ load: (package: CoursePackage?, diagnostics: [Diagnostic]), shownAs displayRoot: String) -> ValidationReport {
        let (loaded, loadDiagnostics) = load
        var diagnostics = loadDiagnostics
        var summary = ValidationReport.Summary(modules: 0, units: [:], errors: 0, warnings: 0)
        if let package = loaded {
            summary.modules = package.course.modules.count
            // Units whose file is there (broken or not); a missing file is reported, not counted.
            for unit in package.course.allUnits {
                guard let file = unit.file, case .success(let relative) = package.storage.resolve(file, from: ""),
                    package.storage.fileExists(relative)
                else { continue }
                summary.units[unit.kind.rawValue, default: 0] += 1
            }
            // The loader reports a mismatch when it leaves the unit without a title; a title
            // in the manifest hides it there, so it is added here (found on the text the
            // loader read: no lesson is read again for it).
            for unit in package.course.allUnits {
                guard let mismatch = package.lessonKindMismatches[unit.id], !diagnostics.contains(mismatch) else { continue }
                diagnostics.append(mismatch)
            }
            for language in package.course.languages {
                guard let content = package.contents[language] else { continue }
                for unit in package.course.allUnits {
                    guard let file = content.lessonFiles[unit.id] else { continue }
                    diagnostics += checkLesson(unit, file: file, in: package)
                }
            }
            diagnostics += LanguageParity.diagnostics(in: package)
            diagnostics += QuizRules.diagnostics(in: package)
            diagnostics += checkQuizzes(in: package)
            diagnostics += checkPortraits(in: package)
            diagnostics += bidiControls(in: package)
            diagnostics += scoreRanges(in: package)
        }
        diagnostics = Self.ordered(diagnostics)
        summary.errors = diagnostics.errors.count
        summary.warnings = diagnostics.warnings.count
        return ValidationReport(package: displayRoot, diagnostics: diagnostics, summary: summary)
    }

    /// Image references must stay inside the package; a missing image is a warning.
    func checkLesson(_ unit: CourseUnit, file: String, in package: CoursePackage) -> [Diagnostic] {
        guard let text = try? package.storage.readText(file, shownAs: package.shown(file), limit: CoursePackage.lessonLimit) else { return [] }
        // The loader composed the front matter and reported its problems: only the body
        // and where it starts are needed here.
        let split = LessonText.splitFrontMatter(text)
        let lesson = (body: split?.body ?? text, bodyLineOffset: split?.bodyLineOffset ?? 0)
        let lessonFolder = file.split(separator: "/").dropLast().joined(separator: "/")
        let shownFile = package.shown(file)
        var diagnostics: [Diagnostic] = []
        let findings = scanLesson(lesson.body)
        if let place = findings.deepNesting.first {
            // One warning for the first such line; the count tells how many there are.
            let others = findings.deepNesting.count - 1
            let more = others == 0 ? "" : " (and on \(others) more line\(others == 1 ? "" : "s"))"
            diagnostics.append(
                .warning(
                    SourceLocation(file: shownFile, line: place.line + lesson.bodyLineOffset, column: place.column),
                    "block quotes and list items nest deeper than \(findings.nestingLimit) levels here\(more); "
                        + "the rest of the line is shown as plain text: flatten the nesting"))
        }
        for place in findings.cutTables {
            diagnostics.append(
                .warning(
                    SourceLocation(file: shownFile, line: place.line + lesson.bodyLineOffset, column: place.column),
                    "this table has more than \(findings.tableCellLimit) cells (rows times columns); "
                        + "its rows from here on are shown as plain text: split it into smaller tables"))
        }
        for reference in findings.images {
            let place = SourceLocation(file: shownFile, line: reference.line + lesson.bodyLineOffset, column: reference.column)
            switch package.storage.resolve(reference.path, from: lessonFolder) {
            case .failure(let problem):
                diagnostics.append(.error(place, "image '\(reference.path)': \(problem)"))
            case .success(let relative):
                if !package.storage.fileExists(relative) {
                    diagnostics.append(
                        .warning(
                            place,
                            "image '\(reference.path)' not found (looked for \(package.shown(relative))); learners will see only its description"))
                }
            }
        }
        if let warning = BidiControls.warning(in: text, file: shownFile) { diagnostics.append(warning) }
        if Self.holdsTerminalControls(lesson.body) {
            diagnostics.append(
                .warning(
                    SourceLocation(file: shownFile), "contains terminal control characters; they are shown as symbols, never sent to the terminal"))
        }
        return diagnostics
    }

    /// Whether `text` holds ESC or a C1 control (U+0080–U+009F, in UTF-8 0xC2 0x80–0x9F),
    /// found on the bytes.
    static func holdsTerminalControls(_ text: String) -> Bool {
        ByteScan.contains(0x1B, in: text.utf8) { _, _ in true }
            || ByteScan.contains(0xC2, in: text.utf8) { bytes, index in index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]) }
    }

    /// The quiz checks (QuizChecks) on every quiz and survey that reads cleanly; reading
    /// problems were reported by the loader.
    func checkQuizzes(in package: CoursePackage) -> [Diagnostic] {
        let surveys = Set(package.course.allUnits.filter { $0.kind == .survey }.map(\.id))
        var diagnostics: [Diagnostic] = []
        let quizzes = package.course.languages.map { package.contents[$0]?.quizzes ?? [:] }
        for unit in package.course.allUnits where unit.kind.isQuestionnaire {
            for quiz in quizzes.compactMap({ $0[unit.id] }) {
                diagnostics += QuizChecks.diagnostics(for: quiz, isSurvey: unit.kind == .survey, surveyUnitIDs: surveys)
            }
            guard let quiz = package.quizzes[unit.id] else { continue }
            if unit.kind == .quiz, !quiz.isScored {
                diagnostics.append(
                    .warning(
                        unit.location,
                        "unit '\(unit.id)' is a quiz with no scored question; make it 'kind: survey' so it is completed rather than passed"))
            }
        }
        return diagnostics
    }

    /// Every participant's portrait must exist, fit the video frame and hold no control characters.
    func checkPortraits(in package: CoursePackage) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for unit in package.course.allUnits where unit.kind == .scenario {
            guard let scenario = package.scenarios[unit.id] else { continue }
            diagnostics +=
                ScenarioPortraits.loadAll(for: scenario, storage: package.storage, assets: assets, shownAs: package.shown).diagnostics
        }
        return diagnostics
    }

    /// A warning for course.yaml and each quiz and scenario file (in every language) that
    /// holds a bidirectional control character; lessons are checked in `checkLesson`,
    /// portraits where they are read (`ScenarioPortraits`).
    func bidiControls(in package: CoursePackage) -> [Diagnostic] {
        var files = [(CoursePackage.manifestName, CoursePackage.manifestLimit)]
        for language in package.course.languages {
            guard let content = package.contents[language] else { continue }
            files += content.quizFiles.values.sorted().map { ($0, CoursePackage.quizLimit) }
            files += content.scenarioFiles.values.sorted().map { ($0, ScenarioFile.maximumBytes) }
        }
        return files.compactMap { file, limit in
            guard let text = try? package.storage.readText(file, shownAs: package.shown(file), limit: limit) else { return nil }
            return BidiControls.warning(in: text, file: package.shown(file))
        }
    }

    /// The lowest and highest score a learner can reach in each scenario, as a note.
    func scoreRanges(in package: CoursePackage) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        for unit in package.course.allUnits where unit.kind == .scenario {
            guard let scenario = package.scenarios[unit.id] else { continue }
            if let range = ScenarioValidator.scoreRange(scenario) {
                notes.append(.note(scenario.location, "reachable \(range)"))
            }
        }
        return notes
    }

    /// Sorted by file, then line and column, so output is stable and easy to follow.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        var fileOrder: [String: Int] = [:]
        for diagnostic in unique where fileOrder[diagnostic.location.file] == nil {
            fileOrder[diagnostic.location.file] = fileOrder.count
        }
        return unique.enumerated().sorted { a, b in
            let (l, r) = (a.element.location, b.element.location)
            let key = { (d: SourceLocation, offset: Int) in [fileOrder[d.file] ?? 0, d.line, d.column, offset] }
            return key(l, a.offset).lexicographicallyPrecedes(key(r, b.offset))
        }.map(\.element)
    }
}
