import ArgumentParser
import Foundation
import KursusProgress
import KursusText

/// `kursus progress`: how far one learner has got in each course, from their progress files.
struct ProgressReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show a learner's progress in each course: units done, active time, last saved.",
        discussion: """
            A damaged progress file is reported on its course's line; the other courses are still shown (exit status 0). \
            A learner with a PIN, and every learner once an admin passphrase is set, needs their PIN or the passphrase.
            """
    )

    @Option(help: ArgumentHelp("The learner's id. Default: the operating-system user name.", valueName: "id"))
    var learner: String?

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @OptionGroup var access: AccessOptions

    func run() throws {
        let registry = LearnerRegistry(dataDirectory: data.resolved)
        let id = learner ?? Self.operatingSystemUser(CommandSupport.environment)
        guard try registry.exists(id: id) else { throw LearnerError.notFound(id: id, path: try registry.folder(for: id).path) }
        // On a shared account the command line identifies nobody: their PIN or the admin passphrase (docs/learners.md).
        let (_, key) = try access.unlock(registry, id: id, doing: "reading their progress")
        var profile: LearnerProfile?
        do {
            profile = try registry.profile(id: id)
            // Sealed details open with the PIN's key; with the passphrase the name is the id.
            if let key, let opened = profile?.opened(with: key) { profile = opened }
        } catch {
            ReportFormat.warn(error.description)
        }
        let courses = try CourseProgressSummary.all(learner: id, dataDirectory: data.resolved, key: key)
        switch format {
        case .json:
            print(
                try ReportFormat.json(
                    Output(
                        learner: .init(id: id, displayName: profile?.displayName ?? id, team: profile?.team),
                        courses: courses.map(Output.Course.init)
                    )))
        case .table:
            var heading = "Learner: \(id)"
            if let profile, profile.displayName != id { heading = "Learner: \(profile.displayName) (\(id))" }
            if let team = profile?.team { heading += ", \(team)" }
            print(TerminalSafe.clean(heading))
            guard !courses.isEmpty else {
                print("No progress saved yet.")
                return
            }
            print("")
            print(ReportTable.render(header: Self.columns, rows: courses.map(Self.row)), terminator: "")
        }
    }

    static let columns = ["COURSE", "VERSION", "COMPLETED", "PASSED", "FAILED", "IN PROGRESS", "TIME", "UPDATED"]

    static func row(_ course: CourseProgressSummary) -> [String] {
        if let problem = course.problem {
            return [course.course, "cannot be read: \(problem) (\(course.file))"]
        }
        return [
            course.course, course.courseVersion ?? "–", "\(course.completed)", "\(course.passed)", "\(course.failed)",
            "\(course.inProgress)", course.activeSeconds.map(hoursAndMinutes) ?? "–",
            course.updatedAt.map { localTime.string(from: $0) } ?? "–",
        ]
    }

    /// Active time as h:mm.
    static func hoursAndMinutes(_ seconds: Int) -> String {
        let minutes = max(0, seconds) / 60
        return "\(minutes / 60):" + String(format: "%02d", minutes % 60)
    }

    static let localTime: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    static func operatingSystemUser(_ environment: [String: String]) -> String {
        for name in ["USER", "LOGNAME"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return NSUserName()
    }

    struct Output: Encodable {
        struct Learner: Encodable { var id: String; var displayName: String; var team: String? }
        struct Course: Encodable {
            var course: String
            var file: String
            var courseVersion: String?
            var completed: Int
            var passed: Int
            var failed: Int
            var inProgress: Int
            var activeSeconds: Int?
            var updatedAt: Date?
            var problem: String?

            init(_ summary: CourseProgressSummary) {
                course = summary.course
                file = summary.file
                courseVersion = summary.courseVersion
                completed = summary.completed
                passed = summary.passed
                failed = summary.failed
                inProgress = summary.inProgress
                activeSeconds = summary.activeSeconds
                updatedAt = summary.updatedAt
                problem = summary.problem
            }
        }

        var learner: Learner
        var courses: [Course]
    }
}

/// How `learners list` and `progress` print: an aligned table for people, JSON for scripts.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return TerminalSafe.escapingUnsafe(json: String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// A warning on standard error, made safe for the terminal.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(TerminalSafe.clean(message))\n".utf8))
    }
}

/// Columns padded to their widest cell by display width (so Æ, Ø, Å and wide
/// characters line up), two spaces apart. Every cell is made terminal-safe.
enum ReportTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let cleaned = ([header] + rows).map { $0.map(TerminalSafe.clean) }
        var widths = Array(repeating: 0, count: header.count)
        // A row with fewer cells than the header (a message) does not widen the columns
        // its last cell spans.
        for row in cleaned {
            for (index, cell) in row.enumerated() where index < widths.count && (row.count == header.count || index < row.count - 1) {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        var output = ""
        for row in cleaned {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : DisplayWidth.pad(cell, toWidth: widths[index])
            }
            output += cells.joined(separator: "  ") + "\n"
        }
        return output
    }
}
