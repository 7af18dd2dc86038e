import Foundation

/// Loads a package: reads and checks the manifest, checks ids, resolves every unit's
/// path inside the package and reads each unit's file (a lesson's front matter, a quiz
/// or scenario parsed). Collects every problem instead of stopping at the first.
public enum CoursePackageLoader {
    /// Loads a package folder, after checking that it is a readable folder.
    public static func load(_ folder: URL, shownAs displayRoot: String) -> (package: CoursePackage?, diagnostics: [Diagnostic]) {
        let displayRoot = trimmed(displayRoot)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            return (nil, [.error(SourceLocation(file: displayRoot), "course package not found; give the path of a folder that holds course.yaml")])
        }
        guard isDirectory.boolValue else {
            return (nil, [.error(SourceLocation(file: displayRoot), "is a file; a course package is a folder that holds course.yaml")])
        }
        guard FileManager.default.isReadableFile(atPath: folder.path),
            FileManager.default.isExecutableFile(atPath: folder.path)
        else {
            return (nil, [.error(SourceLocation(file: displayRoot), "the package folder cannot be read (check its permissions)")])
        }
        return load(storage: FolderStorage(folder), shownAs: displayRoot)
    }

    /// Loads a package from any storage: a folder or a `.kursus` archive.
    public static func load(storage: any PackageStorage, shownAs displayRoot: String) -> (package: CoursePackage?, diagnostics: [Diagnostic]) {
        let displayRoot = trimmed(displayRoot)
        let shown: @Sendable (String) -> String = { relative in displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative }
        let manifestPath = shown(CoursePackage.manifestName)
        let text: String
        do {
            text = try storage.readText(CoursePackage.manifestName, shownAs: manifestPath, limit: CoursePackage.manifestLimit)
        } catch {
            return (nil, error.diagnostics)
        }
        var parser = ManifestParser(file: manifestPath)
        let parsed = parser.parse(text)
        var diagnostics = parser.diagnostics
        guard var course = parsed else { return (nil, diagnostics) }

        let duplicates = duplicateIDs(in: course)
        diagnostics += duplicates
        if duplicates.isEmpty { diagnostics += PrerequisiteGraph(course).diagnostics(for: course) }
        // Every unit's file is read and parsed on its own, on every processor; the results
        // are put together in manifest order.
        let places = course.modules.indices.flatMap { m in course.modules[m].units.indices.map { (m, $0) } }
        let units = places.map { course.modules[$0.0].units[$0.1] }
        let outcomes = ConcurrentMap.map(units) { unit in loadUnit(unit, from: storage, shown: shown) }
        var files = UnitFiles()
        for ((m, u), outcome) in zip(places, outcomes) {
            diagnostics += outcome.diagnostics
            files.add(outcome.files)
            if let filled = outcome.filled { course.modules[m].units[u] = filled }
        }
        let package = CoursePackage(
            course: course, storage: storage, displayRoot: displayRoot, lessonFiles: files.lessons, quizFiles: files.quizzes,
            scenarioFiles: files.scenarios, quizzes: files.parsedQuizzes, scenarios: files.parsedScenarios
        )
        return (package, diagnostics)
    }

    /// What reading one unit's file gives: the unit with what its file adds, the file
    /// recorded by kind, and the problems found.
    struct UnitOutcome: Sendable {
        var filled: CourseUnit?
        var files = UnitFiles()
        var diagnostics: [Diagnostic] = []
    }

    /// Resolves, reads and parses one unit's file. Runs on any thread.
    static func loadUnit(_ unit: CourseUnit, from storage: any PackageStorage, shown: (String) -> String) -> UnitOutcome {
        var outcome = UnitOutcome()
        guard let file = unit.file else { return outcome }
        switch storage.resolve(file, from: "") {
        case .failure(let problem):
            outcome.diagnostics.append(.error(unit.location, "unit '\(unit.id)': file '\(file)': \(problem)"))
        case .success(let relative):
            guard storage.fileExists(relative) else {
                outcome.diagnostics.append(missing(unit, file: file, relative, in: storage, shownAs: shown(relative)))
                return outcome
            }
            guard let filled = outcome.files.read(unit, relative, in: storage, shownAs: shown(relative), into: &outcome.diagnostics) else {
                return outcome
            }
            if filled.title.trimmingCharacters(in: .whitespaces).isEmpty {
                // A scenario or quiz declared as a lesson has no lesson title: say what the file is instead.
                outcome.diagnostics.append(
                    UnitKindDetection.mismatch(unit, storage: storage, shownAs: shown)
                        ?? .error(unit.location, "unit '\(unit.id)' has no title; add 'title:' to the unit or to the \(unit.kind.titleSource)"))
            }
            outcome.filled = filled
        }
        return outcome
    }

    /// Why a unit's file is not a readable file: not there at all, or (for a folder, a
    /// pipe) what reading it says.
    static func missing(_ unit: CourseUnit, file: String, _ relative: String, in storage: any PackageStorage, shownAs shown: String) -> Diagnostic {
        let notFound = Diagnostic.error(unit.location, "unit '\(unit.id)': \(unit.kind.fileWord) file '\(file)' not found in the package")
        do {
            _ = try storage.read(relative, shownAs: shown, limit: 0)
            return notFound
        } catch {
            guard var reason = error.diagnostics.first, reason.message != "file not found" else { return notFound }
            reason.message = "\(unit.kind.fileWord) of unit '\(unit.id)' \(reason.message)"
            return reason
        }
    }

    /// The package as the user named it, without a trailing `/`.
    static func trimmed(_ displayRoot: String) -> String {
        displayRoot.hasSuffix("/") && displayRoot.count > 1 ? String(displayRoot.dropLast()) : displayRoot
    }

    /// Module ids must be unique among modules; unit ids across the whole course,
    /// because progress is recorded by unit id.
    static func duplicateIDs(in course: Course) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var modules: [String: SourceLocation] = [:]
        var units: [String: SourceLocation] = [:]
        for module in course.modules {
            if let first = modules[module.id] {
                diagnostics.append(.error(module.location, "duplicate module id '\(module.id)'; first used at \(first)"))
            } else {
                modules[module.id] = module.location
            }
            for unit in module.units {
                if let first = units[unit.id] {
                    diagnostics.append(
                        .error(unit.location, "duplicate unit id '\(unit.id)'; first used at \(first). Unit ids must be unique in the whole course"))
                } else {
                    units[unit.id] = unit.location
                }
            }
        }
        return diagnostics
    }
}
