// The HTML report in a real browser (headless Chromium, Debian package `chromium`, which
// scripts/ensure-deps.sh installs): a screenshot and an A4 PDF, no console error, nothing
// wider than the page; and a strict HTML5 parse with python3's html5lib. Without chromium
// (or html5lib) these tests are reported as skipped with the reason, never passed.
//
// KURSUS_UPDATE_SCREENSHOT=1 also copies the English sample's screenshot to
// docs/images/report.png; KURSUS_REPORT_ARTIFACTS=DIR keeps each page, screenshot and
// PDF in DIR for a person to look at.
import Foundation
import Testing

@testable import KursusReports

enum Chromium {
    /// The browser's executable on PATH, when installed.
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        return nil
    }()

    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs headless Chromium on `page` with `arguments`; stopped after 90 s.
    static func run(_ arguments: [String], page: URL, home: URL) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/chromium")
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(home.path)/profile"] + arguments + [
                page.absoluteString
            ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        process.environment = environment
        let folder = home
        let out = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Output(
            status: Self.wait(for: process, seconds: 90), standardOutput: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Waits for `process` and returns its exit status; killed after `seconds`. The child
    /// is reaped here with `waitpid`: Foundation's Process can miss the exit of a child
    /// when many start at once (the child stays a zombie, `isRunning` stays true and
    /// `waitUntilExit` never returns), which once hung a whole test run.
    static func wait(for process: Process, seconds: TimeInterval) -> Int32 {
        let pid = process.processIdentifier
        let deadline = Date().addingTimeInterval(seconds)
        var raw: Int32 = 0
        while true {
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid { break }
            if result == -1 {
                // Foundation reaped it first: it knows the status.
                process.waitUntilExit()
                return process.terminationStatus
            }
            if Date() >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &raw, 0)
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }

    /// Lines of Chromium's log that report a console message or a script error.
    static func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter {
            $0.contains(":CONSOLE") || $0.contains("Uncaught") || $0.contains("Refused to")
        }
    }
}

/// A test-only copy of a report page that measures itself: the Content-Security-Policy
/// is taken out and a script at the end of the body writes into the DOM whether the page
/// scrolls sideways and which elements reach past the body's content box.
enum OverflowProbe {
    static let script = """
        <script>
        (function () {
          var limit = document.body.getBoundingClientRect().left + document.body.clientWidth
            - parseFloat(getComputedStyle(document.body).paddingRight) + 0.5;
          var wide = [];
          document.querySelectorAll('body *').forEach(function (element) {
            var box = element.getBoundingClientRect();
            if (box.width > 0 && box.right > limit) wide.push(element.tagName + ':' + (element.parentElement ? element.parentElement.id : '') + ':' + Math.round(box.right) + ':' + Math.round(limit) + ':' + (element.textContent || '').slice(0, 30));
          });
          var result = document.createElement('pre');
          result.id = 'overflow-result';
          result.textContent = 'scroll=' + (document.documentElement.scrollWidth > window.innerWidth) + ';wide=' + wide.slice(0, 8).join(',') + ';';
          document.body.appendChild(result);
        })();
        </script>
        """

    static func page(_ html: String) -> String {
        let withoutPolicy = html.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Content-Security-Policy") }.joined(separator: "\n")
        return withoutPolicy.replacingOccurrences(of: "</body>", with: script + "\n</body>")
    }
}

@Suite(
    "HTML report in a browser", .serialized,
    .enabled(if: Chromium.path != nil, "chromium is not installed (scripts/ensure-deps.sh installs it); skipped"))
struct HTMLReportBrowserTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current
    static let reports = [
        "sample-en": (SampleReport.report, ReportLanguage.en), "named-da": (SampleReport.named, ReportLanguage.da),
        "hostile-da": (HostileReport.report, ReportLanguage.da),
    ]

    func write(_ name: String, in folder: URL) throws -> URL {
        let (report, language) = try #require(Self.reports[name])
        let url = folder.appendingPathComponent("\(name).html")
        try Data(HTMLReport.page(report, language: language, timeZone: Self.utc).utf8).write(to: url)
        return url
    }

    @Test("a screenshot and an A4 PDF are made, with no console error", arguments: ["sample-en", "named-da", "hostile-da"])
    func screenshotAndPDF(name: String) throws {
        let folder = try FormatTestFolder.make("html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try write(name, in: folder)
        let png = folder.appendingPathComponent("report.png")
        let pdf = folder.appendingPathComponent("report.pdf")
        let shot = try Chromium.run(
            ["--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--screenshot=\(png.path)", "--window-size=1000,1400"], page: page, home: folder
        )
        #expect(Chromium.consoleErrors(shot.standardError).isEmpty, "\(Chromium.consoleErrors(shot.standardError))")
        let image = try Data(contentsOf: png)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(image.count > 50_000, "a screenshot of a whole report page is not blank")
        let print = try Chromium.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: page, home: folder)
        #expect(print.status == 0, "\(print.standardError)")
        let document = try Data(contentsOf: pdf)
        #expect(document.starts(with: Array("%PDF".utf8)))
        #expect(document.count > 30_000)
        let pages = String(decoding: document, as: UTF8.self).matches(of: #//MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/#)
        #expect(pages.count >= 5, "every part starts on a new page: header and cohort, quizzes, before and after, surveys, scenarios")
        #expect(pages.allSatisfy { abs((Double($0.1) ?? 0) - 595.28) < 1 && abs((Double($0.2) ?? 0) - 841.89) < 1 }, "A4 pages")
        if let artifacts = ProcessInfo.processInfo.environment["KURSUS_REPORT_ARTIFACTS"] {
            let target = URL(fileURLWithPath: artifacts)
            try? FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in [page, png, pdf] {
                let copy = target.appendingPathComponent("\(name)-\(file.lastPathComponent)")
                try? FileManager.default.removeItem(at: copy)
                try? FileManager.default.copyItem(at: file, to: copy)
            }
        }
        if name == "sample-en", ProcessInfo.processInfo.environment["KURSUS_UPDATE_SCREENSHOT"] == "1" {
            let target = FormatTestFolder.repository.appendingPathComponent("docs/images/report.png")
            try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: png, to: target)
        }
    }

    @Test("the console check sees an error: a page with an inline script is refused and logged")
    func consoleCheckWorks() throws {
        let folder = try FormatTestFolder.make("html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("probe.html")
        let html = HTMLReport.page(SampleReport.report, language: .en, timeZone: Self.utc)
            .replacingOccurrences(of: "</body>", with: "<script>console.error('probe')</script></body>")
        try Data(html.utf8).write(to: page)
        let output = try Chromium.run(["--enable-logging=stderr", "--v=0", "--dump-dom"], page: page, home: folder)
        #expect(!Chromium.consoleErrors(output.standardError).isEmpty, "the Content-Security-Policy refusal is logged")
    }

    @Test("nothing is wider than the page at A4 width", arguments: ["sample-en", "named-da", "hostile-da"])
    func noOverflow(name: String) throws {
        let folder = try FormatTestFolder.make("html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try write(name, in: folder)
        let probe = folder.appendingPathComponent("probe.html")
        try Data(OverflowProbe.page(try String(contentsOf: page, encoding: .utf8)).utf8).write(to: probe)
        // 794 × 1123 CSS pixels is A4 at 96 dpi; the body's content box is then 170 mm.
        let output = try Chromium.run(["--window-size=794,1123", "--dump-dom"], page: probe, home: folder)
        let result = try #require(output.standardOutput.firstRange(of: #/scroll=(true|false);wide=([^;]*);/#), "\(output.standardError)")
        #expect(output.standardOutput[result].contains("scroll=false;wide=;"), "\(output.standardOutput[result])")
    }
}

@Suite("HTML report parses", .enabled(if: PythonCheck.interpreter(with: "html5lib") != nil, "python3 with html5lib is not importable; skipped"))
struct HTMLReportParserTests {
    func parse(_ html: String) throws -> PythonCheck.Result {
        let folder = try FormatTestFolder.make("parse")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: file)
        let script = """
            import sys, html5lib
            parser = html5lib.HTMLParser(strict=True)
            try:
                parser.parse(open(sys.argv[1], encoding='utf-8').read())
            except html5lib.html5parser.ParseError as error:
                print('parse error:', error, parser.errors[:3]); sys.exit(1)
            """
        return try PythonCheck.run(PythonCheck.interpreter(with: "html5lib") ?? "python3", ["-c", script, file.path])
    }

    @Test("the sample, the hostile and the empty page parse as HTML5 without a single error")
    func strict() throws {
        for (report, language) in [
            (SampleReport.named, ReportLanguage.en), (HostileReport.report, .da), (SampleReport.report, .da), (EmptyReportFormatTests.empty, .en),
        ] {
            let result = try parse(HTMLReport.page(report, language: language))
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test("the parser check fails on a page with a stray end tag")
    func catchesErrors() throws {
        let broken = HTMLReport.page(SampleReport.report, language: .en).replacingOccurrences(of: "</main>", with: "</table></main>")
        #expect(try parse(broken).status == 1)
    }
}
