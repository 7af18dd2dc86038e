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
    /// Every language's unit files as read while loading, by language (the played one
    /// included): what `inLanguage` switches to, and what records and checks read
    /// translations from.
    public private(set) var contents: [String: LanguageContent] = [:]
    /// The course fingerprint, from the manifest and the main language's unit files as
    /// the loader read them (nil when one could not be read). The same in every language.
    public private(set) var fingerprint: String?
    /// Lessons whose file looks like a scenario or quiz file, found while loading.
    public private(set) var lessonKindMismatches: [String: Diagnostic] = [:]

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

    /// The same package with what the loader found in every language.
    func with(contents: [String: LanguageContent], fingerprint: String?, lessonKindMismatches: [String: Diagnostic]) -> CoursePackage {
        var package = self
        package.contents = contents
        package.fingerprint = fingerprint
        package.lessonKindMismatches = lessonKindMismatches
        return package
    }

    /// The language being played (`course.contentLanguage`).
    public var language: String { course.contentLanguage }

    /// The same package played in another language of its course: titles, lesson files,
    /// quizzes and scenarios of that language, read when the package loaded (nothing is
    /// read again). A language the course lacks gives the main language. Unit ids, the
    /// fingerprint and so every learner's progress stay the same.
    public func inLanguage(_ wish: String) -> CoursePackage {
        let chosen = course.playableLanguage(wish)
        guard let content = contents[chosen] else { return self }
        var translated = course.inLanguage(chosen)
        for m in translated.modules.indices {
            for u in translated.modules[m].units.indices {
                let id = translated.modules[m].units[u].id
                guard let lesson = content.lessons[id] else { continue }
                translated.modules[m].units[u].estimatedMinutes = lesson.minutes
                translated.modules[m].units[u].objectives = lesson.objectives
            }
        }
        var package = CoursePackage(
            course: translated, storage: storage, displayRoot: displayRoot, lessonFiles: content.lessonFiles,
            quizFiles: content.quizFiles, scenarioFiles: content.scenarioFiles, quizzes: content.quizzes, scenarios: content.scenarios)
        package.contents = contents
        package.fingerprint = fingerprint
        package.lessonKindMismatches = lessonKindMismatches
        return package
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

    /// Opens a package folder for playing in `language` (nil: the main one): any error in
    /// it is thrown, warnings are returned. With `fingerprints`, only what the course menu
    /// needs is read of the lessons the cache vouches for (see `CourseFingerprintCache`).
    public static func open(
        _ folder: URL, shownAs displayRoot: String, language: String? = nil, fingerprints: CourseFingerprintCache? = nil
    ) throws(CourseError) -> (CoursePackage, [Diagnostic]) {
        try checked(
            CoursePackageLoader.load(folder, shownAs: displayRoot, language: language, fingerprints: fingerprints), shownAs: displayRoot)
    }

    /// Opens a package from any storage (a folder or a `.kursus` archive) for playing.
    public static func open(_ storage: any PackageStorage, shownAs displayRoot: String, language: String? = nil) throws(CourseError) -> (
        CoursePackage, [Diagnostic]
    ) {
        try checked(CoursePackageLoader.load(storage: storage, shownAs: displayRoot, language: language), shownAs: displayRoot)
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
