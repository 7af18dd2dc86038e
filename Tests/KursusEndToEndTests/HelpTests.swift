import ArgumentParser
import Foundation
import Testing
@testable import kursus

/// `--help` of every command the root command declares, found by walking
/// `Kursus.configuration.subcommands`, so a command added later is covered without
/// touching this file. What each command declares comes from ArgumentParser itself
/// (`--experimental-dump-help`), as in swift-argument-parser's own help tests.
@Suite("kursus --help on every command")
struct HelpTests {
    /// Every command path below `kursus`, the root itself first (an empty path).
    static let commandPaths: [[String]] = [[]] + subcommandPaths(of: Kursus.self, under: [])

    static func subcommandPaths(of command: any ParsableCommand.Type, under path: [String]) -> [[String]] {
        command.configuration.subcommands.flatMap { subcommand in
            let subpath = path + [subcommand._commandName]
            return [subpath] + subcommandPaths(of: subcommand, under: subpath)
        }
    }

    static func commandType(at path: [String]) -> (any ParsableCommand.Type)? {
        var command: any ParsableCommand.Type = Kursus.self
        for name in path {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
            command = next
        }
        return command
    }

    @Test("the walk finds the commands kursus is known to have")
    func walkFindsCommands() {
        let known: [[String]] = [["play"], ["preview"], ["validate"], ["render"], ["import-gift"], ["scenario", "check"]]
        for path in known { #expect(Self.commandPaths.contains(path), "\(path)") }
    }

    @Test("ArgumentParser's description of the tool has exactly the configured commands")
    func dumpMatchesConfiguration() throws {
        let root = try HelpDump.root()
        #expect(root.commandName == "kursus")
        // ArgumentParser adds `kursus help <command>` itself.
        #expect(Set(root.paths()).subtracting([["help"]]) == Set(Self.commandPaths))
    }

    @Test("--help exits 0 and shows the abstract, the usage and every visible option and argument", arguments: commandPaths)
    func help(path: [String]) throws {
        let command = try #require(Self.commandType(at: path))
        let info = try #require(try HelpDump.root().command(at: path), "\(path) missing from --experimental-dump-help")
        let result = try KursusBinary.run(path + ["--help"])
        let shown = (["kursus"] + path).joined(separator: " ")
        #expect(result.status == 0, "\(shown) --help: \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(shown) --help: \(result.stderr)")

        let abstract = command.configuration.abstract
        #expect(!abstract.isEmpty, "\(shown) has no abstract")
        #expect(HelpText.words(result.stdout).contains(HelpText.words(abstract)), "\(shown) --help lacks its abstract:\n\(result.stdout)")

        let usage = "USAGE: \(shown)"
        #expect(
            result.stdout.split(separator: "\n").contains { $0 == usage || $0.hasPrefix(usage + " ") },
            "\(shown) --help has no line starting '\(usage)':\n\(result.stdout)"
        )

        let tokens = HelpText.tokens(result.stdout)
        for argument in info.arguments ?? [] {
            for spelling in argument.spellings {
                if argument.shouldDisplay {
                    #expect(tokens.contains(spelling), "\(shown) --help does not show \(spelling):\n\(result.stdout)")
                } else {
                    #expect(!tokens.contains(spelling), "\(shown) --help shows the hidden \(spelling)")
                }
            }
        }
    }

    @Test("an unknown option exits with the usage status and names the option", arguments: commandPaths)
    func unknownOption(path: [String]) throws {
        let option = "--kursus-no-such-option"
        // Required arguments are given, or ArgumentParser would report the missing one first.
        let required = try #require(try HelpDump.root().command(at: path)).requiredInput
        let result = try KursusBinary.run(path + required + [option])
        let shown = (["kursus"] + path).joined(separator: " ")
        // Kursus exits 2 for every usage error (ArgumentParser alone would say 64).
        #expect(result.status == 2, "\(shown) \(option): \(result.status)")
        #expect(result.stderr.contains("Unknown option '\(option)'"), "\(shown) \(option): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

/// Help output read the way the tests need it.
enum HelpText {
    /// The text with every run of white space made one space, so a wrapped abstract matches.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The separate words of help output: names such as `--data-dir`, `-o` and `<package>`,
    /// without the brackets, commas and bars that join them in usage lines.
    static func tokens(_ text: String) -> Set<String> {
        Set(text.split { $0.isWhitespace || "[](),|=".contains($0) }.map(String.init))
    }
}
