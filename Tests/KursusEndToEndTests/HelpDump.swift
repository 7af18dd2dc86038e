import Foundation

/// What `kursus --experimental-dump-help` says about every command: ArgumentParser's own
/// description of the tool (its `ToolInfoV0` JSON), read into the few fields tests use.
enum HelpDump {
    struct Tool: Decodable {
        var command: Command
    }

    struct Command: Decodable {
        var commandName: String
        var subcommands: [Command]?
        var arguments: [Argument]?

        /// The paths of every command below this one, as names from here.
        func paths() -> [[String]] {
            [[]] + (subcommands ?? []).flatMap { subcommand in subcommand.paths().map { [subcommand.commandName] + $0 } }
        }

        /// Arguments that satisfy every required argument, so that a parse gets past them:
        /// the first allowed value, else `1` (a number and a string alike).
        var requiredInput: [String] {
            (arguments ?? []).filter { !$0.isOptional }.flatMap { argument -> [String] in
                let value = argument.allValues?.first ?? "1"
                switch argument.kind {
                case .positional: return [value]
                case .option: return argument.spellings.prefix(1) + [value]
                case .flag: return Array(argument.spellings.prefix(1))
                }
            }
        }

        func command(at path: [String]) -> Command? {
            guard let first = path.first else { return self }
            return subcommands?.first { $0.commandName == first }?.command(at: Array(path.dropFirst()))
        }
    }

    struct Argument: Decodable {
        enum Kind: String, Decodable { case positional, option, flag }

        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: Kind
        var shouldDisplay: Bool
        var isOptional: Bool
        var allValues: [String]?
        var names: [Name]?
        var valueName: String?

        /// How help writes the argument: `<value>` for a positional argument, else each
        /// of its names with its dashes (`-o`, `--output`).
        var spellings: [String] {
            if kind == .positional { return valueName.map { ["<\($0)>"] } ?? [] }
            return (names ?? []).map { $0.kind == "short" || $0.kind == "longWithSingleDash" ? "-\($0.name)" : "--\($0.name)" }
        }
    }

    /// The root command as the binary describes it.
    static func root() throws -> Command {
        let result = try KursusBinary.run(["--experimental-dump-help"])
        guard result.status == 0 else {
            throw KursusBinary.CommandError("kursus --experimental-dump-help exited \(result.status): \(result.stderr)")
        }
        return try JSONDecoder().decode(Tool.self, from: Data(result.stdout.utf8)).command
    }
}
