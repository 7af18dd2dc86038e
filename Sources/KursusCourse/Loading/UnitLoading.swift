import Foundation

extension CoursePackageLoader {
    /// What reading one unit's files gives: the unit with what its files add (titles in
    /// every language), each language's files by kind, the main file's bytes for the
    /// fingerprint, the stamps of the files read, and the problems found.
    struct UnitOutcome: Sendable {
        var unitID: String
        var filled: CourseUnit?
        var contents: [String: LanguageContent] = [:]
        /// The main file's bytes; nil when it was read only to the end of its front
        /// matter (`mainRelative` names it then) or could not be read.
        var mainBytes: Data?
        var mainRelative: String?
        /// The main file could not be read, so the package has no fingerprint.
        var unreadable = false
        var mismatch: Diagnostic?
        /// Titles from each language's file, for a unit without a title in course.yaml.
        var fileTitles: [String: String] = [:]
        /// Every file read from a folder, with its stamp, in reading order.
        var stamps: [(path: String, stamp: FileStamp)] = []
        /// The front matter of each lesson file without problems, for the cache.
        var heads: [(path: String, head: CourseFingerprintCache.Head)] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Resolves, reads and parses one unit's file in every language. Runs on any thread.
    static func loadUnit(_ unit: CourseUnit, languages: [String], from source: UnitFileSource, shown: (String) -> String) -> UnitOutcome {
        var outcome = UnitOutcome(unitID: unit.id)
        guard let mainFile = unit.file else { return outcome }
        for (index, language) in languages.enumerated() {
            let isMain = index == 0
            let file = isMain ? mainFile : TranslationFile.path(mainFile, language: language)
            var asked = unit
            asked.title = unit.titleTranslations[language] ?? unit.title
            var files = UnitFiles(language: language)
            let relative: String
            let resolved: URL?
            let status: stat?
            switch source.resolve(file) {
            case .failure(let problem):
                outcome.diagnostics.append(.error(unit.location, "unit '\(unit.id)': file '\(file)': \(problem)"))
                outcome.unreadable = outcome.unreadable || isMain
                continue
            case .success(let path): (relative, resolved, status) = path
            }
            var mismatch: Diagnostic?
            let filled: CourseUnit?
            if unit.kind == .lesson, let kept = source.cachedHead(relative, resolved: resolved, status: status) {
                // Unchanged since the cache vouched for it: its front matter as kept, unread.
                outcome.stamps.append((relative, kept.stamp))
                outcome.heads.append((relative, kept.head))
                if isMain { outcome.mainRelative = relative }
                filled = files.lesson(asked, relative, head: kept.head, shownAs: shown(relative))
            } else {
                let bytes: Data
                let complete: Bool
                var vouched = false
                switch source.read(
                    relative, resolved: resolved, shownAs: shown(relative), limit: UnitFiles.limit(unit.kind), headOnly: unit.kind == .lesson)
                {
                case .missing(let reason):
                    outcome.unreadable = outcome.unreadable || isMain
                    outcome.diagnostics.append(
                        isMain
                            ? missing(unit, file: file, relative, in: source.storage, shownAs: shown(relative), reason: reason)
                            : missingTranslation(unit, file: file, language: language, languages: languages))
                    continue
                case .failed(let error):
                    outcome.unreadable = outcome.unreadable || isMain
                    outcome.diagnostics += lessonPrefixed(error.diagnostics, unit)
                    continue
                case .read(let read, let stamp, let whole):
                    bytes = read
                    complete = whole
                    if let stamp {
                        outcome.stamps.append((relative, stamp))
                        vouched = source.known[relative] == stamp
                    }
                }
                let text: String
                do {
                    text = try TextFileReader.decode(bytes, shownAs: shown(relative))
                } catch {
                    outcome.unreadable = outcome.unreadable || isMain
                    outcome.diagnostics += lessonPrefixed(error.diagnostics, unit)
                    continue
                }
                if isMain {
                    outcome.mainBytes = complete ? bytes : nil
                    outcome.mainRelative = relative
                }
                filled = files.read(
                    asked, relative, text: text, complete: complete, checked: vouched, shownAs: shown(relative), into: &outcome.diagnostics,
                    mismatch: &mismatch)
                if let head = files.lastHead, source.folder != nil { outcome.heads.append((relative, head)) }
            }
            outcome.contents[language] = files.content
            if isMain { outcome.mismatch = mismatch }
            guard let filled else {
                outcome.unreadable = outcome.unreadable || isMain
                continue
            }
            if filled.title.isBlankLine {
                // A scenario or quiz declared as a lesson has no lesson title: say what the file is instead.
                outcome.diagnostics.append(
                    mismatch
                        ?? .error(
                            unit.location,
                            "unit '\(unit.id)'\(isMain ? "" : " in '\(language)'") has no title; add 'title:' to the unit or to the \(unit.kind.titleSource)\(isMain ? "" : " (\(file))")"
                        ))
            }
            if isMain {
                outcome.filled = filled
            }
            if unit.title.isEmpty, unit.titleTranslations.isEmpty, languages.count > 1 {
                outcome.fileTitles[language] = filled.title
            }
        }
        if var filled = outcome.filled, !outcome.fileTitles.isEmpty {
            filled.titleTranslations = outcome.fileTitles
            outcome.filled = filled
        }
        return outcome
    }
}
