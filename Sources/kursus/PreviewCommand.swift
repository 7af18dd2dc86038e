import ArgumentParser
import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusTerminalUI

/// `kursus preview PACKAGE`: a trainer's view of a package, with nothing recorded.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview a course package as a trainer: every unit open, nothing recorded.",
        discussion: "With --watch the package is loaded again whenever one of its files (or the .kursus file) changes, keeping your place."
    )

    @Argument(help: "The course package: a folder, or a .kursus file.")
    var package: String

    @Option(help: ArgumentHelp("Open this unit at start.", valueName: "id"))
    var unit: String?

    @Flag(help: "Reload the package when a file in it changes.")
    var watch = false

    @OptionGroup(title: "Display options") var display: DisplayOptions

    func run() throws {
        let installation = try CommandSupport.installation()
        // A package file is checked against the workstation's package policy (docs/packages.md).
        let dataDirectory = DataDirectory.locate(explicit: nil, environment: CommandSupport.environment, home: NSHomeDirectory())
        let main = try CommandSupport.openPackage(package, installation: installation, dataDirectory: dataDirectory)
        // The content language: --lang, else the locale, else the course's main language.
        let language = main.course.chooseLanguage(flag: display.lang, environment: CommandSupport.environment)
        let opened = main.inLanguage(language)
        if let unit, opened.course.unit(withID: unit) == nil {
            throw CommandFailure(
                "\(package): the course has no unit '\(unit)'; units are: \(opened.course.allUnits.map(\.id).joined(separator: ", "))")
        }
        let context = try CommandSupport.screenContext(
            lang: CommandSupport.uiLanguage(display.lang, course: opened.course), installation: installation)
        let (path, shown) = (URL(fileURLWithPath: package), package)
        let watcher =
            watch
            ? PackageWatcher(watching: path) { () throws(CourseError) in
                try PackageOpening.load(path, shownAs: shown, trustFrom: dataDirectory).inLanguage(language)
            } : nil
        var configuration = SessionConfiguration(idleLockSeconds: nil, preview: true, initialUnit: unit)
        configuration.plain = display.isLinear
        try CommandSupport.runSession(
            package: opened, configuration: configuration,
            services: PreviewServices(), context: context, color: display.color, installation: installation, watcher: watcher,
            linear: display.isLinear
        )
    }
}
