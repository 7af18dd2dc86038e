import ArgumentParser
import Foundation
import KursusCourse
import KursusMarkdown
import KursusTerminalUI

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

    /// Files larger than this are refused before they are read. Larger than a course's
    /// lesson limit: `render` also prints long documents (scripts/bench-render.sh).
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
        // Read and stripped of front matter as the player reads a lesson.
        let text = try CommandSupport.reportingFailure { () throws(CourseError) in
            try TextFileReader.read(URL(fileURLWithPath: file), shownAs: file, limit: Self.sizeLimit)
        }
        let body = LessonText(text, path: file).body
        let toTerminal = isatty(STDOUT_FILENO) == 1
        // The word for an image in the reader's language, from the UI strings when
        // Kursus's assets are found (render works without them, in English).
        let strings = (try? CommandSupport.installation()).flatMap {
            try? UIStrings.load(language: UILanguage.resolve(flag: nil, environment: environment), assets: $0.assets)
        }
        let options = MarkdownLayoutOptions(
            width: width ?? Self.terminalWidth(environment, toTerminal: toTerminal),
            symbols: Symbols.forEnvironment(environment).isUnicode ? .unicode : .ascii,
            imageWord: strings.map { $0(.markdownImage) } ?? "Image")
        let useColor = color.allowsColor(environment, toTerminal: toTerminal)
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
}
