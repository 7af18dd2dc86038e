import Foundation

/// Building and handling the Debian package for DebianPackageTests.
enum DebianPackage {
    /// Why the package test cannot run here, or nil when it can.
    static var skipReason: String? {
        if getuid() != 0 { return "the Debian package test runs only as root (it installs kursus with dpkg -i); CI runs it" }
        for tool in ["/usr/bin/dpkg", "/usr/bin/dpkg-deb", "/usr/bin/dpkg-shlibdeps", "/usr/bin/tmux"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing; 'make test' installs dpkg-dev and tmux"
        }
        let status = try? KursusBinary.runTool(URL(fileURLWithPath: "/usr/bin/dpkg-query"), ["-W", "-f=${Status}", "kursus"])
        if let status, status.stdout == "install ok installed", ProcessInfo.processInfo.environment["KURSUS_DEB"] == nil {
            return "a kursus package is already installed on this machine; the test would replace and remove it"
        }
        return nil
    }

    /// Kursus's version, from Sources/kursus/KursusVersion.swift.
    static func version() throws -> String {
        let source = try String(contentsOf: KursusBinary.repository.appendingPathComponent("Sources/kursus/KursusVersion.swift"), encoding: .utf8)
        guard let match = source.firstMatch(of: /static let current = "([^"]+)"/) else {
            throw KursusBinary.CommandError("no version in Sources/kursus/KursusVersion.swift")
        }
        return String(match.1)
    }

    /// The package named by KURSUS_DEB, else one built now by scripts/make-deb.sh.
    static func build() throws -> URL {
        if let prebuilt = ProcessInfo.processInfo.environment["KURSUS_DEB"], !prebuilt.isEmpty {
            return URL(fileURLWithPath: prebuilt)
        }
        let output = try KursusBinary.temporaryFolder("deb")
        let script = KursusBinary.repository.appendingPathComponent("scripts/make-deb.sh")
        let scratch = KursusBinary.repository.appendingPathComponent(".build-deb").path
        let result = try KursusBinary.runTool(script, ["-o", output.path, "--scratch-path", scratch])
        guard result.status == 0, let last = result.stdout.split(separator: "\n").last else {
            throw KursusBinary.CommandError("scripts/make-deb.sh failed (\(result.status)):\n\(result.stdout)\n\(result.stderr)")
        }
        return URL(fileURLWithPath: String(last))
    }

    /// Runs a system tool and returns its standard output; throws with its messages when it fails.
    @discardableResult
    static func tool(_ path: String, _ arguments: [String]) throws -> String {
        let result = try KursusBinary.runTool(URL(fileURLWithPath: path), arguments, environment: ["DEBIAN_FRONTEND": "noninteractive"])
        guard result.status == 0 else {
            throw KursusBinary.CommandError(
                "\(path) \(arguments.joined(separator: " ")) failed (\(result.status)):\n\(result.stdout)\(result.stderr)")
        }
        return result.stdout
    }
}
