import Foundation

/// Loads a package folder: reads and checks the manifest, checks ids, resolves every
/// lesson path inside the package and reads each lesson's front matter. Collects every
/// problem instead of stopping at the first.
public enum CoursePackageLoader {
    public static func load(_ folder: URL, shownAs displayRoot: String) -> (package: CoursePackage?, diagnostics: [Diagnostic]) {
        let displayRoot = displayRoot.hasSuffix("/") && displayRoot.count > 1 ? String(displayRoot.dropLast()) : displayRoot
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
        let paths = PackagePath(root: folder)
        let shown = { (relative: String) in displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative }
        let manifestPath = shown(CoursePackage.manifestName)
        let manifestURL = paths.root.appendingPathComponent(CoursePackage.manifestName)
        if case .failure(let problem) = paths.resolve(CoursePackage.manifestName) {
            return (nil, [.error(SourceLocation(file: manifestPath), problem.description)])
        }
        let text: String
        do {
            text = try TextFileReader.read(manifestURL, shownAs: manifestPath, limit: CoursePackage.manifestLimit)
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
        var lessonFiles: [String: URL] = [:]
        var quizFiles: [String: URL] = [:]
        var scenarioFiles: [String: URL] = [:]
        var quizzes: [String: Quiz] = [:]
        var scenarios: [String: Scenario] = [:]
        for (m, module) in course.modules.enumerated() {
            for (u, unit) in module.units.enumerated() where unit.kind.isQuestionnaire {
                guard let file = unit.file else { continue }
                switch paths.resolve(file) {
                case .failure(let problem):
                    diagnostics.append(.error(unit.location, "unit '\(unit.id)': file '\(file)': \(problem)"))
                case .success(let (url, relative)):
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        diagnostics.append(.error(unit.location, "unit '\(unit.id)': quiz file '\(file)' not found in the package"))
                        continue
                    }
                    let parsed = CoursePackage.parseQuiz(url, shownAs: shown(relative))
                    diagnostics += parsed.diagnostics
                    guard let quiz = parsed.quiz else { continue }
                    var filled = unit
                    if filled.title.trimmingCharacters(in: .whitespaces).isEmpty { filled.title = quiz.title }
                    let answerable = quiz.questions.filter { $0.kind.takesAnswer }.count
                    filled.questionCount = quiz.pool.map { min($0.draw, answerable) } ?? answerable
                    if filled.title.trimmingCharacters(in: .whitespaces).isEmpty {
                        diagnostics.append(.error(unit.location, "unit '\(unit.id)' has no title; add 'title:' to the unit or to the quiz file"))
                    }
                    course.modules[m].units[u] = filled
                    quizFiles[unit.id] = url
                    if !parsed.diagnostics.hasErrors { quizzes[unit.id] = quiz }
                }
            }
            for (u, unit) in module.units.enumerated() where unit.kind == .scenario {
                guard let file = unit.file else { continue }
                switch paths.resolve(file) {
                case .failure(let problem):
                    diagnostics.append(.error(unit.location, "unit '\(unit.id)': file '\(file)': \(problem)"))
                case .success(let (url, relative)):
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        diagnostics.append(.error(unit.location, "unit '\(unit.id)': scenario file '\(file)' not found in the package"))
                        continue
                    }
                    let parsed = CoursePackage.parseScenario(url, shownAs: shown(relative))
                    diagnostics += parsed.diagnostics
                    guard let scenario = parsed.scenario else { continue }
                    if course.modules[m].units[u].title.trimmingCharacters(in: .whitespaces).isEmpty {
                        course.modules[m].units[u].title = scenario.title
                    }
                    scenarioFiles[unit.id] = url
                    if !parsed.diagnostics.hasErrors { scenarios[unit.id] = scenario }
                }
            }
            for (u, unit) in module.units.enumerated() where unit.kind == .lesson {
                guard let file = unit.file else { continue }
                switch paths.resolve(file) {
                case .failure(let problem):
                    diagnostics.append(.error(unit.location, "unit '\(unit.id)': file '\(file)': \(problem)"))
                case .success(let (url, relative)):
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        diagnostics.append(.error(unit.location, "unit '\(unit.id)': lesson file '\(file)' not found in the package"))
                        continue
                    }
                    do {
                        let lessonText = try TextFileReader.read(url, shownAs: shown(relative), limit: CoursePackage.lessonLimit)
                        let lesson = LessonText(lessonText, path: shown(relative))
                        diagnostics += lesson.diagnostics
                        var filled = unit
                        if filled.title.isEmpty { filled.title = lesson.frontMatter.title ?? "" }
                        filled.estimatedMinutes = lesson.frontMatter.minutes
                        filled.objectives = lesson.frontMatter.objectives
                        if filled.title.trimmingCharacters(in: .whitespaces).isEmpty {
                            diagnostics.append(.error(unit.location, "unit '\(unit.id)' has no title; add 'title:' to the unit or to the lesson's front matter"))
                        }
                        course.modules[m].units[u] = filled
                        lessonFiles[unit.id] = url
                    } catch {
                        diagnostics += error.diagnostics.map { diagnostic in
                            var d = diagnostic
                            d.message = "lesson of unit '\(unit.id)' \(d.message)"
                            return d
                        }
                    }
                }
            }
        }
        let package = CoursePackage(course: course, paths: paths, displayRoot: displayRoot, lessonFiles: lessonFiles, quizFiles: quizFiles, scenarioFiles: scenarioFiles,
            quizzes: quizzes, scenarios: scenarios
        )
        return (package, diagnostics)
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
                    diagnostics.append(.error(unit.location, "duplicate unit id '\(unit.id)'; first used at \(first). Unit ids must be unique in the whole course"))
                } else {
                    units[unit.id] = unit.location
                }
            }
        }
        return diagnostics
    }
}
