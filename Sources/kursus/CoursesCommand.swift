import ArgumentParser
import Foundation
import KursusLibrary
import KursusText

/// `kursus courses`: what the course libraries hold.
struct Courses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the courses installed in the course library.",
        discussion: """
            Without --library, the system library and your own, as 'kursus play' sees them. \
            A damaged package is listed with the reason; the exit status is then 1.
            """
    )

    @OptionGroup var library: LibraryOptions

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: text or json.")
    var format: CoursesFormat = .text

    func run() throws {
        var listed: [(CourseLibrary, [LibraryEntry])] = []
        for folder in library.libraries(dataDirectory: data.resolved) {
            do {
                listed.append((folder, try folder.entries()))
            } catch {
                throw CommandFailure(error.description)
            }
        }
        switch format {
        case .text: print(Self.text(listed), terminator: "")
        case .json: print(Self.json(listed))
        }
        if listed.contains(where: { $0.1.contains { $0.problem != nil } }) { throw ExitCode.failure }
    }

    static func text(_ listed: [(CourseLibrary, [LibraryEntry])]) -> String {
        var out = ""
        for (library, entries) in listed {
            out += "\(TerminalSafe.clean(library.folder.path)): "
            out += entries.isEmpty ? "no courses\n" : "\(entries.count) \(entries.count == 1 ? "course" : "courses")\n"
            let rows = entries.map { entry in
                entry.problem == nil
                    ? [entry.id, entry.version, entry.language, entry.signedBy ?? "unsigned", entry.title].map(TerminalSafe.clean)
                    : [TerminalSafe.clean(entry.id), "DAMAGED", "", "", TerminalSafe.clean(entry.problem ?? "")]
            }
            let header = ["ID", "VERSION", "LANGUAGE", "SIGNED BY", "TITLE"]
            let widths = (0..<4).map { column in ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0 }
            for (index, row) in ([header] + rows).enumerated() {
                if index == 0, rows.isEmpty { break }
                let padded = (0..<4).map { DisplayWidth.pad(row[$0], toWidth: widths[$0]) } + [row[4]]
                out += "  " + padded.joined(separator: "  ") + "\n"
                if index > 0 { out += "    \(TerminalSafe.clean(entries[index - 1].path.path))\n" }
            }
        }
        return out
    }

    static func json(_ listed: [(CourseLibrary, [LibraryEntry])]) -> String {
        struct Course: Encodable {
            var id, title, version, language, path, library: String
            var description, signedBy, problem: String?
        }
        let courses = listed.flatMap { library, entries in
            entries.map { entry in
                Course(
                    id: entry.id, title: entry.title, version: entry.version, language: entry.language, path: entry.path.path,
                    library: library.folder.path, description: entry.description, signedBy: entry.signedBy, problem: entry.problem)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(["courses": courses]) else { return "{\"courses\": []}" }
        // JSONEncoder leaves C1 controls and bidi overrides raw: escape them too.
        return TerminalSafe.escapingUnsafe(json: String(decoding: data, as: UTF8.self))
    }
}

enum CoursesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
