import Foundation
import Testing

@Suite("kursus import-gift")
struct ImportGiftCommandTests {
    @Test("converts a GIFT file to a quiz file that validates, and refuses to overwrite without --force")
    func convert() throws {
        let folder = try KursusBinary.temporaryFolder("import-gift")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gift = folder.appendingPathComponent("bank.gift")
        try Data("::Q1:: Hvad gør du først? {=Spørger ~Ringer op igen}\n\nVideo kræver kamera.{F}\n".utf8).write(to: gift)
        let out = folder.appendingPathComponent("quiz.yaml")
        let result = try KursusBinary.run(["import-gift", gift.path, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let yaml = try String(contentsOf: out, encoding: .utf8)
        #expect(yaml.contains("format: kursus-quiz/1"))
        #expect(yaml.contains("type: true-false"))

        let again = try KursusBinary.run(["import-gift", gift.path, "-o", out.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"))
        #expect(try KursusBinary.run(["import-gift", gift.path, "-o", out.path, "--force"]).status == 0)

        // The converted file plays: a package around it validates.
        try Data(
            "format: kursus/1\nid: g\ntitle: G\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: q, kind: quiz, title: Quiz, file: quiz.yaml}\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("course.yaml"))
        let validated = try KursusBinary.run(["validate", folder.path])
        #expect(validated.status == 0, "\(validated.stdout)")
    }

    @Test("a GIFT file whose quiz would be over the 16 MiB Kursus reads is refused, with nothing written")
    func tooLargeOutput() throws {
        let folder = try KursusBinary.temporaryFolder("import-gift-large")
        defer { try? FileManager.default.removeItem(at: folder) }
        // 10,000 questions in 16.5 MB of GIFT (under its 16 MiB limit); the YAML is longer.
        let filler = String(repeating: "Dette er en lang forklaring om videokonsultationer og borgere. ", count: 7)
        let question =
            "::Q%d:: Spørgsmål: \(filler) {\n=Rigtigt \(filler.prefix(200)) #Godt \(filler.prefix(150))\n"
            + "~Forkert A \(filler.prefix(200)) #Nej \(filler.prefix(150))\n~Forkert B \(filler.prefix(200))\n~Forkert C \(filler.prefix(200))\n}\n\n"
        let text = (0..<10_000).map { question.replacingOccurrences(of: "%d", with: "\($0)") }.joined()
        #expect(text.utf8.count < 16 << 20)
        let gift = folder.appendingPathComponent("bank.gift")
        try Data(text.utf8).write(to: gift)
        // To standard output, which cannot be taken back: not one byte of YAML. (A file
        // named with -o is refused by the same check, before its temporary file is made;
        // one run of this size is enough for the suite's time.)
        let result = try KursusBinary.run(["import-gift", gift.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("over the 16.0 MiB Kursus reads in one quiz file; nothing was written"), "\(result.stderr)")
        #expect(result.stderr.contains("it holds 10000 questions"), "\(result.stderr)")
    }

    @Test("a broken GIFT file: line-numbered errors on stderr, exit 1, nothing written")
    func broken() throws {
        let folder = try KursusBinary.temporaryFolder("import-gift-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gift = folder.appendingPathComponent("bad.gift")
        try Data("Første {=a ~b}\n\nAndet spørgsmål {=kun ét svar\n".utf8).write(to: gift)
        let out = folder.appendingPathComponent("out.yaml")
        let result = try KursusBinary.run(["import-gift", gift.path, "-o", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.gift:3:"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("import-gift runs the same quiz checks as validate, so it never writes a file validate refuses")
    func quizChecks() throws {
        let folder = try KursusBinary.temporaryFolder("import-gift-checks")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gift = folder.appendingPathComponent("dup.gift")
        // An unescaped '=' splits 'a=b' into two answers, as in Moodle; 'b' then repeats.
        try Data("Which? {\n~a=b\n~b\n}\n".utf8).write(to: gift)
        let out = folder.appendingPathComponent("out.yaml")
        let result = try KursusBinary.run(["import-gift", gift.path, "-o", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dup.gift:2:3: warning: the '=' in 'a=b' starts a new right answer"), "\(result.stderr)")
        #expect(result.stderr.contains("dup.gift:3:1: error: question 'q1': option 3 has the same text as option 2"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(
        "the YAML is streamed into a file that replaces the output whole: same bytes as to standard output, no temporary file left, a clear error for a missing folder"
    )
    func streamedOutput() throws {
        let folder = try KursusBinary.temporaryFolder("import-gift-stream")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gift = folder.appendingPathComponent("bank.gift")
        var bank = ""
        for number in 1...400 { bank += "::Q\(number)::Spørgsmål \(number): hvad gør du? {=Ringer op#Ja. ~Venter ~\\# \(number)}\n\n" }
        try Data(bank.utf8).write(to: gift)
        let out = folder.appendingPathComponent("quiz.yaml")
        try Data("old content\n".utf8).write(to: out)
        let written = try KursusBinary.run(["import-gift", gift.path, "-o", out.path, "--force"])
        #expect(written.status == 0, "\(written.stderr)")
        let printed = try KursusBinary.run(["import-gift", gift.path])
        #expect(printed.status == 0, "\(printed.stderr)")
        let file = try String(contentsOf: out, encoding: .utf8)
        #expect(file == printed.stdout)
        #expect(file.contains("- id: q400\n"), "the last question is written (the file is larger than one 64 KiB piece)")
        #expect(file.utf8.count > 64 * 1024)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bank.gift", "quiz.yaml"])

        let missing = folder.appendingPathComponent("no-such-folder/quiz.yaml")
        let failed = try KursusBinary.run(["import-gift", gift.path, "-o", missing.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("no-such-folder/quiz.yaml: cannot write the quiz file: No such file or directory"), "\(failed.stderr)")
    }
}
