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
