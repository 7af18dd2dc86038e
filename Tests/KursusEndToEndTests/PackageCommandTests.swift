import Foundation
import Testing

/// `kursus pack`, `kursus keys`, `kursus verify` and the `.kursus` file given to
/// `validate`, `preview` and `play`, run as the real binary.
@Suite("course packages on the command line", .serialized)
struct PackageCommandTests {
    let folder: URL

    init() throws {
        folder = try KursusBinary.temporaryFolder("packages")
    }

    func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func pack(_ output: String, _ extra: [String] = []) throws -> KursusBinary.Result {
        try KursusBinary.run(["pack", KursusBinary.bundledCourse.path, "-o", file(output)] + extra)
    }

    @Test("pack writes the same bytes twice, and says what it packed")
    func packIsDeterministic() throws {
        let first = try pack("a.kursus")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Packed digital-kompetence 1.0.0: "))
        #expect(first.stdout.contains("Not signed (give --sign NAME.key to sign it)"))
        #expect(try pack("b.kursus").status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file("a.kursus")))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: file("b.kursus")))))
        #expect(bytes.starts(with: Array("PK\u{3}\u{4}".utf8)))
    }

    @Test("pack refuses a folder that does not validate and writes nothing")
    func packRefusesAnInvalidFolder() throws {
        let course = folder.appendingPathComponent("kursus")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try Data("format: kursus/1\nid: x\n".utf8).write(to: course.appendingPathComponent("course.yaml"))
        let result = try KursusBinary.run(["pack", course.path, "-o", file("x.kursus")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the course has errors and was not packed"))
        #expect(!FileManager.default.fileExists(atPath: file("x.kursus")))
    }

    @Test("keys generate writes a 0600 private key and never overwrites it")
    func keysGenerate() throws {
        let made = try KursusBinary.run(["keys", "generate", file("region")])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Fingerprint SHA256:"))
        let mode = try FileManager.default.attributesOfItem(atPath: file("region.key"))[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: file("region.key")))
        let again = try KursusBinary.run(["keys", "generate", file("region")])
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(file("region.key")) already exists; give --force to replace it"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file("region.key"))) == before)
        let fingerprint = try KursusBinary.run(["keys", "fingerprint", file("region.pub")])
        #expect(made.stdout.contains("Fingerprint " + fingerprint.stdout.trimmingCharacters(in: .newlines)))
    }

    @Test("verify exits 0 only for an intact package signed by the given key")
    func verify() throws {
        #expect(try KursusBinary.run(["keys", "generate", file("region")]).status == 0)
        #expect(try KursusBinary.run(["keys", "generate", file("other")]).status == 0)
        let fingerprint = try KursusBinary.run(["keys", "fingerprint", file("region.pub")]).stdout.trimmingCharacters(in: .newlines)
        let signed = try pack("signed.kursus", ["--sign", file("region.key")])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stdout.contains("Signed by \(fingerprint)"))

        let good = try KursusBinary.run(["verify", file("signed.kursus"), "--key", file("region.pub")])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("digital-kompetence 1.0.0, "))
        #expect(good.stdout.contains("files, intact"))
        #expect(good.stdout.contains("Signed by \(fingerprint)"))
        #expect(try KursusBinary.run(["verify", file("signed.kursus")]).status == 0)

        let otherKey = try KursusBinary.run(["verify", file("signed.kursus"), "--key", file("other.pub")])
        #expect(otherKey.status == 1)
        #expect(otherKey.stderr.contains("signed by an unknown key \(fingerprint), not by \(file("other.pub"))"))

        #expect(try pack("plain.kursus").status == 0)
        let unsigned = try KursusBinary.run(["verify", file("plain.kursus")])
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("unsigned package"))

        // A damaged copy: one byte of the last entry's data changed.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file("signed.kursus")))
        // The central directory's offset is the end record's bytes 16...19 (no comment).
        let directory = bytes.suffix(6).prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        bytes[directory - 40] ^= 0x55
        try bytes.write(to: URL(fileURLWithPath: file("damaged.kursus")))
        let damaged = try KursusBinary.run(["verify", file("damaged.kursus"), "--key", file("region.pub")])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("damaged"))

        let cut = bytes.prefix(bytes.count / 2)
        try cut.write(to: URL(fileURLWithPath: file("cut.kursus")))
        let truncated = try KursusBinary.run(["verify", file("cut.kursus")])
        #expect(truncated.status == 1)
        #expect(truncated.stderr.contains("the package is damaged or cut short (no zip end record"))
    }
}

/// A `.kursus` file given to `validate`, `play` and `preview`, and the workstation's
/// package policy refusing packages before anything is shown.
@Suite("playing a .kursus file", .serialized)
struct PackageFileEndToEndTests {
    let folder: URL

    init() throws {
        folder = try KursusBinary.temporaryFolder("package-play")
    }

    func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func packBundled(_ output: String, _ extra: [String] = []) throws {
        let result = try KursusBinary.run(["pack", KursusBinary.bundledCourse.path, "-o", file(output)] + extra)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A system config with a `packages:` section that trusts `keys` (paths relative to it).
    func systemConfig(require: Bool, keys: [String]) throws -> [String: String] {
        let text = "packages:\n  require-signature: \(require)\n  trusted-keys: [\(keys.joined(separator: ", "))]\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file("system.yaml")))
        return ["KURSUS_SYSTEM_CONFIG": file("system.yaml")]
    }

    @Test("validate reads a .kursus file like the folder it was packed from")
    func validateAFile() throws {
        try packBundled("dk.kursus")
        let fromFile = try KursusBinary.run(["validate", file("dk.kursus")])
        let fromFolder = try KursusBinary.run(["validate", KursusBinary.bundledCourse.path])
        #expect(fromFile.status == 0, "\(fromFile.stdout)")
        let summary = try #require(fromFolder.stdout.split(separator: "\n").last)
        #expect(fromFile.stdout.split(separator: "\n").last == summary)
        #expect(summary.hasPrefix("OK: 4 modules, 5 lessons, 3 quizzes, 4 scenarios, 3 surveys"))
        #expect(fromFile.stdout.contains("\(file("dk.kursus"))/scenarier/"))

        // A damaged file: the archive's reason, exit 1.
        try Data("PK\u{3}\u{4} not really a zip, but long enough to look for one".utf8).write(to: URL(fileURLWithPath: file("bad.kursus")))
        let bad = try KursusBinary.run(["validate", file("bad.kursus")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(file("bad.kursus")): the package is damaged or cut short (no zip end record"))
    }

    @Test("play a signed .kursus file in a real terminal, and progress is saved as for the folder")
    func playAFile() throws {
        #expect(try KursusBinary.run(["keys", "generate", file("region")]).status == 0)
        try packBundled("dk.kursus", ["--sign", file("region.key")])
        let env = try systemConfig(require: true, keys: ["region.pub"])
        let data = folder.appendingPathComponent("data")
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(file("dk.kursus"))) --data-dir \(Tmux.quote(data.path)) --learner anna --lang da"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: env.merging(["LANG": "C.UTF-8", "TERM": "tmux-256color"]) { $1 })
        let menu = try tmux.waitFor("Videokonsultationer i praksis")
        #expect(menu.contains("▸ ○ 1.1  Selvvurdering: før kurset"))
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Modul 2 › 2.1 Før konsultationen")
        try tmux.send("G")
        try tmux.waitFor("100 %")
        try tmux.send("q")
        let screen = try tmux.waitFor("KURSUS-EXIT:")
        #expect(screen.contains("KURSUS-EXIT:0"))
        let progress = data.appendingPathComponent("learners/anna/progress/digital-kompetence.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: progress)) as? [String: Any])
        let units = try #require(object["units"] as? [String: [String: Any]])
        #expect(units["forberedelse"]?["outcome"] as? String == "completed")
    }

    @Test("preview --watch on a .kursus file reloads when the file is packed again")
    func previewWatchAFile() throws {
        let course = folder.appendingPathComponent("watch")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try Data(
            "format: kursus/1\nid: w\ntitle: Watch\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: a, kind: lesson, title: Første, file: a.md}\n"
                .utf8
        ).write(to: course.appendingPathComponent("course.yaml"))
        try Data("# Før ændringen\n\nTekst.\n".utf8).write(to: course.appendingPathComponent("a.md"))
        #expect(try KursusBinary.run(["pack", course.path, "-o", file("w.kursus")]).status == 0)
        let command = "\(Tmux.quote(try KursusBinary.url.path)) preview \(Tmux.quote(file("w.kursus"))) --watch --unit a --lang da"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "KURSUS_SYSTEM_CONFIG": file("none.yaml")])
        try tmux.waitFor("Før ændringen")
        usleep(1_100_000)
        try Data("# Efter ændringen\n\nNy tekst.\n".utf8).write(to: course.appendingPathComponent("a.md"))
        #expect(try KursusBinary.run(["pack", course.path, "-o", file("w.kursus")]).status == 0)
        let after = try tmux.waitFor("Efter ændringen")
        #expect(after.contains("Modul 1 › 1.1"))
        try tmux.send("q")
        #expect(try tmux.waitFor("KURSUS-EXIT:").contains("KURSUS-EXIT:0"))
    }

    @Test("a workstation that requires signatures refuses unsigned and foreign packages before the player starts")
    func trustRefusals() throws {
        #expect(try KursusBinary.run(["keys", "generate", file("region")]).status == 0)
        #expect(try KursusBinary.run(["keys", "generate", file("stranger")]).status == 0)
        try packBundled("plain.kursus")
        try packBundled("foreign.kursus", ["--sign", file("stranger.key")])
        let env = try systemConfig(require: true, keys: ["region.pub"])
        let data = file("data")
        let unsigned = try KursusBinary.run(["play", file("plain.kursus"), "--data-dir", data, "--learner", "anna"], environment: env)
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("plain.kursus: unsigned package, but this workstation requires signed packages (\(file("system.yaml")))"))
        let foreign = try KursusBinary.run(["preview", file("foreign.kursus")], environment: env)
        let fingerprint = try KursusBinary.run(["keys", "fingerprint", file("stranger.pub")]).stdout.trimmingCharacters(in: .newlines)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("foreign.kursus: signed by an unknown key \(fingerprint); add its .pub file to 'trusted-keys'"))
        // The data directory's own config cannot lift the system's requirement.
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try Data("packages:\n  require-signature: false\n".utf8).write(to: URL(fileURLWithPath: data + "/config.yaml"))
        let still = try KursusBinary.run(["play", file("plain.kursus"), "--data-dir", data, "--learner", "anna"], environment: env)
        #expect(still.status == 1)
        #expect(still.stderr.contains("unsigned package"))
        // Without a system config, the data directory's section is the policy.
        try Data("packages:\n  require-signature: true\n  trusted-keys: [\(file("region.pub"))]\n".utf8).write(
            to: URL(fileURLWithPath: data + "/config.yaml"))
        let dataOnly = try KursusBinary.run(
            ["play", file("plain.kursus"), "--data-dir", data, "--learner", "anna"], environment: ["KURSUS_SYSTEM_CONFIG": file("none.yaml")])
        #expect(dataOnly.status == 1)
        #expect(dataOnly.stderr.contains("unsigned package, but this workstation requires signed packages (\(data)/config.yaml)"))
    }
}
