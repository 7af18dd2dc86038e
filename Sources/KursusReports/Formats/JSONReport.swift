import Foundation
import KursusText

/// The report as one JSON document (`kursus report --format json`): `Report` encoded
/// with sorted keys, ISO 8601 dates and indentation, described by
/// `Assets/schemas/report.schema.json`. A suppressed cell is `{"belowMinimum": 5}`;
/// absent figures are left out.
public enum JSONReport {
    /// Why a report could not be written as JSON.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A figure is not a finite number (JSON has no NaN or infinity); `path` names it.
        case notANumber(path: String)

        public var description: String {
            switch self {
            case .notANumber(let path):
                return "the report's figure at \(path) is not a number, which JSON cannot hold; please report this as a bug in kursus report"
            }
        }
    }

    /// The document's bytes, ending with a newline.
    public static func data(_ report: Report) throws(Failure) -> Data {
        do {
            // Learners' free-text answers reach the report: C1 controls and bidi
            // overrides, which JSONEncoder leaves raw, are written as escapes.
            let json = TerminalSafe.escapingUnsafe(json: String(decoding: try encoder.encode(report), as: UTF8.self))
            return Data((json + "\n").utf8)
        } catch let EncodingError.invalidValue(_, context) {
            throw .notANumber(path: context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined())
        } catch {
            throw .notANumber(path: "(unknown)")
        }
    }

    /// Reads a document written by `data(_:)`.
    public static func report(from data: Data) throws -> Report {
        try decoder.decode(Report.self, from: data)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
