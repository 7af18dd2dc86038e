import Foundation

/// A loaded course package: the manifest as a `Course`, plus where its files are (a
/// folder or a `.kursus` archive, behind `PackageStorage`). Lesson texts are read on
/// demand, so a large package does not sit in memory.
public struct CoursePackage: Sendable {
    public static let manifestName = "course.yaml"
    public static let manifestLimit = 1 << 20
    public static let lessonLimit = 4 << 20

    public let course: Course
    /// Where the package's files are read from.
    public let storage: any PackageStorage
    /// How the package folder was named by the user, used in front of every path in messages.
    public let displayRoot: String
    /// Lesson files by unit id, package-relative.
    public let lessonFiles: [String: String]
    /// Quiz and survey files by unit id, package-relative.
    public let quizFiles: [String: String]
    /// Scenario files by unit id, package-relative.
    public let scenarioFiles: [String: String]
    /// Quizzes and scenarios as read while loading, so nothing is parsed twice. (Lessons
    /// are read on demand instead: they are long and only one is on screen.)
    public let quizzes: [String: Quiz]
    public let scenarios: [String: Scenario]

    public init(
        course: Course, storage: any PackageStorage, displayRoot: String, lessonFiles: [String: String], quizFiles: [String: String] = [:],
        scenarioFiles: [String: String] = [:], quizzes: [String: Quiz] = [:], scenarios: [String: Scenario] = [:]
    ) {
        self.scenarioFiles = scenarioFiles
        self.quizzes = quizzes
        self.scenarios = scenarios
        self.course = course
        self.storage = storage
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
        guard let file = lessonFiles[unit.id] else {
            throw CourseError(unit.location, "unit '\(unit.id)' has no lesson file")
        }
        let path = shown(file)
        let text = try storage.readText(file, shownAs: path, limit: Self.lessonLimit)
        return LessonText(text, path: path)
    }

    /// Opens a package folder for playing: any error in it is thrown, warnings are returned.
    public static func open(_ folder: URL, shownAs displayRoot: String) throws(CourseError) -> (CoursePackage, [Diagnostic]) {
        try checked(CoursePackageLoader.load(folder, shownAs: displayRoot), shownAs: displayRoot)
    }

    /// Opens a package from any storage (a folder or a `.kursus` archive) for playing.
    public static func open(_ storage: any PackageStorage, shownAs displayRoot: String) throws(CourseError) -> (CoursePackage, [Diagnostic]) {
        try checked(CoursePackageLoader.load(storage: storage, shownAs: displayRoot), shownAs: displayRoot)
    }

    private static func checked(
        _ result: (package: CoursePackage?, diagnostics: [Diagnostic]), shownAs displayRoot: String
    ) throws(CourseError) -> (CoursePackage, [Diagnostic]) {
        guard let package = result.package, !result.diagnostics.hasErrors else {
            throw CourseError(
                result.diagnostics.hasErrors ? result.diagnostics : [.error(SourceLocation(file: displayRoot), "the package could not be loaded")])
        }
        return (package, result.diagnostics)
    }
}
