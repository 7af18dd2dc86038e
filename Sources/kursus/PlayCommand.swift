import ArgumentParser
import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusTerminalUI

/// `kursus play [PACKAGE]`: the learner's player.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a course in the terminal.",
        discussion: "Progress is saved as you go and play resumes where you left off."
    )

    @Argument(help: "The course package folder. Default: the bundled course.")
    var package: String?

    @Option(help: ArgumentHelp("The learner's id. Default: the operating-system user name.", valueName: "id"))
    var learner: String?

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("UI language: da or en. Default: from LC_ALL/LANG, else en.", valueName: "lang"))
    var lang: String?

    @Option(help: "Colours: auto, always or never. NO_COLOR in the environment means never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let lang, !UILanguage.supported.contains(lang) {
            throw ValidationError("--lang must be one of: \(UILanguage.supported.joined(separator: ", "))")
        }
    }

    func run() throws {
        let environment = CommandSupport.environment
        let installation = try CommandSupport.installation()
        let (folder, shown) = try CommandSupport.packageFolder(package, installation: installation)
        let package: CoursePackage
        do {
            (package, _) = try CoursePackage.open(folder, shownAs: shown)
        } catch {
            CommandSupport.report(error.diagnostics)
            throw CommandFailure("the course package has errors; run 'kursus validate \(shown)' for the full list")
        }
        let learnerID = try LearnerID.validate(learner ?? Self.operatingSystemUser(environment))
        let store = ProgressStore(dataDirectory: data.resolved)
        let progress = try store.load(learner: learnerID, course: package.course.id)
        // Fail before the UI starts if progress cannot be saved at all, so no work is lost.
        try store.save(progress, learner: learnerID, course: package.course.id, courseVersion: package.course.version)

        let language = UILanguage.resolve(flag: lang, environment: environment)
        let strings = try UIStrings.load(language: language, assets: installation.assets)
        let useColor = color == .always || (color == .auto && environment["NO_COLOR"].map(\.isEmpty) ?? true)
        let theme = useColor ? try ColorTheme.load(named: "default", assets: installation.assets) : .monochrome
        let context = ScreenContext(strings: strings, symbols: Symbols.forEnvironment(environment), learnerName: learnerID)
        let saver = ProgressSaver(store: store, learner: learnerID, course: package.course.id, courseVersion: package.course.version)

        SignalWatcher.install()
        let backend = try NcursesBackend(theme: theme, color: useColor)
        defer { backend.shutdown() }
        let runtime = PlayerRuntime(package: package, progress: progress, backend: backend, saver: saver, context: context)
        let outcome = runtime.run()
        backend.shutdown()
        if case .signal(let number) = outcome { throw ExitCode(128 + number) }
    }

    static func operatingSystemUser(_ environment: [String: String]) -> String {
        for name in ["USER", "LOGNAME"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return NSUserName()
    }
}
