import ArgumentParser
import Foundation
import KursusMarkdown
import KursusText

#if canImport(Glibc)
import Glibc
#endif

/// `kursus render FILE.md`: prints a lesson's Markdown laid out for the
/// terminal, like `lowdown -Tterm`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a Markdown lesson laid out for the terminal.",
        discussion: """
            Front matter (a leading block between '---' lines) is left out. Links are numbered \
            and listed at the end. Box drawing and bullets fall back to ASCII when the locale \
            (LC_ALL, LC_CTYPE, LANG) is not UTF-8.
            """
    )

    /// Files larger than this are refused before they are read.
    static let sizeLimit = 16 << 20

    @Argument(help: "The Markdown file.")
    var file: String

    @Option(help: ArgumentHelp("Columns to fit. Default: $COLUMNS on a terminal, else 80.", valueName: "n"))
    var width: Int?

    @Option(help: "Colours: auto, always or never. NO_COLOR in the environment means never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let width, !(1...10_000).contains(width) {
            throw ValidationError("--width must be between 1 and 10000")
        }
    }

    func run() throws {
        let environment = CommandSupport.environment
        let text = try Self.readMarkdown(file)
        let body = Self.strippingFrontMatter(text)
        let toTerminal = isatty(STDOUT_FILENO) == 1
        let options = MarkdownLayoutOptions(
            width: width ?? Self.terminalWidth(environment, toTerminal: toTerminal),
            symbols: Self.symbols(environment))
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let useColor = color == .always || (color == .auto && toTerminal && !noColor)
        AnsiRenderer.render(markdown: body, options: options, color: useColor) { bytes in
            Self.writeToStandardOutput(bytes)
        }
    }

    // MARK: Environment

    /// $COLUMNS when printing to a terminal and it is a positive number, else 80.
    static func terminalWidth(_ environment: [String: String], toTerminal: Bool) -> Int {
        if toTerminal, let columns = environment["COLUMNS"].flatMap({ Int($0) }), (1...10_000).contains(columns) {
            return columns
        }
        return 80
    }

    /// Unicode symbols when the locale (LC_ALL, else LC_CTYPE, else LANG) says UTF-8.
    static func symbols(_ environment: [String: String]) -> SymbolSet {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lowered = value.lowercased()
            return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
        }
        return .ascii
    }

    /// Writes all of `bytes`, retrying short writes; gives up silently when
    /// standard output is closed (a pager quit early).
    static func writeToStandardOutput(_ bytes: UnsafeRawBufferPointer) {
        guard var address = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(STDOUT_FILENO, address, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            address += written
            remaining -= written
        }
    }

    // MARK: Input

    /// The file's text: a regular file of at most `sizeLimit` bytes (checked
    /// before reading) holding UTF-8; a byte-order mark is dropped.
    static func readMarkdown(_ path: String) throws -> String {
        func failure(_ message: String) -> CommandFailure {
            CommandFailure("\(TerminalSafe.clean(path)): \(message)")
        }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw failure(exists ? "cannot be read (check its permissions)" : "no such file")
        }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory {
            throw failure("is a folder, not a Markdown file")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw failure("is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= sizeLimit else {
            throw failure("is \(size) bytes; the limit is 16 MiB (\(sizeLimit) bytes)")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
        } catch {
            throw failure("cannot be read (check its permissions)")
        }
        guard data.count <= sizeLimit else {
            throw failure("is larger than the limit of 16 MiB (\(sizeLimit) bytes)")
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (line, offset) = firstInvalidUTF8(bytes)
        throw failure("is not valid UTF-8: bad byte at line \(line) (byte offset \(offset)); save it as UTF-8")
    }

    /// The line (1-based) and byte offset (0-based, from the file's start
    /// after any byte-order mark) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: Data.SubSequence) -> (line: Int, offset: Int) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return (line, offset)
            case .error:
                return (line, offset)
            }
        }
    }

    /// `text` without a leading YAML front matter block: a first line `---`
    /// and everything up to and including the next line that is `---` or
    /// `...`. Without a closing line the text is returned unchanged.
    static func strippingFrontMatter(_ text: String) -> String {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var isFirst = true
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = utf8[lineStart..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if isFirst {
                guard isFence(line, allowDots: false) else { return text }
                isFirst = false
            } else if isFence(line, allowDots: true) {
                return String(text[next...])
            }
            lineStart = next
        }
        return text
    }

    private static func isFence(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            trimmed = trimmed.dropLast()
        }
        return trimmed.elementsEqual("---".utf8) || (allowDots && trimmed.elementsEqual("...".utf8))
    }
}
