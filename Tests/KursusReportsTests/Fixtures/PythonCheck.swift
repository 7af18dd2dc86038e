import Foundation

/// Runs python3 scripts for the format tests' outside checks (JSON Schema validation with
/// `jsonschema`, strict HTML parsing with `html5lib`). scripts/ensure-deps.sh installs
/// Debian's python3-jsonschema and python3-html5lib for /usr/bin/python3; another python3
/// on PATH is tried too.
enum PythonCheck {
    struct Result {
        var status: Int32
        var output: String
    }

    /// The first interpreter that can import `module`, or nil.
    static func interpreter(with module: String) -> String? {
        for candidate in ["/usr/bin/python3", "python3"] {
            if let result = try? run(candidate, ["-c", "import \(module)"]), result.status == 0 { return candidate }
        }
        return nil
    }

    /// Runs `interpreter` with `arguments`; standard output and error together.
    static func run(_ interpreter: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// A fresh folder under the temporary directory, for files a test writes.
enum FormatTestFolder {
    static func make(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The repository's root (for Assets/ and docs/).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
