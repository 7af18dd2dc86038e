import Foundation

/// Reads a Moodle GIFT file into the quiz model, the way Moodle's own importer
/// (question/format/gift/format.php) reads it. See docs/gift.md for what is supported
/// and how each construct maps.
///
/// Every problem is a diagnostic with the file, line and column; the quiz is nil when
/// there is any error. Questions get ids `q1`, `q2`, … by position (descriptions and
/// questions with errors count too, so ids stay put when a question is fixed).
public enum GiftParser {
    /// Parses GIFT text. A leading byte order mark is ignored.
    public static func parse(_ text: String, file: String) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        parse(source: GiftSource(file: file, text: text))
    }

    /// Parses GIFT bytes, which must be UTF-8 (a leading UTF-8 byte order mark is
    /// skipped). Invalid UTF-8 is an error at the line and column of the first bad byte.
    public static func parse(data: Data, file: String) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        // Decoded straight from the file's bytes into the scalars the parser reads, without
        // copies of the file as an array or a string in between.
        let decoded = data.withUnsafeBytes { raw -> (scalars: [Unicode.Scalar], bad: (location: SourceLocation, byte: UInt8)?) in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            if let bad = GiftUTF8.firstInvalidByte(in: bytes, file: file) { return ([], bad) }
            return (GiftUTF8.scalars(of: bytes), nil)
        }
        if let bad = decoded.bad {
            let hex = String(bad.byte, radix: 16, uppercase: true)
            let message = "the file is not valid UTF-8 (byte 0x\(hex) here); save it as UTF-8 (Moodle exports GIFT as UTF-8) and import it again"
            return (nil, [.error(bad.location, message)])
        }
        var scalars = decoded.scalars
        // As for text: a byte order mark left at the start (a second one) is dropped too.
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        return parse(source: GiftSource(file: file, scalars: scalars))
    }

    static func parse(source: GiftSource) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var questions: [Question] = []
        var category: String?
        var position = 0
        GiftChunker.forEachChunk(of: source) { chunk in
            var body = chunk[...]
            if body.hasMarker("$CATEGORY:", at: body.startIndex) {
                let start = body.startIndex + "$CATEGORY:".unicodeScalars.count
                let lineEnd = body.firstMarker("\n", from: start) ?? body.endIndex
                let name = GiftText.convert(body[start..<lineEnd], format: .plain, mode: .plain)
                category = name.isEmpty ? nil : name
                body = body[lineEnd...].trimmedGift()
                guard let first = body.first else { return }
                diagnostics.append(
                    .warning(
                        source.location(ofOffset: first.offset),
                        "Moodle needs a blank line after '$CATEGORY:'; without it Moodle reads this question as part of the category name. Kursus reads it as a question; add a blank line above it"
                    ))
            }
            position += 1
            var reader = GiftQuestionReader(source: source, id: "q\(position)", category: category)
            let question = reader.read(body)
            diagnostics += reader.diagnostics
            if let question, !reader.diagnostics.hasErrors { questions.append(question) }
        }
        let start = SourceLocation(file: source.file, line: 1, column: 1)
        if position == 0 && !diagnostics.hasErrors {
            diagnostics.append(.error(start, "the GIFT file has no questions; write at least one question, for example 'Is the sky blue? {TRUE}'"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Quiz(questions: questions, location: start), diagnostics)
    }
}
