import Yams

/// The optional YAML block at the top of a lesson, between `---` lines.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    public var minutes: Int?
    public var objectives: [String]

    public init(title: String? = nil, minutes: Int? = nil, objectives: [String] = []) {
        self.title = title
        self.minutes = minutes
        self.objectives = objectives
    }

    public static let knownKeys = ["title", "minutes", "objectives"]
}

/// A lesson's text split into front matter and the Markdown body.
public struct LessonText: Sendable {
    public var frontMatter: FrontMatter
    public var body: String
    /// Lines before the body starts (front matter plus its fences), to map body lines back to the file.
    public var bodyLineOffset: Int
    public var diagnostics: [Diagnostic]
    /// The front matter's keys in the order written (known or not).
    public var frontMatterKeys: [String] = []

    /// Splits `text` (read from `path`) into front matter and body. Front matter problems
    /// become diagnostics; keys other tools use (layout, tags, …) are warnings, not errors.
    public init(_ text: String, path: String) {
        self.init(text, path: path, quick: true)
    }

    /// `quick`: the common front matter is read by `FrontMatterReader`; false reads every
    /// front matter through Yams (the tests compare the two).
    init(_ text: String, path: String, quick: Bool) {
        frontMatter = FrontMatter()
        body = text
        bodyLineOffset = 0
        diagnostics = []
        guard let split = LessonText.splitFrontMatter(text) else { return }
        body = split.body
        bodyLineOffset = split.bodyLineOffset
        if quick, let read = FrontMatterReader.read(split.yaml) {
            frontMatter = read.frontMatter
            frontMatterKeys = read.keys
            return
        }
        let source = YAMLSource(file: path, lineOffset: 1)
        switch source.compose(split.yaml) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(nil):
            break
        case .success(let node?):
            var problems: [Diagnostic] = []
            guard var object = YAMLObject(node, source: source, what: "front matter", problems: &problems) else {
                diagnostics += problems
                return
            }
            frontMatterKeys = object.mapping.compactMap { $0.key.string }
            frontMatter.title = object.string("title", required: false)
            frontMatter.minutes = object.integer("minutes", in: 1...600)
            frontMatter.objectives = object.strings("objectives")
            object.rejectUnknownKeys(FrontMatter.knownKeys, severity: .warning)
            diagnostics += object.diagnostics
        }
    }

    /// Finds a front matter block: the first line is exactly `---`, closed by `---` or `...`.
    static func splitFrontMatter(_ text: String) -> (yaml: String, body: String, bodyLineOffset: Int)? {
        let utf8 = text.utf8
        guard utf8.starts(with: "---\n".utf8) || utf8.starts(with: "---\r\n".utf8) else { return nil }
        var lineStart = utf8.firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.endIndex
        let yamlStart = lineStart
        var lines = 1
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lines += 1
            var line = Substring(text[lineStart..<lineEnd])
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                let yaml = String(text[yamlStart..<lineStart])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return (yaml, String(text[bodyStart...]), lines)
            }
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return nil
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}
