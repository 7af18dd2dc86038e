import ArgumentParser
import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusTerminalUI

/// Where learners' data lives; shared by every command that reads or writes progress.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "Folder for learners' progress.",
            discussion: "Default: $KURSUS_DATA_DIR, else $XDG_DATA_HOME/kursus, else ~/.local/share/kursus.",
            valueName: "dir"))
    var dataDirectory: String?

    var resolved: URL {
        DataDirectory.locate(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
    }
}

/// Errors the command line reports itself, already phrased for the user.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum CommandSupport {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The player's installation: its assets (compiled in, or overridden by an installation
    /// folder's `Assets/`) and the bundled course when a folder has it.
    static func installation() throws -> Installation {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "kursus")
        // /proc/self/exe, as Bundle.main would give, without Bundle.main's listing of the
        // executable's folder (/usr/bin: thousands of entries, a tenth of a short run).
        let resolvedExecutable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) } ?? executable
        return Installation.locate(environment: environment, executable: resolvedExecutable)
    }

    /// Prints diagnostics to standard error, one per line.
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            ConsoleOutput.error(diagnostic.description)
        }
    }

    /// The result of a course-layer read; when it fails, its diagnostics are printed to
    /// standard error and the command exits with status 1.
    static func reportingFailure<T>(_ read: () throws(CourseError) -> T) throws -> T {
        do {
            return try read()
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// The package named on the command line (a folder or a `.kursus` file), or the bundled course.
    static func packageFolder(_ argument: String?, installation: Installation?) throws -> (URL, String) {
        if let argument {
            return (URL(fileURLWithPath: argument), argument)
        }
        guard let course = installation?.bundledCourse else {
            throw CommandFailure(
                "no course package given, no course in the course library and no bundled course here; name a course (kursus play DIR or FILE.kursus), or install one with 'kursus install FILE.kursus'"
            )
        }
        return (course, course.path)
    }

    /// Opens a package for playing or previewing: a folder, or a `.kursus` file that this
    /// workstation's package policy accepts (the config of `dataDirectory`, or the system
    /// config; see PackageOpening). Errors are printed as diagnostics.
    /// Opens the package to play or preview. `fingerprints`: keep course fingerprints in
    /// the data directory's cache, so a course that did not change opens reading only its
    /// lessons' front matter (`play`; `preview` reads everything, as a trainer edits).
    static func openPackage(_ argument: String?, installation: Installation, dataDirectory: URL, fingerprints: Bool = false) throws
        -> CoursePackage
    {
        let (path, shown) = try packageFolder(argument, installation: installation)
        // A folder goes through the loader's own checks (found, a folder, readable).
        let storage = PackageOpening.isArchive(path.path) ? try PackageOpening.storage(path, shownAs: shown, trustFrom: dataDirectory) : nil
        do {
            if let storage {
                let package = try CoursePackage.open(storage, shownAs: shown).0
                try PackageOpening.checkManifest(of: storage, matches: package, shownAs: shown)
                return package
            }
            return try CoursePackage.open(
                path, shownAs: shown, fingerprints: fingerprints ? CourseFingerprintCache(dataDirectory: dataDirectory) : nil
            ).0
        } catch {
            report(error.diagnostics)
            throw CommandFailure("the course package has errors; run 'kursus validate \(shown)' for the full list")
        }
    }

    /// The UI language: `--lang`, else the locale's (the UI's own rule: any locale set,
    /// `C` too, decides), else, with no locale set at all, the course's main language
    /// when the UI has it.
    static func uiLanguage(_ flag: String?, course: Course) -> String? {
        let localeSet = ["LC_ALL", "LC_MESSAGES", "LANG"].contains { !(environment[$0] ?? "").isEmpty }
        if flag != nil || localeSet { return flag }
        return UILanguage.supported.contains(course.language) ? course.language : nil
    }

    static func screenContext(lang: String?, installation: Installation) throws -> ScreenContext {
        // A learner's language setting switches to their table at once: every table is
        // loaded, each once (decoding a table is a good part of a start-up's time).
        var tables: [String: UIStrings] = [:]
        for language in UILanguage.supported {
            tables[language] = try UIStrings.load(language: language, assets: installation.assets)
        }
        let language = UILanguage.resolve(flag: lang, environment: environment)
        var strings = try tables[language] ?? UIStrings.load(language: language, assets: installation.assets)
        let symbols = Symbols.forEnvironment(environment)
        strings.asciiOnly = !symbols.isUnicode
        var context = ScreenContext(strings: strings, symbols: symbols)
        context.stringTables = tables
        return context
    }

    /// Runs the terminal session and restores the terminal on every way out. The linear
    /// mode runs when asked for (`--linear`) or when this terminal cannot show the full
    /// screen (TerminalCapabilities), then with a note saying why.
    static func runSession(
        package: CoursePackage, configuration: SessionConfiguration, services: SessionServices, context: ScreenContext,
        color: ColorChoice, installation: Installation, watcher: PackageWatcher? = nil, linear: Bool = false,
        clock: (@Sendable () -> Date)? = nil
    ) throws {
        let clock = clock ?? { Date() }
        let limitation = TerminalCapabilities.limitation(environment: environment, isTerminal: TerminalCapabilities.standardStreamsAreTerminals)
        if linear || limitation != nil {
            SignalWatcher.install()
            let runtime = LinearRuntime(
                package: package, configuration: configuration, terminal: StandardLinearTerminal(), services: services, context: context,
                watcher: watcher, clock: clock)
            let outcome = runtime.run(note: linear ? nil : limitation?.note(context.strings))
            try endSession(outcome, services)
            return
        }
        let useColor = color.allowsColor(environment, toTerminal: true)
        let theme = useColor ? try ColorTheme.load(named: "default", assets: installation.assets) : .monochrome
        SignalWatcher.install()
        let backend = try NcursesBackend(theme: theme, color: useColor)
        defer { backend.shutdown() }
        var context = context
        if !backend.isUTF8 {
            // The environment promised UTF-8 but the system cannot provide it: draw in ASCII.
            context.symbols = .ascii
            context.strings.asciiOnly = true
        }
        let runtime = SessionRuntime(
            package: package, configuration: configuration, backend: backend, services: services, context: context, watcher: watcher,
            assets: installation.assets, clock: clock)
        runtime.quitsAfterMenuDrawn = environment["KURSUS_EXIT_AFTER_FIRST_FRAME"] == "1"
        var outcome = runtime.run()
        backend.shutdown()
        if outcome == .linear {
            // The learner's settings ask for the linear mode: go on there, signed in, where
            // they were. The workstation stays in it until Kursus is started again.
            let linearRuntime = LinearRuntime(
                resuming: runtime.state, package: package, terminal: StandardLinearTerminal(), services: services, context: context, clock: clock)
            outcome = linearRuntime.run(note: context.strings(.linearFromSettings))
        }
        try endSession(outcome, services)
    }

    /// Work that could not be saved when the player ended is said on standard error, and
    /// the exit status is then `unsavedExitStatus` (74, EX_IOERR), or 128 + the signal.
    static let unsavedExitStatus: Int32 = 74

    static func endSession(_ outcome: SessionRuntime.Outcome, _ services: SessionServices) throws {
        services.finishBackgroundWork()
        let unsaved = services.takeCloseFailure()
        if let unsaved { ConsoleOutput.error(unsaved) }
        if case .signal(let number) = outcome { throw ExitCode(128 + number) }
        if unsaved != nil { throw ExitCode(unsavedExitStatus) }
    }
}
