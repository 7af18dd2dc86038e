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

    @OptionGroup(title: "Display options") var display: DisplayOptions

    func run() throws {
        let installation = try CommandSupport.installation()
        let opened = try CommandSupport.openPackage(package, installation: installation)
        if let unit, opened.course.unit(withID: unit) == nil {
            throw CommandFailure(
                "\(package): the course has no unit '\(unit)'; units are: \(opened.course.allUnits.map(\.id).joined(separator: ", "))")
        }
        let context = try CommandSupport.screenContext(lang: display.lang, installation: installation)
        let watcher = watch ? PackageWatcher(folder: URL(fileURLWithPath: package), shownAs: package) : nil
        var configuration = SessionConfiguration(idleLockSeconds: nil, preview: true, initialUnit: unit)
        configuration.plain = display.plain
        try CommandSupport.runSession(
            package: opened, configuration: configuration,
            services: PreviewServices(), context: context, color: display.color, installation: installation, watcher: watcher
        )
    }
}
