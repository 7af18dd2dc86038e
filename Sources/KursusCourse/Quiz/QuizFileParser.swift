/// Quiz and survey files in the `kursus-quiz/1` YAML format (docs/quiz-format.md).
public enum QuizFile {
    public static let formatVersion = "kursus-quiz/1"
    /// Caps that keep a hostile file from using unbounded time or memory.
    public static let maximumQuestions = 10_000
    /// The most options, answers, pairs, items or distractors one question may have.
    public static let maximumOptions = 50
    /// The longest a single text value may be, in UTF-8 bytes (64 KiB).
    public static let maximumTextBytes = 65_536
    /// The most diagnostics one file reports; past that, one more says the rest were left out.
    public static let maximumDiagnostics = 1_000

    /// Reads a quiz file. `file` is the path shown in diagnostics. Every problem found is
    /// reported, each at the line and column where it was typed. The quiz is nil when any
    /// of them is an error; the content checks of `QuizChecks` are meant to run on a quiz
    /// that parsed cleanly.
    public static func parse(_ text: String, file: String) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        parse(text, file: file, fast: true)
    }

    /// `parse(_:file:)`, with `fast` false reading the file the full Yams way only (to
    /// compare the two ways in tests); true reads it from libyaml's events where it can
    /// (`YAMLTreeReader`), as scenario files and course.yaml are read.
    static func parse(_ text: String, file: String, fast: Bool) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        var parser = QuizFileParser(file: file)
        let quiz = parser.parse(text, fast: fast)
        var diagnostics = parser.diagnostics.enumerated().sorted { a, b in
            let (l, r) = (a.element.location, b.element.location)
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return a.offset < b.offset
        }.map(\.element)
        if diagnostics.count > maximumDiagnostics {
            let left = diagnostics.count - maximumDiagnostics
            diagnostics = Array(diagnostics.prefix(maximumDiagnostics))
            diagnostics.append(.error(SourceLocation(file: file), "\(left) more problems were not listed; fix those above first"))
        }
        return (diagnostics.hasErrors ? nil : quiz, diagnostics)
    }
}

/// Turns the text of a quiz file into a `Quiz`, collecting every problem with its place.
/// Unknown keys are errors with a "did you mean" suggestion, as in `course.yaml`.
struct QuizFileParser {
    static let quizKeys = [
        "format", "title", "intro", "pass-mark", "attempts", "counting", "feedback",
        "shuffle-questions", "shuffle-options", "draw", "compare-with", "anonymous", "questions",
    ]
    /// A mapping with more keys than this is refused before its keys are read one by one.
    static let maximumKeys = 64

    let source: YAMLSource
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        source = YAMLSource(file: file)
    }

    var textLimit: Int { QuizFile.maximumTextBytes }

    mutating func parse(_ text: String, fast: Bool = true) -> Quiz? {
        let root: YAMLTree?
        switch source.composeTree(text, fast: fast) {
        case .failure(var diagnostic):
            if diagnostic.message.contains("Maximum nesting level") {
                diagnostic.message = "lists and mappings are nested too deeply here (more than 1000 levels)"
            }
            diagnostics.append(diagnostic)
            return nil
        case .success(let node):
            root = node
        }
        guard var object = mapping(root, what: "the quiz file", label: nil) else { return nil }
        object.rejectUnknownKeys(Self.quizKeys)
        if let format = object.text("format", required: true, limit: 64), format != QuizFile.formatVersion {
            let hint = format == "kursus/1" ? " ('kursus/1' is the format of course.yaml)" : ""
            object.report(object.value("format"), "unsupported format '\(format)'\(hint); quiz files are '\(QuizFile.formatVersion)'")
        }
        let title = object.text("title", required: false, limit: textLimit) ?? ""
        let intro = object.text("intro", required: false, limit: textLimit) ?? ""
        let passMark = object.integer("pass-mark", in: 0...100) ?? Quiz.defaultPassMark
        let attempts = attemptLimit(in: &object)
        let counting = object.choice("counting", among: AttemptCounting.allCases.map(\.rawValue)).flatMap(AttemptCounting.init) ?? .best
        let timing = object.choice("feedback", among: FeedbackTiming.allCases.map(\.rawValue)).flatMap(FeedbackTiming.init) ?? .afterEachQuestion
        let shuffleQuestions = object.bool("shuffle-questions") ?? false
        let shuffleOptions = object.bool("shuffle-options") ?? false
        let draw = object.integer("draw", in: 1...QuizFile.maximumQuestions)
        let compareWith = object.text("compare-with", required: false, allowEmpty: false, limit: 256)
        if let compareWith, let problem = Identifier.problem(with: compareWith) {
            object.report(object.value("compare-with"), "'compare-with' must be a unit id; '\(compareWith)' \(problem)")
        }
        let anonymous = object.bool("anonymous") ?? false
        let questions = parseQuestions(in: &object)
        diagnostics += object.diagnostics
        var quiz = Quiz(
            title: title, intro: intro, passMark: passMark, attempts: attempts, counting: counting,
            feedbackTiming: timing, shuffleQuestions: shuffleQuestions, shuffleOptions: shuffleOptions,
            pool: draw.map(QuestionPool.init(draw:)), compareWith: compareWith, anonymous: anonymous, questions: questions,
            location: SourceLocation(file: source.file)
        )
        for key in ["draw", "compare-with", "pass-mark", "attempts", "anonymous"] {
            if let node = object.value(key) { quiz.settingPlaces[key] = source.location(of: node) }
        }
        return quiz
    }

    /// `attempts:` as a whole number ≥ 1 or `unlimited`.
    private func attemptLimit(in object: inout YAMLTreeObject) -> AttemptLimit {
        guard let node = object.value("attempts") else { return .unlimited }
        if case .scalar(let scalar) = node {
            if scalar.string == "unlimited" { return .unlimited }
            if let count = node.int, count >= 1 { return .limited(count) }
        }
        var message = "'attempts' must be a whole number of at least 1, or 'unlimited', not \(YAMLTreeObject.describe(node))"
        if let text = node.string, node.int == nil, let suggestion = Spelling.closest(to: text, among: ["unlimited"]) {
            message += "; did you mean '\(suggestion)'?"
        }
        object.report(node, message)
        return .unlimited
    }

    private mutating func parseQuestions(in object: inout YAMLTreeObject) -> [Question] {
        guard let node = object.value("questions") else {
            object.report(nil, "missing required key 'questions'")
            return []
        }
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            object.report(node, "'questions' must be a list with at least one question ('- type: ...' entries)")
            return []
        }
        if sequence.count > QuizFile.maximumQuestions {
            object.report(
                node,
                "a quiz may have at most \(QuizFile.maximumQuestions) questions; this one has \(sequence.count). Split it into several quiz units")
            return []
        }
        var questions: [Question] = []
        questions.reserveCapacity(sequence.count)
        for (index, item) in sequence.enumerated() {
            if let question = parseQuestion(item, position: index + 1) { questions.append(question) }
        }
        return questions
    }

    /// The node as a mapping to read key by key, or nil with an error. `label` prefixes
    /// the error ("question 'q3': option 2: ...").
    mutating func mapping(_ node: YAMLTree?, what: String, label: String?) -> YAMLTreeObject? {
        var problems: [Diagnostic] = []
        defer { diagnostics += problems.map { $0.labelled(label) } }
        guard let object = YAMLTreeObject(node, source: source, what: what, problems: &problems) else { return nil }
        if object.mapping.count > Self.maximumKeys {
            problems.append(.error(object.location, "\(what) has \(object.mapping.count) keys; at most \(Self.maximumKeys) are read"))
            return nil
        }
        return object
    }
}

extension Diagnostic {
    /// The same finding with "label: " before the message.
    func labelled(_ label: String?) -> Diagnostic {
        guard let label else { return self }
        return Diagnostic(severity, location, "\(label): \(message)")
    }
}
