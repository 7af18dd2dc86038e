/// Why a record store could not be opened, read or changed. Every message names the
/// folder or file and says what to do. A failed import leaves the store as it was.
public enum RecordStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another Kursus (an import or a sync) has the store open.
    case busy(path: String)
    /// A file of the store is not what the store's catalog says.
    case damaged(path: String, reason: String)
    case newerFormat(path: String, found: Int, supported: Int)
    /// The folder holds other files but no store: Kursus will not write into it.
    case notAStore(path: String)
    /// The store was closed; open it again.
    case closed(path: String)
    case file(RecordFileError)
    /// The transfer file being imported was refused as a whole.
    case transfer(TransferError)

    public var description: String {
        switch self {
        case let .busy(path):
            "\(path): the record store is in use by another Kursus (an import or a sync); try again when it has finished"
        case let .damaged(path, reason):
            "\(path): the record store is damaged: \(reason). Restore the store folder from a backup, or import the transfer files again into a new store"
        case let .newerFormat(path, found, supported):
            "\(path): the record store was written by a newer Kursus (format version \(found); this one reads up to \(supported)); update Kursus"
        case let .notAStore(path):
            "\(path) is a folder with other files in it, not a Kursus record store; choose an empty or new folder with --store"
        case let .closed(path):
            "\(path): the record store was closed; open it again"
        case let .file(problem):
            problem.description
        case let .transfer(problem):
            problem.description
        }
    }
}

/// How the files of a record store are named (see docs/records-outbox.md):
///
/// ```
/// <store>/store.json                     the catalog: which segments belong to the store
/// <store>/.lock                          held by the one import or sync using the store
/// <store>/segments/segment-000001.jsonl  statements of one import, one per line
/// <store>/segments/segment-000001.index  "<id> <fingerprint>" per statement, same order
/// <store>/sent.jsonl, rejected.jsonl     what a sync made of them (DeliveryLog)
/// ```
public enum RecordStoreLayout {
    public static let catalogName = "store.json"
    public static let lockName = ".lock"
    public static let segmentsFolder = "segments"
    public static let formatName = "kursus-record-store"
    public static let formatVersion = 1

    static func segmentName(_ number: Int) -> String {
        let digits = String(number)
        return "segment-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The number of a segment file's name (`segment-000007.jsonl` or `.index`), else nil.
    static func segmentNumber(_ fileName: String) -> Int? {
        guard fileName.hasPrefix("segment-") else { return nil }
        let stem = fileName.hasSuffix(".jsonl") ? fileName.dropLast(6) : fileName.hasSuffix(".index") ? fileName.dropLast(6) : nil
        guard let digits = stem?.dropFirst("segment-".count), digits.count >= 6, digits.count <= 9, digits.allSatisfy(\.isASCII) else { return nil }
        return Int(digits)
    }
}
