import Foundation

/// A loaded course package: the manifest as a `Course`, plus where its files are.
/// Lesson texts are read on demand, so a large package does not sit in memory.
public struct CoursePackage: Sendable {
    public static let manifestName = "course.yaml"
    public static let manifestLimit = 1 << 20
    public static let lessonLimit = 4 << 20

    public let course: Course
    public let paths: PackagePath
    /// How the package folder was named by the user, used in front of every path in messages.
    public let displayRoot: String
    /// Resolved lesson files by unit id.
    public let lessonFiles: [String: URL]
    /// Resolved quiz and survey files by unit id.
    public let quizFiles: [String: URL]
    /// Resolved scenario files by unit id.
    public let scenarioFiles: [String: URL]
    /// Quizzes and scenarios as read while loading, so nothing is parsed twice. (Lessons
    /// are read on demand instead: they are long and only one is on screen.)
    public let quizzes: [String: Quiz]
    public let scenarios: [String: Scenario]

    public init(
        course: Course, paths: PackagePath, displayRoot: String, lessonFiles: [String: URL], quizFiles: [String: URL] = [:],
        scenarioFiles: [String: URL] = [:], quizzes: [String: Quiz] = [:], scenarios: [String: Scenario] = [:]
    ) {
        self.scenarioFiles = scenarioFiles
        self.quizzes = quizzes
        self.scenarios = scenarios
        self.course = course
        self.paths = paths
        self.displayRoot = displayRoot
        self.lessonFiles = lessonFiles
        self.quizFiles = quizFiles
    }

    /// Package-relative path as shown in messages, e.g. `Courses/x/lektioner/01.md`.
    public func shown(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative
    }

    /// Reads and splits one lesson. Errors name the file and place.
    public func lesson(_ unit: CourseUnit) throws(CourseError) -> LessonText {
        guard let url = lessonFiles[unit.id], let file = unit.file else {
            throw CourseError(unit.location, "unit '\(unit.id)' has no lesson file")
        }
        let path = shown(file)
        let text = try TextFileReader.read(url, shownAs: path, limit: Self.lessonLimit)
        return LessonText(text, path: path)
    }

    /// Opens a package for playing: any error in it is thrown, warnings are returned.
    public static func open(_ folder: URL, shownAs displayRoot: String) throws(CourseError) -> (CoursePackage, [Diagnostic]) {
        let result = CoursePackageLoader.load(folder, shownAs: displayRoot)
        guard let package = result.package, !result.diagnostics.hasErrors else {
            throw CourseError(
                result.diagnostics.hasErrors ? result.diagnostics : [.error(SourceLocation(file: displayRoot), "the package could not be loaded")])
        }
        return (package, result.diagnostics)
    }
}
