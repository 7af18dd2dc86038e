import Foundation

/// `store.json`, the one file that says what a record store holds:
///
/// ```json
/// { "format": "kursus-record-store", "formatVersion": 1,
///   "segments": [ { "number": 1, "statements": 120, "bytes": 98304,
///                   "importedAt": "2026-03-14T09:15:02Z", "source": "afsnit4.kursus-records" } ] }
/// ```
///
/// A segment belongs to the store only once the catalog lists it: an import writes its
/// segment files first and then replaces the catalog atomically, which is the moment
/// the statements are imported. Segment files the catalog does not list are leftovers
/// of an import that was cut off and are removed at the next import.
struct RecordStoreCatalog: Codable, Hashable {
    struct Segment: Codable, Hashable {
        var number: Int
        var statements: Int
        var bytes: UInt64
        var importedAt: Date
        /// The name of the transfer file the statements came from.
        var source: String
    }

    var format = RecordStoreLayout.formatName
    var formatVersion = RecordStoreLayout.formatVersion
    var segments: [Segment] = []

    /// The largest catalog read: about 20,000 imports.
    static let maximumBytes = 8 << 20

    var statementCount: Int { segments.reduce(0) { $0 + $1.statements } }

    /// The catalog of the store in `folder`, or nil when there is none yet.
    static func load(_ folder: SafeDirectory) throws(RecordStoreError) -> RecordStoreCatalog? {
        let path = folder.pathOf(RecordStoreLayout.catalogName)
        let data: Data
        do {
            guard let file = try folder.openForReading(RecordStoreLayout.catalogName) else { return nil }
            data = try file.readAll(limit: maximumBytes)
        } catch {
            throw .file(error)
        }
        struct Header: Decodable { var format: String?; var formatVersion: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == RecordStoreLayout.formatName else {
            throw .damaged(path: path, reason: "store.json is not a record store catalog")
        }
        if let version = header.formatVersion, version > RecordStoreLayout.formatVersion {
            throw .newerFormat(path: path, found: version, supported: RecordStoreLayout.formatVersion)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let catalog = try? decoder.decode(RecordStoreCatalog.self, from: data) else {
            throw .damaged(path: path, reason: "store.json lacks a field or has one of the wrong type")
        }
        var numbers = Set<Int>()
        for segment in catalog.segments {
            guard segment.number > 0, segment.number < 1_000_000_000, segment.statements >= 0, numbers.insert(segment.number).inserted else {
                throw .damaged(path: path, reason: "store.json lists segment \(segment.number) more than once or with impossible figures")
            }
        }
        return catalog
    }

    /// Writes the catalog atomically.
    func save(to folder: SafeDirectory) throws(RecordStoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try folder.replace(RecordStoreLayout.catalogName, with: try encoder.encode(self) + Data([0x0A]))
        } catch let error as RecordFileError {
            throw .file(error)
        } catch {
            throw .file(.writeFailed(path: folder.pathOf(RecordStoreLayout.catalogName), reason: "cannot encode the catalog"))
        }
    }
}
