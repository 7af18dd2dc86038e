/// Turns the text of `course.yaml` into a `Course`, collecting every problem with its
/// place. Unknown keys are errors, so a typo such as `titel:` is caught, not ignored;
/// the rest of the manifest is still read, so the units' files are checked as well.
struct ManifestParser {
    static let formatVersion = "kursus/1"
    static let courseKeys = ["format", "id", "title", "language", "languages", "version", "description", "authors", "modules"]
    static let moduleKeys = ["id", "title", "description", "requires", "sequential", "units"]
    static let unitKeys = ["id", "kind", "title", "file", "optional", "requires", "completion"]
    /// Caps that keep a hostile manifest from using unbounded time or memory.
    static let maximumModules = 200
    static let maximumUnits = 2000

    let source: YAMLSource
    private(set) var diagnostics: [Diagnostic] = []
    /// The course's languages, read before any text field.
    private var languages = ManifestLanguages(all: [], listed: false)

    init(file: String) {
        source = YAMLSource(file: file)
    }

    /// The course, or nil when the manifest is too broken to describe one. With `fast`
    /// false the text is read the full Yams way only (to test that both ways agree).
    mutating func parse(_ text: String, fast: Bool = true) -> Course? {
        let root: YAMLTree?
        switch source.composeTree(text, fast: fast) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node):
            root = node
        }
        guard var object = YAMLTreeObject(root, source: source, what: "course.yaml", problems: &diagnostics) else { return nil }
        object.rejectUnknownKeys(Self.courseKeys)
        if let format = object.string("format", required: true), format != Self.formatVersion {
            let place = source.location(of: object.value("format"))
            diagnostics.append(.error(place, "unsupported format '\(format)'; this player reads '\(Self.formatVersion)'"))
        }
        let id = object.string("id", required: true)
        checkIdentifier(id, node: object.value("id"), what: "course id")
        let language = object.string("language", required: true)
        if let language, !Self.looksLikeLanguageTag(language) {
            diagnostics.append(.error(source.location(of: object.value("language")), "'\(language)' is not a language tag such as 'da' or 'en'"))
        }
        languages = ManifestLanguages(&object, main: language)
        let title = languages.text("title", required: true, in: &object)
        let version = object.string("version", required: true)
        let description = languages.text("description", required: false, in: &object)
        let authors = object.strings("authors")
        let modules = parseModules(object.value("modules"), parent: object)
        diagnostics += object.diagnostics
        // A missing or misspelt required key has been reported; the course is still
        // returned (with that field empty) so every module and unit file is checked too.
        // Its errors keep the package from playing.
        var course = Course(
            id: id ?? "", title: title.text ?? "", language: language ?? "", version: version ?? "", description: description.text,
            authors: authors, modules: modules, location: object.location
        )
        course.languages = languages.all
        course.titleTranslations = title.translations
        course.descriptionTranslations = description.translations
        return course
    }

    private mutating func parseModules(_ node: YAMLTree?, parent: YAMLTreeObject) -> [CourseModule] {
        guard let node else {
            diagnostics.append(.error(parent.location, "missing required key 'modules'"))
            return []
        }
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            diagnostics.append(.error(source.location(of: node), "'modules' must be a list with at least one module"))
            return []
        }
        if sequence.count > Self.maximumModules {
            diagnostics.append(.error(source.location(of: node), "a course may have at most \(Self.maximumModules) modules"))
            return []
        }
        var modules: [CourseModule] = []
        var unitCount = 0
        for item in sequence {
            guard var object = YAMLTreeObject(item, source: source, what: "a module", problems: &diagnostics) else { continue }
            object.rejectUnknownKeys(Self.moduleKeys)
            let id = object.string("id", required: true)
            checkIdentifier(id, node: object.value("id"), what: "module id")
            let title = languages.text("title", required: true, in: &object)
            let description = languages.text("description", required: false, in: &object)
            let requires = requirements(in: &object)
            let sequential = object.bool("sequential") ?? false
            var units: [CourseUnit] = []
            if let unitsNode = object.value("units") {
                if case .sequence(let unitItems) = unitsNode, !unitItems.isEmpty {
                    unitCount += unitItems.count
                    if unitCount > Self.maximumUnits {
                        diagnostics.append(.error(source.location(of: unitsNode), "a course may have at most \(Self.maximumUnits) units"))
                        diagnostics += object.diagnostics
                        return modules
                    }
                    units = unitItems.compactMap { parseUnit($0) }
                } else {
                    diagnostics.append(.error(source.location(of: unitsNode), "'units' must be a list with at least one unit"))
                }
            } else {
                diagnostics.append(.error(object.location, "missing required key 'units'"))
            }
            diagnostics += object.diagnostics
            // Kept without its id or title (reported above) so its units are checked.
            var module = CourseModule(
                id: id ?? "", title: title.text ?? "", description: description.text, units: units, requires: requires,
                sequential: sequential, location: object.location
            )
            module.titleTranslations = title.translations
            module.descriptionTranslations = description.translations
            modules.append(module)
        }
        return modules
    }

    private mutating func parseUnit(_ node: YAMLTree) -> CourseUnit? {
        guard var object = YAMLTreeObject(node, source: source, what: "a unit", problems: &diagnostics) else { return nil }
        object.rejectUnknownKeys(Self.unitKeys)
        let id = object.string("id", required: true)
        checkIdentifier(id, node: object.value("id"), what: "unit id")
        var kind: UnitKind?
        if let kindText = object.string("kind", required: true) {
            kind = UnitKind(rawValue: kindText)
            let place = source.location(of: object.value("kind"))
            if let known = kind, !UnitKind.supported.contains(known) {
                diagnostics.append(
                    .error(
                        place,
                        "unit kind '\(kindText)' is reserved for a later version; this player plays: \(UnitKind.supported.map(\.rawValue).joined(separator: ", "))"
                    ))
            } else if kind == nil {
                let names = UnitKind.supported.map(\.rawValue)
                let hint =
                    Spelling.closest(to: kindText, among: names).map { "; did you mean '\($0)'?" }
                    ?? "; known kinds: \(names.joined(separator: ", "))"
                diagnostics.append(.error(place, "unknown unit kind '\(kindText)'\(hint)"))
            }
        }
        let title = languages.text("title", required: false, in: &object)
        let file = object.string("file", required: kind != nil)
        let optional = object.bool("optional") ?? false
        let requires = requirements(in: &object)
        let completion = self.completion(in: &object, kind: kind)
        diagnostics += object.diagnostics
        guard let id, let kind else { return nil }
        var unit = CourseUnit(
            id: id, kind: kind, title: title.text ?? "", file: file, optional: optional, requires: requires, completion: completion,
            location: object.location)
        unit.titleTranslations = title.translations
        return unit
    }

    /// `completion: passed | attempted` (scenario units only); `passed` when absent.
    private mutating func completion(in object: inout YAMLTreeObject, kind: UnitKind?) -> UnitCompletion {
        guard let text = object.string("completion", required: false) else { return .passed }
        let place = source.location(of: object.value("completion"))
        guard let completion = UnitCompletion(rawValue: text) else {
            let names = UnitCompletion.allCases.map(\.rawValue)
            let hint = Spelling.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(
                .error(
                    place,
                    "'completion' must be 'passed' (only a pass completes the unit) or 'attempted' (any finished run does), not '\(text)'\(hint)"))
            return .passed
        }
        if let kind, kind != .scenario {
            diagnostics.append(.error(place, "'completion' applies to scenario units only; remove it from this \(kind.rawValue) unit"))
            return .passed
        }
        return completion
    }

    /// `requires:` as one id or a list of ids, each with its own place.
    private mutating func requirements(in object: inout YAMLTreeObject) -> [Requirement] {
        guard let node = object.value("requires") else { return [] }
        let items: [YAMLTree]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            diagnostics.append(.error(source.location(of: node), "'requires' must be a unit or module id, or a list of them"))
            return []
        }
        var result: [Requirement] = []
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                diagnostics.append(.error(source.location(of: item), "each item of 'requires' must be a unit or module id"))
                continue
            }
            result.append(Requirement(scalar.string, location: source.location(of: item)))
        }
        return result
    }

    private mutating func checkIdentifier(_ id: String?, node: YAMLTree?, what: String) {
        guard let id, let problem = Identifier.problem(with: id) else { return }
        diagnostics.append(.error(source.location(of: node), "\(what) '\(id)' \(problem)"))
    }

    static func looksLikeLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
