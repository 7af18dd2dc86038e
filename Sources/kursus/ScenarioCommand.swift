import ArgumentParser
import Foundation
import KursusCourse
import KursusEngine

/// `kursus scenario check|graph|autoplay FILE`: tools for trainers writing scenarios.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Check, draw and test-play a video-consultation scenario file (kursus-scenario/1).",
        subcommands: [Check.self, Graph.self, Autoplay.self]
    )

    /// Reads and parses a scenario file; parse errors are printed and end the command with exit 1.
    static func load(_ file: String) throws -> (Scenario, [Diagnostic]) {
        let (scenario, diagnostics) = CoursePackage.readScenario(URL(fileURLWithPath: file), shownAs: file)
        guard let scenario, !diagnostics.hasErrors else {
            for diagnostic in diagnostics { print(diagnostic.description) }
            throw ExitCode(1)
        }
        return (scenario, diagnostics)
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse and validate a scenario: targets, reachability, dead ends, cycles, variables, portraits and the score range.",
            discussion: "Exits 1 when there are errors."
        )

        @Argument(help: "The scenario file (.yaml).")
        var file: String

        @Option(
            help:
                "The course package folder portraits are relative to (default: the nearest folder above the file that holds course.yaml, else the file's folder)."
        )
        var package: String?

        func run() throws {
            let (scenario, parsed) = try ScenarioCommand.load(file)
            var diagnostics = parsed + ScenarioValidator.check(scenario)
            let fileURL = URL(fileURLWithPath: file).standardizedFileURL
            let root = package.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? Self.packageRoot(for: fileURL)
            let assets = (try? CommandSupport.installation())?.assets ?? .embedded
            diagnostics += ScenarioPortraits.loadAll(for: scenario, packageRoot: root, assets: assets).diagnostics
            for diagnostic in diagnostics { print(diagnostic.description) }
            if let range = ScenarioValidator.scoreRange(scenario) { print(Diagnostic.note(scenario.location, "reachable \(range)").description) }
            let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
            print(
                "\(errors == 0 ? "OK" : "FAILED"): \(scenario.nodes.count) nodes; \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            )
            if errors > 0 { throw ExitCode(1) }
        }

        static func packageRoot(for file: URL) -> URL {
            var folder = file.deletingLastPathComponent()
            for _ in 0..<8 {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("course.yaml").path) { return folder }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
            return file.deletingLastPathComponent()
        }
    }

    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the scenario's nodes and where each leads, as text, Graphviz dot or a Mermaid flowchart.",
            discussion:
                "dot and mermaid mark the start, the conditions and option numbers on the arrows with each option's quality (✓ good, ≈ mixed, ✗ poor), timed choices and the option their timer takes (dashed), and colour endings by rating with a legend."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, dot, mermaid }

        @Argument(help: "The scenario file (.yaml).")
        var file: String

        @Option(help: "text (one line per node, the start marked '*'), dot (for Graphviz) or mermaid (to paste into a wiki).")
        var format: Format = .text

        func run() throws {
            let (scenario, _) = try ScenarioCommand.load(file)
            let drawing: ScenarioGraphDrawing.Format =
                switch format {
                case .text: .text
                case .dot: .dot
                case .mermaid: .mermaid
                }
            print(ScenarioGraphDrawing.draw(scenario, format: drawing))
        }
    }

    struct Autoplay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play the scenario many times with random choices and report coverage and stuck runs.",
            discussion: "The same seed gives the same runs. Exits 1 when a run got stuck or when no run passed the scenario's pass rule."
        )

        @Argument(help: "The scenario file (.yaml).")
        var file: String

        @Option(help: "How many runs to play (1-100000).")
        var runs: Int = 100

        @Option(help: "The seed for the random choices and random branches.")
        var seed: UInt64 = 1

        func validate() throws {
            guard (1...100_000).contains(runs) else { throw ValidationError("--runs must be between 1 and 100000") }
        }

        func run() throws {
            let (scenario, _) = try ScenarioCommand.load(file)
            let report = ScenarioAutoplay.run(scenario, runs: runs, seed: seed)
            print(report.text)
            var problems: [String] = []
            if report.hasStuckRuns { problems.append("\(report.stuck.count) of \(report.runs) runs got stuck") }
            if report.runs > 0, report.passedRuns == 0 { problems.append("no run passed; check 'pass' against the scores above") }
            guard problems.isEmpty else {
                print("FAILED: " + problems.joined(separator: "; "))
                throw ExitCode(1)
            }
        }
    }
}
