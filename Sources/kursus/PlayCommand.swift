import ArgumentParser
import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusRecords
import KursusTerminalUI

/// `kursus play [PACKAGE]`: the learner's player on a shared workstation.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a course in the terminal.",
        discussion: """
            Without --learner a start screen lists this workstation's learners (names and teams \
            only) and creates new ones. Progress is saved as you go; after --idle-lock minutes \
            without a key the player saves and returns to the start screen.
            """
    )

    @Argument(
        help:
            "The course package: a folder, or a .kursus file. Default: the installed courses (a catalogue when there are several), else the bundled course."
    )
    var package: String?

    @OptionGroup var library: LibraryOptions

    @Option(
        help: ArgumentHelp(
            "Open this learner directly instead of showing the start screen (created if new; a PIN is still asked for).", valueName: "id"))
    var learner: String?

    @OptionGroup var data: DataOptions

    @OptionGroup(title: "Display options") var display: DisplayOptions

    @Option(
        name: .customLong("idle-lock"),
        help: ArgumentHelp(
            "Minutes without a key before the player saves and returns to the start screen; 0 turns it off. Default: idle-lock-minutes in <data-dir>/config.yaml, else 10.",
            valueName: "minutes"))
    var idleLock: Int?

    /// For tests: the idle lock in seconds, overriding --idle-lock.
    @Option(name: .customLong("idle-lock-seconds"), help: .hidden)
    var idleLockSeconds: Int?

    /// For tests: a clock standing still at this many seconds since 1970, so quiz attempts
    /// and scenario runs (seeded from the time) come out the same on every run.
    @Option(name: .customLong("test-clock"), help: .hidden)
    var testClock: Double?

    @Flag(
        name: .customLong("hide-learner-list"),
        help: "Learners type their id instead of choosing from a list (also: hide-learner-list in config.yaml).")
    var hideLearnerList = false

    func validate() throws {
        if let idleLock, !(0...1440).contains(idleLock) {
            throw ValidationError("--idle-lock must be between 0 and 1440 minutes")
        }
        if let learner { _ = try LearnerID.validate(learner) }
    }

    func run() throws {
        let installation = try CommandSupport.installation()
        let dataDirectory = data.resolved
        // No package named: the course library's courses, else the bundled course.
        let fromLibrary =
            package == nil
            ? try LibraryPlay.choose(
                libraries: library.libraries(dataDirectory: dataDirectory), trust: try PackageOpening.trust(dataDirectory: dataDirectory)) : nil
        let opened =
            try fromLibrary?.package
            ?? CommandSupport.openPackage(
                package, installation: installation, dataDirectory: dataDirectory, fingerprints: true)
        // The content language: --lang, else the locale, else the course's main language.
        let package = opened.inLanguage(opened.course.chooseLanguage(flag: display.lang, environment: CommandSupport.environment))
        let config = try WorkstationConfig.load(dataDirectory: dataDirectory)
        let idleMinutes = idleLock ?? config.idleLockMinutes
        let configuration = SessionConfiguration(
            idleLockSeconds: idleLockSeconds ?? (idleMinutes == 0 ? nil : idleMinutes * 60),
            hideLearnerList: hideLearnerList || config.hideLearnerList,
            initialLearner: learner
        )
        var session = configuration
        session.plain = display.isLinear
        session.catalogue = fromLibrary?.catalogue ?? []
        let context = try CommandSupport.screenContext(
            lang: CommandSupport.uiLanguage(display.lang, course: package.course), installation: installation)
        let fingerprint = try CourseFingerprint.compute(package)
        try Self.checkWritable(dataDirectory)
        if let learner {
            // Say it plainly before the UI starts: this learner is playing elsewhere.
            if Self.isBusy(learner, dataDirectory) {
                throw CommandFailure(
                    "learner '\(learner)' is already playing in another window or session; finish there first (or press 's' there to switch learner)")
            }
            // A profile that cannot be read at all (a FIFO or a folder in its place) is
            // reported here too, naming the file, instead of behind a PIN prompt.
            do {
                _ = try LearnerRegistry(dataDirectory: dataDirectory).profile(id: learner)
            } catch {
                if case .unreadable = error { throw CommandFailure(error.description) }
            }
        }
        let siteSecret = try SiteSecret.load(dataDirectory: dataDirectory)
        let services = WorkstationServices(
            dataDirectory: dataDirectory, content: CourseContent(package), fingerprint: fingerprint, strings: context.strings,
            records: RecordSettings(config: config, dataDirectory: dataDirectory), siteSecret: siteSecret, shelf: fromLibrary?.shelf
        )
        let clock: (@Sendable () -> Date)? = testClock.map { seconds in { @Sendable in Date(timeIntervalSince1970: seconds) } }
        services.stringTables = context.stringTables
        try CommandSupport.runSession(
            package: package, configuration: session, services: services, context: context, color: display.color, installation: installation,
            linear: display.isLinear, clock: clock)
    }

    static func isBusy(_ learner: String, _ dataDirectory: URL) -> Bool {
        do {
            try LearnerLock.acquire(dataDirectory: dataDirectory, learner: learner).release()
            return false
        } catch {
            if case .learnerBusy = error { return true }
            return false
        }
    }

    /// Fails before the UI starts when the data directory cannot be written, so no work is lost later.
    static func checkWritable(_ folder: URL) throws {
        let learners = folder.appendingPathComponent("learners")
        do {
            // A link for `learners/` is refused before anything is written through it.
            try DataFolder.refuseLinks(learners, in: folder)
        } catch {
            throw CommandFailure(error.description)
        }
        do {
            try FileManager.default.createDirectory(at: learners, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let probe = learners.appendingPathComponent(".write-test-\(ProcessInfo.processInfo.processIdentifier)")
            try Data().write(to: probe)
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw CommandFailure(
                "\(folder.path): the data directory cannot be written, so progress could not be saved; choose another with --data-dir or KURSUS_DATA_DIR"
            )
        }
    }
}
