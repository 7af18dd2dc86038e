import Foundation

/// Loads a package: reads and checks the manifest, checks ids, resolves every unit's
/// path inside the package and reads each unit's file (a lesson's front matter, a quiz
/// or scenario parsed). Collects every problem instead of stopping at the first.
public enum CoursePackageLoader {
    /// Loads a package folder, after checking that it is a readable folder. `language`:
    /// the language to play (one of the course's `languages`; nil or any other gives the
    /// main language). Every language's files are read, once each. With `fingerprints`,
    /// lessons the cache vouches for are read only to the end of their front matter (see
    /// `CourseFingerprintCache`), and the cache is kept up to date.
    public static func load(
        _ folder: URL, shownAs displayRoot: String, language: String? = nil, fingerprints: CourseFingerprintCache? = nil
    ) -> (
        package: CoursePackage?, diagnostics: [Diagnostic]
    ) {
        let displayRoot = trimmed(displayRoot)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            if case .symbolicLinkLoop? = RegularFileReader.problem(at: folder.path) {
                return (
                    nil,
                    [
                        .error(
                            SourceLocation(file: displayRoot),
                            "is a symbolic link loop (a link that leads back to itself); replace it with a link to the package folder")
                    ]
                )
            }
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
        return load(storage: FolderStorage(folder), shownAs: displayRoot, language: language, fingerprints: fingerprints)
    }

    /// Loads a package from any storage: a folder or a `.kursus` archive. `fingerprints`
    /// is used for a folder only.
    public static func load(
        storage: any PackageStorage, shownAs displayRoot: String, language: String? = nil, fingerprints: CourseFingerprintCache? = nil
    ) -> (package: CoursePackage?, diagnostics: [Diagnostic]) {
        let displayRoot = trimmed(displayRoot)
        let shown: @Sendable (String) -> String = { relative in displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative }
        let manifestPath = shown(CoursePackage.manifestName)
        let root = (storage as? FolderStorage)?.paths.root
        // The cache is read and checked on another thread while course.yaml is parsed.
        let pending = BackgroundValue<CourseFingerprintCache.Entry?> { root.flatMap { root in fingerprints?.entry(for: root) } }
        let manifestSource = UnitFileSource(storage: storage)
        let manifestBytes: Data
        var stamps: [(path: String, stamp: FileStamp)] = []
        let text: String
        do throws(CourseError) {
            switch manifestSource.read(CoursePackage.manifestName, shownAs: manifestPath, limit: CoursePackage.manifestLimit, headOnly: false) {
            case .missing(let reason): throw reason ?? CourseError(SourceLocation(file: manifestPath), "file not found")
            case .failed(let error): throw error
            case .read(let bytes, let stamp, _):
                manifestBytes = bytes
                if let stamp { stamps.append((CoursePackage.manifestName, stamp)) }
            }
            text = try TextFileReader.decode(manifestBytes, shownAs: manifestPath)
        } catch {
            return (nil, error.diagnostics)
        }
        var parser = ManifestParser(file: manifestPath)
        let parsed = parser.parse(text)
        var diagnostics = parser.diagnostics
        let cached = pending.value ?? nil
        guard var course = parsed else { return (nil, diagnostics) }
        let source = UnitFileSource(
            storage: storage, known: Dictionary(cached?.files ?? [], uniquingKeysWith: { first, _ in first }), heads: cached?.heads ?? [:])

        let duplicates = duplicateIDs(in: course)
        diagnostics += duplicates
        if duplicates.isEmpty { diagnostics += PrerequisiteGraph(course).diagnostics(for: course) }
        // Every unit's files (one per language) are read and parsed on their own, on every
        // processor; the results are put together in manifest order.
        let places = course.modules.indices.flatMap { m in course.modules[m].units.indices.map { (m, $0) } }
        let units = places.map { course.modules[$0.0].units[$0.1] }
        let languages = course.languages
        let outcomes = ConcurrentMap.map(units) { unit in loadUnit(unit, languages: languages, from: source, shown: shown) }
        var contents = Dictionary(uniqueKeysWithValues: languages.map { ($0, LanguageContent(language: $0)) })
        var mismatches: [String: Diagnostic] = [:]
        var readable = true
        for ((m, u), outcome) in zip(places, outcomes) {
            diagnostics += outcome.diagnostics
            for (language, content) in outcome.contents { contents[language, default: LanguageContent(language: language)].add(content) }
            if let filled = outcome.filled { course.modules[m].units[u] = filled }
            if let mismatch = outcome.mismatch { mismatches[outcome.unitID] = mismatch }
            readable = readable && !outcome.unreadable
            stamps += outcome.stamps
        }
        let fingerprint =
            readable
            ? CourseFingerprints.fingerprint(
                manifest: manifestBytes, outcomes: outcomes, stamps: &stamps, cached: cached, source: source, shown: shown) : nil
        if let root, let fingerprints, let fingerprint, fingerprint.fresh, !diagnostics.hasErrors {
            let heads = Dictionary(outcomes.flatMap(\.heads), uniquingKeysWith: { first, _ in first })
            fingerprints.store(CourseFingerprintCache.Entry(fingerprint: fingerprint.value, files: stamps, heads: heads), for: root)
        }
        let main = contents[course.language] ?? LanguageContent(language: course.language)
        let package = CoursePackage(
            course: course, storage: storage, displayRoot: displayRoot, lessonFiles: main.lessonFiles, quizFiles: main.quizFiles,
            scenarioFiles: main.scenarioFiles, quizzes: main.quizzes, scenarios: main.scenarios
        ).with(contents: contents, fingerprint: fingerprint?.value, lessonKindMismatches: mismatches)
        return (package.inLanguage(course.playableLanguage(language)), diagnostics)
    }

    /// A lesson's read problems name the unit ("lesson of unit 'x' is not valid UTF-8").
    static func lessonPrefixed(_ diagnostics: [Diagnostic], _ unit: CourseUnit) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard unit.kind == .lesson else { return diagnostic }
            var d = diagnostic
            d.message = "lesson of unit '\(unit.id)' \(d.message)"
            return d
        }
    }

    /// A translation that is not there: named with the file it should be.
    static func missingTranslation(_ unit: CourseUnit, file: String, language: String, languages: [String]) -> Diagnostic {
        .error(
            unit.location,
            "unit '\(unit.id)': the '\(language)' translation '\(file)' is missing; the course is in \(languages.joined(separator: ", ")), so every unit needs a file in each (beside the main file, with the language before the extension)"
        )
    }

    /// Why a unit's file is not a readable file: not there at all, or (for a folder, a
    /// pipe) what reading it says: `reason` when the read already said, else read again.
    static func missing(
        _ unit: CourseUnit, file: String, _ relative: String, in storage: any PackageStorage, shownAs shown: String, reason: CourseError? = nil
    ) -> Diagnostic {
        let notFound = Diagnostic.error(unit.location, "unit '\(unit.id)': \(unit.kind.fileWord) file '\(file)' not found in the package")
        let error: CourseError
        if let reason {
            error = reason
        } else {
            do {
                _ = try storage.read(relative, shownAs: shown, limit: 0)
                return notFound
            } catch let thrown {
                error = thrown
            }
        }
        guard var reason = error.diagnostics.first, reason.message != "file not found" else { return notFound }
        reason.message = "\(unit.kind.fileWord) of unit '\(unit.id)' \(reason.message)"
        return reason
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
