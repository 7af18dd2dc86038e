import ArgumentParser
import Foundation
import KursusReports
import KursusText

#if canImport(Glibc)
import Glibc
#endif

/// `--format` of `kursus report`.
enum ReportOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case terminal, csv, json, html
}

/// Writes a finished report in the chosen format: to standard output, a file, or (CSV)
/// one file per table in a folder. Files are replaced atomically; a folder for CSV is
/// made when missing.
struct ReportOutput {
    var format: ReportOutputFormat
    var out: String?
    var excel: Bool
    var language: ReportLanguage
    var color: ColorChoice

    func write(_ report: Report) throws {
        switch format {
        case .terminal:
            let toTerminal = out == nil && isatty(STDOUT_FILENO) == 1
            let text = TerminalReport.render(
                report, language: language, width: Self.terminalWidth(toTerminal: toTerminal),
                color: color.allowsColor(CommandSupport.environment, toTerminal: toTerminal))
            try emit(Data(text.utf8))
        case .json:
            do {
                try emit(JSONReport.data(report))
            } catch let failure as JSONReport.Failure {
                throw RecordsOutput.refuse(failure.description)
            }
        case .html:
            try emit(Data(HTMLReport.page(report, language: language).utf8))
        case .csv:
            try writeCSV(CSVReport.files(report, language: language, excel: excel))
        }
    }

    /// To `--out` (replaced atomically), else standard output.
    private func emit(_ data: Data) throws {
        guard let out else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: out)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw RecordsOutput.refuse("\(out): cannot be written; check that its folder exists and its permissions")
        }
        FileHandle.standardError.write(Data("Wrote the report to \(TerminalSafe.clean(out)).\n".utf8))
    }

    private func writeCSV(_ files: [(name: String, data: Data)]) throws {
        guard let out else { throw RecordsOutput.badArgument("--format csv needs --out DIR") }
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RecordsOutput.refuse("\(out): the folder cannot be made; check the path and its permissions")
        }
        for (name, data) in files {
            // Names come from the report formats, never from records; still, no paths.
            guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { continue }
            do {
                try data.write(to: folder.appendingPathComponent(name), options: .atomic)
            } catch {
                throw RecordsOutput.refuse("\(folder.appendingPathComponent(name).path): cannot be written; check the folder's permissions")
            }
        }
        FileHandle.standardError.write(Data("Wrote \(files.count) CSV files to \(TerminalSafe.clean(out)).\n".utf8))
    }

    /// The terminal's columns (TIOCGWINSZ), else $COLUMNS on a terminal, else 80.
    static func terminalWidth(toTerminal: Bool) -> Int {
        guard toTerminal else { return 80 }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = CommandSupport.environment["COLUMNS"].flatMap({ Int($0) }), (1...10_000).contains(columns) { return columns }
        return 80
    }
}
