import ArgumentParser
import Foundation
import KursusCourse
import KursusReports
import KursusTerminalUI

/// `kursus report`: figures for trainers and the programme's evaluation from the
/// learning records wherever they are (docs/reports.md): data directories, a record
/// store, transfer files, an LRS.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on a course's learning records: cohorts, quiz items, before and after, surveys, scenarios.",
        discussion: """
            Reads the learning records of every place given (read-only; nothing is locked or changed): \
            --data-dir folders (the learners' outboxes), a --store filled by 'kursus import', --transfer \
            files and an LRS (--lrs). With none of them, the default data directory and its record \
            store (<data-dir>/records, where 'kursus import' puts records), if it has one. A statement found in \
            several places counts once. Teams and names come from the learners' profiles in the data \
            directories (with none given, the default one); names are shown only with --names, and no \
            figure shows a group smaller than --minimum-group. A place that cannot be read completely is \
            reported on standard error and the report is made from what could be read. Exit status 0 for \
            a report of everything; 1 when some place could not be read completely; 2 for bad arguments.
            """
    )

    @Option(help: ArgumentHelp("The course package: a folder, or a .kursus file. Default: the bundled course.", valueName: "package"))
    var course: String?

    @Option(
        name: .customLong("data-dir"), parsing: .singleValue,
        help: ArgumentHelp(
            "A workstation's data folder to read (repeatable). Default: as for other commands, when no other place is given.", valueName: "dir"))
    var dataDirectories: [String] = []

    @Option(help: ArgumentHelp("A record store filled by 'kursus import'.", valueName: "dir"))
    var store: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("A transfer file (.kursus-records) made by 'kursus export' (repeatable).", valueName: "file"))
    var transfer: [String] = []

    @Option(
        help: ArgumentHelp(
            "Read the LRS too: alone, the one in records.lrs of the (first) data directory's config.yaml; or give its xAPI base address.",
            valueName: "url"))
    var lrs: String?

    @Option(
        help: ArgumentHelp(
            "A YAML file with 'username' and 'password' for the LRS, mode 600 (instead of records.lrs.credentials).", valueName: "file"))
    var credentials: String?

    @Option(name: .customLong("team"), parsing: .singleValue, help: ArgumentHelp("Only learners of this team (repeatable).", valueName: "name"))
    var teams: [String] = []

    @Option(help: ArgumentHelp("Only records from this moment: 2026-03-01 (local midnight at the start of the day) or ISO 8601.", valueName: "date"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "Only records before this moment: 2026-03-31 (the whole day, up to local midnight at its end) or ISO 8601.", valueName: "date"))
    var until: String?

    @Flag(help: "Show learners' names (who is stuck where, last activity). Without it learners are counted, never named.")
    var names = false

    @Option(
        name: .customLong("minimum-group"), help: ArgumentHelp("The smallest group a figure is shown for; smaller ones show '< N'.", valueName: "n"))
    var minimumGroup = 5

    @Option(help: "terminal (default), csv (one file per table, needs --out DIR), json, or html (one self-contained page).")
    var format: ReportOutputFormat = .terminal

    @Option(help: ArgumentHelp("Where to write: a folder for csv, a file for json, html or terminal. Default: standard output.", valueName: "path"))
    var out: String?

    @Flag(help: "With --format csv: ';' separators, decimal commas and a byte order mark, for Danish Excel.")
    var excel = false

    @Option(help: ArgumentHelp("Report language: da or en. Default: from LC_ALL/LC_MESSAGES/LANG, else en.", valueName: "lang"))
    var lang: String?

    @Option(help: "Colours in the terminal report: auto, always or never. NO_COLOR in the environment means never.")
    var color: ColorChoice = .auto

    /// For tests: statements per page asked of the LRS.
    @Option(name: .customLong("lrs-page-size"), help: .hidden)
    var lrsPageSize: Int?

    func validate() throws {
        if let lang, !UILanguage.supported.contains(lang) {
            throw ValidationError("--lang must be one of: \(UILanguage.supported.joined(separator: ", "))")
        }
        guard (1...1000).contains(minimumGroup) else { throw ValidationError("--minimum-group must be between 1 and 1000") }
        if format == .csv, out == nil { throw ValidationError("--format csv writes one file per table: give the folder with --out DIR") }
        if excel, format != .csv { throw ValidationError("--excel goes with --format csv") }
        if let out, out.isEmpty { throw ValidationError("--out needs a path") }
        if teams.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw ValidationError("--team needs a team name") }
        if let lrsPageSize, !(1...500).contains(lrsPageSize) { throw ValidationError("--lrs-page-size must be between 1 and 500") }
        for path in dataDirectories + transfer + [store, course].compactMap({ $0 }) where path.isEmpty {
            throw ValidationError("a folder or file option was given an empty path")
        }
        let window = try filters()
        if let since = window.since, let until = window.until, since >= until {
            throw ValidationError("--since must be before --until")
        }
    }

    func filters() throws -> ReportFilters {
        ReportFilters(
            teams: teams,
            since: try ReportArguments.parseDate(since, option: "--since", edge: .start),
            until: try ReportArguments.parseDate(until, option: "--until", edge: .end))
    }

    func run() throws {
        let package = try openCourse()
        let filters = try filters()
        let plan = try ReportSources.make(
            dataDirectories: dataDirectories, store: store, transfers: transfer, lrs: lrs, credentials: credentials, courseID: package.course.id,
            since: filters.since, until: filters.until, lrsPageSize: lrsPageSize)
        let (learners, learnerProblems) = LearnerDirectory.read(dataDirectories: plan.profileDirectories)
        let options = ReportOptions(
            package: package, filters: filters, policy: CellPolicy(minimum: minimumGroup), names: names, generatedAt: Date())
        var facts = StatementFacts(options: options)
        let reading = ReportReading.read(plan.sources, learners: learners) { read in
            facts.add(read.statement, team: read.team, name: read.name)
        }
        let report = ReportBuilder.build(records: facts.records, reading: Self.summary(reading, facts.counts, learnerProblems), options: options)
        for problem in report.reading.problems { ReportFormat.warn(problem) }
        let language = ReportLanguage(code: UILanguage.resolve(flag: lang, environment: CommandSupport.environment))
        try ReportOutput(format: format, out: out, excel: excel, language: language, color: color).write(report)
        throw ExitCode(reading.complete ? 0 : 1)
    }

    /// The course package; one that cannot be opened is a bad argument.
    private func openCourse() throws -> CoursePackage {
        let folder: URL
        let shown: String
        do {
            (folder, shown) = try CommandSupport.packageFolder(course, installation: course == nil ? CommandSupport.installation() : nil)
        } catch {
            throw RecordsOutput.badArgument("\(error)")
        }
        do {
            // A folder or a .kursus file; the report reads no learner's data through it, so
            // no trust policy applies (as for validate).
            return try PackageOpening.load(folder, shownAs: shown, trustFrom: nil)
        } catch {
            CommandSupport.report(error.diagnostics)
            throw RecordsOutput.badArgument("the course package \(shown) cannot be used; run 'kursus validate \(shown)' for the full list")
        }
    }

    /// The reading layer's summary (sources, every statement read, duplicates across
    /// sources, problems) with the fact parser's counts (other courses, filtered,
    /// unreadable, not in the course). The parser only sees each statement once, so its
    /// own read count is not added again.
    static func summary(_ reading: ReadingSummary, _ counts: StatementCounts, _ learnerProblems: [String]) -> ReadingSummary {
        var summary = ReadingSummary()
        counts.add(to: &summary)
        summary.duplicates += reading.duplicates
        summary.statementsRead = reading.statementsRead
        summary.sources = reading.sources
        summary.problems = unique(learnerProblems + reading.problems + summary.problems)
        return summary
    }

    static func unique(_ messages: [String]) -> [String] {
        var seen = Set<String>()
        return messages.filter { seen.insert($0).inserted }
    }
}
