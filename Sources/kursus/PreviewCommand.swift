import ArgumentParser
import Foundation
import KursusCourse
import KursusEngine
import KursusTerminalUI

/// `kursus preview PACKAGE`: a trainer's view of a package, with nothing recorded.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview a course package as a trainer: every unit open, nothing recorded.",
        discussion: "With --watch the package is loaded again whenever one of its files changes, keeping your place."
    )

    @Argument(help: "The course package folder.")
    var package: String

    @Option(help: ArgumentHelp("Open this unit at start.", valueName: "id"))
    var unit: String?

    @Flag(help: "Reload the package when a file in it changes.")
    var watch = false

    @Flag(help: "Accessible plain mode: scenarios never hurry the learner with a response timer.")
    var plain = false

    @Option(help: ArgumentHelp("UI language: da or en.", valueName: "lang"))
    var lang: String?

    @Option(help: "Colours: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let lang, !UILanguage.supported.contains(lang) {
            throw ValidationError("--lang must be one of: \(UILanguage.supported.joined(separator: ", "))")
        }
    }

    func run() throws {
        let installation = try CommandSupport.installation()
        let opened = try CommandSupport.openPackage(package, installation: installation)
        if let unit, opened.course.unit(withID: unit) == nil {
            throw CommandFailure("\(package): the course has no unit '\(unit)'; units are: \(opened.course.allUnits.map(\.id).joined(separator: ", "))")
        }
        let context = try CommandSupport.screenContext(lang: lang, installation: installation)
        let watcher = watch ? PackageWatcher(folder: URL(fileURLWithPath: package), shownAs: package) : nil
        try CommandSupport.runSession(
            package: opened, configuration: { var c = SessionConfiguration(idleLockSeconds: nil, preview: true, initialUnit: unit); c.plain = plain; return c }(),
            services: PreviewServices(), context: context, color: color, installation: installation, watcher: watcher
        )
    }
}
